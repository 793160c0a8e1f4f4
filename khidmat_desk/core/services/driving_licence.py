"""Driving licence counter (traffic police, DLIMS): learner permits, licences and permits.

The fee is charged per category chosen, by transaction (`driving-licence/<transaction>/<category>`
in the tariff). Minimum ages: 18 for motorcycle and car, 21 for LTV, 22 for HTV and PSV. A
regular licence needs a learner permit at least 42 days old. A medical fitness certificate is
needed for LTV, HTV and PSV and from the age of 50; because the age case cannot switch a field
on, the certificate field is always offered and the rules demand it when either case applies.
An international permit is issued against a valid Pakistani licence and a passport, for the
categories already on the licence, so no categories are chosen for it.
"""

from __future__ import annotations

from datetime import timedelta

from khidmat_desk.core import clock
from khidmat_desk.core.fields import (
    AgeRange,
    AllOf,
    AtLeastOne,
    DocumentRequirement,
    FeeRule,
    Field,
    FieldType,
    OutputDocument,
    Recent,
    Service,
    Step,
    When,
    equals,
    has,
    is_true,
    not_in,
    one_of,
    options,
)
from khidmat_desk.core.services._common import (
    ADDRESS_EXAMPLE,
    CNIC_SHOWN,
    PERSON_EXAMPLE,
    addresses_step,
    applicant_step,
    person_rules,
)

TRANSACTIONS = options(
    ("learner", "Learner permit", "لرنر پرمٹ"),
    ("new-regular", "New regular licence", "نیا مستقل لائسنس"),
    ("renewal", "Renewal", "تجدید"),
    ("duplicate", "Duplicate licence", "ڈپلیکیٹ لائسنس"),
    ("international-permit", "International driving permit", "انٹرنیشنل ڈرائیونگ پرمٹ"),
    ("endorsement", "Add a category (endorsement)", "نئی کیٹیگری کا اضافہ"),
)
CATEGORIES = options(
    ("motorcycle", "Motorcycle", "موٹر سائیکل"),
    ("car", "Motor car / jeep", "موٹر کار / جیپ"),
    ("motorcycle-car", "Motorcycle + car (combined)", "موٹر سائیکل + کار"),
    ("ltv", "Light transport vehicle (LTV)", "ہلکی ٹرانسپورٹ گاڑی (ایل ٹی وی)"),
    ("htv", "Heavy transport vehicle (HTV)", "بھاری ٹرانسپورٹ گاڑی (ایچ ٹی وی)"),
    ("psv", "Public service vehicle (PSV)", "پبلک سروس گاڑی (پی ایس وی)"),
    ("tractor-agricultural", "Tractor (agricultural)", "ٹریکٹر (زرعی)"),
    ("tractor-commercial", "Tractor (commercial)", "ٹریکٹر (کمرشل)"),
    ("rickshaw", "Rickshaw", "رکشہ"),
)
BLOOD_GROUPS = options(*((g.lower(), g, g) for g in
                         ("A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-")))
DUPLICATE_REASONS = options(
    ("lost", "Lost", "گم ہو گیا"),
    ("stolen", "Stolen", "چوری ہو گیا"),
    ("damaged", "Damaged", "خراب ہو گیا"),
)

HEAVY = ("ltv", "htv", "psv")
NEW_REGULAR = equals("transaction", "new-regular")
IDP = equals("transaction", "international-permit")
HOLDS_LICENCE = one_of("transaction", "renewal", "duplicate", "international-permit",
                       "endorsement")
DUPLICATE = equals("transaction", "duplicate")
#: A duplicate is a copy of a licence already issued: no fresh medical check is asked for it.
ISSUING = not_in("transaction", "duplicate")
NO_MEDICAL = When("medical_certificate_by", "falsy")

LICENCE_STEP = Step(key="licence", title="Licence", title_ur="لائسنس", fields=(
    Field(key="transaction", type=FieldType.ENUM, label="Application for",
          label_ur="درخواست برائے", options=TRANSACTIONS),
    Field(key="categories", type=FieldType.MULTI_ENUM, label="Categories",
          label_ur="کیٹیگریز", options=CATEGORIES,
          when=not_in("transaction", "international-permit"),
          help="Choose 'Motorcycle + car' for a combined licence; each category is charged."),
    Field(key="learner_permit_no", type=FieldType.TEXT, label="Learner permit number",
          label_ur="لرنر پرمٹ نمبر", min_length=3, max_length=30, when=NEW_REGULAR),
    Field(key="learner_permit_date", type=FieldType.DATE, label="Learner permit issued on",
          label_ur="لرنر پرمٹ کے اجرا کی تاریخ", min="today-20y", max="today-42d",
          when=NEW_REGULAR,
          help="A regular licence is given 42 days after the learner permit at the earliest; a "
               "learner permit is valid for six months, so an older one must be renewed first."),
    Field(key="licence_no", type=FieldType.TEXT, label="Current driving licence number",
          label_ur="موجودہ ڈرائیونگ لائسنس نمبر", min_length=3, max_length=30,
          when=HOLDS_LICENCE),
    Field(key="licence_expiry", type=FieldType.DATE, label="Current licence valid until",
          label_ur="موجودہ لائسنس کی میعاد", required=False, min="today-20y", max="today+10y",
          when=equals("transaction", "renewal")),
    Field(key="duplicate_reason", type=FieldType.ENUM, label="Why a duplicate is needed",
          label_ur="ڈپلیکیٹ کی وجہ", options=DUPLICATE_REASONS, when=DUPLICATE),
    Field(key="lost_report_ref", type=FieldType.TEXT, label="Lost-document report number",
          label_ur="گمشدگی رپورٹ نمبر", required=False, max_length=40,
          when=AllOf((DUPLICATE, one_of("duplicate_reason", "lost", "stolen")))),
    Field(key="passport_no", type=FieldType.PASSPORT, label="Passport number",
          label_ur="پاسپورٹ نمبر", when=IDP),
    Field(key="idp_country", type=FieldType.COUNTRY, label="Country of travel",
          label_ur="سفر کا ملک", required=False, when=IDP),
    Field(key="medical_certificate_by", type=FieldType.TEXT,
          label="Medical fitness certificate issued by", label_ur="میڈیکل سرٹیفکیٹ جاری کنندہ",
          required=False, min_length=3, max_length=100,
          help="Needed for LTV, HTV and PSV, and for every applicant aged 50 or more: type the "
               "doctor or hospital that signed it."),
    Field(key="blood_group", type=FieldType.ENUM, label="Blood group", label_ur="بلڈ گروپ",
          options=BLOOD_GROUPS, required=False),
))

SERVICE = Service(
    code="driving-licence",
    title="Driving Licence",
    title_ur="ڈرائیونگ لائسنس",
    short_title="Driving licence",
    group="licensing",
    description="Learner permits, new, renewed and duplicate licences, international permits.",
    shortcut="Ctrl+Shift+4",
    steps=(applicant_step(), addresses_step(permanent_required=False), LICENCE_STEP),
    rules=(
        *person_rules(),
        AgeRange(dob="date_of_birth", min_years=18,
                 reason="Driving licences are issued from the age of 18."),
        AgeRange(dob="date_of_birth", min_years=21, when=has("categories", "ltv"),
                 reason="An LTV licence needs the age of 21."),
        AgeRange(dob="date_of_birth", min_years=22, when=has("categories", "htv", "psv"),
                 reason="HTV and PSV licences need the age of 22."),
        AgeRange(dob="date_of_birth", max_years=49, when=AllOf((ISSUING, NO_MEDICAL)),
                 reason="From the age of 50 a medical fitness certificate is needed; "
                        "type who issued it."),
        Recent(field="learner_permit_date", since="today-6m", when=NEW_REGULAR,
               message="is more than six months ago: the learner permit has expired; it must be "
                       "renewed before a regular licence"),
        AtLeastOne(keys=("medical_certificate_by",),
                   when=AllOf((ISSUING, has("categories", *HEAVY))),
                   message="is needed for LTV, HTV and PSV licences; type who issued the "
                           "medical fitness certificate"),
    ),
    documents=(
        CNIC_SHOWN,
        DocumentRequirement("learner_permit", "Learner permit", "لرنر پرمٹ", when=NEW_REGULAR),
        DocumentRequirement("current_licence", "Current driving licence", "موجودہ لائسنس",
                            when=one_of("transaction", "renewal", "international-permit",
                                        "endorsement")),
        DocumentRequirement("medical_certificate", "Medical fitness certificate",
                            "میڈیکل فٹنس سرٹیفکیٹ", when=is_true("medical_certificate_by")),
        DocumentRequirement("passport_copy", "Passport and a copy", "پاسپورٹ اور اس کی نقل",
                            when=IDP),
        DocumentRequirement("visa_copy", "Copy of the visa", "ویزا کی نقل",
                            required=False, when=IDP),
    ),
    fee=FeeRule(by="transaction", per="categories"),
    outputs=(
        OutputDocument("driving-licence-slip", "Driving-licence application slip",
                       "ڈرائیونگ لائسنس درخواست کی رسید", kind="slip", photo=True),
    ),
    example={
        **PERSON_EXAMPLE,
        **ADDRESS_EXAMPLE,
        # Young enough that the example stays valid for decades under the age-50 rule.
        "date_of_birth": "2000-04-12",
        "transaction": "new-regular",
        "categories": ["car"],
        "learner_permit_no": "LP-2024-556677",
        # Recent enough for a regular licence (42 days to six months old) whenever it is used.
        "learner_permit_date": (clock.today() - timedelta(days=60)).isoformat(),
        "blood_group": "b+",
    },
)
