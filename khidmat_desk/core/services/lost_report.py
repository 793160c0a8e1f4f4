"""Lost-document report: the police record NADRA, the passport office, Excise, banks and
universities ask for before issuing a duplicate.

A report is for something lost. Something stolen is a crime and is reported as a crime report
(the station may register an FIR); the form says so when "stolen" is chosen and asks for that
report's number if the citizen already has one. The owner's details are asked only when the
person at the counter is not the owner.
"""

from __future__ import annotations

from khidmat_desk.core.fields import (
    DocumentRequirement,
    Field,
    FieldType,
    OutputDocument,
    Service,
    Step,
    equals,
    is_true,
    options,
)
from khidmat_desk.core.services._common import (
    ADDRESS_EXAMPLE,
    APPLICANT_CNIC_SHOWN,
    PERSON_EXAMPLE,
    address_fields,
    addresses_step,
    applicant_step,
    narrative,
    person_fields,
    person_rules,
    yes_no,
)

ITEM_TYPES = options(
    ("cnic", "CNIC / B-Form", "شناختی کارڈ / ب فارم"),
    ("passport", "Passport", "پاسپورٹ"),
    ("driving-licence", "Driving licence", "ڈرائیونگ لائسنس"),
    ("vehicle-registration", "Vehicle registration book / card", "گاڑی کی رجسٹریشن بک / کارڈ"),
    ("number-plate", "Number plate", "نمبر پلیٹ"),
    ("educational-certificate", "Educational certificate / degree", "تعلیمی سند / ڈگری"),
    ("bank-card", "Cheque book / bank card", "چیک بک / بینک کارڈ"),
    ("arms-licence", "Arms licence", "اسلحہ لائسنس"),
    ("other", "Other", "دیگر"),
)
LOSS_KINDS = options(
    ("lost", "Lost", "گم ہو گیا"),
    ("stolen", "Stolen", "چوری ہو گیا"),
)

NOT_OWNER = is_true("for_someone_else")
STOLEN = equals("loss_kind", "stolen")

STEPS = (
    applicant_step(),
    addresses_step(permanent_required=False),
    Step(key="owner", title="Owner of the document", title_ur="دستاویز کا مالک", fields=(
        yes_no("for_someone_else", "The document belongs to someone else",
               "دستاویز کسی اور کی ہے"),
        *person_fields("owner", "Owner", "مالک", when=NOT_OWNER, dob_required=False,
                       mobile_required=False, with_email=False, with_urdu_name=False),
    )),
    Step(key="loss", title="What was lost", title_ur="کیا گم ہوا", fields=(
        Field(key="item_type", type=FieldType.ENUM, label="Document lost",
              label_ur="گمشدہ دستاویز", options=ITEM_TYPES),
        Field(key="item_other", type=FieldType.TEXT, label="Other document",
              label_ur="دیگر دستاویز", min_length=2, max_length=80,
              when=equals("item_type", "other")),
        Field(key="document_no", type=FieldType.TEXT, label="Document number",
              label_ur="دستاویز نمبر", required=False, max_length=40,
              help="If known: it is printed on the report so the issuer can trace it."),
        Field(key="issuer", type=FieldType.TEXT, label="Issued by", label_ur="جاری کنندہ",
              required=False, max_length=80),
        Field(key="loss_kind", type=FieldType.ENUM, label="Lost or stolen",
              label_ur="گم ہوا یا چوری", options=LOSS_KINDS,
              help="A theft is a crime: take a crime report for it; this report records a loss."),
        Field(key="theft_report_ref", type=FieldType.TEXT,
              label="Crime report or FIR number for the theft",
              label_ur="کرائم رپورٹ / ایف آئی آر نمبر",
              required=False, max_length=40, when=STOLEN,
              help="If the theft has not been reported yet, take a crime report as well."),
        Field(key="lost_on", type=FieldType.DATE, label="Date lost", label_ur="گم ہونے کی تاریخ",
              min="today-20y", max="today"),
        *address_fields("lost", "Place lost", "گم ہونے کی جگہ"),
        narrative("circumstances", "How it was lost", "گم ہونے کی تفصیل"),
    )),
)

SERVICE = Service(
    code="lost-report",
    title="Lost Document Report",
    title_ur="گمشدہ دستاویز کی رپورٹ",
    short_title="Lost document",
    group="reports",
    description="Police report of a lost document, for applying for a duplicate.",
    shortcut="Ctrl+7",
    steps=STEPS,
    rules=(*person_rules(), *person_rules("owner")),
    documents=(
        APPLICANT_CNIC_SHOWN,
        DocumentRequirement("document_copy", "Copy of the lost document",
                            "گمشدہ دستاویز کی نقل", required=False),
        DocumentRequirement("owner_cnic_copy", "Copy of the owner's CNIC",
                            "مالک کے شناختی کارڈ کی نقل", when=NOT_OWNER),
    ),
    outputs=(
        OutputDocument("lost-document-report", "Lost-document report", "گمشدگی رپورٹ",
                       kind="report"),
    ),
    example={
        **PERSON_EXAMPLE,
        **ADDRESS_EXAMPLE,
        "for_someone_else": False,
        "item_type": "driving-licence",
        "document_no": "LHR-2015-123456",
        "issuer": "Traffic Police Lahore",
        "loss_kind": "lost",
        "lost_on": "2024-08-09",
        "lost_address": "Anarkali Bazaar",
        "lost_district": "Lahore",
        "lost_police_station": "Old Anarkali",
        "circumstances": "Wallet with the licence fell out while shopping in Anarkali.",
    },
)
