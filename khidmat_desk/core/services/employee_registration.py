"""Employee registration (ROPE: Registration of Private Employees).

An employer registers domestic staff or private employees; the employee's CNIC is matched
against the Criminal Record Office and the local police station learns who works in its area.
The employee is the person the application is for. Punjab law does not allow a child under 15 to
be employed, so a younger employee is refused with that reason.
"""

from __future__ import annotations

from khidmat_desk.core.fields import (
    AgeRange,
    Different,
    DocumentRequirement,
    Field,
    FieldType,
    OutputDocument,
    Service,
    Step,
    equals,
    options,
)
from khidmat_desk.core.issues import IssueLevel
from khidmat_desk.core.services._common import (
    EMPLOYEE_CNIC_COPY,
    EMPLOYEE_PHOTO,
    NAME_HINT,
    NAME_PATTERN,
    PERSON_EXAMPLE,
    address_fields,
    home_address_fields,
    person_example,
    person_fields,
    person_rules,
    prefixed,
    yes_no,
)

JOB_TYPES = options(
    ("driver", "Driver", "ڈرائیور"),
    ("cook", "Cook", "باورچی"),
    ("guard", "Security guard / chowkidar", "سیکیورٹی گارڈ / چوکیدار"),
    ("maid", "Maid / domestic worker", "گھریلو ملازمہ / ملازم"),
    ("gardener", "Gardener", "مالی"),
    ("shop-staff", "Shop staff", "دکان کا عملہ"),
    ("other", "Other", "دیگر"),
)

#: The employee block, shared with employee verification so both index the same keys.
EMPLOYEE_FIELDS: tuple[Field, ...] = (
    *person_fields("employee", "Employee", "ملازم"),
    *home_address_fields("employee_permanent", "Employee's permanent address (native place)",
                         "ملازم کا مستقل پتہ (آبائی علاقہ)"),
)
EMPLOYEE_STEP = Step(key="employee", title="Employee", title_ur="ملازم", fields=EMPLOYEE_FIELDS)

EMPLOYEE_EXAMPLE = {
    **person_example("Nadeem Abbas", "ندیم عباس", "s/o", "Ghulam Abbas", "32103-3456789-1",
                     "male", "1990-01-15", "0346-7654321", person="employee"),
    "employee_permanent_address": "Basti Qureshian, Mauza Kot Chutta",
    "employee_permanent_province": "punjab",
    "employee_permanent_district": "Dera Ghazi Khan",
}

JOB_STEP = Step(key="job", title="Job", title_ur="ملازمت", fields=(
    Field(key="job_type", type=FieldType.ENUM, label="Job", label_ur="کام کی نوعیت",
          options=JOB_TYPES),
    Field(key="job_other", type=FieldType.TEXT, label="Other job", label_ur="دیگر کام",
          min_length=2, max_length=60, when=equals("job_type", "other")),
    Field(key="start_date", type=FieldType.DATE, label="Employed since", label_ur="ملازمت کا آغاز",
          min="today-60y", max="today+90d"),
    yes_no("lives_on_premises", "Lives on the employer's premises", "آجر کے ہاں رہائش پذیر"),
    Field(key="previous_employer", type=FieldType.TEXT, label="Previous employer",
          label_ur="سابقہ آجر", required=False, max_length=100),
    Field(key="reference_name", type=FieldType.TEXT, label="Local reference: name",
          label_ur="مقامی ضامن کا نام", required=False, min_length=2, max_length=60,
          pattern=NAME_PATTERN, pattern_hint=NAME_HINT, searchable_name=True),
    Field(key="reference_mobile", type=FieldType.MOBILE, label="Local reference: mobile",
          label_ur="مقامی ضامن کا موبائل", required=False),
))

SERVICE = Service(
    code="employee-registration",
    title="Private Employee Registration (ROPE)",
    title_ur="نجی ملازمین کا اندراج (روپ)",
    short_title="Employee registration",
    group="registration",
    description="Employer registers domestic staff or private employees with the police.",
    shortcut="Ctrl+Shift+2",
    steps=(
        Step(key="employer", title="Employer", title_ur="آجر", fields=(
            *person_fields("employer", "Employer", "آجر", with_urdu_name=False,
                           dob_required=False),
            *address_fields("employer", "Employer's address (place of work)",
                            "آجر کا پتہ (جائے ملازمت)"),
        )),
        EMPLOYEE_STEP,
        JOB_STEP,
    ),
    rules=(
        *person_rules("employer"),
        *person_rules("employee"),
        Different("employer_cnic", "employee_cnic", level=IssueLevel.ERROR,
                  message="is the employer's CNIC; the employee must be someone else"),
        AgeRange(dob="employee_date_of_birth", min_years=15,
                 reason="Punjab law does not allow employing a child under 15."),
    ),
    documents=(
        DocumentRequirement("employer_cnic_copy", "Copy of the employer's CNIC",
                            "آجر کے شناختی کارڈ کی نقل"),
        EMPLOYEE_CNIC_COPY,
        EMPLOYEE_PHOTO,
        DocumentRequirement("affidavit", "Affidavit", "بیان حلفی", required=False),
    ),
    outputs=(
        OutputDocument("employee-registration-slip", "Employee registration slip",
                       "ملازم کے اندراج کی رسید", kind="slip", photo=True),
    ),
    primary_person="employee",
    example={
        **prefixed("employer", {k: v for k, v in PERSON_EXAMPLE.items()
                                if k not in ("name_ur", "date_of_birth")}),
        "employer_address": "House 12, Street 4, Gulberg III",
        "employer_district": "Lahore",
        "employer_police_station": "Gulberg",
        **EMPLOYEE_EXAMPLE,
        "job_type": "driver",
        "start_date": "2023-05-01",
        "lives_on_premises": True,
        "previous_employer": "Sheikh Traders, Multan",
    },
)
