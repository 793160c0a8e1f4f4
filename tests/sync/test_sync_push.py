"""Pushing the outbox to the real central server: exactly once, in order, nothing lost."""

from __future__ import annotations

from collections import Counter as Tally
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import select
from sync_helpers import Central, Counter, drain

from khidmat_central.schema import Record
from khidmat_desk.app.applications import change_status
from khidmat_desk.store import outbox

LATER = datetime(2100, 1, 1, tzinfo=UTC)


def server_versions(central: Central) -> Tally[tuple[str, int]]:
    with central.db.read() as session:
        rows = session.execute(select(Record.uuid, Record.version)).all()
    return Tally((row.uuid, row.version) for row in rows)


def local_versions(counter: Counter) -> set[tuple[str, int]]:
    return {(r.uuid, 1) for r in counter.submitted}


def test_a_pass_sends_everything_and_empties_the_outbox(
        central: Central, counters: Callable[..., Counter]) -> None:
    counter = counters(central.url, central.token())
    counter.submit(45)
    report = counter.syncer.run_once()
    assert report.error is None
    assert (report.pushed, report.duplicates, report.rejected) == (45, 0, 0)
    assert report.outbox_empty and report.online and report.last_success is not None
    held = server_versions(central)
    assert set(held) == local_versions(counter) and set(held.values()) == {1}


def test_status_changes_travel_as_new_versions(
        central: Central, counters: Callable[..., Counter]) -> None:
    counter = counters(central.url, central.token())
    [first] = counter.submit(1)
    drain(counter.syncer)
    change_status(counter.db, first.tracking_number, "in-verification", user=counter.officer)
    drain(counter.syncer)
    assert server_versions(central) == Tally({(first.uuid, 1): 1, (first.uuid, 2): 1})


def test_sending_again_changes_nothing_on_the_server(
        central: Central, counters: Callable[..., Counter]) -> None:
    """The outbox is copied back after a pass (as if the acknowledgement was lost)."""
    counter = counters(central.url, central.token())
    counter.submit(5)
    with counter.db.read() as session:
        items = outbox.due(session, now=LATER)
    drain(counter.syncer)
    with counter.db.write() as session:
        for item in items:
            outbox.enqueue(session, uuid=item.uuid, version=item.version, kind=item.kind,
                           payload=item.payload, now=item.created_at)
    report = counter.syncer.run_once()
    assert (report.pushed, report.duplicates) == (0, 5)
    assert report.outbox_empty
    assert set(server_versions(central).values()) == {1}
