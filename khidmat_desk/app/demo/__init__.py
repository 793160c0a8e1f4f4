"""A realistic synthetic centre: staff, counters and months of applications, made in bulk.

``khidmat-desk demo`` calls `build_demo` to give trainers, testers and the benchmarks a
counter that looks lived in: a Liberty-Market-style Lahore centre whose applications arrive
between 08:00 and 20:00, more on weekdays, in the proportions real centres see, move along the
workflow as the days pass, and carry everything a real save writes (payment, documents,
status history, applicant, search keys, audit chain, outbox). Everything in it is invented.

This process plans (arrival, service, counter, tracking number), worker processes make the
records (`produce`), and this process writes them (`bulk`) a chunk at a time, one statement
per table per chunk, so memory stays flat and 100,000 applications take under a minute.
"""

from __future__ import annotations

import logging
import math
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select, update

from khidmat_desk.app.demo import plan
from khidmat_desk.app.demo.bulk import BulkWriter, Tally
from khidmat_desk.app.demo.produce import DemoDataError, Job, Spec, few_collections
from khidmat_desk.app.demo.running import Batch, made, worker_count, write_all
from khidmat_desk.app.demo.setup import (
    DEMO_IN_CHARGE,
    DEMO_IN_CHARGE_PASSWORD,
    DEMO_OFFICER_PASSWORD,
    DEMO_VERIFIER,
    DEMO_VERIFIER_PASSWORD,
    Staff,
    ensure_centre,
    officer_username,
)
from khidmat_desk.app.demo.story import Person, Setting
from khidmat_desk.auth.users import UserInfo
from khidmat_desk.core import clock
from khidmat_desk.core.catalogue import Tariff, load_tariff
from khidmat_desk.core.tracking import make_tracking_number
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import CounterSequence, User
from khidmat_desk.store.sequences import MAX_DAILY_SEQUENCE

log = logging.getLogger("khidmat.demo")

DEMO_CENTRE_CODE = "LHR01"
DEMO_CENTRE_NAME = "Police Khidmat Markaz, Liberty Market, Lahore"
DEMO_DISTRICT = "Lahore"
DEFAULT_COUNTERS = 4
#: Sign-in details of the demo accounts (officer N works at counter N).
DEMO_PASSWORDS: dict[str, str] = {
    DEMO_IN_CHARGE: DEMO_IN_CHARGE_PASSWORD,
    DEMO_VERIFIER: DEMO_VERIFIER_PASSWORD,
    **{officer_username(n): DEMO_OFFICER_PASSWORD for n in range(1, DEFAULT_COUNTERS + 1)},
}
#: Visitors who took a token from the queue machine.
TOKEN_SHARE = 0.8
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
                f"by returning citizens, {self.outbox_entries:,} versions waiting to be sent)")


@dataclass(frozen=True)
class _Plan:
    seed: int
    district: str
    now_local: datetime
    days: list[date]
    windows: list[tuple[datetime, datetime]]
    counts: list[int]
    counters: int
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
    `check_every`-th answer set is re-validated. About `repeat_share` of the visits are by
    citizens who came before. `workers` processes make the records (default: none for a
    small demo, up to three for a large one). More counters are opened when a day would pass
    the 9,999 daily numbers of a counter.
    """
    _check_arguments(applications, days, chunk_size, check_every, repeat_share)
    started = time.perf_counter()
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    the_plan = _make_plan(applications, days, seed, district, counters, moment, repeat_share,
                          check_every, chunk_size)
    staff = ensure_centre(db, code=centre_code, name=centre_name, district=district,
                          counters=the_plan.counters, at=_opening_of(the_plan, moment))
    since = unsent_since or _aware(datetime.combine(the_plan.now_local.date(),
                                                    datetime.min.time()))
    setting = Setting(centre_code, tariff or load_tariff(), _person(staff.in_charge),
                      the_plan.now_local, since, _person(staff.verifier))
    dialect = db.engine.dialect.name
    writer = BulkWriter(centre_code, moment, converted=dialect == "sqlite")
    _sign_ins(writer, staff, the_plan)
    with few_collections():
        batches = _batches(the_plan, setting, staff, _sequences(db, centre_code, the_plan),
                           dialect)
        write_all(db, writer, batches, worker_count(workers, applications))
    _remember_last_logins(db, writer.tally)
    return _summary(centre_code, the_plan, writer.tally, applications, started)


def _check_arguments(applications: int, days: int, chunk_size: int, check_every: int,
                     repeat_share: float) -> None:
    if applications < 0 or days < 1 or chunk_size < 1 or check_every < 1:
        raise ValueError("applications must be 0 or more; days, chunk size and check interval "
                         "1 or more")
    if not 0 <= repeat_share < 1:
        raise ValueError("the share of returning citizens must be from 0 to below 1")


def _make_plan(applications: int, days: int, seed: int, district: str, counters: int,
               moment: datetime, repeat_share: float, check_every: int,
               chunk_size: int) -> _Plan:
    now_local = plan.to_local(moment, clock.centre_zone())
    day_list = plan.local_days(now_local, days)
    windows = [plan.opening_window(d, now_local) for d in day_list]
    today_share = (windows[-1][1] - windows[-1][0]) / timedelta(hours=len(plan.HOUR_WEIGHT))
    counts = plan.day_counts(applications, day_list, today_share)
    counters = max(counters, math.ceil(max(counts, default=0) / _COUNTER_LOAD))
    return _Plan(seed, district, now_local, day_list, windows, counts, counters, repeat_share,
                 check_every, chunk_size)


def _aware(local: datetime) -> datetime:
    return clock.from_wall(local)


def _opening_of(the_plan: _Plan, moment: datetime) -> datetime:
    """When the staff accounts were made: before the first day's opening."""
    return min(moment, _aware(the_plan.windows[0][0] - timedelta(hours=1)))


def _person(user: UserInfo) -> Person:
    return Person(user.id, user.username)


def _sign_ins(writer: BulkWriter, staff: Staff, the_plan: _Plan) -> None:
    """Everyone signs in shortly before opening on each day the centre worked."""
    rng = random.Random(f"{the_plan.seed}:sign-in")
    for (start, _end), count in zip(the_plan.windows, the_plan.counts, strict=True):
        if count:
            for user in (*staff.officers.values(), staff.verifier, staff.in_charge):
                at = start - timedelta(minutes=rng.randint(2, 25))
                writer.log_in(_person(user), _aware(at))


def _sequences(db: Database, centre_code: str, the_plan: _Plan) -> dict[tuple[int, date], int]:
    """Daily numbers already taken on these days (the demo continues them, as a save would)."""
    table = CounterSequence.__table__
    with db.read() as session:
        rows = session.execute(select(table.c.counter, table.c.day, table.c.last_value).where(
            table.c.centre_code == centre_code, table.c.day >= the_plan.days[0]))
        return {(row.counter, row.day): row.last_value for row in rows}


def _batches(the_plan: _Plan, setting: Setting, staff: Staff,
             sequences: dict[tuple[int, date], int], dialect: str) -> Iterator[Batch]:
    """The applications to make, chunk by chunk, with each counter's daily sequence numbers
    as they stand after the chunk."""
    rng = random.Random(f"{the_plan.seed}:plan")
    officers = {n: _person(user) for n, user in staff.officers.items()}
    specs: list[Spec] = []
    tokens: dict[date, int] = {}
    citizens, number, first_index = 0, 0, 0
    for window, count in zip(the_plan.windows, the_plan.counts, strict=True):
        for code, local in zip(plan.pick_services(rng, count), plan.arrivals(rng, count, window),
                               strict=True):
            returning = citizens > 0 and rng.random() < the_plan.repeat_share
            citizen = rng.randrange(citizens) if returning else citizens
            citizens += not returning
            specs.append(_spec(rng, code, local, citizen, the_plan.counters, sequences, tokens,
                               setting.centre_code))
            if len(specs) == the_plan.chunk_size:
                yield _batch(the_plan, setting, officers, (number, first_index), specs,
                             sequences, dialect)
                number, first_index, specs = number + 1, first_index + len(specs), []
    if specs:
        yield _batch(the_plan, setting, officers, (number, first_index), specs, sequences,
                     dialect)


def _spec(rng: random.Random, code: str, local: datetime, citizen: int, counters: int,
          sequences: dict[tuple[int, date], int], tokens: dict[date, int],
          centre_code: str) -> Spec:
    counter, day = rng.randint(1, counters), local.date()
    sequence = sequences[(counter, day)] = sequences.get((counter, day), 0) + 1
    if sequence > MAX_DAILY_SEQUENCE:
        raise ValueError(f"counter {counter} would pass {MAX_DAILY_SEQUENCE} applications on "
                         f"{day}; use more counters or more days")
    tokens[day] = tokens.get(day, 0) + 1
    token = str(tokens[day]) if rng.random() < TOKEN_SHARE else None
    tracking = str(make_tracking_number(centre_code, day, counter, sequence))
    return Spec(code, local, citizen, counter, tracking, token)


def _batch(the_plan: _Plan, setting: Setting, officers: dict[int, Person],
           place: tuple[int, int], specs: list[Spec], sequences: dict[tuple[int, date], int],
           dialect: str) -> Batch:
    """Chunk number `place[0]`, whose first application is the `place[1]`-th of the demo."""
    touched = {(s.counter, s.local.date()) for s in specs}
    job = Job(seed=the_plan.seed, number=place[0], setting=setting,
              home_district=the_plan.district, citizens_born_before=the_plan.now_local.date(),
              officers=officers, specs=tuple(specs), first_index=place[1],
              check_every=the_plan.check_every, dialect=dialect)
    return Batch(job, {key: sequences[key] for key in touched})


def _remember_last_logins(db: Database, tally: Tally) -> None:
    if not tally.last_login:
        return
    with db.write() as session:
        for user_id, at in tally.last_login.items():
            session.execute(update(User).where(User.id == user_id).values(last_login_at=at))


def _summary(centre_code: str, the_plan: _Plan, tally: Tally, applications: int,
             started: float) -> DemoSummary:
    summary = DemoSummary(
        centre_code=centre_code, applications=made(tally), days=len(the_plan.days),
        counters=the_plan.counters, by_service=dict(tally.by_service),
        by_status=dict(tally.by_status), returning_applicants=tally.returning,
        audit_events=tally.audit_events, outbox_entries=tally.outbox_entries,
        validated=tally.validated, seconds=time.perf_counter() - started)
    if summary.applications != applications:
        raise RuntimeError(f"the demo made {summary.applications} of {applications} "
                           "applications")
    log.info("demo centre ready: %s in %.1f s", summary, summary.seconds)
    return summary
