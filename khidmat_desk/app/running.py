"""Is the counter open on this PC? A lock on ``<data-dir>/counter.lock``, held while it runs.

The lock belongs to the open file, so the operating system releases it when the counter's
process ends for any reason (a crash, a kill, a power cut): a stale lock cannot block anyone.
Commands that must not run under an open counter (``restore``) ask ``counter_is_running``.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import IO, Any

from khidmat_desk.errors import KnownError

log = logging.getLogger("khidmat.running")

LOCK_FILE = "counter.lock"


class CounterAlreadyRunningError(KnownError):
    def __init__(self, data_dir: Path) -> None:
        super().__init__(f"Khidmat Desk is already open with the data folder {data_dir} on this "
                         "computer. Use that window (it may be minimised), or close it first.")


class CounterLock:
    """Held from the counter's start to its end."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._handle: IO[Any] | None = None

    def acquire(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        handle = (self.data_dir / LOCK_FILE).open("a+b")
        if not _try_lock(handle):
            handle.close()
            raise CounterAlreadyRunningError(self.data_dir)
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()).encode())
        handle.flush()
        self._handle = handle
        log.info("counter lock taken in %s", self.data_dir)

    def holds(self, data_dir: Path) -> bool:
        """True while this lock is taken on ``data_dir``."""
        return self._handle is not None and self.data_dir.resolve() == data_dir.resolve()

    def release(self) -> None:
        if self._handle is not None:
            _unlock(self._handle)
            self._handle.close()
            self._handle = None

    def __enter__(self) -> CounterLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def counter_is_running(data_dir: Path) -> bool:
    path = data_dir / LOCK_FILE
    if not path.exists():
        return False
    with path.open("a+b") as handle:
        if not _try_lock(handle):
            return True
        _unlock(handle)
        return False


if sys.platform == "win32":
    import msvcrt

    def _try_lock(handle: IO[Any]) -> bool:
        handle.seek(0)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[Any]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(handle: IO[Any]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(handle: IO[Any]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
