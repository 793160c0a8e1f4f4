"""Medico-legal (MLC) facilitation at hospital counters.

An injured person or assault victim needs the police docket that lets the hospital's medical
officer examine them medico-legally, without first going to a police station. The injured person
may be unconscious or a child, so their identity number is optional and whoever brought them is
recorded instead; the docket goes to the police station of the place of occurrence.
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
    is_blank,
    is_true,
    options,
)
from khidmat_desk.core.services._common import (
    address_fields,
    companion_fields,
    optional,
    person_example,
    person_fields,
    person_rules,
    yes_no,
)

NATURES = options(
    ("assault", "Assault / fight", "مار پیٹ"),
    ("firearm", "Firearm injury", "فائرنگ سے زخم"),
    ("sharp-weapon", "Sharp-weapon injury", "تیز دھار آلے سے زخم"),
    ("accident", "Road or other accident", "حادثہ"),
    ("sexual-violence", "Sexual violence", "جنسی تشدد"),
    ("poisoning", "Poisoning", "زہر خورانی"),
    ("burns", "Burns / acid", "جلنا / تیزاب"),
    ("other", "Other", "دیگر"),
)

BROUGHT = is_true("brought_by_someone")

STEPS = (
    Step(key="injured", title="Injured person", title_ur="زخمی", fields=(
        *optional(person_fields("injured", "Injured person", "زخمی", id_required=False,
                                dob_required=False, mobile_required=False, with_email=False),
                  "injured_relation", "injured_guardian_name"),
        Field(key="injured_approx_age", type=FieldType.INTEGER, label="Approximate age (years)",
              label_ur="اندازاً عمر (سال)", required=False, min=0, max=120,
              help="When the date of birth is not known.",
              when=is_blank("injured_date_of_birth")),
    )),
    Step(key="brought_by", title="Brought by", title_ur="لانے والا", fields=(
        yes_no("brought_by_someone", "Someone brought the injured person",
               "زخمی کو کوئی اور لایا ہے"),
        *companion_fields("brought_by", "Brought by", "لانے والے", when=BROUGHT),
    )),
    Step(key="incident", title="Incident", title_ur="واقعہ", fields=(
        Field(key="incident_at", type=FieldType.DATETIME, label="Date and time of incident",
              label_ur="واقعے کی تاریخ اور وقت", min="today-20y", max="now"),
        *address_fields("incident", "Place of occurrence", "جائے وقوعہ"),
        Field(key="nature", type=FieldType.ENUM, label="Nature of injury", label_ur="زخم کی نوعیت",
              options=NATURES),
        Field(key="nature_other", type=FieldType.TEXT, label="Other nature of injury",
              label_ur="دیگر نوعیت", max_length=100, when=equals("nature", "other")),
        Field(key="fir_no", type=FieldType.FIR, label="Existing FIR number / year",
              label_ur="ایف آئی آر نمبر / سال", required=False,
              help="Only if an FIR has already been registered."),
    )),
    Step(key="hospital", title="Hospital", title_ur="ہسپتال", fields=(
        Field(key="hospital", type=FieldType.TEXT, label="Hospital", label_ur="ہسپتال",
              min_length=3, max_length=120),
        Field(key="medical_officer", type=FieldType.TEXT, label="Medical officer",
              label_ur="میڈیکل آفیسر", required=False, max_length=60),
    )),
)

SERVICE = Service(
    code="medico-legal",
    title="Medico-Legal Certificate Facilitation",
    title_ur="میڈیکو لیگل سرٹیفکیٹ کی سہولت",
    short_title="Medico-legal",
    group="reports",
    description="Police docket for a hospital medico-legal examination of an injured person.",
    shortcut="Ctrl+4",
    steps=STEPS,
    rules=(*person_rules("injured"),),
    documents=(
        DocumentRequirement("injured_id", "Identity document of the injured person",
                            "زخمی کی شناختی دستاویز", required=False),
        DocumentRequirement("companion_cnic", "Original CNIC of the person who brought them",
                            "لانے والے کا اصل شناختی کارڈ", when=BROUGHT),
    ),
    outputs=(
        OutputDocument("medico-legal-docket", "Medico-legal docket", "میڈیکو لیگل ڈاکٹ",
                       kind="report"),
    ),
    primary_person="injured",
    example={
        **person_example("Bilal Ahmed", "بلال احمد", "s/o", "Ghulam Nabi", "35201-4567890-5",
                         "male", "1996-02-14", person="injured"),
        "brought_by_someone": True,
        "brought_by_name": "Usman Ghani",
        "brought_by_cnic": "35201-5678901-7",
        "brought_by_relation": "brother",
        "brought_by_mobile": "0345-6789012",
        "incident_at": "2024-06-18T22:40",
        "incident_address": "Near Chungi Amar Sidhu bus stop, Ferozepur Road",
        "incident_district": "Lahore",
        "incident_police_station": "Kot Lakhpat",
        "nature": "assault",
        "hospital": "Jinnah Hospital, Lahore",
    },
)
