"""Services declare their conventions by name; a wrong name is caught when the service loads."""

from __future__ import annotations

from dataclasses import replace

import pytest

from khidmat_desk.core.catalogue import SERVICE_CODES, get_service
from khidmat_desk.core.declarations import declaration_problems
from khidmat_desk.core.fields import FieldType


@pytest.mark.parametrize("code", SERVICE_CODES)
def test_every_service_declares_its_names_correctly(code: str) -> None:
    assert declaration_problems(get_service(code)) == []


def test_a_misspelt_holder_key_is_named() -> None:
    service = replace(get_service("tenant-registration"), primary_name_ur="tenant_nam_ur")
    assert declaration_problems(service) == [
        "tenant-registration: primary_name_ur names 'tenant_nam_ur', which is not one of its "
        "fields"]


def _misdeclared(code: str, key: str, **link: str) -> list[str]:
    """What the declarations check says of service ``code`` with field ``key``'s link
    misspelt as ``link``."""
    service = get_service(code)
    steps = tuple(replace(s, fields=tuple(replace(f, **link) if f.key == key else f
                                          for f in s.fields)) for s in service.steps)
    return declaration_problems(replace(service, steps=steps))


def test_a_police_station_must_name_its_district() -> None:
    [problem] = _misdeclared("fir-copy", "fir_police_station", district_field="fir_distric")
    assert "police station 'fir_police_station' must name its district field" in problem


def test_the_police_stations_follow_the_declared_district() -> None:
    from khidmat_desk.core import reference
    from khidmat_desk.core.validation import validate_answers

    service = get_service("police-verification")
    station = next(f for f in service.all_fields() if f.type is FieldType.POLICE_STATION)
    district = reference.find_district("Lahore")
    assert district is not None
    known = reference.police_stations(district.name)[0]
    answers = {**service.example, station.district_field: "lahore",
               station.key: known.upper()}
    assert validate_answers(service, answers).answers[station.key] == known


def test_a_police_station_without_its_district_is_refused() -> None:
    """Civil Lines stands in five districts: where the district may be left out, a station
    named without it cannot be forwarded, so the officer is asked for the district."""
    from khidmat_desk.core.validation import validate_answers

    service = get_service("vehicle-verification")
    answers = {k: v for k, v in service.example.items() if not k.startswith("permanent_")}
    checked = validate_answers(service, {**answers, "permanent_police_station": "Civil Lines"})
    assert [(i.field, i.message) for i in checked.errors] == [
        ("permanent_police_station", "needs its district: choose the district first")]
    checked = validate_answers(service, {**answers, "permanent_police_station": "civil lines",
                                         "permanent_district": "Rawalpindi"})
    assert checked.ok and checked.answers["permanent_police_station"] == "Civil Lines"


@pytest.mark.parametrize(("code", "key", "link", "said"), [
    ("tenant-registration", "tenant_cnic", {"id_type_field": "tenant_idtype"},
     "tenant-registration: field 'tenant_cnic' must name its identity document field "
     "(id_type_field='tenant_idtype' is no identity document field here)"),
    ("police-verification", "permanent_district", {"same_as": "present_distrct"},
     "police-verification: field 'permanent_district' is copied from 'present_distrct', which "
     "is no district field of the service"),
])
def test_a_misspelt_link_between_fields_is_named(code: str, key: str, link: dict[str, str],
                                                 said: str) -> None:
    """A person's card and its kind; an address copied from another (the permanent address
    from the present one)."""
    assert _misdeclared(code, key, **link) == [said]


def test_person_fields_declare_their_links_and_the_holder_follows_its_person() -> None:
    service = get_service("employee-registration")
    fields = service.field_map()
    assert service.primary_prefix == "employee_"
    assert (service.primary_cnic, service.primary_name_ur) == ("employee_cnic",
                                                               "employee_name_ur")
    assert fields["employee_cnic"].id_type_field == "employee_id_type"
    assert fields["employee_relation"].guardian_field == "employee_guardian_name"
    assert get_service("police-verification").primary_prefix == ""


@pytest.mark.parametrize("code", SERVICE_CODES)
def test_an_optional_document_is_named_without_its_own_if_any(code: str) -> None:
    """The checklist adds "(if any)" to a document that is not required; a label that says so
    itself read "Copy of the lost document, if available (if any)"."""
    for document in get_service(code).documents:
        if not document.required:
            assert ", if " not in document.label, document.label
            assert "اگر" not in document.label_ur, document.label_ur
