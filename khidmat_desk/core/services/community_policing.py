"""Community policing enrolment: Friends of Police, Volunteers in Police and similar programmes.

Citizens, mostly students, enrol for a one-day orientation (Friends of Police, badge) or a
two-week attachment (Volunteers in Police, certificate). Their institution is recorded because
enrolment is usually arranged through a school, college or university, and the enrolment
certificate names the programme and its dates. Students under 18 often have only a B-Form, so
the applicant block accepts it.
"""

from __future__ import annotations

from khidmat_desk.core.fields import (
    DateOrder,
    DocumentRequirement,
    Field,
    FieldType,
    OutputDocument,
    Service,
    Step,
    equals,
    one_of,
    options,
)
from khidmat_desk.core.services._common import (
    ADDRESS_EXAMPLE,
    CNIC_OR_B_FORM_SHOWN,
    addresses_step,
    applicant_step,
    person_example,
    person_rules,
)

PROGRAMMES = options(
    ("friends-of-police", "Friends of Police", "فرینڈز آف پولیس"),
    ("volunteers-in-police", "Volunteers in Police", "والنٹیئرز اِن پولیس"),
    ("internship", "Student internship", "طلبہ انٹرن شپ"),
    ("other", "Other", "دیگر"),
)
INSTITUTION_TYPES = options(
    ("school", "School", "اسکول"),
    ("college", "College", "کالج"),
    ("university", "University", "یونیورسٹی"),
    ("organisation", "Organisation / employer", "ادارہ / آجر"),
    ("none", "None (individual)", "کوئی نہیں (انفرادی)"),
)

PROGRAMME_STEP = Step(key="programme", title="Programme", title_ur="پروگرام", fields=(
    Field(key="programme", type=FieldType.ENUM, label="Programme", label_ur="پروگرام",
          options=PROGRAMMES),
    Field(key="programme_other", type=FieldType.TEXT, label="Other programme",
          label_ur="دیگر پروگرام", min_length=2, max_length=100,
          when=equals("programme", "other")),
    Field(key="institution_type", type=FieldType.ENUM, label="Enrolled through",
          label_ur="کس کے ذریعے", options=INSTITUTION_TYPES),
    Field(key="institution", type=FieldType.TEXT, label="Institution name",
          label_ur="ادارے کا نام", min_length=2, max_length=120,
          when=one_of("institution_type", "school", "college", "university", "organisation")),
    Field(key="start_date", type=FieldType.DATE, label="Starts on", label_ur="آغاز کی تاریخ",
          min="today-20y", max="today+1y"),
    Field(key="end_date", type=FieldType.DATE, label="Ends on", label_ur="اختتام کی تاریخ",
          required=False, min="today-20y", max="today+2y",
          help="Leave empty for a one-day programme."),
))

SERVICE = Service(
    code="community-policing",
    title="Community Policing Enrolment",
    title_ur="کمیونٹی پولیسنگ میں اندراج",
    short_title="Community policing",
    group="welfare",
    description="Enrolment in Friends of Police, Volunteers in Police and similar programmes.",
    shortcut="Ctrl+Shift+6",
    steps=(applicant_step(), addresses_step(permanent_required=False), PROGRAMME_STEP),
    rules=(
        *person_rules(),
        DateOrder(start="start_date", end="end_date"),
    ),
    documents=(
        CNIC_OR_B_FORM_SHOWN,
        DocumentRequirement("institution_letter", "Letter or card from the institution",
                            "ادارے کا خط / کارڈ", required=False),
        DocumentRequirement("photo", "Photograph", "تصویر"),
    ),
    outputs=(
        OutputDocument("community-policing-certificate", "Community policing enrolment certificate",
                       "کمیونٹی پولیسنگ اندراج سرٹیفکیٹ", kind="certificate"),
    ),
    example={
        **person_example("Ayesha Siddiqa", "عائشہ صدیقہ", "d/o", "Muhammad Siddique",
                         "35202-3344556-8", "female", "2003-08-19", "0322-9988776"),
        **ADDRESS_EXAMPLE,
        "programme": "volunteers-in-police",
        "institution_type": "university",
        "institution": "University of the Punjab",
        "start_date": "2024-07-01",
        "end_date": "2024-07-14",
    },
)
