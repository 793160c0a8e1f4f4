"""Vehicle verification: is this vehicle reported stolen or wanted?

Buyers check a used vehicle before paying, sellers clear theirs for the buyer. The police
stolen-vehicle records are searched by registration, chassis and engine number, so all three are
recorded exactly as they are stamped on the vehicle and its registration book.

The model year has a lower bound only (1950): a fixed upper bound would go stale next year, and
relative bounds exist for dates, not for integers.
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
    not_in,
    options,
)
from khidmat_desk.core.services._common import (
    ADDRESS_EXAMPLE,
    APPLICANT_CNIC_SHOWN,
    NAME_HINT,
    NAME_PATTERN,
    PERSON_EXAMPLE,
    PROVINCES,
    addresses_step,
    applicant_step,
    person_rules,
)

VEHICLE_TYPES = options(
    ("car", "Car / jeep", "کار / جیپ"),
    ("motorcycle", "Motorcycle", "موٹر سائیکل"),
    ("rickshaw", "Rickshaw", "رکشہ"),
    ("commercial", "Commercial vehicle", "کمرشل گاڑی"),
    ("tractor", "Tractor", "ٹریکٹر"),
    ("other", "Other", "دیگر"),
)
APPLICANT_ROLES = options(
    ("buyer", "Buyer", "خریدار"),
    ("seller", "Seller", "فروخت کنندہ"),
    ("owner", "Registered owner", "رجسٹرڈ مالک"),
    ("other", "Other", "دیگر"),
)
#: Vehicles are registered by the Excise office of a province; only Punjab's are listed by district.
REGISTRATION_PROVINCES = tuple(o for o in PROVINCES if o.value != "abroad")

VEHICLE_STEP = Step(key="vehicle", title="Vehicle", title_ur="گاڑی", fields=(
    Field(key="registration_no", type=FieldType.PLATE, label="Registration number",
          label_ur="رجسٹریشن نمبر"),
    Field(key="registration_province", type=FieldType.ENUM, label="Registered in (province)",
          label_ur="رجسٹریشن کا صوبہ", options=REGISTRATION_PROVINCES),
    Field(key="registration_district", type=FieldType.DISTRICT, label="Registering district",
          label_ur="رجسٹریشن کا ضلع", when=equals("registration_province", "punjab")),
    Field(key="registration_authority", type=FieldType.TEXT, label="Registering authority",
          label_ur="رجسٹریشن اتھارٹی", min_length=2, max_length=80,
          when=not_in("registration_province", "punjab", None),
          help="For example Excise and Taxation, Islamabad."),
    Field(key="chassis_no", type=FieldType.CHASSIS, label="Chassis number", label_ur="چیسس نمبر"),
    Field(key="engine_no", type=FieldType.CHASSIS, label="Engine number", label_ur="انجن نمبر"),
    Field(key="vehicle_type", type=FieldType.ENUM, label="Vehicle type", label_ur="گاڑی کی قسم",
          options=VEHICLE_TYPES),
    Field(key="make", type=FieldType.TEXT, label="Make", label_ur="کمپنی", min_length=2,
          max_length=40),
    Field(key="model", type=FieldType.TEXT, label="Model", label_ur="ماڈل", min_length=1,
          max_length=40),
    Field(key="model_year", type=FieldType.INTEGER, label="Model year", label_ur="ماڈل کا سال",
          min=1950, max="year+1"),
    Field(key="colour", type=FieldType.TEXT, label="Colour", label_ur="رنگ", min_length=3,
          max_length=30),
))

OWNER_STEP = Step(key="owner", title="Registered owner and role", title_ur="رجسٹرڈ مالک",
                  fields=(
    Field(key="owner_name", type=FieldType.TEXT, label="Registered owner name",
          label_ur="رجسٹرڈ مالک کا نام", min_length=2, max_length=60, pattern=NAME_PATTERN,
          pattern_hint=NAME_HINT, searchable_name=True),
    Field(key="owner_cnic", type=FieldType.CNIC, label="Registered owner CNIC",
          label_ur="رجسٹرڈ مالک کا شناختی کارڈ"),
    Field(key="applicant_role", type=FieldType.ENUM, label="Applicant is the",
          label_ur="درخواست گزار کی حیثیت", options=APPLICANT_ROLES),
))

SERVICE = Service(
    code="vehicle-verification",
    title="Vehicle Verification",
    title_ur="گاڑی کی تصدیق",
    short_title="Vehicle verification",
    group="verification",
    description="Checks a vehicle against stolen and wanted vehicle records.",
    shortcut="Ctrl+5",
    steps=(applicant_step(), addresses_step(permanent_required=False), VEHICLE_STEP, OWNER_STEP),
    rules=(*person_rules(),),
    documents=(
        APPLICANT_CNIC_SHOWN,
        DocumentRequirement("registration_book", "Registration book / smart card",
                            "رجسٹریشن بک / سمارٹ کارڈ"),
        DocumentRequirement("vehicle_shown", "Vehicle brought for inspection",
                            "گاڑی معائنے کے لیے لائی گئی", required=False),
    ),
    outputs=(
        OutputDocument("vehicle-verification-report", "Vehicle verification report",
                       "گاڑی کی تصدیقی رپورٹ", kind="report"),
    ),
    example={
        **PERSON_EXAMPLE,
        **ADDRESS_EXAMPLE,
        "registration_no": "LEB-8979",
        "registration_province": "punjab",
        "registration_district": "Lahore",
        "chassis_no": "NZE141-6012345",
        "engine_no": "1NZ-4567890",
        "vehicle_type": "car",
        "make": "Toyota",
        "model": "Corolla GLi",
        "model_year": 2012,
        "colour": "White",
        "owner_name": "Tariq Mehmood",
        "owner_cnic": "35202-9876543-1",
        "applicant_role": "buyer",
    },
)
