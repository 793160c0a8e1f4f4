"""`doctor` on the command line, and Help → Diagnostics / About in the counter."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from backup_helpers import make_centre
from gui_driver import PASSWORD, ScriptedMessages, show_active
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from pytestqt.qtbot import QtBot

from khidmat_desk.app.backup import take_backup
from khidmat_desk.app.doctor import FAIL, OK, WARN, diagnose
from khidmat_desk.gui.diagnostics import DiagnosticsDialog
from khidmat_desk.gui.main_window import MainWindow
from khidmat_desk.gui.session import CounterSession
from khidmat_desk.gui.tasks import TaskRunner

Run = Callable[..., tuple[int, str, str]]


def _levels(out: str) -> dict[str, str]:
    """topic -> level, from the report's lines ("OK    topic   detail")."""
    found = {}
    for line in out.splitlines()[:-1]:
        level, rest = line[:4].strip(), line[6:]
        found[rest.split("  ")[0].strip()] = level
    return found


def test_doctor_reports_each_check_and_exits_by_the_worst(tmp_path: Path, run: Run) -> None:
    settings = make_centre(tmp_path / "centre")
    take_backup(settings, reason="start")
    code, out, err = run("doctor", "--data-dir", str(settings.data_dir))
    levels = _levels(out)
    assert levels["versions"] == OK and levels["database"] == OK and levels["schema"] == OK
    assert levels["integrity"] == OK and levels["outbox"] == OK
    assert levels["last backup"] == OK and levels["data folder"] == OK
    assert levels["central server"] == WARN  # not set up
    assert out.splitlines()[-1] == "overall: WARN" and code == 3, err
    assert "khidmat-desk 0.1.0" in out and str(settings.data_dir) in out


def test_doctor_fails_on_a_damaged_database(tmp_path: Path, run: Run) -> None:
    settings = make_centre(tmp_path / "centre")
    database = settings.data_dir / "khidmat.sqlite3"
    data = database.read_bytes()
    database.write_bytes(data[: len(data) // 2])
    code, out, _ = run("doctor", "--data-dir", str(settings.data_dir))
    assert _levels(out)["integrity"] == FAIL
    assert out.splitlines()[-1] == "overall: FAIL" and code == 1
    assert "Traceback" not in out


def test_doctor_lists_the_printers_it_is_given(tmp_path: Path) -> None:
    settings = make_centre(tmp_path / "centre")
    report = diagnose(settings, printers=lambda: ["Thermal-80", "Office-Laser"])
    printers = next(f for f in report.findings if f.topic == "printers")
    assert (printers.level, printers.detail) == (OK, "Thermal-80, Office-Laser")
    empty = diagnose(settings, printers=list)
    assert next(f for f in empty.findings if f.topic == "printers").level == WARN


def test_diagnostics_and_about_in_the_counter(qtbot: QtBot, counter_session: CounterSession,
                                              tasks: TaskRunner) -> None:
    messages = ScriptedMessages()
    user = counter_session.authenticate("incharge", PASSWORD)
    window = MainWindow(tasks, counter_session, user=user, messages=messages)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.findChild(QAction, "action_diagnostics").trigger()
    dialog = window.findChild(DiagnosticsDialog, "diagnostics")
    assert dialog is not None
    qtbot.waitUntil(lambda: "overall:" in dialog.report.toPlainText(), timeout=20_000)
    text = dialog.report.toPlainText()
    assert "database" in text and "printers" in text and "free disk" in text
    qtbot.mouseClick(dialog.copy, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == text
    dialog.accept()
    window.findChild(QAction, "action_about").trigger()
    kind, shown = messages.shown[-1]
    assert kind == "info" and "Khidmat Desk 0.1.0" in shown
    assert str(counter_session.settings.data_dir) in shown
