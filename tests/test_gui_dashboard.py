"""The in-charge's dashboard: opened from the Centre menu, figures read off the GUI thread,
exports on their own thread with a progress bar and Cancel."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from gui_driver import PASSWORD, ScriptedMessages, show_active
from intake_helpers import counter_context, intake
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from khidmat_desk.app.applications import change_status, submit_application
from khidmat_desk.auth.users import BadCredentials, authenticate, create_user
from khidmat_desk.core.display import LRI, PDI
from khidmat_desk.gui.dashboard import Dashboard
from khidmat_desk.gui.errors import Messages
from khidmat_desk.gui.main_window import MainWindow
from khidmat_desk.gui.session import CounterSession
from khidmat_desk.gui.tasks import TaskRunner


def shown(text: str) -> str:
    """A cell's text without the isolates that keep its numbers in order inside Urdu."""
    return text.replace(LRI, "").replace(PDI, "")


def take(session: CounterSession, count: int) -> list[str]:
    user = session.authenticate("incharge", PASSWORD)
    context = counter_context(session.db, user, session.tariff, counter=3)
    made = [submit_application(context, intake("police-verification")).tracking_number
            for _ in range(count)]
    change_status(session.db, made[0], "voided", user=user, reason="Entered twice")
    return made


def window_for(qtbot: QtBot, session: CounterSession, tasks: TaskRunner, username: str,
               messages: ScriptedMessages) -> MainWindow:
    user = session.authenticate(username, PASSWORD)
    window = MainWindow(tasks, session, user=user, messages=messages)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    tasks.wait()
    return window


def open_dashboard(qtbot: QtBot, window: MainWindow) -> Dashboard:
    """Centre → Today at the centre (Ctrl+T), then wait for the figures."""
    [centre] = [a for a in window.menuBar().actions() if a.text() == "C&entre"]
    [today] = [a for a in centre.menu().actions()  # type: ignore[union-attr]
               if a.objectName() == "action_today"]
    assert today.shortcut().toString() == "Ctrl+T"
    today.trigger()
    qtbot.waitUntil(lambda: window.dashboard is not None and window.dashboard.summary
                    is not None, timeout=10_000)
    assert window.dashboard is not None
    return window.dashboard


def test_the_dashboard_shows_todays_figures(qtbot: QtBot, counter_session: CounterSession,
                                            tasks: TaskRunner) -> None:
    take(counter_session, 3)
    window = window_for(qtbot, counter_session, tasks, "incharge", ScriptedMessages())
    board = open_dashboard(qtbot, window)
    assert board.isVisible()
    assert board.figures["applications"].text() == "3"
    assert board.figures["voids"].text() == "1 / 0"
    tariff_fee = counter_session.tariff.fees["police-verification"]["pkr"]
    assert board.figures["paid"].text() == f"Rs {3 * tariff_fee:,}"
    assert board.figures["cash"].text() == f"Rs {2 * tariff_fee:,}"
    assert board.tables["voids"].rowCount() == 1
    assert board.tables["voids"].item(0, 4).text() == "Entered twice"
    assert sum(value for _, value in board.hours.items) == 3
    assert board.categories.items == [("General police verification (GPV)", 3)]
    qtbot.waitUntil(lambda: board.counters is not None, timeout=10_000)
    counters = board.tables["counters"]
    assert board.tabs.tabText(0) == "Counters"
    rows = {shown(counters.item(r, 0).text()): [counters.item(r, c).text()
                                                 for c in range(1, 7)]
            for r in range(counters.rowCount())}
    assert rows["Counter 3"][0] == "3" and rows["Counter 3"][2] == "4"  # 3 taken, 1 void
    assert board.sync_line.text() == "This PC has not sent to the central server yet."
    board.grab()  # paints both charts


def test_an_officer_has_no_centre_menu(qtbot: QtBot, counter_session: CounterSession,
                                       tasks: TaskRunner) -> None:
    with counter_session.db.write() as session:
        create_user(session, "officer3", "Counter Three", "officer", PASSWORD)
    window = window_for(qtbot, counter_session, tasks, "officer3", ScriptedMessages())
    assert [a.text() for a in window.menuBar().actions() if a.text() == "C&entre"] == []


def test_exports_run_off_the_gui_thread_and_can_be_cancelled(
        qtbot: QtBot, counter_session: CounterSession, tasks: TaskRunner,
        tmp_path: Path) -> None:
    made = take(counter_session, 2)
    messages = ScriptedMessages()
    window = window_for(qtbot, counter_session, tasks, "incharge", messages)
    board = open_dashboard(qtbot, window)
    messages.answers["save_path"] = str(tmp_path / "today.xlsx")
    with qtbot.waitSignal(board.export_finished, timeout=20_000) as finished:
        board.export_buttons["xlsx"].click()
        assert board.progress.isVisible() and board.cancel_button.isVisible()
        assert not board.export_buttons["pdf"].isEnabled()
    assert finished.args == ["written"]
    assert not board.progress.isVisible()
    book = openpyxl.load_workbook(tmp_path / "today.xlsx", read_only=True)
    numbers = [row[0] for row in book["Applications"].iter_rows(min_row=2, values_only=True)]
    book.close()
    assert numbers == made
    messages.answers["save_path"] = str(tmp_path / "cancelled.xlsx")
    with qtbot.waitSignal(board.export_finished, timeout=20_000) as finished:
        board.export_buttons["xlsx"].click()
        board.cancel_button.click()
    assert finished.args == ["cancelled"]
    assert not (tmp_path / "cancelled.xlsx").exists()
    assert board.export_buttons["xlsx"].isEnabled()
    (tmp_path / "stick").write_text("a file where the folder should be")  # the stick pulled out
    messages.answers["save_path"] = str(tmp_path / "stick" / "today.csv")
    with qtbot.waitSignal(board.export_finished, timeout=20_000) as finished:
        board.export_buttons["csv"].click()
    assert finished.args == ["failed"]
    [warned] = [text for kind, text in messages.shown if kind == "warning"]
    assert "today.csv could not be written" in warned  # said, not the crash dialog


def test_a_file_dialog_opened_from_the_dashboard_belongs_to_it(
        qtbot: QtBot, counter_session: CounterSession, tasks: TaskRunner) -> None:
    """Saving the day's PDF opens the file dialog over the dashboard, so the keyboard goes back
    to the dashboard afterwards: it went to the main window once (the dialog was the main
    window's), and the in-charge's Esc and shortcuts landed behind the dashboard."""
    window = window_for(qtbot, counter_session, tasks, "incharge", ScriptedMessages())
    board = open_dashboard(qtbot, window)
    show_active(qtbot, board)
    messages = Messages(window)  # the counter's own: real dialogs, owned by the main window
    owners: list[object] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        owners.append(dialog.parentWidget() if dialog is not None else None)
        if dialog is not None:
            dialog.close()

    QTimer.singleShot(300, answer)
    assert messages.save_path("Save the day's PDF", "day-2026-03-06.pdf", "*.pdf") is None
    assert owners == [board]
    board.close()
    show_active(qtbot, window)
    assert messages.owner() is window


def test_the_lists_are_reached_by_keyboard(qtbot: QtBot, counter_session: CounterSession,
                                           tasks: TaskRunner) -> None:
    """Ctrl+Tab went to the table (as did Ctrl+PageDown) and Tab walked its cells one by one:
    the in-charge could not reach *By officer* or *Late records* without a mouse."""
    take(counter_session, 2)
    window = window_for(qtbot, counter_session, tasks, "incharge", ScriptedMessages())
    board = open_dashboard(qtbot, window)
    show_active(qtbot, board)
    board.tables["counters"].setFocus()
    qtbot.keyClick(board.tables["counters"], Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert board.tabs.currentIndex() == 1 and board.tabs.tabText(1) == "By officer"
    assert board.focusWidget() is board.tables["officers"]
    qtbot.keyClick(board.focusWidget(), Qt.Key.Key_Backtab,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert board.tabs.currentIndex() == 0
    qtbot.keyClick(board.focusWidget(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert board.tabs.tabText(board.tabs.currentIndex()).startswith("Needs your eye")
    qtbot.keyClick(board.focusWidget(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert board.tabs.tabText(board.tabs.currentIndex()) == "Late records"
    qtbot.keyClick(board.focusWidget(), Qt.Key.Key_Tab)  # out of the list, not to its next cell
    assert not isinstance(board.focusWidget(), type(board.tables["late"]))


def test_what_needs_the_in_charges_eye_is_listed(qtbot: QtBot, counter_session: CounterSession,
                                                 tasks: TaskRunner) -> None:
    """A sign-in refused for a wrong password is there with who and why (as are the accounts
    and the key made when this centre was set up today); an ordinary save or sign-in is not."""
    take(counter_session, 1)
    with pytest.raises(BadCredentials):
        authenticate(counter_session.db, "incharge", "not the password")
    window = window_for(qtbot, counter_session, tasks, "incharge", ScriptedMessages())
    board = open_dashboard(qtbot, window)
    table = board.tables["attention"]
    qtbot.waitUntil(lambda: table.rowCount() > 0, timeout=10_000)
    rows = [[shown(table.item(r, c).text()) for c in range(table.columnCount())]
            for r in range(table.rowCount())]
    assert rows[0][1:4] == ["incharge", "sign-in refused (wrong password)", "incharge"]
    assert "reason: wrong password" in rows[0][4]  # the newest first
    whats = {row[2] for row in rows}
    assert "signed in" not in whats and "application taken" not in whats
    index = board.tabs.indexOf(table)
    assert board.tabs.tabText(index) == f"Needs your eye ({len(rows)})"
