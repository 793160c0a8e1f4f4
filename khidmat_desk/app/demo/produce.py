"""The answers and everything derived from them for one chunk of demo applications.

A chunk is a plain, picklable job, so it can be made in a worker process while the parent
writes the previous chunk. Answers are generated in their stored form; every
`check_every`-th one is run through `validate_answers` (the judge of every save) and must come
back valid and unchanged. Validating all of them would triple the time of a large demo, and the
generator's own tests validate thousands of samples per service.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from khidmat_desk.core.catalogue import Tariff, get_service, quote_fee
from khidmat_desk.core.conditions import holds
from khidmat_desk.core.fields import Service
from khidmat_desk.core.records import (
    ApplicantProfile,
    applicant_profile,
    display_name,
    search_keys,
)
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
class Job:
    """One chunk: what to make, and from which seed."""

    seed: int
    number: int
    home_district: str
    citizens_born_before: date
    specs: tuple[tuple[str, datetime, int], ...]  # (service code, local moment, citizen no.)
    check_every: int
    first_index: int
    tariff: Tariff


@dataclass(frozen=True)
class Produced:
    """One application's content, ready to be numbered and written."""

    service_code: str
    local: datetime
    answers: dict[str, Any]
    keys: list[tuple[str, str]]
    profile: ApplicantProfile | None
    name: str
    fee_total: int
    fee_items: list[dict[str, Any]]
    documents: list[dict[str, str]]
    checked: bool


def produce(job: Job) -> list[Produced]:
    rng = random.Random(job.seed * _SEED_STRIDE + job.number)
    pool = NamePool.load()
    out = []
    for offset, (code, local, citizen_no) in enumerate(job.specs):
        service = get_service(code)
        citizen = random_citizen(random.Random(-(job.seed * _SEED_STRIDE + citizen_no)), pool,
                                 today=job.citizens_born_before, home_district=job.home_district)
        answers = sample_answers(service, rng, today=local.date(), now=local, names=pool,
                                 home_district=job.home_district, citizen=citizen,
                                 as_typed=False)
        checked = (job.first_index + offset) % job.check_every == 0
        if checked:
            _check(service, answers, local)
        out.append(_derive(service, local, answers, rng, job.tariff, checked))
    return out


def _check(service: Service, answers: dict[str, Any], local: datetime) -> None:
    result = validate_answers(service, answers, today=local.date(), now=local)
    if not result.ok or result.answers != answers:
        problems = "; ".join(str(i) for i in result.errors) or "stored form differs"
        raise DemoDataError(f"generated {service.code} answers do not validate: {problems}")


def _derive(service: Service, local: datetime, answers: dict[str, Any], rng: random.Random,
            tariff: Tariff, checked: bool) -> Produced:
    quote = quote_fee(service, answers, tariff)
    documents = [{"key": d.key, "label": d.label} for d in service.documents
                 if holds(d.when, answers)
                 and (d.required or rng.random() < OPTIONAL_DOCUMENT_BROUGHT)]
    return Produced(
        service_code=service.code, local=local, answers=answers,
        keys=search_keys(service, answers), profile=applicant_profile(service, answers),
        name=display_name(service, answers), fee_total=quote.total,
        fee_items=[{"key": i.key, "label": i.label, "amount": i.amount} for i in quote.items],
        documents=documents, checked=checked)
