"""Evaluating the declared `when` conditions against answers, and resolving relative bounds."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from khidmat_desk.core.fields import AllOf, AnyOf, Condition, When


def lookup(key: str, answers: Mapping[str, Any], item: Mapping[str, Any] | None = None) -> Any:
    """A sibling in the current group item wins over a top-level answer of the same name."""
    if item is not None and key in item:
        return item[key]
    return answers.get(key)


def holds(
    condition: Condition | None,
    answers: Mapping[str, Any],
    item: Mapping[str, Any] | None = None,
) -> bool:
    if condition is None:
        return True
    if isinstance(condition, AllOf):
        return all(holds(c, answers, item) for c in condition.conditions)
    if isinstance(condition, AnyOf):
        return any(holds(c, answers, item) for c in condition.conditions)
    return _compare(condition, lookup(condition.field, answers, item))


def _compare(cond: When, actual: Any) -> bool:
    op, expected = cond.op, cond.value
    if op == "eq":
        return bool(actual == expected)
    if op == "ne":
        return bool(actual != expected)
    if op == "in":
        return actual in expected
    if op == "not_in":
        return actual not in expected
    if op == "truthy":
        return bool(actual)
    if op == "falsy":
        return not actual
    chosen = actual if isinstance(actual, list | tuple) else ()
    if op == "contains":
        return expected in chosen
    if op == "contains_any":
        return any(value in chosen for value in expected)
    raise ValueError(f"unknown condition operator '{op}'")


#: A condition made into a function of the answers and the current group item (if any).
Test = Callable[[Mapping[str, Any], Mapping[str, Any] | None], bool]


def compile_condition(condition: Condition) -> Test:
    """`holds` of this condition as a function, worked out once: what `holds` decides, and
    the same error for an operator it does not know, raised when it is evaluated."""
    if isinstance(condition, AllOf):
        parts = tuple(compile_condition(c) for c in condition.conditions)
        return lambda answers, item: all(part(answers, item) for part in parts)
    if isinstance(condition, AnyOf):
        choices = tuple(compile_condition(c) for c in condition.conditions)
        return lambda answers, item: any(part(answers, item) for part in choices)
    key, op, expected = condition.field, condition.op, condition.value
    if op not in ("eq", "ne", "in", "not_in", "truthy", "falsy"):
        return lambda answers, item: _compare(condition, lookup(key, answers, item))
    if op == "eq":
        def test(answers: Mapping[str, Any], item: Mapping[str, Any] | None) -> bool:
            actual = item[key] if item is not None and key in item else answers.get(key)
            return bool(actual == expected)
    elif op == "ne":
        def test(answers: Mapping[str, Any], item: Mapping[str, Any] | None) -> bool:
            actual = item[key] if item is not None and key in item else answers.get(key)
            return bool(actual != expected)
    elif op == "in":
        def test(answers: Mapping[str, Any], item: Mapping[str, Any] | None) -> bool:
            return (item[key] if item is not None and key in item
                    else answers.get(key)) in expected
    elif op == "not_in":
        def test(answers: Mapping[str, Any], item: Mapping[str, Any] | None) -> bool:
            return (item[key] if item is not None and key in item
                    else answers.get(key)) not in expected
    elif op == "truthy":
        def test(answers: Mapping[str, Any], item: Mapping[str, Any] | None) -> bool:
            return bool(item[key] if item is not None and key in item else answers.get(key))
    else:
        def test(answers: Mapping[str, Any], item: Mapping[str, Any] | None) -> bool:
            return not (item[key] if item is not None and key in item else answers.get(key))
    return test


def referenced_fields(condition: Condition | None) -> set[str]:
    if condition is None:
        return set()
    if isinstance(condition, When):
        return {condition.field}
    return set().union(*(referenced_fields(c) for c in condition.conditions))


_RELATIVE = re.compile(r"^(today|now)(?:([+-])(\d+)([dmy]))?$")


def resolve_date_bound(bound: object, today: date) -> date | None:
    """``today``, ``today-120y``, ``today+30d``, ``today-6m`` or an ISO date."""
    if bound is None:
        return None
    text = str(bound)
    match = _RELATIVE.match(text)
    if not match:
        return date.fromisoformat(text)
    _, sign, amount, unit = match.groups()
    if not sign:
        return today
    n = int(amount) * (1 if sign == "+" else -1)
    if unit == "d":
        return today + timedelta(days=n)
    months = n * (12 if unit == "y" else 1)
    return _add_months(today, months)


_YEAR_BOUND = re.compile(r"^year([+-]\d{1,3})?$")


def resolve_int_bound(bound: object, today: date) -> int | None:
    """A number, or ``year`` / ``year+1`` / ``year-100``: relative to the centre's year (the
    newest model year a vehicle can have is next year's)."""
    if bound is None:
        return None
    if isinstance(bound, str) and (match := _YEAR_BOUND.match(bound)):
        return today.year + int(match.group(1) or 0)
    if isinstance(bound, int | str):
        return int(bound)
    raise TypeError(f"{bound!r} is not a whole-number bound")


def resolve_datetime_bound(bound: object, now: datetime, *, upper: bool) -> datetime | None:
    """Date bounds widen to the whole day; ``now`` is the moment itself."""
    if bound is None:
        return None
    if str(bound) == "now":
        return now
    day = resolve_date_bound(bound, now.date())
    assert day is not None
    return datetime.combine(day, time.max if upper else time.min)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(f"cannot shift {day} by {months} months")
