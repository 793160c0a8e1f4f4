"""Tracking numbers: unique across counters without asking anyone, and safe to type back in.

``LHR01-261123-07-0042-6`` is centre ``LHR01``, 23 November 2026, counter 07, the 42nd
application of that counter that day, and the check character ``6``. Each counter numbers its
own day, so two counters never hand out the same number even with the network down.

The check character follows Damm's method over a totally anti-symmetric quasigroup of order
36, the 10 digits and 26 letters. The quasigroup is the direct product GF(4) x GF(9) with
``x * y = a*x + y`` in each component. Because ``a`` is neither 0 nor 1 the scheme catches
every single wrong character and every swap of two neighbours, including a swap with the check
character itself; because ``a`` is also not -1 and ``a*a`` is not +-1 in either field, it also
catches twin errors (``aa`` -> ``bb``), jump transpositions (``abc`` -> ``cba``) and jump twin
errors (``aba`` -> ``cbc``). Dashes are layout only and are left out of the computation.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

from khidmat_desk.core.issues import Said
from khidmat_desk.errors import KnownError

ALPHABET = string.digits + string.ascii_uppercase
_VALUE = {ch: index for index, ch in enumerate(ALPHABET)}

# GF(4) = GF(2)[w]/(w^2 + w + 1): elements are 2-bit numbers, addition is XOR.
# GF(9) = GF(3)[i]/(i^2 + 1): element p + q*i is stored as p + 3*q.
_A4 = 2  # w
_A9 = 1 + 3 * 1  # 1 + i


def _mul4(x: int, y: int) -> int:
    product = 0
    for bit in range(2):
        if y >> bit & 1:
            product ^= x << bit
    return product ^ 0b111 if product & 0b100 else product  # reduce by w^2 = w + 1


def _mul9(x: int, y: int) -> int:
    p1, q1, p2, q2 = x % 3, x // 3, y % 3, y // 3
    return (p1 * p2 - q1 * q2) % 3 + 3 * ((p1 * q2 + q1 * p2) % 3)


def _add9(x: int, y: int) -> int:
    return (x % 3 + y % 3) % 3 + 3 * ((x // 3 + y // 3) % 3)


def _operate(x: int, y: int) -> int:
    """``x * y`` in the quasigroup; a character value v is the pair (v // 9, v % 9)."""
    high = _mul4(_A4, x // 9) ^ (y // 9)
    low = _add9(_mul9(_A9, x % 9), y % 9)
    return 9 * high + low


#: ``TABLE[x][y]`` is ``x * y``; every row and column is a permutation of 0..35.
TABLE: tuple[tuple[int, ...], ...] = tuple(
    tuple(_operate(x, y) for y in range(36)) for x in range(36)
)


def _interim(body: str) -> int:
    state = 0
    for ch in body:
        state = TABLE[state][_VALUE[ch]]
    return state


def check_character(body: str) -> str:
    """The character that brings Damm's running value over `body` (dashes ignored) back to 0."""
    compact = body.replace("-", "").upper()
    unknown = sorted(set(compact) - set(ALPHABET))
    if unknown:
        raise ValueError(f"tracking numbers use only digits and letters, not {unknown}")
    return ALPHABET[TABLE[_interim(compact)].index(0)]


# ---------------------------------------------------------------------------------------------
# The number itself
# ---------------------------------------------------------------------------------------------

EXAMPLE = "LHR01-261123-07-0042-6"
_CENTRE = re.compile(r"[A-Z0-9]{2,8}", re.ASCII)
#: Date (6) + counter (2) + sequence (4) + check (1): the fixed tail after the centre code.
_TAIL = 13
_SHAPE = re.compile(r"([A-Z0-9]{2,8})(\d{6})(\d{2})(\d{4})([A-Z0-9])", re.ASCII)
_LAYOUT = re.compile(r"[\s\-\u2010-\u2015\u2212]+")
#: Longest line read as a possible tracking number; a scanner may add spaces, nothing more.
_MAX_TYPED = 200
#: A number typed with its dashes but without the check character (copied from a list, say).
_NO_CHECK = re.compile(r"[A-Z0-9]{2,8}-\d{6}-\d{2}-\d{4}", re.ASCII)


@dataclass(frozen=True)
class TrackingNumber:
    centre: str
    day: date
    counter: int
    sequence: int

    def __post_init__(self) -> None:
        if not _CENTRE.fullmatch(self.centre):
            raise ValueError(f"centre code {self.centre!r} must be 2 to 8 capitals or digits")
        if not 2000 <= self.day.year <= 2099:
            raise ValueError(f"{self.day} cannot be written as YYMMDD in this century")
        if not 1 <= self.counter <= 99:
            raise ValueError(f"counter {self.counter} must be 1 to 99")
        if not 1 <= self.sequence <= 9999:
            raise ValueError(f"sequence {self.sequence} must be 1 to 9999")

    @property
    def body(self) -> str:
        return f"{self.centre}-{self.day:%y%m%d}-{self.counter:02d}-{self.sequence:04d}"

    @property
    def check(self) -> str:
        return check_character(self.body)

    def __str__(self) -> str:
        body = self.body  # spelled once: the check character is worked out from it
        return f"{body}-{check_character(body)}"


class TrackingNumberError(KnownError, ValueError):
    """A typed or scanned tracking number that cannot be used, said so an officer can act."""

    bad_input = True

    def __init__(self, reason: Literal["format", "check"], text: str, detail: str = "") -> None:
        self.reason = reason
        self.text = text
        self.detail = detail
        shown = text if len(text) <= 40 else text[:37] + "..."
        if reason == "check":
            self.said = Said.of("{number} is not a valid tracking number: the check character "
                                "is wrong — a character was probably mistyped. Compare it with "
                                "the receipt.", {"number": shown})
        elif detail:
            self.said = Said.of("{number} is not a tracking number ({why}). A tracking number "
                                "looks like {example}.",
                                {"number": shown, "why": detail, "example": EXAMPLE})
        else:
            self.said = Said.of("{number} is not a tracking number. A tracking number looks "
                                "like {example}.", {"number": shown, "example": EXAMPLE})
        super().__init__(str(self.said))


def make_tracking_number(centre: str, day: date, counter: int, sequence: int) -> TrackingNumber:
    return TrackingNumber(centre=centre.strip().upper(), day=day, counter=counter,
                          sequence=sequence)


def tracking_number_text(centre: str, day: date, counter: int, sequence: int) -> str:
    """``str(make_tracking_number(...))``, with the part before the sequence checked, spelled
    and run through the check character's table once per centre, day and counter."""
    body, state = _day_part(centre.strip().upper(), day, counter)
    if not 1 <= sequence <= 9999:
        raise ValueError(f"sequence {sequence} must be 1 to 9999")
    digits = f"{sequence:04d}"
    for ch in digits:
        state = TABLE[state][_VALUE[ch]]
    return f"{body}{digits}-{ALPHABET[TABLE[state].index(0)]}"


@lru_cache(maxsize=256)
def _day_part(centre: str, day: date, counter: int) -> tuple[str, int]:
    """The body up to the sequence (checked as `TrackingNumber` checks it) and Damm's running
    value over it."""
    TrackingNumber(centre=centre, day=day, counter=counter, sequence=1)
    body = f"{centre}-{day:%y%m%d}-{counter:02d}-"
    return body, _interim(body.replace("-", ""))


def _compact(text: str) -> str:
    return _LAYOUT.sub("", text).upper()


def looks_like_tracking_number(text: str) -> bool:
    """Shaped like a tracking number (check character not verified), so a search box can route
    the line to `parse_tracking_number` and report a mistyped number instead of "not found"."""
    compact = _compact(text) if isinstance(text, str) and len(text) <= _MAX_TYPED else ""
    return _SHAPE.fullmatch(compact) is not None


def _day(digits: str, original: str) -> date:
    try:
        return date(2000 + int(digits[:2]), int(digits[2:4]), int(digits[4:]))
    except ValueError:
        raise TrackingNumberError("format", original, f"{digits} is not a date") from None


def parse_tracking_number(text: str) -> TrackingNumber:
    """Read a number as typed or scanned: any case, with spaces and with or without dashes.

    The check character is verified before the parts are read, so a mistyped digit is
    reported as mistyped rather than as an impossible date or counter.
    """
    original = " ".join(text.split()) if isinstance(text, str) else repr(text)
    compact = _compact(text) if isinstance(text, str) and len(text) <= _MAX_TYPED else ""
    if not (compact.isascii() and compact.isalnum() and 15 <= len(compact) <= 8 + _TAIL):
        raise TrackingNumberError("format", original)
    if _interim(compact) != 0:
        if _NO_CHECK.fullmatch(_LAYOUT.sub("-", text.strip()).upper()):
            raise TrackingNumberError("format", original,
                                      "the check character at the end is missing")
        raise TrackingNumberError("check", original)
    match = _SHAPE.fullmatch(compact)
    if match is None:
        raise TrackingNumberError("format", original)
    centre, day, counter, sequence, _ = match.groups()
    if not 1 <= int(counter) <= 99 or int(sequence) == 0:
        raise TrackingNumberError("format", original, "counter and sequence start at 1")
    return TrackingNumber(centre, _day(day, original), int(counter), int(sequence))
