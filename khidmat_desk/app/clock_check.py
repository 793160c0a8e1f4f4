"""Is this PC's clock right? Every tracking number, receipt, certificate, SLA date and day close
is dated by it, and a counter PC's clock goes wrong in ordinary ways: a flat CMOS battery puts
it back years after a power cut, somebody sets it by hand.

Two witnesses, no network asked here:

* what this counter already recorded — time does not go back, so a clock well behind the
  newest application, status change or printed copy in the database is wrong;
* the central server — each answer's ``Date`` is kept by the sync (how far this PC's clock was
  off, and when). A word from the server in the last minutes is the better witness: when it
  says the clock is right, records "in the future" were dated by a clock that was wrong then,
  not now.

Nothing is refused on this: a citizen is not sent away because of the clock. The counter says
it until the clock is set (see gui/main_window.py), and `doctor` lists it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from khidmat_desk.core import clock
from khidmat_desk.core.clock import CLOCK_TOLERANCE
from khidmat_desk.core.issues import Said
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import Application, PrintRecord, StatusChange
from khidmat_desk.sync import state

#: How long the central server's word on the clock is trusted over the database's: no longer
#: than a clock may be off, so that a clock set right since (by more than that) is never
#: judged by what the server said of it before. The sync says it again every pass.
SERVER_WORD_KEEPS = CLOCK_TOLERANCE

BEHIND_RECORDS = (
    "This PC's clock says {now}, but this counter's database already holds a record of "
    "{newest}: the clock has gone back. Every tracking number, receipt and certificate is "
    "dated by this clock. Set the PC's date and time, then go on.")
OFF_SERVER = (
    "This PC's clock says {now}, but the central server's says {server}. Every tracking "
    "number, receipt and certificate is dated by this clock. Set the PC's date and time, then "
    "go on.")


@dataclass(frozen=True)
class ClockCheck:
    now: datetime
    #: the newest moment this database holds (an application, a status change, a copy)
    newest_recorded: datetime | None
    #: how far this PC's clock was ahead of the central server's (negative: behind)
    server_ahead_seconds: float | None
    server_measured_at: datetime | None

    @property
    def _server_word_fresh(self) -> bool:
        measured = self.server_measured_at
        return (self.server_ahead_seconds is not None and measured is not None
                and abs(self.now - measured) <= SERVER_WORD_KEEPS)

    @property
    def problem(self) -> Said | None:
        """What is wrong with the clock, to be said in the officer's language; None: right."""
        tolerance = CLOCK_TOLERANCE.total_seconds()
        if self._server_word_fresh:
            assert self.server_ahead_seconds is not None
            if abs(self.server_ahead_seconds) <= tolerance:
                return None
            server = self.now - timedelta(seconds=self.server_ahead_seconds)
            return Said.of(OFF_SERVER, {"now": _moment(self.now), "server": _moment(server)})
        newest = self.newest_recorded
        if newest is not None and (newest - self.now).total_seconds() > tolerance:
            return Said.of(BEHIND_RECORDS, {"now": _moment(self.now), "newest": _moment(newest)})
        return None


def check_clock(db: Database, now: datetime | None = None) -> ClockCheck:
    """Three index lookups and the sync's state: cheap enough to run every minute."""
    moment = clock.utc_moment(now)
    with db.read() as session:
        newest = [session.scalar(select(func.max(column))) for column in (
            Application.created_at, StatusChange.at, PrintRecord.printed_at)]
        ahead, measured = state.clock_reading(state.read_all(session))
    return ClockCheck(
        now=moment,
        newest_recorded=max((m for m in newest if m is not None), default=None),
        server_ahead_seconds=ahead, server_measured_at=measured)


def _moment(moment: datetime) -> str:
    """Centre time, with the year: a clock put back often lands in another year."""
    return f"{clock.local(moment):%d-%m-%Y %H:%M}"
