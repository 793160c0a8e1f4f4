"""Labels the dialogs share: a wrapped line of text, and the red one that says what is wrong."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

ERROR_STYLE = "color: #b00020;"


def text_label(name: str, style: str = "") -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    if style:
        label.setStyleSheet(style)
    return label


def problem_label(name: str) -> QLabel:
    """Where a dialog says why it cannot go on yet."""
    return text_label(name, ERROR_STYLE)
