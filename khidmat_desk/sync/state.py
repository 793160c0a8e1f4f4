"""The sync's own small table: the pull cursor and what the status bar shows.

Reading it costs one indexed query and no network, so the GUI can poll it every second.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from khidmat_desk.store.models import SyncState, table_of

PULL_CURSOR = "pull_cursor"
ONLINE = "online"
LAST_ATTEMPT = "last_attempt_at"
LAST_SUCCESS = "last_success_at"
NEXT_ATTEMPT = "next_attempt_at"
LAST_ERROR = "last_error"
#: What kind of problem the last error was (a `SyncError` class name: ``LinkDown``…), for the
#: screen to say it in the officer's language.
LAST_ERROR_KIND = "last_error_kind"
FAILURES = "consecutive_failures"
BUNDLE_KEY = "bundle_key_registered"
#: Days whose numbering went on after numbers the central server holds and this database
#: lacked ({"2026-12-01": 4}): the in-charge should take them back. Cleared by a take back.
NUMBERS_BEHIND = "numbers_behind_server"
#: How many seconds this PC's clock was ahead of the central server's (negative: behind) at
#: the last answer, and when that was.
CLOCK_AHEAD = "pc_clock_ahead_seconds"
CLOCK_MEASURED = "pc_clock_measured_at"

_TABLE = table_of(SyncState)


def read_all(session: Session) -> dict[str, Any]:
    return {row.name: row.value for row in session.execute(select(_TABLE))}


def write(session: Session, values: Mapping[str, Any], *, now: datetime) -> None:
    """Upsert each named value (datetimes stored as ISO text)."""
    connection = session.connection()
    insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
    for name, value in values.items():
        stored = value.isoformat() if isinstance(value, datetime) else value
        statement = insert(_TABLE).values(name=name, value=stored, updated_at=now)
        connection.execute(statement.on_conflict_do_update(
            index_elements=["name"], set_={"value": stored, "updated_at": now}))


def as_datetime(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None


def clock_measured(ahead_seconds: float, now: datetime) -> dict[str, Any]:
    """The values that keep how far this PC's clock was off the server's, and when."""
    return {CLOCK_AHEAD: round(ahead_seconds, 1), CLOCK_MEASURED: now}


def clock_reading(values: Mapping[str, Any]) -> tuple[float | None, datetime | None]:
    """What `clock_measured` kept: seconds ahead (negative: behind) and when; None, None
    before the server was ever heard."""
    ahead = values.get(CLOCK_AHEAD)
    seconds = float(ahead) if isinstance(ahead, int | float) and not isinstance(ahead, bool) \
        else None
    return seconds, as_datetime(values.get(CLOCK_MEASURED))

