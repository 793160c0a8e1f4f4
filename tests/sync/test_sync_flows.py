"""Status changes pulled back, quarantine and requeue, the link coming back, offline bundles."""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from fault_proxy import FaultProxy
from sqlalchemy import delete, select
from sync_helpers import FAST, Central, Counter, drain

from khidmat_central import keys
from khidmat_central.bundles import BundleRejected, import_bundle
from khidmat_central.schema import Owner, Record
from khidmat_central.status import StatusRefusedError, set_status
from khidmat_desk.app.applications import get_application
from khidmat_desk.app.sync import (
    QuarantineError,
    bundle_key,
    list_quarantined,
    requeue,
    sync_status,
)
from khidmat_desk.app.sync_bundle import export_bundle
from khidmat_desk.auth.users import PermissionDenied, UserInfo
from khidmat_desk.store.audit import verify_chain
from khidmat_desk.store.models import AuditEvent
from khidmat_desk.sync import bundle
from khidmat_desk.sync.client import SyncTuning


@pytest.fixture
def proxy(central: Central) -> Iterator[FaultProxy]:
    fault_proxy = FaultProxy(upstream=(central.server.host, central.server.port))
    yield fault_proxy
    fault_proxy.close()


def server_count(central: Central) -> int:
    with central.db.read() as session:
        return len(session.execute(select(Record.id)).all())


# --- pull --------------------------------------------------------------------------------------


def test_a_decision_at_the_police_station_reaches_the_counter(
        central: Central, counters: Callable[..., Counter]) -> None:
    counter = counters(central.url, central.token())
    [app, other] = counter.submit(2)
    drain(counter.syncer)
    set_status(central.db, app.tracking_number, "verified", set_by="PS Gulberg")
    set_status(central.db, other.tracking_number, "rejected", set_by="PS Gulberg",
               reason="record of an open case")
    report = counter.syncer.run_once()
    assert report.pulled == 2 and report.outbox_empty
    detail = get_application(counter.db, app.tracking_number)
    assert detail.status == "verified" and detail.version == 3
    assert [(h.to_status, h.user) for h in detail.history] == [
        ("submitted", "officer.7"), ("in-verification", "central.server"),
        ("verified", "central.server")]
    rejected = get_application(counter.db, other.tracking_number)
    assert rejected.history[-1].reason == "record of an open case"
    with counter.db.read() as session:
        actions = session.scalars(select(AuditEvent.action)).all()
        assert actions.count("status-changed-centrally") == 4
        assert verify_chain(session).ok
    again = counter.syncer.run_once()
    assert again.pulled == 0
    with central.db.read() as session:
        versions = session.execute(select(Record.version).where(Record.uuid == app.uuid)).all()
    assert sorted(v for (v,) in versions) == [1, 2, 3]


def test_the_server_refuses_a_status_the_workflow_does_not_allow(
        central: Central, counters: Callable[..., Counter]) -> None:
    counter = counters(central.url, central.token())
    [app] = counter.submit(1)
    drain(counter.syncer)
    with pytest.raises(StatusRefusedError, match="needs a reason"):
        set_status(central.db, app.tracking_number, "rejected", set_by="PS")
    set_status(central.db, app.tracking_number, "verified", set_by="PS")
    with pytest.raises(StatusRefusedError, match="cannot go"):
        set_status(central.db, app.tracking_number, "in-verification", set_by="PS")


def test_changes_for_another_counter_move_the_cursor_only(
        central: Central, counters: Callable[..., Counter]) -> None:
    mine = counters(central.url, central.token(counter=1), number=1)
    theirs = counters(central.url, central.token(counter=2), number=2)
    [their_app] = theirs.submit(1)
    drain(theirs.syncer)
    set_status(central.db, their_app.tracking_number, "in-verification", set_by="PS")
    assert mine.syncer.run_once().pulled == 0
    assert theirs.syncer.run_once().pulled == 1


# --- quarantine ------------------------------------------------------------------------------


def test_a_refused_record_is_set_aside_and_the_rest_go_through(
        central: Central, counters: Callable[..., Counter], make_user: Callable[..., UserInfo]
        ) -> None:
    counter = counters(central.url, central.token())
    made = counter.submit(30)
    poisoned = made[12]
    with central.db.write() as session:  # a mix-up at the centre: the uuid is claimed by another
        session.add(Owner(uuid=poisoned.uuid, centre_code="ISB02"))
    report = counter.syncer.run_once()
    assert report.error is None
    assert (report.pushed, report.rejected, report.pending, report.quarantined) == (29, 1, 0, 1)
    in_charge = make_user(counter.db, "nadia.iqbal", "in-charge")
    [entry] = list_quarantined(counter.db, in_charge)
    assert entry.tracking_number == poisoned.tracking_number
    assert entry.reason == "this record belongs to another centre"
    with pytest.raises(PermissionDenied):
        list_quarantined(counter.db, counter.officer)
    with pytest.raises(PermissionDenied):
        requeue(counter.db, counter.officer, entry.entry_id)
    with central.db.write() as session:  # the central staff fix the cause
        session.execute(delete(Owner).where(Owner.uuid == poisoned.uuid))
    requeue(counter.db, in_charge, entry.entry_id)
    with pytest.raises(QuarantineError, match="not set aside"):
        requeue(counter.db, in_charge, entry.entry_id)
    after = counter.syncer.run_once()
    assert (after.pushed, after.quarantined, after.pending) == (1, 0, 0)
    with pytest.raises(QuarantineError, match="no outbox entry"):
        requeue(counter.db, in_charge, entry.entry_id)
    assert server_count(central) == 30


# --- the link coming back ----------------------------------------------------------------------


def test_the_queue_moves_as_soon_as_the_link_returns(
        central: Central, proxy: FaultProxy, counters: Callable[..., Counter]) -> None:
    """Backoff is a minute here; only the link probe can start the queue again in time."""
    slow = replace(FAST, backoff_base_seconds=60.0, backoff_cap_seconds=60.0)
    counter = counters(proxy.url, central.token(), tuning=slow)
    counter.submit(10)
    proxy.link_down = True
    reports: list[object] = []
    worker = threading.Thread(target=counter.syncer.run_forever, args=(reports.append,))
    worker.start()
    try:
        _wait_for(lambda: not sync_status(counter.db).online and reports)
        status = sync_status(counter.db)
        assert status.pending == 10 and status.last_error and status.next_attempt
        proxy.link_down = False
        _wait_for(lambda: sync_status(counter.db).last_success is not None)
        assert sync_status(counter.db).pending == 0
    finally:
        counter.syncer.stop()
        worker.join(timeout=10)
    assert not worker.is_alive()
    assert server_count(central) == 10


def test_a_nudge_sends_a_new_record_at_once(central: Central,
                                            counters: Callable[..., Counter]) -> None:
    idle = replace(FAST, idle_seconds=60.0)
    counter = counters(central.url, central.token(), tuning=idle)
    worker = threading.Thread(target=counter.syncer.run_forever)
    worker.start()
    try:
        _wait_for(lambda: sync_status(counter.db).last_success is not None)
        counter.submit(1)
        counter.syncer.nudge()
        _wait_for(lambda: server_count(central) == 1)
    finally:
        counter.syncer.stop()
        worker.join(timeout=10)


def _wait_for(condition: Callable[[], object], seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.01)


# --- offline bundles ---------------------------------------------------------------------------


def test_a_bundle_carries_the_outbox_and_the_next_sync_clears_it(
        central: Central, proxy: FaultProxy, counters: Callable[..., Counter],
        make_user: Callable[..., UserInfo], tmp_path: Path) -> None:
    counter = counters(proxy.url, central.token())
    counter.submit(3)
    drain(counter.syncer)  # online once: the bundle key is registered with the server
    proxy.link_down = True
    counter.submit(25)
    assert counter.syncer.run_once().pending == 25
    in_charge = make_user(counter.db, "nadia.iqbal", "in-charge")
    with pytest.raises(PermissionDenied):
        export_bundle(counter.db, counter.settings, counter.officer, tmp_path / "x.bundle")
    done = export_bundle(counter.db, counter.settings, in_charge, tmp_path / "day.bundle")
    assert done.entries == 25
    outcome = import_bundle(central.db, tmp_path / "day.bundle", central.tariff)
    assert (outcome.count("accepted"), outcome.count("rejected")) == (25, 0)
    again = import_bundle(central.db, tmp_path / "day.bundle", central.tariff)
    assert again.count("duplicate") == 25
    proxy.link_down = False
    report = counter.syncer.run_once()
    assert (report.pushed, report.duplicates) == (0, 25) and report.outbox_empty
    assert server_count(central) == 28


def test_a_changed_or_unknown_bundle_is_refused(
        central: Central, counters: Callable[..., Counter],
        make_user: Callable[..., UserInfo], tmp_path: Path) -> None:
    counter = counters(central.url, central.token())
    counter.submit(2)
    in_charge = make_user(counter.db, "nadia.iqbal", "in-charge")
    path = tmp_path / "day.bundle"
    export_bundle(counter.db, counter.settings, in_charge, path)
    with pytest.raises(BundleRejected, match="does not know"):
        import_bundle(central.db, path, central.tariff)
    public = bundle.public_key_hex(bundle_key(counter.settings))
    keys.register(central.db, "LHR01", 7, public)
    raw = gzip.decompress(path.read_bytes())
    path.write_bytes(gzip.compress(raw.replace(b"police-verification", b"police-verificatiom")))
    with pytest.raises(BundleRejected, match="bad signature"):
        import_bundle(central.db, path, central.tariff)
    export_bundle(counter.db, counter.settings, in_charge, path)
    assert import_bundle(central.db, path, central.tariff).count("accepted") == 2
    assert server_count(central) == 2


def test_tuning_defaults_are_production_values() -> None:
    tuning = SyncTuning()
    assert tuning.max_batch_entries == 500 and tuning.backoff_cap_seconds == 300
