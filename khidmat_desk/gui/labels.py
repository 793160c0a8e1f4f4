"""What the dialogs share: a wrapped line of text, the red one that says what is wrong, an
answer beside its question, and the row of buttons that ends a form."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from khidmat_desk.core.display import FSI, PDI

ERROR_STYLE = "color: #b00020;"
#: A run of letters this long with no space (a narrative typed without spaces, a pasted link)
#: gets places to break every so many letters; word wrap cannot break it otherwise, and the
#: page grows wider than the window, pushing its buttons out of sight.
_LONG_WORD = re.compile(r"\S{41,}")
_BREAK_EVERY = 40


def text_label(name: str, style: str = "") -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    if style:
        label.setStyleSheet(style)
    return label


def form_buttons(dialog: QDialog, main: QDialogButtonBox.StandardButton,
                 on_main: Callable[[], object]) -> tuple[QDialogButtonBox, QPushButton]:
    """The form's main button (Save, OK) doing ``on_main``, and Cancel, which closes the
    dialog; the main button is returned to be renamed or disabled while work runs."""
    buttons = QDialogButtonBox(main | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(on_main)
    buttons.rejected.connect(dialog.reject)
    return buttons, buttons.button(main)


def problem_label(name: str) -> QLabel:
    """Where a dialog says why it cannot go on yet."""
    return text_label(name, ERROR_STYLE)


def value_label(text: str) -> QLabel:
    """A value beside its label: wrapped, selectable, starting at the label's side.

    Right to left, a Latin value (a name, a tracking number) would otherwise start at the far
    edge of the page, a screen's width from the Urdu label it answers.
    """
    label = QLabel(breakable(text))
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    side = Qt.AlignmentFlag.AlignRight \
        if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft \
        else Qt.AlignmentFlag.AlignLeft
    label.setAlignment(Qt.AlignmentFlag.AlignAbsolute | side | Qt.AlignmentFlag.AlignTop)
    return label


def breakable(text: str) -> str:
    """``text`` with an invisible line-break opportunity (U+200B) every 40 letters of a word
    longer than that; shorter words are untouched."""
    return _LONG_WORD.sub(lambda m: "\u200b".join(
        m.group()[i:i + _BREAK_EVERY] for i in range(0, len(m.group()), _BREAK_EVERY)), text)


class _IsolatingDelegate(QStyledItemDelegate):
    """Each cell's text drawn as a first-strong isolate on a right-to-left screen: a Latin name
    keeps its own direction and is cut at its end ("Muhammad Riaz Kha…", not "…Muhammad Riaz
    Kha"), a date beside a word stays in its order. Only the drawing changes: the model's text
    (sorting, type-ahead, copying) is untouched."""

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt API
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        text = option.text
        if text and option.direction == Qt.LayoutDirection.RightToLeft:
            option.text = f"{FSI}{text}{PDI}"


def isolate_cells(view: QAbstractItemView) -> None:
    """Draw ``view``'s cells as isolates when the screen is right to left (see above)."""
    view.setItemDelegate(_IsolatingDelegate(view))

