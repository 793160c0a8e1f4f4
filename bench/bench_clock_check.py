"""The PC clock check (app/clock_check.py) on a large counter database.

The counter runs it every minute and after each sync pass, on the worker. The baseline,
measured in the same run on the same database, is what the status bar already reads after
every sync pass: the outbox counts and the sync's state (`sync.status.current_status`).

    python bench/bench_clock_check.py [--applications 250000] [--runs 200]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import demo_db  # noqa: E402 - bench/ is this script's folder

from khidmat_desk.app.clock_check import check_clock  # noqa: E402
from khidmat_desk.store.db import open_database, sqlite_url  # noqa: E402
from khidmat_desk.sync.status import current_status  # noqa: E402


def timed(work: Callable[[], object], runs: int) -> float:
    """Median milliseconds of ``runs`` calls, after one to warm the cache."""
    work()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    demo_db.add_arguments(parser, applications=250_000, days=60, seed=3)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    path = demo_db.prepared(args, __file__, Path(tempfile.gettempdir()) / "khidmat-bench"
                            / f"reports-{args.applications}-{args.days}-{args.seed}.sqlite3")
    if path is None:
        return
    db = open_database(sqlite_url(path), migrate=True, backup_dir=path.parent / "backups")
    try:
        base = timed(lambda: current_status(db), args.runs)
        mine = timed(lambda: check_clock(db), args.runs)
    finally:
        db.dispose()
    print(f"{args.applications:,} applications, {args.runs} runs each, warm cache")
    print(f"status bar read (baseline): {base:.3f} ms")
    print(f"clock check:                {mine:.3f} ms ({mine / base:.2f}x)")


if __name__ == "__main__":
    main()
