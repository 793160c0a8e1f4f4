"""One input widget per catalogue field type, all behind the same small interface.

Every input's ``objectName`` is its field path (``cnic``, ``residences[1].to``) and its
``accessibleName`` its label, so screen readers, automation and tests find it the same way the
validation messages name it. Values go to the core wizard as typed; the core normalises them.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRegularExpression, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from khidmat_desk.core import reference
from khidmat_desk.core.display import LRI, PDI, isolate_numbers
from khidmat_desk.core.fields import Field, FieldType
from khidmat_desk.gui.fonts import urdu_font

#: Masks that make the officer type only digits; separators are filled in.
MASKS: dict[FieldType, tuple[str, str]] = {
    FieldType.CNIC: ("00000-0000000-0;_", "#####-#######-#"),
    FieldType.MOBILE: ("0000-0000000;_", "03##-#######"),
    FieldType.DATE: ("00-00-0000;_", "DD-MM-YYYY"),
    FieldType.DATETIME: ("00-00-0000 00:00;_", "DD-MM-YYYY hh:mm"),
}
_DIGITS = QRegularExpression(r"[0-9,]{0,12}")


def label_of(field: Field, urdu: bool) -> str:
    return field.label_ur if urdu and field.label_ur else field.label


class FieldInput(QObject):
    """The editor of one field: ``value()``/``set_value()``, ``changed`` on every edit and
    ``left`` when the officer finishes with it (leaves it or presses Enter)."""

    changed = Signal()
    left = Signal()

    def __init__(self, field: Field, path: str, urdu: bool) -> None:
        super().__init__()
        self.field, self.path, self.urdu = field, path, urdu
        self.widget = self._build()
        self.widget.setObjectName(path)
        self.widget.setAccessibleName(field.label)
        if field.help:
            self.widget.setToolTip(field.help)

    # Subclasses build their widget and map values.
    def _build(self) -> QWidget:
        raise NotImplementedError

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def focus_widget(self) -> QWidget:
        return self.widget

    def tab_stops(self) -> list[QWidget]:
        """Where Tab stops in this input, in order."""
        return [self.focus_widget()]

    def _edited(self, *_: object) -> None:
        """A choice made or a box ticked: edited and finished in one go."""
        self.changed.emit()
        self.left.emit()


class LineInput(FieldInput):
    """Text, identifiers and numbers; masked for CNIC, mobile and dates."""

    def _build(self) -> QWidget:
        edit = QLineEdit()
        kind = self.field.type
        if kind in MASKS:
            mask, hint = MASKS[kind]
            edit.setInputMask(mask)
            edit.setPlaceholderText(hint)
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            edit.installEventFilter(self)
        elif kind in (FieldType.INTEGER, FieldType.MONEY):
            edit.setValidator(QRegularExpressionValidator(_DIGITS, edit))
        # No maxLength: a pasted text that is too long is kept and the message under the field
        # says by how much, instead of being cut off without a word.
        if kind is FieldType.URDU_TEXT:
            edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            edit.setFont(urdu_font(edit.font().pointSizeF()))
        if kind in (FieldType.PLATE, FieldType.CHASSIS, FieldType.PASSPORT):
            edit.textEdited.connect(lambda t: _upper_in_place(edit, t))
        edit.textEdited.connect(lambda _: self.changed.emit())
        edit.editingFinished.connect(self.left.emit)
        return edit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """An empty masked field starts typing at its first digit, wherever it was clicked."""
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.MouseButtonRelease) \
                and isinstance(watched, QLineEdit) and not any(c.isdigit() for c in watched.text()):
            watched.setCursorPosition(0)
        return False

    def value(self) -> Any:
        edit: QLineEdit = self.widget  # type: ignore[assignment]
        if self.field.type in MASKS and not any(c.isdigit() for c in edit.text()):
            return ""
        return edit.text().strip() if self.field.type in MASKS else edit.text()

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if self.field.type is FieldType.DATE and len(text) == 10 and text[4] == "-":
            text = f"{text[8:10]}-{text[5:7]}-{text[0:4]}"  # stored ISO, typed day first
        elif self.field.type is FieldType.MOBILE and text.startswith("+92"):
            text = "0" + text[3:]
        elif self.field.type is FieldType.DATETIME and "T" in text:
            day, _, clock = text.partition("T")
            text = f"{day[8:10]}-{day[5:7]}-{day[0:4]} {clock[:5]}"
        self.widget.setText(text)  # type: ignore[attr-defined]


def _upper_in_place(edit: QLineEdit, typed: str) -> None:
    if typed != typed.upper():
        at = edit.cursorPosition()
        edit.setText(typed.upper())
        edit.setCursorPosition(at)


class NarrativeInput(FieldInput):
    """Several lines (a complaint, an incident); Tab leaves it, as everywhere else."""

    def _build(self) -> QWidget:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(96)
        if self.field.type is FieldType.URDU_TEXT:
            edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            edit.setFont(urdu_font(edit.font().pointSizeF()))
        limit = self.field.effective_max_length()
        edit.setPlaceholderText(self.tr("up to %1 characters").replace("%1", str(limit))
                                if limit else "")
        edit.textChanged.connect(self.changed.emit)
        edit.installEventFilter(self)
        return edit

    def eventFilter(self, watched: QObject, event: Any) -> bool:  # noqa: N802 - Qt API
        if event.type() == event.Type.FocusOut:
            self.left.emit()
        return False

    def value(self) -> Any:
        return self.widget.toPlainText()  # type: ignore[attr-defined]

    def set_value(self, value: Any) -> None:
        self.widget.setPlainText("" if value is None else str(value))  # type: ignore[attr-defined]


#: Letters typed within this many seconds of each other extend one type-ahead search.
TYPE_AHEAD_S = 1.0


class ChoiceInput(FieldInput):
    """One of a fixed list; typing the first letters picks, like everywhere in Windows."""

    def _build(self) -> QWidget:
        box = QComboBox()
        box.addItem("—", "")
        for option in self.field.options:
            box.addItem(option.label_ur if self.urdu and option.label_ur else option.label,
                        option.value)
        box.currentIndexChanged.connect(self._edited)
        if self.urdu:  # the labels are Urdu, the keyboard is often Latin: match English too
            self._typed, self._typed_at = "", 0.0
            box.installEventFilter(self)
        return box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        text = event.text()
        if not (text.isascii() and text.isalpha()) or event.modifiers() & ~(
                Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier):
            return False
        now = time.monotonic()
        self._typed = (self._typed if now - self._typed_at < TYPE_AHEAD_S else "") + text
        self._typed_at = now
        wanted = self._typed.casefold()
        for index, option in enumerate(self.field.options, start=1):
            if option.label.casefold().startswith(wanted) or option.value.startswith(wanted):
                self.widget.setCurrentIndex(index)  # type: ignore[attr-defined]
                return True
        return True  # no English match: keep the choice as it is

    def value(self) -> Any:
        return self.widget.currentData()  # type: ignore[attr-defined]

    def set_value(self, value: Any) -> None:
        box: QComboBox = self.widget  # type: ignore[assignment]
        box.setCurrentIndex(max(0, box.findData(value or "")))


class PickerInput(FieldInput):
    """District, police station or country: type a few letters, the list narrows."""

    def _build(self) -> QWidget:
        box = QComboBox()
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.setMaxVisibleItems(15)
        _fill(box, self._choices())
        line = box.lineEdit()
        assert line is not None  # an editable combo box always has one
        line.editingFinished.connect(self._take_best_match)
        line.editingFinished.connect(self.left.emit)
        line.textEdited.connect(self._on_text_edited)
        box.activated.connect(self._edited)
        return box

    def _on_text_edited(self, typed: str) -> None:
        box: QComboBox = self.widget  # type: ignore[assignment]
        completer = box.completer()
        if completer is not None:
            model = completer.model()
            if isinstance(model, QStringListModel):
                choices = [box.itemText(i) for i in range(box.count())]
                model.setStringList(ordered_matches(choices, typed))
        self.changed.emit()

    def _take_best_match(self) -> None:
        """"Lah" and Enter (or Tab) takes Lahore: the first of the ordered matches, unless
        what was typed is already one of the choices."""
        box: QComboBox = self.widget  # type: ignore[assignment]
        typed = box.currentText().strip()
        choices = [box.itemText(i) for i in range(box.count())]
        if not typed or any(c.casefold() == typed.casefold() for c in choices):
            return
        matches = ordered_matches(choices, typed)
        if matches:
            box.setEditText(matches[0])
            completer = box.completer()
            popup = completer.popup() if completer is not None else None
            if popup is not None:
                popup.hide()

    def _choices(self) -> Sequence[str]:
        if self.field.type is FieldType.DISTRICT:
            #: What the list shows of each district, and the name it stands for.
            self._district_names = {self._district_text(d): d.name
                                    for d in reference.districts()}
            return list(self._district_names)
        if self.field.type is FieldType.COUNTRY:
            return [c.name for c in reference.countries()]
        return []

    def _district_text(self, district: reference.District) -> str:
        """A district as the list shows it: in the Urdu counter its Urdu name with the English
        one beside it (kept whole and in order), so either keyboard finds it."""
        if not self.urdu or not district.name_ur:
            return district.name
        return f"{district.name_ur} {LRI}({district.name}){PDI}"

    def set_choices(self, choices: Sequence[str]) -> None:
        """Police stations follow the district chosen beside them."""
        _fill(self.widget, choices)  # type: ignore[arg-type]

    def value(self) -> Any:
        text: str = self.widget.currentText().strip()  # type: ignore[attr-defined]
        if self.field.type is FieldType.DISTRICT:
            return self._district_names.get(text, text)
        return text

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if self.field.type is FieldType.COUNTRY and len(text) == 2:
            found = reference.find_country(text)
            text = found.name if found else text
        if self.field.type is FieldType.DISTRICT and self.urdu:
            district = reference.find_district(text)
            text = self._district_text(district) if district is not None else text
        self.widget.setEditText(text)  # type: ignore[attr-defined]


def _fill(box: QComboBox, choices: Sequence[str]) -> None:
    typed = box.currentText()
    box.blockSignals(True)
    box.clear()
    box.addItems(list(choices))
    box.setCurrentIndex(-1)
    box.setEditText(typed)
    box.blockSignals(False)
    # The popup lists the matches in the order `ordered_matches` gives (names that start with
    # what was typed first), re-ordered as each letter is typed.
    completer = QCompleter(box)
    # the model belongs to the completer: one made without a parent is deleted with its
    # Python wrapper, and the completer is left with no list to show
    completer.setModel(QStringListModel(list(choices), completer))
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    box.setCompleter(completer)
    popup = completer.popup()
    if popup is not None:
        popup.installEventFilter(_EnterGoesOn(box, popup))


class _EnterGoesOn(QObject):
    """Enter in a picker's open list takes the match highlighted (or the first one, as with
    the list shut) and goes on to the next input, as Enter does everywhere in the wizard: the
    completer would otherwise keep the Enter to itself and leave the cursor where it was."""

    def __init__(self, box: QComboBox, popup: QWidget) -> None:
        super().__init__(popup)
        self.box = box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent)
                or event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                or event.modifiers() != Qt.KeyboardModifier.NoModifier):
            return False
        if isinstance(watched, QAbstractItemView):
            chosen = watched.currentIndex()
            if chosen.isValid():
                self.box.setEditText(str(chosen.data()))
        if isinstance(watched, QWidget):
            watched.hide()
        # the Enter as if the list had not been open: the input finishes (its best match is
        # taken) and the key travels up to the wizard, which moves on
        QApplication.sendEvent(self.box, QKeyEvent(QEvent.Type.KeyPress, event.key(),
                                                   Qt.KeyboardModifier.NoModifier))
        return True


_WORDS = re.compile(r"[\s\-/(),.&']+")


def ordered_matches(choices: Sequence[str], typed: str) -> list[str]:
    """Choices containing ``typed`` (any case): those starting with it first, then those with
    a word starting with it, then the rest ("Sau" gives Saudi Arabia before Guinea-Bissau)."""
    wanted = " ".join(typed.split()).casefold()
    if not wanted:
        return list(choices)
    starts: list[str] = []
    words: list[str] = []
    inside: list[str] = []
    for choice in choices:
        folded = choice.casefold()
        if folded.startswith(wanted):
            starts.append(choice)
        elif any(word.startswith(wanted) for word in _WORDS.split(folded)):
            words.append(choice)
        elif wanted in folded:
            inside.append(choice)
    return starts + words + inside


class FlagInput(FieldInput):
    """A yes/no question or a confirmation; Space ticks it."""

    def _build(self) -> QWidget:
        box = QCheckBox(label_of(self.field, self.urdu))
        box.toggled.connect(self._edited)
        return box

    def value(self) -> Any:
        return self.widget.isChecked()  # type: ignore[attr-defined]

    def set_value(self, value: Any) -> None:
        self.widget.setChecked(bool(value))  # type: ignore[attr-defined]


class ManyInput(FieldInput):
    """Several of a fixed list, one tick box each (``<key>.<value>`` names each box)."""

    def _build(self) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for option in self.field.options:
            box = QCheckBox(option.label_ur if self.urdu and option.label_ur else option.label)
            box.setObjectName(f"{self.path}.{option.value}")
            box.setAccessibleName(f"{self.field.label}: {option.label}")
            box.toggled.connect(self._edited)
            row.addWidget(box)
            self.boxes[option.value] = box
        row.addStretch(1)
        return holder

    def value(self) -> Any:
        return [v for v, box in self.boxes.items() if box.isChecked()]

    def set_value(self, value: Any) -> None:
        chosen = set(value or ())
        for v, box in self.boxes.items():
            box.setChecked(v in chosen)

    def focus_widget(self) -> QWidget:
        return next(iter(self.boxes.values()), self.widget)

    def tab_stops(self) -> list[QWidget]:
        return list(self.boxes.values()) or [self.widget]


def make_input(field: Field, path: str, urdu: bool = False) -> FieldInput:
    kind = field.type
    if kind is FieldType.BOOLEAN:
        return FlagInput(field, path, urdu)
    if kind is FieldType.ENUM:
        return ChoiceInput(field, path, urdu)
    if kind is FieldType.MULTI_ENUM:
        return ManyInput(field, path, urdu)
    if kind in (FieldType.DISTRICT, FieldType.POLICE_STATION, FieldType.COUNTRY):
        return PickerInput(field, path, urdu)
    if field.multiline:
        return NarrativeInput(field, path, urdu)
    if kind is FieldType.GROUP:
        raise ValueError("groups are edited by GroupEditor")
    return LineInput(field, path, urdu)


__all__ = ["MASKS", "FieldInput", "isolate_numbers", "label_of", "make_input"]
