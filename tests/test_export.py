"""`services --json` must be complete and true: other tools build forms and test data from it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from khidmat_desk.core.catalogue import SERVICE_CODES, get_service, load_tariff
from khidmat_desk.core.export import catalogue_json
from khidmat_desk.core.fields import FieldType
from khidmat_desk.core.validation import validate_answers

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def catalogue() -> dict[str, Any]:
    return catalogue_json(load_tariff(), TODAY)


def test_every_service_is_exported_in_order(catalogue: dict[str, Any]) -> None:
    assert [s["code"] for s in catalogue["services"]] == list(SERVICE_CODES)


def test_service_entries_carry_fee_sla_documents_and_titles(catalogue: dict[str, Any]) -> None:
    for entry in catalogue["services"]:
        assert entry["title"] and entry["title_ur"], entry["code"]
        assert isinstance(entry["sla_days"], int)
        assert isinstance(entry["fee"]["example_total"], int)
        assert entry["outputs"], entry["code"]
        assert all({"key", "label", "required"} <= d.keys() or "key" in d
                   for d in entry["documents"])


def _walk(fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for f in fields:
        out.append(f)
        out.extend(_walk(f.get("fields", [])))
    return out


def test_every_field_says_key_type_required_and_step(catalogue: dict[str, Any]) -> None:
    for entry in catalogue["services"]:
        service = get_service(entry["code"])
        assert [f["key"] for f in entry["fields"]] == [f.key for f in service.all_fields()]
        for f in entry["fields"]:
            assert {"key", "type", "required", "step"} <= f.keys()
        for f in _walk(entry["fields"]):
            assert f["type"] in catalogue["field_types"]
            if f["type"] in ("enum", "multi_enum", "district", "country"):
                assert f["options"], (entry["code"], f["key"])
            if f["type"] == "group":
                assert f["fields"] and "min_items" in f and "max_items" in f
            if f["type"] in ("text", "urdu_text", "email"):
                assert f["max_length"] > 0
            if f["type"] in ("cnic", "mobile", "plate", "chassis", "fir", "passport"):
                assert f["pattern"]


def test_relative_date_bounds_are_resolved(catalogue: dict[str, Any]) -> None:
    gpv = next(s for s in catalogue["services"] if s["code"] == "police-verification")
    dob = next(f for f in gpv["fields"] if f["key"] == "date_of_birth")
    assert dob["max"] == "2026-11-23" and dob["max_relative"] == "today"
    assert dob["min"] == "1906-11-23"


def test_conditions_are_exported(catalogue: dict[str, Any]) -> None:
    gpv = next(s for s in catalogue["services"] if s["code"] == "police-verification")
    rep = next(f for f in gpv["fields"] if f["key"] == "rep_cnic")
    assert rep["when"] == {"field": "on_behalf", "op": "truthy"}


def test_every_example_passes_validation(catalogue: dict[str, Any]) -> None:
    for entry in catalogue["services"]:
        result = validate_answers(get_service(entry["code"]), entry["example"], today=TODAY)
        assert result.ok, (entry["code"], [str(i) for i in result.errors])


def test_identifier_types_are_declared(catalogue: dict[str, Any]) -> None:
    used = {f["type"] for s in catalogue["services"] for f in _walk(s["fields"])}
    required = {t.value for t in FieldType}
    assert required <= used, f"types never used by any service: {sorted(required - used)}"
