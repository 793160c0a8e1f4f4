"""Building blocks shared by the service modules: the person block, addresses, representatives.

Keys are stable: the applicant profile (prefill by CNIC), the search index, printing and sync
all read these names.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from khidmat_desk.core.fields import (
    CnicGender,
    Condition,
    DocumentRequirement,
    Field,
    FieldType,
    Option,
    Step,
    equals,
    is_true,
    one_of,
    options,
)
from khidmat_desk.core.fields import (
    person_key as _k,
)

RELATIONS = options(
    ("s/o", "Son of", "ولد"),
    ("d/o", "Daughter of", "دختر"),
    ("w/o", "Wife of", "زوجہ"),
)
ID_TYPES = options(
    ("cnic", "CNIC", "شناختی کارڈ"),
    ("b-form", "B-Form / CRC", "ب فارم"),
    ("nicop", "NICOP", "نائیکوپ"),
    ("poc", "Pakistan Origin Card", "پی او سی"),
    ("foreign-passport", "Foreign passport", "غیر ملکی پاسپورٹ"),
)
#: ID types whose number is a 13-digit NADRA number.
NADRA_ID_TYPES = ("cnic", "b-form", "nicop")
GENDERS = options(
    ("male", "Male", "مرد"),
    ("female", "Female", "عورت"),
    ("transgender", "Transgender", "خواجہ سرا"),
)
BLOOD_RELATIONS = options(
    ("father", "Father", "والد"),
    ("mother", "Mother", "والدہ"),
    ("brother", "Brother", "بھائی"),
    ("sister", "Sister", "بہن"),
    ("son", "Son", "بیٹا"),
    ("daughter", "Daughter", "بیٹی"),
    ("spouse", "Spouse", "شریک حیات"),
)

#: The identity document every counter sees in the original before an application is taken.
CNIC_SHOWN = DocumentRequirement("cnic_original", "Original CNIC shown", "اصل شناختی کارڈ")
CNIC_OR_B_FORM_SHOWN = DocumentRequirement("cnic_original", "Original CNIC / B-Form shown",
                                           "اصل شناختی کارڈ / ب فارم")
APPLICANT_CNIC_SHOWN = DocumentRequirement("cnic_original", "Applicant's original CNIC shown",
                                           "درخواست گزار کا اصل شناختی کارڈ")

#: What both employee services keep of the employee.
EMPLOYEE_CNIC_COPY = DocumentRequirement("employee_cnic_copy", "Copy of the employee's CNIC",
                                         "ملازم کے شناختی کارڈ کی نقل")
EMPLOYEE_PHOTO = DocumentRequirement("employee_photo", "Employee's photograph", "ملازم کی تصویر")

NAME_PATTERN = r"^[A-Za-z][A-Za-z .'\-]*$"
NAME_HINT = "letters, spaces, dots, apostrophes and hyphens"


def _when(base: Condition | None, extra: Condition) -> Condition:
    from khidmat_desk.core.fields import AllOf

    return extra if base is None else AllOf((base, extra))


def person_fields(
    prefix: str = "",
    who: str = "Applicant",
    who_ur: str = "درخواست گزار",
    *,
    id_required: bool = True,
    dob_required: bool = True,
    mobile_required: bool = True,
    with_email: bool = True,
    with_urdu_name: bool = True,
    with_guardian: bool = True,
    when: Condition | None = None,
    profile: bool = True,
) -> tuple[Field, ...]:
    """Name, guardian, identity, gender, birth date and contact of one person.

    With an empty prefix the keys are the primary applicant's (``name``, ``cnic``...), which is
    what the search index and the applicant profile use by default.
    """

    def p(key: str) -> str | None:
        return key if profile and not prefix else None

    fields: list[Field] = [
        Field(key=_k(prefix, "name"), type=FieldType.TEXT, label=f"{who} name",
              label_ur=f"{who_ur} کا نام", min_length=2, max_length=60, pattern=NAME_PATTERN,
              pattern_hint=NAME_HINT, searchable_name=True, profile=p("name"), when=when),
    ]
    if with_urdu_name:
        fields.append(Field(key=_k(prefix, "name_ur"), type=FieldType.URDU_TEXT,
                            label=f"{who} name in Urdu", label_ur=f"{who_ur} کا نام (اردو)",
                            required=False, max_length=60, searchable_name=True,
                            profile=p("name_ur"), when=when))
    if with_guardian:
        fields += [
            Field(key=_k(prefix, "relation"), type=FieldType.ENUM, label="Relation",
                  label_ur="رشتہ", options=RELATIONS, profile=p("relation"), when=when,
                  guardian_field=_k(prefix, "guardian_name")),
            Field(key=_k(prefix, "guardian_name"), type=FieldType.TEXT,
                  label="Father's or husband's name", label_ur="والد / شوہر کا نام",
                  min_length=2, max_length=60, pattern=NAME_PATTERN, pattern_hint=NAME_HINT,
                  profile=p("guardian_name"), when=when),
        ]
    fields += [
        Field(key=_k(prefix, "id_type"), type=FieldType.ENUM, label=f"{who} identity document",
              label_ur="شناختی دستاویز", options=ID_TYPES, required=id_required,
              profile=p("id_type"), when=when),
        Field(key=_k(prefix, "cnic"), type=FieldType.CNIC, label=f"{who} CNIC / B-Form / NICOP",
              label_ur=f"{who_ur} کا شناختی کارڈ نمبر", required=id_required,
              when=_when(when, one_of(_k(prefix, "id_type"), *NADRA_ID_TYPES)),
              id_type_field=_k(prefix, "id_type")),
        Field(key=_k(prefix, "foreign_id"), type=FieldType.PASSPORT,
              label=f"{who} POC / passport number", label_ur="پاسپورٹ / پی او سی نمبر",
              required=id_required, profile=p("foreign_id"),
              when=_when(when, one_of(_k(prefix, "id_type"), "poc", "foreign-passport"))),
        Field(key=_k(prefix, "gender"), type=FieldType.ENUM, label="Gender", label_ur="جنس",
              options=GENDERS, profile=p("gender"), when=when),
        Field(key=_k(prefix, "date_of_birth"), type=FieldType.DATE, label="Date of birth",
              label_ur="تاریخ پیدائش", required=dob_required, min="today-120y", max="today",
              profile=p("date_of_birth"), when=when),
        Field(key=_k(prefix, "mobile"), type=FieldType.MOBILE, label=f"{who} mobile number",
              label_ur="موبائل نمبر", required=mobile_required, profile=p("mobile"), when=when),
    ]
    if with_email:
        fields.append(Field(key=_k(prefix, "email"), type=FieldType.EMAIL, label="Email",
                            label_ur="ای میل", required=False, profile=p("email"), when=when))
    return tuple(fields)


def person_rules(prefix: str = "") -> tuple[CnicGender, ...]:
    return (CnicGender(cnic=_k(prefix, "cnic"), gender=_k(prefix, "gender")),)


def address_fields(
    prefix: str,
    label: str,
    label_ur: str,
    *,
    required: bool = True,
    when: Condition | None = None,
    profile: bool = False,
    same_as: str = "",
) -> tuple[Field, ...]:
    """Address text + district + police station, keys ``<prefix>_address`` etc.; with
    ``same_as``, the prefix of an address on the same page that the form can copy into it."""
    def twin(key: str) -> str:
        return f"{same_as}_{key}" if same_as else ""

    return (
        Field(key=f"{prefix}_address", type=FieldType.TEXT, label=label, label_ur=label_ur,
              required=required, min_length=5, max_length=200, when=when,
              profile=f"{prefix}_address" if profile else None, same_as=twin("address")),
        Field(key=f"{prefix}_district", type=FieldType.DISTRICT, label=f"{label}: district",
              label_ur="ضلع", required=required, when=when,
              profile=f"{prefix}_district" if profile else None, same_as=twin("district")),
        Field(key=f"{prefix}_police_station", type=FieldType.POLICE_STATION,
              label=f"{label}: police station", label_ur="تھانہ", required=required, when=when,
              profile=f"{prefix}_police_station" if profile else None,
              district_field=f"{prefix}_district", same_as=twin("police_station")),
    )


def applicant_step(
    *,
    title: str = "Applicant",
    title_ur: str = "درخواست گزار",
    dob_required: bool = True,
    id_required: bool = True,
) -> Step:
    return Step(key="applicant", title=title, title_ur=title_ur,
                fields=person_fields(dob_required=dob_required, id_required=id_required))


def addresses_step(*, permanent_required: bool = True, anywhere: bool = False) -> Step:
    """Present and permanent address. With ``anywhere``, each names its province first: a
    Punjab resident whose home is in another province (or who lives abroad) is served, with
    the district typed where it is not one of Punjab's."""
    if anywhere:
        fields = home_address_fields("present", "Present address", "موجودہ پتہ",
                                     profile=True, station_required=True) \
            + home_address_fields("permanent", "Permanent address", "مستقل پتہ",
                                  required=permanent_required, profile=True,
                                  station_required=permanent_required, same_as="present")
    else:
        fields = address_fields("present", "Present address", "موجودہ پتہ", profile=True) \
            + address_fields("permanent", "Permanent address", "مستقل پتہ",
                             required=permanent_required, profile=True, same_as="present")
    return Step(key="addresses", title="Addresses", title_ur="پتے", fields=fields)


def representative_fields(flag: str = "on_behalf",
                          flag_label: str = "Someone is applying on the applicant's behalf",
                          flag_label_ur: str = "کوئی اور درخواست دے رہا ہے") -> tuple[Field, ...]:
    """A yes/no flag, and when yes, who is standing at the counter for the applicant."""
    cond = is_true(flag)
    return (
        Field(key=flag, type=FieldType.BOOLEAN, label=flag_label, label_ur=flag_label_ur,
              required=False),
        Field(key="rep_name", type=FieldType.TEXT, label="Representative name",
              label_ur="نمائندے کا نام", min_length=2, max_length=60, pattern=NAME_PATTERN,
              pattern_hint=NAME_HINT, searchable_name=True, when=cond),
        Field(key="rep_cnic", type=FieldType.CNIC, label="Representative CNIC",
              label_ur="نمائندے کا شناختی کارڈ", when=cond),
        Field(key="rep_relation", type=FieldType.ENUM, label="Representative's relation",
              label_ur="رشتہ", options=BLOOD_RELATIONS,
              help="Only a blood relative may apply on someone's behalf.", when=cond),
        Field(key="rep_mobile", type=FieldType.MOBILE, label="Representative mobile",
              label_ur="نمائندے کا موبائل", when=cond),
        Field(key="rep_authority_letter", type=FieldType.BOOLEAN,
              label="Authority letter seen", label_ur="اختیار نامہ دیکھا گیا",
              required=False, when=cond),
    )


def period_group(key: str, label: str, label_ur: str, *, min_items: int = 1,
                 max_items: int = 10, when: Condition | None = None,
                 with_address: bool = False) -> Field:
    """A repeating group of (district, from, to): where someone lived and when; with the
    address when the report names the addresses the police checked."""
    address = (Field(key="address", type=FieldType.TEXT, label="Address checked",
                     label_ur="تصدیق شدہ پتہ", min_length=5, max_length=200),)
    return Field(
        key=key, type=FieldType.GROUP, label=label, label_ur=label_ur,
        min_items=min_items, max_items=max_items, when=when,
        fields=(
            Field(key="district", type=FieldType.DISTRICT, label="District", label_ur="ضلع"),
            Field(key="from", type=FieldType.DATE, label="From", label_ur="سے",
                  min="today-100y", max="today"),
            Field(key="to", type=FieldType.DATE, label="To", label_ur="تک",
                  min="today-100y", max="today"),
            *(address if with_address else ()),
        ),
    )


def person_example(name: str, name_ur: str, relation: str, guardian_name: str, cnic: str,
                   gender: str, date_of_birth: str, mobile: str | None = None, *,
                   person: str = "") -> dict[str, Any]:
    """Example answers of `person_fields(person)` for a CNIC holder (no mobile when None)."""
    values = {"name": name, "name_ur": name_ur, "relation": relation,
              "guardian_name": guardian_name, "id_type": "cnic", "cnic": cnic,
              "gender": gender, "date_of_birth": date_of_birth, "mobile": mobile}
    return {_k(person, key): value for key, value in values.items() if value is not None}


PERSON_EXAMPLE: dict[str, Any] = {
    **person_example("Muhammad Imran", "محمد عمران", "s/o", "Abdul Rasheed", "35202-1234567-1",
                     "male", "1988-04-12", "0300-1234567"),
    "email": "imran@example.com",
}
ADDRESS_EXAMPLE: dict[str, Any] = {
    "present_address": "House 12, Street 4, Gulberg III",
    "present_district": "Lahore",
    "present_police_station": "Gulberg",
    "permanent_address": "Mohallah Islampura, Chak 45",
    "permanent_district": "Sargodha",
    "permanent_police_station": "Cantt",
}
#: The same addresses where each names its province (`addresses_step(anywhere=True)`).
ANYWHERE_ADDRESS_EXAMPLE: dict[str, Any] = {
    **ADDRESS_EXAMPLE, "present_province": "punjab", "permanent_province": "punjab",
}


def yes_no(key: str, label: str, label_ur: str = "", **kw: Any) -> Field:
    return Field(key=key, type=FieldType.BOOLEAN, label=label, label_ur=label_ur,
                 required=False, **kw)


# ---------------------------------------------------------------------------------------------
# Blocks shared by several services beyond the applicant: people who come along, homes outside
# Punjab, narratives, weapons. Added keys follow the same `<prefix>_<key>` convention.
# ---------------------------------------------------------------------------------------------

PROVINCES = options(
    ("punjab", "Punjab", "پنجاب"),
    ("islamabad", "Islamabad Capital Territory", "اسلام آباد"),
    ("khyber-pakhtunkhwa", "Khyber Pakhtunkhwa", "خیبر پختونخوا"),
    ("sindh", "Sindh", "سندھ"),
    ("balochistan", "Balochistan", "بلوچستان"),
    ("azad-kashmir", "Azad Jammu and Kashmir", "آزاد جموں و کشمیر"),
    ("gilgit-baltistan", "Gilgit-Baltistan", "گلگت بلتستان"),
    ("abroad", "Outside Pakistan", "بیرون ملک"),
)
#: Provinces whose districts are not in the Punjab list, so the district is typed.
OTHER_PROVINCES = tuple(o.value for o in PROVINCES if o.value not in ("punjab", "abroad"))

WEAPON_TYPES = options(
    ("pistol", "Pistol", "پستول"),
    ("revolver", "Revolver", "ریوالور"),
    ("rifle", "Rifle", "رائفل"),
    ("shotgun", "Shotgun", "شاٹ گن"),
    ("other", "Other", "دیگر"),
)


def confidential(fields: tuple[Field, ...]) -> tuple[Field, ...]:
    """The same fields marked confidential (masked in lists and exports), groups included."""
    return tuple(replace(f, confidential=True, fields=confidential(f.fields)) for f in fields)


def optional(fields: tuple[Field, ...], *keys: str) -> tuple[Field, ...]:
    """The same fields with `keys` no longer required (an unconscious or abandoned person's
    guardian is not known at the counter)."""
    unknown = set(keys) - {f.key for f in fields}
    if unknown:
        raise KeyError(f"no such fields to make optional: {sorted(unknown)}")
    return tuple(replace(f, required=False) if f.key in keys else f for f in fields)


def home_address_fields(
    prefix: str,
    label: str,
    label_ur: str,
    *,
    required: bool = True,
    when: Condition | None = None,
    profile: bool = False,
    station_required: bool = False,
    same_as: str = "",
) -> tuple[Field, ...]:
    """An address that may be anywhere: Punjab districts from the list, others typed.

    Tenants, employees and vehicle buyers often come from other provinces or from abroad; the
    Punjab district list must not turn them away. ``same_as`` as for :func:`address_fields`.
    """
    def inside(province: Condition) -> Condition:
        return _when(when, province)

    def kept(key: str) -> str | None:
        return f"{prefix}_{key}" if profile else None

    def twin(key: str) -> str:
        return f"{same_as}_{key}" if same_as else ""

    return (
        Field(key=f"{prefix}_address", type=FieldType.TEXT, label=label, label_ur=label_ur,
              required=required, min_length=5, max_length=200, when=when,
              profile=kept("address"), same_as=twin("address")),
        Field(key=f"{prefix}_province", type=FieldType.ENUM, label=f"{label}: province",
              label_ur="صوبہ", options=PROVINCES, required=required, when=when,
              profile=kept("province"), same_as=twin("province")),
        Field(key=f"{prefix}_district", type=FieldType.DISTRICT, label=f"{label}: district",
              label_ur="ضلع", required=required,
              when=inside(equals(f"{prefix}_province", "punjab")), profile=kept("district"),
              same_as=twin("district")),
        Field(key=f"{prefix}_police_station", type=FieldType.POLICE_STATION,
              label=f"{label}: police station", label_ur="تھانہ", required=station_required,
              when=inside(equals(f"{prefix}_province", "punjab")),
              profile=kept("police_station"), district_field=f"{prefix}_district",
              same_as=twin("police_station")),
        Field(key=f"{prefix}_district_other", type=FieldType.TEXT,
              label=f"{label}: district (outside Punjab)", label_ur="ضلع (پنجاب سے باہر)",
              required=required, min_length=2, max_length=60,
              when=inside(one_of(f"{prefix}_province", *OTHER_PROVINCES)),
              profile=kept("district_other"), province_field=f"{prefix}_province",
              same_as=twin("district_other")),
        Field(key=f"{prefix}_country", type=FieldType.COUNTRY, label=f"{label}: country",
              label_ur="ملک", required=required,
              when=inside(equals(f"{prefix}_province", "abroad")), profile=kept("country"),
              same_as=twin("country")),
    )


def companion_fields(
    prefix: str,
    who: str,
    who_ur: str,
    *,
    when: Condition | None = None,
    cnic_required: bool = True,
) -> tuple[Field, ...]:
    """Someone who comes along for the person concerned (brought an injured person, reports for
    a survivor): not necessarily a blood relative, so the relation is typed, not chosen."""
    return (
        Field(key=f"{prefix}_name", type=FieldType.TEXT, label=f"{who}: name",
              label_ur=f"{who_ur} کا نام", min_length=2, max_length=60, pattern=NAME_PATTERN,
              pattern_hint=NAME_HINT, searchable_name=True, when=when),
        Field(key=f"{prefix}_cnic", type=FieldType.CNIC, label=f"{who}: CNIC",
              label_ur=f"{who_ur} کا شناختی کارڈ", required=cnic_required, when=when),
        Field(key=f"{prefix}_relation", type=FieldType.TEXT, label=f"{who}: relation or role",
              label_ur="رشتہ / حیثیت", min_length=2, max_length=60,
              help="For example brother, neighbour, Rescue 1122, NGO worker.", when=when),
        Field(key=f"{prefix}_mobile", type=FieldType.MOBILE, label=f"{who}: mobile number",
              label_ur=f"{who_ur} کا موبائل", when=when),
    )


def narrative(key: str, label: str, label_ur: str, *, required: bool = True,
              when: Condition | None = None, help: str = "") -> Field:
    """A free account in the citizen's words; at least a sentence, so the file says something."""
    return Field(key=key, type=FieldType.TEXT, label=label, label_ur=label_ur, multiline=True,
                 min_length=10, required=required, when=when, help=help)


def prefixed(prefix: str, values: dict[str, Any]) -> dict[str, Any]:
    """Example answers of an un-prefixed block renamed for a prefixed one (``tenant_name``...)."""
    return {_k(prefix, key): value for key, value in values.items()}



__all__ = [
    "ADDRESS_EXAMPLE",
    "ANYWHERE_ADDRESS_EXAMPLE",
    "BLOOD_RELATIONS",
    "GENDERS",
    "ID_TYPES",
    "NADRA_ID_TYPES",
    "OTHER_PROVINCES",
    "PERSON_EXAMPLE",
    "PROVINCES",
    "RELATIONS",
    "WEAPON_TYPES",
    "Option",
    "address_fields",
    "addresses_step",
    "applicant_step",
    "companion_fields",
    "confidential",
    "equals",
    "home_address_fields",
    "narrative",
    "optional",
    "period_group",
    "person_example",
    "person_fields",
    "person_rules",
    "prefixed",
    "representative_fields",
    "yes_no",
]
