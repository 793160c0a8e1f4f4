"""Arms licence: police verification and referral only.

Licences are issued by the Home Department and Deputy Commissioners through NADRA's online arms
licence system; the police part is to verify the applicant or the licence holder and the weapon.
The centre records the licence and weapon exactly as they appear on the licence and refers the
case; it issues nothing itself. For a new application there is no licence yet, only the
reference number of the online application.
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
    not_in,
    options,
)
from khidmat_desk.core.services._common import (
    ADDRESS_EXAMPLE,
    CNIC_SHOWN,
    PERSON_EXAMPLE,
    WEAPON_TYPES,
    addresses_step,
    applicant_step,
    person_rules,
)

REQUEST_TYPES = options(
    ("new-application", "Verification for a new licence", "نئے لائسنس کی تصدیق"),
    ("renewal", "Verification for renewal", "تجدید کی تصدیق"),
    ("transfer", "Verification for transfer of weapon", "اسلحہ کی منتقلی کی تصدیق"),
    ("licence-check", "Verification of an existing licence", "موجودہ لائسنس کی تصدیق"),
)
CATEGORIES = options(
    ("npb", "Non-prohibited bore (NPB)", "غیر ممنوعہ بور"),
    ("pb", "Prohibited bore (PB)", "ممنوعہ بور"),
)
AUTHORITIES = options(
    ("home-department", "Home Department, Punjab", "محکمہ داخلہ پنجاب"),
    ("deputy-commissioner", "Deputy Commissioner", "ڈپٹی کمشنر"),
    ("interior-ministry", "Ministry of Interior (federal)", "وزارت داخلہ"),
    ("other", "Other", "دیگر"),
)

NEW = equals("request_type", "new-application")
EXISTING = not_in("request_type", "new-application", None)

LICENCE_STEP = Step(key="licence", title="Licence and weapon", title_ur="لائسنس اور اسلحہ",
                    fields=(
    Field(key="request_type", type=FieldType.ENUM, label="Verification for",
          label_ur="تصدیق برائے", options=REQUEST_TYPES),
    Field(key="application_ref", type=FieldType.TEXT, label="Online application number",
          label_ur="آن لائن درخواست نمبر", min_length=3, max_length=40, when=NEW),
    Field(key="licence_no", type=FieldType.TEXT, label="Licence number", label_ur="لائسنس نمبر",
          min_length=3, max_length=40, when=EXISTING),
    Field(key="category", type=FieldType.ENUM, label="Bore category", label_ur="بور کی قسم",
          options=CATEGORIES),
    Field(key="weapon_type", type=FieldType.ENUM, label="Weapon type", label_ur="اسلحہ کی قسم",
          options=WEAPON_TYPES),
    Field(key="bore", type=FieldType.TEXT, label="Bore / calibre", label_ur="بور",
          min_length=1, max_length=20, help="For example .30, 9mm, 12 bore."),
    Field(key="weapon_no", type=FieldType.TEXT, label="Weapon number", label_ur="اسلحہ نمبر",
          min_length=2, max_length=40, when=EXISTING),
    Field(key="issuing_authority", type=FieldType.ENUM, label="Issuing authority",
          label_ur="جاری کرنے والا ادارہ", options=AUTHORITIES, when=EXISTING),
    Field(key="issuing_authority_other", type=FieldType.TEXT, label="Other issuing authority",
          label_ur="دیگر ادارہ", min_length=2, max_length=80,
          when=equals("issuing_authority", "other")),
    Field(key="valid_from", type=FieldType.DATE, label="Licence issued on",
          label_ur="اجرا کی تاریخ", min="today-80y", max="today", when=EXISTING),
    Field(key="valid_to", type=FieldType.DATE, label="Licence valid until",
          label_ur="میعاد", min="today-80y", max="today+20y", when=EXISTING),
))

SERVICE = Service(
    code="arms-licence",
    title="Arms Licence Verification",
    title_ur="اسلحہ لائسنس کی تصدیق",
    short_title="Arms licence",
    group="licensing",
    description="Police verification of an arms-licence applicant or holder; referral only.",
    shortcut="Ctrl+Shift+5",
    steps=(
        applicant_step(title="Applicant / licence holder",
                       title_ur="درخواست گزار / لائسنس یافتہ"),
        addresses_step(),
        LICENCE_STEP,
    ),
    rules=(
        *person_rules(),
        DateOrder(start="valid_from", end="valid_to", strict=True),
    ),
    documents=(
        CNIC_SHOWN,
        DocumentRequirement("licence_copy", "Copy of the arms licence", "اسلحہ لائسنس کی نقل",
                            when=EXISTING),
        DocumentRequirement("application_copy", "Copy of the online application",
                            "آن لائن درخواست کی نقل", when=NEW),
    ),
    outputs=(
        OutputDocument("arms-licence-verification-slip", "Arms-licence verification slip",
                       "اسلحہ لائسنس تصدیقی رسید", kind="slip"),
    ),
    example={
        **PERSON_EXAMPLE,
        **ADDRESS_EXAMPLE,
        "request_type": "renewal",
        "licence_no": "PB-LHR-2019-004512",
        "category": "npb",
        "weapon_type": "pistol",
        "bore": ".30",
        "weapon_no": "TT-887766",
        "issuing_authority": "home-department",
        "valid_from": "2019-03-15",
        "valid_to": "2024-03-14",
    },
)
