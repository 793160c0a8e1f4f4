"""Closing a day or shift: the figures, the cash, the lock, overrides, late records, reopening."""

from __future__ import annotations

from datetime import date

import pytest
from day_fixtures import FRIDAY, Day, local, make_centre, make_day
from sqlalchemy import func, select

from khidmat_desk.app.applications import change_status
from khidmat_desk.app.day_close import (
    CloseError,
    DayLocked,
    close_period,
    list_closes,
    reopen_period,
)
from khidmat_desk.app.shifts import set_shifts, shift_plan
from khidmat_desk.auth.users import PermissionDenied
from khidmat_desk.core.catalogue import Tariff
from khidmat_desk.reports.summary import day_summary
from khidmat_desk.store.audit import verify_chain
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import AuditEvent, LateRecord, OutboxEntry
from khidmat_desk.sync.protocol import version_digest

EVENING = local("2026-03-06T20:30")


@pytest.fixture
def day(db: Database, tariff: Tariff) -> Day:
    return make_day(db, tariff)


def close_friday(day: Day, cash: int | None = 1000, **options: object) -> object:
    return close_period(day.db, day.nadia, day=FRIDAY, cash_counted=cash, now=EVENING,
                        **options)  # type: ignore[arg-type]


def outbox_of(db: Database, kind: str) -> list[tuple[int, dict[str, object]]]:
    with db.read() as session:
        rows = session.execute(select(OutboxEntry.version, OutboxEntry.payload)
                               .where(OutboxEntry.kind == kind)
                               .order_by(OutboxEntry.id)).all()
    return [(row.version, row.payload) for row in rows]


def test_the_close_records_the_days_figures_cash_and_digest(day: Day) -> None:
    result = close_period(day.db, day.nadia, day=FRIDAY, cash_counted=1000,
                          officer_cash={"asif.khan": 500, "bilal.ahmed": 500},
                          deposit_ref="NBP-7781", now=EVENING)
    assert result.applications == 5
    assert (result.cash_expected, result.cash_counted, result.difference) == (1000, 1000, 0)
    assert [(o.officer, o.expected, o.counted) for o in result.officers] == [
        ("asif.khan", 500, 500), ("bilal.ahmed", 500, 500)]
    # five submits, the void, two sent for verification, verified, ready: ten versions
    uuids = [day.apps[k].uuid for k in ("a1", "a2", "a3", "b1", "b2")]
    expected = [(u, 1) for u in uuids] + [(day.apps["a2"].uuid, 2), (day.apps["a1"].uuid, 2),
                                          *((day.apps["b1"].uuid, v) for v in (2, 3, 4))]
    assert (result.versions, result.digest) == (10, version_digest(expected))
    [close] = list_closes(day.db, day_from=FRIDAY, day_to=FRIDAY)
    assert (close.state, close.version, close.closed_by) == ("closed", 1, "nadia.iqbal")
    [(version, payload)] = outbox_of(day.db, "day-close")
    assert version == 1
    assert payload["day"] == "2026-03-06" and payload["state"] == "closed"
    assert payload["deposit_ref"] == "NBP-7781"
    figures = payload["figures"]
    assert isinstance(figures, dict)
    assert figures["paid_by_method"] == {"card": 1000, "cash": 1500, "online": 500}
    assert figures["refunded_by_method"] == {"cash": 500}
    assert figures["by_service"] == {"police-verification": 4, "character-certificate": 1}
    assert "Muhammad" not in str(payload)  # figures only, no personal data


def test_a_cash_difference_needs_an_explanation(day: Day) -> None:
    with pytest.raises(CloseError, match="explain") as refused:
        close_friday(day, 900)
    assert refused.value.argument == "--explanation"
    result = close_period(day.db, day.nadia, day=FRIDAY, cash_counted=900, now=EVENING,
                          explanation="Rs 100 short in Bilal's drawer; recovered Monday")
    assert result.difference == -100  # type: ignore[attr-defined]


def test_an_officers_count_that_differs_needs_an_explanation(day: Day) -> None:
    with pytest.raises(CloseError, match="explain"):
        close_friday(day, officer_cash={"asif.khan": 400, "bilal.ahmed": 600})
    with pytest.raises(CloseError, match="took no payment") as refused:
        close_friday(day, officer_cash={"nadia.iqbal": 0})
    assert refused.value.argument == "--officer-cash"


def test_only_the_in_charge_closes_and_reopens(day: Day) -> None:
    with pytest.raises(PermissionDenied, match="in-charge"):
        close_period(day.db, day.asif, day=FRIDAY, cash_counted=1000, now=EVENING)
    close_friday(day)
    with pytest.raises(PermissionDenied, match="in-charge"):
        reopen_period(day.db, day.bilal, day=FRIDAY, reason="typo", now=EVENING)


def test_a_day_cannot_be_closed_twice_or_before_it_begins(day: Day) -> None:
    close_friday(day)
    with pytest.raises(CloseError, match=r"already closed by nadia\.iqbal"):
        close_friday(day)
    with pytest.raises(CloseError, match="not begun"):
        close_period(day.db, day.nadia, day=date(2026, 3, 9), cash_counted=0, now=EVENING)


def test_voiding_an_application_of_a_closed_day_needs_an_override(day: Day) -> None:
    close_friday(day)
    tracking = day.apps["b1"].tracking_number
    with pytest.raises(DayLocked, match="closed") as refused:
        change_status(day.db, tracking, "voided", user=day.nadia, reason="Duplicate",
                      now=local("2026-03-07T09:00"))
    assert refused.value.argument == "--override-reason"
    change_status(day.db, tracking, "voided", user=day.nadia, reason="Duplicate",
                  override_reason="Citizen paid twice; refunded from Saturday's cash",
                  now=local("2026-03-07T09:00"))
    with day.db.read() as session:
        override = session.execute(select(AuditEvent.actor, AuditEvent.details)
                                   .where(AuditEvent.action == "day-override")).one()
        assert verify_chain(session).ok
    assert override.actor == "nadia.iqbal"
    assert override.details["tracking_number"] == tracking
    assert override.details["reason"].startswith("Citizen paid twice")
    # an application of an open day is voided as before, with no override
    change_status(day.db, day.apps["saturday"].tracking_number, "voided", user=day.nadia,
                  reason="Wrong service", now=local("2026-03-07T09:05"))


def test_a_record_reaching_a_closed_day_is_flagged_not_moved(day: Day) -> None:
    close_friday(day)
    late = day.submit(day.bilal, "2026-03-06T21:10")  # saved after the 20:30 close
    assert late.tracking_number.startswith("LHR01-260306-")
    assert late.late  # the officer is told: the close's count does not hold its fee
    on_time = day.submit(day.bilal, "2026-03-07T09:00")
    assert not on_time.late
    with day.db.read() as session:
        flagged = session.execute(select(LateRecord.tracking_number, LateRecord.version,
                                         LateRecord.what)).all()
    assert [(row.tracking_number, row.version) for row in flagged] == [(late.tracking_number, 1)]
    assert "after the close" in flagged[0].what
    friday = day_summary(day.db, shift_plan(day.db).period(FRIDAY),
                         now=local("2026-03-07T10:00"))
    assert late.tracking_number in {line.tracking_number for line in friday.applications}
    assert [line.tracking_number for line in friday.late] == [late.tracking_number]
    saturday = day_summary(day.db, shift_plan(day.db).period(date(2026, 3, 7)),
                           now=local("2026-03-07T10:00"))
    assert on_time.tracking_number in {line.tracking_number for line in saturday.applications}
    assert saturday.late == ()


def test_reopening_lifts_the_lock_and_closing_again_makes_a_new_version(day: Day) -> None:
    close_friday(day)
    with pytest.raises(CloseError, match="why") as refused:
        reopen_period(day.db, day.nadia, day=FRIDAY, reason="  ", now=EVENING)
    assert refused.value.argument == "--reason"
    info = reopen_period(day.db, day.nadia, day=FRIDAY, reason="Cash recounted",
                         now=local("2026-03-06T21:00"))
    assert (info.state, info.version, info.reopened_by) == ("reopened", 2, "nadia.iqbal")
    change_status(day.db, day.apps["b2"].tracking_number, "voided", user=day.nadia,
                  reason="Withdrawn", now=local("2026-03-06T21:05"))  # open again: no override
    again = close_period(day.db, day.nadia, day=FRIDAY, cash_counted=1000,
                         now=local("2026-03-06T21:30"))
    assert again.version == 3  # type: ignore[attr-defined]
    states = [(v, p["state"]) for v, p in outbox_of(day.db, "day-close")]
    assert states == [(1, "closed"), (2, "reopened"), (3, "closed")]
    with pytest.raises(CloseError, match="not closed"):
        reopen_period(day.db, day.nadia, day=date(2026, 3, 5), reason="x", now=EVENING)
    with day.db.read() as session:
        actions = session.scalars(select(AuditEvent.action)
                                  .where(AuditEvent.entity_type == "day_close")).all()
        late = session.scalar(select(func.count()).select_from(LateRecord))
    assert actions == ["day-closed", "day-reopened", "day-closed"]
    assert late == 0


# -- a 24/7 centre with two shifts -----------------------------------------------------------


@pytest.fixture
def shifts(db: Database, tariff: Tariff) -> Day:
    asif, bilal, nadia = make_centre(db)
    day = Day(db, tariff, asif, bilal, nadia, {})
    set_shifts(db, nadia, "day=08:00,night=20:00", now=local("2026-03-01T10:00"))
    day.apps["day"] = day.submit(asif, "2026-03-06T09:00")
    day.apps["night1"] = day.submit(bilal, "2026-03-06T21:00")
    day.apps["night2"] = day.submit(bilal, "2026-03-07T03:00")  # after midnight: Friday's night
    day.apps["next"] = day.submit(asif, "2026-03-07T08:30")
    day.apps["early"] = day.submit(asif, "2026-03-06T07:30")  # Thursday's night shift
    return day


def test_shift_times_are_the_in_charges_and_audited(shifts: Day) -> None:
    with pytest.raises(PermissionDenied):
        set_shifts(shifts.db, shifts.asif, "day=09:00")
    assert shift_plan(shifts.db).describe() == "day=08:00, night=20:00"
    with shifts.db.read() as session:
        details = session.scalar(select(AuditEvent.details)
                                 .where(AuditEvent.action == "shifts-set"))
    assert details == {"before": "day=00:00", "after": "day=08:00, night=20:00"}


def test_each_shift_closes_then_the_day_is_their_sum(shifts: Day) -> None:
    db, nadia = shifts.db, shifts.nadia
    with pytest.raises(CloseError, match="close the day, night shift"):
        close_period(db, nadia, day=FRIDAY, cash_counted=None, now=local("2026-03-07T08:05"))
    day = close_period(db, nadia, day=FRIDAY, shift="day", cash_counted=500,
                       now=local("2026-03-06T20:02"))
    assert (day.applications, day.cash_expected) == (1, 500)  # type: ignore[attr-defined]
    night = close_period(db, nadia, day=FRIDAY, shift="night", cash_counted=1000,
                         now=local("2026-03-07T08:05"))
    assert (night.applications, night.cash_expected) == (2, 1000)  # type: ignore[attr-defined]
    with pytest.raises(CloseError, match="leave out --cash"):
        close_period(db, nadia, day=FRIDAY, cash_counted=1500, now=local("2026-03-07T08:06"))
    whole = close_period(db, nadia, day=FRIDAY, cash_counted=None, now=local("2026-03-07T08:06"))
    assert (whole.applications, whole.cash_expected, whole.cash_counted) == (3, 1500, 1500)
    with pytest.raises(CloseError, match="reopen the day first"):
        reopen_period(db, nadia, day=FRIDAY, shift="night", reason="x",
                      now=local("2026-03-07T08:10"))
    closes = list_closes(db, day_from=FRIDAY, day_to=FRIDAY)
    assert sorted(c.shift for c in closes) == ["", "day", "night"]


def test_a_one_shift_centre_closes_the_day_directly(day: Day) -> None:
    result = close_period(day.db, day.nadia, day=FRIDAY, shift="day", cash_counted=1000,
                          now=EVENING)
    assert result.period.shift == ""
    with pytest.raises(CloseError, match="not a shift"):
        close_period(day.db, day.nadia, day=FRIDAY, shift="night", cash_counted=0, now=EVENING)
