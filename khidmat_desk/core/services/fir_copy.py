"""Copy of an FIR (first information report).

FIR numbers restart every calendar year at every police station, so an FIR is only identified by
district, police station, number and year together; all four are required. The applicant's link
to the case is recorded because copies go to parties and their counsel.
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
    options,
)
from khidmat_desk.core.services._common import (
    ADDRESS_EXAMPLE,
    APPLICANT_CNIC_SHOWN,
    NAME_HINT,
    NAME_PATTERN,
    PERSON_EXAMPLE,
    addresses_step,
    applicant_step,
    person_rules,
)

CASE_LINKS = options(
    ("complainant", "Complainant", "مدعی"),
    ("accused", "Accused", "ملزم"),
    ("victim", "Victim", "متاثرہ فریق"),
    ("lawyer", "Lawyer of a party", "فریق کا وکیل"),
    ("other", "Other", "دیگر"),
)

CASE_STEP = Step(key="case", title="FIR", title_ur="ایف آئی آر", fields=(
    Field(key="fir_district", type=FieldType.DISTRICT, label="District of the police station",
          label_ur="تھانے کا ضلع"),
    Field(key="fir_police_station", type=FieldType.POLICE_STATION, label="Police station",
          label_ur="تھانہ", district_field="fir_district"),
    Field(key="fir_no", type=FieldType.FIR, label="FIR number / year",
          label_ur="ایف آئی آر نمبر / سال"),
    Field(key="fir_date", type=FieldType.DATE, label="Date of registration",
          label_ur="اندراج کی تاریخ", required=False, min="1947-01-01", max="today"),
    Field(key="sections", type=FieldType.TEXT, label="Offence sections",
          label_ur="دفعات", required=False, max_length=100, help="For example 379/411 PPC."),
    Field(key="case_link", type=FieldType.ENUM, label="Applicant's link to the case",
          label_ur="مقدمے سے تعلق", options=CASE_LINKS),
    Field(key="case_link_other", type=FieldType.TEXT, label="Other link to the case",
          label_ur="دیگر تعلق", min_length=2, max_length=100,
          when=equals("case_link", "other")),
    Field(key="bar_licence_no", type=FieldType.TEXT, label="Bar council licence number",
          label_ur="بار کونسل لائسنس نمبر", min_length=2, max_length=40,
          when=equals("case_link", "lawyer")),
))

#: Recorded when the attested copy is handed over (with who collected it, as for every
#: service): the FIR copy record the service exists for.
HANDOVER_STEP = Step(key="handover", title="FIR copy handed over",
                     title_ur="ایف آئی آر کی نقل حوالے", fields=(
    Field(key="pages", type=FieldType.INTEGER, label="Pages of the attested copy",
          label_ur="تصدیق شدہ نقل کے صفحات", min=1, max=500),
    Field(key="attested_by_name", type=FieldType.TEXT, label="Copy attested by",
          label_ur="نقل تصدیق کنندہ", min_length=2, max_length=60, pattern=NAME_PATTERN,
          pattern_hint=NAME_HINT),
    Field(key="attested_by_rank", type=FieldType.TEXT, label="Rank and post of the attesting "
          "officer", label_ur="تصدیق کنندہ کا عہدہ", min_length=2, max_length=80,
          help="For example: Moharrir (Head Constable), Police Station Gulberg."),
    Field(key="attested_on", type=FieldType.DATE, label="Attested on",
          label_ur="تصدیق کی تاریخ", min="1947-01-01", max="today"),
))

SERVICE = Service(
    code="fir-copy",
    title="Copy of FIR",
    title_ur="ایف آئی آر کی نقل",
    short_title="FIR copy",
    group="reports",
    description="Request for a copy of a registered FIR.",
    shortcut="Ctrl+9",
    steps=(applicant_step(), addresses_step(permanent_required=False), CASE_STEP),
    rules=(*person_rules(),),
    documents=(
        APPLICANT_CNIC_SHOWN,
        DocumentRequirement("bar_licence", "Bar council licence card",
                            "بار کونسل لائسنس کارڈ", when=equals("case_link", "lawyer")),
        DocumentRequirement("power_of_attorney", "Power of attorney (wakalatnama)",
                            "وکالت نامہ", when=equals("case_link", "lawyer")),
    ),
    outputs=(
        OutputDocument("fir-copy-receipt", "FIR copy request receipt",
                       "ایف آئی آر کی نقل کی درخواست کی رسید", kind="slip"),
        OutputDocument("fir-copy-record", "FIR copy handover record",
                       "ایف آئی آر کی نقل کی حوالگی کا ریکارڈ", kind="record"),
    ),
    handover=HANDOVER_STEP,
    example={
        **PERSON_EXAMPLE,
        **ADDRESS_EXAMPLE,
        "fir_district": "Lahore",
        "fir_police_station": "Gulberg",
        "fir_no": "1245/2023",
        "fir_date": "2023-07-18",
        "sections": "379/411 PPC",
        "case_link": "complainant",
    },
)
