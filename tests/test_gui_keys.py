"""Every key an officer needs: pickers that take the first match on Enter and list names that
start with what was typed first; rows of a repeating group added and removed by keyboard."""

from __future__ import annotations

from typing import Any

import pytest
from gui_driver import ScriptedMessages, fill_step, show_active, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from khidmat_desk.core.catalogue import get_service
from khidmat_desk.gui.inputs import PickerInput, ordered_matches
from khidmat_desk.gui.session import CounterSession
from khidmat_desk.gui.tasks import TaskRunner
from khidmat_desk.gui.wizard_panel import WizardPanel


def test_matches_starting_with_the_text_come_first() -> None:
    countries = ["Guinea-Bissau", "Saudi Arabia", "Australia", "Austria"]
    assert ordered_matches(countries, "Sau")[0] == "Saudi Arabia"
    assert ordered_matches(countries, "sau") == ["Saudi Arabia", "Guinea-Bissau"]
    assert ordered_matches(countries, "bis") == ["Guinea-Bissau"]  # a word starting with it
    assert ordered_matches(countries, "") == countries
    assert ordered_matches(countries, "xyz") == []


@pytest.fixture
def panel(qtbot: QtBot, counter_session: CounterSession, tasks: TaskRunner) -> WizardPanel:
    counter_session.authenticate("incharge", "counter-pass-1")
    wizard = WizardPanel(get_service("character-certificate"), tasks, counter_session,
                         messages=ScriptedMessages())
    qtbot.addWidget(wizard)
    wizard.resize(1100, 700)
    show_active(qtbot, wizard)
    return wizard


def first_picker(qtbot: QtBot, panel: WizardPanel, kind: str) -> PickerInput:
    """Pages filled with the service's example and turned until one holds a ``kind`` picker."""
    while (form := panel.current_form()) is not None:
        for row in form.all_rows():
            if isinstance(row.input, PickerInput) and row.field.type.value == kind \
                    and row.input.widget.isVisibleTo(form):
                return row.input
        fill_step(qtbot, form, panel.service.example)
        qtbot.keyClick(panel, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    raise AssertionError(f"no {kind} picker")


def test_lah_and_enter_takes_lahore(qtbot: QtBot, panel: WizardPanel) -> None:
    picker = first_picker(qtbot, panel, "district")
    box: QComboBox = picker.widget
    box.setFocus()
    type_text(qtbot, box.lineEdit(), "Lah")
    popup = QApplication.activePopupWidget()
    assert popup is not None  # the list of matches is open: the Enter goes to it
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picker.value() == "Lahore"
    assert not popup.isVisible()
    assert QApplication.focusWidget() is not box.lineEdit()  # Enter went on to the next input


def station_page(qtbot: QtBot, panel: WizardPanel) -> tuple[Any, dict[str, Any]]:
    """Pages filled with the example, the present district Lahore, and turned until the one
    with the present police station: that page and its rows by key."""
    while (form := panel.current_form()) is not None:
        fill_step(qtbot, form, {**panel.service.example, "present_district": "Lahore"})
        rows = {row.field.key: row for row in form.all_rows()}
        if "present_police_station" in rows:
            return form, rows
        qtbot.keyClick(panel, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    raise AssertionError("no police station")


def test_typing_in_a_picker_lists_the_matches(qtbot: QtBot, panel: WizardPanel) -> None:
    """The list narrows as letters are typed: "Civ" shows Civil Lines of the district chosen
    beside it, Down and Enter take the one shown."""
    _, rows = station_page(qtbot, panel)
    station = rows["present_police_station"].input
    box: QComboBox = station.widget
    box.setEditText("")
    box.setFocus()
    type_text(qtbot, box.lineEdit(), "Civ")
    completer = box.completer()
    assert completer is not None
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    shown = [completer.completionModel().index(i, 0).data()
             for i in range(completer.completionCount())]
    assert shown == ["Civil Lines"]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert station.value() == "Civil Lines"


def test_a_station_picked_for_one_district_goes_when_the_district_changes(
        qtbot: QtBot, panel: WizardPanel) -> None:
    """Lahore, then a Lahore station, then the district put right to Kasur: the station is
    no station of Kasur and would be forwarded to a station that does not exist, so it goes.
    A name the lists do not have (they are partial) stays as typed."""
    from khidmat_desk.core import reference

    lahore_only = next(s for s in reference.police_stations("Lahore")
                       if s not in reference.police_stations("Kasur"))
    form, rows = station_page(qtbot, panel)
    district, station = rows["present_district"].input, rows["present_police_station"].input
    fill_step(qtbot, form, {"present_police_station": lahore_only})
    assert station.value() == lahore_only
    fill_step(qtbot, form, {"present_district": "Kasur"})
    qtbot.waitUntil(lambda: station.value() == "")
    assert district.value() == "Kasur"
    fill_step(qtbot, form, {"present_police_station": "Chowki Number 7"})  # not on a list
    fill_step(qtbot, form, {"present_district": "Okara"})
    qtbot.wait(50)
    assert station.value() == "Chowki Number 7"


def page_with_group(qtbot: QtBot, panel: WizardPanel) -> Any:
    while (form := panel.current_form()) is not None:
        editor = form.first_group()
        if editor is not None:
            return form, editor
        fill_step(qtbot, form, panel.service.example)
        qtbot.keyClick(panel, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    raise AssertionError("no group")


def test_rows_are_added_and_removed_by_keyboard_and_tab_stays_in_the_wizard(
        qtbot: QtBot, panel: WizardPanel) -> None:
    form, editor = page_with_group(qtbot, panel)
    start = len(editor.rows)
    editor.tab_widgets()[0].setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(editor.rows) == start + 1
    assert editor.row_holding(QApplication.focusWidget()) == start  # typing goes in the new row
    # Tab walks every stop of the page and never leaves the wizard, new row included
    seen = []
    for _ in range(len(form.tab_widgets()) + 2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        assert focus is not None and panel.isAncestorOf(focus), focus
        seen.append(focus)
    assert set(form.tab_widgets()) <= set(seen)
    # Ctrl+Shift+Delete removes the row holding the focus; the focus stays in the group
    editor._focus_row(start)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(editor.rows) == start
    focus = QApplication.focusWidget()
    assert focus is not None and editor.isAncestorOf(focus)


def test_the_problem_banner_goes_once_the_problem_is_put_right(
        qtbot: QtBot, panel: WizardPanel) -> None:
    qtbot.keyClick(panel, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # nothing typed
    assert panel.banner.isVisible() and "need attention" in panel.banner.text()
    assert "(s)" not in panel.banner.text()
    form = panel.current_form()
    assert form is not None
    fill_step(qtbot, form, panel.service.example)
    assert not panel.banner.isVisible()


def test_the_banner_names_what_stops_the_officer_not_what_to_check(
        qtbot: QtBot, panel: WizardPanel) -> None:
    """A warning (a man's CNIC digit for a woman) stays under its field; the banner lists the
    errors that refused Next, and goes once they are put right though the warning stays."""
    form = panel.current_form()
    assert form is not None
    fill_step(qtbot, form, {**panel.service.example, "gender": "female",
                            "cnic": "35202-1234567-1", "name": ""})
    qtbot.keyClick(panel, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert panel.current_form() is form  # refused: the name is missing
    assert panel.banner.isVisible() and "1 field needs attention" in panel.banner.text()
    assert "Applicant name" in panel.banner.text() and "NADRA" not in panel.banner.text()
    assert "NADRA" in form.rows["cnic"].message.text()
    fill_step(qtbot, form, {"name": "Ayesha Khan"})
    assert not panel.banner.isVisible()
    assert "NADRA" in form.rows["cnic"].message.text()
    qtbot.keyClick(panel, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert panel.current_form() is not form  # a warning does not stop the officer


def test_page_down_scrolls_the_review(qtbot: QtBot, panel: WizardPanel) -> None:
    from gui_driver import complete_wizard

    panel.resize(900, 420)
    complete_wizard(qtbot, panel, panel.service, panel.service.example, submit=False)
    area = panel.pages.currentWidget()
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0  # the review is longer than the page
    focus = QApplication.focusWidget() or panel
    before = bar.value()
    qtbot.keyClick(focus, Qt.Key.Key_PageDown)
    assert bar.value() > before
    qtbot.keyClick(QApplication.focusWidget() or panel, Qt.Key.Key_PageUp)
    assert bar.value() == before


def test_f1_lists_every_shortcut_in_columns(qtbot: QtBot, counter_session: CounterSession,
                                            tasks: TaskRunner) -> None:
    from test_gui_counter import main_window

    messages = ScriptedMessages()
    window = main_window(qtbot, counter_session, tasks, messages)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    kind, text = messages.shown[-1]
    assert kind == "page" and text.startswith("<table")
    for key in ("Ctrl+Shift+A", "Ctrl+Shift+Delete", "Ctrl+Shift+D", "Tab / Shift+Tab",
                "Ctrl+P", "F5", "Ctrl+L"):
        assert f"<b>{key}</b>" in text, key
    # the services' keys in one line (each is beside its service in the launcher)
    assert "<b>Ctrl+1…9 · Ctrl+Shift+1…6</b>" in text
    assert text.count("<tr>") > 25  # one row per key


@pytest.mark.parametrize("size", [(1366, 768), (1024, 768)])
def test_everything_fits_a_counter_screen(qtbot: QtBot, counter_session: CounterSession,
                                          tasks: TaskRunner, size: tuple[int, int]) -> None:
    """The status bar, the wizard's buttons and the review fit a 1366×768 or 1024×768 screen
    (less a title bar and a taskbar)."""
    from PySide6.QtCore import QPoint, QRect
    from test_gui_counter import main_window

    from khidmat_desk.gui.fonts import load_fonts

    load_fonts(QApplication.instance())  # the counter's own fonts, as it starts with them
    window = main_window(qtbot, counter_session, tasks)
    usable = (size[0], size[1] - 70)  # title bar and taskbar
    assert window.minimumSizeHint().width() <= usable[0]
    assert window.minimumSizeHint().height() <= usable[1]
    window.resize(*usable)
    qtbot.waitUntil(lambda: window.size().width() == usable[0], timeout=2000)
    inside = QRect(QPoint(0, 0), window.size())

    def shown_whole(widget: Any) -> bool:
        top_left = widget.mapTo(window, QPoint(0, 0))
        return widget.isVisible() and inside.contains(QRect(top_left, widget.size()))

    for name in ("who", "where", "link"):
        assert shown_whole(getattr(window, name)), name
    for code in ("character-certificate", "employee-verification", "tenant-registration"):
        window.start_wizard(code)
        panel = window.wizard
        assert panel is not None
        qtbot.wait(20)
        for button in (panel.next_button, panel.cancel_button):
            assert shown_whole(button), (code, button.objectName())
        window._close_wizard()
        window.show_queue()


def test_a_long_word_in_an_answer_does_not_push_the_buttons_off_the_screen(
        qtbot: QtBot, counter_session: CounterSession, tasks: TaskRunner) -> None:
    """A narrative typed without spaces (3,900 letters, within its limit) once made the
    application view 30,000 px wide: its Print buttons were out of sight."""
    from PySide6.QtCore import QPoint, QRect
    from test_gui_counter import main_window

    from khidmat_desk.app.applications import submit_application
    from khidmat_desk.app.context import CounterContext
    from khidmat_desk.core.catalogue import load_tariff
    from khidmat_desk.core.intake import Intake

    service = get_service("crime-report")
    user = counter_session.authenticate("incharge", "counter-pass-1")
    answers = {**service.example, "narrative": "X" * 3900}
    ctx = CounterContext(counter_session.settings, counter_session.db, load_tariff(), user=user)
    saved = submit_application(ctx, Intake(service.code, answers, documents_received=tuple(
        d.key for d in service.documents)))
    window = main_window(qtbot, counter_session, tasks)
    window.resize(1366, 698)
    window.open_application(saved.tracking_number)
    tasks.wait()
    qtbot.waitUntil(lambda: bool(window.view.print_buttons), timeout=5000)
    qtbot.wait(50)
    view = window.view
    assert view.minimumSizeHint().width() < 1366
    for button in view.print_buttons.values():
        top_left = button.mapTo(window, QPoint(0, 0))
        assert QRect(QPoint(0, 0), window.size()).contains(QRect(top_left, button.size()))
