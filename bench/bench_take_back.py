"""Take back: a counter set up again takes back 10,000 applications from the central server.

No budget of its own in ARCHITECTURE.md; the figure is reported beside the push budget's
(2,000 records/s) because a counter that lost its disk waits on it before taking new
applications. The baseline, measured in the same run, is fetching the very same pages from
the same server with bare HTTP GETs: what the server and the wire cost, with nothing read,
checked or merged at the counter.

    python bench/bench_take_back.py [--records 10000] [--dir DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_sync import START, queue_records, start_central  # noqa: E402

from khidmat_central import tokens  # noqa: E402
from khidmat_central.store import open_central  # noqa: E402
from khidmat_desk.app.settings import CounterSettings  # noqa: E402
from khidmat_desk.app.sync import TOKEN_ENV  # noqa: E402
from khidmat_desk.app.sync_changes import remote_change_applier  # noqa: E402
from khidmat_desk.app.take_back import PAGE, take_back_from_central  # noqa: E402
from khidmat_desk.auth.users import create_user  # noqa: E402
from khidmat_desk.store.db import open_database, sqlite_url  # noqa: E402
from khidmat_desk.sync import protocol  # noqa: E402
from khidmat_desk.sync.client import Syncer  # noqa: E402
from khidmat_desk.sync.transport import Transport, TransportConfig  # noqa: E402

PUSH_BUDGET = 2000.0


def bare_fetch_seconds(url: str, token: str, since: str) -> tuple[float, int]:
    """Every page, fetched and dropped: (seconds, applications)."""
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(headers=headers) as client:
        client.get(url + protocol.HEALTH_PATH)
        started, after, count, more = time.perf_counter(), "", 0, True
        while more:
            page = client.get(url + protocol.HELD_PATH,
                              params={"from": since, "after": after, "limit": PAGE}).json()
            after, more = page["next"], page["more"]
            count += len(page["applications"])
        return time.perf_counter() - started, count


def run(folder: Path, records: int) -> None:
    lost_db = open_database(sqlite_url(folder / "lost.sqlite3"))
    central_db = open_central(sqlite_url(folder / "central.sqlite3"))
    queue_records(lost_db, records, folder)
    token = tokens.add_token(central_db, role=tokens.COUNTER, centre_code="LHR01", counter=7)
    server, url = start_central(central_db.url)
    try:
        syncer = Syncer(lost_db, lambda: Transport(TransportConfig(url, token)),
                        remote_change_applier(lost_db))
        try:
            report = syncer.run_once()
        finally:
            syncer.close()
        assert report.error is None and report.outbox_empty, report
        held = records  # (the real application they are shaped after was never sent)

        again = folder / "again"
        again.mkdir()
        settings = CounterSettings.load(again)
        settings.set("centre_code", "LHR01")
        settings.set("counter", 7)
        settings.set("sync_server", url)
        os.environ[TOKEN_ENV] = token
        db = open_database(sqlite_url(again / "khidmat.sqlite3"))
        with db.write() as session:
            head = create_user(session, "bench.incharge", "Bench In-charge", "in-charge",
                               "bench pass 1")
        since = START.date()
        started = time.perf_counter()
        done = take_back_from_central(db, settings, head, since=since, timeout_seconds=60)
        seconds = time.perf_counter() - started
        assert (done.held, done.applications) == (held, held), done
        bare, fetched = bare_fetch_seconds(url, token, since.isoformat())
        assert fetched == held
        db.dispose()
    finally:
        server.terminate()
        server.wait(timeout=30)
    rate = held / seconds
    print(f"{held:,} applications held by the central server ({PAGE} a page), "
          f"from {since} to {since + timedelta(days=records // 5000)}")
    print(f"take back (fetch, read, merge, audit): {seconds:7.3f} s  {rate:9,.0f} applications/s"
          f"  (beside the push budget >= {PUSH_BUDGET:,.0f}/s: "
          f"{'ok' if rate >= PUSH_BUDGET else 'slower'})")
    print(f"the same pages, bare GETs:             {bare:7.3f} s")
    print(f"ratio take back / bare fetch:          {seconds / bare:7.1f}x")
    lost_db.dispose()
    central_db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--dir", type=Path, help="folder for the databases (default: temp)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        run(Path(folder), args.records)


if __name__ == "__main__":
    main()
