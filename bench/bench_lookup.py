"""Search-box lookups at a million applications, against a bare indexed SELECT in the same run.

Budgets (ARCHITECTURE.md): a lookup by tracking number, CNIC, mobile or plate takes at most
5 ms, a name-prefix search at most 50 ms, and the process stays within 300 MB of memory with
the database open. Each kind of query goes through `find_applications`, exactly as the
search box sends it; the baseline is a raw sqlite3 primary-key SELECT on the same file. The
database is made once with the demo generator (in a child process, so that building it does
not count towards this process's memory) and reused by later runs.

    python bench/bench_lookup.py [--db PATH] [--applications 1000000] [--days 365]
                                 [--queries 200] [--seed 1]

Prints timings and ratios; never fails on a missed budget.
"""

from __future__ import annotations

import argparse
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import demo_db  # noqa: E402 - bench/ is this script's folder

from khidmat_desk.app.applications import find_applications  # noqa: E402
from khidmat_desk.core import validators  # noqa: E402
from khidmat_desk.store.db import Database, open_database, sqlite_url  # noqa: E402

LOOKUP_BUDGET_MS = 5.0
NAME_BUDGET_MS = 50.0
RSS_BUDGET_MB = 300.0
WARM_UP = 20


def default_path(applications: int, seed: int) -> Path:
    return Path(tempfile.gettempdir()) / "khidmat-bench" / f"lookup-{applications}-{seed}.sqlite3"


def rss_mb() -> float:
    """Resident memory now (Linux), else the peak so far."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def samples(path: Path, count: int, rng: random.Random) -> dict[str, list[str]]:
    """Queries as an officer would type or scan them, picked from what the database holds."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        top = connection.execute("SELECT max(id) FROM application").fetchone()[0]
        ids = [rng.randint(1, top) for _ in range(count * 3)]
        marks = ",".join("?" * len(ids))
        tracking = [r[0] for r in connection.execute(
            f"SELECT tracking_number FROM application WHERE id IN ({marks})", ids)]
        by_kind: dict[str, list[str]] = {}
        for kind in ("cnic", "mobile", "plate", "name"):
            rows = connection.execute(
                "SELECT value FROM application_key WHERE kind = ? AND application_id >= ? "
                "LIMIT 20000", (kind, rng.randint(1, max(1, top - 20000))))
            by_kind[kind] = [r[0] for r in rows]
    finally:
        connection.close()
    return {
        "tracking number": rng.sample(tracking, min(count, len(tracking))),
        "CNIC": [validators.format_cnic(v) for v in _pick(rng, by_kind["cnic"], count)],
        "mobile": [validators.format_mobile(v) for v in _pick(rng, by_kind["mobile"], count)],
        "plate": _pick(rng, by_kind["plate"], count),
        "name prefix": [_prefix(rng, v) for v in _pick(rng, by_kind["name"], count)],
    }


def _pick(rng: random.Random, values: list[str], count: int) -> list[str]:
    return [rng.choice(values) for _ in range(count)] if values else []


def _prefix(rng: random.Random, phrase: str) -> str:
    """What an officer types before the list narrows: a word or two, the last one cut short."""
    words = phrase.split()[: rng.randint(1, 2)]
    last = words[-1]
    words[-1] = last[: rng.randint(min(2, len(last)), max(2, len(last)))]
    typed = " ".join(words)
    return typed if len(typed.replace(" ", "")) >= 2 else phrase


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def baseline(path: Path, count: int, rng: random.Random) -> list[float]:
    """A bare indexed lookup on the same file: sqlite3, primary key, one row."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    top = connection.execute("SELECT max(id) FROM application").fetchone()[0]
    query = "SELECT * FROM application WHERE id = ?"
    for _ in range(WARM_UP):
        connection.execute(query, (rng.randint(1, top),)).fetchall()
    times = [timed(lambda: connection.execute(query, (rng.randint(1, top),)).fetchall())
             for _ in range(count)]
    connection.close()
    return times


def measure(database: Database, queries: dict[str, list[str]]) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {}
    for kind, texts in queries.items():
        for text in texts[:WARM_UP]:
            find_applications(database, text)
        results[kind] = [timed(_finder(database, text)) for text in texts]
    return results


def _finder(database: Database, text: str) -> Callable[[], object]:
    return lambda: find_applications(database, text)


def report(results: dict[str, list[float]], base: list[float], rss: tuple[float, float],
           applications: int) -> None:
    base_median = statistics.median(base)
    print(f"\n{applications:,} applications; {len(base)} queries of each kind, warm cache\n")
    print(f"{'query':<18}{'median ms':>11}{'p95 ms':>10}{'x baseline':>12}  budget")
    print(f"{'bare PK select':<18}{base_median:>11.3f}{_p95(base):>10.3f}{1.0:>12.1f}")
    for kind, times in results.items():
        if not times:
            print(f"{kind:<18}  (none in this database)")
            continue
        budget = NAME_BUDGET_MS if kind == "name prefix" else LOOKUP_BUDGET_MS
        median = statistics.median(times)
        verdict = "ok" if _p95(times) <= budget else "OVER"
        print(f"{kind:<18}{median:>11.3f}{_p95(times):>10.3f}{median / base_median:>12.1f}"
              f"  <= {budget:g} ms p95: {verdict}")
    opened, after = rss
    verdict = "ok" if max(rss) <= RSS_BUDGET_MB else "OVER"
    print(f"\nmemory: {opened:.0f} MB RSS with the database open, {after:.0f} MB after the "
          f"queries (budget {RSS_BUDGET_MB:.0f} MB: {verdict})")


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    demo_db.add_arguments(parser, applications=1_000_000, days=365, seed=1)
    parser.add_argument("--queries", type=int, default=200, help="queries of each kind")
    args = parser.parse_args()
    path = demo_db.prepared(args, __file__, default_path(args.applications, args.seed))
    if path is None:
        return 0
    rng = random.Random(args.seed)
    queries = samples(path, args.queries, rng)
    database = open_database(sqlite_url(path), migrate=False)
    try:
        find_applications(database, queries["tracking number"][0])
        opened = rss_mb()
        results = measure(database, queries)
        after = rss_mb()
    finally:
        database.dispose()
    base = baseline(path, args.queries, rng)
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        applications = connection.execute("SELECT count(*) FROM application").fetchone()[0]
    report(results, base, (opened, after), applications)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
