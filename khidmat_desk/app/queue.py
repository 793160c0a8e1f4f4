"""The counter's queue: what this counter took in today, newest first.

Bounded by the day (an indexed range on created_at), so its cost grows with the day's work,
never with years of history.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from sqlalchemy import select

from khidmat_desk.app.applications import (
    CENTRE_TIME,
    ApplicationSummary,
    centre_date,
    summary_from_row,
)
from khidmat_desk.store.db import Database
from khidmat_desk.store.search import APP, SUMMARY_COLUMNS

QUEUE_LIMIT = 2000


def todays_applications(db: Database, *, centre_code: str, counter: int,
                        now: datetime | None = None) -> tuple[ApplicationSummary, ...]:
    day = centre_date(now or datetime.now(UTC))
    start = datetime.combine(day, time.min, CENTRE_TIME).astimezone(UTC)
    query = (select(*SUMMARY_COLUMNS)
             .where(APP.c.created_at >= start, APP.c.created_at < start + timedelta(days=1),
                    APP.c.centre_code == centre_code, APP.c.counter == counter)
             .order_by(APP.c.created_at.desc()).limit(QUEUE_LIMIT))
    with db.read() as session:
        return tuple(summary_from_row(row) for row in session.connection().execute(query))
