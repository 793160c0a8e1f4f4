"""Every counter of the centre as the in-charge's dashboard shows it: what it took in today, when
it last saved, what of it still waits for the central server, and whether its day bundle was
imported here.

Counters sharing one PostgreSQL database are all seen directly (their outbox is this one); a
counter with its own SQLite is seen through the day bundle imported on the in-charge's PC —
what waits in its own outbox is only known on that PC, so its row says when its bundle came in.
The sync line is this PC's own: when the central server last took records from it, and why
the last attempt failed if it did. In-charge only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import case, func, select, type_coerce
from sqlalchemy.orm import Session

from khidmat_desk.app.shifts import plan_in
from khidmat_desk.auth.users import UserInfo, require_role
from khidmat_desk.core.clock import utc_moment
from khidmat_desk.core.shifts import Period
from khidmat_desk.core.workflow import IN_CHARGE
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import (
    Application,
    AuditEvent,
    Centre,
    Counter,
    OutboxEntry,
    UtcDateTime,
)
from khidmat_desk.sync import state as sync_state

APPLICATION_KIND = "application"


@dataclass(frozen=True, slots=True)
class CounterState:
    counter: int
    name: str
    applications: int  # taken in the working day
    last_saved: datetime | None  # its newest application of the day
    waiting: int  # versions of its applications the central server has not taken yet
    oldest_waiting: datetime | None
    set_aside: int  # refused by the central server, waiting for the in-charge
    bundle_imported: datetime | None  # its day bundle, when it was imported on this PC


@dataclass(frozen=True)
class CounterBoard:
    period: Period
    counters: tuple[CounterState, ...]
    online: bool | None  # None: this PC has never tried to reach the central server
    last_sent: datetime | None
    last_error: str


def counter_board(db: Database, user: UserInfo, *, now: datetime | None = None) -> CounterBoard:
    """The working day now, counter by counter (see the module)."""
    require_role(user, IN_CHARGE)
    moment = utc_moment(now)
    with db.read() as session:
        plan = plan_in(session)
        period = plan.period(plan.locate(moment).day)
        taken = _taken(session, period)
        waiting = _waiting(session)
        bundles = _bundles(session, period)
        names = _names(session)
        values = sync_state.read_all(session)
    numbers = sorted(set(names) | set(taken) | set(waiting) | set(bundles))
    rows = []
    for number in numbers:
        count, last = taken.get(number, (0, None))
        queued, oldest, aside = waiting.get(number, (0, None, 0))
        rows.append(CounterState(number, names.get(number, ""), count, last, queued, oldest,
                                 aside, bundles.get(number)))
    online = values.get(sync_state.ONLINE)
    return CounterBoard(period, tuple(rows), None if online is None else bool(online),
                        sync_state.as_datetime(values.get(sync_state.LAST_SUCCESS)),
                        str(values.get(sync_state.LAST_ERROR) or ""))


def _names(session: Session) -> dict[int, str]:
    centre = session.scalar(select(Centre.code))
    return {number: name for number, name in session.execute(
        select(Counter.number, Counter.name).where(Counter.centre_code == centre))}


def _taken(session: Session, period: Period) -> dict[int, tuple[int, datetime | None]]:
    rows = session.execute(
        select(Application.counter, func.count(),
               type_coerce(func.max(Application.created_at), UtcDateTime))
        .where(Application.created_at >= period.start, Application.created_at < period.end)
        .group_by(Application.counter))
    return {counter: (count, last) for counter, count, last in rows}


def _waiting(session: Session) -> dict[int, tuple[int, datetime | None, int]]:
    set_aside = case((OutboxEntry.quarantined_at.is_not(None), 1), else_=0)
    rows = session.execute(
        select(Application.counter, func.count() - func.sum(set_aside),
               type_coerce(func.min(case((OutboxEntry.quarantined_at.is_(None),
                                          OutboxEntry.created_at))), UtcDateTime),
               func.sum(set_aside))
        .join(Application, Application.uuid == OutboxEntry.uuid)
        .where(OutboxEntry.kind == APPLICATION_KIND)
        .group_by(Application.counter))
    return {counter: (int(count), oldest, int(aside))
            for counter, count, oldest, aside in rows}


def _bundles(session: Session, period: Period) -> dict[int, datetime]:
    events: Iterable[Any] = session.execute(
        select(AuditEvent.at, AuditEvent.details)
        .where(AuditEvent.entity_type == "day_bundle",
               AuditEvent.entity_id == period.day.isoformat(),
               AuditEvent.action == "day-bundle-imported"))
    latest: dict[int, datetime] = {}
    for at, details in events:
        counter = int(details.get("counter", 0))
        latest[counter] = max(at, latest.get(counter, at))
    return latest

