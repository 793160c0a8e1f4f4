"""A centre's working day as shifts: which moments belong to which day and shift.

A centre lists its shifts by their start times (centre time, see core.clock), in order
through the day. Each shift ends where the next one starts, and the last one ends where the
first starts on the next calendar day; so the shifts cover the day with no gap and no overlap,
and a night shift may cross midnight. The working day ``D`` runs from the first shift's start
on ``D`` to the same time on ``D + 1``: at a 24/7 centre with shifts ``day=08:00,
night=20:00``, 03:00 on the 15th belongs to the night shift of the 14th. A centre that lists
no shifts has one, ``day``, from midnight to midnight, and closes the calendar day directly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from khidmat_desk.core import clock
from khidmat_desk.errors import KnownError

WHOLE_DAY = ""
DEFAULT_SHIFT = "day"
MAX_SHIFTS = 4
_NAME = re.compile(r"^[a-z][a-z0-9-]{0,19}$")
_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


class ShiftError(KnownError, ValueError):
    """A shift list or shift name that cannot be used; the message says what to type."""

    bad_input = True


@dataclass(frozen=True)
class Shift:
    name: str
    starts: time


@dataclass(frozen=True)
class Period:
    """A half-open span of time ``[start, end)`` in UTC, with the day and shift it belongs to."""

    day: date
    shift: str  # WHOLE_DAY for the whole working day
    start: datetime
    end: datetime

    def holds(self, moment: datetime) -> bool:
        return self.start <= moment.astimezone(UTC) < self.end

    @property
    def label(self) -> str:
        return period_label(self.day, self.shift)


def period_label(day: date, shift: str) -> str:
    """``2026-11-30`` for a working day, ``2026-11-30 (night shift)`` for one shift of it."""
    return day.isoformat() + (f" ({shift} shift)" if shift else "")


@dataclass(frozen=True)
class ShiftPlan:
    shifts: tuple[Shift, ...]

    @property
    def single(self) -> bool:
        return len(self.shifts) == 1

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.shifts)

    def describe(self) -> str:
        return ", ".join(f"{s.name}={s.starts:%H:%M}" for s in self.shifts)

    def period(self, day: date, shift: str = WHOLE_DAY) -> Period:
        """The span of the working day ``day``, or of one of its shifts."""
        if shift == WHOLE_DAY:
            start = _at(day, self.shifts[0].starts)
            return Period(day, WHOLE_DAY, start, _at(day + timedelta(days=1),
                                                     self.shifts[0].starts))
        index = self.index_of(shift)
        start = _at(self._start_day(day, index), self.shifts[index].starts)
        if index + 1 < len(self.shifts):
            end = _at(self._start_day(day, index + 1), self.shifts[index + 1].starts)
        else:
            end = _at(day + timedelta(days=1), self.shifts[0].starts)
        return Period(day, shift, start, end)

    def periods(self, day: date) -> tuple[Period, ...]:
        return tuple(self.period(day, s.name) for s in self.shifts)

    def locate(self, moment: datetime) -> Period:
        """The shift (of its working day) that ``moment`` falls in."""
        local = clock.local(moment)
        for day in (local.date(), local.date() - timedelta(days=1)):
            for period in self.periods(day):
                if period.holds(moment):
                    return period
        raise AssertionError(f"no shift holds {moment}")  # the shifts cover every moment

    def working_day(self, moment: datetime) -> date:
        return self.locate(moment).day

    def index_of(self, shift: str) -> int:
        for index, item in enumerate(self.shifts):
            if item.name == shift:
                return index
        raise ShiftError.told("'{shift}' is not a shift of this centre; the shifts are: "
                              "{shifts}.", shift=shift, shifts=", ".join(self.names))

    def _start_day(self, day: date, index: int) -> date:
        """Calendar day a shift starts on: after midnight when its start is before the first's."""
        first = self.shifts[0].starts
        return day + timedelta(days=1) if self.shifts[index].starts < first else day


def _at(day: date, starts: time) -> datetime:
    return datetime.combine(day, starts, tzinfo=clock.centre_zone()).astimezone(UTC)


ONE_SHIFT = ShiftPlan((Shift(DEFAULT_SHIFT, time(0, 0)),))


def plan_from(shifts: list[tuple[str, str]]) -> ShiftPlan:
    """A plan from (name, "HH:MM") pairs in order through the day; `ShiftError` if unusable."""
    if not shifts:
        return ONE_SHIFT
    if len(shifts) > MAX_SHIFTS:
        raise ShiftError.told("a centre can have at most {most} shifts", most=MAX_SHIFTS)
    parsed: list[Shift] = []
    for name, starts in shifts:
        if not _NAME.match(name):
            raise ShiftError.told("'{name}' is not a shift name; use a short word in small "
                                  "letters, like day or night", name=name)
        match = _TIME.match(starts)
        if match is None:
            raise ShiftError.told("shift '{name}': '{starts}' is not a time like 08:00",
                                  name=name, starts=starts)
        parsed.append(Shift(name, time(int(match[1]), int(match[2]))))
    if len({s.name for s in parsed}) != len(parsed):
        raise ShiftError("two shifts have the same name")
    _check_order(parsed)
    return ShiftPlan(tuple(parsed))


def _check_order(shifts: list[Shift]) -> None:
    """Start times must run forward through the day, wrapping past midnight at most once."""
    minutes = [s.starts.hour * 60 + s.starts.minute for s in shifts]
    steps = [(minutes[(i + 1) % len(minutes)] - minutes[i]) % 1440 for i in range(len(minutes))]
    if len(shifts) > 1 and (0 in steps or sum(steps) != 1440):
        raise ShiftError("list the shifts in the order they follow each other through the day, "
                         "each starting at a different time (like day=08:00,night=20:00)")


def parse_plan(text: str) -> ShiftPlan:
    """``"day=08:00,night=20:00"`` as a plan."""
    pairs: list[tuple[str, str]] = []
    for part in (p.strip() for p in text.split(",") if p.strip()):
        name, sep, starts = part.partition("=")
        if not sep:
            raise ShiftError.told("'{part}' should be NAME=HH:MM, like night=20:00", part=part)
        pairs.append((name.strip().lower(), starts.strip()))
    if not pairs:
        raise ShiftError("give at least one shift, like day=08:00")
    return plan_from(pairs)
