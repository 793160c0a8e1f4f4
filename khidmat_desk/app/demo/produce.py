"""Making one chunk of demo applications: answers, and every row they lead to.

A chunk is a plain, picklable job, so it can be made in a worker process while the parent
writes the previous one. Answers are generated in their stored form; every `check_every`-th
set is run through `validate_answers` (the judge of every save) and must come back valid and
unchanged. Validating every set would add about 40% to the time of a large demo (some
350 microseconds each, measured), and the generator's own tests validate thousands of samples
of every service in both forms.
"""

from __future__ import annotations

import gc
import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from khidmat_desk.app.demo.story import Intake, Person, Record, Setting, tell
from khidmat_desk.app.demo.wire import Packed, pack
from khidmat_desk.core.catalogue import get_service, quote_fee
from khidmat_desk.core.conditions import holds
from khidmat_desk.core.fields import Service
from khidmat_desk.core.records import applicant_profile, display_name, search_keys
from khidmat_desk.core.samples import NamePool, random_citizen, sample_answers
from khidmat_desk.core.validation import validate_answers

#: Keeps the seeds of chunks (positive) and of citizens (negative) of one demo apart from
#: another demo's.
_SEED_STRIDE = 10**9
#: Chance that an optional document on the checklist was brought.
OPTIONAL_DOCUMENT_BROUGHT = 0.5


class DemoDataError(RuntimeError):
    """Generated answers failed validation: a fault in the generator or a declaration."""


@dataclass(frozen=True)
class Spec:
    """One planned application."""

    service_code: str
    local: datetime  # centre-local moment of submission
    citizen: int  # number of the person applying (a returning citizen keeps theirs)
    counter: int
    tracking_number: str
    token_no: str | None


@dataclass(frozen=True)
class Job:
    seed: int
    number: int
    setting: Setting
    home_district: str
    citizens_born_before: date
    officers: dict[int, Person]  # by counter
    specs: tuple[Spec, ...]
    first_index: int
    check_every: int
    dialect: str  # the database's: on SQLite values travel already converted


@contextmanager
def few_collections() -> Iterator[None]:
    """Bulk work makes millions of short-lived objects and holds many long-lived ones, so
    Python's cycle collector would scan the same objects again and again: it is paused
    (nothing here makes reference cycles worth the memory)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def produce(job: Job) -> list[Packed]:
    """The chunk's records, packed for the writer (see `wire`)."""
    with few_collections():
        converted = job.dialect == "sqlite"
        return [pack(record, converted=converted) for record in _produce(job)]


def _produce(job: Job) -> list[Record]:
    rng = random.Random(job.seed * _SEED_STRIDE + job.number)
    ids = random.SystemRandom()  # record UUIDs differ even between demos of the same seed
    pool = NamePool.load()
    records = []
    for offset, spec in enumerate(job.specs):
        service = get_service(spec.service_code)
        citizen = random_citizen(random.Random(-(job.seed * _SEED_STRIDE + spec.citizen)), pool,
                                 today=job.citizens_born_before, home_district=job.home_district)
        answers = sample_answers(service, rng, today=spec.local.date(), now=spec.local,
                                 names=pool, home_district=job.home_district, citizen=citizen,
                                 as_typed=False)
        checked = (job.first_index + offset) % job.check_every == 0
        if checked:
            _check(service, answers, spec.local)
        intake = _intake(service, spec, answers, job.officers[spec.counter], rng, job)
        records.append(tell(intake, job.setting, rng, ids, checked))
    return records


def _check(service: Service, answers: dict[str, Any], local: datetime) -> None:
    result = validate_answers(service, answers, today=local.date(), now=local)
    if not result.ok or result.answers != answers:
        problems = "; ".join(str(i) for i in result.errors) or "the stored form differs"
        raise DemoDataError(f"generated {service.code} answers do not validate: {problems}")


def _intake(service: Service, spec: Spec, answers: dict[str, Any], officer: Person,
            rng: random.Random, job: Job) -> Intake:
    quote = quote_fee(service, answers, job.setting.tariff)
    documents = [{"key": d.key, "label": d.label} for d in service.documents
                 if holds(d.when, answers)
                 and (d.required or rng.random() < OPTIONAL_DOCUMENT_BROUGHT)]
    return Intake(
        service=service, local=spec.local, answers=answers, officer=officer,
        counter=spec.counter, tracking_number=spec.tracking_number, token_no=spec.token_no,
        name=display_name(service, answers), keys=search_keys(service, answers),
        profile=applicant_profile(service, answers), fee_total=quote.total,
        fee_items=[{"key": i.key, "label": i.label, "amount": i.amount} for i in quote.items],
        documents=documents)
