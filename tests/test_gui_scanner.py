"""A keyboard-wedge scanner at the counter: a receipt's tracking number typed in a burst and
Enter opens that application whatever has the focus — and never a different one — and a scan
into a wizard's input leaves what was typed there alone. Searches always say what they found."""

from __future__ import annotations

from typing import Any

from gui_driver import ScriptedMessages, complete_wizard, fill_step, settle
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from test_gui_counter import main_window, submit_example

from khidmat_desk.core.catalogue import get_service
from khidmat_desk.core.fields import Service
from khidmat_desk.core.tracking import check_character
from khidmat_desk.gui.main_window import MainWindow
from khidmat_desk.gui.scanner import BURST_GAP_S, read_scan
from khidmat_desk.gui.session import CounterSession
from khidmat_desk.gui.tasks import TaskRunner


def scan(qtbot: QtBot, number: str) -> None:
    """What a scanner does: the characters in a burst, then Enter, into whatever has focus —
    or, as the window system does, into a picker's list of matches while it is open."""
    for key in [*number, Qt.Key.Key_Return]:
        target = QApplication.activePopupWidget() or QApplication.focusWidget()
        assert target is not None
        QTest.keyClick(target, key)


def opened(qtbot: QtBot, window: MainWindow, tasks: TaskRunner, tracking: str) -> None:
    settle(qtbot, tasks)
    qtbot.waitUntil(lambda: window.ui.stack.currentWidget() is window.view
                    and window.view.detail is not None
                    and window.view.detail.tracking_number == tracking, timeout=5000)


def two_in_queue(qtbot: QtBot, session: CounterSession, tasks: TaskRunner
                 ) -> tuple[MainWindow, str, str]:
    first = submit_example(session, "tenant-registration")
    second = submit_example(session, "lost-report")
    window = main_window(qtbot, session, tasks)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=5000)
    return window, first, second


def saved_in_wizard(qtbot: QtBot, session: CounterSession, tasks: TaskRunner,
                    window: MainWindow, code: str) -> Service:
    """Take an application through the wizard and stay on its saved page."""
    session.settings.set("after_submit", "nothing")
    service = get_service(code)
    window.start_wizard(service.code)
    assert window.wizard is not None
    complete_wizard(qtbot, window.wizard, service, service.example)
    settle(qtbot, tasks)
    return service


def test_read_scan_takes_only_valid_numbers_in_any_layout() -> None:
    good = "LHR01-261123-07-0042"
    number = f"{good}-{check_character(good)}"
    assert read_scan(number) == number
    assert read_scan(number.replace("-", "").lower()) == number
    wrong = number[:-1] + ("0" if number[-1] != "0" else "1")
    assert read_scan(wrong) is None  # a misread scan opens nothing
    assert read_scan("tenant") is None


def test_scan_with_the_queue_focused_opens_the_scanned_application(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    window, first, second = two_in_queue(qtbot, session, tasks)
    window.table.setFocus()
    for number in (first, second, first):
        window.show_queue()
        window.table.setFocus()
        scan(qtbot, number.replace("-", ""))
        opened(qtbot, window, tasks, number)


def test_scan_into_the_launcher_filter_opens_it_and_clears_nothing_else(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    window, first, _ = two_in_queue(qtbot, session, tasks)
    window.ui.launcher_filter.setFocus()
    scan(qtbot, first.lower())
    opened(qtbot, window, tasks, first)
    assert window.ui.launcher_filter.text() == ""
    assert window.wizard is None  # Enter did not start the launcher's first match


def test_scan_with_an_application_open_opens_the_other_one(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    window, first, second = two_in_queue(qtbot, session, tasks)
    window.open_application(first)
    opened(qtbot, window, tasks, first)
    window.view.setFocus()
    scan(qtbot, second)
    opened(qtbot, window, tasks, second)
    focus: QWidget | None = QApplication.focusWidget()
    assert focus is not None
    scan(qtbot, first)  # again, with whatever the view focused now
    opened(qtbot, window, tasks, first)


def test_scan_inside_a_wizard_input_keeps_what_was_typed(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    messages = ScriptedMessages()
    window, first, _ = two_in_queue(qtbot, session, tasks)
    window._messages = messages
    window.start_wizard("lost-report")
    panel = window.wizard
    assert panel is not None
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit)
    QTest.keyClicks(field, "Ahmad")
    before = field.text()
    qtbot.wait(int(BURST_GAP_S * 1000) + 100)  # the officer stops typing; the scan comes later
    scan(qtbot, first)
    settle(qtbot, tasks)
    assert field.text() == before  # nothing of the scan left in the field
    assert window.ui.stack.currentWidget() is panel
    assert "finish or cancel" in window.statusBar().currentMessage().lower()


def test_scan_into_a_picker_with_its_list_open_is_still_a_scan(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    """A police-station box lists its matches from the first letter, and the rest of a scan
    goes to that list: the scan is still heard (the wizard asks to be finished first), the
    box is left as it was and Enter does not turn the page."""
    window, first, _ = two_in_queue(qtbot, session, tasks)
    window.start_wizard("lost-report")
    panel = window.wizard
    assert panel is not None
    while (form := panel.current_form()) is not None:
        fill_step(qtbot, form, {**panel.service.example, "present_district": "Lahore"})
        if "present_police_station" in form.rows:
            break
        qtbot.keyClick(panel, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    box = form.rows["present_police_station"].input.widget
    before = box.currentText()
    box.setFocus()
    box.lineEdit().selectAll()  # as Tab leaves it: the next key replaces the station
    qtbot.wait(int(BURST_GAP_S * 1000) + 100)
    QTest.keyClick(box, "L")  # the list opens on the first letter of the scan
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=2000)
    scan(qtbot, first[1:])
    settle(qtbot, tasks)
    assert "finish or cancel" in window.statusBar().currentMessage().lower()  # heard
    assert box.currentText() == before and panel.current_form() is form
    assert QApplication.activePopupWidget() is None


def test_scan_on_the_saved_page_opens_the_application(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    window, first, _ = two_in_queue(qtbot, session, tasks)
    saved_in_wizard(qtbot, session, tasks, window, "lost-report")
    assert window.wizard is not None and window.wizard.saved
    window.wizard.setFocus()
    scan(qtbot, first)
    opened(qtbot, window, tasks, first)


def test_slow_typing_of_a_number_is_typing_not_a_scan(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    window, first, _ = two_in_queue(qtbot, session, tasks)
    ticks = iter(range(10_000))
    window.scanner.clock = lambda: next(ticks) * (BURST_GAP_S * 3)  # a person's pace
    window.ui.launcher_filter.setFocus()
    QTest.keyClicks(window.ui.launcher_filter, first)
    QTest.keyClick(window.ui.launcher_filter, Qt.Key.Key_Return)
    settle(qtbot, tasks)
    assert window.ui.stack.currentWidget() is not window.view


def search_for(qtbot: QtBot, window: MainWindow, tasks: TaskRunner, text: str) -> None:
    window.search.setFocus()
    window.search.selectAll()
    window.scanner.clock = _slow_clock()
    QTest.keyClicks(window.search, text)
    QTest.keyClick(window.search, Qt.Key.Key_Return)
    settle(qtbot, tasks)


def _slow_clock() -> Any:
    ticks = iter(range(100_000))
    return lambda: next(ticks) * 0.2


def test_after_the_saved_page_queue_and_searches_answer_visibly(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    window, _, _ = two_in_queue(qtbot, session, tasks)
    service = saved_in_wizard(qtbot, session, tasks, window, "tenant-registration")
    QTest.keyClick(window, Qt.Key.Key_F5)
    settle(qtbot, tasks)
    assert window.ui.stack.currentWidget() is window.ui.home
    assert window.model.rowCount() == 3
    # by CNIC: the citizen's applications are listed
    cnic = service.example[service.primary_cnic]
    search_for(qtbot, window, tasks, cnic)
    assert window.ui.stack.currentWidget() is window.ui.home
    assert window.model.rowCount() >= 2
    assert "found" in window.heading.text()
    # nothing matches: said where the officer looks
    search_for(qtbot, window, tasks, "Zzyxquor")
    assert window.model.rowCount() == 0
    assert "no application matches" in window.heading.text().lower()
    assert window.statusBar().currentMessage() != ""


def test_a_scan_into_another_window_presses_none_of_its_buttons(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    """The close window of a closed day had the keyboard: the scan's Enter pressed its
    Reopen button (and in the lock screen would try the letters as a password). Its keys now
    do nothing there, and the counter says to close the window and scan again."""
    from gui_driver import show_active
    from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout

    window, first, _ = two_in_queue(qtbot, session, tasks)
    pressed: list[str] = []
    dialog = QDialog(window)
    field = QLineEdit(dialog)
    button = QPushButton("Reopen…", dialog)
    button.setDefault(True)
    button.clicked.connect(lambda: pressed.append("reopen"))
    layout = QVBoxLayout(dialog)
    layout.addWidget(field)
    layout.addWidget(button)
    show_active(qtbot, dialog)
    field.setFocus()
    scan(qtbot, first)
    assert pressed == [] and field.text() == ""
    assert window.statusBar().currentMessage() == (
        f"Scanned {first}: finish with this window first, then scan again.")
    assert window.ui.stack.currentWidget() is not window.view  # nothing opened behind it
    qtbot.keyClicks(field, "typed by hand")
    qtbot.keyClick(field, Qt.Key.Key_Return)  # a person's Enter is the window's, as ever
    assert pressed == ["reopen"] and field.text() == "typed by hand"
