"""A counter that finds its database damaged at start offers the last good backup; the in-charge
puts it back from the counter itself (checked, the damaged file kept aside, audited) and the
counter goes on starting with it. With no good backup it says so and stops."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from gui_driver import PASSWORD, ScriptedMessages, make_centre
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from khidmat_desk.app.backup import check_health, list_backups, take_backup
from khidmat_desk.app.running import CounterLock
from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.app.take_back import last_restored_backup_day
from khidmat_desk.auth.users import authenticate, create_user
from khidmat_desk.core import clock
from khidmat_desk.core.workflow import Role
from khidmat_desk.gui.app import Counter
from khidmat_desk.gui.restore_dialog import RestoreDialog
from khidmat_desk.gui.session import CounterSession
from khidmat_desk.gui.tasks import TaskRunner
from khidmat_desk.store.audit import verify_chain
from khidmat_desk.store.backup import integrity_problems
from khidmat_desk.store.db import open_database


def _truncate(database: Path) -> bytes:
    """Cut the file in half, as a power cut during a copy would; returns what is left."""
    data = database.read_bytes()
    database.write_bytes(data[: len(data) // 2])
    return database.read_bytes()


def _add_officer(settings: CounterSettings, username: str) -> None:
    db = open_database(settings.database_url, backup_dir=settings.backup_dir)
    try:
        in_charge = authenticate(db, "incharge", PASSWORD)
        with db.write() as session:
            create_user(session, username, "Asad Mehmood", Role.OFFICER, "officer-pass-1",
                        created_by=in_charge)
    finally:
        db.dispose()


class Started:
    def __init__(self, qtbot: QtBot, settings: CounterSettings, messages: ScriptedMessages,
                 lock: CounterLock) -> None:
        self.session = CounterSession(CounterSettings.load(settings.data_dir))
        self.tasks = TaskRunner(on_error=lambda exc: messages.shown.append(("error", str(exc))))
        self.counter = Counter(QApplication.instance(), self.session, self.tasks,  # type: ignore[arg-type]
                               messages, idle_ms=60_000)
        self.counter.data_lock = lock
        self.counter.start()
        assert self.counter.login is not None
        qtbot.addWidget(self.counter.login)

    def stop(self) -> None:
        self.counter.backup_timer.stop()
        self.counter.backups.wait()
        self.tasks.wait()
        self.session.close()


def test_the_in_charge_restores_the_last_good_backup_and_the_counter_starts(
        qtbot: QtBot, tmp_path: Path) -> None:
    settings = make_centre(tmp_path / "centre")
    settings.set("sync_server", "https://sync.punjabpolice.gov.pk")  # it sends to a server
    settings.save()
    _add_officer(settings, "asad")  # in the backup
    good = take_backup(settings, reason="periodic")
    _add_officer(settings, "bilal")  # after the backup: lost with the damaged file
    database = tmp_path / "centre" / "khidmat.sqlite3"
    damaged = _truncate(database)
    messages = ScriptedMessages()
    messages.answers["choose"] = "restore"
    with CounterLock(settings.data_dir) as lock:  # as the running counter holds it
        started = Started(qtbot, settings, messages, lock)
        try:
            qtbot.waitUntil(lambda: started.counter.restore_dialog is not None, timeout=10_000)
            kind, offered = messages.shown[0]
            assert kind == "choose" and "damaged" in offered and str(good) in offered
            dialog = started.counter.restore_dialog
            assert isinstance(dialog, RestoreDialog) and dialog.isVisible()
            assert database.read_bytes() == damaged  # nothing touched before the in-charge acts

            qtbot.keyClicks(dialog.user, "incharge")
            qtbot.keyClicks(dialog.password, "wrong-password")
            qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=10_000)
            assert "password" in dialog.message.text().lower()
            assert database.read_bytes() == damaged  # a failed sign-in changes nothing

            qtbot.keyClicks(dialog.password, PASSWORD)
            with qtbot.waitSignal(dialog.restored, timeout=20_000):
                qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
            # the counter goes on starting: the restored database opens and is backed up
            qtbot.waitUntil(lambda: any(b.reason == "start" for b in list_backups(settings)),
                            timeout=20_000)
            kind, said = messages.shown[-1]
            assert kind == "info" and "back in place" in said
            # the damaged file's numbers cannot be read: receipts handed out since the backup
            # keep theirs, new ones go on well past them
            assert "Tracking numbers go on after those handed out before: counter 3, " in said
            # what was sent after the backup is on the central server: where to take it back
            assert "Take back from the central server" in said
            assert started.session.authenticate("asad", "officer-pass-1").username == "asad"
        finally:
            started.stop()
    assert check_health(settings).ok
    kept = [p for p in settings.backup_dir.glob("khidmat-replaced-*.sqlite3")]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged and integrity_problems(kept[0])
    db = open_database(settings.database_url)
    try:
        with db.read() as session:
            users = set(session.execute(text("SELECT username FROM app_user")).scalars())
            last = session.execute(text(
                "SELECT actor, action, details FROM audit_event "
                "WHERE action = 'database.restored'")).one()
            assert verify_chain(session).ok
    finally:
        db.dispose()
    assert "asad" in users and "bilal" not in users
    assert last.actor == "incharge" and str(good) in str(last.details)
    db = open_database(settings.database_url)
    try:  # the take back offers to start from the backup's day
        assert last_restored_backup_day(db) == clock.day_of(
            datetime.fromtimestamp(good.stat().st_mtime, UTC))
    finally:
        db.dispose()


def test_with_no_good_backup_the_counter_says_so_and_stops(qtbot: QtBot,
                                                          tmp_path: Path) -> None:
    settings = make_centre(tmp_path / "centre")
    bad = take_backup(settings, reason="periodic")
    _truncate(bad)  # the only backup is damaged too
    database = tmp_path / "centre" / "khidmat.sqlite3"
    damaged = _truncate(database)
    messages = ScriptedMessages()
    with CounterLock(settings.data_dir) as lock:
        started = Started(qtbot, settings, messages, lock)
        try:
            qtbot.waitUntil(lambda: bool(messages.shown), timeout=10_000)
            kind, said = messages.shown[0]
            assert kind == "warning" and "no good backup" in said
            assert str(settings.data_dir) in said
            assert started.counter.restore_dialog is None
        finally:
            started.stop()
    assert database.read_bytes() == damaged
    assert not list(settings.backup_dir.glob("*replaced*"))


def test_what_the_damaged_database_still_holds_comes_back_with_the_backup(
        qtbot: QtBot, tmp_path: Path) -> None:
    """Only the audit trail's first page is spoilt: the application saved after the backup
    still reads, and comes back; the in-charge is told to check it against its papers."""
    from backup_helpers import PASSWORD as IN_CHARGE_PASSWORD
    from backup_helpers import make_centre as make_saving_centre
    from backup_helpers import save_applications
    from test_backup import _damage_one_table

    settings = make_saving_centre(tmp_path / "centre")
    good = take_backup(settings, reason="periodic")
    db = open_database(settings.database_url, backup_dir=settings.backup_dir)
    try:
        [after] = save_applications(db, settings, 1)
    finally:
        db.dispose()
    database = tmp_path / "centre" / "khidmat.sqlite3"
    _damage_one_table(database, "audit_event")
    messages = ScriptedMessages()
    messages.answers["choose"] = "restore"
    with CounterLock(settings.data_dir) as lock:
        started = Started(qtbot, settings, messages, lock)
        try:
            qtbot.waitUntil(lambda: started.counter.restore_dialog is not None, timeout=10_000)
            dialog = started.counter.restore_dialog
            assert isinstance(dialog, RestoreDialog) and str(good) in messages.shown[0][1]
            qtbot.keyClicks(dialog.user, "incharge")
            qtbot.keyClicks(dialog.password, IN_CHARGE_PASSWORD)
            with qtbot.waitSignal(dialog.restored, timeout=20_000):
                qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: messages.shown[-1][0] == "info", timeout=20_000)
            said = messages.shown[-1][1]
            assert "1 application(s) saved or changed after the backup were taken back" in said
        finally:
            started.stop()
    db = open_database(settings.database_url)
    try:
        with db.read() as session:
            numbers = set(session.scalars(text("SELECT tracking_number FROM application")))
    finally:
        db.dispose()
    assert after in numbers
