"""The validation engine: normalisation, conditions, groups, rules and messages that name fields."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from khidmat_desk.core.catalogue import get_service
from khidmat_desk.core.fields import (
    AgeRange,
    DateOrder,
    FeeRule,
    Field,
    FieldType,
    Service,
    Step,
    equals,
    options,
)
from khidmat_desk.core.validation import validate_answers

TODAY = date(2026, 11, 23)
GPV = get_service("police-verification")


def gpv(**changes: Any) -> dict[str, Any]:
    answers = dict(GPV.example)
    answers.update(changes)
    return {k: v for k, v in answers.items() if v is not None}


def messages(result: Any) -> list[str]:
    return [str(i) for i in result.issues]


def test_example_is_valid_and_normalised() -> None:
    result = validate_answers(GPV, GPV.example, today=TODAY)
    assert result.ok, messages(result)
    assert result.answers["cnic"] == "3520212345671"
    assert result.answers["mobile"] == "+923001234567"
    assert result.answers["residences"][0] == {"district": "Sargodha", "from": "1988-04-12",
                                               "to": "2010-06-30"}


def test_missing_required_field_is_named() -> None:
    result = validate_answers(GPV, gpv(name=None), today=TODAY)
    assert not result.ok
    assert [i.field for i in result.errors] == ["name"]
    assert str(result.errors[0]) == "Applicant name: is required"


def test_unknown_field_is_an_error_naming_it() -> None:
    result = validate_answers(GPV, gpv(favourite_colour="blue"), today=TODAY)
    assert any(i.field == "favourite_colour" and "not a field" in i.message for i in result.errors)


def test_conditional_field_only_applies_when_its_condition_holds() -> None:
    result = validate_answers(GPV, gpv(purpose="other"), today=TODAY)
    assert [i.field for i in result.errors] == ["purpose_other"]
    fine = validate_answers(GPV, gpv(purpose="bank", purpose_other="ignored"), today=TODAY)
    assert fine.ok and "purpose_other" not in fine.answers


def test_representative_block_switches_on_with_the_flag() -> None:
    result = validate_answers(GPV, gpv(on_behalf=True), today=TODAY)
    assert {i.field for i in result.errors} == {"rep_name", "rep_cnic", "rep_relation",
                                                "rep_mobile"}
    filled = gpv(on_behalf="yes", rep_name="Abdul Rasheed", rep_cnic="35202-7654321-3",
                 rep_relation="father", rep_mobile="03211234567")
    assert validate_answers(GPV, filled, today=TODAY).ok


def test_foreign_identity_uses_the_passport_field_not_the_cnic() -> None:
    result = validate_answers(GPV, gpv(id_type="foreign-passport", cnic=None,
                                       foreign_id="X1234567"), today=TODAY)
    assert result.ok, messages(result)
    assert "cnic" not in result.answers and result.answers["foreign_id"] == "X1234567"


def test_group_rows_are_checked_with_row_numbers() -> None:
    rows = [{"district": "Lahore", "from": "2001-01-01", "to": "2000-01-01"},
            {"district": "Atlantis", "from": "2001-01-01", "to": "2002-01-01"}]
    result = validate_answers(GPV, gpv(residences=rows), today=TODAY)
    found = {i.field: str(i) for i in result.errors}
    assert set(found) == {"residences[0].to", "residences[1].district"}
    assert found["residences[0].to"].startswith("Districts and periods of residence, row 1: To:")


def test_empty_group_rows_are_ignored_and_minimum_enforced() -> None:
    result = validate_answers(GPV, gpv(residences=[{"district": "", "from": "", "to": ""}]),
                              today=TODAY)
    assert [i.field for i in result.errors] == ["residences"]
    assert "at least one row" in result.errors[0].message


def test_group_must_be_a_list_of_objects() -> None:
    result = validate_answers(GPV, gpv(residences="Lahore 2001-2002"), today=TODAY)
    assert [i.message for i in result.errors] == ["must be a list of rows"]


def test_future_birth_date_is_refused() -> None:
    result = validate_answers(GPV, gpv(date_of_birth="2027-01-01"), today=TODAY)
    assert [i.field for i in result.errors] == ["date_of_birth"]


def test_cnic_gender_mismatch_is_only_a_warning() -> None:
    result = validate_answers(GPV, gpv(gender="female"), today=TODAY)
    assert result.ok
    assert [i.field for i in result.warnings] == ["cnic"]
    assert "check both" in result.warnings[0].message


def test_answers_must_be_an_object() -> None:
    result = validate_answers(GPV, ["not", "an", "object"], today=TODAY)  # type: ignore[arg-type]
    assert not result.ok


def test_ten_thousand_character_input_is_refused_with_the_limit() -> None:
    result = validate_answers(GPV, gpv(present_address="x" * 10_000), today=TODAY)
    assert [i.field for i in result.errors] == ["present_address"]


def _toy(rules: tuple[Any, ...]) -> Service:
    fields = (
        Field(key="kind", type=FieldType.ENUM, label="Kind",
              options=options(("a", "A", "ا"), ("b", "B", "ب"))),
        Field(key="born", type=FieldType.DATE, label="Born", max="today"),
        Field(key="start", type=FieldType.DATETIME, label="Start", max="now"),
        Field(key="end", type=FieldType.DATETIME, label="End", required=False),
        Field(key="note", type=FieldType.TEXT, label="Note", when=equals("kind", "b")),
    )
    return Service(code="toy", title="Toy", title_ur="", short_title="Toy", group="reports",
                   description="", steps=(Step(key="s", title="S", fields=fields),),
                   rules=rules, fee=FeeRule("toy"), sla_key="toy")


def test_age_rule_with_condition() -> None:
    service = _toy((AgeRange("born", min_years=18, when=equals("kind", "b"),
                             reason="Only adults may apply."),))
    now = datetime(2026, 11, 23, 12, 0)
    young = {"kind": "b", "born": "2010-01-01", "start": "2026-11-01T10:00", "note": "x"}
    result = validate_answers(service, young, now=now)
    assert [str(i) for i in result.errors] == [
        "Born: the person must be at least 18 years old (is 16). Only adults may apply."]
    assert validate_answers(service, {**young, "kind": "a", "note": None}, now=now).ok


def test_datetime_order_and_not_in_future() -> None:
    service = _toy((DateOrder("start", "end", strict=True),))
    now = datetime(2026, 11, 23, 12, 0)
    base = {"kind": "a", "born": "2000-01-01"}
    late = validate_answers(service, {**base, "start": "2026-11-23 13:00"}, now=now)
    assert [i.field for i in late.errors] == ["start"]
    same = validate_answers(service, {**base, "start": "2026-11-23T10:00",
                                      "end": "2026-11-23T10:00"}, now=now)
    assert [i.message for i in same.errors] == ["must be after Start (23-11-2026 10:00)"]


@pytest.mark.parametrize("raw", [None, "", "   ", []])
def test_blank_values_count_as_missing(raw: Any) -> None:
    result = validate_answers(GPV, gpv(guardian_name=raw) | {"guardian_name": raw}, today=TODAY)
    assert [i.field for i in result.errors] == ["guardian_name"]
