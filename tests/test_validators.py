"""Every validator against generated input: all ways of typing one value agree, formatting
round-trips, limits hold, and nothing — however malformed — raises or slips through as ok."""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from khidmat_desk.core import validators as v
from khidmat_desk.core.validators import Checked

DIGITS = "0123456789"
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
URDU_DIGITS = str.maketrans(DIGITS, "۰۱۲۳۴۵۶۷۸۹")
TODAY = date(2026, 6, 15)

#: Anything at all that might arrive from a form, an import or a scanner.
anything = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(), st.binary(),
    st.text(alphabet=DIGITS + UPPER + " -+/.,:"), st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2), st.dates(), st.datetimes(),
)

ALL_CHECKS: dict[str, Callable[[object], Checked]] = {
    "cnic": v.check_cnic,
    "mobile": v.check_mobile,
    "plate": v.check_plate,
    "chassis": v.check_chassis,
    "fir": lambda raw: v.check_fir(raw, today=TODAY),
    "passport": v.check_passport,
    "email": v.check_email,
    "date": lambda raw: v.check_date(raw, min=None, max=None),
    "datetime": lambda raw: v.check_datetime(raw, min=None, max=None),
    "integer": lambda raw: v.check_integer(raw, min=None, max=None),
    "money": lambda raw: v.check_money(raw, min=None, max=None),
    "text": lambda raw: v.check_text(raw, min_length=None, max_length=None, pattern=None,
                                     pattern_hint="", multiline=False),
    "narrative": lambda raw: v.check_text(raw, min_length=None, max_length=4000, pattern=None,
                                          pattern_hint="", multiline=True),
    "name": lambda raw: v.check_text(raw, min_length=2, max_length=60,
                                     pattern=r"^[A-Za-z][A-Za-z .'\-]*$",
                                     pattern_hint="letters and spaces", multiline=False),
    "urdu": lambda raw: v.check_urdu_text(raw, min_length=None, max_length=120, multiline=False),
    "boolean": v.check_boolean,
    "enum": lambda raw: v.check_enum(raw, ["male", "female", "transgender"]),
    "multi_enum": lambda raw: v.check_multi_enum(raw, ["car", "motorcycle", "ltv"]),
}

#: What an accepted value must look like, per check: the "never ok with a malformed value" oracle.
WELL_FORMED: dict[str, Callable[[Any], bool]] = {
    "cnic": lambda x: isinstance(x, str) and re.fullmatch(r"[1-7]\d{12}", x, re.A) is not None,
    "mobile": lambda x: isinstance(x, str) and re.fullmatch(r"\+923\d{9}", x, re.A) is not None,
    "plate": lambda x: re.fullmatch(r"[A-Z]{1,4}-(?:\d{2}-)?\d{1,4}", x, re.A) is not None,
    "chassis": lambda x: re.fullmatch(r"[A-Z0-9-]{5,20}", x, re.A) is not None,
    "fir": lambda x: re.fullmatch(r"[1-9]\d{0,4}/(19[4-9]\d|20[0-2]\d)", x, re.A) is not None,
    "passport": lambda x: re.fullmatch(r"[A-Z0-9]{1,20}", x, re.A) is not None,
    "email": lambda x: x.count("@") == 1 and " " not in x and len(x) <= 254,
    "date": lambda x: date.fromisoformat(x).isoformat() == x,
    "datetime": lambda x: re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d", x, re.A) is not None,
    "integer": lambda x: type(x) is int,
    "money": lambda x: type(x) is int and x >= 0,
    "text": lambda x: isinstance(x, str) and x == " ".join(x.split()),
    "narrative": lambda x: isinstance(x, str) and x == x.strip() and len(x) <= 4000,
    "name": lambda x: 2 <= len(x) <= 60 and bool(re.fullmatch(r"[A-Za-z][A-Za-z .'\-]*", x)),
    "urdu": lambda x: x == "" or any(ch.isalpha() and unicodedata.name(ch, "").startswith("ARABIC")
                          for ch in x),
    "boolean": lambda x: type(x) is bool,
    "enum": lambda x: x in ("male", "female", "transgender"),
    "multi_enum": lambda x: isinstance(x, list) and set(x) <= {"car", "motorcycle", "ltv"},
}


def errors(checked: Checked) -> list[str]:
    return [f.message for f in checked.findings if f.level == "error"]


def warnings(checked: Checked) -> list[str]:
    return [f.message for f in checked.findings if f.level == "warning"]


# ---------------------------------------------------------------------------------------------
# Garbage in: never a crash, never an ok malformed value, always fast
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(ALL_CHECKS))
@settings(max_examples=150)
@given(raw=anything)
def test_any_input_is_answered_without_raising(kind: str, raw: object) -> None:
    checked = ALL_CHECKS[kind](raw)
    assert isinstance(checked, Checked)
    if checked.ok:
        assert WELL_FORMED[kind](checked.value), checked
    else:
        assert checked.value is None
        assert all(f.message and not f.message[0].isupper() for f in checked.findings)


HUGE_INPUTS = [
    "1" * 10_000, "a" * 10_000, " " * 10_000, "-" * 10_000, "1," * 5_000, "1/" * 5_000,
    "a@" * 5_000, "a." * 5_000 + "@x.com", "LEA-" * 2_500, "Rs " * 3_000 + "1", "\u0645 " * 5_000,
    "\n" * 10_000, "A-" * 5_000, "x" * 9_990 + "\x00",
]


@pytest.mark.parametrize("kind", sorted(ALL_CHECKS))
def test_ten_thousand_characters_are_refused_quickly(kind: str) -> None:
    for raw in HUGE_INPUTS:
        started = time.perf_counter()
        checked = ALL_CHECKS[kind](raw)
        assert time.perf_counter() - started < 0.1, (kind, raw[:20])
        if kind != "text" and raw.strip():  # blank input is the caller's to judge (required?)
            assert not checked.ok, (kind, raw[:20])


# ---------------------------------------------------------------------------------------------
# CNIC
# ---------------------------------------------------------------------------------------------

cnics = st.builds(lambda first, rest: first + rest, st.sampled_from("1234567"),
                  st.text(DIGITS, min_size=12, max_size=12))


def cnic_forms(d: str) -> list[object]:
    dashed = f"{d[:5]}-{d[5:12]}-{d[12]}"
    return [d, dashed, f"{d[:5]} {d[5:12]} {d[12]}", f"  {dashed}\t", dashed.replace("-", "\u2013"),
            dashed.translate(URDU_DIGITS), f"{d[:5]}-{d[5:]}", int(d)]


@given(cnics)
def test_every_way_of_typing_a_cnic_gives_the_same_digits(d: str) -> None:
    for form in cnic_forms(d):
        assert v.check_cnic(form) == Checked(d), form


@given(cnics)
def test_cnic_formatting_round_trips_and_masking_hides_the_serial(d: str) -> None:
    shown = v.format_cnic(d)
    assert re.fullmatch(r"\d{5}-\d{7}-\d", shown)
    assert v.check_cnic(shown).value == d
    assert v.format_cnic(shown) == shown
    masked = v.mask_cnic(d)
    assert masked == f"{d[:5]}-XXXXXXX-{d[12]}"
    assert d[5:12] not in masked.replace("-", "")[:5] + masked[-1]


@given(cnics)
def test_cnic_gender_follows_the_last_digit(d: str) -> None:
    expected = "male" if int(d[-1]) % 2 == 1 else "female"
    assert v.cnic_gender(d) == expected
    assert v.cnic_gender(v.format_cnic(d)) == expected


@given(st.sampled_from("089"), st.text(DIGITS, min_size=12, max_size=12))
def test_cnic_province_digit_must_be_one_to_seven(first: str, rest: str) -> None:
    checked = v.check_cnic(first + rest)
    assert not checked.ok
    assert "province" in errors(checked)[0]


@given(st.text(DIGITS, min_size=0, max_size=30).filter(lambda s: len(s) != 13))
def test_cnic_needs_exactly_thirteen_digits(digits: str) -> None:
    assert errors(v.check_cnic(digits)) == ["must have 13 digits, like 35202-1234567-1"]


def test_cnic_examples() -> None:
    assert not v.check_cnic("0000000000000").ok
    assert not v.check_cnic("35202-12345-671").ok  # dashes in the wrong places
    assert not v.check_cnic("3520212345671x").ok
    with pytest.raises(ValueError):
        v.format_cnic("12345")
    with pytest.raises(ValueError):
        v.cnic_gender("3520212345-")


# ---------------------------------------------------------------------------------------------
# Mobile numbers
# ---------------------------------------------------------------------------------------------

nsns = st.text(DIGITS, min_size=9, max_size=9).map(lambda rest: "3" + rest)
STRICT_NSN = re.compile(r"3(?:[0-247]\d|3[0-79]|55|64)\d{7}")


def mobile_forms(n: str) -> list[object]:
    return [f"0{n}", f"0{n[:3]}-{n[3:]}", f"+92 {n[:3]} {n[3:]}", f"+92{n}", f"0092{n}", f"92{n}",
            f"+92-{n[:3]}-{n[3:]}", f"(0{n[:3]}) {n[3:]}", f"+92 (0){n[:3]} {n[3:]}", int(n),
            f"0{n}".translate(URDU_DIGITS), n]


@given(nsns)
def test_every_way_of_typing_a_mobile_gives_one_e164_number(n: str) -> None:
    for form in mobile_forms(n):
        checked = v.check_mobile(form)
        assert checked.value == "+92" + n, form
        assert checked.ok


@given(nsns)
def test_unknown_network_ranges_are_warnings_not_errors(n: str) -> None:
    checked = v.check_mobile("0" + n)
    assert checked.ok
    assert bool(warnings(checked)) == (STRICT_NSN.fullmatch(n) is None)


@given(nsns)
def test_mobile_formatting_round_trips(n: str) -> None:
    e164 = "+92" + n
    shown = v.format_mobile(e164)
    assert shown == f"0{n[:3]}-{n[3:]}"
    assert v.check_mobile(shown).value == e164


@given(st.sampled_from("0124567891"), st.text(DIGITS, min_size=9, max_size=9))
def test_numbers_not_starting_with_3_are_not_mobiles(first: str, rest: str) -> None:
    assume(first != "3")
    assert errors(v.check_mobile("0" + first + rest)) == [
        "is not a mobile number; type it like 0300-1234567"]


def test_mobile_examples() -> None:
    assert not v.check_mobile("042-35761234").ok  # a Lahore landline
    assert not v.check_mobile("0300-123456").ok  # one digit short
    assert not v.check_mobile("0300-12345678").ok
    assert not v.check_mobile("+1 300 1234567").ok
    assert v.check_mobile("0355-1234567") == Checked("+923551234567")
    with pytest.raises(ValueError):
        v.format_mobile("12345")


# ---------------------------------------------------------------------------------------------
# Plates and chassis numbers
# ---------------------------------------------------------------------------------------------

letters = st.text(UPPER, min_size=1, max_size=4)
plate_numbers = st.text(DIGITS, min_size=1, max_size=4)
years = st.text(DIGITS, min_size=2, max_size=2)
separators = st.sampled_from(["-", " ", "  ", " - "])


@given(letters, st.one_of(st.none(), years), plate_numbers, separators, separators,
       st.booleans(), st.booleans())
def test_plates_normalise_to_single_dashes(series: str, year: str | None, number: str,
                                           sep1: str, sep2: str, glued: bool,
                                           lower: bool) -> None:
    expected = "-".join(p for p in (series, year, number) if p)
    typed = series + ("" if glued else sep1) + (f"{year}{sep2}" if year else "") + number
    typed = typed.lower() if lower else typed
    checked = v.check_plate(typed)
    assert checked == Checked(expected), typed
    assert v.check_plate(expected) == checked


@pytest.mark.parametrize("raw, value", [
    ("LEB-8979", "LEB-8979"), ("LWQ 3401", "LWQ-3401"), ("RIZ 3725", "RIZ-3725"),
    ("gaa-123", "GAA-123"), ("lea 12 3456", "LEA-12-3456"), ("LEA12-3456", "LEA-12-3456"),
])
def test_plate_examples(raw: str, value: str) -> None:
    assert v.check_plate(raw) == Checked(value)


@pytest.mark.parametrize("raw", ["LEA123456", "12-LEA", "LEABC-123", "LEA-12345", "LEA", "1234",
                                 "LEÄ-123", "LEA-1-234", ""])
def test_plate_rejects(raw: str) -> None:
    assert errors(v.check_plate(raw)) == [
        "is not a number plate; type it like LEB-8979 or LEA-12-3456"]


chassis_numbers = st.from_regex(r"\A[A-Z0-9]{2,9}(-[A-Z0-9]{2,9})?\Z").filter(
    lambda s: 5 <= len(s) <= 20)


@given(chassis_numbers, st.booleans())
def test_chassis_numbers_are_upper_cased_without_spaces(number: str, lower: bool) -> None:
    spaced = " ".join(number[i:i + 3] for i in range(0, len(number), 3))
    typed = spaced.lower() if lower else spaced
    assert v.check_chassis(typed) == Checked(number)


@given(st.text(DIGITS + UPPER, min_size=0, max_size=40).filter(lambda s: not 5 <= len(s) <= 20))
def test_chassis_length_limits(number: str) -> None:
    assert not v.check_chassis(number).ok


# ---------------------------------------------------------------------------------------------
# FIR number / year
# ---------------------------------------------------------------------------------------------

todays = st.dates(min_value=date(2000, 1, 1), max_value=date(2046, 12, 31))


@given(st.integers(1, 99_999), st.data(), todays)
def test_fir_forms_normalise_to_number_slash_year(number: int, data: st.DataObject,
                                                  today: date) -> None:
    year = data.draw(st.integers(1947, today.year))
    expected = Checked(f"{number}/{year}")
    assert v.check_fir(f"{number}/{year}", today=today) == expected
    assert v.check_fir(f"{number:05d} / {year}", today=today) == expected
    assert v.check_fir(f"{number}-{year}", today=today) == expected
    assert v.check_fir(f"{number:05d}/{year % 100:02d}", today=today) == expected


@given(st.integers(1, 99_999), st.integers(1, 500), todays)
def test_fir_year_cannot_be_in_the_future(number: int, ahead: int, today: date) -> None:
    checked = v.check_fir(f"{number}/{today.year + ahead}", today=today)
    assert not checked.ok and "has not come yet" in errors(checked)[0]


@given(st.integers(1, 99_999), st.integers(1000, 1946))
def test_fir_year_cannot_be_before_1947(number: int, year: int) -> None:
    assert not v.check_fir(f"{number}/{year}", today=TODAY).ok


def test_fir_examples() -> None:
    assert v.check_fir("00005/23", today=TODAY) == Checked("5/2023")
    assert v.check_fir("5/99", today=TODAY) == Checked("5/1999")
    assert not v.check_fir("0/2023", today=TODAY).ok
    assert not v.check_fir("123456/2023", today=TODAY).ok
    assert not v.check_fir("5/023", today=TODAY).ok
    assert not v.check_fir("5/30", today=TODAY).ok  # 2030 is ahead, 1930 is before 1947


# ---------------------------------------------------------------------------------------------
# Passport and email
# ---------------------------------------------------------------------------------------------


@given(st.from_regex(r"\A[A-Z]{2}[0-9]{7}\Z"))
def test_pakistani_passports_pass_cleanly_in_any_case(number: str) -> None:
    typed = f" {number[:2].lower()} {number[2:]} "
    assert v.check_passport(typed) == Checked(number)


@given(st.text(DIGITS + UPPER, min_size=1, max_size=20))
def test_other_passport_shapes_are_kept_with_a_warning(number: str) -> None:
    assume(re.fullmatch(r"[A-Z]{2}\d{7}", number) is None)
    checked = v.check_passport(number)
    assert checked.ok and checked.value == number
    assert warnings(checked)


@given(st.text(DIGITS + UPPER, min_size=21, max_size=80))
def test_passport_longer_than_twenty_is_an_error(number: str) -> None:
    assert "too long" in errors(v.check_passport(number))[0]


@pytest.mark.parametrize("raw", ["", "   ", "AB-123456", "AB12345/7", "اے بی"])
def test_passport_must_be_letters_and_digits(raw: str) -> None:
    assert not v.check_passport(raw).ok


email_locals = st.from_regex(r"\A[A-Za-z0-9_+-]{1,10}(\.[A-Za-z0-9_+-]{1,10}){0,2}\Z")
email_domains = st.from_regex(
    r"\A([A-Za-z0-9]([A-Za-z0-9-]{0,8}[A-Za-z0-9])?\.){1,3}[A-Za-z]{2,6}\Z")


@given(email_locals, email_domains)
def test_email_keeps_the_local_part_and_lower_cases_the_domain(local: str, domain: str) -> None:
    checked = v.check_email(f"  {local}@{domain} ")
    assert checked == Checked(f"{local}@{domain.lower()}")
    assert v.check_email(checked.value) == checked


@pytest.mark.parametrize("raw", ["a@b", "a@@b.com", "a b@c.com", "@x.com", "a@.com", "a..b@x.com",
                                 ".a@x.com", "a@x..com", "a@-x.com", "a@x.c0m", "imran",
                                 "a@x.com.", "x" * 65 + "@x.com", "عمران@x.com"])
def test_email_rejects(raw: str) -> None:
    assert errors(v.check_email(raw)) == ["is not an email address; type it like name@example.com"]


# ---------------------------------------------------------------------------------------------
# Dates and times
# ---------------------------------------------------------------------------------------------

four_digit_dates = st.dates(min_value=date(1000, 1, 1))


def date_forms(d: date) -> list[object]:
    y = f"{d.year:04d}"
    return [d, datetime(d.year, d.month, d.day, 13, 5), f"{y}-{d.month:02d}-{d.day:02d}",
            f"{d.day:02d}/{d.month:02d}/{y}", f"{d.day}/{d.month}/{y}",
            f"{d.day:02d}-{d.month:02d}-{y}", f"{d.day}.{d.month}.{y}",
            f" {d.day:02d}/{d.month:02d}/{y} ",
            f"{d.day:02d}/{d.month:02d}/{y}".translate(URDU_DIGITS)]


@given(four_digit_dates)
def test_every_date_form_parses_to_the_same_day(d: date) -> None:
    for form in date_forms(d):
        assert v.parse_date(form) == d, form
        assert v.check_date(form, min=None, max=None) == Checked(d.isoformat())


@given(st.dates(), st.dates(), st.dates())
def test_date_bounds_are_inclusive(d: date, low: date, high: date) -> None:
    checked = v.check_date(d, min=low, max=high)
    assert checked.ok == (low <= d <= high)
    if d < low:
        assert errors(checked) == [f"cannot be before {v.show_date(low)}"]


@pytest.mark.parametrize("raw", ["31/02/2023", "2023-02-30", "2023-13-01", "25/12/23", "25/12-2023",
                                 "2023/12/25", "yesterday", "", "25 12 2023"])
def test_impossible_or_unclear_dates_are_refused(raw: str) -> None:
    assert v.parse_date(raw) is None
    assert errors(v.check_date(raw, min=None, max=None)) == [
        "is not a date; type it like 25-12-2023"]


minutes = st.datetimes(min_value=datetime(1000, 1, 1)).map(
    lambda m: m.replace(second=0, microsecond=0))


def twelve_hour(m: datetime) -> str:
    hour = m.hour % 12 or 12
    half = "PM" if m.hour >= 12 else "am"
    return f"{m.day:02d}/{m.month:02d}/{m.year:04d} {hour}:{m.minute:02d} {half}"


@given(minutes, st.integers(0, 59))
def test_every_datetime_form_gives_the_same_minute(m: datetime, second: int) -> None:
    day = f"{m.year:04d}-{m.month:02d}-{m.day:02d}"
    iso = f"{day}T{m.hour:02d}:{m.minute:02d}"
    forms: list[object] = [
        m.replace(second=second), f"{day}T{m:%H:%M}", f"{day} {m:%H:%M}:{second:02d}",
        f"{day}T{m:%H:%M}:{second:02d}.123", f"{m.day}/{m.month}/{m.year:04d} {m:%H:%M}",
        twelve_hour(m),
    ]
    for form in forms:
        assert v.check_datetime(form, min=None, max=None) == Checked(iso), form


@given(minutes, minutes, minutes)
def test_datetime_bounds_are_inclusive_to_the_minute(m: datetime, low: datetime,
                                                     high: datetime) -> None:
    checked = v.check_datetime(m, min=low, max=high)
    assert checked.ok == (low <= m <= high)


def test_datetimes_with_a_time_zone_are_read_in_centre_time() -> None:
    moment = datetime(2026, 6, 15, 5, 0, 30, tzinfo=UTC)  # 10:00 in Lahore, whatever the PC
    assert v.check_datetime(moment, min=None, max=None) == Checked("2026-06-15T10:00")
    for extreme in (datetime.max, datetime.min):
        checked = v.check_datetime(extreme.replace(tzinfo=timezone(timedelta(hours=-12))),
                                   min=None, max=None)
        assert isinstance(checked, Checked)


def test_datetime_examples() -> None:
    now = datetime(2026, 6, 15, 10, 30, 45)
    assert v.check_datetime("2026-06-15 10:30:59", min=None, max=now).ok  # same minute as now
    assert not v.check_datetime("2026-06-15 10:31", min=None, max=now).ok
    for raw in ["2026-06-15", "15/06/2026 24:00", "15/06/2026 13:00 pm", "15/06/2026 0:00 am",
                "2026-06-15T10:60", "10:30", date(2026, 6, 15)]:
        assert not v.check_datetime(raw, min=None, max=None).ok, raw


@given(st.dates(min_value=date(2, 1, 1), max_value=date(9000, 1, 1)), st.integers(0, 150))
def test_age_is_completed_years(born: date, years: int) -> None:
    try:
        birthday = born.replace(year=born.year + years)
    except ValueError:  # 29 February in a common year: the year completes on 1 March
        birthday = date(born.year + years, 3, 1)
    assert v.age_on(born, birthday) == years
    assert v.age_on(born, birthday - timedelta(days=1)) == years - 1


def test_leap_day_birthdays() -> None:
    born = date(2008, 2, 29)
    assert v.age_on(born, date(2026, 2, 28)) == 17
    assert v.age_on(born, date(2026, 3, 1)) == 18
    assert v.age_on(born, date(2012, 2, 29)) == 4


# ---------------------------------------------------------------------------------------------
# Integers and money
# ---------------------------------------------------------------------------------------------


@given(st.integers(-10**17, 10**17))
def test_integers_from_numbers_and_text_agree(n: int) -> None:
    for form in (n, str(n), f"  {n} ", float(n) if abs(n) < 2**53 else n):
        assert v.check_integer(form, min=None, max=None) == Checked(n)


@given(st.integers(-1000, 1000), st.integers(-1000, 1000), st.integers(-1000, 1000))
def test_integer_bounds(n: int, low: int, high: int) -> None:
    assert v.check_integer(n, min=low, max=high).ok == (low <= n <= high)


def test_integer_bound_messages_show_plain_numbers() -> None:
    assert errors(v.check_integer("1949", min=1950, max=None)) == ["must be at least 1950"]
    assert errors(v.check_integer(12000, min=None, max=9999)) == ["must be at most 9999"]


@pytest.mark.parametrize("raw", ["1.5", "12a", "", "--1", True, 2.5, float("nan"), float("inf"),
                                 "1e3", [1], None])
def test_integer_rejects(raw: object) -> None:
    assert errors(v.check_integer(raw, min=None, max=None)) == ["must be a whole number, like 12"]


def test_integer_reads_urdu_and_arabic_digits() -> None:
    assert v.check_integer("۱۲", min=None, max=None) == Checked(12)
    assert v.check_integer("١٢", min=None, max=None) == Checked(12)


def lakh_grouping(n: int) -> str:
    text = str(n)
    if len(text) <= 3:
        return text
    head, tail = text[:-3], text[-3:]
    groups: list[str] = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([head, *groups, tail])


@given(st.integers(0, 10**13))
def test_money_forms_give_whole_rupees(n: int) -> None:
    forms = [n, str(n), f"{n:,}", lakh_grouping(n), f"Rs {n:,}", f"Rs. {n:,}/-", f"rs.{n}",
             f"PKR {lakh_grouping(n)}", f"{n}.00", f"Rs {n:,}.0", f" {n:,} /-"]
    for form in forms:
        assert v.check_money(form, min=None, max=None) == Checked(n), form


@given(st.integers(1, 10**9), st.integers(1, 99))
def test_money_refuses_negatives_and_paisa(n: int, paisa: int) -> None:
    assert errors(v.check_money(-n, min=None, max=None)) == ["cannot be negative"]
    assert errors(v.check_money(f"Rs -{n:,}", min=None, max=None)) == ["cannot be negative"]
    assert errors(v.check_money(f"{n}.{paisa:02d}", min=None, max=None)) == [
        "must be whole rupees, without paisa"]
    assert not v.check_money(n + 0.5, min=None, max=None).ok


@given(st.integers(0, 5000), st.integers(0, 5000), st.integers(0, 5000))
def test_money_bounds(n: int, low: int, high: int) -> None:
    checked = v.check_money(f"{n:,}", min=low, max=high)
    assert checked.ok == (low <= n <= high)
    if n > high >= low:
        assert errors(checked) == [f"must be at most Rs {high:,}"]


@pytest.mark.parametrize("raw", ["1,5000", "1,00", ",100", "100,", "1,,000", "Rs", "1500 Rs",
                                 "1.500", "abc", True, "1,500.5.0"])
def test_money_rejects(raw: object) -> None:
    assert not v.check_money(raw, min=None, max=None).ok


# ---------------------------------------------------------------------------------------------
# Text and Urdu text
# ---------------------------------------------------------------------------------------------


def single_line(raw: object, **kw: Any) -> Checked:
    options: dict[str, Any] = {"min_length": None, "max_length": None, "pattern": None,
                               "pattern_hint": "", "multiline": False}
    return v.check_text(raw, **{**options, **kw})


@given(st.text())
def test_single_line_text_is_clean_and_idempotent(raw: str) -> None:
    checked = single_line(raw)
    if not checked.ok:
        assert any(unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\t\n\r" for ch in raw)
        return
    value = checked.value
    assert value == " ".join(value.split())
    assert unicodedata.is_normalized("NFC", value)
    assert single_line(value) == checked


@given(st.text())
def test_multiline_text_keeps_lines_but_not_trailing_spaces(raw: str) -> None:
    checked = single_line(raw, multiline=True)
    if not checked.ok:
        return
    value = checked.value
    assert value == value.strip()
    assert all(line == line.rstrip() for line in value.split("\n"))
    assert "\r" not in value
    assert single_line(value, multiline=True) == checked


@given(st.lists(st.text(alphabet="abc xyz\t", min_size=1), min_size=2, max_size=5))
def test_multiline_keeps_every_non_blank_line(lines: list[str]) -> None:
    value = single_line("\r\n".join(lines), multiline=True).value
    assert [line.rstrip() for line in value.split("\n")] == value.split("\n")
    assert value == "\n".join(line.rstrip() for line in lines).strip()


@given(st.text(alphabet="abcdefgh ", max_size=80), st.integers(0, 40), st.integers(0, 40))
def test_text_length_limits_apply_after_cleaning(raw: str, low: int, high: int) -> None:
    checked = single_line(raw, min_length=low, max_length=high)
    cleaned = " ".join(raw.split())
    assert checked.ok == (low <= len(cleaned) <= high)


@pytest.mark.parametrize("raw", ["Ali\x00", "Ali\x1b[0m", "A\x7fB", "line\x0bbreak", "\x85"])
def test_control_characters_are_refused(raw: str) -> None:
    assert errors(single_line(raw)) == ["contains an invisible control character; please retype it"]
    assert not single_line(raw, multiline=True).ok


def test_text_cleaning_examples() -> None:
    assert single_line("  Muhammad \u00a0 Imran\t ").value == "Muhammad Imran"
    assert single_line("Ali\u200b Raza").value == "Ali Raza"
    decomposed = "Jose\u0301"
    assert single_line(decomposed).value == "Jos\u00e9"
    assert single_line("a\tb\nc", multiline=True).value == "a\tb\nc"
    checked = single_line("Imran 2", pattern=r"^[A-Za-z][A-Za-z .'\-]*$",
                          pattern_hint="letters, spaces, dots, apostrophes and hyphens")
    assert errors(checked) == ["may use only letters, spaces, dots, apostrophes and hyphens"]
    assert errors(single_line("x" * 61, max_length=60)) == [
        "must have at most 60 characters; it has 61"]
    assert errors(single_line("x", min_length=2)) == ["must have at least 2 characters"]


urdu_letters = st.text(alphabet="ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنوہھیے", min_size=1, max_size=10)


@given(urdu_letters, st.text(alphabet="ABCxyz .", max_size=10), st.booleans())
def test_urdu_text_may_mix_in_latin(urdu: str, latin: str, latin_first: bool) -> None:
    typed = f"{latin} {urdu}" if latin_first else f"{urdu} {latin}"
    checked = v.check_urdu_text(typed, min_length=None, max_length=None, multiline=False)
    assert checked == Checked(" ".join(typed.split()))


@given(st.text(alphabet="ABCDEFxyz .-'0123456789", min_size=1).filter(str.strip))
def test_text_without_urdu_letters_is_refused(latin: str) -> None:
    checked = v.check_urdu_text(latin, min_length=None, max_length=None, multiline=False)
    assert errors(checked) == ["should be written in Urdu"]


def test_urdu_length_limit() -> None:
    assert not v.check_urdu_text("محمد" * 20, min_length=None, max_length=60, multiline=False).ok


# ---------------------------------------------------------------------------------------------
# Yes/no and choices
# ---------------------------------------------------------------------------------------------

YES = ["yes", "y", "true", "1", "ہاں"]
NO = ["no", "n", "false", "0", "نہیں"]


@given(st.sampled_from(YES + NO), st.booleans(), st.sampled_from(["", " ", "\t"]))
def test_boolean_words_in_any_case(word: str, upper: bool, pad: str) -> None:
    typed = pad + (word.upper() if upper else word) + pad
    assert v.check_boolean(typed) == Checked(word in YES)


@pytest.mark.parametrize("raw", ["maybe", 2, -1, None, "", 0.5, "yes please"])
def test_boolean_rejects(raw: object) -> None:
    assert errors(v.check_boolean(raw)) == ["must be yes or no"]


def test_boolean_values() -> None:
    assert v.check_boolean(True) == Checked(True)
    assert v.check_boolean(0) == Checked(False)


OPTIONS = ["motorcycle", "car", "mc-car", "ltv", "htv", "psv"]


@given(st.sampled_from(OPTIONS), st.sampled_from([str.upper, str.title, str.lower]))
def test_enum_matches_case_insensitively_to_the_declared_value(option: str,
                                                               case: Callable[[str], str]) -> None:
    assert v.check_enum(f" {case(option)} ", OPTIONS) == Checked(option)


@given(st.text(max_size=12))
def test_enum_refuses_anything_else(raw: str) -> None:
    assume(raw.strip().casefold() not in OPTIONS)
    checked = v.check_enum(raw, OPTIONS)
    assert errors(checked) == [f"is not one of the choices ({', '.join(OPTIONS)})"]


@given(st.lists(st.sampled_from(OPTIONS), max_size=10), st.randoms(use_true_random=False))
def test_multi_enum_keeps_each_choice_once_in_declared_order(chosen: list[str], rnd: Any) -> None:
    shuffled = [o.upper() if rnd.random() < 0.3 else o for o in chosen]
    rnd.shuffle(shuffled)
    expected = [o for o in OPTIONS if o in chosen]
    assert v.check_multi_enum(shuffled, OPTIONS) == Checked(expected)
    assert v.check_multi_enum(tuple(shuffled), OPTIONS) == Checked(expected)
    assert v.check_multi_enum(",".join(shuffled), OPTIONS) == Checked(expected)


@given(st.lists(st.sampled_from(OPTIONS), max_size=4), st.text(min_size=1, max_size=8))
def test_multi_enum_refuses_an_unknown_choice(chosen: list[str], stranger: str) -> None:
    assume(stranger.strip().casefold() not in OPTIONS and "," not in stranger and stranger.strip())
    checked = v.check_multi_enum([*chosen, stranger], OPTIONS)
    assert not checked.ok and "not one of the choices" in errors(checked)[0]


def test_multi_enum_rejects_non_lists() -> None:
    assert not v.check_multi_enum(5, OPTIONS).ok
    assert not v.check_multi_enum({"car": 1}, OPTIONS).ok
    assert not v.check_multi_enum([["car"]], OPTIONS).ok


def test_one_id_number_normaliser_and_one_blank() -> None:
    assert v.compact_id(" 35202-1234567-1 ") == v.compact_id("35202 1234567 1") == "3520212345671"
    assert v.compact_id("ab 12-3") == "AB123"
    assert [v.is_blank(x) for x in (None, "  ", [], {}, False, 0, "x")] == [
        True, True, True, True, False, False, False]
