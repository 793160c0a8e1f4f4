"""Database work off the GUI thread: one background writer, results back as signals.

A single worker thread keeps writes in order (SQLite allows one writer anyway) and means the
window never freezes on a slow disk or a locked database.
"""

from __future__ import annotations

import inspect
import logging
import weakref
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
        self.work: Callable[[], Any] | None = work
        self.signals = signals

    def run(self) -> None:
        work, self.work = self.work, None
        try:
            result = work() if work is not None else None
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread, which reports it
            del work
            self.signals.failed.emit(exc)
        else:
            # The work may hold the last reference to a window (``self`` in a lambda); it is
            # let go of on the GUI thread, with the result, never here: a window deleted on
            # this thread leaves its timers behind and its result calls into nothing.
            del work
            self.signals.done.emit(result)


class TaskRunner(QObject):
    """Runs callables one at a time on a background thread."""

    def __init__(self, on_error: Callable[[BaseException], None]) -> None:
        super().__init__()
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(1)
        self._on_error = on_error
        #: each job's signals, with its work: let go of on the GUI thread once it reports
        self._live: dict[_Signals, Callable[[], Any]] = {}

    def run(self, work: Callable[[], T], on_done: Callable[[T], None],
            on_error: Callable[[BaseException], None] | None = None) -> None:
        """``work()`` on the background thread; ``on_done(result)`` (or ``on_error``) back on
        the GUI thread."""
        signals = _Signals()
        self._live[signals] = work
        signals.done.connect(_delivery(on_done))
        signals.failed.connect(_delivery(on_error or self._on_error))
        signals.done.connect(lambda _: self._live.pop(signals, None))
        signals.failed.connect(lambda _: self._live.pop(signals, None))
        self._pool.start(_Job(work, signals))

    def wait(self, msecs: int = -1) -> bool:
        return bool(self._pool.waitForDone(msecs))


def _delivery(callback: Callable[[Any], None]) -> Callable[[Any], None]:
    """What the job's signal calls: ``callback`` through `_deliver`, a window's method held
    weakly (as a signal holds a method connected to it), so a job never keeps a closed window
    alive."""
    if not inspect.ismethod(callback):
        return lambda value: _deliver(callback, value)
    method = weakref.WeakMethod(callback)

    def call(value: Any) -> None:
        bound = method()
        if bound is None:
            log.info("a result came for a window already closed; dropped")
            return
        _deliver(bound, value)

    return call


def _deliver(callback: Callable[[Any], None], value: Any) -> None:
    """Hand a job's result (or error) to what asked for it. The window that asked may be gone
    by now (the officer switched user or language while a receipt printed): a result for a
    deleted window is dropped, with a line in the log, not shown as a crash."""
    try:
        callback(value)
    except RuntimeError as exc:
        if not _window_gone(exc):
            raise
        log.info("a result came for a window already closed; dropped (%s)", exc)


def _window_gone(exc: RuntimeError) -> bool:
    """PySide's errors for a Qt object already deleted (its signal, its methods)."""
    said = str(exc)
    return "already deleted" in said or "has been deleted" in said
