"""A string that matches a declared regular expression.

Used when no realistic value fits a field's `pattern` (an IMEI of 15 digits, say), so a new
pattern in a declaration gets sample data without a change here.
"""

from __future__ import annotations

import importlib
import random
import re
from functools import cache
from typing import Any

_SAFE = "ABCDEFGHJKLMNPRSTUVWXYZabcdefghjkmnprstuvwxyz0123456789"
_CATEGORY_CHARS = {"CATEGORY_DIGIT": "0123456789", "CATEGORY_WORD": _SAFE,
                   "CATEGORY_SPACE": " ", "CATEGORY_NOT_DIGIT": _SAFE[:-10]}
#: Repeats without an upper bound (``*``, ``+``) stop this many past their minimum.
_OPEN_REPEAT = 8


@cache
def _parsed(pattern: str) -> Any:
    parser: Any = importlib.import_module("re._parser")  # the stdlib's own regex parser
    return parser.parse(pattern)


def text_from_pattern(pattern: str, rng: random.Random, low: int, high: int) -> str:
    """A match of `pattern` between `low` and `high` characters long (best effort)."""
    best = ""
    for _ in range(30):
        best = "".join(_emit(_parsed(pattern), rng))
        if low <= len(best) <= high and re.fullmatch(pattern, best):
            return best
    return best


def _emit(parsed: Any, rng: random.Random) -> list[str]:
    out: list[str] = []
    for op, arg in parsed:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(arg))
        elif name in ("NOT_LITERAL", "ANY"):
            out.append(rng.choice([c for c in _SAFE if arg is None or ord(c) != arg]))
        elif name == "IN":
            out.append(rng.choice(_set_chars(arg)))
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            least, most, sub = arg
            for _ in range(rng.randint(least, min(most, least + _OPEN_REPEAT))):
                out.extend(_emit(sub, rng))
        elif name == "SUBPATTERN":
            out.extend(_emit(arg[-1], rng))
        elif name == "BRANCH":
            out.extend(_emit(rng.choice(arg[1]), rng))
        elif name == "CATEGORY":
            out.append(rng.choice(_CATEGORY_CHARS.get(str(arg), _SAFE)))
    return out


def _set_chars(items: Any) -> str:
    chars: list[str] = []
    negate = False
    for op, arg in items:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            chars.append(chr(arg))
        elif name == "RANGE":
            chars.extend(chr(c) for c in range(arg[0], min(arg[1], arg[0] + 60) + 1))
        elif name == "CATEGORY":
            chars.extend(_CATEGORY_CHARS.get(str(arg), _SAFE))
    if negate:
        return "".join(c for c in _SAFE if c not in chars) or "A"
    return "".join(chars) or "A"
