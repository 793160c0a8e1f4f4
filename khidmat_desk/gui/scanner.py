"""A barcode scanner set up as a keyboard, heard wherever the focus is.

A keyboard-wedge scanner types the receipt's tracking number a few milliseconds per character and
then Enter. Whatever has the focus at the time — the queue, the launcher's filter, the
application view, the saved page, a tick box in the wizard — gets those keys too, and would act
on them: the queue's type-ahead jumps to some row and Enter opens *that* application.

``ScanCatcher`` watches every key press of its window. Each widget's state is remembered when a
burst of keys begins; when Enter ends a burst that was typed faster than a person types and
reads as a tracking number with a valid check character, the Enter is swallowed, what the burst
did to the focused widget is undone (text typed into a field, a row chosen by type-ahead, a
choice changed) and ``scanned`` is emitted with the number. Anything else passes untouched, so
an officer typing at normal speed is never second-guessed.

A scan into another of the counter's windows (the day's dashboard, the close window, the lock
screen, a question) is caught the same way but emits ``scanned_elsewhere``: that window is in
the way of opening the application, and the scan's Enter must not press its buttons (reopen a
closed day, try the letters as a password). A window that looks receipts up itself (the audit
trail: ``take_scan``) is handed the number instead.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from khidmat_desk.core.tracking import TrackingNumberError, parse_tracking_number

log = logging.getLogger("khidmat.gui")

#: Longest pause between two keys of one scan. Scanners send a key every 2–20 ms; even a fast
#: typist leaves 60 ms or more between most keys.
BURST_GAP_S = 0.045
#: A tracking number has at least this many letters and digits (dashes are optional).
MIN_LENGTH = 15
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
#: Keys a scanner presses around its characters (Shift for capitals) that end nothing.
_MODIFIER_KEYS = frozenset({Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt,
                            Qt.Key.Key_Meta, Qt.Key.Key_CapsLock, Qt.Key.Key_AltGr})


@dataclass
class _Burst:
    widget: QWidget | None = None
    started: float = 0.0
    last: float = 0.0
    text: list[str] = field(default_factory=list)
    restore: Callable[[], None] | None = None


def _snapshot(widget: QWidget | None) -> Callable[[], None] | None:
    """A function that puts ``widget`` back as it is now (None when keys cannot change it)."""
    if isinstance(widget, QLineEdit):
        text, cursor = widget.text(), widget.cursorPosition()

        def line_back() -> None:
            widget.setText(text)
            widget.setCursorPosition(cursor)
        return line_back
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        plain, position = widget.toPlainText(), widget.textCursor().position()

        def text_back() -> None:
            widget.setPlainText(plain)
            cursor = widget.textCursor()
            cursor.setPosition(min(position, len(plain)))
            widget.setTextCursor(cursor)
        return text_back
    if isinstance(widget, QComboBox):
        index = widget.currentIndex()
        edit = widget.lineEdit()
        edit_back = _snapshot(edit) if edit is not None else None

        def combo_back() -> None:
            widget.setCurrentIndex(index)
            if edit_back is not None:
                edit_back()
        return combo_back
    if isinstance(widget, QAbstractSpinBox):
        edit = widget.findChild(QLineEdit)
        return _snapshot(edit) if edit is not None else None
    if isinstance(widget, QAbstractItemView):
        current = widget.currentIndex()
        model = widget.selectionModel()

        def view_back() -> None:
            if current.isValid() and model is not None:
                widget.setCurrentIndex(current)
        return view_back
    return None


def _open_matches(widget: QWidget) -> QWidget | None:
    """The list of matches a picker or a field with a completer shows under ``widget``, while
    it is open (the keys go to it then, not to the field)."""
    completer = widget.completer() if isinstance(widget, QLineEdit | QComboBox) else None
    if completer is None:
        return None
    popup = completer.popup()
    return popup if popup is not None and popup.isVisible() else None


def read_scan(text: str) -> str | None:
    """The tracking number a burst of keys spells, or None when it is not one."""
    compact = text.strip()
    if len(compact.replace("-", "")) < MIN_LENGTH:
        return None
    try:
        return str(parse_tracking_number(compact))
    except TrackingNumberError:
        return None


class ScanCatcher(QObject):
    """Listens to every key press inside ``window`` (an application-wide event filter)."""

    scanned = Signal(str)
    #: a scan while another window of the counter had the keyboard
    scanned_elsewhere = Signal(str)

    def __init__(self, window: QWidget, *, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(window)
        self.window = window
        self.clock = clock
        self.burst = _Burst()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        window.destroyed.connect(self._detach)

    def _detach(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        focus = QApplication.focusWidget()
        # Only the key as it reaches the focused widget (not again as it travels to parents)
        # or the list of matches open under it (a picker's keys go there while it shows).
        if focus is None:
            return False
        if watched is not focus and watched is not _open_matches(focus):
            return False
        elsewhere = QApplication.activeModalWidget() is not None \
            or focus.window() is not self.window
        try:
            return self._key(focus, event, elsewhere)
        except Exception:  # a key must never be lost to a fault in here
            log.exception("scanner detection failed; the key goes through as typed")
            self.burst = _Burst()
            return False

    def _moment(self, event: QKeyEvent) -> float:
        """When the key was pressed: the window system's own time stamp (a busy event loop
        must not stretch a scan into typing), else the clock (synthesised events have none)."""
        stamp = event.timestamp()
        return stamp / 1000.0 if stamp else self.clock()

    def _key(self, focus: QWidget, event: QKeyEvent, elsewhere: bool = False) -> bool:
        if event.key() in _MODIFIER_KEYS:
            return False
        now = self._moment(event)
        burst = self.burst
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in _ENTER and modifiers == Qt.KeyboardModifier.NoModifier:
            number = None
            if burst.widget is focus and now - burst.last <= BURST_GAP_S:
                number = read_scan("".join(burst.text))
            self.burst = _Burst()
            if number is None:
                return False
            if burst.restore is not None:
                burst.restore()
            matches = _open_matches(focus)
            if matches is not None:
                matches.hide()
            log.info("scanned tracking number %s%s", number,
                     " in another window" if elsewhere else "")
            (self.scanned_elsewhere if elsewhere else self.scanned).emit(number)
            return True
        text = event.text()
        if not text or not text.isprintable() or modifiers & ~Qt.KeyboardModifier.ShiftModifier:
            self.burst = _Burst()
            return False
        if burst.widget is not focus or now - burst.last > BURST_GAP_S:
            burst = self.burst = _Burst(focus, now, now, [], _snapshot(focus))
        burst.text.append(text)
        burst.last = now
        return False


def install(window: QWidget, on_scan: Callable[[str], Any],
            on_scan_elsewhere: Callable[[str], Any] | None = None) -> ScanCatcher:
    catcher = ScanCatcher(window)
    catcher.scanned.connect(on_scan)
    if on_scan_elsewhere is not None:
        catcher.scanned_elsewhere.connect(on_scan_elsewhere)
    return catcher
