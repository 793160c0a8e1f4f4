"""Each push carries the counter's audit chain head; the server keeps the history of heads and
flags one that goes backwards or forks — where nobody at the centre can rewrite the flag."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sync_helpers import Central, Counter, drain

from khidmat_central import cli as central_cli
from khidmat_central.anchors import ANCHORED, BACKWARDS, FORK, heads
from khidmat_desk.store.audit import GENESIS_HASH, hashed_fields, link_hash
from khidmat_desk.store.models import AuditEvent, AuditHead
from khidmat_desk.sync.audit_anchor import ANCHORED_SEQUENCE
from khidmat_desk.sync.state import read_all


def chain_head(counter: Counter) -> tuple[int, str]:
    with counter.db.read() as session:
        head = session.execute(select(AuditHead.last_id, AuditHead.last_hash)).one()
    return int(head.last_id), str(head.last_hash)


def verdicts(central: Central) -> list[tuple[int, str]]:
    return [(h.sequence, h.verdict) for h in heads(central.db, "LHR01", 7)]


def test_heads_that_only_grow_are_anchored(central: Central,
                                           counters: Callable[..., Counter]) -> None:
    counter = counters(central.url, central.token())
    counter.submit(2)
    drain(counter.syncer)
    first = chain_head(counter)
    counter.submit(3)
    drain(counter.syncer)
    second = chain_head(counter)
    assert second[0] > first[0]
    assert verdicts(central) == [(first[0], ANCHORED), (second[0], ANCHORED)]
    with counter.db.read() as session:
        assert read_all(session)[ANCHORED_SEQUENCE] == second[0]


def test_an_old_copy_of_the_database_is_flagged_backwards(
        central: Central, counters: Callable[..., Counter], tmp_path: Path) -> None:
    counter = counters(central.url, central.token())
    counter.submit(1)
    database = Path(counter.db.url.removeprefix("sqlite:///"))
    counter.db.dispose()
    shutil.copy(database, tmp_path / "old-copy.sqlite3")
    counter.submit(3)
    drain(counter.syncer)
    anchored = chain_head(counter)[0]
    counter.db.dispose()
    shutil.copy(tmp_path / "old-copy.sqlite3", database)  # the old copy is put back
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    counter.submit(1)  # its outbox still has the first one, and one more numbered again
    report = counter.syncer.run_once()
    assert report.error is None and report.duplicates == 1
    # The new one reuses a tracking number the server already holds for another record.
    assert (report.pushed, report.rejected) == (0, 1)
    history = heads(central.db, "LHR01", 7)
    assert [h.verdict for h in history] == [ANCHORED, BACKWARDS]
    assert history[-1].sequence < anchored
    assert "old copy of the database" in (history[-1].reason or "")


def test_history_rewritten_with_the_chain_recomputed_is_flagged_a_fork(
        central: Central, counters: Callable[..., Counter],
        run: Callable[..., tuple[int, str, str]]) -> None:
    counter = counters(central.url, central.token())
    counter.submit(2)
    drain(counter.syncer)
    with counter.db.write() as session:  # the editor changes event 1 and recomputes the chain
        running = GENESIS_HASH
        for event in session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars():
            if event.id == 1:
                event.details = {**event.details, "to": "voided"}
            fields = hashed_fields(event.at, event.actor, event.action, event.entity_type,
                                   event.entity_id, event.details)
            event.prev_hash, event.hash = running, link_hash(running, fields)
            running = event.hash
            last = event.id
        session.execute(update(AuditHead).values(last_id=last, last_hash=running))
    counter.submit(1)
    drain(counter.syncer)
    assert [v for _, v in verdicts(central)] == [ANCHORED, FORK]
    code, out, _ = run("audit", "heads", "--centre", "lhr01", "--counter", "7", "--db",
                       central.db.url, program=central_cli.main)
    assert code == 3
    assert "anchored" in out and "fork" in out and "2 heads, 1 flagged" in out


@pytest.mark.parametrize("head", [
    {"sequence": -1, "hash": "0" * 64}, {"sequence": 2**31, "hash": "0" * 64},
    {"sequence": 1, "hash": "A" * 64}, {"sequence": 1}, [1, "x"],
    {"sequence": 1, "hash": "0" * 64, "anchor": {"sequence": True, "hash": "0" * 64}},
])
def test_a_malformed_head_refuses_the_push(central: Central, head: object) -> None:
    import httpx

    from khidmat_desk.sync import protocol

    response = httpx.post(central.url + protocol.PUSH_PATH, json={
        "batch_id": "b", "entries": [], "audit": head},
        headers={"Authorization": f"Bearer {central.token()}"})
    assert response.status_code == 400 and "audit" in response.json()["detail"]
