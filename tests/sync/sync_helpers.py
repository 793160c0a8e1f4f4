"""Helpers of the sync tests: a central server handle, counters with real files, draining.

The central server runs on SQLite under tmp_path and, when ``KHIDMAT_TEST_PG_URL`` is set, on
PostgreSQL too (a fresh schema per test). Counters keep their token in the protected file
store (no keyring in CI) and use short timeouts and backoffs so faults resolve in
milliseconds instead of minutes.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from intake_helpers import intake

from khidmat_central import tokens
from khidmat_central.server import ServerThread
from khidmat_central.tariffs import CentralTariff
from khidmat_desk.app.applications import SubmitResult, submit_application
from khidmat_desk.app.context import CounterContext
from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.app.sync import make_syncer, setup_sync
from khidmat_desk.auth.users import UserInfo
from khidmat_desk.core.catalogue import Tariff, get_service
from khidmat_desk.store.db import Database, open_database, sqlite_url
from khidmat_desk.sync import protocol
from khidmat_desk.sync.client import Syncer, SyncTuning
from khidmat_desk.sync.status import SyncReport

CENTRE = "LHR01"
#: The in-charge's password of a centre set up on the command line (the `data_dir` fixture).
CLI_PASSWORD = "incharge-pass-1"
#: The `run` fixture: the command line in this process, (exit code, stdout, stderr).
Run = Callable[..., tuple[int, str, str]]
#: Friday 6 March 2026, 10:00 in Lahore.
FRIDAY = datetime(2026, 3, 6, 5, 0, tzinfo=UTC)
FAST = SyncTuning(backoff_base_seconds=0.01, backoff_cap_seconds=0.05, probe_seconds=0.02,
                  idle_seconds=0.05, max_batch_entries=20)
#: Room for a busy 2-core CI machine; fault tests that need a timeout delay longer than this.
CLIENT_TIMEOUT = 1.5


@dataclass
class Central:
    db: Database
    url: str
    server: ServerThread
    #: The fees the server checks against: the same small tariff the test counters use.
    tariff: CentralTariff

    def token(self, centre: str = CENTRE, counter: int = 7) -> str:
        return tokens.add_token(self.db, role=tokens.COUNTER, centre_code=centre,
                                counter=counter)

    def tariff_file(self, folder: Path) -> Path:
        """The server's tariff as a file, for a server run as its own process."""
        path = folder / "central-tariff.json"
        path.write_text(json.dumps({"fees": self.tariff.base.fees}), "utf-8")
        return path

    def restart(self) -> None:
        """Stop the server and start a new one on the same port and database."""
        port = self.server.port
        self.server.stop()
        self.server = ServerThread(self.db, port=port, tariff=self.tariff).start()


class CentralProcess:
    """``khidmat-central serve`` as its own process, killed with SIGKILL and started again."""

    def __init__(self, db_url: str, tariff_file: Path, *options: str) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.db_url = db_url
        self.options = ("--tariff", str(tariff_file), *options)
        # The proxy may ask for a kill from two connections at once: one restart at a time,
        # so no started server is left running unreferenced.
        self._lock = threading.Lock()
        self._stopped = False
        self.process = self._start()

    def _start(self) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(
            [sys.executable, "-m", "khidmat_central.cli", "serve", "--db", self.db_url,
             "--port", str(self.port), *self.options],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return process
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline
                time.sleep(0.05)

    def kill_and_restart(self) -> None:
        with self._lock:
            self.process.kill()
            self.process.wait(timeout=10)
            if not self._stopped:
                self.process = self._start()

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            self.process.kill()
            self.process.wait(timeout=10)


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
                 tuning: SyncTuning = FAST, db_url: str | None = None,
                 folder: str = "") -> Counter:
    data_dir = base / (folder or f"counter-{centre}-{number}")
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


def record_payment(amount: int, *, by: str = "officer.7",
                   at: datetime = FRIDAY) -> protocol.RecordPayment:
    """A cash payment of ``amount`` rupees, one line of the police verification fee."""
    return protocol.RecordPayment(amount, "cash", by, at, (
        protocol.RecordFeeItem("police-verification", "Police verification fee", amount),))


def sample_record(record_id: str, centre: str = CENTRE, *, counter: int = 7, sequence: int = 1,
                  when: datetime = FRIDAY) -> protocol.ApplicationRecord:
    """Version 1 of a police verification that no counter saved (for the server alone), valid
    in every claim the server checks; the fee is the test tariff's (500)."""
    from khidmat_desk.core.tracking import make_tracking_number

    officer = f"officer.{counter}"
    service = get_service("police-verification")
    return protocol.ApplicationRecord(
        uuid=record_id, version=1,
        tracking_number=str(make_tracking_number(centre, protocol.centre_day(when), counter,
                                                 sequence)),
        centre_code=centre, counter=counter, service_code=service.code, status="submitted",
        answers=dict(service.example), display_name="Muhammad Imran", token_no=None,
        fee_total=500, expected_on=protocol.centre_day(when) + timedelta(days=4),
        created_at=when, updated_at=when, officer=officer,
        applicant=protocol.RecordApplicant("cnic", "3520212345671"),
        payment=record_payment(500, by=officer, at=when),
        documents_received=(protocol.RecordDocument("photos", "Two photographs"),),
        status_change=protocol.RecordStatusChange(None, "submitted", None, officer, when, 1))


def record_entry(*, centre: str = CENTRE, counter: int = 7, sequence: int = 1,
                 when: datetime = FRIDAY, **payload_changes: object) -> dict[str, Any]:
    """A raw push entry carrying a complete `sample_record` (a new uuid each time);
    ``payload_changes`` overrides fields of its payload (the attack a test makes)."""
    from khidmat_desk.store.sequences import uuid7

    record = sample_record(uuid7(), centre, counter=counter, sequence=sequence, when=when)
    payload = {**record.to_payload(), **payload_changes}
    return {"uuid": record.uuid, "version": 1, "kind": protocol.APPLICATION, "payload": payload,
            "created_at": protocol.iso(when)}


def next_version(entry: dict[str, Any], status: str, *, reason: str | None = None,
                 **payload_changes: object) -> dict[str, Any]:
    """The entry of the version after ``entry``, moving it to ``status``."""
    before: dict[str, Any] = dict(entry["payload"])
    version = int(before["version"]) + 1
    payload = {**before, "version": version, "status": status,
               "status_change": {"from": before["status"], "to": status, "reason": reason,
                                 "by": "officer.7", "at": before["updated_at"],
                                 "version": version}, **payload_changes}
    return {**entry, "version": version, "payload": payload}
