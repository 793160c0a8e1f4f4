"""General police verification (GPV): a domestic "no criminal record" check.

Used for jobs, banks, cantonment passes and property deals. The district police check their
records for every district the applicant lived in during the periods given.
"""

from khidmat_desk.core.fields import (
    DateOrder,
    DocumentRequirement,
    Field,
    FieldType,
    OutputDocument,
    Periods,
    Service,
    Step,
    equals,
    options,
)
from khidmat_desk.core.services._common import (
    ANYWHERE_ADDRESS_EXAMPLE,
    CNIC_OR_B_FORM_SHOWN,
    PERSON_EXAMPLE,
    addresses_step,
    applicant_step,
    period_group,
    person_rules,
    representative_fields,
)

PURPOSES = options(
    ("employment", "Employment", "ملازمت"),
    ("bank", "Bank", "بینک"),
    ("property", "Property transaction", "جائیداد"),
    ("cantt-pass", "Cantonment pass", "کینٹ پاس"),
    ("other", "Other", "دیگر"),
)

SERVICE = Service(
    code="police-verification",
    title="General Police Verification",
    title_ur="عمومی پولیس تصدیق",
    short_title="Police verification",
    group="verification",
    description="Domestic verification that the applicant has no criminal record.",
    shortcut="Ctrl+1",
    steps=(
        applicant_step(),
        addresses_step(anywhere=True),
        Step(key="purpose", title="Purpose and residence", title_ur="مقصد اور رہائش", fields=(
            Field(key="purpose", type=FieldType.ENUM, label="Purpose of verification",
                  label_ur="تصدیق کا مقصد", options=PURPOSES),
            Field(key="purpose_other", type=FieldType.TEXT, label="Other purpose",
                  label_ur="دیگر مقصد", max_length=100, when=equals("purpose", "other")),
            Field(key="organisation", type=FieldType.TEXT, label="Requesting organisation",
                  label_ur="درخواست کرنے والا ادارہ", required=False, max_length=120),
            period_group("residences", "Districts and periods of residence",
                         "رہائش کے اضلاع اور مدت"),
        )),
        Step(key="representative", title="Representative", title_ur="نمائندہ",
             fields=representative_fields()),
    ),
    rules=(
        *person_rules(),
        DateOrder(start="from", end="to", group="residences"),
        Periods(group="residences"),
    ),
    documents=(
        CNIC_OR_B_FORM_SHOWN,
        DocumentRequirement("cnic_copy", "Attested copy of CNIC / B-Form",
                            "شناختی کارڈ کی تصدیق شدہ نقل"),
        DocumentRequirement("affidavit", "Affidavit on Rs 50 stamp paper", "بیان حلفی"),
        DocumentRequirement("photos", "Two passport-size photographs", "دو تصاویر"),
        DocumentRequirement("authority_letter", "Authority letter from the applicant",
                            "اختیار نامہ", when=equals("on_behalf", True)),
    ),
    outputs=(
        OutputDocument("verification-letter", "Police verification letter", "پولیس تصدیقی خط",
                       kind="letter"),
    ),
    example={
        **PERSON_EXAMPLE,
        **ANYWHERE_ADDRESS_EXAMPLE,
        "purpose": "employment",
        "organisation": "Habib Bank Limited",
        "residences": [
            {"district": "Sargodha", "from": "1988-04-12", "to": "2010-06-30"},
            {"district": "Lahore", "from": "2010-07-01", "to": "2025-01-31"},
        ],
        "on_behalf": False,
    },
)
