"""Windows sized to the counter PC's screen: 1366×768 and 1024×768 are common at the counters,
and a dialog taller than the screen hides its buttons below the taskbar."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: Room left for a window manager's title bar and frame around a dialog.
FRAME_ALLOWANCE = QSize(24, 64)


def available_size(widget: QWidget | None = None) -> QSize:
    """The usable part of the screen the widget is on (the primary one before it is shown)."""
    screen = (widget.screen() if widget is not None else None) or \
        QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1024, 768)
    return screen.availableGeometry().size()


def fit_to_screen(widget: QWidget, wanted: QSize) -> QSize:
    """Resize ``widget`` to ``wanted``, shrunk to what the screen can show with its frame."""
    room = available_size(widget) - FRAME_ALLOWANCE
    size = QSize(min(wanted.width(), room.width()), min(wanted.height(), room.height()))
    widget.resize(size)
    return size
