"""Save latency: `submit_application` against a bare sqlite3 INSERT + COMMIT, in the same run.

Budget (docs: ARCHITECTURE.md): saving one application, fsync included, takes at most 3x a
bare insert+commit with the same durability (WAL, synchronous=FULL). Both are measured
alternately, one call each in turn, so background load on the machine affects both alike.

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


def one_submit(database: Database, user: UserInfo, service_code: str,
               directory: Path) -> Callable[[], None]:
    service = get_service(service_code)
    settings = CounterSettings.load(directory)
    settings.set("centre_code", "LHR01")
    settings.set("counter", 1)
    ctx = CounterContext(settings, database, load_tariff(), user=user)
    answers = validate_answers(service, service.example).answers
    taken = Intake(service.code, service.example,
                   tuple(d.key for d in applicable_documents(service, answers)))

    def submit() -> None:
        submit_application(ctx, taken)

    return submit


def timed(action: Callable[[], None], cpu: list[float]) -> float:
    """Wall time of one call; its processor time (user + system) is added to ``cpu``."""
    started, started_cpu = time.perf_counter(), time.process_time()
    action()
    cpu[0] += time.process_time() - started_cpu
    return time.perf_counter() - started


def measure(count: int, directory: Path, service_code: str
            ) -> tuple[list[float], list[float], float, float]:
    database = open_database(sqlite_url(directory / "counter.sqlite3"))
    with database.write() as session:
        user = create_user(session, "bench.officer", "Bench Officer", "officer", "bench pass 1")
    save = one_submit(database, user, service_code, directory)
    bare = bare_insert(directory, json.dumps(get_service(service_code).example))
    for _ in range(WARM_UP):
        save()
        bare()
    saves, bares = [], []
    save_cpu, bare_cpu = [0.0], [0.0]
    for _ in range(count):  # alternate, so a burst of background load hits both
        saves.append(timed(save, save_cpu))
        bares.append(timed(bare, bare_cpu))
    database.dispose()
    return saves, bares, save_cpu[0] / count, bare_cpu[0] / count


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
            save()
            bare()
        statements, commits, bare_commits = [], [], []
        for _ in range(count):
            spent.update(statements=0.0, commit=0.0)
            save()
            statements.append(spent["statements"])
            commits.append(spent["commit"])
            raw_bare.execute("BEGIN IMMEDIATE")
            raw_bare.execute("INSERT INTO record (uuid, body, created_at) VALUES (?, ?, ?)",
                             (uuid7(), "{}", time.strftime("%Y-%m-%d %H:%M:%S")))
            started = time.perf_counter()
            raw_bare.execute("COMMIT")
            bare_commits.append(time.perf_counter() - started)
        pages = _wal_pages(directory / "floor.sqlite3", save)
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


def report(saves: list[float], bares: list[float], save_cpu: float = 0.0,
           bare_cpu: float = 0.0) -> float:
    def ms(values: list[float], q: float) -> float:
        return statistics.quantiles(values, n=100)[int(q) - 1] * 1000 if q < 100 else 0.0

    save_median = statistics.median(saves) * 1000
    bare_median = statistics.median(bares) * 1000
    ratio = save_median / bare_median
    print(f"submit_application   median {save_median:7.3f} ms   p90 {ms(saves, 90):7.3f} ms")
    print(f"bare insert+commit   median {bare_median:7.3f} ms   p90 {ms(bares, 90):7.3f} ms")
    if save_cpu and bare_cpu:
        print(f"processor time per call (user + system, mean): submit_application "
              f"{save_cpu * 1000:.3f} ms, bare {bare_cpu * 1000:.3f} ms")
    verdict = "within" if ratio <= BUDGET_RATIO else "OVER"
    print(f"ratio {ratio:.2f}x  ({verdict} the {BUDGET_RATIO:.0f}x budget; "
          f"{len(saves)} saves, WAL + synchronous=FULL)")
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
        saves, bares, save_cpu, bare_cpu = measure(args.count, Path(folder), args.service)
    report(saves, bares, save_cpu, bare_cpu)
    if args.floor:
        with tempfile.TemporaryDirectory(dir=args.dir) as folder:
            floor(args.count, Path(folder), args.service)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
