"""Legal and social protection for vulnerable people (Tahaffuz Markaz).

Transgender persons, women, abandoned or runaway children, disabled persons, drug-addicted youth
and destitute people come for help with harassment, eviction, missing documents, medical care or
shelter, and are referred to a partner body. Many have no identity document, no known guardian
and no phone, so those are optional; someone who brings them (an NGO worker, a neighbour) is
recorded instead.
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
    address_fields,
    companion_fields,
    narrative,
    optional,
    person_example,
    person_fields,
    person_rules,
    yes_no,
)

PERSON_CATEGORIES = options(
    ("transgender", "Transgender person", "خواجہ سرا"),
    ("woman", "Woman in distress", "مشکل میں خاتون"),
    ("child", "Abandoned or runaway child", "لاوارث / گھر سے بھاگا ہوا بچہ"),
    ("disabled", "Person with disability", "معذور فرد"),
    ("drug-addicted", "Drug-addicted youth", "منشیات کا عادی نوجوان"),
    ("destitute", "Destitute person", "بے سہارا فرد"),
    ("elderly", "Elderly person", "بزرگ شہری"),
    ("other", "Other", "دیگر"),
)
ISSUE_TYPES = options(
    ("harassment", "Harassment", "ہراسانی"),
    ("eviction", "Eviction", "بے دخلی"),
    ("documentation", "Identity documents", "شناختی دستاویزات"),
    ("medical", "Medical care", "طبی امداد"),
    ("shelter", "Shelter", "پناہ گاہ"),
    ("family-dispute", "Family dispute", "خاندانی تنازع"),
    ("legal-aid", "Legal aid", "قانونی مدد"),
    ("other", "Other", "دیگر"),
)
REFERRAL_TARGETS = options(
    ("darul-aman", "Darul Aman", "دارالامان"),
    ("child-protection-bureau", "Child Protection and Welfare Bureau", "چائلڈ پروٹیکشن بیورو"),
    ("bar-association", "Bar association (legal aid)", "بار ایسوسی ایشن"),
    ("hospital", "Hospital", "ہسپتال"),
    ("social-welfare", "Social Welfare Department", "محکمہ سماجی بہبود"),
    ("ngo", "Partner NGO", "شراکت دار تنظیم"),
    ("police-station", "Police station", "تھانہ"),
    ("other", "Other", "دیگر"),
)

BROUGHT = is_true("brought_by_someone")

STEPS = (
    Step(key="applicant", title="Person needing protection", title_ur="تحفظ کا طالب فرد",
         fields=optional(person_fields(id_required=False, dob_required=False),
                         "relation", "guardian_name", "mobile")),
    Step(key="address", title="Where they are staying", title_ur="موجودہ رہائش", fields=(
        *address_fields("present", "Present address", "موجودہ پتہ", required=False),
    )),
    Step(key="brought_by", title="Brought by", title_ur="لانے والا", fields=(
        yes_no("brought_by_someone", "Someone brought the person", "کوئی اور لایا ہے"),
        *companion_fields("brought_by", "Brought by", "لانے والے", when=BROUGHT,
                          cnic_required=False),
    )),
    Step(key="case", title="Case and referral", title_ur="معاملہ اور ریفرل", fields=(
        Field(key="person_category", type=FieldType.ENUM, label="Category of person",
              label_ur="فرد کی قسم", options=PERSON_CATEGORIES),
        Field(key="issue_types", type=FieldType.MULTI_ENUM, label="Help needed with",
              label_ur="کس معاملے میں مدد", options=ISSUE_TYPES),
        narrative("narrative", "What happened", "تفصیل"),
        Field(key="referral_target", type=FieldType.ENUM, label="Referred to",
              label_ur="کس کو بھیجا گیا", options=REFERRAL_TARGETS),
        Field(key="referral_other", type=FieldType.TEXT, label="Referred to (other)",
              label_ur="دیگر ادارہ", min_length=2, max_length=100,
              when=equals("referral_target", "other")),
        Field(key="follow_up_date", type=FieldType.DATE, label="Follow-up date",
              label_ur="پیروی کی تاریخ", required=False, min="today", max="today+1y"),
    )),
)

SERVICE = Service(
    code="protection-assistance",
    title="Legal and Social Protection",
    title_ur="قانونی و سماجی تحفظ",
    short_title="Protection",
    group="welfare",
    description="Help and referral for vulnerable people (Tahaffuz Markaz).",
    shortcut="Ctrl+6",
    steps=STEPS,
    rules=(*person_rules(),),
    documents=(
        DocumentRequirement("id_document", "Identity document",
                            "شناختی دستاویز", required=False),
    ),
    outputs=(
        OutputDocument("protection-referral", "Protection-assistance referral letter",
                       "تحفظ کا ریفرل خط", kind="letter"),
    ),
    example={
        **person_example("Sana Bibi", "ثنا بی بی", "d/o", "Muhammad Aslam", "35202-2345678-2",
                         "female", "1999-11-05", "0321-4567890"),
        "present_address": "Care of Dar-ul-Aman, Township",
        "present_district": "Lahore",
        "present_police_station": "Township",
        "brought_by_someone": False,
        "person_category": "woman",
        "issue_types": ["eviction", "shelter"],
        "narrative": "Turned out of her home by in-laws after her husband's death; needs shelter.",
        "referral_target": "darul-aman",
    },
)
