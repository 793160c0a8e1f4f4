"""Numbers made on the counter without asking anyone: record UUIDs and daily sequences.

A UUIDv7 starts with the millisecond it was made, so records sort by creation time and the
primary-key index stays append-only; it is the idempotency key the central server relies on.
The daily sequence (1-9999 per centre, counter and local date) feeds the tracking number; it
is taken in the same transaction as the save, so a rolled-back save gives its number back.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, literal_column, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from khidmat_desk.store.db import connection_of
from khidmat_desk.store.errors import DailyLimitReachedError
from khidmat_desk.store.models import CounterSequence, table_of
from khidmat_desk.store.prepared import Prepared

log = logging.getLogger("khidmat.store")

#: The tracking number holds four digits of sequence.
MAX_DAILY_SEQUENCE = 9999

_uuid_lock = threading.Lock()
_last_uuid_ms = 0
_last_uuid_counter = 0


def uuid7() -> str:
    """A new RFC 9562 version 7 UUID; strictly increasing within this process."""
    global _last_uuid_ms, _last_uuid_counter
    with _uuid_lock:
        now_ms = time.time_ns() // 1_000_000
        if now_ms <= _last_uuid_ms:
            # Same millisecond (or the clock stepped back): count on from the last value.
            now_ms = _last_uuid_ms
            _last_uuid_counter += 1
            if _last_uuid_counter > 0xFFF:
                now_ms += 1
                _last_uuid_counter = 0
        else:
            _last_uuid_counter = int.from_bytes(os.urandom(2), "big") & 0x7FF
        _last_uuid_ms = now_ms
        counter = _last_uuid_counter
    random_tail = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (now_ms << 80) | (0x7 << 76) | (counter << 64) | (0b10 << 62) | random_tail
    text = f"{value:032x}"  # as `str(uuid.UUID(int=value))` spells it, without building one
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def _upsert_statement(dialect_name: str) -> Any:
    insert = postgresql.insert if dialect_name == "postgresql" else sqlite.insert
    table = table_of(CounterSequence)
    return (
        insert(table)
        .on_conflict_do_update(
            index_elements=["centre_code", "counter", "day"],
            set_={"last_value": literal_column("counter_sequence.last_value") + 1},
        )
        .returning(table.c.last_value)
    )


#: Built once per dialect: saves run often and statement building is not free.
_UPSERT = {name: Prepared(_upsert_statement(name)) for name in ("sqlite", "postgresql")}


def next_sequence(session: Session | Connection, centre_code: str, counter: int, day: date) -> int:
    """Take the next daily number for this centre, counter and day (one atomic upsert)."""
    connection = connection_of(session)
    value = int(_UPSERT[connection.dialect.name].scalar(connection, {
        "centre_code": centre_code, "counter": counter, "day": day, "last_value": 1,
    }))
    if value > MAX_DAILY_SEQUENCE:
        raise DailyLimitReachedError()
    return value


#: (centre, counter, day) → the last daily number handed out
IssuedNumbers = dict[tuple[str, int, date], int]


def read_issued_numbers(path: Path) -> IssuedNumbers | None:
    """The daily numbers a (damaged) database file had handed out, read without writing to it;
    None when they cannot be read."""
    import sqlite3
    from contextlib import closing

    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as raw:
            rows = raw.execute(
                "SELECT centre_code, counter, day, last_value FROM counter_sequence").fetchall()
        return {(str(centre), int(counter), date.fromisoformat(str(day)[:10])): int(value)
                for centre, counter, day, value in rows}
    except (sqlite3.Error, ValueError, TypeError) as exc:
        log.warning("the daily numbers of %s cannot be read: %s", path, exc)
        return None


def carry_numbers_on(session: Session, issued: IssuedNumbers) -> IssuedNumbers:
    """No daily number at or below ``issued`` is handed out again (after a restore from an
    older backup, those numbers are on citizens' receipts). Returns what was raised."""
    table = table_of(CounterSequence)
    raised: IssuedNumbers = {}
    for (centre, counter, day), value in sorted(issued.items()):
        key = {"centre_code": centre, "counter": counter, "day": day}
        current = session.execute(select(table.c.last_value).filter_by(**key)).scalar()
        if current is not None and current >= value:
            continue
        if current is None:
            session.execute(table.insert().values(**key, last_value=value))
        else:
            session.execute(table.update().filter_by(**key).values(last_value=value))
        raised[(centre, counter, day)] = value
    return raised


def numbers_of(session: Session, centre_code: str, counter: int,
               days: list[date]) -> dict[date, int]:
    """The last daily number handed out on each of ``days`` that has one."""
    table = table_of(CounterSequence)
    rows = session.execute(select(table.c.day, table.c.last_value).where(
        table.c.centre_code == centre_code, table.c.counter == counter,
        table.c.day.in_(days)))
    return {day: int(value) for day, value in rows}
