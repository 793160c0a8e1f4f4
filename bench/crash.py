"""Crash safety, proven: SIGKILL the counter's process at random instants, hundreds of times.

A worker process works a real counter as fast as it can — saves applications, moves them
along the workflow, prints receipts, syncs to a reference central server on loopback — and
writes a line to a journal after each step the use case reported done (what an officer would
have been told). The harness kills it with SIGKILL at a random moment, starts it again (it
first re-sends any save it had begun with the same uuid, as the wizard does after a crash) and,
after every kill, checks:

* ``PRAGMA integrity_check`` is ok and the audit hash chain verifies;
* every save reported done is in the database exactly once, with its outbox entry (or
  acknowledged by the central server); every status change reported done likewise; every
  receipt reported printed is recorded;
* no tracking number was issued twice, and no application exists that was never begun.

    .venv/bin/python bench/crash.py [--kills 300] [--seed 1] [--max-ms 600] [--json]

Exit status 0 only when every check passed after every kill.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid as uuidlib
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

PASSWORD = "incharge-crash-1"
SERVICE = "character-certificate"
CENTRE = "LHR01"
COUNTER = 4


# -- the worker: one counter process, killed at any instant ------------------------------------


def worker(data_dir: Path, journal_path: Path, seed: int) -> None:
    from khidmat_desk.app.applications import change_status, get_application, submit_application
    from khidmat_desk.app.context import CounterContext
    from khidmat_desk.app.printing import print_receipt
    from khidmat_desk.app.settings import CounterSettings
    from khidmat_desk.app.sync import make_syncer
    from khidmat_desk.auth.users import authenticate
    from khidmat_desk.core.catalogue import get_service, load_tariff
    from khidmat_desk.core.intake import Intake
    from khidmat_desk.core.workflow import FINDING_STATUSES, REASON_REQUIRED, next_statuses
    from khidmat_desk.store.db import open_database
    from khidmat_desk.sync.client import SyncTuning

    settings = CounterSettings.load(data_dir)
    db = open_database(settings.database_url, backup_dir=settings.backup_dir)
    user = authenticate(db, "incharge", PASSWORD)
    service = get_service(SERVICE)
    ctx = CounterContext(settings, db, load_tariff(), user=user)
    intake = Intake(SERVICE, service.example,
                    documents_received=tuple(d.key for d in service.documents))
    journal = journal_path.open("a", encoding="utf-8")

    def note(*words: object) -> None:
        journal.write(" ".join(map(str, words)) + "\n")
        journal.flush()  # in the kernel's hands: a SIGKILL does not lose it

    def save(uuid: str) -> str:
        result = submit_application(ctx, intake, application_uuid=uuid)
        note("saved", uuid, result.tracking_number)
        return result.tracking_number

    done = read_journal(journal_path)
    tracking = [t for _, t in done.saved.items()]
    for uuid in done.begun - set(done.saved):  # begun before the last kill: send it again
        tracking.append(save(uuid))
    syncer = make_syncer(settings, db, tuning=SyncTuning(backoff_base_seconds=0.01,
                                                         backoff_cap_seconds=0.05),
                         timeout_seconds=2.0)
    from khidmat_desk.printing.fonts import register_fonts

    register_fonts()  # once per process, as the counter does at start: not part of a print
    rng = random.Random(seed)
    print("ready", flush=True)
    while True:
        step = rng.choices(("save", "status", "print", "sync"), weights=(6, 3, 2, 1))[0]
        if step == "save" or not tracking:
            uuid = str(uuidlib.uuid4())
            note("begun", uuid)
            tracking.append(save(uuid))
        elif step == "status":
            number = rng.choice(tracking)
            detail = get_application(db, number)
            choices = [s for s in next_statuses(detail.status)  # a finding is not a step
                       if s not in REASON_REQUIRED and s not in FINDING_STATUSES]
            if choices:
                moved = change_status(db, number, rng.choice(choices), user=user)
                note("status", detail.uuid, moved.version)
        elif step == "print":
            number = rng.choice(tracking)
            printed = print_receipt(db, number, user=user)
            note("printed", number, printed.copy_no)
        else:
            report = syncer.run_once()
            note("synced", report.pushed, report.pending)


# -- the harness ---------------------------------------------------------------------------------


@dataclass
class Journal:
    begun: set[str] = field(default_factory=set)
    saved: dict[str, str] = field(default_factory=dict)  # uuid -> tracking number
    saved_twice: int = 0  # a tracking number reported for two different saves
    statuses: dict[str, int] = field(default_factory=dict)  # uuid -> newest version reported
    status_changes: int = 0
    printed: set[tuple[str, int]] = field(default_factory=set)
    syncs: int = 0


def read_journal(path: Path) -> Journal:
    journal = Journal()
    if not path.exists():
        return journal
    for line in path.read_text("utf-8").splitlines():
        words = line.split()
        if not words or len(words) < 2:
            continue  # the last line may be cut by the kill
        kind = words[0]
        if kind == "begun":
            journal.begun.add(words[1])
        elif kind == "saved" and len(words) == 3:
            journal.saved[words[1]] = words[2]
        elif kind == "status" and len(words) == 3:
            journal.statuses[words[1]] = max(journal.statuses.get(words[1], 0), int(words[2]))
            journal.status_changes += 1
        elif kind == "printed" and len(words) == 3:
            journal.printed.add((words[1], int(words[2])))
        elif kind == "synced":
            journal.syncs += 1
    numbers = Counter(journal.saved.values())
    journal.saved_twice = sum(n - 1 for n in numbers.values() if n > 1)
    return journal


@dataclass
class Figures:
    kills: int = 0
    saves_reported: int = 0
    saves_found: int = 0
    status_changes_reported: int = 0
    receipts_reported: int = 0
    syncs_reported: int = 0
    sent_to_central: int = 0
    duplicate_tracking_numbers: int = 0
    integrity_failures: int = 0
    audit_failures: int = 0
    missing_saves: int = 0
    missing_outbox_entries: int = 0
    missing_status_changes: int = 0
    missing_receipts: int = 0
    unexpected_applications: int = 0
    seconds: float = 0.0

    @property
    def failures(self) -> int:
        return (self.duplicate_tracking_numbers + self.integrity_failures + self.audit_failures
                + self.missing_saves + self.missing_outbox_entries
                + self.missing_status_changes + self.missing_receipts
                + self.unexpected_applications)


def make_centre(data_dir: Path, server_url: str) -> None:
    from khidmat_desk.app.centre import init_centre
    from khidmat_desk.app.settings import CounterSettings
    from khidmat_desk.store.db import open_database

    data_dir.mkdir(parents=True)
    settings = CounterSettings.load(data_dir)
    db = open_database(settings.database_url, backup_dir=settings.backup_dir)
    try:
        init_centre(db, code=CENTRE, name="Liberty Market", district="Lahore", counter=COUNTER,
                    username="incharge", full_name="Saima Aslam", password=PASSWORD)
    finally:
        db.dispose()
    settings.set("centre_code", CENTRE)
    settings.set("counter", COUNTER)
    settings.set("secret_store", "file")
    settings.set("sync_server", server_url)
    settings.save()


def check(data_dir: Path, journal: Journal, central_db: object, figures: Figures) -> list[str]:
    """Everything the kill may not have broken; returns what it did break."""
    from sqlalchemy import select, text

    from khidmat_central.schema import Record
    from khidmat_desk.store.audit import verify_chain
    from khidmat_desk.store.db import open_database, sqlite_url

    problems: list[str] = []
    path = data_dir / "khidmat.sqlite3"
    with sqlite3.connect(path) as raw:
        verdict = raw.execute("PRAGMA integrity_check").fetchall()
    if verdict != [("ok",)]:
        figures.integrity_failures += 1
        problems.append(f"integrity_check: {verdict[:3]}")
        return problems
    db = open_database(sqlite_url(path), migrate=False)
    try:
        with db.read() as session:
            if not verify_chain(session).ok:
                figures.audit_failures += 1
                problems.append("audit chain broken")
            rows = session.execute(text(
                "SELECT uuid, tracking_number, version FROM application")).all()
            outbox = set(session.execute(text("SELECT uuid, version FROM outbox_entry")).all())
            prints = set(session.execute(text(
                "SELECT a.tracking_number, p.copy_no FROM print_record p "
                "JOIN application a ON a.id = p.application_id")).all())
    finally:
        db.dispose()
    with central_db.read() as session:  # type: ignore[attr-defined]
        central = set(session.execute(select(Record.uuid, Record.version)).all())
    by_uuid = {row.uuid: row for row in rows}
    figures.saves_reported = len(journal.saved)
    figures.saves_found = sum(1 for u in journal.saved if u in by_uuid)
    figures.status_changes_reported = journal.status_changes
    figures.receipts_reported = len(journal.printed)
    figures.syncs_reported = journal.syncs
    figures.sent_to_central = len(central)
    missing = [u for u in journal.saved if u not in by_uuid]
    if missing:
        figures.missing_saves += len(missing)
        problems.append(f"saves reported but missing: {missing[:3]}")
    if journal.saved_twice or len({r.tracking_number for r in rows}) != len(rows):
        figures.duplicate_tracking_numbers += 1
        problems.append("a tracking number was issued twice")
    wrong = [u for u, t in journal.saved.items()
             if u in by_uuid and by_uuid[u].tracking_number != t]
    if wrong:
        figures.duplicate_tracking_numbers += 1
        problems.append(f"saves came back with another tracking number: {wrong[:3]}")
    unsent = [u for u in journal.saved if (u, 1) not in outbox and (u, 1) not in central]
    if unsent:
        figures.missing_outbox_entries += len(unsent)
        problems.append(f"saves with neither an outbox entry nor a central copy: {unsent[:3]}")
    for uuid, version in journal.statuses.items():
        row = by_uuid.get(uuid)
        if row is None or row.version < version or (
                (uuid, version) not in outbox and (uuid, version) not in central):
            figures.missing_status_changes += 1
            problems.append(f"status change {uuid} v{version} lost")
    lost_prints = journal.printed - prints
    if lost_prints:
        figures.missing_receipts += len(lost_prints)
        problems.append(f"receipts reported printed but not recorded: {sorted(lost_prints)[:3]}")
    phantoms = set(by_uuid) - journal.begun
    if phantoms:
        figures.unexpected_applications += len(phantoms)
        problems.append(f"applications nobody began: {sorted(phantoms)[:3]}")
    return problems


def run(kills: int, seed: int, max_ms: int, folder: Path, verbose: bool) -> Figures:
    from khidmat_central import tokens
    from khidmat_central.server import ServerThread
    from khidmat_central.store import open_central
    from khidmat_desk.store.db import sqlite_url

    central_db = open_central(sqlite_url(folder / "central.sqlite3"))
    server = ServerThread(central_db).start()
    token = tokens.add_token(central_db, role=tokens.COUNTER, centre_code=CENTRE,
                             counter=COUNTER)
    data_dir, journal_path = folder / "counter", folder / "journal.txt"
    make_centre(data_dir, server.url)
    env = {**os.environ, "KHIDMAT_SYNC_TOKEN": token}
    rng = random.Random(seed)
    figures = Figures()
    started = time.perf_counter()
    try:
        for kill in range(kills):
            child = subprocess.Popen(
                [sys.executable, __file__, "--worker", str(data_dir), str(journal_path),
                 str(seed * 100_003 + kill)], env=env, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, text=True)
            assert child.stdout is not None
            line = child.stdout.readline()
            if line.strip() != "ready":
                child.kill()
                raise SystemExit(f"the worker did not start: {child.stderr.read()[-2000:]}")
            time.sleep(rng.uniform(0, max_ms / 1000))
            child.send_signal(signal.SIGKILL)
            child.wait()
            child.stdout.close()
            child.stderr.close()  # type: ignore[union-attr]
            figures.kills += 1
            problems = check(data_dir, read_journal(journal_path), central_db, figures)
            if verbose or problems:
                print(f"kill {kill + 1}: {figures.saves_reported} saves reported, "
                      f"{figures.saves_found} found; {'; '.join(problems) or 'ok'}",
                      file=sys.stderr)
    finally:
        server.stop()
        central_db.dispose()
    figures.seconds = time.perf_counter() - started
    return figures


def main() -> int:
    if len(sys.argv) == 5 and sys.argv[1] == "--worker":
        worker(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-ms", type=int, default=600,
                        help="kill within this many ms of the worker being ready")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--verbose", action="store_true", help="a line after every kill")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="khidmat-crash-") as folder:
        figures = run(args.kills, args.seed, args.max_ms, Path(folder), args.verbose)
    if args.json:
        print(json.dumps({**asdict(figures), "failures": figures.failures}))
    else:
        for name, value in asdict(figures).items():
            shown = f"{value:.1f}" if isinstance(value, float) else f"{value:,}"
            print(f"{name.replace('_', ' '):28} {shown:>10}")
        print(f"{'failures':28} {figures.failures:>10,}")
    return 0 if figures.failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
