"""The counter backs up at start and refuses a damaged database with a clear message."""

from __future__ import annotations

from pathlib import Path

from gui_driver import ScriptedMessages, make_centre
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from khidmat_desk.app.backup import list_backups
from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.gui.app import Counter
from khidmat_desk.gui.session import CounterSession
from khidmat_desk.gui.tasks import TaskRunner


def _start(qtbot: QtBot, folder: Path, messages: ScriptedMessages
           ) -> tuple[Counter, CounterSession, TaskRunner]:
    session = CounterSession(CounterSettings.load(folder))
    tasks = TaskRunner(on_error=lambda exc: messages.shown.append(("error", str(exc))))
    counter = Counter(QApplication.instance(), session, tasks, messages,  # type: ignore[arg-type]
                      idle_ms=60_000)
    counter.start()
    assert counter.login is not None
    qtbot.addWidget(counter.login)
    return counter, session, tasks


def _stop(counter: Counter, session: CounterSession, tasks: TaskRunner) -> None:
    counter.backup_timer.stop()
    counter.backups.wait()
    tasks.wait()
    session.close()


def test_the_counter_backs_up_its_database_at_start(qtbot: QtBot, tmp_path: Path) -> None:
    settings = make_centre(tmp_path / "centre")
    messages = ScriptedMessages()
    counter, session, tasks = _start(qtbot, settings.data_dir, messages)
    try:
        qtbot.waitUntil(lambda: bool(list_backups(settings)), timeout=10_000)
        assert [b.reason for b in list_backups(settings)] == ["start"]
        assert counter.backup_timer.isActive()
        assert messages.shown == []
    finally:
        _stop(counter, session, tasks)


def test_a_damaged_database_is_named_with_its_last_backup_and_not_opened(
        qtbot: QtBot, tmp_path: Path) -> None:
    from khidmat_desk.app.backup import take_backup

    settings = make_centre(tmp_path / "centre")
    good = take_backup(settings, reason="start")
    database = tmp_path / "centre" / "khidmat.sqlite3"
    data = database.read_bytes()
    database.write_bytes(data[: len(data) // 2])
    damaged = database.read_bytes()
    messages = ScriptedMessages()
    counter, session, tasks = _start(qtbot, settings.data_dir, messages)
    try:
        qtbot.waitUntil(lambda: bool(messages.shown), timeout=10_000)
        kind, text = messages.shown[0]
        assert kind == "choose" and "damaged" in text and str(good) in text  # Quit chosen
        assert database.read_bytes() == damaged  # never opened, so nothing was written to it
    finally:
        _stop(counter, session, tasks)
