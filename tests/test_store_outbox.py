"""The outbox: idempotent queuing, ordered sending, exact acknowledgement, quarantine."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from khidmat_desk.store import outbox
from khidmat_desk.store.db import Database
from khidmat_desk.store.outbox import OutboxCounts

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def queue(db: Database, *entries: tuple[str, int]) -> None:
    with db.write() as session:
        for uuid, version in entries:
            outbox.enqueue(session, uuid=uuid, version=version, kind="application",
                           payload={"uuid": uuid, "version": version, "name": "محمد"}, now=T0)


def due(db: Database, now: datetime = T0) -> list[tuple[str, int]]:
    with db.read() as session:
        return [(item.uuid, item.version) for item in outbox.due(session, now=now)]


def counts(db: Database) -> OutboxCounts:
    with db.read() as session:
        return outbox.counts(session)


def test_queuing_the_same_version_twice_keeps_one_entry(db: Database) -> None:
    queue(db, ("a", 1), ("a", 1), ("a", 2))
    queue(db, ("a", 1))
    assert due(db) == [("a", 1), ("a", 2)]
    with db.read() as session:
        [first, _] = outbox.due(session, now=T0)
    assert first.payload == {"uuid": "a", "version": 1, "name": "محمد"}
    assert first.created_at == T0


def test_entries_leave_in_the_order_they_were_made(db: Database) -> None:
    queue(db, ("c", 1), ("a", 1), ("b", 1), ("a", 2))
    assert due(db) == [("c", 1), ("a", 1), ("b", 1), ("a", 2)]
    with db.read() as session:
        assert [i.uuid for i in outbox.due(session, now=T0, limit=2)] == ["c", "a"]


def test_only_the_acknowledged_version_is_removed(db: Database) -> None:
    queue(db, ("a", 1), ("a", 2), ("b", 1))
    with db.write() as session:
        removed = outbox.acknowledge(session, [("a", 1, "application"), ("b", 9, "application"),
                                               ("b", 1, "payment")])
    assert removed == 1
    assert due(db) == [("a", 2), ("b", 1)]
    with db.write() as session:
        assert outbox.acknowledge(session, []) == 0


def test_a_failed_send_waits_for_its_retry_time(db: Database) -> None:
    queue(db, ("a", 1), ("b", 1))
    with db.read() as session:
        first = outbox.due(session, now=T0)[0]
    with db.write() as session:
        outbox.record_failure(session, [first.id], error="connection reset",
                              retry_at=T0 + timedelta(seconds=30))
    assert due(db) == [("b", 1)]
    later = due(db, T0 + timedelta(seconds=30))
    assert later == [("a", 1), ("b", 1)]
    with db.read() as session:
        retried = outbox.due(session, now=T0 + timedelta(minutes=1))[0]
    assert (retried.attempts, retried.last_error) == (1, "connection reset")


def test_a_refused_record_is_quarantined_and_does_not_block(db: Database) -> None:
    queue(db, ("a", 1), ("b", 1))
    with db.read() as session:
        refused = outbox.due(session, now=T0)[0]
    with db.write() as session:
        outbox.quarantine(session, refused.id, reason="unknown service code", now=T0)
    assert due(db) == [("b", 1)]
    assert counts(db) == OutboxCounts(pending=1, quarantined=1)
    with db.read() as session:
        [(item, reason, when)] = outbox.quarantined(session)
    assert (item.uuid, reason, when) == ("a", "unknown service code", T0)
    with db.write() as session:
        outbox.release(session, refused.id)
    assert due(db) == [("a", 1), ("b", 1)]
    assert counts(db) == OutboxCounts(pending=2, quarantined=0)
