"""The service catalogue as data: every declaration consistent, every example accepted, every
fee and SLA found in the tariff, and the reference lists the forms look things up in."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khidmat_desk.core import reference
from khidmat_desk.core.catalogue import (
    SERVICE_CODES,
    all_services,
    fee_not_set_message,
    get_service,
    load_tariff,
    quote_fee,
    sla_days,
)
from khidmat_desk.core.conditions import referenced_fields
from khidmat_desk.core.fields import (
    AgeRange,
    AllOf,
    AnyOf,
    AtLeastOne,
    CheckDigit,
    CnicGender,
    Condition,
    DateOrder,
    DateWithin,
    Different,
    Field,
    FieldType,
    Periods,
    Recent,
    Rule,
    Service,
    When,
)
from khidmat_desk.core.records import applicant_profile, draft_name, search_keys
from khidmat_desk.core.validation import validate_answers
from khidmat_desk.core.wizard import Wizard, complete_documents
from khidmat_desk.paths import resource_path

SERVICES = all_services()
IDS = [s.code for s in SERVICES]
GROUPS = {"verification", "registration", "reports", "licensing", "welfare"}
CONFIDENCES = {"low", "medium", "high", "none"}
ARABIC_LETTER = re.compile("[\u0600-\u06ff]")

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def conditions_of(service: Service) -> Iterator[tuple[str, Condition, set[str]]]:
    """(where, condition, keys it may name) for every condition declared anywhere."""
    top = {f.key for f in service.all_fields()}
    for step in service.steps:
        if step.when:
            yield f"step {step.key}", step.when, top
        for f in step.fields:
            if f.when:
                yield f"field {f.key}", f.when, top
            siblings = top | {m.key for m in f.fields}
            for member in f.fields:
                if member.when:
                    yield f"field {f.key}.{member.key}", member.when, siblings
    for doc in service.documents:
        if doc.when:
            yield f"document {doc.key}", doc.when, top
    for rule in service.rules:
        when = getattr(rule, "when", None)
        if when:
            group = getattr(rule, "group", None)
            members = {m.key for m in service.field_map()[group].fields} if group else set()
            yield f"rule {rule!r}", when, top | members


def leaves(condition: Condition) -> Iterator[When]:
    if isinstance(condition, AllOf | AnyOf):
        for inner in condition.conditions:
            yield from leaves(inner)
    else:
        yield condition


def rule_keys(rule: Rule) -> tuple[str | None, tuple[str, ...]]:
    """(group, keys) a rule reads."""
    if isinstance(rule, DateOrder):
        return rule.group, (rule.start, rule.end)
    if isinstance(rule, CnicGender):
        return rule.group, (rule.cnic, rule.gender)
    if isinstance(rule, AgeRange):
        return None, (rule.dob,)
    if isinstance(rule, Different):
        return None, (rule.first, rule.second)
    if isinstance(rule, AtLeastOne):
        return None, rule.keys
    if isinstance(rule, DateWithin):
        return None, (rule.field, rule.other)
    if isinstance(rule, Periods):  # its date of birth is checked apart, at the top level
        return rule.group, (rule.start, rule.end)
    if isinstance(rule, CheckDigit):
        return rule.group, (rule.field,)
    if isinstance(rule, Recent):
        return None, (rule.field,)
    raise AssertionError(f"unknown rule {rule!r}")


def every_field(service: Service) -> Iterator[Field]:
    for f in service.all_fields():
        yield f
        yield from f.fields


def field_by_path(service: Service, key: str) -> Field | None:
    """A top-level field, or (for a condition inside a group) any member with that key."""
    return service.field_map().get(key) or next(
        (m for f in service.all_fields() for m in f.fields if m.key == key), None)


def without(answers: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in answers.items() if k != key}


@pytest.fixture(scope="module")
def tariff() -> Any:
    return load_tariff()


@pytest.fixture
def restore_reference() -> Iterator[None]:
    yield
    reference.set_override_dir(None)


# ---------------------------------------------------------------------------------------------
# The catalogue's shape
# ---------------------------------------------------------------------------------------------


def test_every_code_has_its_module_and_nothing_else() -> None:
    assert tuple(s.code for s in SERVICES) == SERVICE_CODES
    folder = Path(__file__).parents[1] / "khidmat_desk" / "core" / "services"
    modules = {p.stem for p in folder.glob("*.py") if not p.stem.startswith("_")}
    assert modules == {code.replace("-", "_") for code in SERVICE_CODES}


@pytest.mark.parametrize("code", SERVICE_CODES)
def test_service_loads_by_code(code: str) -> None:
    service = get_service(code)
    assert service.code == code
    assert service.title and service.short_title and service.description
    assert ARABIC_LETTER.search(service.title_ur)
    assert service.group in GROUPS
    assert service.outputs, "every service prints something"


def test_shortcuts_are_unique_and_in_launcher_order() -> None:
    expected = [f"Ctrl+{n}" for n in range(1, 10)] + [f"Ctrl+Shift+{n}" for n in range(1, 7)]
    assert [s.shortcut for s in SERVICES] == expected


@pytest.mark.parametrize("service", SERVICES, ids=IDS)
def test_field_keys_are_unique(service: Service) -> None:
    keys = [f.key for f in service.all_fields()]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
    for group in (f for f in service.all_fields() if f.type is FieldType.GROUP):
        members = [m.key for m in group.fields]
        assert members and len(members) == len(set(members)), group.key
        assert group.min_items >= (1 if group.required else 0), f"{group.key} can never be missing"
    steps = [s.key for s in service.steps]
    assert len(steps) == len(set(steps))
    assert not {"documents", "review"} & set(steps), "the wizard adds these steps itself"
    assert len({d.key for d in service.documents}) == len(service.documents)


@pytest.mark.parametrize("service", SERVICES, ids=IDS)
def test_conditions_name_existing_fields_and_options(service: Service) -> None:
    for where, condition, allowed in conditions_of(service):
        missing = referenced_fields(condition) - allowed
        assert not missing, f"{where} refers to unknown {missing}"
        for leaf in leaves(condition):
            target = field_by_path(service, leaf.field)
            assert target is not None
            if target.type in (FieldType.ENUM, FieldType.MULTI_ENUM) and leaf.value is not None:
                values = leaf.value if isinstance(leaf.value, tuple) else (leaf.value,)
                unknown = {v for v in values if v is not None} - set(target.option_values())
                assert not unknown, f"{where}: {leaf.field} has no option {unknown}"


@pytest.mark.parametrize("service", SERVICES, ids=IDS)
def test_rules_name_existing_fields(service: Service) -> None:
    fields = service.field_map()
    for rule in service.rules:
        group, keys = rule_keys(rule)
        scope = {m.key for m in fields[group].fields} if group else set(fields)
        assert set(keys) <= scope, f"{rule!r} refers to unknown {set(keys) - scope}"


@pytest.mark.parametrize("service", SERVICES, ids=IDS)
def test_choices_have_options_and_everything_has_urdu(service: Service) -> None:
    for step in service.steps:
        assert ARABIC_LETTER.search(step.title_ur), step.key
    for f in every_field(service):
        assert f.label_ur.strip(), f"{f.key} has no Urdu label"
        if f.type in (FieldType.ENUM, FieldType.MULTI_ENUM):
            values = f.option_values()
            assert values and len(values) == len(set(values)), f.key
            assert all(o.label and o.label_ur for o in f.options), f.key
    for doc in service.documents:
        assert ARABIC_LETTER.search(doc.label_ur), doc.key
    for out in service.outputs:
        assert ARABIC_LETTER.search(out.title_ur), out.key


@pytest.mark.parametrize("service", SERVICES, ids=IDS)
def test_primary_person_and_names_are_searchable(service: Service) -> None:
    fields = service.field_map()
    assert fields[service.primary_cnic].type is FieldType.CNIC
    assert fields[service.primary_mobile].type is FieldType.MOBILE
    assert fields[service.primary_name].searchable_name
    not_people = ("guardian_name", "organisation_name")
    for f in every_field(service):
        if (f.key == "name" or f.key.endswith("_name")) and not f.key.endswith(not_people):
            assert f.searchable_name, f"{f.key} holds a person's name but is not searchable"
        if f.profile is not None:
            assert f.key == f.profile, "only the un-prefixed applicant block fills the profile"


@pytest.mark.parametrize("service", SERVICES, ids=IDS)
def test_every_person_with_cnic_and_gender_has_the_parity_check(service: Service) -> None:
    keys = set(service.field_map())
    people = {k[: -len("cnic")] for k in keys if k.endswith("cnic") and f"{k[:-4]}gender" in keys}
    checked = {r.cnic[: -len("cnic")] for r in service.rules
               if isinstance(r, CnicGender) and r.group is None}
    assert people and people == checked


def test_survivor_details_are_confidential_and_injured_id_optional() -> None:
    vaw = get_service("women-violence-report")
    survivor = [f for f in vaw.all_fields() if f.key.startswith("survivor_")]
    assert len(survivor) >= 10 and all(f.confidential for f in survivor)
    assert all(f.confidential for f in vaw.field_map()["children"].fields)
    assert vaw.field_map()["narrative"].confidential
    mlc = get_service("medico-legal").field_map()
    assert not mlc["injured_cnic"].required and not mlc["injured_id_type"].required


# ---------------------------------------------------------------------------------------------
# Examples: accepted as they are, refused without a required answer
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("service", SERVICES, ids=IDS)
def test_example_validates_cleanly(service: Service) -> None:
    result = validate_answers(service, service.example)
    assert result.ok, [str(i) for i in result.errors]
    assert not result.warnings, [str(i) for i in result.warnings]
    assert set(service.example) <= set(result.answers), "an example answer was dropped"
    profile = applicant_profile(service, result.answers)
    assert profile is not None and profile.name == result.answers[service.primary_name]
    assert ("cnic", result.answers[service.primary_cnic]) in search_keys(service, result.answers)


@pytest.mark.parametrize("service", SERVICES, ids=IDS)
def test_removing_a_required_answer_names_that_field(service: Service) -> None:
    applicable = validate_answers(service, service.example).applicable
    required = [f for f in service.all_fields() if f.required and f.key in applicable
                and f.key in service.example]
    assert required
    for f in required:
        result = validate_answers(service, without(service.example, f.key))
        assert not result.ok
        assert f.key in {i.field for i in result.errors}, f.key


@pytest.mark.parametrize("service", SERVICES, ids=IDS)
def test_example_goes_through_the_wizard(service: Service, tariff: Any) -> None:
    wizard = Wizard(service, answers=dict(service.example), tariff=tariff)
    complete_documents(wizard)
    assert wizard.may_submit()
    while wizard.state().next_step is not None:
        wizard.next()
    assert wizard.current == "review"


# ---------------------------------------------------------------------------------------------
# Tariff
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("service", SERVICES, ids=IDS)
def test_fee_and_sla_resolve_in_the_tariff(service: Service, tariff: Any) -> None:
    assert service.fee.key in tariff.fees
    assert service.sla_key in tariff.sla_days
    assert sla_days(service, tariff) >= 0
    quote = quote_fee(service, validate_answers(service, service.example).answers, tariff)
    assert quote.items and all(item.key in tariff.fees for item in quote.items)
    assert quote.total >= 0


def test_tariff_entries_are_complete_and_belong_to_a_service(tariff: Any) -> None:
    raw = json.loads(resource_path("data", "tariff.json").read_text("utf-8"))
    fee_keys = {s.fee.key: s for s in SERVICES}
    for key, entry in raw["fees"].items():
        assert entry["pkr"] is None or (isinstance(entry["pkr"], int) and entry["pkr"] >= 0), key
        assert entry["label"] and entry["confidence"] in CONFIDENCES, key
        assert re.search("[\u0600-\u06ff]", entry["label_ur"]), key  # the Urdu counter's word
        assert entry["source"] is None or entry["source"].strip(), key
        assert entry["as_of"] is None or isinstance(entry["as_of"], str), key
        assert isinstance(entry["note"], str), key
        if entry["confidence"] == "none":
            # no figure found: the fee is not set (null), never a made-up free service
            assert entry["pkr"] is None and "no official figure" in entry["note"].lower(), key
        base, *parts = key.split("/")
        service = fee_keys[base]
        choosers = [service.fee.by, service.fee.per][: len(parts)]
        for part, chooser in zip(parts, choosers, strict=True):
            assert chooser is not None, key
            assert part in service.field_map()[chooser].option_values(), key
    assert set(raw["sla_days"]) == {s.sla_key for s in SERVICES}


def test_driving_licence_fee_follows_transaction_and_categories(tariff: Any) -> None:
    service = get_service("driving-licence")
    quote = quote_fee(service, {"transaction": "new-regular",
                                "categories": ["motorcycle", "car"]}, tariff)
    assert [i.key for i in quote.items] == ["driving-licence/new-regular/motorcycle",
                                            "driving-licence/new-regular/car"]
    assert quote.total == 980 + 2280
    learner = quote_fee(service, {"transaction": "learner", "categories": ["car"]}, tariff)
    assert [(i.key, i.amount) for i in learner.items] == [("driving-licence/learner", 500)]
    idp = validate_answers(service, {**service.example, "transaction": "international-permit",
                                     "licence_no": "LHR-55512", "passport_no": "AB1234567"})
    assert idp.ok and "categories" not in idp.answers
    assert quote_fee(service, idp.answers, tariff).total == 930


def test_a_learner_permit_is_charged_once_whatever_the_categories(tariff: Any) -> None:
    """The schedule says Rs 500 for a learner permit of any category, not Rs 500 each."""
    learner = quote_fee(get_service("driving-licence"),
                        {"transaction": "learner", "categories": ["motorcycle", "car"]}, tariff)
    assert [(i.key, i.amount) for i in learner.items] == [("driving-licence/learner", 500)]
    assert learner.total == 500


@pytest.mark.parametrize(("transaction", "category"), [
    ("renewal", "ltv"), ("renewal", "psv"), ("duplicate", "rickshaw"), ("endorsement", "car")])
def test_a_category_with_no_figure_is_not_set_rather_than_free(tariff: Any, transaction: str,
                                                                category: str) -> None:
    quote = quote_fee(get_service("driving-licence"),
                      {"transaction": transaction, "categories": [category]}, tariff)
    assert quote.not_set and not quote.free and quote.total == 0
    assert "not set" in fee_not_set_message(quote)


def test_a_service_with_no_known_fee_is_not_free_and_a_free_one_is(tariff: Any) -> None:
    vehicle = quote_fee(get_service("vehicle-verification"), {}, tariff)
    assert vehicle.not_set and not vehicle.free
    tenant = quote_fee(get_service("tenant-registration"), {}, tariff)
    assert tenant.free and not tenant.not_set
    mixed = quote_fee(get_service("driving-licence"),
                      {"transaction": "renewal", "categories": ["motorcycle", "ltv"]}, tariff)
    assert [i.set for i in mixed.items] == [True, False]
    assert mixed.total == 0, "no money is taken while part of the fee is unknown"


# ---------------------------------------------------------------------------------------------
# Service-specific behaviour
# ---------------------------------------------------------------------------------------------


def errors_of(code: str, **changes: Any) -> dict[str, str]:
    service = get_service(code)
    answers = {k: v for k, v in {**service.example, **changes}.items() if v is not None}
    return {i.field: i.message for i in validate_answers(service, answers).errors}


def test_an_injured_persons_age_is_estimated_only_without_a_date_of_birth() -> None:
    """A docket stating "born 1998" and "about 53" contradicts itself: the estimate is asked
    (and kept) only when the date of birth is not known."""
    service = get_service("medico-legal")
    known = {**service.example, "injured_approx_age": 53}
    assert "injured_approx_age" not in validate_answers(service, known).answers
    unknown = {k: v for k, v in known.items() if k != "injured_date_of_birth"}
    assert validate_answers(service, unknown).answers["injured_approx_age"] == 53


def test_tenant_cannot_be_the_landlord_or_a_minor() -> None:
    landlord = get_service("tenant-registration").example["landlord_cnic"]
    assert "landlord's CNIC" in errors_of("tenant-registration", tenant_cnic=landlord,
                                          tenant_gender="male")["tenant_cnic"]
    assert "at least 18" in errors_of("tenant-registration",
                                      tenant_date_of_birth="2015-01-01")["tenant_date_of_birth"]
    assert "agreement_end" in errors_of("tenant-registration", agreement_end="2023-01-01")


def test_tenant_dealer_and_weapon_blocks_switch_on() -> None:
    errors = errors_of("tenant-registration", filed_by="property-dealer", tenant_has_weapon=True)
    assert {"dealer_name", "dealer_cnic", "dealer_mobile", "weapon_licence_no",
            "weapon_type"} <= set(errors)


def test_tenant_from_another_province_types_the_district() -> None:
    errors = errors_of("tenant-registration", tenant_permanent_province="khyber-pakhtunkhwa")
    assert set(errors) == {"tenant_permanent_district_other"}
    assert not errors_of("tenant-registration", tenant_permanent_province="khyber-pakhtunkhwa",
                         tenant_permanent_district_other="Swat")


def test_character_certificate_abroad_needs_representative_and_attesters() -> None:
    errors = errors_of("character-certificate", applicant_abroad=True,
                       authority_letter_type="two-attesters")
    assert {"rep_name", "rep_cnic", "rep_relation", "rep_mobile", "abroad_since",
            "attester1_name", "attester1_cnic", "attester2_name", "attester2_cnic"} <= set(errors)
    embassy = errors_of("character-certificate", applicant_abroad=True,
                        authority_letter_type="embassy-stamp", rep_name="Abdul Rasheed",
                        rep_cnic="35202-7654321-3", rep_relation="father",
                        rep_mobile="0321-1234567", abroad_since="2022-01-10")
    assert not embassy


def test_character_certificate_age_depends_on_id_type() -> None:
    seventeen = {"date_of_birth": "2009-01-01"}
    assert "date_of_birth" in errors_of("character-certificate", **seventeen)
    assert not errors_of("character-certificate", id_type="b-form", **seventeen)
    assert "date_of_birth" in errors_of("character-certificate", id_type="b-form",
                                        date_of_birth="2015-01-01")


def test_character_certificate_stays_must_run_forwards() -> None:
    stays = [{"district": "Lahore", "from": "2020-01-01", "to": "2019-01-01"}]
    assert "stays[0].to" in errors_of("character-certificate", stays=stays)


def test_driving_licence_age_limits_by_category() -> None:
    code = "driving-licence"
    medical = {"medical_certificate_by": "Services Hospital, Lahore"}
    assert "date_of_birth" in errors_of(code, date_of_birth="2015-01-01")
    assert "date_of_birth" in errors_of(code, categories=["ltv"],
                                        date_of_birth="2010-06-01", **medical)
    assert "date_of_birth" in errors_of(code, categories=["psv"],
                                        date_of_birth="2008-06-01", **medical)
    assert not errors_of(code, categories=["htv"], date_of_birth="1990-01-01", **medical)


def test_driving_licence_medical_certificate_for_heavy_vehicles_and_age_fifty() -> None:
    code = "driving-licence"
    assert "medical_certificate_by" in errors_of(code, categories=["htv"])
    assert "date_of_birth" in errors_of(code, date_of_birth="1960-01-01")
    assert not errors_of(code, date_of_birth="1960-01-01",
                         medical_certificate_by="Mayo Hospital")


def test_driving_licence_learner_permit_must_be_six_weeks_old() -> None:
    from datetime import date, timedelta

    recent = (date.today() - timedelta(days=10)).isoformat()
    assert "learner_permit_date" in errors_of("driving-licence", learner_permit_date=recent)
    assert "learner_permit_no" in errors_of("driving-licence", learner_permit_no=None)


def test_vehicle_year_and_identifiers() -> None:
    assert "model_year" in errors_of("vehicle-verification", model_year=1949)
    assert "chassis_no" in errors_of("vehicle-verification", chassis_no="AB")
    assert "registration_no" in errors_of("vehicle-verification", registration_no="12345")
    outside = errors_of("vehicle-verification", registration_province="islamabad")
    assert set(outside) == {"registration_authority"}


def test_crime_report_imei_must_be_fifteen_digits() -> None:
    stolen = [{"item_type": "mobile-phone", "description": "Phone", "imei": "12345"}]
    assert "stolen_property[0].imei" in errors_of("crime-report", stolen_property=stolen)
    plate = [{"item_type": "vehicle", "description": "Honda CD-70", "plate": "LEA-12-3456"}]
    assert not errors_of("crime-report", stolen_property=plate)


def test_lost_report_owner_block_and_stolen_note() -> None:
    errors = errors_of("lost-report", for_someone_else=True)
    assert {"owner_name", "owner_id_type", "owner_gender"} <= set(errors)
    service = get_service("lost-report")
    stolen = validate_answers(service, {**service.example, "loss_kind": "stolen"})
    assert stolen.ok and "theft_report_ref" in stolen.applicable


def test_medico_legal_accepts_an_unidentified_injured_person() -> None:
    service = get_service("medico-legal")
    unknown = {k: v for k, v in service.example.items()
               if not k.startswith("injured_") or k in ("injured_name", "injured_gender")}
    result = validate_answers(service, {**unknown, "injured_approx_age": 30})
    assert result.ok, [str(i) for i in result.errors]


def test_fir_copy_needs_a_real_fir_number() -> None:
    assert "fir_no" in errors_of("fir-copy", fir_no="5-2099")
    assert "bar_licence_no" in errors_of("fir-copy", case_link="lawyer")


def test_arms_licence_dates_and_new_application() -> None:
    assert "valid_to" in errors_of("arms-licence", valid_to="2018-01-01")
    new = errors_of("arms-licence", request_type="new-application")
    assert set(new) == {"application_ref"}


def test_employees_age_limits() -> None:
    assert "employee_date_of_birth" in errors_of("employee-registration",
                                                 employee_date_of_birth="2014-01-01")
    assert "employee_date_of_birth" in errors_of("employee-verification",
                                                 employee_date_of_birth="2010-01-01")
    assert "employee_cnic" in errors_of(
        "employee-registration",
        employee_cnic=get_service("employee-registration").example["employer_cnic"])


# ---------------------------------------------------------------------------------------------
# Reference lists
# ---------------------------------------------------------------------------------------------


def test_forty_one_districts_in_ten_divisions_with_urdu_names() -> None:
    districts = reference.districts()
    assert len(districts) == 41 and len({d.name for d in districts}) == 41
    assert len({d.division for d in districts}) == 10
    assert all(ARABIC_LETTER.search(d.name_ur) for d in districts)
    assert {"Murree", "Talagang", "Wazirabad", "Taunsa", "Kot Addu"} <= {d.name for d in districts}


@pytest.mark.parametrize(("typed", "name"), [
    ("Lahore", "Lahore"), ("  lahore ", "Lahore"), ("LAHORE", "Lahore"),
    ("DG Khan", "Dera Ghazi Khan"), ("D.G. Khan", "Dera Ghazi Khan"),
    ("d g khan", "Dera Ghazi Khan"), ("RY Khan", "Rahim Yar Khan"),
    ("R.Y. Khan", "Rahim Yar Khan"), ("T.T. Singh", "Toba Tek Singh"),
    ("TT Singh", "Toba Tek Singh"), ("M.B. Din", "Mandi Bahauddin"),
    ("Toba Tek Singh", "Toba Tek Singh"), ("Lyallpur", "Faisalabad"),
    ("لاہور", "Lahore"), ("ڈیرہ غازی خان", "Dera Ghazi Khan"),
    ("راولپنڈي", "Rawalpindi"),  # typed with the Arabic yeh
])
def test_find_district_variants(typed: str, name: str) -> None:
    found = reference.find_district(typed)
    assert found is not None and found.name == name


@pytest.mark.parametrize("typed", ["", "   ", "Karachi", "Gujar", "Lahore Cantt"])
def test_find_district_refuses_what_is_not_a_district(typed: str) -> None:
    assert reference.find_district(typed) is None


@given(st.sampled_from(reference.districts()), st.randoms(use_true_random=False))
def test_find_district_ignores_case_spaces_and_dots(district: reference.District,
                                                   rnd: Any) -> None:
    typed = "".join(
        (ch.upper() if rnd.random() < 0.5 else ch.lower()) + rnd.choice(["", "", " ", "."])
        for ch in district.name)
    assert reference.find_district(f" {typed} ") == district


def test_police_stations_by_district() -> None:
    raw = json.loads(resource_path("data", "police_stations.json").read_text("utf-8"))
    assert raw["_note"] and raw["_source"]
    assert {k for k in raw if not k.startswith("_")} <= {d.name for d in reference.districts()}
    assert "Gulberg" in reference.police_stations("Lahore")
    assert reference.police_stations("lahore") == reference.police_stations("Lahore")
    assert reference.police_stations("Narowal") == ()
    assert reference.police_stations("Nowhere") == ()
    assert reference.find_police_station("Lahore", "  model   town ") == "Model Town"
    assert reference.find_police_station("Lahore", "PS Gulberg") == "Gulberg"
    assert reference.find_police_station("D.G. Khan", "x") is None
    assert reference.find_police_station("Lahore", "Shah Faisal Colony") is None


def test_countries_are_the_iso_list() -> None:
    countries = reference.countries()
    codes = [c.code for c in countries]
    assert len(codes) == 249 and len(set(codes)) == 249
    assert all(re.fullmatch(r"[A-Z]{2}", c) for c in codes)
    assert codes == sorted(codes)


@pytest.mark.parametrize(("typed", "code"), [
    ("PK", "PK"), ("pk", "PK"), ("pakistan", "PK"), ("PAKISTAN ", "PK"),
    ("Saudi Arabia", "SA"), ("KSA", "SA"), ("UAE", "AE"), ("uk", "GB"),
    ("United Kingdom", "GB"), ("usa", "US"), ("Turkiye", "TR"), ("South Korea", "KR"),
])
def test_find_country(typed: str, code: str) -> None:
    found = reference.find_country(typed)
    assert found is not None and found.code == code


def test_find_country_refuses_unknown_text() -> None:
    assert reference.find_country("") is None
    assert reference.find_country("Atlantis") is None
    assert reference.find_country("XX") is None


def test_country_aliases_point_to_one_country_each() -> None:
    raw = json.loads(resource_path("data", "countries.json").read_text("utf-8"))
    seen: dict[str, str] = {}
    for row in raw["countries"]:
        for spelling in (row["name"], *row.get("aliases", ())):
            key = re.sub(r"[\W_]+", "", spelling.casefold())
            assert seen.setdefault(key, row["code"]) == row["code"], spelling


def write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


@pytest.mark.usefixtures("restore_reference")
def test_override_dir_replaces_the_shipped_lists(tmp_path: Path) -> None:
    write_json(tmp_path / "districts.json", {"districts": [
        {"name": "Lahore", "name_ur": "لاہور", "division": "Lahore"},
        {"name": "Pattoki", "name_ur": "پتوکی", "division": "Lahore", "aliases": ["Patoki"]},
    ]})
    write_json(tmp_path / "police_stations.json",
               {"_note": "centre list", "Pattoki": ["City Pattoki", "Saddar Pattoki"]})
    reference.set_override_dir(tmp_path)
    assert [d.name for d in reference.districts()] == ["Lahore", "Pattoki"]
    assert reference.find_district("patoki") == reference.District("Pattoki", "پتوکی", "Lahore")
    assert reference.find_district("Multan") is None
    assert reference.police_stations("Pattoki") == ("City Pattoki", "Saddar Pattoki")
    assert reference.police_stations("Lahore") == ()
    reference.set_override_dir(None)
    assert len(reference.districts()) == 41 and reference.find_district("Pattoki") is None


@pytest.mark.usefixtures("restore_reference")
def test_override_with_only_stations_keeps_shipped_districts(tmp_path: Path) -> None:
    write_json(tmp_path / "police_stations.json", {"Narowal": ["City Narowal"]})
    reference.set_override_dir(tmp_path)
    assert len(reference.districts()) == 41
    assert reference.find_police_station("Narowal", "city narowal") == "City Narowal"


@pytest.mark.usefixtures("restore_reference")
@pytest.mark.parametrize("content", [
    "{not json", json.dumps({"districts": []}), json.dumps({"districts": [{"name": "X"}]}),
    json.dumps([1, 2]),
])
def test_broken_override_is_refused_and_changes_nothing(tmp_path: Path, content: str) -> None:
    (tmp_path / "districts.json").write_text(content, "utf-8")
    with pytest.raises(reference.ReferenceDataError, match=r"districts\.json"):
        reference.set_override_dir(tmp_path)
    assert len(reference.districts()) == 41


@pytest.mark.usefixtures("restore_reference")
def test_broken_station_override_is_refused(tmp_path: Path) -> None:
    write_json(tmp_path / "police_stations.json", {"Lahore": "Gulberg"})
    with pytest.raises(reference.ReferenceDataError, match="Lahore"):
        reference.set_override_dir(tmp_path)
    assert "Gulberg" in reference.police_stations("Lahore")


def test_the_urdu_counter_names_each_fee_in_urdu(tmp_path: Path) -> None:
    """The quote carries each item's Urdu label; a centre that renames an entry in its own
    tariff file without giving an Urdu name is shown its own name, not the shipped Urdu one."""
    service = get_service("lost-report")
    answers = validate_answers(service, service.example).answers
    [item] = quote_fee(service, answers, load_tariff()).items
    assert (item.label, item.label_ur) == ("Lost document report", "گمشدہ دستاویز کی رپورٹ")
    override = tmp_path / "tariff.json"
    override.write_text(json.dumps({"fees": {"lost-report": {
        "pkr": 0, "label": "Loss report (Lahore)"}}}), "utf-8")
    [renamed] = quote_fee(service, answers, load_tariff(override)).items
    assert (renamed.label, renamed.label_ur) == ("Loss report (Lahore)", "")


def test_an_unfinished_application_is_named_by_whoever_is_named_first() -> None:
    """The resume question names the main person, or until that is typed the first person
    named (a tenant registration starts with the landlord); a guardian's name is nobody's."""
    tenancy = get_service("tenant-registration")
    assert draft_name(tenancy, {"landlord_name": "Tariq Mehmood"}) == "Tariq Mehmood"
    assert draft_name(tenancy, {"landlord_name": "Tariq Mehmood",
                                "tenant_name": " Bilal Khan "}) == "Bilal Khan"
    assert draft_name(tenancy, {"landlord_guardian_name": "Mehmood Ahmad"}) == ""
    certificate = get_service("character-certificate")
    assert draft_name(certificate, {"guardian_name": "Waseem Sial"}) == ""
    assert draft_name(certificate, {"name": "Ali Raza"}) == "Ali Raza"
    assert draft_name(certificate, {}) == ""
