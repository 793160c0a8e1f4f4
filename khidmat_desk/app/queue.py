"""The counter's queue: what this counter took in today, newest first.

Bounded by the day (an indexed range on created_at), so its cost grows with the day's work,
never with years of history.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select

from khidmat_desk.app.applications import ApplicationSummary, summary_from_row
from khidmat_desk.core import clock
from khidmat_desk.store.db import Database
from khidmat_desk.store.search import APP, SUMMARY_COLUMNS

QUEUE_LIMIT = 2000


def _today_window(now: datetime | None) -> tuple[datetime, datetime]:
    day = clock.day_of(now or clock.utc_now())
    return clock.day_start(day), clock.day_start(day + timedelta(days=1))


def todays_counts(db: Database, *, centre_code: str, counter: int,
                  now: datetime | None = None) -> dict[str, int]:
    """Applications taken today at this counter, per service (the launcher shows them)."""
    start, end = _today_window(now)
    query = (select(APP.c.service_code, func.count())
             .where(APP.c.created_at >= start, APP.c.created_at < end,
                    APP.c.centre_code == centre_code, APP.c.counter == counter)
             .group_by(APP.c.service_code))
    with db.read() as session:
        return {code: int(n) for code, n in session.connection().execute(query)}


def todays_applications(db: Database, *, centre_code: str, counter: int,
                        now: datetime | None = None) -> tuple[ApplicationSummary, ...]:
    start, end = _today_window(now)
    query = (select(*SUMMARY_COLUMNS)
             .where(APP.c.created_at >= start, APP.c.created_at < end,
                    APP.c.centre_code == centre_code, APP.c.counter == counter)
             .order_by(APP.c.created_at.desc()).limit(QUEUE_LIMIT))
    with db.read() as session:
        return tuple(summary_from_row(row) for row in session.connection().execute(query))
