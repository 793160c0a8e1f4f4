"""Police verification of a private-sector employee, requested by the employer.

Companies, banks and security firms ask the district police to check a (prospective) employee's
record before or after hiring. The employee block is the same as in employee registration, so a
person registered by one employer is found again when another asks for verification. Only
adults (18 or older) are verified for employment.
"""

from __future__ import annotations

from khidmat_desk.core.fields import (
    AgeRange,
    DateOrder,
    DocumentRequirement,
    Field,
    FieldType,
    OutputDocument,
    Periods,
    Service,
    Step,
)
from khidmat_desk.core.services._common import (
    EMPLOYEE_CNIC_COPY,
    EMPLOYEE_PHOTO,
    NAME_HINT,
    NAME_PATTERN,
    address_fields,
    period_group,
    person_rules,
)
from khidmat_desk.core.services.employee_registration import EMPLOYEE_EXAMPLE, EMPLOYEE_STEP

ORGANISATION_STEP = Step(key="organisation", title="Employer organisation", title_ur="ادارہ",
                         fields=(
    Field(key="organisation_name", type=FieldType.TEXT, label="Organisation name",
          label_ur="ادارے کا نام", min_length=2, max_length=120),
    *address_fields("organisation", "Organisation address", "ادارے کا پتہ"),
    Field(key="hr_name", type=FieldType.TEXT, label="HR contact: name",
          label_ur="ایچ آر رابطہ کار کا نام", min_length=2, max_length=60, pattern=NAME_PATTERN,
          pattern_hint=NAME_HINT, searchable_name=True),
    Field(key="hr_designation", type=FieldType.TEXT, label="HR contact: designation",
          label_ur="ایچ آر رابطہ کار کا عہدہ", required=False, max_length=60),
    Field(key="hr_mobile", type=FieldType.MOBILE, label="HR contact: mobile",
          label_ur="ایچ آر رابطہ کار کا موبائل"),
    Field(key="hr_email", type=FieldType.EMAIL, label="HR contact: email",
          label_ur="ایچ آر رابطہ کار کی ای میل", required=False),
))

POSITION_STEP = Step(key="position", title="Position and residence", title_ur="عہدہ اور رہائش",
                     fields=(
    Field(key="designation", type=FieldType.TEXT, label="Employee's designation",
          label_ur="ملازم کا عہدہ", min_length=2, max_length=80),
    Field(key="start_date", type=FieldType.DATE, label="Employed since / joining on",
          label_ur="ملازمت کا آغاز", required=False, min="today-60y", max="today+1y"),
    # Optional: the permanent address is always checked; earlier homes only when given.
    # The report certifies the districts, periods and addresses checked: at least one.
    period_group("residences", "Districts, periods and addresses of residence to check",
                 "تصدیق کے لیے رہائش کے اضلاع، مدت اور پتے", with_address=True),
))

SERVICE = Service(
    code="employee-verification",
    title="Police Verification of Private Employees",
    title_ur="نجی ملازمین کی پولیس تصدیق",
    short_title="Employee verification",
    group="verification",
    description="Employer-requested record check of a (prospective) private-sector employee.",
    shortcut="Ctrl+Shift+3",
    steps=(ORGANISATION_STEP, EMPLOYEE_STEP, POSITION_STEP),
    rules=(
        *person_rules("employee"),
        DateOrder(start="from", end="to", group="residences"),
        Periods(group="residences", dob="employee_date_of_birth"),
        AgeRange(dob="employee_date_of_birth", min_years=18,
                 reason="Employees are verified from the age of 18."),
    ),
    documents=(
        DocumentRequirement("request_letter", "Organisation's request letter",
                            "ادارے کا درخواستی خط"),
        EMPLOYEE_CNIC_COPY,
        EMPLOYEE_PHOTO,
    ),
    outputs=(
        OutputDocument("employee-verification-report", "Employee verification report",
                       "ملازم کی تصدیقی رپورٹ", kind="report", photo=True),
    ),
    primary_person="employee",
    example={
        "organisation_name": "Crescent Security Services (Pvt) Ltd",
        "organisation_address": "Office 4, 2nd Floor, Mall Road",
        "organisation_district": "Lahore",
        "organisation_police_station": "Civil Lines",
        "hr_name": "Sadia Rehman",
        "hr_designation": "HR Manager",
        "hr_mobile": "0302-1112223",
        "hr_email": "hr@crescent.example.com",
        **EMPLOYEE_EXAMPLE,
        "designation": "Security guard",
        "start_date": "2024-02-01",
        "residences": [
            {"district": "Dera Ghazi Khan", "from": "1990-01-15", "to": "2015-12-31",
             "address": "Basti Qureshian, Mauza Kot Chutta"},
            {"district": "Lahore", "from": "2016-01-01", "to": "2024-01-31",
             "address": "House 7, Street 2, Shadbagh"},
        ],
    },
)
