"""Running the demo's chunks: made in a worker process, written here, one transaction each.

The parent writes chunk k while a worker makes chunk k+1; only a couple of chunks are ever
made ahead, so memory stays flat however many applications are asked for. A chunk is written
once the next chunk's first arrival is known: every audit event before that moment can then
take its place in the chain.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import threading
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from multiprocessing.context import BaseContext

from sqlalchemy import Connection

from khidmat_desk.app.demo.bulk import BulkWriter, Tally
from khidmat_desk.app.demo.produce import Job, produce
from khidmat_desk.app.demo.wire import Packed, submitted_at
from khidmat_desk.store.db import Database

log = logging.getLogger("khidmat.demo")

#: From this many applications on, a worker process makes the records.
PARALLEL_FROM = 20_000
#: SQLite page cache while writing a chunk, in KiB (the default 2 MB makes index inserts
#: into a growing file read the same pages from disk again and again).
BULK_CACHE_KIB = 64 * 1024


@dataclass(frozen=True)
class Batch:
    """A chunk to make, and each counter's daily sequence once it is written."""

    job: Job
    sequences: dict[tuple[int, date], int]


def made(tally: Tally) -> int:
    return sum(tally.by_service.values())


def worker_count(workers: int | None, applications: int) -> int:
    """Worker processes to use: as asked; else none for a small demo (starting a process
    costs more than it saves on a few thousand records) and, for a large one, up to three:
    making a record costs about twice what writing it does, so two workers keep the writer
    busy and a third helps where there are cores to spare."""
    if workers is not None:
        return max(0, workers)
    cores = os.cpu_count() or 1
    return 0 if applications < PARALLEL_FROM or cores < 2 else min(cores, 3)


def write_all(db: Database, writer: BulkWriter, batches: Iterator[Batch], workers: int) -> None:
    previous: tuple[list[Packed], Batch] | None = None
    for records, batch in _made(batches, workers):
        if previous is not None:
            _write(db, writer, previous, submitted_at(records[0]))
        previous = (records, batch)
        log.info("demo: %d applications written", made(writer.tally))
    if previous is not None:
        _write(db, writer, previous, None)
    else:  # nothing to make: the sign-ins still join the chain
        with db.write() as session:
            writer.write_chunk(session.connection(), [], None, {})


def _write(db: Database, writer: BulkWriter, chunk: tuple[list[Packed], Batch],
           until: datetime | None) -> None:
    records, batch = chunk
    with db.write() as session:
        connection = session.connection()
        with _large_cache(connection):
            writer.write_chunk(connection, records, until, batch.sequences)


@contextmanager
def _large_cache(connection: Connection) -> Iterator[None]:
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()
    connection.exec_driver_sql(f"PRAGMA cache_size={-BULK_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size={int(before)}")


def _made(batches: Iterator[Batch], workers: int) -> Iterator[tuple[list[Packed], Batch]]:
    if workers == 0:
        for batch in batches:
            yield produce(batch.job), batch
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=_process_context()) as pool:
        yield from _in_order(pool, batches, in_flight=workers)


def _process_context() -> BaseContext:
    """Fork where it is safe (Linux, one thread): nothing is imported again and the caller
    needs no ``__main__`` guard. Elsewhere spawn, which needs that guard (and
    `multiprocessing.freeze_support()` in a frozen build)."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _in_order(pool: Executor, batches: Iterator[Batch],
              in_flight: int) -> Iterator[tuple[list[Packed], Batch]]:
    """Results in order, with only a few chunks made ahead."""
    pending: deque[tuple[Future[list[Packed]], Batch]] = deque()
    for batch in batches:
        pending.append((pool.submit(produce, batch.job), batch))
        if len(pending) > in_flight:
            future, ready = pending.popleft()
            yield future.result(), ready
    while pending:
        future, ready = pending.popleft()
        yield future.result(), ready
