"""Drives the counter's widgets the way an officer does: focus a field, type, press Tab or Enter.

Non-Latin text is typed one key event per character (``qtbot.keyClicks`` only handles Latin-1).
Choices are made with the arrow keys, tick boxes with Space, group rows added with their button.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import backup_helpers
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from khidmat_desk.app.keys import ensure_signing_key
from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.auth.secrets import FILE, SecretStore
from khidmat_desk.core import reference
from khidmat_desk.core.fields import Field, FieldType, Service
from khidmat_desk.gui.errors import Messages
from khidmat_desk.gui.form import StepForm
from khidmat_desk.gui.inputs import ChoiceInput, FlagInput, ManyInput, PickerInput
from khidmat_desk.gui.wizard_panel import WizardPanel
from khidmat_desk.store.db import open_database

PASSWORD = "counter-pass-1"
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


class ScriptedMessages(Messages):
    """Message boxes answered by the test: what was shown is kept; a crash fails loudly."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[tuple[str, str]] = []
        self.answers: dict[str, Any] = {}

    def warning(self, title: str, text: str) -> None:
        self.shown.append(("warning", text))

    def info(self, title: str, text: str) -> None:
        self.shown.append(("info", text))

    def confirm(self, title: str, text: str) -> bool:
        self.shown.append(("confirm", text))
        return bool(self.answers.get("confirm", True))

    def choose(self, title: str, text: str, choices: list[tuple[str, str]], default: str) -> str:
        self.shown.append(("choose", text))
        wanted = self.answers.get("choose", default)
        return str(wanted(choices) if callable(wanted) else wanted)

    def page(self, title: str, html: str) -> None:
        self.shown.append(("page", html))

    def ask_text(self, title: str, label: str) -> str | None:
        self.shown.append(("ask_text", label))
        answer = self.answers.get("ask_text")
        return None if answer is None else str(answer)

    def save_path(self, title: str, suggested: str, pattern: str) -> str | None:
        self.shown.append(("save_path", suggested))
        answer = self.answers.get("save_path")
        return None if answer is None else str(answer)

    def open_path(self, title: str, pattern: str) -> str | None:
        self.shown.append(("open_path", pattern))
        answer = self.answers.get("open_path")
        return None if answer is None else str(answer)

    def crash(self, summary: str, details: str) -> None:
        raise AssertionError(f"crash dialog: {summary}\n{details}")


def make_centre(folder: Path, *, counter: int = 3) -> CounterSettings:
    """A centre on disk, as `khidmat-desk init` leaves it, with a signing key and documents
    printed to PDF files."""
    settings = backup_helpers.make_centre(folder, counter=counter, password=PASSWORD)
    db = open_database(settings.database_url, backup_dir=settings.backup_dir)
    try:
        ensure_signing_key(db, SecretStore(folder, FILE), "LHR01", actor="incharge")
    finally:
        db.dispose()
    settings.set("receipt_printer", "pdf-folder")
    settings.set("document_printer", "pdf-folder")
    settings.save()
    reference.set_override_dir(folder)
    return settings


# -- typing --------------------------------------------------------------------------------


def send_text(widget: QWidget, text: str) -> None:
    """Type any text, Urdu included, one key press per character."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, ch))


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    if all(ord(c) < 128 for c in text):
        qtbot.keyClicks(widget, text)
    else:
        send_text(widget, text)


def as_typed(field: Field, value: Any) -> str:
    """What an officer types for a stored value: dates day first, countries by name."""
    text = str(value)
    if field.type in (FieldType.DATE, FieldType.DATETIME):
        day = _ISO_DATE.match(text)
        assert day is not None, text
        rest = text[10:].replace("T", " ")
        return f"{day.group(3)}-{day.group(2)}-{day.group(1)}{rest}"
    if field.type is FieldType.COUNTRY:
        found = reference.find_country(text)
        return found.name if found else text
    return text


def leave(qtbot: QtBot, widget: QWidget) -> None:
    """Tab, as the window system delivers it: to a picker's list of matches while it is open
    (which closes it and passes the Tab on), else to the input."""
    qtbot.keyClick(QApplication.activePopupWidget() or widget, Qt.Key.Key_Tab)


def enter_value(qtbot: QtBot, row_input: Any, value: Any) -> None:
    widget = row_input.focus_widget()
    widget.setFocus()
    if isinstance(row_input, FlagInput):
        if bool(value) != row_input.value():
            qtbot.keyClick(widget, Qt.Key.Key_Space)
    elif isinstance(row_input, ManyInput):
        for option, box in row_input.boxes.items():
            if (option in value) != box.isChecked():
                box.setFocus()
                qtbot.keyClick(box, Qt.Key.Key_Space)
    elif isinstance(row_input, ChoiceInput):
        _choose(qtbot, row_input.widget, value)
    elif isinstance(row_input, PickerInput):
        row_input.widget.lineEdit().selectAll()
        type_text(qtbot, row_input.widget.lineEdit(), as_typed(row_input.field, value))
        leave(qtbot, row_input.widget)
    else:
        type_text(qtbot, widget, as_typed(row_input.field, value))
        leave(qtbot, widget)


def _choose(qtbot: QtBot, box: QComboBox, value: str) -> None:
    """Arrow keys until the wanted option is current (Home first, as officers do)."""
    qtbot.keyClick(box, Qt.Key.Key_Home)
    for _ in range(box.count()):
        if box.currentData() == value:
            return
        qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.currentData() == value, f"{box.objectName()}: no option {value!r}"


def fill_step(qtbot: QtBot, form: StepForm, answers: Mapping[str, Any]) -> None:
    """Type every answer of this page that applies, in the order the page shows them."""
    for field in form.step.fields:
        if field.key not in answers:
            continue
        if field.type is FieldType.GROUP:
            editor = form.groups[field.key]
            if editor.isVisibleTo(form):
                fill_group(qtbot, editor, field, answers[field.key])
            continue
        row = form.rows[field.key]
        if row.input.widget.isVisibleTo(form):
            enter_value(qtbot, row.input, answers[field.key])


def fill_group(qtbot: QtBot, editor: Any, field: Field, rows: list[Mapping[str, Any]]) -> None:
    for index, values in enumerate(rows):
        if index >= len(editor.rows):
            editor.add_button.setFocus()
            qtbot.keyClick(editor.add_button, Qt.Key.Key_Space)
        for member in field.fields:
            row = editor.rows[index][member.key]
            if member.key in values and row.input.widget.isVisibleTo(editor):
                enter_value(qtbot, row.input, values[member.key])


def settle(qtbot: QtBot, tasks: Any, *queues: Any) -> None:
    """Let chained background jobs (save, then render, then print) run and report back."""
    for _ in range(5):
        tasks.wait()
        for queue in queues:
            queue.wait()
        qtbot.wait(20)


def show_active(qtbot: QtBot, widget: QWidget) -> None:
    """Shown and active, as a window the officer works in (shortcuts need an active window)."""
    widget.show()
    qtbot.waitExposed(widget)
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=3000)


def complete_wizard(qtbot: QtBot, panel: WizardPanel, service: Service,
                    answers: Mapping[str, Any], *, token: str = "", only_empty: bool = False,
                    submit: bool = True) -> None:
    """Every page typed and Next pressed, documents ticked, then submitted from the review.

    ``only_empty`` types only into fields still empty (after a prefill or a resumed draft).
    """
    while (form := panel.current_form()) is not None:
        wanted = {k: v for k, v in answers.items()
                  if not only_empty or k not in form.rows or _empty(form.rows[k].input.value())}
        fill_step(qtbot, form, wanted)
        step = panel.wizard.current
        qtbot.keyClick(panel, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
        assert panel.wizard.current != step, (step, panel.banner.text())
    assert panel.wizard.current == "documents"
    qtbot.keyClick(panel, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    if token:
        panel.documents_page.token.setFocus()
        qtbot.keyClicks(panel.documents_page.token, token)
    qtbot.keyClick(panel, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert panel.wizard.current == "review", panel.banner.text()
    if submit:
        with qtbot.waitSignal(panel.submitted, timeout=10000):
            qtbot.keyClick(panel, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def _empty(value: Any) -> bool:
    return value in ("", None, [], False)
