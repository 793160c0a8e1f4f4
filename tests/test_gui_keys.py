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
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert picker.value() == "Lahore"
    assert QApplication.focusWidget() is not box.lineEdit()  # Enter went on to the next input


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
