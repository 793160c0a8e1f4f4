"""Validation through per-service plans gives exactly what reading the declarations afresh on
every call gave: the same answers, issues (messages, levels, templates) and applicable fields,
for every service's sample answers as typed and as stored, and for those answers spoiled."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from khidmat_desk.core.catalogue import SERVICE_CODES, get_service
from khidmat_desk.core.conditions import compile_condition, holds, referenced_fields
from khidmat_desk.core.fields import AllOf, AnyOf, Field, FieldType, Service, When
from khidmat_desk.core.samples import NamePool, sample_answers
from khidmat_desk.core.validation import validate_answers
from tests.validation_reference import validate_answers as reference

TODAY = date(2025, 11, 23)
NOW = datetime(2025, 11, 23, 14, 30)
SAMPLES = 25

#: What an officer, a scanner or a broken import may put in any box.
SPOILERS: tuple[Any, ...] = (
    None, "", "   ", "x", "??", "12", 0, 1, -5, 3.5, True, False, [], {}, ["a"], [{}],
    "2025-13-40", "31-12-1850", "01-01-2100", "35202-1234567-1", "0300-1234567", "a\x00b",
    "محمد", "Lahore", "lahore", "yes", "no", "A" * 300, "1,500", "Rs 2,000",
)


@pytest.fixture(scope="module")
def names() -> NamePool:
    return NamePool.load()


def _same(service: Service, answers: Any, today: date, now: datetime) -> None:
    fast = validate_answers(service, answers, today=today, now=now)
    slow = reference(service, answers, today=today, now=now)
    assert fast.answers == slow.answers, answers
    assert fast.issues == slow.issues, answers
    assert fast.applicable == slow.applicable, answers


def _other_value(service: Service, field: Field, rng: random.Random) -> Any:
    """A value for ``field``: a spoiler, another option of its own, or another field's."""
    roll = rng.random()
    if field.options and roll < 0.4:
        return rng.choice([o.value for o in field.options])
    if field.type is FieldType.BOOLEAN and roll < 0.6:
        return rng.choice((True, False, "yes", "no"))
    return rng.choice(SPOILERS)


def _spoil(service: Service, answers: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    spoiled = dict(answers)
    fields = service.all_fields()
    for _ in range(rng.randint(1, 4)):
        f = rng.choice(fields)
        roll = rng.random()
        if roll < 0.15:
            spoiled.pop(f.key, None)
        elif f.type is FieldType.GROUP and isinstance(spoiled.get(f.key), list) and roll < 0.8:
            rows = [dict(row) for row in spoiled[f.key]]
            if rows and f.fields:
                row = rng.choice(rows)
                member = rng.choice(f.fields)
                row[member.key] = _other_value(service, member, rng)
                if rng.random() < 0.2:
                    row["not_a_column"] = "x"
            elif rng.random() < 0.5:
                rows.append({})
            spoiled[f.key] = rows
        else:
            spoiled[f.key] = _other_value(service, f, rng)
    if rng.random() < 0.1:
        spoiled["not_a_field"] = "x"
    return spoiled


@pytest.mark.parametrize("code", SERVICE_CODES)
def test_plans_judge_every_sample_as_before(code: str, names: NamePool) -> None:
    service, rng = get_service(code), random.Random(f"plans-{code}")
    for index in range(SAMPLES):
        today = TODAY + timedelta(days=index * 37)
        now = datetime.combine(today, NOW.time())
        for as_typed in (True, False):
            answers = sample_answers(service, rng, today=today, names=names, now=now,
                                     as_typed=as_typed)
            _same(service, answers, today, now)
            for _ in range(4):
                _same(service, _spoil(service, answers, rng), today, now)


def test_plans_judge_what_is_not_answers_as_before() -> None:
    service = get_service(SERVICE_CODES[0])
    for answers in (None, [], "text", 5):
        _same(service, answers, TODAY, NOW)


def _conditions() -> list[Any]:
    found: list[Any] = []
    for code in SERVICE_CODES:
        service = get_service(code)
        for f in service.all_fields():
            found += [c for c in (f.when, *(m.when for m in f.fields)) if c is not None]
        found += [d.when for d in service.documents if d.when is not None]
    return found


def test_compiled_conditions_decide_as_holds_does() -> None:
    rng = random.Random(7)
    conditions = _conditions()
    assert {c.op for c in conditions if isinstance(c, When)} >= {"eq", "in", "truthy"}
    conditions += [When("x", op, value) for op, value in (
        ("eq", "a"), ("ne", "a"), ("in", ("a", "b")), ("not_in", ("a",)), ("truthy", None),
        ("falsy", None), ("contains", "a"), ("contains_any", ("a", "c")))]
    conditions += [AllOf((When("x", "eq", "a"), When("y", "truthy", None))),
                   AnyOf((When("x", "falsy", None), When("y", "in", ("b",))))]
    values = (None, "", "a", "b", 0, 1, True, False, ["a"], ("c", "b"), [])
    for condition in conditions:
        keys = sorted(referenced_fields(condition) | {"x", "y"})
        test = compile_condition(condition)
        for _ in range(40):
            answers = {k: rng.choice(values) for k in keys if rng.random() < 0.8}
            item = rng.choice([None, {}, {k: rng.choice(values) for k in keys
                                          if rng.random() < 0.5}])
            assert test(answers, item) == holds(condition, answers, item), (condition, answers,
                                                                             item)
    unknown = compile_condition(When("x", "sounds_like", "a"))
    with pytest.raises(ValueError, match="unknown condition operator 'sounds_like'"):
        unknown({"x": "a"}, None)
