"""How a normalised answer reads on a review page, a receipt or a search result."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from khidmat_desk.core import clock, reference, validators
from khidmat_desk.core.fields import Field, FieldType


def format_money(amount: int) -> str:
    return f"Rs {amount:,}"


def format_date(value: str | date) -> str:
    day = value if isinstance(value, date) else date.fromisoformat(value)
    return f"{day.day:02d}-{day.month:02d}-{day.year:04d}"


def format_moment(moment: datetime, pattern: str = "%d-%m-%Y %H:%M") -> str:
    """A stored moment as the centre's clock showed it (never the PC's own zone)."""
    return clock.local(moment).strftime(pattern)


def format_value(f: Field, value: Any, *, urdu: bool = False) -> str:
    """Officer-readable text for one answer; ``urdu``: choices, yes/no and districts in Urdu
    where the catalogue or the reference lists give it (what was typed stays as typed)."""
    if value is None or value == "" or value == []:
        return ""
    kind = f.type
    if kind is FieldType.GROUP:
        return "; ".join(format_row(f, row, urdu=urdu) for row in value)
    if kind is FieldType.ENUM:
        return _option_label(f, value, urdu)
    if kind is FieldType.MULTI_ENUM:
        return ", ".join(_option_label(f, v, urdu) for v in value)
    if kind is FieldType.BOOLEAN:
        return (YES_UR if value else NO_UR) if urdu else ("Yes" if value else "No")
    if kind is FieldType.CNIC:
        return validators.format_cnic(value)
    if kind is FieldType.MOBILE:
        return validators.format_mobile(value)
    if kind is FieldType.MONEY:
        return format_money(int(value))
    if kind is FieldType.DATE:
        return format_date(value)
    if kind is FieldType.DATETIME:
        return datetime.fromisoformat(value).strftime("%d-%m-%Y %H:%M")
    if kind is FieldType.COUNTRY:
        country = reference.find_country(value)
        return country.name if country else str(value)
    if kind is FieldType.DISTRICT and urdu:
        district = reference.find_district(str(value))
        return district.name_ur if district else str(value)
    return str(value)


YES_UR, NO_UR = "ہاں", "نہیں"


def format_row(group: Field, row: dict[str, Any], *, urdu: bool = False) -> str:
    parts = [format_value(m, row.get(m.key), urdu=urdu) for m in group.fields
             if row.get(m.key) is not None]
    return ", ".join(p for p in parts if p)


def _option_label(f: Field, value: str, urdu: bool = False) -> str:
    for option in f.options:
        if option.value == value:
            return option.label_ur if urdu and option.label_ur else option.label
    return str(value)


#: A run of digits with what joins them (a CNIC, a date, a time, 2,800), and the sign before
#: a number that stands alone (-50, +92): a minus is kept on the left of its number.
_NUMBER_RUN = re.compile(r"(?:(?<!\w)[+\-])?(?:[0-9][0-9\-/:.,]*[0-9]|[0-9])")
LRI, PDI = "\u2066", "\u2069"
#: First-strong isolate: text whose direction follows its own first letter (a typed name).
FSI = "\u2068"
#: Right-to-left mark: makes a sentence that starts with a Latin value read right to left.
RLM = "\u200f"


def isolate_numbers(text: str) -> str:
    """Wrap each run of digits (a CNIC, a phone number, a date) in a left-to-right isolate,
    so right-to-left Urdu around it cannot reorder it: 35202-1234567-1 stays as typed."""
    return _NUMBER_RUN.sub(lambda m: f"{LRI}{m.group(0)}{PDI}", text)
