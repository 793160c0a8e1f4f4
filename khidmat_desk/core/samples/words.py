"""What sample answers are made of, besides people's names (those are in ``names.json``).

Plausible values keep demo screens, receipts and searches looking like a real centre's day:
Punjab CNIC area codes, mobile prefixes in the national numbering plan, plates, hospitals.
"""

from __future__ import annotations

#: Punjab CNIC area prefixes (first five digits), for people of those districts.
CNIC_AREAS: dict[str, tuple[str, ...]] = {
    "Lahore": ("35201", "35202", "35200"),
    "Rawalpindi": ("37405", "37406", "37401"),
    "Faisalabad": ("33100", "33102", "33104"),
    "Multan": ("36302", "36303", "36304"),
}
OTHER_CNIC_AREAS = ("34101", "34603", "38403", "31202", "31303", "32102", "35401", "36502",
                    "34201", "33302", "38302", "37101", "35102", "36601", "31101")
#: Mobile network codes inside the strict national ranges (no "unusual number" warning).
MOBILE_PREFIXES = tuple(f"3{n:02d}" for n in (*range(0, 19), *range(20, 26), *range(30, 37),
                                              *range(40, 50)))
EMAIL_DOMAINS = ("gmail.com", "yahoo.com", "hotmail.com", "outlook.com")
#: The usual destinations of people asking for a character certificate.
COUNTRIES = ("SA", "AE", "GB", "US", "CA", "QA", "OM", "MY", "DE", "IT", "AU", "CN", "TR", "KW")
#: Plate series letters; I, O and U are avoided on Punjab plates.
PLATE_LETTERS = "ABCDEFGHJKLMNPRSTVWXYZ"
CHASSIS_MODELS = ("NZE141", "NZE161", "ZRE172", "GE8", "FD1", "HA36S", "ZC72S", "KGC10")
ENGINE_MODELS = ("1NZ", "2ZR", "L15A", "R18A", "F8B", "K6A", "JL152", "CD70E", "3SZ")
PASSPORT_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"
OUTSIDE_PUNJAB: dict[str, tuple[str, ...]] = {
    "islamabad": ("Islamabad",),
    "sindh": ("Karachi", "Hyderabad", "Sukkur"),
    "khyber-pakhtunkhwa": ("Peshawar", "Mardan", "Abbottabad"),
    "balochistan": ("Quetta", "Gwadar"),
    "azad-kashmir": ("Mirpur", "Muzaffarabad"),
    "gilgit-baltistan": ("Gilgit", "Skardu"),
}
#: Neighbourhoods for districts that names.json has no localities for.
LOCALITIES = ("Civil Lines", "Satellite Town", "Model Town", "Islampura", "Ghalla Mandi",
              "Railway Colony", "Madina Colony", "Officers Colony", "Saddar Bazaar")
#: Station names for districts whose station list is not known.
STATIONS = ("City", "Saddar", "Cantt", "Civil Lines", "Kotwali", "Sadiqabad")
#: Free-text answers by words found in a field's key or label; the first match wins.
BY_WORDS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("_other",), ("Scholarship application", "Court case", "Family matter", "Domicile")),
    (("make",), ("Toyota", "Honda", "Suzuki", "Yamaha", "Hyundai", "Kia")),
    (("model",), ("Corolla", "Civic", "Mehran", "Cultus", "CD 70", "YBR 125", "Alto")),
    (("colour", "color"), ("White", "Black", "Silver", "Grey", "Red", "Blue")),
    (("bore", "calibre"), (".30 pistol", "9mm", "12 bore", ".222 rifle", ".32 revolver")),
    (("medical", "doctor"), ("Dr. Ayesha Malik", "Dr. Imran Qureshi", "Dr. Sana Javed")),
    (("authority", "issued by", "issuer"), ("NADRA", "Excise and Taxation Punjab",
                                            "Directorate of Passports", "Home Department")),
    (("agency", "dealer"), ("Al-Rehman Estate", "Punjab Property Centre", "City Real Estate")),
    (("hospital",), ("Services Hospital", "Mayo Hospital", "Jinnah Hospital",
                     "Lahore General Hospital", "DHQ Hospital Sheikhupura")),
    (("organisation", "organization", "employer", "institution", "company", "school"),
     ("Habib Bank Limited", "Punjab University", "Government College Lahore", "Nishat Mills",
      "Packages Limited", "Lahore Grammar School", "Meezan Bank", "Daewoo Express")),
    (("designation", "occupation", "job", "profession"),
     ("Driver", "Cook", "Security Guard", "Accountant", "Sales Officer", "Teacher", "Clerk")),
    (("section",), ("379 PPC", "380 PPC", "420/468/471 PPC", "337-A PPC", "506 PPC")),
)
ITEMS = ("Black Samsung mobile phone", "Gold ring", "Honda CD 70 motorcycle",
         "Wallet with cash and cards", "Laptop in a grey bag")
LOOKS = ("Tall man, about 30, black shalwar kameez", "Young man on a motorcycle, helmet on",
         "Two men, one with a beard, about 25")
SENTENCES = ("The applicant states the facts given at the counter are correct.",
             "It happened near the main bazaar in the evening.",
             "The applicant requests that the matter be looked into at the earliest.",
             "Copies of the documents were seen and returned to the applicant.",
             "Neighbours were present at the time and can confirm the account.")
URDU_PHRASES = ("درخواست گزار کے مطابق واقعہ اسی روز پیش آیا۔",
                "کاغذات کی نقول دیکھ کر واپس کر دی گئیں۔",
                "درخواست گزار نے جلد کارروائی کی استدعا کی ہے۔")
