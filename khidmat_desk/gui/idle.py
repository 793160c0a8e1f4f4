"""Locks the counter after a quiet spell, so an officer who walks away leaves nothing open.

Any key press, click or mouse movement anywhere in the application restarts the countdown.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress,
                       QEvent.Type.MouseMove, QEvent.Type.Wheel})


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, app: QApplication, timeout_ms: int) -> None:
        super().__init__()
        self._timer = QTimer(self, singleShot=True, interval=max(timeout_ms, 1000))
        self._timer.timeout.connect(self.idle.emit)
        self._app = app
        app.installEventFilter(self)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in _ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False

    def uninstall(self) -> None:
        self._timer.stop()
        self._app.removeEventFilter(self)
