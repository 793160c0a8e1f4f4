"""UUIDv7 record ids and the daily counter sequence behind tracking numbers."""

from __future__ import annotations

import threading
import time
import uuid
from datetime import date

import pytest
from sqlalchemy import insert
from thread_helpers import run_in_threads

from khidmat_desk.store.db import Database
from khidmat_desk.store.errors import DailyLimitReachedError
from khidmat_desk.store.models import CounterSequence, table_of
from khidmat_desk.store.sequences import MAX_DAILY_SEQUENCE, next_sequence, uuid7

DAY = date(2026, 11, 23)


def test_uuid7_layout_and_timestamp() -> None:
    before = time.time_ns() // 1_000_000
    text = uuid7()
    value = uuid.UUID(text)
    after = time.time_ns() // 1_000_000
    assert text == str(value)  # the canonical spelling: lower-case hex, dashes 8-4-4-4-12
    assert value.version == 7
    assert value.variant == uuid.RFC_4122
    assert before <= value.int >> 80 <= after


def test_uuid7_is_unique_and_strictly_increasing() -> None:
    values = [uuid7() for _ in range(20_000)]
    assert len(set(values)) == len(values)
    assert values == sorted(values)  # the text form sorts like the time they were made


def test_uuid7_from_many_threads_never_repeats() -> None:
    found: list[list[str]] = [[] for _ in range(4)]

    def make(slot: int) -> None:
        found[slot].extend(uuid7() for _ in range(5000))

    threads = [threading.Thread(target=make, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    everything = [value for chunk in found for value in chunk]
    assert len(set(everything)) == 20_000


def take(db: Database, centre: str, counter: int, day: date) -> int:
    with db.write() as session:
        return next_sequence(session, centre, counter, day)


def test_sequences_count_per_centre_counter_and_day(db: Database) -> None:
    assert [take(db, "LHR01", 7, DAY) for _ in range(3)] == [1, 2, 3]
    assert take(db, "LHR01", 8, DAY) == 1
    assert take(db, "LHR02", 7, DAY) == 1
    assert take(db, "LHR01", 7, date(2026, 11, 24)) == 1
    assert take(db, "LHR01", 7, DAY) == 4


def test_a_rolled_back_save_gives_its_number_back(db: Database) -> None:
    take(db, "LHR01", 7, DAY)
    with pytest.raises(RuntimeError), db.write() as session:
        assert next_sequence(session, "LHR01", 7, DAY) == 2
        raise RuntimeError("the save failed later in the transaction")
    assert take(db, "LHR01", 7, DAY) == 2


def test_the_daily_limit_is_a_clear_error(db: Database) -> None:
    with db.write() as session:
        session.execute(insert(table_of(CounterSequence)).values(
            centre_code="LHR01", counter=7, day=DAY, last_value=MAX_DAILY_SEQUENCE - 1))
    assert take(db, "LHR01", 7, DAY) == MAX_DAILY_SEQUENCE
    with pytest.raises(DailyLimitReachedError, match="Use another counter"):
        take(db, "LHR01", 7, DAY)


def test_concurrent_takers_never_share_a_number(db: Database) -> None:
    taken: list[int] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(25):
            number = take(db, "LHR01", 7, DAY)
            with lock:
                taken.append(number)

    assert run_in_threads(worker, [()] * 4) == []
    assert sorted(taken) == list(range(1, 101))
