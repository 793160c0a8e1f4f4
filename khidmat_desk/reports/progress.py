"""Progress and cancellation for long exports, without knowing who is watching (GUI or CLI)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from khidmat_desk.errors import KnownError


class ExportCancelled(KnownError):  # noqa: N818 - read as "the export was cancelled"
    """The person asked to stop; nothing was written."""


@dataclass
class Progress:
    """``report(done, total)`` after each step; ``cancelled()`` asked as often."""

    report: Callable[[int, int], None] | None = None
    cancelled: Callable[[], bool] | None = None
    every: int = 250

    def step(self, done: int, total: int) -> None:
        if done % self.every and done != total:
            return
        if self.cancelled is not None and self.cancelled():
            raise ExportCancelled("The export was cancelled; no file was written.")
        if self.report is not None:
            self.report(done, total)


QUIET = Progress()
