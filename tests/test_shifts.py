"""Shift plans: which working day and shift a moment belongs to, across midnight."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from khidmat_desk.core import clock
from khidmat_desk.core.shifts import ONE_SHIFT, ShiftError, parse_plan

TWO = parse_plan("day=08:00,night=20:00")


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=clock.centre_zone())


def test_one_shift_is_the_calendar_day() -> None:
    period = ONE_SHIFT.period(date(2026, 3, 6))
    assert period.start == local("2026-03-06T00:00")
    assert period.end == local("2026-03-07T00:00")
    assert ONE_SHIFT.working_day(local("2026-03-06T23:59")) == date(2026, 3, 6)
    assert ONE_SHIFT.working_day(local("2026-03-07T00:00")) == date(2026, 3, 7)


def test_a_night_shift_crosses_midnight_and_belongs_to_the_day_it_started() -> None:
    night = TWO.period(date(2026, 3, 6), "night")
    assert (night.start, night.end) == (local("2026-03-06T20:00"), local("2026-03-07T08:00"))
    day = TWO.period(date(2026, 3, 6))
    assert (day.start, day.end) == (local("2026-03-06T08:00"), local("2026-03-07T08:00"))
    assert TWO.locate(local("2026-03-07T03:00")).shift == "night"
    assert TWO.locate(local("2026-03-07T03:00")).day == date(2026, 3, 6)
    assert TWO.locate(local("2026-03-07T07:59:59")).day == date(2026, 3, 6)
    assert TWO.locate(local("2026-03-07T08:00")).day == date(2026, 3, 7)
    assert TWO.locate(local("2026-03-07T08:00")).shift == "day"
    assert TWO.locate(local("2026-03-06T19:59:59")).shift == "day"
    assert TWO.locate(local("2026-03-06T20:00")).shift == "night"


def test_a_shift_starting_after_midnight_starts_on_the_next_calendar_day() -> None:
    plan = parse_plan("evening=16:00,late=02:00")
    late = plan.period(date(2026, 3, 6), "late")
    assert (late.start, late.end) == (local("2026-03-07T02:00"), local("2026-03-07T16:00"))
    assert plan.locate(local("2026-03-07T10:00")).day == date(2026, 3, 6)


def test_periods_are_utc_and_labelled() -> None:
    period = TWO.period(date(2026, 3, 6), "night")
    assert period.start == datetime(2026, 3, 6, 15, 0, tzinfo=UTC)
    assert period.label == "2026-03-06 (night shift)"
    assert TWO.period(date(2026, 3, 6)).label == "2026-03-06"


@pytest.mark.parametrize(("text", "words"), [
    ("day=08:00,night=08:00", "different time"),
    ("a=08:00,b=20:00,c=14:00", "order"),
    ("day=8am", "not a time"),
    ("Day Shift=08:00", "not a shift name"),
    ("day", "NAME=HH:MM"),
    ("day=08:00,day=20:00", "same name"),
    ("", "at least one"),
])
def test_unusable_shift_lists_are_refused_with_a_reason(text: str, words: str) -> None:
    with pytest.raises(ShiftError, match=words):
        parse_plan(text)


def test_an_unknown_shift_name_lists_the_shifts() -> None:
    with pytest.raises(ShiftError, match="day, night"):
        TWO.period(date(2026, 3, 6), "evening")
