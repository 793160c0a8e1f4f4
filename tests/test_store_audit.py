"""The audit hash chain: appends link up, and every kind of tampering is found and named."""

from __future__ import annotations

import hashlib
import json
import tracemalloc
from datetime import UTC, datetime, timedelta
from enum import StrEnum

import pytest
from sqlalchemy import delete, select, text, update
from thread_helpers import run_in_threads

from khidmat_desk.store.audit import (
    GENESIS_HASH,
    ChainReport,
    append_event,
    canonical_json,
    verify_chain,
)
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import AuditEvent, AuditHead, table_of

T0 = datetime(2026, 5, 4, 10, 30, 15, 123456, tzinfo=UTC)
EVENT = table_of(AuditEvent)


def append_many(db: Database, count: int, *, start: int = 0) -> None:
    with db.write() as session:
        for number in range(start, start + count):
            append_event(session, actor="asif.khan", action="application-submitted",
                         entity_type="application", entity_id=f"app-{number}",
                         details={"number": number, "name": "محمد عمران"},
                         at=T0 + timedelta(seconds=number))


def verify(db: Database) -> ChainReport:
    with db.read() as session:
        return verify_chain(session)


def tamper(db: Database, sql: str) -> None:
    with db.write() as session:
        session.execute(text(sql))



def assert_broken_at(db: Database, event_id: int, reason: str) -> None:
    """verify() finds the chain broken first at `event_id` and says why."""
    report = verify(db)
    assert (report.ok, report.first_broken_id) == (False, event_id)
    assert reason in report.reason

def test_an_empty_log_checks_out(db: Database) -> None:
    assert verify(db) == ChainReport(True, 0, None, "all 0 events check out")


def test_events_form_a_gap_free_hash_chain(db: Database) -> None:
    append_many(db, 5)
    with db.read() as session:
        rows = session.execute(select(EVENT).order_by(EVENT.c.id)).all()
        head = session.execute(select(AuditHead.last_id, AuditHead.last_hash)).one()
    assert [row.id for row in rows] == [1, 2, 3, 4, 5]
    previous = GENESIS_HASH
    for row in rows:
        fields = {"at": row.at.isoformat(timespec="microseconds"), "actor": row.actor,
                  "action": row.action, "entity_type": row.entity_type,
                  "entity_id": row.entity_id, "details": row.details}
        expected = hashlib.sha256((previous + canonical_json(fields)).encode()).hexdigest()
        assert (row.prev_hash, row.hash) == (previous, expected)
        previous = row.hash
    assert tuple(head) == (5, previous)
    assert rows[0].at == T0  # microseconds and UTC survive the round trip
    assert verify(db) == ChainReport(True, 5, None, "all 5 events check out")


def test_an_edited_event_is_found(db: Database) -> None:
    append_many(db, 6)
    tamper(db, "UPDATE audit_event SET actor = 'someone.else' WHERE id = 3")
    report = verify(db)
    assert (report.ok, report.first_broken_id, report.checked) == (False, 3, 2)
    assert "event 3 was changed" in report.reason


def test_edited_details_are_found(db: Database) -> None:
    append_many(db, 4)
    with db.write() as session:
        session.execute(update(EVENT).where(EVENT.c.id == 2).values(details={"number": 99}))
    assert verify(db).first_broken_id == 2


def test_a_deleted_event_is_found(db: Database) -> None:
    append_many(db, 6)
    tamper(db, "DELETE FROM audit_event WHERE id = 4")
    assert_broken_at(db, 4, "event 4 is missing")


def test_deleting_the_newest_events_is_found(db: Database) -> None:
    append_many(db, 6)
    with db.write() as session:
        session.execute(delete(EVENT).where(EVENT.c.id > 4))
    assert_broken_at(db, 5, "newest events after event 4 were deleted")


def test_reordered_events_are_found(db: Database) -> None:
    append_many(db, 6)
    with db.write() as session:  # swap events 2 and 3, each keeping its own valid hash
        session.execute(text("UPDATE audit_event SET id = 1000 WHERE id = 2"))
        session.execute(text("UPDATE audit_event SET id = 2 WHERE id = 3"))
        session.execute(text("UPDATE audit_event SET id = 3 WHERE id = 1000"))
    assert_broken_at(db, 2, "different order")


def test_a_rewritten_event_with_a_fresh_hash_breaks_the_next_link(db: Database) -> None:
    append_many(db, 5)
    with db.write() as session:
        row = session.execute(select(EVENT).where(EVENT.c.id == 2)).one()
        forged = {"at": row.at.isoformat(timespec="microseconds"), "actor": "forger",
                  "action": row.action, "entity_type": row.entity_type,
                  "entity_id": row.entity_id, "details": row.details}
        new_hash = hashlib.sha256((row.prev_hash + canonical_json(forged)).encode()).hexdigest()
        session.execute(update(EVENT).where(EVENT.c.id == 2)
                        .values(actor="forger", hash=new_hash))
    assert_broken_at(db, 3, "event 3 does not follow event 2")


def test_a_tampered_head_is_found(db: Database) -> None:
    append_many(db, 3)
    tamper(db, "UPDATE audit_head SET last_hash = 'f' || substr(last_hash, 2)")
    report = verify(db)
    assert not report.ok and "newest event does not match" in report.reason


def test_concurrent_appenders_keep_one_chain(db: Database) -> None:
    def append_some(worker: int) -> None:
        for number in range(15):
            append_many(db, 1, start=worker * 100 + number)

    assert run_in_threads(append_some, [(w,) for w in range(4)]) == []
    assert verify(db) == ChainReport(True, 60, None, "all 60 events check out")


def test_non_json_details_are_refused_before_anything_is_written(db: Database) -> None:
    with pytest.raises(TypeError), db.write() as session:
        append_event(session, actor="a", action="b", entity_type="c", entity_id="d",
                     details={"when": datetime.now(UTC)}, at=T0)
    assert verify(db).checked == 0


class _Stage(StrEnum):
    CHECKING = "in-verification"


class _Shown(str):
    def __str__(self) -> str:
        return "not what JSON spells"


@pytest.mark.parametrize("details", [
    {"version": 2, "to": _Stage.CHECKING, "from": "submitted", "reason": None, "late": True},
    {"name": _Shown("محمد عمران"), "b": 0, "a": False},
    {"amount": 1.5, "z": "x"},
    {"nested": {"b": 1, "a": [1, "two"]}, "a": 1},
    {},
])
def test_details_are_stored_as_storage_reads_their_canonical_json(
        db: Database, details: dict[str, object]) -> None:
    with db.write() as session:
        append_event(session, actor="a", action="b", entity_type="c", entity_id="d",
                     details=details, at=T0)
    expected = json.loads(canonical_json(details))
    with db.read() as session:
        assert session.execute(select(EVENT.c.details)).scalar_one() == expected
        if db.is_sqlite:  # the text itself, key order included
            stored = session.execute(text("SELECT details FROM audit_event")).scalar_one()
            assert stored == json.dumps(expected)
    assert verify(db).ok


def test_verifying_a_long_log_streams_in_bounded_memory(sqlite_db: Database) -> None:
    total = 20_000
    with sqlite_db.write() as session:  # bulk-built valid chain, as years of use would leave
        previous = GENESIS_HASH
        rows = []
        for number in range(1, total + 1):
            at = T0 + timedelta(seconds=number)
            fields = {"at": at.isoformat(timespec="microseconds"), "actor": "asif.khan",
                      "action": "login", "entity_type": "user", "entity_id": "asif.khan",
                      "details": {"padding": "x" * 400}}
            digest = hashlib.sha256((previous + canonical_json(fields)).encode()).hexdigest()
            rows.append({"id": number, "at": at, "actor": "asif.khan", "action": "login",
                         "entity_type": "user", "entity_id": "asif.khan",
                         "details": fields["details"], "prev_hash": previous, "hash": digest})
            previous = digest
        session.execute(EVENT.insert(), rows)
        session.execute(update(AuditHead).values(last_id=total, last_hash=previous))
        del rows
    tracemalloc.start()
    try:
        report = verify(sqlite_db)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report.ok and report.checked == total
    assert peak < 6 * 1024 * 1024  # holding every row at once takes about 40 MB
