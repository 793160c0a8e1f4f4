"""Police character certificate (PCC): the record check a citizen needs for use abroad.

Embassies, immigration offices and employers abroad ask for it, so the passport and destination
country are part of the application and the certificate names the districts and periods checked.

A citizen who is already abroad applies through a blood relative in Pakistan, with an authority
letter stamped by the embassy or signed by two respectable attesters, and a copy of the exit
stamp. Age: CNIC, NICOP and foreign-passport holders must be adults (18); B-Form holders of 16
or 17 may apply because several immigration authorities ask for a certificate from the age of 16
when a family moves abroad together.
"""

from __future__ import annotations

from khidmat_desk.core.fields import (
    AgeRange,
    DateOrder,
    DocumentRequirement,
    Field,
    FieldType,
    OutputDocument,
    Periods,
    Service,
    Step,
    equals,
    is_true,
    not_in,
    options,
)
from khidmat_desk.core.services._common import (
    ANYWHERE_ADDRESS_EXAMPLE,
    CNIC_OR_B_FORM_SHOWN,
    NAME_HINT,
    NAME_PATTERN,
    PERSON_EXAMPLE,
    addresses_step,
    applicant_step,
    period_group,
    person_rules,
    representative_fields,
)

PURPOSES = options(
    ("visa", "Visa", "ویزا"),
    ("immigration", "Immigration", "امیگریشن"),
    ("study", "Study abroad", "بیرون ملک تعلیم"),
    ("job-abroad", "Job abroad", "بیرون ملک ملازمت"),
    ("other", "Other", "دیگر"),
)
AUTHORITY_LETTER_TYPES = options(
    ("embassy-stamp", "Stamped by the Pakistani embassy or consulate", "سفارت خانے کی مہر"),
    ("two-attesters", "Signed by two respectable attesters", "دو معزز گواہوں کی تصدیق"),
)

ABROAD = is_true("applicant_abroad")
TWO_ATTESTERS = equals("authority_letter_type", "two-attesters")


def _attester(n: int) -> tuple[Field, ...]:
    return (
        Field(key=f"attester{n}_name", type=FieldType.TEXT, label=f"Attester {n}: name",
              label_ur=f"گواہ {n} کا نام", min_length=2, max_length=60, pattern=NAME_PATTERN,
              pattern_hint=NAME_HINT, searchable_name=True, when=TWO_ATTESTERS),
        Field(key=f"attester{n}_cnic", type=FieldType.CNIC, label=f"Attester {n}: CNIC",
              label_ur=f"گواہ {n} کا شناختی کارڈ", when=TWO_ATTESTERS),
    )


TRAVEL_STEP = Step(key="travel", title="Passport and destination", title_ur="پاسپورٹ اور منزل",
                   fields=(
    Field(key="passport_no", type=FieldType.PASSPORT, label="Passport number",
          label_ur="پاسپورٹ نمبر"),
    Field(key="destination_country", type=FieldType.COUNTRY, label="Destination country",
          label_ur="جس ملک کے لیے درکار ہے"),
    Field(key="purpose", type=FieldType.ENUM, label="Purpose of certificate",
          label_ur="سرٹیفکیٹ کا مقصد", options=PURPOSES),
    Field(key="purpose_other", type=FieldType.TEXT, label="Other purpose", label_ur="دیگر مقصد",
          max_length=100, when=equals("purpose", "other")),
    period_group("stays", "Districts and periods of stay to certify",
                 "تصدیق کے لیے اضلاع اور قیام کی مدت"),
))

ABROAD_STEP = Step(key="abroad", title="Applicant abroad", title_ur="بیرون ملک درخواست گزار",
                   fields=(
    *representative_fields(
        flag="applicant_abroad", flag_label="The applicant is abroad; a relative is applying",
        flag_label_ur="درخواست گزار بیرون ملک ہے؛ رشتہ دار درخواست دے رہا ہے"),
    Field(key="abroad_since", type=FieldType.DATE, label="Abroad since (from the exit stamp)",
          label_ur="کب سے بیرون ملک ہے", min="today-100y", max="today", when=ABROAD),
    Field(key="authority_letter_type", type=FieldType.ENUM, label="Authority letter attested by",
          label_ur="اختیار نامہ کی تصدیق", options=AUTHORITY_LETTER_TYPES, when=ABROAD,
          help="The letter must state how long the applicant has stayed abroad."),
    *_attester(1),
    *_attester(2),
))

SERVICE = Service(
    code="character-certificate",
    title="Police Character Certificate",
    title_ur="پولیس کریکٹر سرٹیفکیٹ",
    short_title="Character certificate",
    group="verification",
    description="Certificate of police record for use abroad (visa, immigration, study, jobs).",
    shortcut="Ctrl+2",
    steps=(applicant_step(), addresses_step(anywhere=True), TRAVEL_STEP, ABROAD_STEP),
    rules=(
        *person_rules(),
        DateOrder(start="from", end="to", group="stays"),
        Periods(group="stays"),
        AgeRange(dob="date_of_birth", min_years=18, when=not_in("id_type", "b-form"),
                 reason="A character certificate is issued to adults; minors apply on a B-Form."),
        AgeRange(dob="date_of_birth", min_years=16, when=equals("id_type", "b-form"),
                 reason="B-Form holders may apply from the age of 16."),
    ),
    documents=(
        CNIC_OR_B_FORM_SHOWN,
        DocumentRequirement("cnic_copy", "Copy of CNIC / B-Form", "شناختی کارڈ کی نقل"),
        DocumentRequirement("passport_original", "Original passport shown", "اصل پاسپورٹ"),
        DocumentRequirement("passport_copy", "Copy of passport", "پاسپورٹ کی نقل"),
        DocumentRequirement("affidavit", "Affidavit", "بیان حلفی"),
        DocumentRequirement("photo", "Photograph of the applicant", "درخواست گزار کی تصویر",
                            when=ABROAD),
        DocumentRequirement("authority_letter", "Authority letter (embassy stamp or two attesters)",
                            "اختیار نامہ", when=ABROAD),
        DocumentRequirement("exit_stamp_copy", "Copy of the passport exit stamp",
                            "پاسپورٹ پر روانگی کی مہر کی نقل", when=ABROAD),
        DocumentRequirement("representative_cnic", "Representative's original CNIC shown",
                            "نمائندے کا اصل شناختی کارڈ", when=ABROAD),
    ),
    outputs=(
        OutputDocument("character-certificate", "Police character certificate",
                       "پولیس کریکٹر سرٹیفکیٹ", kind="certificate", photo=True),
    ),
    example={
        **PERSON_EXAMPLE,
        **ANYWHERE_ADDRESS_EXAMPLE,
        "passport_no": "AB1234567",
        "destination_country": "SA",
        "purpose": "job-abroad",
        "stays": [
            {"district": "Sargodha", "from": "2006-04-12", "to": "2010-06-30"},
            {"district": "Lahore", "from": "2010-07-01", "to": "2025-01-31"},
        ],
        "applicant_abroad": False,
    },
)
