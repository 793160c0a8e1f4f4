"""What the status bar shows, read from the local database alone (no network, one query each)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from khidmat_desk.core.clock import CLOCK_TOLERANCE, span_text
from khidmat_desk.core.issues import Said
from khidmat_desk.store import outbox
from khidmat_desk.store.db import Database
from khidmat_desk.sync import state


@dataclass(frozen=True)
class SyncStatus:
    pending: int
    quarantined: int
    online: bool
    last_success: datetime | None
    last_attempt: datetime | None
    next_attempt: datetime | None
    last_error: str | None
    #: the kind of the last error (a `SyncError` class name), for the officer's language
    last_error_kind: str | None = None
    #: days whose numbering went on after numbers the server holds that this database lacks
    #: (day → last number there): applications to take back from the server
    numbers_behind: dict[str, int] | None = None
    #: how far this PC's clock was ahead of the central server's (negative: behind), in
    #: seconds, at its last answer; None before any answer
    clock_ahead_seconds: float | None = None
    clock_measured_at: datetime | None = None


@dataclass(frozen=True)
class SyncReport:
    """The outcome of one pass: what moved, and the state it left behind."""

    pushed: int
    duplicates: int
    rejected: int
    pulled: int
    pending: int
    quarantined: int
    online: bool
    last_success: datetime | None
    next_attempt: datetime | None
    error: str | None = None
    #: What is wrong on this computer (database busy, disk full, a bug) that stops the sync;
    #: the status bar shows it instead of the link state until a pass gets through.
    problem: str | None = None
    #: The same as a template and its arguments, for the screen to say in the officer's
    #: language (``str(problem_said) == problem``).
    problem_said: Said | None = None
    #: as SyncStatus.numbers_behind
    numbers_behind: dict[str, int] | None = None
    #: the kind of ``error`` when it is the link's (a `SyncError` class name)
    error_kind: str | None = None
    #: as SyncStatus.clock_ahead_seconds
    clock_ahead_seconds: float | None = None

    @property
    def outbox_empty(self) -> bool:
        return self.pending == 0 and self.quarantined == 0

    def summary(self) -> str:
        """One line for the CLI and the log."""
        link = "online" if self.online else "offline"
        line = (f"sent {self.pushed}, already there {self.duplicates}, refused {self.rejected}, "
                f"status changes {self.pulled}; waiting {self.pending}, "
                f"set aside {self.quarantined}; {link}")
        if self.error:
            line += f"; {self.error}"
        if self.numbers_behind:
            line += ("; the server holds applications this database lacks: the in-charge "
                     "takes them back (sync --take-back)")
        ahead = self.clock_ahead_seconds
        if ahead is not None and abs(ahead) > CLOCK_TOLERANCE.total_seconds():
            line += (f"; this PC's clock is {span_text(abs(ahead))} "
                     f"{'ahead of' if ahead > 0 else 'behind'} the central server's: set it")
        return line


def current_status(db: Database) -> SyncStatus:
    with db.read() as session:
        counts = outbox.counts(session)
        values = state.read_all(session)
    ahead, measured = state.clock_reading(values)
    return SyncStatus(
        pending=counts.pending, quarantined=counts.quarantined,
        online=bool(values.get(state.ONLINE, False)),
        last_success=state.as_datetime(values.get(state.LAST_SUCCESS)),
        last_attempt=state.as_datetime(values.get(state.LAST_ATTEMPT)),
        next_attempt=state.as_datetime(values.get(state.NEXT_ATTEMPT)),
        last_error=values.get(state.LAST_ERROR),
        last_error_kind=values.get(state.LAST_ERROR_KIND),
        numbers_behind=values.get(state.NUMBERS_BEHIND) or None,
        clock_ahead_seconds=ahead, clock_measured_at=measured)
