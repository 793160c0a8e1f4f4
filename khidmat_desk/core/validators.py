"""Checks for every kind of answer typed at the counter: identity numbers, phones, plates, dates.

Each check takes whatever arrived — typed text, a scanned value, JSON from an import — and
returns either the single normalised form the database keeps, or a finding in plain words saying
what to fix. None of them raises on bad input: a form must always be able to tell the officer
what is wrong. Messages leave out the field's label because the caller puts it in front
("Applicant CNIC" + " must have 13 digits, like 35202-1234567-1").
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any, Literal

from khidmat_desk.core import clock
from khidmat_desk.core.issues import IssueLevel, Said

log = logging.getLogger("khidmat.validators")


@dataclass(frozen=True)
class Finding:
    level: IssueLevel
    message: str
    said: Said | None = None  # template and arguments, for the officer's language


@dataclass(frozen=True)
class Checked:
    value: Any
    findings: tuple[Finding, ...] = ()

    @property
    def ok(self) -> bool:
        """True when nothing stops the value being saved (warnings only ask for a second look)."""
        return all(f.level != IssueLevel.ERROR for f in self.findings)


def finding(level: IssueLevel, template: str, **args: Any) -> Finding:
    """A finding whose words are ``template`` filled with ``args`` (never an f-string: the
    template is what gets translated)."""
    said = Said.of(template, args)
    return Finding(level, str(said), said)


def _error(template: str, **args: Any) -> Checked:
    return Checked(None, (finding(IssueLevel.ERROR, template, **args),))


def _warn(value: Any, template: str, **args: Any) -> Checked:
    return Checked(value, (finding(IssueLevel.WARNING, template, **args),))


# ---------------------------------------------------------------------------------------------
# Identifier text: Urdu keyboards type ۰-۹, word processors type en-dashes; both are what the
# officer meant, so they are read as ASCII before any pattern is applied.
# ---------------------------------------------------------------------------------------------

#: Longer raw input than this is never an identifier; refusing it early keeps checks fast.
_MAX_IDENTIFIER = 256
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d", "-"))
_SPACES = re.compile(r"\s+")


def _ascii_digits(text: str) -> str:
    if text.isascii():
        return text
    return "".join(
        str(unicodedata.decimal(ch)) if ch.isdecimal() and not ch.isascii() else ch for ch in text
    )


def _identifier_text(raw: object) -> str | None:
    """The raw value as trimmed ASCII-digit text, or None when it cannot be an identifier."""
    if isinstance(raw, bool) or not isinstance(raw, str | int):
        return None
    text = str(raw)
    if len(text) > _MAX_IDENTIFIER:
        return None
    if text.isascii():  # nothing to read as ASCII (the usual case)
        return text.strip()
    return _ascii_digits(text.translate(_DASHES)).strip()


def is_blank(value: Any) -> bool:
    """Not answered: None, text of only spaces, an empty list or mapping. The one test of
    "nothing was given" (False and 0 are answers)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | dict | set):
        return len(value) == 0
    return False


def compact_id(text: str) -> str:
    """An identity number as stored and compared: no spaces or dashes, capitals
    ("35202-1234567-1" and "35202 1234567 1" are "3520212345671"; "ab 12" is "AB12")."""
    return _SPACES.sub("", text).replace("-", "").upper()


def _compact(raw: object) -> str | None:
    """Identifier text with every space removed, or None."""
    text = _identifier_text(raw)
    return None if text is None else _SPACES.sub("", text)


# ---------------------------------------------------------------------------------------------
# CNIC (also B-Form and NICOP: the same 13-digit NADRA number)
# ---------------------------------------------------------------------------------------------

_CNIC = re.compile(r"(\d{5})-?(\d{7})-?(\d)", re.ASCII)
_CNIC_FORMAT = "must have 13 digits, like 35202-1234567-1"


def check_cnic(raw: object) -> Checked:
    """13 digits, dashes optional; stored without dashes. NADRA publishes no checksum."""
    text = _compact(raw)
    match = _CNIC.fullmatch(text) if text is not None else None
    if match is None:
        return _error(_CNIC_FORMAT)
    digits = "".join(match.groups())
    if digits[0] not in "1234567":
        return _error("cannot start with {digit}: the first digit is the province (1 to 7), "
                      "like 35202-1234567-1", digit=digits[0])
    return Checked(digits)


def _cnic_digits(text: str) -> str:
    checked = check_cnic(text)
    if not checked.ok:
        raise ValueError(f"{text!r} is not a CNIC number")
    return str(checked.value)


def cnic_gender(digits: str) -> Literal["male", "female"]:
    """NADRA gives odd last digits to men and even ones to women."""
    last = digits.strip()[-1:]
    if not last.isdigit():
        raise ValueError(f"{digits!r} does not end in a digit")
    return "male" if int(last) % 2 else "female"


def format_cnic(digits: str) -> str:
    """``35202-1234567-1``: how the number is printed on the card."""
    d = _cnic_digits(digits)
    return f"{d[:5]}-{d[5:12]}-{d[12]}"


def mask_cnic(digits: str) -> str:
    """``35202-XXXXXXX-1``: enough on a receipt to tell two people apart, not enough to misuse."""
    d = _cnic_digits(digits)
    return f"{d[:5]}-XXXXXXX-{d[12]}"


# ---------------------------------------------------------------------------------------------
# Mobile numbers
# ---------------------------------------------------------------------------------------------

_MOBILE_SEPARATORS = re.compile(r"[\s\-().]+")
_MOBILE = re.compile(r"(?:\+92|0092|92)?0?(\d{10})", re.ASCII)
_NSN = re.compile(r"3\d{9}", re.ASCII)
_NSN_STRICT = re.compile(r"3(?:[0-247]\d|3[0-79]|55|64)\d{7}", re.ASCII)
_MOBILE_FORMAT = "is not a mobile number; type it like 0300-1234567"


def check_mobile(raw: object) -> Checked:
    """Any usual way of writing a Pakistani mobile number; stored as ``+923001234567``."""
    text = _identifier_text(raw)
    match = _MOBILE.fullmatch(_MOBILE_SEPARATORS.sub("", text)) if text is not None else None
    if match is None or not _NSN.fullmatch(match.group(1)):
        return _error(_MOBILE_FORMAT)
    nsn = match.group(1)
    if not _NSN_STRICT.fullmatch(nsn):
        return _warn("+92" + nsn, "does not belong to any Pakistani mobile network that we "
                                  "know of; check it with the applicant")
    return Checked("+92" + nsn)


def format_mobile(e164: str) -> str:
    """``0300-1234567``: how people in Pakistan write and read their number."""
    checked = check_mobile(e164)
    if checked.value is None:
        raise ValueError(f"{e164!r} is not a mobile number")
    nsn = str(checked.value)[3:]
    return f"0{nsn[:3]}-{nsn[3:]}"


# ---------------------------------------------------------------------------------------------
# Vehicles
# ---------------------------------------------------------------------------------------------

_PLATE = re.compile(r"([A-Z]{1,4})-?(?:(\d{2})-)?(\d{1,4})", re.ASCII)
_PLATE_SEPARATORS = re.compile(r"[\s\-_]+")


def check_plate(raw: object) -> Checked:
    """Punjab city-series (``LEA-12-3456``) and universal (``LEB-897``) plates, dash-separated."""
    text = _identifier_text(raw)
    if text is None or not text.isascii():
        return _error("is not a number plate; type it like LEB-8979 or LEA-12-3456")
    match = _PLATE.fullmatch(_PLATE_SEPARATORS.sub("-", text.upper()))
    if match is None:
        return _error("is not a number plate; type it like LEB-8979 or LEA-12-3456")
    return Checked("-".join(part for part in match.groups() if part))


_CHASSIS = re.compile(r"[A-Z0-9]+(?:-[A-Z0-9]+)*", re.ASCII)


def check_chassis(raw: object) -> Checked:
    """Chassis and engine numbers are maker-specific; only the character set is checked."""
    text = _compact(raw)
    text = text.upper() if text is not None and text.isascii() else None
    if text is None or not 5 <= len(text) <= 20 or not _CHASSIS.fullmatch(text):
        return _error("must be 5 to 20 letters and digits (dashes only between them), "
                      "like NZE141-6012345")
    return Checked(text)


# ---------------------------------------------------------------------------------------------
# FIR number / year and passports
# ---------------------------------------------------------------------------------------------

_FIR = re.compile(r"(\d{1,5})[/\\-](\d{4}|\d{2})", re.ASCII)
_FIR_FORMAT = "must be the FIR number and year, like 5/2023"
#: FIR registers start with the country; no earlier year can be genuine.
FIRST_FIR_YEAR = 1947


def _full_year(text: str, today: date) -> int:
    """``23`` is 2023 unless that is in the future, then 1923 (which the caller then refuses)."""
    if len(text) == 4:
        return int(text)
    year = 2000 + int(text)
    return year if year <= today.year else year - 100


def check_fir(raw: object, *, today: date) -> Checked:
    """``00005/23`` and ``5/2023`` are the same FIR; stored as ``5/2023``."""
    text = _compact(raw)
    match = _FIR.fullmatch(text) if text is not None else None
    if match is None:
        return _error(_FIR_FORMAT)
    number, year = int(match.group(1)), _full_year(match.group(2), today)
    if number == 0:
        return _error("has FIR number 0; FIR numbers start at 1, like 5/2023")
    if year > today.year:
        return _error("has the year {year}, which has not come yet; type it like 5/2023",
                      year=year)
    if year < FIRST_FIR_YEAR:
        return _error("has the year {year}, before {first}; type the year in full, like 5/2023",
                      year=year, first=FIRST_FIR_YEAR)
    return Checked(f"{number}/{year}")


_PAKISTANI_PASSPORT = re.compile(r"[A-Z]{2}\d{7}", re.ASCII)
PASSPORT_MAX_LENGTH = 20
_PASSPORT_CHARACTERS = "may use only letters and digits, like AB1234567"


def check_passport(raw: object) -> Checked:
    """Foreign passports vary, so an unusual shape is a warning, never a refusal."""
    text = _compact(raw)
    too_long = "is too long for a passport number (at most {most} characters)"
    if text is None:
        return _error(too_long, most=PASSPORT_MAX_LENGTH) if isinstance(raw, str) \
            else _error(_PASSPORT_CHARACTERS)
    if not text:
        return _error("is empty; type the passport number, like AB1234567")
    if len(text) > PASSPORT_MAX_LENGTH:
        return _error(too_long, most=PASSPORT_MAX_LENGTH)
    text = text.upper()
    if not (text.isascii() and text.isalnum()):
        return _error(_PASSPORT_CHARACTERS)
    if not _PAKISTANI_PASSPORT.fullmatch(text):
        return _warn(text, "is not shaped like a Pakistani passport number (two letters and "
                           "seven digits, like AB1234567); check it against the passport")
    return Checked(text)


# ---------------------------------------------------------------------------------------------
# Email
# ---------------------------------------------------------------------------------------------

_EMAIL_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_EMAIL_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")


def _domain_ok(domain: str) -> bool:
    labels = domain.split(".")
    return (len(labels) >= 2 and all(_EMAIL_LABEL.fullmatch(label) for label in labels)
            and labels[-1].isalpha() and len(labels[-1]) >= 2)


def check_email(raw: object) -> Checked:
    """The everyday shape of an address (no quoted or IP forms); the domain is lower-cased."""
    text = raw.strip() if isinstance(raw, str) else ""
    local, _, domain = text.rpartition("@")
    if (len(text) > 254 or not text.isascii() or not 1 <= len(local) <= 64
            or not _EMAIL_LOCAL.fullmatch(local) or not _domain_ok(domain)):
        return _error("is not an email address; type it like name@example.com")
    return Checked(f"{local}@{domain.lower()}")


# ---------------------------------------------------------------------------------------------
# Dates and times: officers write day first (25-12-2023); imports send ISO (2023-12-25).
# ---------------------------------------------------------------------------------------------

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
_DAY_FIRST = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})", re.ASCII)
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:\s*([AaPp])\.?[Mm]\.?)?",
                   re.ASCII)


def parse_date(raw: object) -> date | None:
    """The date meant by a date object or a typed date, or None."""
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    text = _identifier_text(raw) if isinstance(raw, str) else None
    if not text:
        return None
    if iso := _ISO_DATE.fullmatch(text):
        year, month, day = iso.groups()
    elif dmy := _DAY_FIRST.fullmatch(text):
        day, _, month, year = dmy.groups()
    else:
        return None
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def show_date(day: date) -> str:
    """DD-MM-YYYY, as the counter shows and officers type dates (``strftime`` would not pad
    years before 1000)."""
    return f"{day.day:02d}-{day.month:02d}-{day.year:04d}"


def _show_moment(moment: datetime) -> str:
    return f"{show_date(moment)} {moment:%H:%M}"


def check_date(raw: object, *, min: date | None, max: date | None) -> Checked:
    day = parse_date(raw)
    if day is None:
        return _error("is not a date; type it like 25-12-2023")
    if min is not None and day < min:
        return _error("cannot be before {date}", date=show_date(min))
    if max is not None and day > max:
        return _error("cannot be after {date}", date=show_date(max))
    return Checked(day.isoformat())


def _parse_time(text: str) -> tuple[int, int] | None:
    match = _TIME.fullmatch(text)
    if match is None:
        return None
    hour, minute, half = int(match.group(1)), int(match.group(2)), match.group(4)
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half in "Pp" else 0)
    if hour > 23 or minute > 59 or int(match.group(3) or 0) > 59:
        return None
    return hour, minute


def _local_minute(moment: datetime) -> datetime | None:
    """A moment with a time zone, as the centre's clock showed it; naive ones are local already."""
    try:
        local = clock.local(moment).replace(tzinfo=None) if moment.tzinfo else moment
    except (OverflowError, ValueError, OSError) as exc:  # beyond the calendar once shifted
        log.debug("cannot show %r in local time: %s", moment, exc)
        return None
    return local.replace(second=0, microsecond=0)


def parse_datetime(raw: object) -> datetime | None:
    """The moment (to the minute, local time) meant by a datetime or typed text, or None."""
    if isinstance(raw, datetime):
        return _local_minute(raw)
    text = _identifier_text(raw) if isinstance(raw, str) else None
    day_text, _, time_text = (text or "").replace("T", " ", 1).partition(" ")
    day = parse_date(day_text)
    clock = _parse_time(time_text.strip())
    if day is None or clock is None:
        return None
    return datetime(day.year, day.month, day.day, *clock)


def _minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def check_datetime(raw: object, *, min: datetime | None, max: datetime | None) -> Checked:
    moment = parse_datetime(raw)
    if moment is None:
        return _error("is not a date and time; type it like 25-12-2023 14:30")
    if min is not None and moment < _minute(min):
        return _error("cannot be before {date}", date=_show_moment(min))
    if max is not None and moment > _minute(max):
        return _error("cannot be after {date}", date=_show_moment(max))
    return Checked(f"{moment.date().isoformat()}T{moment:%H:%M}")


def age_on(born: date, day: date) -> int:
    """Completed years on `day`; a 29 February birthday completes a year on 1 March in other
    years. Negative when `day` is before `born`."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


# ---------------------------------------------------------------------------------------------
# Numbers and money
# ---------------------------------------------------------------------------------------------

_INTEGER = re.compile(r"[+-]?\d{1,18}", re.ASCII)


def _whole_number(raw: object) -> int | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        return int(raw) if raw.is_integer() else None
    text = _compact(raw)
    return int(text) if text is not None and _INTEGER.fullmatch(text) else None


def _bounded(value: int, low: int | None, high: int | None, money: bool = False) -> Checked:
    """Amounts read as ``Rs 1,500``; other numbers (years, counts) are shown bare: ``1950``."""
    def show(n: int) -> str:
        return f"Rs {n:,}" if money else str(n)

    if low is not None and value < low:
        return _error("must be at least {least}", least=show(low))
    if high is not None and value > high:
        return _error("must be at most {most}", most=show(high))
    return Checked(value)


#: Beyond any count, age or year a form asks for: a field declared without bounds keeps to
#: these (`core.validation` applies them; the checks here take the bounds they are given).
INTEGER_LIMIT = 1_000_000_000
#: Rs 1,000 billion: more than any fee, rent or stolen property's value.
MONEY_LIMIT = 1_000_000_000_000


def check_integer(raw: object, *, min: int | None, max: int | None) -> Checked:
    value = _whole_number(raw)
    if value is None:
        return _error("must be a whole number, like 12")
    return _bounded(value, min, max)


_MONEY_PREFIX = re.compile(r"\A(?:rs\.?|pkr|rupees)\s*", re.IGNORECASE | re.ASCII)
_MONEY = re.compile(r"(-)?(\d{1,15}|\d{1,3}(?:,\d{2,3})*,\d{3})(?:\.(\d{1,2}))?", re.ASCII)
_MONEY_FORMAT = "is not an amount in rupees; type it like 1,500"


def _rupees(raw: object) -> int | str:
    """Whole rupees, or the message saying why the input is not that."""
    if isinstance(raw, bool):
        return _MONEY_FORMAT
    if isinstance(raw, int | float):
        if isinstance(raw, float) and not raw.is_integer():
            return "must be whole rupees, without paisa"
        return int(raw) if raw >= 0 else "cannot be negative"
    text = _identifier_text(raw)
    text = _MONEY_PREFIX.sub("", text, count=1).removesuffix("/-").strip() if text else ""
    match = _MONEY.fullmatch(text.replace(" ", ""))
    if match is None:
        return _MONEY_FORMAT
    if match.group(1):
        return "cannot be negative"
    if (match.group(3) or "0").strip("0"):
        return "must be whole rupees, without paisa"
    return int(match.group(2).replace(",", ""))


def check_money(raw: object, *, min: int | None, max: int | None) -> Checked:
    """Whole Pakistani rupees: ``1500``, ``1,500``, ``Rs. 1,500/-``, ``15,00,000``."""
    value = _rupees(raw)
    if isinstance(value, str):
        return _error(value)
    return _bounded(value, min, max, money=True)


# ---------------------------------------------------------------------------------------------
# Free text
# ---------------------------------------------------------------------------------------------

#: Invisible characters that only ever arrive by pasting; ZWNJ (U+200C) is kept, Urdu uses it.
#: With them go the bidi marks, embeddings, overrides and isolates (U+202E makes "gpj.exe" of
#: "exe.jpg" and prints as boxes): the printer orders Urdu and numbers itself.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_INVISIBLE = str.maketrans(dict.fromkeys("\u200b\ufeff" + BIDI_CONTROLS))
_CONTROL_MESSAGE = "contains an invisible control character; please retype it"


def _has_control(text: str, allowed: str) -> bool:
    """A control (Cc) or surrogate (Cs) character other than the ``allowed`` ones."""
    return _controls_but(allowed).search(text) is not None


@lru_cache(maxsize=8)
def _controls_but(allowed: str) -> re.Pattern[str]:
    found = [chr(c) for c in (*range(0x20), *range(0x7F, 0xA0)) if chr(c) not in allowed]
    return re.compile("[" + "".join(re.escape(ch) for ch in found) + "\ud800-\udfff]")


def clean_free_text(text: str, *, multiline: bool = False) -> str:
    """Free text as every field keeps it (answers, reasons, names): control characters,
    invisible pasted characters and bidi overrides removed, NFC, spaces tidied."""
    allowed = "\t\n\r" if multiline else "\t"
    text = "".join(ch for ch in text
                   if ch in allowed or unicodedata.category(ch) not in ("Cc", "Cs"))
    return _clean_text(text, multiline)


def _clean_text(text: str, multiline: bool) -> str:
    if not text.isascii():  # ASCII holds no invisible character and is already NFC
        text = unicodedata.normalize("NFC", text.translate(_INVISIBLE))
    if not multiline:
        return " ".join(text.split())
    return "\n".join(line.rstrip() for line in text.splitlines()).strip()


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _length_finding(value: str, min_length: int | None,
                    max_length: int | None) -> Checked | None:
    if min_length is not None and len(value) < min_length:
        return _error("must have at least {least} characters", least=min_length)
    if max_length is not None and len(value) > max_length:
        return _error("must have at most {most} characters; it has {has}",
                      most=f"{max_length:,}", has=f"{len(value):,}")
    return None


def check_text(raw: object, *, min_length: int | None, max_length: int | None,
               pattern: str | None, pattern_hint: str, multiline: bool) -> Checked:
    """Text as it should be stored: NFC, trimmed, one space between words on a single line.

    `pattern` comes from the service declaration, not from the user; a broken one is a bug in
    the declaration and raises `re.error`.
    """
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        return _error("must be text")
    text = str(raw)
    if _has_control(text, "\t\n\r"):
        return _error(_CONTROL_MESSAGE)
    value = _clean_text(text, multiline)
    if problem := _length_finding(value, min_length, max_length):
        return problem
    if pattern and value and not _compiled(pattern).fullmatch(value):
        return _error("may use only {hint}", hint=pattern_hint) if pattern_hint \
            else _error("is not in the expected form")
    return Checked(value)


_ARABIC_BLOCKS = (("\u0600", "\u06ff"), ("\u0750", "\u077f"), ("\u0870", "\u08ff"),
                  ("\ufb50", "\ufdff"), ("\ufe70", "\ufeff"))


def _is_arabic_letter(ch: str) -> bool:
    return ch.isalpha() and any(low <= ch <= high for low, high in _ARABIC_BLOCKS)


def check_urdu_text(raw: object, *, min_length: int | None, max_length: int | None,
                    multiline: bool) -> Checked:
    """Like `check_text`, and the text must be Urdu: an English name typed into the Urdu box is
    the usual slip, while an Urdu name with a Latin initial is fine."""
    checked = check_text(raw, min_length=min_length, max_length=max_length, pattern=None,
                         pattern_hint="", multiline=multiline)
    if not checked.ok or checked.value == "":
        return checked
    if not any(_is_arabic_letter(ch) for ch in checked.value):
        return _error("should be written in Urdu")
    return checked


# ---------------------------------------------------------------------------------------------
# Yes/no and choices
# ---------------------------------------------------------------------------------------------

_BOOLEAN_WORDS = {
    "yes": True, "y": True, "true": True, "1": True, "ہاں": True, "جی ہاں": True,
    "no": False, "n": False, "false": False, "0": False, "نہیں": False, "جی نہیں": False,
}


def check_boolean(raw: object) -> Checked:
    if isinstance(raw, bool):
        return Checked(raw)
    if isinstance(raw, int) and raw in (0, 1):
        return Checked(bool(raw))
    if isinstance(raw, str) and len(raw) <= _MAX_IDENTIFIER:
        word = " ".join(raw.split()).casefold()
        if word in _BOOLEAN_WORDS:
            return Checked(_BOOLEAN_WORDS[word])
    return _error("must be yes or no")


def _choices(allowed: Sequence[str]) -> str:
    shown = ", ".join(allowed[:12])
    return shown + (", ..." if len(allowed) > 12 else "")


def _match_option(raw: object, allowed: Sequence[str]) -> str | None:
    if not isinstance(raw, str) or len(raw) > 200:
        return None
    text = raw.strip()
    if text in allowed:
        return text
    folded = text.casefold()
    return next((option for option in allowed if option.casefold() == folded), None)


def check_enum(raw: object, allowed: Sequence[str]) -> Checked:
    """One of the option values; case does not matter, the stored value is the declared one."""
    option = _match_option(raw, allowed)
    if option is None:
        return _error("is not one of the choices ({choices})", choices=_choices(allowed))
    return Checked(option)


def check_multi_enum(raw: object, allowed: Sequence[str]) -> Checked:
    """Several option values, kept once each and in the declared order so equal answers compare
    equal. A comma-separated string is accepted for the command line."""
    if isinstance(raw, str):
        items: list[object] = [part for part in raw.split(",") if part.strip()]
    elif isinstance(raw, list | tuple | set | frozenset):
        items = list(raw)
    else:
        return _error("must be a list of choices ({choices})", choices=_choices(allowed))
    chosen: set[str] = set()
    for item in items:
        option = _match_option(item, allowed)
        if option is None:
            shown = str(item)[:40]
            return _error("has '{shown}', which is not one of the choices ({choices})",
                          shown=shown, choices=_choices(allowed))
        chosen.add(option)
    return Checked([option for option in dict.fromkeys(allowed) if option in chosen])
