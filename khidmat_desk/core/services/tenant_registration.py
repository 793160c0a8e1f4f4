"""Tenant registration under the Punjab Information of Temporary Residents Act 2015.

The landlord, the property dealer or the tenant must give the police the tenant's particulars
within 48 hours of handing over possession, and the landlord must record any licensed weapon the
tenant keeps. The police match the tenant against criminal records, so the tenant is the person
this application is for (search and prefill use the tenant's CNIC), whoever files it.
"""

from __future__ import annotations

from datetime import timedelta

from khidmat_desk.core import clock
from khidmat_desk.core.fields import (
    AgeRange,
    AnyOf,
    DateOrder,
    Different,
    DocumentRequirement,
    Field,
    FieldType,
    OutputDocument,
    Recent,
    Service,
    Step,
    equals,
    is_true,
    one_of,
    options,
)
from khidmat_desk.core.issues import IssueLevel
from khidmat_desk.core.services._common import (
    NAME_HINT,
    NAME_PATTERN,
    PERSON_EXAMPLE,
    WEAPON_TYPES,
    address_fields,
    home_address_fields,
    person_fields,
    person_rules,
    prefixed,
    yes_no,
)

FILED_BY = options(
    ("landlord", "Landlord", "مالک مکان"),
    ("tenant", "Tenant", "کرایہ دار"),
    ("property-dealer", "Property dealer", "پراپرٹی ڈیلر"),
)
PREMISES_TYPES = options(
    ("house", "House", "مکان"),
    ("flat", "Flat / apartment", "فلیٹ"),
    ("portion", "Portion of a house", "مکان کا حصہ"),
    ("room", "Room", "کمرہ"),
    ("shop", "Shop", "دکان"),
    ("office", "Office", "دفتر"),
    ("hostel", "Hostel", "ہاسٹل"),
    ("other", "Other", "دیگر"),
)
OCCUPANT_RELATIONS = options(
    ("spouse", "Spouse", "شریک حیات"),
    ("son", "Son", "بیٹا"),
    ("daughter", "Daughter", "بیٹی"),
    ("father", "Father", "والد"),
    ("mother", "Mother", "والدہ"),
    ("brother", "Brother", "بھائی"),
    ("sister", "Sister", "بہن"),
    ("other-relative", "Other relative", "دیگر رشتہ دار"),
    ("friend-colleague", "Friend / colleague", "دوست / ساتھی"),
    ("employee", "Domestic employee", "گھریلو ملازم"),
)

VIA_DEALER = AnyOf((is_true("via_dealer"), equals("filed_by", "property-dealer")))
HAS_WEAPON = is_true("tenant_has_weapon")

OCCUPANTS = Field(
    key="occupants", type=FieldType.GROUP, label="Other occupants", label_ur="دیگر رہائشی",
    required=False, max_items=20,
    fields=(
        Field(key="name", type=FieldType.TEXT, label="Name", label_ur="نام", min_length=2,
              max_length=60, pattern=NAME_PATTERN, pattern_hint=NAME_HINT, searchable_name=True),
        Field(key="cnic", type=FieldType.CNIC, label="CNIC / B-Form",
              label_ur="شناختی کارڈ / ب فارم", required=False,
              help="Leave empty for a child without a B-Form."),
        Field(key="relation", type=FieldType.ENUM, label="Relation to the tenant",
              label_ur="کرایہ دار سے رشتہ", options=OCCUPANT_RELATIONS),
    ),
)

STEPS = (
    Step(key="filing", title="Who is registering", title_ur="اندراج کون کر رہا ہے", fields=(
        Field(key="filed_by", type=FieldType.ENUM, label="Registration filed by",
              label_ur="اندراج کنندہ", options=FILED_BY),
    )),
    Step(key="landlord", title="Landlord", title_ur="مالک مکان", fields=(
        *person_fields("landlord", "Landlord", "مالک مکان", with_urdu_name=False,
                       dob_required=False),
        *home_address_fields("landlord", "Landlord's address", "مالک مکان کا پتہ"),
    )),
    Step(key="tenant", title="Tenant", title_ur="کرایہ دار", fields=(
        *person_fields("tenant", "Tenant", "کرایہ دار"),
        Field(key="tenant_nationality", type=FieldType.COUNTRY, label="Tenant nationality",
              label_ur="کرایہ دار کی قومیت",
              when=one_of("tenant_id_type", "poc", "foreign-passport")),
        *home_address_fields("tenant_permanent", "Tenant's permanent address",
                             "کرایہ دار کا مستقل پتہ"),
    )),
    Step(key="premises", title="Rented premises", title_ur="کرایہ کی جگہ", fields=(
        Field(key="premises_type", type=FieldType.ENUM, label="Type of premises",
              label_ur="جگہ کی قسم", options=PREMISES_TYPES),
        *address_fields("premises", "Address of the rented premises", "کرایہ کی جگہ کا پتہ"),
        Field(key="possession_date", type=FieldType.DATE, label="Possession given on",
              label_ur="قبضہ دینے کی تاریخ", min="today-50y", max="today+30d",
              help="The law asks for registration within 48 hours of giving possession."),
        Field(key="agreement_end", type=FieldType.DATE, label="Rent agreement ends on",
              label_ur="کرایہ نامہ کی اختتامی تاریخ", required=False, max="today+20y"),
        Field(key="monthly_rent", type=FieldType.MONEY, label="Monthly rent",
              label_ur="ماہانہ کرایہ", required=False, max=100_000_000),
        OCCUPANTS,
    )),
    Step(key="dealer_weapon", title="Property dealer and weapon",
         title_ur="پراپرٹی ڈیلر اور اسلحہ", fields=(
        yes_no("via_dealer", "Rented through a property dealer", "پراپرٹی ڈیلر کے ذریعے"),
        Field(key="dealer_name", type=FieldType.TEXT, label="Property dealer: name",
              label_ur="پراپرٹی ڈیلر کا نام", min_length=2, max_length=60, pattern=NAME_PATTERN,
              pattern_hint=NAME_HINT, searchable_name=True, when=VIA_DEALER),
        Field(key="dealer_agency", type=FieldType.TEXT, label="Property dealer: agency",
              label_ur="ایجنسی کا نام", required=False, max_length=100, when=VIA_DEALER),
        Field(key="dealer_cnic", type=FieldType.CNIC, label="Property dealer: CNIC",
              label_ur="پراپرٹی ڈیلر کا شناختی کارڈ", when=VIA_DEALER),
        Field(key="dealer_mobile", type=FieldType.MOBILE, label="Property dealer: mobile",
              label_ur="پراپرٹی ڈیلر کا موبائل", when=VIA_DEALER),
        yes_no("tenant_has_weapon", "The tenant keeps a licensed weapon",
               "کرایہ دار کے پاس لائسنس یافتہ اسلحہ ہے"),
        Field(key="weapon_licence_no", type=FieldType.TEXT, label="Weapon licence number",
              label_ur="اسلحہ لائسنس نمبر", min_length=3, max_length=40, when=HAS_WEAPON),
        Field(key="weapon_type", type=FieldType.ENUM, label="Weapon type", label_ur="اسلحہ کی قسم",
              options=WEAPON_TYPES, when=HAS_WEAPON),
        Field(key="weapon_no", type=FieldType.TEXT, label="Weapon number", label_ur="اسلحہ نمبر",
              required=False, max_length=40, when=HAS_WEAPON),
    )),
)

SERVICE = Service(
    code="tenant-registration",
    title="Tenant Registration",
    title_ur="کرایہ دار کا اندراج",
    short_title="Tenant registration",
    group="registration",
    description="Registers a tenant with the police as the Temporary Residents Act requires.",
    shortcut="Ctrl+3",
    steps=STEPS,
    rules=(
        *person_rules("landlord"),
        *person_rules("tenant"),
        Different("landlord_cnic", "tenant_cnic", level=IssueLevel.ERROR,
                  message="is the landlord's CNIC; the tenant must be someone else"),
        AgeRange(dob="tenant_date_of_birth", min_years=18,
                 reason="Register a minor as an occupant of the adult tenant."),
        DateOrder(start="possession_date", end="agreement_end"),
        Recent(field="possession_date", since="today-2d", level=IssueLevel.WARNING,
               message="was more than 48 hours ago: the law asks for registration within 48 "
                       "hours of giving possession; the registration is late"),
    ),
    documents=(
        DocumentRequirement("landlord_cnic_copy", "Copy of the landlord's CNIC (original seen)",
                            "مالک مکان کے شناختی کارڈ کی نقل"),
        DocumentRequirement("tenant_id_copy",
                            "Copy of the tenant's CNIC or passport (original seen)",
                            "کرایہ دار کے شناختی کارڈ / پاسپورٹ کی نقل"),
        DocumentRequirement("rent_agreement", "Rent agreement", "کرایہ نامہ"),
        DocumentRequirement("tenant_photos", "Tenant's photographs", "کرایہ دار کی تصاویر"),
        DocumentRequirement("affidavit", "Affidavit", "بیان حلفی", required=False),
        DocumentRequirement("weapon_licence_copy", "Copy of the tenant's weapon licence",
                            "اسلحہ لائسنس کی نقل", when=HAS_WEAPON),
        DocumentRequirement("dealer_cnic_copy", "Copy of the property dealer's CNIC",
                            "پراپرٹی ڈیلر کے شناختی کارڈ کی نقل", when=VIA_DEALER),
    ),
    outputs=(
        OutputDocument("tenant-registration-slip", "Tenant registration slip",
                       "کرایہ دار اندراج کی رسید", kind="slip", photo=True),
    ),
    primary_person="tenant",
    example={
        "filed_by": "landlord",
        **prefixed("landlord", {k: v for k, v in PERSON_EXAMPLE.items()
                                if k not in ("name_ur", "email")}),
        "landlord_address": "House 12, Street 4, Gulberg III, Lahore",
        "landlord_province": "punjab",
        "landlord_district": "Lahore",
        "landlord_police_station": "Gulberg",
        "tenant_name": "Kamran Akhtar",
        "tenant_name_ur": "کامران اختر",
        "tenant_relation": "s/o",
        "tenant_guardian_name": "Akhtar Hussain",
        "tenant_id_type": "cnic",
        "tenant_cnic": "37405-2345678-3",
        "tenant_gender": "male",
        "tenant_date_of_birth": "1991-09-23",
        "tenant_mobile": "0333-5123456",
        "tenant_permanent_address": "Mohallah Raja Bazar, Street 7",
        "tenant_permanent_province": "punjab",
        "tenant_permanent_district": "Rawalpindi",
        "premises_type": "portion",
        "premises_address": "Upper portion, House 45-B, Street 9, Model Town",
        "premises_district": "Lahore",
        "premises_police_station": "Model Town",
        # Registered the day after possession, as the law asks, whenever the example is used.
        "possession_date": (clock.today() - timedelta(days=1)).isoformat(),
        "agreement_end": (clock.today() + timedelta(days=363)).isoformat(),
        "monthly_rent": 45000,
        "occupants": [
            {"name": "Ayesha Kamran", "cnic": "37405-3456789-4", "relation": "spouse"},
            {"name": "Hamza Kamran", "relation": "son"},
        ],
        "via_dealer": False,
        "tenant_has_weapon": False,
    },
)
