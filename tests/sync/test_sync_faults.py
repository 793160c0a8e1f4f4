"""Sync through a fault-injecting proxy: whatever the network does, each record arrives once.

End state every time: the server holds each record version exactly once, the outbox is
empty, nothing is quarantined.
"""

from __future__ import annotations

import threading
from collections import Counter as Tally
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from fault_proxy import FaultProxy
from sqlalchemy import select
from sync_helpers import CLIENT_TIMEOUT, FRIDAY, Central, CentralProcess, Counter, drain

from khidmat_central.schema import Record
from khidmat_desk.store import outbox


def server_versions(central: Central) -> Tally[tuple[str, int]]:
    with central.db.read() as session:
        rows = session.execute(select(Record.uuid, Record.version)).all()
    return Tally((row.uuid, row.version) for row in rows)


def assert_exactly_once(central: Central, *counters: Counter) -> None:
    held = server_versions(central)
    sent = {(r.uuid, 1) for c in counters for r in c.submitted}
    assert set(held) == sent
    assert set(held.values()) == {1}
    for counter in counters:
        with counter.db.read() as session:
            assert outbox.counts(session) == outbox.OutboxCounts(pending=0, quarantined=0)


@pytest.fixture
def proxy(central: Central) -> Iterator[FaultProxy]:
    fault_proxy = FaultProxy(upstream=(central.server.host, central.server.port),
                             delay_seconds=CLIENT_TIMEOUT * 2)
    yield fault_proxy
    fault_proxy.close()


FAULT_SCRIPTS = {
    "dropped before the server has the batch": ["drop_before", "drop_before"],
    "dropped after the server committed": ["drop_after", "pass", "drop_after"],
    "reply delayed past the timeout": ["delay", "delay"],
    "server errors": ["http500", "http500", "http500_after"],
    "garbage bodies": ["garbage", "pass", "garbage"],
    "replies cut short": ["truncated"],
    "stale reply of an earlier batch": ["pass", "stale", "stale"],
    "the same batch delivered twice": ["replay", "replay"],
    "everything at once": ["drop_after", "delay", "http500_after", "garbage", "replay",
                           "stale", "drop_before", "truncated"],
}


@pytest.mark.parametrize("faults", FAULT_SCRIPTS.values(), ids=FAULT_SCRIPTS.keys())
def test_each_record_arrives_exactly_once(central: Central, proxy: FaultProxy,
                                          counters: Callable[..., Counter],
                                          faults: list[str]) -> None:
    counter = counters(proxy.url, central.token())
    counter.submit(50)
    proxy.script(faults)
    reports = drain(counter.syncer)
    assert proxy.faults_left == 0
    felt = any(r.error for r in reports) or sum(r.duplicates for r in reports) > 0
    assert felt, "the faults reached the counter"
    assert sum(r.rejected for r in reports) == 0
    assert_exactly_once(central, counter)


def test_an_interrupted_batch_is_sent_again_first(central: Central, proxy: FaultProxy,
                                                  counters: Callable[..., Counter]) -> None:
    """Order holds across failures: the failed batch goes before anything queued after it."""
    counter = counters(proxy.url, central.token())
    counter.submit(25)
    proxy.script(["drop_before"])
    failed = counter.syncer.run_once()
    assert failed.error and not failed.online and failed.pending == 25
    counter.submit(5, now=FRIDAY + timedelta(hours=1))
    drain(counter.syncer)
    with central.db.read() as session:
        order = [row.uuid for row in session.execute(select(Record.uuid).order_by(Record.id))]
    assert order == [r.uuid for r in counter.submitted]


def test_retry_after_is_honoured(central: Central, proxy: FaultProxy,
                                 counters: Callable[..., Counter]) -> None:
    counter = counters(proxy.url, central.token())
    counter.submit(3)
    proxy.script(["http429"])
    busy = counter.syncer.run_once()
    assert busy.error and busy.online and busy.next_attempt is not None
    assert counter.syncer.delay_seconds >= 1.0
    drain(counter.syncer)
    pushes = [s for s in proxy.seen if s.path == "/v1/push"]
    assert pushes[1].at - pushes[0].at >= 1.0
    assert_exactly_once(central, counter)


def test_the_server_restarting_mid_batch(central: Central, proxy: FaultProxy,
                                         counters: Callable[..., Counter]) -> None:
    proxy.on_kill = central.restart
    counter = counters(proxy.url, central.token())
    counter.submit(60)
    proxy.script(["pass", "kill_mid", "pass", "kill_mid"])
    drain(counter.syncer)
    assert_exactly_once(central, counter)


def test_two_counters_of_one_centre_at_once(central: Central, proxy: FaultProxy,
                                            counters: Callable[..., Counter]) -> None:
    first = counters(proxy.url, central.token(counter=1), number=1)
    second = counters(proxy.url, central.token(counter=2), number=2)
    first.submit(40)
    second.submit(40)
    proxy.script(["drop_after", "replay", "delay", "http500_after"])
    results: dict[int, object] = {}
    threads = [threading.Thread(target=lambda c=c: results.update({id(c): drain(c.syncer)}))
               for c in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(results) == 2
    assert_exactly_once(central, first, second)


def test_a_counter_clock_hours_off(central: Central, proxy: FaultProxy,
                                   counters: Callable[..., Counter]) -> None:
    """Records stamped five hours ahead are taken as they are; backoff does not stall."""
    counter = counters(proxy.url, central.token())
    counter.submit(10, now=FRIDAY + timedelta(hours=5))
    counter.submit(10, now=FRIDAY - timedelta(hours=7))
    proxy.script(["http500", "drop_after"])
    drain(counter.syncer)
    assert_exactly_once(central, counter)


def test_the_server_killed_mid_batch(central: Central, counters: Callable[..., Counter],
                                     tmp_path: Path) -> None:
    """SIGKILL while the server holds a batch: it committed all of it or none of it."""
    server = CentralProcess(central.db.url, central.tariff_file(tmp_path))
    proxy = FaultProxy(upstream=("127.0.0.1", server.port), on_kill=server.kill_and_restart)
    try:
        counter = counters(proxy.url, central.token())
        counter.submit(60)
        proxy.script(["pass", "kill_mid", "kill_mid"])
        reports = drain(counter.syncer)
        assert sum(1 for r in reports if r.error) >= 2
        assert_exactly_once(central, counter)
    finally:
        proxy.close()
        server.stop()


def test_an_unreadable_answer_about_numbers_does_not_hold_the_records_back(
        central: Central, counters: Callable[..., Counter]) -> None:
    numbers = FaultProxy(upstream=(central.server.host, central.server.port),
                         watched=("/v1/numbers",))
    try:
        counter = counters(numbers.url, central.token())
        counter.submit(3)
        numbers.script(["garbage"])
        report = counter.syncer.run_once()
        assert numbers.faults_left == 0  # the question was asked, and answered with garbage
        assert report.error is None and report.pushed == 3
    finally:
        numbers.close()
