"""The in-charge's day summary and XLSX export of a ~5,000-application day in a large history.

Budgets (ARCHITECTURE.md): the end-of-day summary of a 5,000-application day takes at most
200 ms, its XLSX export at most 2 s; the cost must grow with the day, not with the history.
The database is made once with the demo generator (in a child process) and reused; the day
measured is the one whose count is nearest to ``--target``.

The summary is timed as the dashboard reads it (the day's record versions counted) and as the
close and the reports read it (the versions read and digested too).

Baselines, measured in the same run on the same file:
* the summary: a bare sqlite3 SELECT of that day's application rows by the created_at index;
* the XLSX: a bare openpyxl write-only workbook of the same number of rows of plain values.

    python bench/bench_reports.py [--db PATH] [--applications 250000] [--days 60]
                                  [--target 5000] [--runs 7] [--seed 3]

Also prints the query plans of the day's queries, to show each reads through an index.
Prints timings and ratios; never fails on a missed budget.
"""

from __future__ import annotations

import argparse
import io
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import demo_db  # noqa: E402 - bench/ is this script's folder
from openpyxl import Workbook  # noqa: E402
from sqlalchemy import event  # noqa: E402

from khidmat_desk.core.shifts import ONE_SHIFT, Period  # noqa: E402
from khidmat_desk.reports.spreadsheet import write_xlsx  # noqa: E402
from khidmat_desk.reports.summary import day_summary  # noqa: E402
from khidmat_desk.store.db import Database, open_database, sqlite_url  # noqa: E402

SUMMARY_BUDGET_MS = 200.0
XLSX_BUDGET_S = 2.0


def default_path(applications: int, days: int, seed: int) -> Path:
    return (Path(tempfile.gettempdir()) / "khidmat-bench"
            / f"reports-{applications}-{days}-{seed}.sqlite3")


def busiest_day(path: Path, target: int) -> tuple[date, int, int]:
    """The centre day whose count is nearest ``target``, that count, and the history's size."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        rows = connection.execute(
            "SELECT date(created_at, '+5 hours') AS d, count(*) FROM application "
            "GROUP BY d").fetchall()
        total = connection.execute("SELECT count(*) FROM application").fetchone()[0]
    day, count = min(rows, key=lambda row: abs(row[1] - target))
    return date.fromisoformat(day), int(count), int(total)


def timed(action: Callable[[], object], runs: int) -> list[float]:
    action()  # warm up: caches, statement compilation
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times


def bare_select(path: Path, period: Period) -> Callable[[], object]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    start = period.start.replace(tzinfo=None).isoformat(sep=" ")
    end = period.end.replace(tzinfo=None).isoformat(sep=" ")

    def run() -> object:
        return connection.execute("SELECT * FROM application WHERE created_at >= ? AND "
                                  "created_at < ?", (start, end)).fetchall()

    return run


def bare_xlsx(rows: int) -> Callable[[], object]:
    values = [("LHR01-260306-07-0001-7", "2026-03-06 10:00", "General Police Verification",
               "GPV", "submitted", "Muhammad Imran", 7, "officer1", 500, 500, "cash",
               "officer1", "2026-03-10")] * rows

    def run() -> object:
        book = Workbook(write_only=True)
        sheet = book.create_sheet("Applications")
        for row in values:
            sheet.append(row)
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer

    return run


def plans(db: Database, path: Path, period: Period) -> None:
    """EXPLAIN QUERY PLAN of every SELECT the summary sends: which index each reads through."""
    captured: list[tuple[str, object]] = []

    def grab(_conn: object, _cursor: object, statement: str, parameters: object,
             *_: object) -> None:
        if statement.lstrip().startswith("SELECT"):
            captured.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", grab)
    try:
        day_summary(db, period)
    finally:
        event.remove(db.engine, "before_cursor_execute", grab)
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        for statement, parameters in captured:
            found = re.search(r"\bFROM\s+(\w+)", statement)
            table = found.group(1) if found else "?"
            plan = connection.execute("EXPLAIN QUERY PLAN " + statement,
                                      parameters).fetchall()  # type: ignore[arg-type]
            steps = "; ".join(row[3] for row in plan if "TEMP B-TREE" not in row[3])
            print(f"  from {table:<16} {steps}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    demo_db.add_arguments(parser, applications=250_000, days=60, seed=3)
    parser.add_argument("--target", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    path = demo_db.prepared(args, __file__,
                            default_path(args.applications, args.days, args.seed))
    if path is None:
        return
    day, count, total = busiest_day(path, args.target)
    db = open_database(sqlite_url(path), migrate=True, backup_dir=path.parent / "backups")
    period = ONE_SHIFT.period(day)
    summary = day_summary(db, period)
    print(f"{total:,} applications in the database; day {day}: {count:,} applications, "
          f"{summary.versions:,} record versions, {summary.uncollected_total:,} uncollected, "
          f"{summary.pending_total:,} pending; {args.runs} runs each, warm cache\n")
    print("query plans:")
    plans(db, path, period)
    out = Path(tempfile.mkdtemp()) / "day.xlsx"
    results = [
        ("bare SELECT of the day's rows", timed(bare_select(path, period), args.runs), None),
        ("day summary (dashboard)", timed(lambda: day_summary(db, period, with_digest=False),
                                          args.runs), f"<= {SUMMARY_BUDGET_MS:.0f} ms"),
        ("day summary + digest (close)", timed(lambda: day_summary(db, period), args.runs),
         f"<= {SUMMARY_BUDGET_MS:.0f} ms"),
        ("bare openpyxl, same rows", timed(bare_xlsx(count), args.runs), None),
        ("XLSX export (from summary)", timed(lambda: write_xlsx(summary, out), args.runs),
         None),
        ("summary + XLSX export", timed(lambda: write_xlsx(day_summary(db, period), out),
                                        args.runs), f"<= {XLSX_BUDGET_S:.0f} s"),
    ]
    print(f"\n{'what':<32}{'median ms':>11}{'max ms':>10}{'x baseline':>12}  budget")
    baseline = 0.0
    for name, times, budget in results:
        median = statistics.median(times) * 1000
        if name.startswith("bare"):
            baseline = median
        verdict = ""
        if budget is not None:
            limit = SUMMARY_BUDGET_MS if "ms" in budget else XLSX_BUDGET_S * 1000
            verdict = f"{budget}: {'ok' if median <= limit else 'OVER'}"
        print(f"{name:<32}{median:>11.1f}{max(times) * 1000:>10.1f}"
              f"{median / baseline:>12.1f}  {verdict}")
    db.dispose()


if __name__ == "__main__":
    main()
