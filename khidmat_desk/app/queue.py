"""The counter's queue: what this counter took in today, newest first.

Bounded by the day (an indexed range on created_at), so its cost grows with the day's work,
never with years of history.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from khidmat_desk.app.applications import ApplicationSummary, _summary
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import Application

CENTRE_TZ = ZoneInfo("Asia/Karachi")
QUEUE_LIMIT = 2000


def todays_applications(db: Database, *, centre_code: str, counter: int,
                        now: datetime | None = None) -> tuple[ApplicationSummary, ...]:
    moment = (now or datetime.now(UTC)).astimezone(CENTRE_TZ)
    start = datetime.combine(moment.date(), time.min, CENTRE_TZ).astimezone(UTC)
    end = start + timedelta(days=1)
    query = (select(Application.uuid, Application.tracking_number, Application.service_code,
                    Application.status, Application.display_name, Application.centre_code,
                    Application.counter, Application.created_at, Application.expected_on,
                    Application.version, Application.fee_total)
             .where(Application.created_at >= start, Application.created_at < end,
                    Application.centre_code == centre_code, Application.counter == counter)
             .order_by(Application.created_at.desc()).limit(QUEUE_LIMIT))
    with db.read() as session:
        return tuple(_summary(row) for row in session.execute(query))
