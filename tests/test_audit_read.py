"""The in-charge reads the audit trail: who did what, to what, when — by day, person, kind and
record, page by page; an officer may not. Real files, the real command line and window."""

from __future__ import annotations

import json
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from gui_driver import ScriptedMessages, show_active
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from trust_helpers import IN_CHARGE_PASSWORD, OFFICER_PASSWORD, Run, apply, make_centre

from khidmat_desk.app.audit import ATTENTION, AuditQuery, attention_events, read_audit_trail
from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.auth.users import BadCredentials, PermissionDenied, authenticate
from khidmat_desk.core import clock
from khidmat_desk.gui.audit_dialog import AuditDialog
from khidmat_desk.gui.main_window import MainWindow
from khidmat_desk.gui.session import CounterSession
from khidmat_desk.gui.tasks import TaskRunner
from khidmat_desk.store.db import open_database


@pytest.fixture
def centre(run: Run, tmp_path: Path) -> tuple[Path, list[str]]:
    """Three applications taken by officer1 (each also signs officer1 in)."""
    folder = make_centre(run, tmp_path / "centre")
    made = []
    for service in ("police-verification", "character-certificate", "fir-copy"):
        code, out, err = apply(run, folder, service, None, "--json")
        assert code == 0, err
        made.append(json.loads(out)["tracking_number"])
    return folder, made


def _list(run: Run, folder: Path, *args: str, user: str = "incharge",
          password: str = IN_CHARGE_PASSWORD) -> tuple[int, str, str]:
    return run("audit", "list", "--data-dir", str(folder), "--user", user, "--password-stdin",
               *args, stdin=password + "\n")


def test_the_in_charge_reads_who_did_what(run: Run, centre: tuple[Path, list[str]]) -> None:
    folder, made = centre
    db = open_database(CounterSettings.load(folder).database_url)
    try:
        head = authenticate(db, "incharge", IN_CHARGE_PASSWORD)
        everything = read_audit_trail(db, head, AuditQuery(limit=1000))
        kinds = [line.action for line in everything.lines]
        assert kinds.count("application-submitted") == 3 and "centre.init" in kinds
        sequences = [line.sequence for line in everything.lines]
        assert sequences == sorted(sequences, reverse=True)  # newest first

        about = read_audit_trail(db, head, AuditQuery(about=made[1].lower())).lines
        assert [line.action for line in about] == ["application-submitted"]
        assert about[0].about == made[1] and about[0].actor == "officer1"
        assert about[0].entity_id != made[1]  # filed under the uuid, found by the number

        taken = read_audit_trail(db, head, AuditQuery(actor="officer1",
                                                      action="application-submitted"))
        assert {line.about for line in taken.lines} == set(made)

        today = clock.day_of(everything.lines[0].at)
        assert read_audit_trail(db, head, AuditQuery(day=today)).lines
        assert not read_audit_trail(db, head, AuditQuery(day=today - timedelta(days=3))).lines

        first = read_audit_trail(db, head, AuditQuery(limit=2))
        assert first.more and len(first.lines) == 2
        second = read_audit_trail(db, head, AuditQuery(limit=2, before=first.lines[-1].sequence))
        assert second.lines[0].sequence == first.lines[-1].sequence - 1

        officer = authenticate(db, "officer1", OFFICER_PASSWORD)
        with pytest.raises(PermissionDenied):
            read_audit_trail(db, officer, AuditQuery())

        with pytest.raises(BadCredentials):
            authenticate(db, "officer1", "not the password")
        start = clock.day_start(today)
        eye = attention_events(db, head, start, start + timedelta(days=1))
        assert eye[0].action == "login-failed" and eye[0].actor == "officer1"
        assert {line.action for line in eye} <= set(ATTENTION)
        assert not attention_events(db, head, start - timedelta(days=1), start)
        with pytest.raises(PermissionDenied):
            attention_events(db, officer, start, start + timedelta(days=1))
    finally:
        db.dispose()


def test_audit_list_on_the_command_line(run: Run, centre: tuple[Path, list[str]]) -> None:
    folder, made = centre
    code, out, err = _list(run, folder, "--about", made[0])
    assert (code, err) == (0, "")
    assert made[0] in out and "application-submitted" in out and "officer1" in out
    assert "state" not in out  # a record's digest is not news to a person
    code, out, _ = _list(run, folder, "--limit", "2")
    assert code == 0 and "(older events too: --before" in out
    code, out, _ = _list(run, folder, "--by", "officer1", "--action", "login", "--json")
    events = json.loads(out)["events"]
    assert code == 0 and len(events) == 3 and {e["actor"] for e in events} == {"officer1"}
    code, out, _ = _list(run, folder, "--about", "LHR01-000000-01-0001-0")
    assert code == 0 and out == "no event matches\n"
    code, _, err = _list(run, folder, user="officer1", password=OFFICER_PASSWORD)
    assert code != 0 and "in-charge" in err
    code, _, err = _list(run, folder, "--limit", "0")
    assert code == 2 and "--limit" in err


def test_the_audit_window_reads_takes_a_scan_and_checks_the_chain(
        qtbot: QtBot, run: Run, centre: tuple[Path, list[str]]) -> None:
    folder, made = centre
    session = CounterSession(CounterSettings.load(folder))
    session.open()
    tasks = TaskRunner(on_error=lambda exc: pytest.fail(f"background error: {exc!r}"))
    messages = ScriptedMessages()
    window = MainWindow(tasks, session, user=session.authenticate("incharge",
                                                                  IN_CHARGE_PASSWORD),
                        messages=messages)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    try:
        window.findChild(QAction, "action_audit").trigger()
        dialog = window.centre.audit_dialog
        assert isinstance(dialog, AuditDialog)
        qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=10_000)
        assert dialog.day.text() == f"{clock.today():%d-%m-%Y}"
        whats = {dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())}
        assert {"application taken", "signed in"} <= whats
        qtbot.waitUntil(lambda: dialog.by.findData("officer1") >= 0, timeout=5000)

        show_active(qtbot, dialog)  # a receipt scanned into the audit window: its history
        window._on_scanned_elsewhere(made[2])
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)
        assert dialog.about.text() == made[2] and dialog.day.text() == ""
        assert dialog.table.item(0, 3).text() == made[2]
        assert not any(kind == "warning" for kind, _ in messages.shown)

        dialog.day.setText("31-02-2026")
        dialog.show_events()
        assert "DD-MM-YYYY" in dialog.problem.text()

        threads: dict[str, object] = {}
        checking = session.check_audit

        def check_audit() -> object:  # the real check, noting where it ran
            threads["check"] = threading.current_thread()
            return checking()

        session.check_audit = check_audit  # type: ignore[method-assign]
        dialog.check_trail()
        tasks.run(lambda: threads.setdefault("saves", threading.current_thread()),
                  lambda _: None)
        qtbot.waitUntil(lambda: bool(messages.shown), timeout=20_000)
        kind, text = messages.shown[-1]
        assert kind == "info" and text.startswith("The audit trail is intact:")
        tasks.wait()
        # 25 s on a large centre's trail: never on the thread the counter saves on
        assert threads["check"] is not threads["saves"]
        dialog.close()
    finally:
        tasks.wait()
        window.close()
        session.close()
