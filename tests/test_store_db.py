"""Units of work and the translation of known database failures into officer messages."""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, insert, literal_column, null, select, text, type_coerce, update
from sqlalchemy.exc import DBAPIError
from thread_helpers import run_in_threads

from khidmat_desk.store.db import Database, open_database, sqlite_url
from khidmat_desk.store.errors import (
    DatabaseBusyError,
    DatabaseUnavailableError,
    DiskFullError,
    StoreError,
    WriteConflictError,
    known_error,
)
from khidmat_desk.store.models import Centre, CounterSequence, UtcDateTime, table_of

CENTRE = table_of(Centre)


def centre_count(db: Database) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(CENTRE)) or 0)


def test_sqlite_pragmas_are_set_on_every_connection(sqlite_db: Database) -> None:
    with sqlite_db.read() as session:
        values = [session.execute(text(f"PRAGMA {name}")).scalar()
                  for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")]
    assert values == ["wal", 2, 1, 5000]  # synchronous 2 = FULL


@pytest.mark.parametrize(("stored", "expected"), [
    ("2026-03-06 05:00:00.250000", datetime(2026, 3, 6, 5, 0, 0, 250000, tzinfo=UTC)),
    ("2026-03-06 05:00:00", datetime(2026, 3, 6, 5, tzinfo=UTC)),
    ("2026-03-06T05:00:00.250", datetime(2026, 3, 6, 5, 0, 0, 250000, tzinfo=UTC)),
    ("2026-03-06 10:00:00+05:00", datetime(2026, 3, 6, 5, tzinfo=UTC)),  # a zone of its own
])
def test_sqlite_timestamps_read_back_as_utc(sqlite_db: Database, stored: str,
                                            expected: datetime) -> None:
    column = type_coerce(literal_column(f"'{stored}'"), UtcDateTime())
    with sqlite_db.read() as session:
        value, nothing = session.execute(
            select(column, type_coerce(null(), UtcDateTime()))).one()
    assert (value, value.tzinfo, nothing) == (expected, UTC, None)
    assert value.isoformat() == expected.isoformat()


def test_write_commits_and_an_error_rolls_everything_back(db: Database) -> None:
    with db.write() as session:
        session.execute(insert(CENTRE).values(code="LHR01", name="Liberty", district="Lahore"))
    with pytest.raises(RuntimeError), db.write() as session:
        session.execute(insert(CENTRE).values(code="LHR02", name="Model Town", district="Lahore"))
        raise RuntimeError("something went wrong after the insert")
    assert centre_count(db) == 1


def test_read_never_commits(db: Database) -> None:
    with db.read() as session:
        session.execute(insert(CENTRE).values(code="LHR01", name="Liberty", district="Lahore"))
    assert centre_count(db) == 0


def test_foreign_keys_are_enforced(db: Database) -> None:
    from sqlalchemy.exc import IntegrityError

    from khidmat_desk.store.models import Counter

    with pytest.raises(IntegrityError), db.write() as session:
        session.execute(insert(table_of(Counter)).values(centre_code="NOPE", number=1, name="x"))


def test_writers_that_read_first_wait_instead_of_failing(sqlite_db: Database) -> None:
    """Read-then-write from several threads: deferred BEGIN would fail on lock upgrade."""
    table = table_of(CounterSequence)
    day = time.strftime("%Y-%m-%d")
    from datetime import date

    with sqlite_db.write() as session:
        session.execute(insert(table).values(centre_code="LHR01", counter=1,
                                             day=date.fromisoformat(day), last_value=0))
    def bump(times: int) -> None:
        for _ in range(times):
            with sqlite_db.write() as session:
                current = session.execute(select(table.c.last_value)).scalar_one()
                time.sleep(0.001)  # widen the window between read and write
                session.execute(update(table).values(last_value=current + 1))

    assert run_in_threads(bump, [(40,)] * 4) == []
    with sqlite_db.read() as session:
        assert session.execute(select(table.c.last_value)).scalar_one() == 160


def test_a_held_lock_becomes_database_busy(tmp_path: Path) -> None:
    path = tmp_path / "counter.sqlite3"
    open_database(sqlite_url(path)).dispose()
    database = open_database(sqlite_url(path), busy_timeout_ms=100)
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        with pytest.raises(DatabaseBusyError) as caught, database.write() as session:
            session.execute(insert(CENTRE).values(code="LHR01", name="Liberty", district="Lahore"))
        assert time.monotonic() - started >= 0.09  # it waited for the timeout first
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert "Nothing was saved" in str(caught.value)
    assert isinstance(caught.value.__cause__, DBAPIError)
    with database.write() as session:  # free again: the same database works
        session.execute(insert(CENTRE).values(code="LHR01", name="Liberty", district="Lahore"))
    database.dispose()


def test_a_read_takes_no_write_lock_and_the_next_transaction_takes_one(tmp_path: Path) -> None:
    path = tmp_path / "counter.sqlite3"
    database = open_database(sqlite_url(path), busy_timeout_ms=100)
    other = sqlite3.connect(path, isolation_level=None, timeout=0.05)

    def other_can_write() -> bool:
        try:
            other.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:
            return False
        other.execute("ROLLBACK")
        return True

    try:
        with database.read() as session:
            session.execute(text("SELECT count(*) FROM centre")).scalar_one()
            assert database.engine.pool.checkedout() == 1
            assert other_can_write()  # deferred: a reader holds no write lock
        with database.write() as session:  # the same pooled connection, BEGIN IMMEDIATE
            assert not other_can_write()
        with database.engine.connect() as connection:  # nor does a plain one stay deferred
            connection.execute(text("SELECT 1"))
            assert not other_can_write()
        assert other_can_write()
    finally:
        other.close()
        database.dispose()


def test_a_full_disk_becomes_disk_full(sqlite_db: Database) -> None:
    # SQLite reports SQLITE_FULL when the file may not grow: the same error as a full disk.
    @event.listens_for(sqlite_db.engine, "connect")
    def _cap_size(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA max_page_count=60")

    sqlite_db.engine.dispose()
    with pytest.raises(DiskFullError) as caught, sqlite_db.write() as session:
        for number in range(200):
            session.execute(insert(CENTRE).values(code=f"C{number}", name="x" * 2000,
                                                  district="Lahore"))
    assert "disk is full" in str(caught.value)
    assert centre_count(sqlite_db) == 0


def test_memory_databases_are_refused() -> None:
    with pytest.raises(ValueError, match="must be a file"):
        Database("sqlite://")


def test_unreachable_server_is_database_unavailable() -> None:
    with pytest.raises(DatabaseUnavailableError) as caught:
        open_database("postgresql+psycopg://nobody@127.0.0.1:1/khidmat?connect_timeout=2")
    assert "network cable" in str(caught.value)


def test_unknown_errors_are_not_dressed_up() -> None:
    assert known_error(ValueError("a bug")) is None
    assert known_error(sqlite3.IntegrityError("UNIQUE constraint failed")) is None


@pytest.mark.postgres
def test_postgres_serialization_failure_is_write_conflict(pg_schema_url: str) -> None:
    database = open_database(pg_schema_url)
    try:
        with database.write() as session:
            session.execute(insert(CENTRE).values(code="LHR01", name="Liberty", district="Lahore"))
        first = database.engine.connect().execution_options(isolation_level="SERIALIZABLE")
        second = database.engine.connect().execution_options(isolation_level="SERIALIZABLE")
        first.begin()
        second.begin()
        for connection in (first, second):
            connection.execute(select(CENTRE.c.name)).all()
        first.execute(update(CENTRE).values(name="First"))
        first.commit()
        with pytest.raises(DBAPIError) as caught:
            second.execute(update(CENTRE).values(name="Second"))
        second.rollback()
        first.close()
        second.close()
        translated = known_error(caught.value)
        assert isinstance(translated, WriteConflictError)
        assert isinstance(translated, StoreError)
        assert "Press Save again" in str(translated)
    finally:
        database.dispose()
