"""Crime report: an application about an offence, lodged at the centre's police front desk.

The SHO of the police station of occurrence decides whether to register an FIR, so the report
carries what that decision needs: when and where, the offence, the complainant's account, who
is accused, what was taken (with IMEI and plate numbers the police can trace) and who saw it.
"""

from __future__ import annotations

from khidmat_desk.core.fields import (
    CheckDigit,
    DocumentRequirement,
    Field,
    FieldType,
    OutputDocument,
    Service,
    Step,
    equals,
    options,
)
from khidmat_desk.core.services._common import (
    ADDRESS_EXAMPLE,
    NAME_HINT,
    NAME_PATTERN,
    PERSON_EXAMPLE,
    address_fields,
    addresses_step,
    applicant_step,
    narrative,
    person_rules,
)

OFFENCE_CATEGORIES = options(
    ("theft", "Theft", "چوری"),
    ("vehicle-theft", "Vehicle theft", "گاڑی کی چوری"),
    ("robbery", "Robbery / dacoity", "ڈکیتی"),
    ("snatching", "Snatching", "چھینا جھپٹی"),
    ("burglary", "Burglary / house-breaking", "نقب زنی"),
    ("fraud", "Fraud / cheating", "دھوکہ دہی"),
    ("assault", "Assault / injury", "مار پیٹ"),
    ("threat", "Threat / intimidation", "دھمکی"),
    ("harassment", "Harassment", "ہراسانی"),
    ("kidnapping", "Kidnapping / abduction", "اغوا"),
    ("property-dispute", "Property dispute / illegal occupation", "جائیداد کا تنازع / ناجائز قبضہ"),
    ("other", "Other", "دیگر"),
)
PROPERTY_TYPES = options(
    ("mobile-phone", "Mobile phone", "موبائل فون"),
    ("vehicle", "Vehicle", "گاڑی"),
    ("cash", "Cash", "نقدی"),
    ("jewellery", "Jewellery", "زیورات"),
    ("document", "Document", "دستاویز"),
    ("other", "Other", "دیگر"),
)


def _person_name(key: str = "name", *, required: bool = True) -> Field:
    return Field(key=key, type=FieldType.TEXT, label="Name", label_ur="نام", min_length=2,
                 max_length=60, pattern=NAME_PATTERN, pattern_hint=NAME_HINT,
                 searchable_name=True, required=required)


ACCUSED = Field(
    key="accused", type=FieldType.GROUP, label="Accused persons", label_ur="ملزمان",
    required=False, max_items=20,
    fields=(
        _person_name(required=False),
        Field(key="description", type=FieldType.TEXT, label="Description (if the name is unknown)",
              label_ur="حلیہ (اگر نام معلوم نہ ہو)", required=False, max_length=200),
        Field(key="address", type=FieldType.TEXT, label="Address", label_ur="پتہ",
              required=False, max_length=200),
    ),
)
STOLEN_PROPERTY = Field(
    key="stolen_property", type=FieldType.GROUP, label="Stolen property",
    label_ur="چوری شدہ مال", required=False, max_items=30,
    fields=(
        Field(key="item_type", type=FieldType.ENUM, label="Item", label_ur="چیز",
              options=PROPERTY_TYPES),
        Field(key="description", type=FieldType.TEXT, label="Description", label_ur="تفصیل",
              min_length=2, max_length=200),
        Field(key="value", type=FieldType.MONEY, label="Value", label_ur="مالیت", required=False,
              max=1_000_000_000),
        Field(key="imei", type=FieldType.TEXT, label="IMEI number", label_ur="آئی ایم ای آئی نمبر",
              required=False, pattern=r"^\d{15}$", pattern_hint="15 digits (dial *#06#)",
              when=equals("item_type", "mobile-phone")),
        Field(key="plate", type=FieldType.PLATE, label="Vehicle registration number",
              label_ur="گاڑی کا رجسٹریشن نمبر", required=False,
              when=equals("item_type", "vehicle")),
    ),
)
WITNESSES = Field(
    key="witnesses", type=FieldType.GROUP, label="Witnesses", label_ur="گواہان",
    required=False, max_items=10,
    fields=(
        _person_name(),
        Field(key="cnic", type=FieldType.CNIC, label="CNIC", label_ur="شناختی کارڈ",
              required=False),
        Field(key="mobile", type=FieldType.MOBILE, label="Mobile", label_ur="موبائل",
              required=False),
        Field(key="address", type=FieldType.TEXT, label="Address", label_ur="پتہ",
              required=False, max_length=200),
    ),
)

STEPS = (
    applicant_step(title="Complainant", title_ur="مدعی"),
    addresses_step(permanent_required=False),
    Step(key="incident", title="Incident", title_ur="واقعہ", fields=(
        Field(key="incident_at", type=FieldType.DATETIME, label="Date and time of occurrence",
              label_ur="وقوعہ کی تاریخ اور وقت", min="today-20y", max="now"),
        *address_fields("incident", "Place of occurrence", "جائے وقوعہ"),
        Field(key="offence_category", type=FieldType.ENUM, label="Offence",
              label_ur="جرم کی نوعیت", options=OFFENCE_CATEGORIES),
        Field(key="offence_other", type=FieldType.TEXT, label="Other offence",
              label_ur="دیگر جرم", min_length=2, max_length=100,
              when=equals("offence_category", "other")),
        narrative("narrative", "What happened", "واقعے کی تفصیل",
                  help="In the complainant's own words: who, what, when, where, how."),
    )),
    Step(key="parties", title="Accused, property and witnesses",
         title_ur="ملزمان، مال اور گواہان", fields=(ACCUSED, STOLEN_PROPERTY, WITNESSES)),
)

SERVICE = Service(
    code="crime-report",
    title="Crime Report",
    title_ur="کرائم رپورٹ",
    short_title="Crime report",
    group="reports",
    description="Application about an offence, sent to the police station of occurrence.",
    shortcut="Ctrl+8",
    steps=STEPS,
    rules=(*person_rules(), CheckDigit(field="imei", group="stolen_property")),
    documents=(
        DocumentRequirement("cnic_original", "Complainant's original CNIC shown",
                            "مدعی کا اصل شناختی کارڈ"),
        DocumentRequirement("written_application",
                            "Written application",
                            "تحریری درخواست", required=False),
        DocumentRequirement("property_papers", "Receipts or papers of the stolen property",
                            "چوری شدہ مال کی رسیدیں / کاغذات", required=False),
    ),
    outputs=(
        OutputDocument("crime-report-acknowledgement", "Crime report acknowledgement",
                       "کرائم رپورٹ کی رسید", kind="slip"),
        OutputDocument("crime-report-outcome", "Crime report outcome", "کرائم رپورٹ کا نتیجہ",
                       kind="letter"),
    ),
    example={
        **PERSON_EXAMPLE,
        **ADDRESS_EXAMPLE,
        "incident_at": "2024-09-14T19:15",
        "incident_address": "Main Boulevard, near Liberty Market, Gulberg III",
        "incident_district": "Lahore",
        "incident_police_station": "Gulberg",
        "offence_category": "snatching",
        "narrative": "Two men on a motorcycle snatched my mobile phone at gunpoint and fled "
                     "towards Main Market.",
        "accused": [
            {"description": "Two young men on a black motorcycle, one wearing a red helmet"},
        ],
        "stolen_property": [
            {"item_type": "mobile-phone", "description": "Samsung Galaxy A54, black",
             "value": 95000, "imei": "356789104561236"},
            {"item_type": "cash", "description": "Cash in wallet", "value": 12000},
        ],
        "witnesses": [
            {"name": "Zeeshan Haider", "mobile": "0301-2345678"},
        ],
    },
)
