"""Statements run on the driver store exactly what SQLAlchemy would: dates, times and JSON
converted by their columns, the same moment given to several statements converted once and
still right when the next save brings another."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import insert, select, text

from khidmat_desk.store.db import Database
from khidmat_desk.store.models import CounterSequence, OutboxEntry, table_of
from khidmat_desk.store.prepared import JsonText, Prepared

OUTBOX = table_of(OutboxEntry)
SEQUENCE = table_of(CounterSequence)
_QUEUE = Prepared(insert(OUTBOX))
_SEQUENCE = Prepared(insert(SEQUENCE))
KARACHI = timezone(timedelta(hours=5))


def _queue(db: Database, uuid: str, at: datetime, payload: object) -> None:
    with db.write() as session:
        _QUEUE.execute(session.connection(), {
            "uuid": uuid, "version": 1, "kind": "application", "payload": payload,
            "created_at": at, "attempts": 0})


def _stored(db: Database) -> list[tuple[str, datetime, object]]:
    with db.read() as session:
        rows = session.execute(select(OutboxEntry).order_by(OutboxEntry.id)).scalars()
        return [(row.uuid, row.created_at, row.payload) for row in rows]


def test_moments_and_documents_are_stored_as_sqlalchemy_stores_them(db: Database) -> None:
    first = datetime(2026, 3, 6, 9, 15, 30, 123456, tzinfo=UTC)
    local = datetime(2026, 3, 6, 14, 15, 30, 123456, tzinfo=KARACHI)  # the same instant
    later = first + timedelta(microseconds=1)
    payload = {"name": "محمد", "items": [1, 2.5, None, True], "nested": {"a": "b"}}
    for uuid, at in (("a", first), ("b", first), ("c", local), ("d", later), ("e", first)):
        _queue(db, uuid, at, payload)
    with db.write() as session:
        session.execute(insert(OUTBOX).values(uuid="f", version=1, kind="application",
                                              payload=payload, created_at=later, attempts=0))
    assert _stored(db) == [("a", first, payload), ("b", first, payload), ("c", first, payload),
                           ("d", later, payload), ("e", first, payload),
                           ("f", later, payload)]


def test_a_moment_remembered_is_never_given_for_another(db: Database) -> None:
    moments = [datetime(2026, 3, 6, 9, 0, tzinfo=UTC) + timedelta(seconds=n) for n in range(5)]
    for index, moment in enumerate(moments * 2):
        _queue(db, f"u{index}", moment, {})
    assert [at for _, at, _ in _stored(db)] == moments * 2


def test_dates_are_converted_by_their_column(db: Database) -> None:
    days = [date(2026, 3, 6), date(2026, 3, 7), date(2026, 3, 6)]
    with db.write() as session:
        for counter, day in enumerate(days, start=1):
            _SEQUENCE.execute(session.connection(), {
                "centre_code": "LHR01", "counter": counter, "day": day, "last_value": 1})
    with db.read() as session:
        stored = session.execute(select(SEQUENCE.c.day).order_by(SEQUENCE.c.counter)).scalars()
        assert list(stored) == days


def test_a_naive_moment_is_refused_even_after_a_good_one(db: Database) -> None:
    moment = datetime(2026, 3, 6, 9, 0, tzinfo=UTC)
    _queue(db, "a", moment, {})
    with pytest.raises(ValueError, match="time zone"):
        _queue(db, "b", moment.replace(tzinfo=None), {})
    assert [uuid for uuid, _, _ in _stored(db)] == ["a"]


def test_a_value_spelled_beforehand_is_stored_as_the_value_itself(db: Database) -> None:
    answers = {"name": "محمد عمران", "rows": [{"from": "2010-07-01"}], "n": 2.5}
    payload = {"uuid": "a", "answers": answers, "officer": "asif.khan", "payment": None}
    spelled = JsonText.with_member(payload, "answers", JsonText(answers))
    assert spelled.text == json.dumps(payload)
    assert JsonText.with_member({"answers": answers}, "answers", JsonText(answers)).text == \
        json.dumps({"answers": answers})
    assert JsonText.with_member(payload, "answers", JsonText(dict(answers))).text == \
        json.dumps(payload)  # another object than the member: spelled afresh
    _queue(db, "a", datetime(2026, 3, 6, 9, 15, tzinfo=UTC), spelled)
    _queue(db, "b", datetime(2026, 3, 6, 9, 15, tzinfo=UTC), payload)
    (_, _, first), (_, _, second) = _stored(db)
    assert first == second == payload
    if db.is_sqlite:
        with db.read() as session:
            texts = session.execute(text("SELECT payload FROM outbox_entry ORDER BY id"))
            assert [t for (t,) in texts] == [json.dumps(payload)] * 2
