"""Random but valid answers for any service, generated from its declarations alone.

The demo centre, the benchmarks and the tests need many applications that look like what an
officer types at the counter. Reading the field declarations (types, bounds, patterns, `when`
conditions and cross-field rules) instead of writing per-service code means a new service gets
sample data for free, and a sample that `validate_answers` rejects points straight at a mistake
in either this generator or the declaration.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

from khidmat_desk.core.catalogue import all_services
from khidmat_desk.core.fields import Service
from khidmat_desk.core.samples.dates import Clock
from khidmat_desk.core.samples.generator import Generator
from khidmat_desk.core.samples.people import (
    Citizen,
    Name,
    NamePool,
    citizen_from,
    person_prefix,
    random_citizen,
)


def sample_answers(service: Service, rng: random.Random, *, today: date, names: NamePool,
                   now: datetime | None = None, home_district: str | None = None,
                   citizen: Citizen | None = None, as_typed: bool = True) -> dict[str, Any]:
    """Answers that pass ``validate_answers(service, answers, today=today, now=now)``.

    With `as_typed` they read as typed at the counter (CNIC with dashes, "0300-1234567",
    "Rs 1,500", dates day-first or ISO); without it they are already in the stored form that
    validation returns, which lets bulk tools check a sample instead of every record.
    `now` (naive local time) defaults to the start of `today`, so the answers hold all that
    day. `home_district` is favoured for districts; `citizen` is reused as the main person.
    """
    clock = Clock(today, now or datetime.combine(today, time.min))
    generator = Generator(service, rng, clock, names, home_district=home_district,
                          citizen=citizen, as_typed=as_typed)
    return generator.run()


def sample_answers_for_all(rng: random.Random, today: date, *,
                           names: NamePool | None = None) -> dict[str, dict[str, Any]]:
    """One set of answers per service, keyed by service code."""
    pool = names or NamePool.load()
    return {s.code: sample_answers(s, rng, today=today, names=pool) for s in all_services()}


def primary_citizen(service: Service, answers: Mapping[str, Any]) -> Citizen | None:
    """The main person of generated answers, to bring back later as a returning visitor."""
    return citizen_from(answers, service.primary_prefix)


__all__ = ["Citizen", "Name", "NamePool", "person_prefix", "primary_citizen", "random_citizen",
           "sample_answers", "sample_answers_for_all"]
