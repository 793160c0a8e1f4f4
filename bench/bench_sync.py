"""Sync throughput: 10,000 queued records pushed to the reference central server on loopback.

Budget (ARCHITECTURE.md): at least 2,000 records per second. The baseline, measured in the
same run, is one bare httpx POST of the same bytes (every batch the sync sends, gzipped as it
sends them) to a do-nothing ASGI app under the same uvicorn on loopback: what moving those
bytes costs with no JSON, no database and no acknowledgement.

    python bench/bench_sync.py [--records 10000] [--dir DIR] [--central-db URL]
"""

from __future__ import annotations

import argparse
import gzip
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import uvicorn

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from khidmat_central import tokens  # noqa: E402
from khidmat_central.store import open_central  # noqa: E402
from khidmat_desk.app.applications import submit_application  # noqa: E402
from khidmat_desk.app.context import CounterContext  # noqa: E402
from khidmat_desk.app.settings import CounterSettings  # noqa: E402
from khidmat_desk.app.sync_changes import remote_change_applier  # noqa: E402
from khidmat_desk.auth.users import create_user  # noqa: E402
from khidmat_desk.core.catalogue import get_service, load_tariff  # noqa: E402
from khidmat_desk.core.intake import Intake, applicable_documents  # noqa: E402
from khidmat_desk.core.tracking import make_tracking_number  # noqa: E402
from khidmat_desk.core.validation import validate_answers  # noqa: E402
from khidmat_desk.store import outbox  # noqa: E402
from khidmat_desk.store.db import Database, open_database, sqlite_url  # noqa: E402
from khidmat_desk.store.sequences import uuid7  # noqa: E402
from khidmat_desk.sync import protocol  # noqa: E402
from khidmat_desk.sync.client import Syncer  # noqa: E402
from khidmat_desk.sync.transport import Transport, TransportConfig  # noqa: E402

BUDGET = 2000.0
START = datetime(2026, 3, 6, 4, 0, tzinfo=UTC)


def queue_records(db: Database, count: int, directory: Path) -> None:
    """One real application, then ``count`` queued versions of its size and shape."""
    with db.write() as session:
        user = create_user(session, "bench.officer", "Bench Officer", "officer", "bench pass 1")
    settings = CounterSettings.load(directory)
    settings.set("centre_code", "LHR01")
    settings.set("counter", 7)
    service = get_service("police-verification")
    answers = validate_answers(service, service.example).answers
    taken = Intake(service.code, service.example,
                   tuple(d.key for d in applicable_documents(service, answers)))
    submit_application(CounterContext(settings, db, load_tariff(None), user=user), taken,
                       now=START)
    with db.write() as session:
        [template] = outbox.due(session, now=START + timedelta(days=1))
        outbox.acknowledge(session, [(template.uuid, template.version, template.kind)])
        for index in range(count):
            record_id = uuid7()
            # At most 9,999 a day; each made on the day its tracking number names.
            when = START + timedelta(days=index // 5000, seconds=index % 5000)
            day = when.date()
            tracking = str(make_tracking_number("LHR01", day, 7, index % 5000 + 1))
            payload = {**template.payload, "uuid": record_id, "tracking_number": tracking}
            outbox.enqueue(session, uuid=record_id, version=1, kind="application",
                           payload=payload, now=when)


def wire_bytes(db: Database) -> bytes:
    """Every batch the sync will send, gzipped the way it sends them, end to end."""
    with db.read() as session:
        items = outbox.due(session, now=START + timedelta(days=365), limit=10**9)
    encoded = [protocol.encode_entry(i.uuid, i.version, i.kind, i.payload, i.created_at)
               for i in items]
    chunks = []
    while encoded:
        count = protocol.take_batch(encoded, max_entries=protocol.MAX_BATCH_ENTRIES,
                                    max_bytes=protocol.MAX_BATCH_BYTES)
        chunks.append(gzip.compress(protocol.push_body(str(uuid.uuid4()), encoded[:count]),
                                    compresslevel=5))
        encoded = encoded[count:]
    return b"".join(chunks)


async def sink(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """A do-nothing ASGI app: read the body, answer 204."""
    if scope["type"] != "http":
        return
    more = True
    while more:
        message = await receive()
        more = message.get("more_body", False)
    await send({"type": "http.response.start", "status": 204, "headers": []})
    await send({"type": "http.response.body", "body": b""})


def bare_post_seconds(body: bytes) -> float:
    listener = socket.create_server(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(sink, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/"
    try:
        with httpx.Client() as client:
            client.post(url, content=b"warm-up")
            started = time.perf_counter()
            client.post(url, content=body, headers={"Content-Encoding": "gzip"})
            return time.perf_counter() - started
    finally:
        server.should_exit = True
        thread.join()


def start_central(db_url: str) -> tuple[subprocess.Popen[bytes], str]:
    """``khidmat-central serve`` in its own process, as in production (its own core, no GIL
    shared with the counter)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "khidmat_central.cli", "serve", "--db",
                                db_url, "--port", str(port)], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(url + protocol.HEALTH_PATH).raise_for_status()
            return process, url
        except httpx.HTTPError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError("khidmat-central serve did not start") from None
            time.sleep(0.1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--dir", type=Path, help="folder for the databases (default: temp)")
    parser.add_argument("--central-db", help="central database URL (default: SQLite in --dir)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        run(Path(folder), args.records, args.central_db)


def run(folder: Path, records: int, central_url: str | None) -> None:
    counter_db = open_database(sqlite_url(folder / "counter.sqlite3"))
    central_db = open_central(central_url or sqlite_url(folder / "central.sqlite3"))
    queue_records(counter_db, records, folder)
    body = wire_bytes(counter_db)
    token = tokens.add_token(central_db, role=tokens.COUNTER, centre_code="LHR01", counter=7)
    server, url = start_central(central_db.url)
    syncer = Syncer(counter_db, lambda: Transport(TransportConfig(url, token)),
                    remote_change_applier(counter_db))
    try:
        started = time.perf_counter()
        report = syncer.run_once()
        sync_seconds = time.perf_counter() - started
    finally:
        syncer.close()
        server.terminate()
        server.wait(timeout=30)
    assert report.error is None and report.pushed == records, report
    bare = bare_post_seconds(body)
    rate = records / sync_seconds
    verdict = "ok" if rate >= BUDGET else "OVER BUDGET"
    print(f"{records:,} records, {len(body):,} bytes on the wire (gzip), "
          f"central database {central_db.engine.dialect.name}")
    print(f"sync (push, acknowledge, pull):  {sync_seconds:7.3f} s  {rate:9,.0f} records/s"
          f"  (budget >= {BUDGET:,.0f}: {verdict})")
    print(f"one bare httpx POST, same bytes: {bare:7.3f} s")
    print(f"ratio sync / bare POST:          {sync_seconds / bare:7.1f}x")
    counter_db.dispose()
    central_db.dispose()


if __name__ == "__main__":
    main()
