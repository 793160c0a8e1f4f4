"""Checks the officer relies on: a model year from the future, a mistyped IMEI, periods of
residence before birth or overlapping, an expired learner permit, a tenant registered late."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from khidmat_desk.core.catalogue import get_service
from khidmat_desk.core.rules import luhn_digit, luhn_ok
from khidmat_desk.core.validation import ValidationResult, validate_answers

TODAY = date(2026, 11, 30)


def check(code: str, today: date = TODAY, **changes: Any) -> ValidationResult:
    service = get_service(code)
    answers = {k: v for k, v in {**service.example, **changes}.items() if v is not None}
    return validate_answers(service, answers, today=today)


def messages(result: ValidationResult, level: str) -> dict[str, str]:
    issues = result.errors if level == "error" else result.warnings
    return {i.field: i.message for i in issues}


def test_model_year_stops_at_next_year() -> None:
    assert "model_year" not in messages(check("vehicle-verification", model_year=2027), "error")
    assert "model_year" in messages(check("vehicle-verification", model_year=2031), "error")
    assert "model_year" in messages(check("vehicle-verification", model_year=10**30), "error")
    # the bound moves with the centre's year
    assert "model_year" not in messages(
        check("vehicle-verification", today=date(2030, 1, 1), model_year=2031), "error")


def test_imei_with_a_wrong_check_digit_is_refused() -> None:
    good = "356789104561236"
    item = {"item_type": "mobile-phone", "description": "Phone", "imei": good}
    assert "stolen_property[0].imei" not in messages(
        check("crime-report", stolen_property=[item]), "error")
    wrong = {**item, "imei": good[:-1] + "7"}
    assert "check digit" in messages(
        check("crime-report", stolen_property=[wrong]), "error")["stolen_property[0].imei"]


@given(st.text("0123456789", min_size=14, max_size=14))
def test_luhn_catches_every_single_wrong_digit(body: str) -> None:
    number = body + luhn_digit(body)
    assert luhn_ok(number)
    for position in range(len(number)):
        for digit in "0123456789":
            if digit != number[position]:
                assert not luhn_ok(number[:position] + digit + number[position + 1:])


def test_periods_before_birth_or_overlapping_are_pointed_out() -> None:
    service = get_service("police-verification")
    born = service.example["date_of_birth"]
    before = [{"district": "Lahore", "from": "1970-01-01", "to": "2000-01-01"}]
    result = check("police-verification", residences=before)
    assert "before the date of birth" in messages(result, "warning")["residences[0].from"]
    assert result.ok  # a warning: the officer checks with the citizen
    overlapping = [{"district": "Lahore", "from": "2015-01-01", "to": "2024-01-01"},
                   {"district": "Multan", "from": "2022-01-01", "to": "2024-06-01"}]
    warned = messages(check("police-verification", residences=overlapping), "warning")
    assert "overlaps" in warned["residences[1].from"] and "01-01-2015" in \
        warned["residences[1].from"]
    one_after_another = [{"district": "Lahore", "from": "2015-01-01", "to": "2022-01-01"},
                         {"district": "Multan", "from": "2022-01-01", "to": "2024-06-01"}]
    assert not messages(check("police-verification", residences=one_after_another), "warning")
    assert born < "2015-01-01"


def test_an_expired_learner_permit_does_not_give_a_regular_licence() -> None:
    old = (TODAY - timedelta(days=200)).isoformat()
    fresh = (TODAY - timedelta(days=60)).isoformat()
    assert "learner_permit_date" in messages(
        check("driving-licence", learner_permit_date=old, transaction="new-regular"), "error")
    assert "learner_permit_date" not in messages(
        check("driving-licence", learner_permit_date=fresh, transaction="new-regular"), "error")


def test_a_tenant_registered_after_48_hours_is_warned_about() -> None:
    late = (TODAY - timedelta(days=10)).isoformat()
    result = check("tenant-registration", possession_date=late)
    assert "48 hours" in messages(result, "warning")["possession_date"]
    on_time = (TODAY - timedelta(days=1)).isoformat()
    assert "possession_date" not in messages(
        check("tenant-registration", possession_date=on_time,
              agreement_end=(TODAY + timedelta(days=300)).isoformat()), "warning")


def test_a_punjab_resident_from_another_province_is_served() -> None:
    for code in ("police-verification", "character-certificate"):
        sindh = {"permanent_province": "sindh", "permanent_district": None,
                 "permanent_police_station": None, "permanent_district_other": "Hyderabad"}
        result = check(code, **sindh)
        assert result.ok, [str(i) for i in result.errors]
        assert result.answers["permanent_district_other"] == "Hyderabad"
        abroad = {"permanent_province": "abroad", "permanent_district": None,
                  "permanent_police_station": None, "permanent_country": "Saudi Arabia"}
        assert check(code, **abroad).ok
        # a Punjab district is still picked from the list and checked
        wrong = check(code, present_district="Karachi")
        assert "present_district" in messages(wrong, "error")
