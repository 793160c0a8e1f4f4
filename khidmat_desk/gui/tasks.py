"""Database work off the GUI thread: one background writer, results back as signals.

A single worker thread keeps writes in order (SQLite allows one writer anyway) and means the
window never freezes on a slow disk or a locked database.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger("khidmat.gui.tasks")

T = TypeVar("T")


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.work = work
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread, which reports it
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class TaskRunner(QObject):
    """Runs callables one at a time on a background thread."""

    def __init__(self, on_error: Callable[[BaseException], None]) -> None:
        super().__init__()
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(1)
        self._on_error = on_error
        self._live: set[_Signals] = set()

    def run(self, work: Callable[[], T], on_done: Callable[[T], None],
            on_error: Callable[[BaseException], None] | None = None) -> None:
        """``work()`` on the background thread; ``on_done(result)`` (or ``on_error``) back on
        the GUI thread."""
        signals = _Signals()
        self._live.add(signals)
        signals.done.connect(on_done)
        signals.failed.connect(on_error or self._on_error)
        signals.done.connect(lambda _: self._live.discard(signals))
        signals.failed.connect(lambda _: self._live.discard(signals))
        self._pool.start(_Job(work, signals))

    def wait(self, msecs: int = -1) -> bool:
        return bool(self._pool.waitForDone(msecs))
