"""Save latency: `submit_application` against a bare sqlite3 INSERT + COMMIT, in the same run.

Budget (docs: ARCHITECTURE.md): saving one application, fsync included, takes at most 3x a
bare insert+commit with the same durability (WAL, synchronous=FULL). The save is timed as the
counter makes it: the officer presses Save on the wizard's review step, which has already
judged the answers to show them (done untimed before each save), and the save takes that
judgement when it still holds. A save of answers nobody checked (the save checks them itself)
is timed beside it for comparison. All three are measured in turn, one call each, so
background load on the machine affects them alike.

    python bench/bench_save.py [--count 300] [--service police-verification] [--dir DIR] [--floor]

`--floor` also measures what no code change above the database can remove: the time a save
spends inside the driver (its statements, and its COMMIT against the bare one) and the pages
each commit appends to the WAL.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from khidmat_desk.app.applications import submit_application  # noqa: E402
from khidmat_desk.app.context import CounterContext  # noqa: E402
from khidmat_desk.app.settings import CounterSettings  # noqa: E402
from khidmat_desk.auth.users import UserInfo, create_user  # noqa: E402
from khidmat_desk.core.catalogue import get_service, load_tariff  # noqa: E402
from khidmat_desk.core.intake import Intake, applicable_documents  # noqa: E402
from khidmat_desk.core.validation import validate_answers  # noqa: E402
from khidmat_desk.core.wizard import Wizard, complete_documents  # noqa: E402
from khidmat_desk.store import prepared  # noqa: E402
from khidmat_desk.store.db import Database, open_database, sqlite_url  # noqa: E402
from khidmat_desk.store.sequences import uuid7  # noqa: E402

BUDGET_RATIO = 3.0
WARM_UP = 20


def bare_insert(directory: Path, row_text: str) -> Callable[[], None]:
    """One row of similar size per transaction, same pragmas, straight through sqlite3."""
    connection = sqlite3.connect(directory / "bare.sqlite3", isolation_level=None)
    for pragma in ("busy_timeout=5000", "journal_mode=WAL", "synchronous=FULL",
                   "foreign_keys=ON"):
        connection.execute(f"PRAGMA {pragma}")
    connection.execute("CREATE TABLE record (id INTEGER PRIMARY KEY, uuid TEXT UNIQUE, "
                       "body TEXT, created_at TEXT)")

    def insert() -> None:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("INSERT INTO record (uuid, body, created_at) VALUES (?, ?, ?)",
                           (uuid7(), row_text, time.strftime("%Y-%m-%d %H:%M:%S")))
        connection.execute("COMMIT")

    return insert


@dataclass(frozen=True)
class Action:
    """What is timed, and what is done untimed just before it."""

    run: Callable[[], None]
    prepare: Callable[[], None] = lambda: None


def one_submit(database: Database, user: UserInfo, service_code: str, directory: Path,
               *, judged: bool = True) -> Action:
    """One save of the service's example answers. ``judged``: as the counter saves, with the
    intake the wizard hands over at its review step, whose judgement of the answers the save
    takes (the review step shows it, so that work is done before Save is pressed and is not
    timed); otherwise as a caller with answers nobody checked, which the save checks."""
    service = get_service(service_code)
    settings = CounterSettings.load(directory)
    settings.set("centre_code", "LHR01")
    settings.set("counter", 1)
    ctx = CounterContext(settings, database, load_tariff(), user=user)
    answers = validate_answers(service, service.example).answers
    documents = tuple(d.key for d in applicable_documents(service, answers))
    unjudged = Intake(service.code, service.example, documents)
    if not judged:
        return Action(lambda: _submitted(ctx, unjudged))
    ready: list[Intake] = []

    def review() -> None:  # what the wizard's review step does before Save is pressed
        wizard = Wizard(service, answers=dict(service.example), tariff=ctx.tariff)
        complete_documents(wizard)
        ready.append(wizard.intake())

    return Action(lambda: _submitted(ctx, ready.pop()), review)


def _submitted(ctx: CounterContext, intake: Intake) -> None:
    submit_application(ctx, intake)


def timed(action: Action, cpu: list[float]) -> float:
    """Wall time of one call, after its untimed preparation; its processor time (user +
    system) is added to ``cpu``."""
    action.prepare()
    started, started_cpu = time.perf_counter(), time.process_time()
    action.run()
    cpu[0] += time.process_time() - started_cpu
    return time.perf_counter() - started


def _call(action: Action) -> None:
    action.prepare()
    action.run()


@dataclass
class Measured:
    saves: list[float]
    unjudged: list[float]
    bares: list[float]
    save_cpu: float
    unjudged_cpu: float
    bare_cpu: float


def measure(count: int, directory: Path, service_code: str) -> Measured:
    database = open_database(sqlite_url(directory / "counter.sqlite3"))
    with database.write() as session:
        user = create_user(session, "bench.officer", "Bench Officer", "officer", "bench pass 1")
    save = one_submit(database, user, service_code, directory)
    unjudged = one_submit(database, user, service_code, directory, judged=False)
    bare = Action(bare_insert(directory, json.dumps(get_service(service_code).example)))
    for _ in range(WARM_UP):
        for action in (save, unjudged, bare):
            _call(action)
    saves, unjudged_saves, bares = [], [], []
    cpu = [0.0], [0.0], [0.0]
    for _ in range(count):  # in turn, so a burst of background load hits all three
        saves.append(timed(save, cpu[0]))
        unjudged_saves.append(timed(unjudged, cpu[1]))
        bares.append(timed(bare, cpu[2]))
    database.dispose()
    return Measured(saves, unjudged_saves, bares, cpu[0][0] / count, cpu[1][0] / count,
                    cpu[2][0] / count)


def floor(count: int, directory: Path, service_code: str) -> None:
    """Time inside the driver per save (statements; COMMIT against the bare COMMIT) and WAL
    pages appended per commit, on fresh files."""
    database = open_database(sqlite_url(directory / "floor.sqlite3"))
    with database.write() as session:
        user = create_user(session, "bench.floor", "Bench Floor", "officer", "bench pass 1")
    save = one_submit(database, user, service_code, directory)
    bare = bare_insert(directory, json.dumps(get_service(service_code).example))
    spent = {"statements": 0.0, "commit": 0.0}
    run, commit = prepared._run, database.engine.dialect.do_commit

    def timed_run(connection: Any, call: Any, compiled: Any, arguments: Any) -> None:
        def driver(sql: str, values: Any) -> Any:
            started = time.perf_counter()
            try:
                return call(sql, values)
            finally:
                spent["statements"] += time.perf_counter() - started
        run(connection, driver, compiled, arguments)

    def timed_commit(connection: Any) -> None:
        started = time.perf_counter()
        commit(connection)
        spent["commit"] += time.perf_counter() - started

    prepared._run = timed_run
    database.engine.dialect.do_commit = timed_commit  # type: ignore[method-assign,assignment]
    raw_bare = sqlite3.connect(directory / "bare.sqlite3", isolation_level=None)
    try:
        for _ in range(WARM_UP):
            _call(save)
            bare()
        statements, commits, bare_commits = [], [], []
        for _ in range(count):
            spent.update(statements=0.0, commit=0.0)
            _call(save)
            statements.append(spent["statements"])
            commits.append(spent["commit"])
            raw_bare.execute("BEGIN IMMEDIATE")
            raw_bare.execute("INSERT INTO record (uuid, body, created_at) VALUES (?, ?, ?)",
                             (uuid7(), "{}", time.strftime("%Y-%m-%d %H:%M:%S")))
            started = time.perf_counter()
            raw_bare.execute("COMMIT")
            bare_commits.append(time.perf_counter() - started)
        pages = _wal_pages(directory / "floor.sqlite3", lambda: _call(save))
        bare_pages = _wal_pages(directory / "bare.sqlite3", bare)
    finally:
        prepared._run = run
        raw_bare.close()
        database.dispose()

    def ms(values: list[float]) -> float:
        return statistics.median(values) * 1000

    print(f"inside the driver per save (median): statements {ms(statements):.3f} ms, "
          f"COMMIT {ms(commits):.3f} ms; bare COMMIT {ms(bare_commits):.3f} ms")
    print(f"pages appended to the WAL per commit (median): save {pages:g}, bare {bare_pages:g}")


def _wal_pages(path: Path, action: Callable[[], None], times: int = 30) -> float:
    """Pages one call appends to the WAL: emptied first, counted after."""
    probe = sqlite3.connect(path, isolation_level=None)
    try:
        counts = []
        for _ in range(times):
            probe.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            action()
            counts.append(probe.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()[1])
        return float(statistics.median(counts))
    finally:
        probe.close()


def report(measured: Measured) -> float:
    def ms(values: list[float], q: float) -> float:
        return statistics.quantiles(values, n=100)[int(q) - 1] * 1000 if q < 100 else 0.0

    save_median = statistics.median(measured.saves) * 1000
    unjudged_median = statistics.median(measured.unjudged) * 1000
    bare_median = statistics.median(measured.bares) * 1000
    ratio = save_median / bare_median
    print(f"submit_application   median {save_median:7.3f} ms   p90 "
          f"{ms(measured.saves, 90):7.3f} ms   (as the counter saves: the answers judged at "
          "the wizard's review)")
    print(f"  answers unchecked  median {unjudged_median:7.3f} ms   p90 "
          f"{ms(measured.unjudged, 90):7.3f} ms   (a caller whose answers nobody checked: "
          "the save checks them)")
    print(f"bare insert+commit   median {bare_median:7.3f} ms   p90 "
          f"{ms(measured.bares, 90):7.3f} ms")
    print(f"processor time per call (user + system, mean): submit_application "
          f"{measured.save_cpu * 1000:.3f} ms, answers unchecked "
          f"{measured.unjudged_cpu * 1000:.3f} ms, bare {measured.bare_cpu * 1000:.3f} ms")
    verdict = "within" if ratio <= BUDGET_RATIO else "OVER"
    print(f"ratio {ratio:.2f}x  ({verdict} the {BUDGET_RATIO:.0f}x budget; "
          f"{len(measured.saves)} saves, WAL + synchronous=FULL)")
    print(f"ratio with the answers unchecked {unjudged_median / bare_median:.2f}x")
    print("like with like: both commit one transaction per save on the same disk, WAL, "
          "synchronous=FULL (fsync at every commit), busy_timeout and foreign keys on")
    return ratio


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=300, help="saves to time (default 300)")
    parser.add_argument("--service", default="police-verification", help="service code")
    parser.add_argument("--dir", type=Path, help="folder for the database files "
                        "(default: a temporary folder; use the disk the counter will use)")
    parser.add_argument("--floor", action="store_true", help="also time the driver's share "
                        "and count the pages each commit writes")
    args = parser.parse_args()
    if args.dir is not None:
        args.dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        measured = measure(args.count, Path(folder), args.service)
    report(measured)
    if args.floor:
        with tempfile.TemporaryDirectory(dir=args.dir) as folder:
            floor(args.count, Path(folder), args.service)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
