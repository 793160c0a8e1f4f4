"""Sample answers are generated from the declarations and always pass validation."""

from __future__ import annotations

import random
import re
from datetime import date, datetime

import pytest

from khidmat_desk.core import reference, validators
from khidmat_desk.core.catalogue import SERVICE_CODES, get_service
from khidmat_desk.core.fields import (
    AtLeastOne,
    DateOrder,
    DateWithin,
    Different,
    FeeRule,
    Field,
    FieldType,
    Service,
    Step,
    equals,
    options,
)
from khidmat_desk.core.samples import (
    Citizen,
    NamePool,
    primary_citizen,
    random_citizen,
    sample_answers,
    sample_answers_for_all,
)
from khidmat_desk.core.samples.pattern import text_from_pattern
from khidmat_desk.core.services._common import NAME_PATTERN
from khidmat_desk.core.validation import validate_answers
from khidmat_desk.paths import resource_path

TODAY = date(2025, 11, 23)
NOW = datetime(2025, 11, 23, 14, 30)
SAMPLES = 200


@pytest.fixture(scope="module")
def names() -> NamePool:
    return NamePool.load()


def _issues(result: object) -> list[str]:
    return [f"{i.field}: {i.message}" for i in result.issues]  # type: ignore[attr-defined]


@pytest.mark.parametrize("code", SERVICE_CODES)
def test_typed_samples_validate_without_errors_or_warnings(code: str, names: NamePool) -> None:
    service, rng = get_service(code), random.Random(code)
    for _ in range(SAMPLES):
        answers = sample_answers(service, rng, today=TODAY, names=names, now=NOW)
        result = validate_answers(service, answers, today=TODAY, now=NOW)
        assert result.issues == (), (_issues(result), answers)


@pytest.mark.parametrize("code", SERVICE_CODES)
def test_stored_form_samples_are_exactly_what_validation_stores(code: str,
                                                               names: NamePool) -> None:
    service, rng = get_service(code), random.Random(f"stored {code}")
    for _ in range(SAMPLES):
        answers = sample_answers(service, rng, today=TODAY, names=names, now=NOW,
                                 as_typed=False)
        result = validate_answers(service, answers, today=TODAY, now=NOW)
        assert result.ok, (_issues(result), answers)
        assert result.answers == answers


def test_samples_made_for_the_real_today_validate_as_a_save_would(names: NamePool) -> None:
    today, rng = date.today(), random.Random(7)
    for answers_by_code in (sample_answers_for_all(rng, today, names=names) for _ in range(20)):
        assert set(answers_by_code) == set(SERVICE_CODES)
        for code, answers in answers_by_code.items():
            result = validate_answers(get_service(code), answers, today=today)
            assert result.ok, (code, _issues(result))


def test_the_same_seed_gives_the_same_answers(names: NamePool) -> None:
    service = get_service("tenant-registration")
    first = [sample_answers(service, random.Random(42), today=TODAY, names=names)
             for _ in range(3)]
    assert first[0] == first[1] == first[2]
    other = sample_answers(service, random.Random(43), today=TODAY, names=names)
    assert other != first[0]


def _pool_pairs(names: NamePool, female: bool) -> dict[str, str]:
    given = names.female if female else names.male
    return {f"{g.en} {f.en}": f"{g.ur} {f.ur}" for g in given for f in names.family} | {
        g.en: g.ur for g in given}


def test_people_look_real(names: NamePool) -> None:
    """Names match the gender, the Urdu spelling is the same person's, the guardian is a man,
    and the CNIC's last digit follows NADRA's parity for the gender."""
    service, rng = get_service("police-verification"), random.Random(3)
    male_pairs, female_pairs = _pool_pairs(names, False), _pool_pairs(names, True)
    genders = set()
    for _ in range(SAMPLES):
        answers = validate_answers(
            service, sample_answers(service, rng, today=TODAY, names=names), today=TODAY).answers
        gender = answers["gender"]
        genders.add(gender)
        if gender in ("male", "female"):
            pairs = female_pairs if gender == "female" else male_pairs
            assert answers["name"] in pairs
            if "name_ur" in answers:
                assert answers["name_ur"] == pairs[answers["name"]]
        assert answers["guardian_name"] in male_pairs
        if "cnic" in answers and gender in ("male", "female"):
            assert validators.cnic_gender(answers["cnic"]) == gender
            assert answers["cnic"].startswith("3")  # Punjab
        if gender == "male":
            assert answers["relation"] == "s/o"
    assert {"male", "female"} <= genders


def test_addresses_agree_with_their_province_and_district(names: NamePool) -> None:
    """An address names the town of its district, the typed district outside Punjab or the
    country abroad; and a Punjab centre's citizens mostly live in Punjab."""
    rng, provinces = random.Random(5), []
    for code in SERVICE_CODES:
        service = get_service(code)
        for _ in range(40):
            answers = sample_answers(service, rng, today=TODAY, names=names, as_typed=False,
                                     home_district="Lahore")
            for key in [k for k in answers if k.endswith("_province")]:
                prefix = key[:-len("province")]
                address = answers.get(prefix + "address")
                if address is None:  # a vehicle's province of registration
                    continue
                provinces.append(answers[key])
                country = reference.find_country(str(answers.get(prefix + "country", "")))
                town = (answers.get(prefix + "district") or answers.get(prefix + "district_other")
                        or (country.name if country else None))
                assert address.endswith(f", {town}"), (code, key, answers[key], address)
    assert provinces.count("punjab") > 0.7 * len(provinces)
    assert len(set(provinces)) > 3  # and some come from elsewhere


def test_conditional_fields_appear_only_when_their_condition_holds(names: NamePool) -> None:
    service, rng = get_service("police-verification"), random.Random(5)
    seen_other_purpose = seen_plain_purpose = seen_representative = 0
    for _ in range(SAMPLES):
        answers = sample_answers(service, rng, today=TODAY, names=names, as_typed=False)
        other = answers["purpose"] == "other"
        assert ("purpose_other" in answers) == other
        assert ("rep_name" in answers) == bool(answers.get("on_behalf"))
        seen_other_purpose += other
        seen_plain_purpose += not other
        seen_representative += "rep_name" in answers
    assert seen_other_purpose and seen_plain_purpose and seen_representative


def test_age_rules_follow_the_chosen_licence_categories(names: NamePool) -> None:
    service, rng = get_service("driving-licence"), random.Random(11)
    heavy = 0
    for _ in range(SAMPLES):
        answers = sample_answers(service, rng, today=TODAY, names=names, as_typed=False)
        age = validators.age_on(date.fromisoformat(answers["date_of_birth"]), TODAY)
        if {"htv", "psv"} & set(answers.get("categories", ())):
            heavy += 1
            assert age >= 22
        assert age >= 18
    assert heavy > 0


def test_different_people_get_different_cnics(names: NamePool) -> None:
    service, rng = get_service("tenant-registration"), random.Random(13)
    both = 0
    for _ in range(SAMPLES):
        answers = sample_answers(service, rng, today=TODAY, names=names, as_typed=False)
        if "landlord_cnic" in answers and "tenant_cnic" in answers:
            both += 1
            assert answers["landlord_cnic"] != answers["tenant_cnic"]
    assert both > SAMPLES // 2


def test_a_returning_citizen_keeps_name_cnic_mobile_and_birth_date(names: NamePool) -> None:
    rng = random.Random(17)
    citizen = random_citizen(rng, names, today=TODAY, ages=(25, 40))
    assert re.fullmatch(r"3\d{12}", citizen.cnic) and citizen.mobile.startswith("+923")
    for code in ("police-verification", "fir-copy", "driving-licence", "character-certificate"):
        service = get_service(code)
        again = sample_answers(service, rng, today=TODAY, names=names, citizen=citizen)
        stored = validate_answers(service, again, today=TODAY).answers
        assert (stored["name"], stored["cnic"], stored["mobile"]) == (
            citizen.name, citizen.cnic, citizen.mobile)
        assert stored["date_of_birth"] == citizen.date_of_birth
        assert stored["gender"] == citizen.gender
        found = primary_citizen(service, again)
        assert found is not None and found.cnic == citizen.cnic
        assert found.name_ur in ("", citizen.name_ur)  # the Urdu name is optional


def test_a_citizen_the_service_would_refuse_is_not_forced_on_it(names: NamePool) -> None:
    """Past 49, a new driving licence needs a medical certificate: unless the chosen answers
    allow their age, the generator picks someone else rather than make answers that do not
    validate."""
    rng, service = random.Random(19), get_service("driving-licence")
    elder = random_citizen(rng, names, today=TODAY, ages=(60, 65))
    reused = 0
    for _ in range(40):
        answers = sample_answers(service, rng, today=TODAY, names=names, citizen=elder)
        result = validate_answers(service, answers, today=TODAY)
        assert result.ok, _issues(result)
        reused += result.answers.get("cnic") == elder.cnic
    assert reused < 40


def test_citizen_of_answers_without_a_cnic_is_none(names: NamePool) -> None:
    service = get_service("police-verification")
    answers = sample_answers(service, random.Random(1), today=TODAY, names=names)
    answers.pop("cnic", None)
    assert primary_citizen(service, answers) is None
    assert isinstance(Citizen("A B", "", "male", "C D", "3520212345671", "+923001234567",
                              "1990-01-01"), Citizen)


def test_date_times_never_lie_after_now(names: NamePool) -> None:
    service, rng = get_service("medico-legal"), random.Random(19)
    now = datetime(2025, 11, 23, 9, 15)
    for _ in range(SAMPLES):
        answers = sample_answers(service, rng, today=now.date(), names=names, now=now,
                                 as_typed=False)
        assert datetime.fromisoformat(answers["incident_at"]) <= now


def test_the_name_list_ships_with_the_application() -> None:
    pool = NamePool.load()
    assert pool is NamePool.load()  # read once
    assert resource_path("data", "names.json").is_file()
    assert len(pool.male) >= 50 and len(pool.female) >= 50 and len(pool.family) >= 30
    for name in (*pool.male, *pool.female, *pool.family):
        assert re.fullmatch(NAME_PATTERN, name.en) and name.ur
    assert "Gulberg" in pool.localities["Lahore"]


@pytest.mark.parametrize("pattern", [r"^\d{15}$", r"^[A-Z]{3}-\d{2,4}$", r"^(ab|cd)+x?$",
                                     r"^[^0-9]{4}\s\w+$", r"^\d{1,5}/(\d{2}|\d{4})$"])
def test_a_value_can_be_made_for_any_simple_pattern(pattern: str) -> None:
    rng = random.Random(pattern)
    for _ in range(50):
        assert re.fullmatch(pattern, text_from_pattern(pattern, rng, 1, 40))


# A service declared only here: the generator knows nothing about it but its declarations.
_KINDS = options(("a", "Kind A", "اے"), ("b", "Kind B", "بی"), ("other", "Other", "دیگر"))
_TOY = Service(
    code="toy", title="Toy", title_ur="کھلونا", short_title="Toy", group="reports",
    description="Exercises every rule the generator must satisfy by construction.",
    steps=(Step(key="only", title="Only", title_ur="واحد", fields=(
        Field(key="kind", type=FieldType.ENUM, label="Kind", label_ur="قسم", options=_KINDS),
        Field(key="kind_other", type=FieldType.TEXT, label="Other kind", label_ur="دیگر",
              min_length=4, max_length=30, when=equals("kind", "other")),
        Field(key="code", type=FieldType.TEXT, label="Code", label_ur="کوڈ",
              pattern=r"^[A-Z]{3}\d{2}$"),
        Field(key="happened_on", type=FieldType.DATE, label="Happened on", label_ur="تاریخ",
              min="today-1y", max="today"),
        Field(key="reported_on", type=FieldType.DATE, label="Reported on", label_ur="رپورٹ",
              min="today-1y", max="today"),
        Field(key="closed_on", type=FieldType.DATE, label="Closed on", label_ur="بند",
              required=False, max="today+1y"),
        Field(key="phone", type=FieldType.MOBILE, label="Phone", label_ur="فون", required=False),
        Field(key="email", type=FieldType.EMAIL, label="Email", label_ur="ای میل",
              required=False),
        Field(key="first_cnic", type=FieldType.CNIC, label="First CNIC", label_ur="پہلا"),
        Field(key="second_cnic", type=FieldType.CNIC, label="Second CNIC", label_ur="دوسرا"),
        Field(key="amount", type=FieldType.MONEY, label="Amount", label_ur="رقم", min=10,
              max=90),
        Field(key="tags", type=FieldType.MULTI_ENUM, label="Tags", label_ur="ٹیگ",
              options=_KINDS),
    )),),
    rules=(
        DateWithin(field="reported_on", other="happened_on", min_days=0, max_days=3),
        DateOrder(start="reported_on", end="closed_on", strict=True),
        AtLeastOne(keys=("phone", "email")),
        Different(first="first_cnic", second="second_cnic", level="error"),
    ),
    fee=FeeRule(key="toy"), sla_key="toy",
)


def test_any_declared_service_gets_valid_samples(names: NamePool) -> None:
    rng = random.Random(23)
    for as_typed in (True, False):
        for _ in range(SAMPLES):
            answers = sample_answers(_TOY, rng, today=TODAY, names=names, as_typed=as_typed)
            result = validate_answers(_TOY, answers, today=TODAY)
            assert result.issues == (), (_issues(result), answers)
            assert 10 <= result.answers["amount"] <= 90
            assert ("kind_other" in answers) == (answers["kind"] == "other")
