"""The range a sample date (or date-time) may be drawn from.

The hard range is what validation enforces: the field's own bounds, the ages an `AgeRange`
allows, and the order and distance `DateOrder` / `DateWithin` demand against answers already
made. Inside it a realistic range is preferred where the two overlap: incidents happened
lately, an agreement runs about a year, a period of residence starts after birth.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from khidmat_desk.core.conditions import holds, resolve_date_bound, resolve_datetime_bound
from khidmat_desk.core.fields import AgeRange, DateOrder, DateWithin, Different, Field, Service
from khidmat_desk.core.samples.scope import Scope

#: Ages given to a birth date that no rule constrains.
DEFAULT_AGES = (18, 70)
CHILD_AGES = (0, 17)
#: Events (incidents, losses, possession) mostly happened lately, not decades ago.
RECENT_PAST, NEAR_FUTURE = timedelta(days=730), timedelta(days=60)


@dataclass(frozen=True)
class RuleIndex:
    """A service's rules by the field they constrain, found once per service rather than
    once per sample value."""

    service: Service
    order: dict[tuple[str | None, str], tuple[DateOrder, ...]]  # by (group, start or end)
    within: dict[str, tuple[DateWithin, ...]]  # by field or other
    ages: dict[str, tuple[AgeRange, ...]]  # by birth-date field
    different: dict[str, tuple[str, ...]]  # the keys each key must differ from


_INDEXES: dict[int, RuleIndex] = {}


def rule_index(service: Service) -> RuleIndex:
    found = _INDEXES.get(id(service))
    if found is None or found.service is not service:
        order: dict[tuple[str | None, str], list[DateOrder]] = {}
        within: dict[str, list[DateWithin]] = {}
        ages: dict[str, list[AgeRange]] = {}
        different: dict[str, list[str]] = {}
        for rule in service.rules:
            if isinstance(rule, DateOrder):
                for key in (rule.start, rule.end):
                    order.setdefault((rule.group, key), []).append(rule)
            elif isinstance(rule, DateWithin):
                for key in (rule.field, rule.other):
                    within.setdefault(key, []).append(rule)
            elif isinstance(rule, AgeRange):
                ages.setdefault(rule.dob, []).append(rule)
            elif isinstance(rule, Different):
                different.setdefault(rule.first, []).append(rule.second)
                different.setdefault(rule.second, []).append(rule.first)
        found = _INDEXES[id(service)] = RuleIndex(
            service, {k: tuple(v) for k, v in order.items()},
            {k: tuple(v) for k, v in within.items()}, {k: tuple(v) for k, v in ages.items()},
            {k: tuple(v) for k, v in different.items()})
    return found


@lru_cache(maxsize=4096)
def date_bound(bound: str | int | None, today: date) -> date | None:
    """`resolve_date_bound`, remembered: the same few bounds are resolved for every sample."""
    return resolve_date_bound(bound, today)


@dataclass(frozen=True)
class Clock:
    """The day and moment the answers are made on (naive local time, as validation uses)."""

    today: date
    now: datetime


class DateWindow:
    def __init__(self, service: Service, clock: Clock, primary: str, f: Field,
                 scope: Scope) -> None:
        self.service, self.clock, self.primary, self.f, self.scope = (
            service, clock, primary, f, scope)
        self.low: list[tuple[datetime, bool]] = []  # (moment, strictly after it)
        self.high: list[tuple[datetime, bool]] = []
        self.after_start: datetime | None = None
        self.index = rule_index(service)
        for order in self.index.order.get((scope.group, f.key), ()):
            self._order(order)
        for within in self.index.within.get(f.key, ()) if scope.top is None else ():
            self._within(within)

    def _order(self, rule: DateOrder) -> None:
        values = self.scope.values
        if self.f.key == rule.end and rule.start in values:
            self.after_start = moment_of(values[rule.start])
            self.low.append((self.after_start, rule.strict))
        if self.f.key == rule.start and rule.end in values:
            self.high.append((moment_of(values[rule.end]), rule.strict))

    def _within(self, rule: DateWithin) -> None:
        values, key, least, most = self.scope.values, self.f.key, rule.min_days, rule.max_days
        if key == rule.field and rule.other in values:
            base, sign = moment_of(values[rule.other]), 1
        elif key == rule.other and rule.field in values:
            base, sign, least, most = moment_of(values[rule.field]), -1, most, least
        else:
            return
        if least is not None:
            self.low.append((base + sign * timedelta(days=least), False))
        if most is not None:
            self.high.append((base + sign * timedelta(days=most), False))

    def dates(self) -> tuple[date, date]:
        today = self.clock.today
        low = [d for d in (date_bound(self.f.min, today),) if d is not None]
        high = [d for d in (date_bound(self.f.max, today),) if d is not None]
        low += [_ceil_date(m, strict) for m, strict in self.low]
        high += [_floor_date(m, strict) for m, strict in self.high]
        ages = self._ages()
        if ages is not None:
            low.append(_years_before(today, ages[1] + 1) + timedelta(days=2))
            high.append(_years_before(today, ages[0]) - timedelta(days=1))
        window = _settle(max(low, default=None), min(high, default=None), today,
                         timedelta(days=365))
        return _prefer(window, self._realistic_dates())

    def moments(self) -> tuple[datetime, datetime]:
        now = self.clock.now
        low = [m for m in (resolve_datetime_bound(self.f.min, now, upper=False),) if m]
        high = [m for m in (resolve_datetime_bound(self.f.max, now, upper=True),) if m]
        low += [m + timedelta(minutes=1 if strict else 0) for m, strict in self.low]
        high += [m - timedelta(minutes=1 if strict else 0) for m, strict in self.high]
        start, end = max(low, default=None), min(high, default=None)
        start = _ceil_minute(start) if start is not None else None
        end = end.replace(second=0, microsecond=0) if end is not None else None
        anchor = now.replace(second=0, microsecond=0)
        window = _settle(start, end, anchor, timedelta(days=30))
        return _prefer(window, (anchor - timedelta(days=30), anchor))

    def _realistic_dates(self) -> tuple[date | None, date | None]:
        if self.f.key.endswith("date_of_birth"):
            return None, None
        if self.scope.top is not None:  # periods of residence begin after birth
            born = self.scope.top.get(self.primary + "date_of_birth")
            return (date.fromisoformat(born) if born else None), None
        if self.after_start is not None:  # an agreement or a licence runs about a year
            return self.after_start.date(), self.after_start.date() + timedelta(days=365)
        return self.clock.today - RECENT_PAST, self.clock.today + NEAR_FUTURE

    def _ages(self) -> tuple[int, int] | None:
        """Youngest and oldest allowed age, when this is somebody's birth date."""
        if not self.f.key.endswith("date_of_birth"):
            return None
        if self.scope.group is not None:
            return CHILD_AGES if "child" in self.scope.group else DEFAULT_AGES
        known = {**self.scope.choices, **self.scope.values}
        rules = [r for r in self.index.ages.get(self.f.key, ()) if holds(r.when, known)]
        least = max((r.min_years for r in rules if r.min_years is not None), default=None)
        most = min((r.max_years for r in rules if r.max_years is not None), default=None)
        youngest = least if least is not None else DEFAULT_AGES[0]
        oldest = most if most is not None else DEFAULT_AGES[1]
        if youngest > oldest:
            return (youngest, youngest + 40) if most is None else (max(0, oldest - 40), oldest)
        return youngest, oldest


def moment_of(value: str) -> datetime:
    """A stored date or date-time as a moment (a date is its midnight), as the rules read it."""
    return datetime.fromisoformat(value if "T" in value or " " in value else value + "T00:00")


def _settle(low: Any, high: Any, anchor: Any, span: timedelta) -> tuple[Any, Any]:
    """Fill in a missing end of a window: back from `anchor` (today or now), or forward from a
    lower bound that lies ahead of it (a follow-up date)."""
    if high is None:
        if low is None:
            high = anchor
        else:
            high = low + span if low >= anchor else min(anchor, low + span * 5)
    if low is None:
        low = high - span * 5
    return low, max(low, high)


def _prefer(window: tuple[Any, Any], realistic: tuple[Any, Any]) -> tuple[Any, Any]:
    """Narrow the allowed window to the realistic one where they overlap."""
    low, high = window
    soft_low, soft_high = realistic
    if soft_low is not None and low <= soft_low <= high:
        low = soft_low
    if soft_high is not None and low <= soft_high <= high:
        high = soft_high
    return low, high


def _ceil_minute(moment: datetime) -> datetime:
    floor = moment.replace(second=0, microsecond=0)
    return floor if floor == moment else floor + timedelta(minutes=1)


def _ceil_date(moment: datetime, strict: bool) -> date:
    day = moment.date()
    return day + timedelta(days=1) if strict or datetime.combine(day, time.min) < moment else day


def _floor_date(moment: datetime, strict: bool) -> date:
    day = moment.date()
    return day - timedelta(days=1) if strict and datetime.combine(day, time.min) == moment else day


@lru_cache(maxsize=4096)
def _years_before(day: date, years: int) -> date:
    bound = resolve_date_bound(f"today-{years}y", day)
    assert bound is not None  # a relative bound always resolves
    return bound
