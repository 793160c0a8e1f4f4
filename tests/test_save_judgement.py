"""The save takes the wizard's judgement of the answers (made at its review step) only when it
is the judgement checking again would give; in every other case it checks the answers itself."""

from __future__ import annotations

import copy
import json
import random
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from intake_helpers import counter_context, intake
from sqlalchemy import select

from khidmat_desk.app.applications import ValidationFailed, submit_application
from khidmat_desk.auth.users import UserInfo
from khidmat_desk.core.catalogue import SERVICE_CODES, Tariff, get_service
from khidmat_desk.core.fields import Field, FieldType, Service, Step
from khidmat_desk.core.samples import NamePool, sample_answers
from khidmat_desk.core.validation import ValidationResult, validate_answers
from khidmat_desk.core.wizard import Wizard, complete_documents
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import Application, OutboxEntry
from tests.test_validation_plans import _spoil

GPV = get_service("police-verification")
CRIME = get_service("crime-report")
#: Friday 6 March 2026, 10:00 in Lahore.
FRIDAY = datetime(2026, 3, 6, 5, 0, tzinfo=UTC)
FRIDAY_LOCAL = datetime(2026, 3, 6, 10, 0)


@pytest.fixture(scope="module")
def names() -> NamePool:
    return NamePool.load()


def judged(service: Service, answers: dict[str, Any], *,
           now: datetime = FRIDAY_LOCAL) -> ValidationResult:
    return validate_answers(service, answers, today=now.date(), now=now)


def holds(result: ValidationResult, service: Service, answers: dict[str, Any], *,
          now: datetime = FRIDAY_LOCAL) -> bool:
    return result.holds_for(service, answers, today=now.date(), now=now)


# --- when a judgement holds ---------------------------------------------------------------------


def test_a_judgement_holds_for_equal_answers_later_the_same_day() -> None:
    answers = dict(GPV.example)
    result = judged(GPV, answers)
    assert holds(result, GPV, dict(GPV.example))
    assert holds(result, GPV, answers, now=FRIDAY_LOCAL + timedelta(hours=9))


@pytest.mark.parametrize("what", ["another day", "an earlier moment", "a moment with a zone",
                                  "another service", "a changed answer", "an extra answer",
                                  "a missing answer"])
def test_a_judgement_does_not_hold_for_anything_else(what: str) -> None:
    answers = dict(GPV.example)
    result = judged(GPV, answers)
    service, now = GPV, FRIDAY_LOCAL
    if what == "another day":
        now = FRIDAY_LOCAL + timedelta(days=1)
    elif what == "an earlier moment":
        now = FRIDAY_LOCAL - timedelta(seconds=1)
    elif what == "a moment with a zone":
        now = FRIDAY
    elif what == "another service":
        service = replace(GPV)
    elif what == "a changed answer":
        answers = {**answers, "cnic": "123"}
    elif what == "an extra answer":
        answers = {**answers, "favourite_colour": "green"}
    else:
        answers.pop("mobile")
    assert not result.holds_for(service, answers, today=now.date(), now=now)


def test_changing_the_judged_answers_afterwards_is_seen() -> None:
    """What was judged is a copy: changing a row of a table in the caller's answers after the
    judgement (the very objects it was given) makes it not hold."""
    answers = copy.deepcopy(CRIME.example)
    result = judged(CRIME, answers)
    assert result.ok and holds(result, CRIME, answers)
    answers["accused"][0]["description"] = "x" * 5000
    assert not holds(result, CRIME, answers)


def test_only_validate_answers_makes_a_judgement_that_can_hold() -> None:
    made = judged(GPV, dict(GPV.example))
    forged = ValidationResult(made.answers, made.issues, made.applicable)
    assert forged == made  # the same verdict, but nothing says what it was made of
    assert not holds(forged, GPV, dict(GPV.example))


def test_a_service_with_a_moment_after_now_is_checked_again_a_moment_later() -> None:
    """A "now" lower bound can be passed between the review and the save."""
    appointment = Field(key="appointment_at", type=FieldType.DATETIME, label="Appointment",
                        label_ur="ملاقات", min="now")
    service = replace(GPV, code="test-appointment",
                      steps=(*GPV.steps, Step(key="when", title="When", title_ur="کب",
                                              fields=(appointment,))))
    answers = {**GPV.example, "appointment_at": "2026-03-06T18:00"}
    result = judged(service, answers)
    assert result.ok and holds(result, service, answers)  # the very moment it was judged
    assert not holds(result, service, answers, now=FRIDAY_LOCAL + timedelta(seconds=1))


def test_an_error_of_a_moment_not_yet_come_is_checked_again() -> None:
    """Judged at 10:00, an occurrence at 10:30 is in the future; saved at 10:45 it is not. A
    clean judgement holds later in the day: a moment not after 10:00 is not after 10:45."""
    later = FRIDAY_LOCAL + timedelta(minutes=45)
    early = {**CRIME.example, "incident_at": "2026-03-06T10:30"}
    refused = judged(CRIME, early)
    assert not refused.ok and validate_answers(CRIME, early, today=later.date(), now=later).ok
    assert not holds(refused, CRIME, early, now=later)
    clean = judged(CRIME, dict(CRIME.example))
    assert clean.ok and holds(clean, CRIME, dict(CRIME.example), now=later)


@pytest.mark.parametrize("code", SERVICE_CODES)
def test_whenever_a_judgement_holds_checking_again_gives_it(code: str,
                                                            names: NamePool) -> None:
    """The shortcut and the judge never disagree: samples of every service as typed, and
    spoilt, judged at one moment and held against the same answers, a copy of them and a
    spoilt copy at moments later the same day; wherever `holds_for` says yes, a fresh
    `validate_answers` gives the same answers, issues and applicable fields."""
    service, rng = get_service(code), random.Random(f"judgement-{code}")
    taken = 0
    for index in range(12):
        today = date(2026, 3, 6) + timedelta(days=index * 29)
        now = datetime.combine(today, time(9, 30))
        answers = sample_answers(service, rng, today=today, names=names, now=now,
                                 as_typed=True)
        for given in (answers, _spoil(service, answers, rng)):
            result = validate_answers(service, given, today=today, now=now)
            for later in (now, now + timedelta(minutes=rng.randint(1, 800))):
                for offered in (given, copy.deepcopy(given), _spoil(service, given, rng)):
                    if not result.holds_for(service, offered, today=today, now=later):
                        continue
                    taken += 1
                    fresh = validate_answers(service, offered, today=today, now=later)
                    assert (fresh.answers, fresh.issues, fresh.applicable) == (
                        result.answers, result.issues, result.applicable), offered
    assert taken >= 24  # the same answers at the same moment hold every time


# --- the save ----------------------------------------------------------------------------------


def reviewed(service: Service, answers: dict[str, Any], *, today: date | None = None,
             now: datetime | None = None) -> Wizard:
    wizard = Wizard(service, answers=dict(answers), today=today, now=now)
    complete_documents(wizard)
    return wizard


def save(db: Database, user: UserInfo, tariff: Tariff, taken: Any) -> str:
    return submit_application(counter_context(db, user, tariff), taken,
                              now=FRIDAY).tracking_number


def stored(db: Database, tracking_number: str) -> tuple[str, Any, Any]:
    with db.read() as session:
        app = session.scalars(select(Application).where(
            Application.tracking_number == tracking_number)).one()
        payload = session.scalars(select(OutboxEntry.payload).where(
            OutboxEntry.uuid == app.uuid)).one()
        return app.display_name, app.answers, payload["answers"]


def test_the_wizard_s_judgement_saves_what_checking_again_saves(
        db: Database, officer: UserInfo, tariff: Tariff) -> None:
    wizard = reviewed(GPV, GPV.example, today=FRIDAY_LOCAL.date(), now=FRIDAY_LOCAL)
    taken = wizard.intake()
    assert taken.judgement is wizard.validate()
    assert taken.judgement.holds_for(GPV, taken.answers, today=FRIDAY_LOCAL.date(),
                                     now=FRIDAY_LOCAL)
    by_judgement = stored(db, save(db, officer, tariff, taken))
    checked_again = stored(db, save(db, officer, tariff, intake(GPV.code, GPV.example)))
    assert by_judgement == checked_again
    assert json.dumps(by_judgement[1]) == json.dumps(checked_again[1])


def test_answers_changed_after_the_review_are_checked_by_the_save(
        db: Database, officer: UserInfo, tariff: Tariff) -> None:
    taken = reviewed(GPV, GPV.example, today=FRIDAY_LOCAL.date(), now=FRIDAY_LOCAL).intake()
    assert taken.judgement is not None and taken.judgement.ok
    taken.answers["cnic"] = "123"  # type: ignore[index]
    with pytest.raises(ValidationFailed) as refused:
        save(db, officer, tariff, taken)
    assert "cnic" in {issue.field for issue in refused.value.result.errors}
    with db.read() as session:
        assert session.scalars(select(Application)).first() is None


def test_a_judgement_of_another_day_is_made_again_on_the_save_s_day(
        db: Database, officer: UserInfo, tariff: Tariff) -> None:
    """Reviewed on Thursday, an occurrence on Friday morning is still in the future; saved on
    Friday it is not: the save judges on its own day."""
    thursday = FRIDAY_LOCAL - timedelta(days=1)
    answers = {**CRIME.example, "incident_at": "2026-03-06T09:15"}
    taken = reviewed(CRIME, answers, today=thursday.date(), now=thursday).intake()
    assert taken.judgement is not None and not taken.judgement.ok
    tracking = save(db, officer, tariff, taken)
    assert stored(db, tracking)[1]["incident_at"] == "2026-03-06T09:15"


def test_a_judgement_with_errors_never_saves(db: Database, officer: UserInfo,
                                             tariff: Tariff) -> None:
    taken = reviewed(GPV, {**GPV.example, "mobile": "12"}, today=FRIDAY_LOCAL.date(),
                     now=FRIDAY_LOCAL).intake()
    with pytest.raises(ValidationFailed) as refused:
        save(db, officer, tariff, taken)
    assert [issue.field for issue in refused.value.result.errors] == ["mobile"]


def test_an_answer_to_a_field_the_service_does_not_have_is_refused_by_the_save(
        db: Database, officer: UserInfo, tariff: Tariff) -> None:
    """The steps show only the service's fields, so their judgement does not cover a
    misspelt key of an answers file: the save checks everything and names it."""
    wizard = reviewed(GPV, {**GPV.example, "mobil": "03001234567"},
                      today=FRIDAY_LOCAL.date(), now=FRIDAY_LOCAL)
    assert wizard.validate().ok
    with pytest.raises(ValidationFailed) as refused:
        save(db, officer, tariff, wizard.intake())
    assert [issue.field for issue in refused.value.result.errors] == ["mobil"]
