"""Helpers of the sync tests: a central server handle, counters with real files, draining.

The central server runs on SQLite under tmp_path and, when ``KHIDMAT_TEST_PG_URL`` is set, on
PostgreSQL too (a fresh schema per test). Counters keep their token in the protected file
store (no keyring in CI) and use short timeouts and backoffs so faults resolve in
milliseconds instead of minutes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from intake_helpers import intake

from khidmat_central import tokens
from khidmat_central.server import ServerThread
from khidmat_desk.app.applications import SubmitResult, submit_application
from khidmat_desk.app.context import CounterContext
from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.app.sync import make_syncer, setup_sync
from khidmat_desk.auth.users import UserInfo
from khidmat_desk.core.catalogue import Tariff
from khidmat_desk.store.db import Database, open_database, sqlite_url
from khidmat_desk.sync import protocol
from khidmat_desk.sync.client import Syncer, SyncTuning
from khidmat_desk.sync.status import SyncReport

CENTRE = "LHR01"
#: Friday 6 March 2026, 10:00 in Lahore.
FRIDAY = datetime(2026, 3, 6, 5, 0, tzinfo=UTC)
FAST = SyncTuning(backoff_base_seconds=0.01, backoff_cap_seconds=0.05, probe_seconds=0.02,
                  idle_seconds=0.05, max_batch_entries=20)
CLIENT_TIMEOUT = 0.5


@dataclass
class Central:
    db: Database
    url: str
    server: ServerThread

    def token(self, centre: str = CENTRE, counter: int = 7) -> str:
        return tokens.add_token(self.db, role=tokens.COUNTER, centre_code=centre,
                                counter=counter)

    def restart(self) -> None:
        """Stop the server and start a new one on the same port and database."""
        port = self.server.port
        self.server.stop()
        self.server = ServerThread(self.db, port=port).start()


@dataclass
class Counter:
    settings: CounterSettings
    db: Database
    syncer: Syncer
    officer: UserInfo
    tariff: Tariff
    submitted: list[SubmitResult] = field(default_factory=list)

    def submit(self, count: int = 1, *, now: datetime = FRIDAY) -> list[SubmitResult]:
        ctx = CounterContext(self.settings, self.db, self.tariff, user=self.officer)
        made = [submit_application(ctx, intake("police-verification"),
                                   now=now + timedelta(seconds=index))
                for index in range(count)]
        self.submitted += made
        return made


def make_counter(base: Path, server_url: str, token: str, make_user: Callable[..., UserInfo],
                 tariff: Tariff, *, number: int = 7, centre: str = CENTRE,
                 tuning: SyncTuning = FAST, db_url: str | None = None) -> Counter:
    data_dir = base / f"counter-{centre}-{number}"
    settings = CounterSettings.load(data_dir)
    settings.set("centre_code", centre)
    settings.set("counter", number)
    settings.set("secret_store", "file")
    settings.save()
    setup_sync(settings, server=server_url, token=token)
    db = open_database(db_url or sqlite_url(data_dir / "khidmat.sqlite3"),
                       backup_dir=data_dir / "backups")
    officer = make_user(db, f"officer.{number}", "officer") if db_url is None else \
        make_user(db, f"officer.{centre.lower()}{number}", "officer")
    syncer = make_syncer(settings, db, tuning=tuning, timeout_seconds=CLIENT_TIMEOUT)
    return Counter(settings, db, syncer, officer, tariff)


def drain(syncer: Syncer, *, passes: int = 60) -> list[SyncReport]:
    """Run passes (waiting out each backoff, as the loop would) until the outbox is empty."""
    reports = []
    for _ in range(passes):
        report = syncer.run_once()
        reports.append(report)
        if report.error is None and report.outbox_empty:
            return reports
        time.sleep(syncer.delay_seconds)
    raise AssertionError(f"outbox not empty after {passes} passes: {reports[-1]}")


def sample_record(record_id: str, centre: str = "LHR01") -> protocol.ApplicationRecord:
    """A well-formed application record that no counter saved (for the server alone)."""
    return protocol.ApplicationRecord(
        uuid=record_id, version=1, tracking_number=f"{centre}-260306-07-0001-7",
        centre_code=centre, counter=7, service_code="police-verification", status="submitted",
        answers={"name": "Muhammad Imran"}, display_name="Muhammad Imran", token_no=None,
        fee_total=500, expected_on=date(2026, 3, 10), created_at=FRIDAY, updated_at=FRIDAY,
        officer="asif.khan", applicant=protocol.RecordApplicant("cnic", "3520212345671"),
        payment=protocol.RecordPayment(500, "cash", "asif.khan", FRIDAY, (
            protocol.RecordFeeItem("police-verification", "Police verification fee", 500),)),
        documents_received=(protocol.RecordDocument("photos", "Two photographs"),),
        status_change=protocol.RecordStatusChange(None, "submitted", None, "asif.khan", FRIDAY,
                                                  1))
