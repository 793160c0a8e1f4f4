"""A realistic synthetic centre: staff, counters and months of applications, made in bulk.

``khidmat-desk demo`` calls `build_demo` to give trainers, testers and the benchmarks a
counter that looks lived in: a Liberty-Market-style Lahore centre whose applications arrive
on weekdays between 08:00 and 20:00 in the proportions real centres see, move along the
workflow as the days pass, and carry everything a real save writes (payment, documents,
status history, applicant, search keys, audit chain, outbox). Everything in it is invented.

Answers are made in a worker process while this one writes the previous chunk, and written
with one statement per table per chunk of `chunk_size` applications, so memory stays flat
and 100,000 applications take well under a minute.
"""

from __future__ import annotations

import logging
import math
import multiprocessing
import random
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from multiprocessing.context import BaseContext

from sqlalchemy import Connection, update

from khidmat_desk.app.applications import CENTRE_TIME
from khidmat_desk.app.demo import plan
from khidmat_desk.app.demo.bulk import BulkWriter, Tally
from khidmat_desk.app.demo.produce import DemoDataError, Job, Produced, produce
from khidmat_desk.app.demo.setup import (
    DEMO_IN_CHARGE,
    DEMO_IN_CHARGE_PASSWORD,
    DEMO_OFFICER_PASSWORD,
    Staff,
    ensure_centre,
    officer_username,
)
from khidmat_desk.core.catalogue import Tariff, load_tariff
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import User
from khidmat_desk.store.sequences import MAX_DAILY_SEQUENCE

log = logging.getLogger("khidmat.demo")

DEMO_CENTRE_CODE = "LHR01"
DEMO_CENTRE_NAME = "Police Khidmat Markaz, Liberty Market, Lahore"
DEMO_DISTRICT = "Lahore"
DEFAULT_COUNTERS = 4
#: Sign-in details of the demo accounts (officer N works at counter N).
DEMO_PASSWORDS: dict[str, str] = {
    DEMO_IN_CHARGE: DEMO_IN_CHARGE_PASSWORD,
    **{officer_username(n): DEMO_OFFICER_PASSWORD for n in range(1, DEFAULT_COUNTERS + 1)},
}
#: Above this many applications a worker process makes the answers.
PARALLEL_FROM = 20_000
#: SQLite page cache while writing a chunk, in KiB.
BULK_CACHE_KIB = 128 * 1024
#: Headroom below the daily sequence limit, since counters are picked at random.
_COUNTER_LOAD = MAX_DAILY_SEQUENCE * 0.9

__all__ = ["DEMO_CENTRE_CODE", "DEMO_PASSWORDS", "DemoDataError", "DemoSummary", "build_demo"]


@dataclass(frozen=True)
class DemoSummary:
    centre_code: str
    applications: int
    days: int
    counters: int
    by_service: dict[str, int]
    by_status: dict[str, int]
    returning_applicants: int
    audit_events: int
    outbox_entries: int
    validated: int
    seconds: float

    def __str__(self) -> str:
        return (f"{self.applications:,} applications over {self.days} days at "
                f"{self.centre_code} ({self.counters} counters, {self.returning_applicants:,} "
                f"by returning citizens, {self.outbox_entries:,} waiting to be sent)")


@dataclass(frozen=True)
class _Settings:
    seed: int
    centre_code: str
    district: str
    now: datetime
    tariff: Tariff
    repeat_share: float
    check_every: int
    chunk_size: int


def build_demo(db: Database, *, applications: int, days: int, seed: int,
               centre_code: str = DEMO_CENTRE_CODE, centre_name: str = DEMO_CENTRE_NAME,
               district: str = DEMO_DISTRICT, counters: int = DEFAULT_COUNTERS,
               now: datetime | None = None, tariff: Tariff | None = None,
               repeat_share: float = 0.10, check_every: int = 20, chunk_size: int = 5000,
               unsent_since: datetime | None = None, workers: int | None = None) -> DemoSummary:
    """Add `applications` applications over the last `days` days (today included) to the
    demo centre, creating the centre, its counters and its staff first if absent.

    `now` (aware; default the clock) ends the story. Versions made before `unsent_since`
    (default: the start of today, centre time) count as already acknowledged by the central
    server, as at a counter whose link works; later ones wait in the outbox. Every
    `check_every`-th answer set is re-validated. `workers` processes make the answers
    (default: one for large runs, none for small ones).
    """
    _check_arguments(applications, days, chunk_size, check_every, repeat_share)
    started = time.perf_counter()
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    now_local = plan.to_local(moment, CENTRE_TIME)
    settings = _Settings(seed, centre_code, district, moment, tariff or load_tariff(),
                         repeat_share, check_every, chunk_size)
    day_list = plan.local_days(now_local, days)
    windows = [plan.opening_window(d, now_local) for d in day_list]
    share = (windows[-1][1] - windows[-1][0]) / timedelta(hours=len(plan.HOUR_WEIGHT))
    counts = plan.day_counts(applications, day_list, share)
    counters = max(counters, math.ceil(max(counts, default=0) / _COUNTER_LOAD))
    first_moment = _aware(datetime.combine(day_list[0], datetime.min.time())
                          + timedelta(hours=7))
    staff = ensure_centre(db, code=centre_code, name=centre_name, district=district,
                          counters=counters, at=min(first_moment, moment))
    since = unsent_since or _aware(datetime.combine(now_local.date(), datetime.min.time()))
    writer = BulkWriter(centre_code=centre_code, staff=staff, tariff=settings.tariff,
                        now=moment, unsent_since=since, rng=random.Random(f"{seed}:write"))
    _sign_ins(writer, staff, list(zip(day_list, windows, counts, strict=True)), seed)
    jobs = _jobs(settings, list(zip(windows, counts, strict=True)), counters)
    _write_all(db, writer, jobs, _worker_count(workers, applications))
    _remember_last_logins(db, writer.tally)
    return _summary(settings, writer.tally, applications, days, counters, started)


def _check_arguments(applications: int, days: int, chunk_size: int, check_every: int,
                     repeat_share: float) -> None:
    if applications < 0 or days < 1 or chunk_size < 1 or check_every < 1:
        raise ValueError("applications must be 0 or more; days, chunk size and check interval "
                         "1 or more")
    if not 0 <= repeat_share < 1:
        raise ValueError("the share of returning citizens must be from 0 to below 1")


def _aware(local: datetime) -> datetime:
    return local.replace(tzinfo=CENTRE_TIME).astimezone(UTC)


def _worker_count(workers: int | None, applications: int) -> int:
    if workers is not None:
        return max(0, workers)
    return 1 if applications >= PARALLEL_FROM else 0


def _sign_ins(writer: BulkWriter, staff: Staff,
              days: list[tuple[date, tuple[datetime, datetime], int]], seed: int) -> None:
    """Everyone signs in shortly before opening on each day the centre worked."""
    rng = random.Random(f"{seed}:sign-in")
    for _, (start, _end), count in days:
        if count:
            for user in (*staff.officers.values(), staff.in_charge):
                at = start - timedelta(minutes=rng.randint(2, 25))
                writer.log_in(user, _aware(at))


def _jobs(settings: _Settings, days: list[tuple[tuple[datetime, datetime], int]],
          counters: int) -> Iterator[tuple[Job, list[int]]]:
    """The applications to make, chunk by chunk, each with the counter that takes it."""
    rng = random.Random(f"{settings.seed}:plan")
    specs: list[tuple[str, datetime, int]] = []
    desks: list[int] = []
    citizens, number, first_index = 0, 0, 0
    for window, count in days:
        moments = plan.arrivals(rng, count, window)
        for code, local in zip(plan.pick_services(rng, count), moments, strict=True):
            returning = citizens > 0 and rng.random() < settings.repeat_share
            who = rng.randrange(citizens) if returning else citizens
            citizens += not returning
            specs.append((code, local, who))
            desks.append(rng.randint(1, counters))
            if len(specs) == settings.chunk_size:
                yield _job(settings, number, first_index, specs), desks
                number, first_index, specs, desks = number + 1, first_index + len(specs), [], []
    if specs:
        yield _job(settings, number, first_index, specs), desks


def _job(settings: _Settings, number: int, first_index: int,
         specs: list[tuple[str, datetime, int]]) -> Job:
    return Job(seed=settings.seed, number=number, home_district=settings.district,
               citizens_born_before=plan.to_local(settings.now, CENTRE_TIME).date(),
               specs=tuple(specs), check_every=settings.check_every,
               first_index=first_index, tariff=settings.tariff)


def _write_all(db: Database, writer: BulkWriter, jobs: Iterator[tuple[Job, list[int]]],
               workers: int) -> None:
    """Write each chunk once the next one's first arrival is known (the chain's cut-off)."""
    previous: tuple[list[Produced], list[int]] | None = None
    for produced, desks in _produced(jobs, workers):
        if previous is not None:
            _write_chunk(db, writer, previous, _aware(produced[0].local))
        previous = (produced, desks)
        log.info("demo: %d applications made", sum(writer.tally.by_service.values()))
    _write_chunk(db, writer, previous or ([], []), None)


def _write_chunk(db: Database, writer: BulkWriter, chunk: tuple[list[Produced], list[int]],
                 until: datetime | None) -> None:
    with db.write() as session:
        connection = session.connection()
        with _large_cache(connection):
            writer.write_chunk(connection, list(zip(*chunk, strict=True)), until)


@contextmanager
def _large_cache(connection: Connection) -> Iterator[None]:
    """SQLite's default page cache (2 MB) makes index inserts into a growing file read the
    disk again and again; a bulk load gets a larger one for its own transactions only."""
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()
    connection.exec_driver_sql(f"PRAGMA cache_size={-BULK_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size={int(before)}")


def _produced(jobs: Iterator[tuple[Job, list[int]]],
              workers: int) -> Iterator[tuple[list[Produced], list[int]]]:
    if workers == 0:
        for job, desks in jobs:
            yield produce(job), desks
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=_process_context()) as pool:
        yield from _bounded(pool, jobs, in_flight=workers + 1)


def _process_context() -> BaseContext:
    """Fork where it is safe (Linux, one thread): nothing is imported again and no
    ``__main__`` guard is needed. Elsewhere spawn, which needs the caller's guard (and
    `multiprocessing.freeze_support()` in a frozen build)."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _bounded(pool: Executor, jobs: Iterator[tuple[Job, list[int]]],
             in_flight: int) -> Iterator[tuple[list[Produced], list[int]]]:
    """Results in order, with only a few chunks made ahead, so memory stays flat."""
    pending: deque[tuple[Future[list[Produced]], list[int]]] = deque()
    for job, desks in jobs:
        pending.append((pool.submit(produce, job), desks))
        if len(pending) > in_flight:
            future, ready_desks = pending.popleft()
            yield future.result(), ready_desks
    while pending:
        future, ready_desks = pending.popleft()
        yield future.result(), ready_desks


def _remember_last_logins(db: Database, tally: Tally) -> None:
    if not tally.last_login:
        return
    with db.write() as session:
        for user_id, at in tally.last_login.items():
            session.execute(update(User).where(User.id == user_id).values(last_login_at=at))


def _summary(settings: _Settings, tally: Tally, applications: int, days: int, counters: int,
             started: float) -> DemoSummary:
    summary = DemoSummary(
        centre_code=settings.centre_code, applications=applications, days=days,
        counters=counters, by_service=dict(tally.by_service), by_status=dict(tally.by_status),
        returning_applicants=tally.returning, audit_events=tally.audit_events,
        outbox_entries=tally.outbox_entries, validated=tally.validated,
        seconds=time.perf_counter() - started)
    log.info("demo centre ready: %s in %.1f s", summary, summary.seconds)
    return summary
