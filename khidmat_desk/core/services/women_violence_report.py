"""Violence-against-women report (Punjab Protection of Women against Violence Act 2016).

Everything that identifies the survivor, and her account, is confidential: masked in lists,
searches shown to others and exports. She may come herself or someone may report for her; an
identity document is not demanded, because turning a survivor away for a missing card is the
harm this service exists to prevent. The report is referred to the police station, the
Violence-against-Women Centre or the Women Protection Officer.
"""

from __future__ import annotations

from khidmat_desk.core.fields import (
    DocumentRequirement,
    Field,
    FieldType,
    OutputDocument,
    Service,
    Step,
    is_true,
    options,
)
from khidmat_desk.core.services._common import (
    GENDERS,
    NAME_HINT,
    NAME_PATTERN,
    address_fields,
    companion_fields,
    confidential,
    narrative,
    person_example,
    person_fields,
    person_rules,
    yes_no,
)

PERPETRATOR_RELATIONS = options(
    ("husband", "Husband", "شوہر"),
    ("former-husband", "Former husband", "سابق شوہر"),
    ("father", "Father", "والد"),
    ("brother", "Brother", "بھائی"),
    ("son", "Son", "بیٹا"),
    ("in-law", "In-law", "سسرالی رشتہ دار"),
    ("other-relative", "Other relative", "دیگر رشتہ دار"),
    ("employer", "Employer / colleague", "آجر / ساتھی"),
    ("acquaintance", "Acquaintance", "جاننے والا"),
    ("stranger", "Stranger", "اجنبی"),
    ("other", "Other", "دیگر"),
)
VIOLENCE_TYPES = options(
    ("physical", "Physical", "جسمانی"),
    ("sexual", "Sexual", "جنسی"),
    ("psychological", "Psychological / emotional", "نفسیاتی / جذباتی"),
    ("economic", "Economic", "معاشی"),
    ("stalking", "Stalking", "پیچھا کرنا"),
    ("cyber", "Cyber (online)", "آن لائن / سائبر"),
)
NEEDS = options(
    ("shelter", "Shelter", "پناہ گاہ"),
    ("medical", "Medical care / medico-legal", "طبی امداد / میڈیکو لیگل"),
    ("legal-aid", "Legal aid", "قانونی مدد"),
    ("protection-order", "Protection order", "حفاظتی حکم"),
    ("counselling", "Counselling", "نفسیاتی مشاورت"),
)

REPORTED_BY_OTHER = is_true("reported_by_other")

CHILDREN = Field(
    key="children", type=FieldType.GROUP, label="Children affected", label_ur="متاثرہ بچے",
    required=False, max_items=15, confidential=True,
    fields=confidential((
        Field(key="name", type=FieldType.TEXT, label="Name", label_ur="نام", min_length=2,
              max_length=60, pattern=NAME_PATTERN, pattern_hint=NAME_HINT, searchable_name=True),
        Field(key="age", type=FieldType.INTEGER, label="Age (years)", label_ur="عمر (سال)",
              min=0, max=17),
        Field(key="gender", type=FieldType.ENUM, label="Gender", label_ur="جنس", options=GENDERS),
    )),
)

STEPS = (
    Step(key="survivor", title="Survivor", title_ur="متاثرہ خاتون", fields=confidential((
        *person_fields("survivor", "Survivor", "متاثرہ خاتون", id_required=False,
                       dob_required=False, mobile_required=False, with_email=False),
        *address_fields("survivor", "Survivor's present address", "متاثرہ کا موجودہ پتہ",
                        required=False),
    ))),
    Step(key="reporter", title="Reported by", title_ur="اطلاع دہندہ", fields=(
        yes_no("reported_by_other", "Someone else is reporting for the survivor",
               "متاثرہ کی طرف سے کوئی اور اطلاع دے رہا ہے"),
        *companion_fields("reporter", "Reporter", "اطلاع دہندہ", when=REPORTED_BY_OTHER),
    )),
    Step(key="incident", title="Violence", title_ur="تشدد", fields=(
        Field(key="perpetrator_relation", type=FieldType.ENUM,
              label="Perpetrator's relation to the survivor", label_ur="ملزم کا متاثرہ سے رشتہ",
              options=PERPETRATOR_RELATIONS),
        Field(key="perpetrator_name", type=FieldType.TEXT, label="Perpetrator's name",
              label_ur="ملزم کا نام", required=False, min_length=2, max_length=60,
              pattern=NAME_PATTERN, pattern_hint=NAME_HINT, searchable_name=True),
        Field(key="violence_types", type=FieldType.MULTI_ENUM, label="Type of violence",
              label_ur="تشدد کی قسم", options=VIOLENCE_TYPES),
        Field(key="incident_on", type=FieldType.DATE, label="Date of (latest) incident",
              label_ur="(تازہ ترین) واقعے کی تاریخ", min="today-20y", max="today"),
        # The place (often her home) and her account identify her as surely as her name.
        *confidential((
            *address_fields("incident", "Place of incident", "جائے وقوعہ", same_as="survivor"),
            narrative("narrative", "What happened", "واقعے کی تفصیل"),
        )),
        CHILDREN,
        Field(key="needs", type=FieldType.MULTI_ENUM, label="Help needed", label_ur="درکار مدد",
              options=NEEDS, required=False),
    )),
)

SERVICE = Service(
    code="women-violence-report",
    title="Violence against Women Report",
    title_ur="خواتین پر تشدد کی رپورٹ",
    short_title="Violence against women",
    group="reports",
    description="Confidential report of violence against a woman, referred for protection.",
    shortcut="Ctrl+Shift+1",
    steps=STEPS,
    rules=(*person_rules("survivor"),),
    documents=(
        DocumentRequirement("survivor_id", "Survivor's identity document",
                            "متاثرہ کی شناختی دستاویز", required=False),
        DocumentRequirement("medical_record", "Medical record / MLC",
                            "طبی ریکارڈ / ایم ایل سی", required=False),
        DocumentRequirement("reporter_cnic", "Reporter's original CNIC shown",
                            "اطلاع دہندہ کا اصل شناختی کارڈ", when=REPORTED_BY_OTHER),
    ),
    outputs=(
        OutputDocument("vaw-report-acknowledgement",
                       "Violence-against-women report acknowledgement",
                       "خواتین پر تشدد کی رپورٹ کی رسید", kind="slip"),
    ),
    primary_person="survivor",
    example={
        **person_example("Fatima Noor", "فاطمہ نور", "w/o", "Shahid Iqbal", "34101-2345678-6",
                         "female", "1994-05-21", "0312-3456789", person="survivor"),
        "survivor_address": "Street 3, Peoples Colony",
        "survivor_district": "Faisalabad",
        "reported_by_other": False,
        "perpetrator_relation": "husband",
        "violence_types": ["physical", "economic"],
        "incident_on": "2024-10-02",
        "incident_address": "Street 3, Peoples Colony",
        "incident_district": "Faisalabad",
        "incident_police_station": "Peoples Colony",
        "narrative": "Beaten by her husband after asking for household money; he keeps her wages.",
        "children": [{"name": "Ali Shahid", "age": 6, "gender": "male"}],
        "needs": ["legal-aid", "protection-order"],
    },
)
