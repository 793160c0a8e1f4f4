"""JSON encoders made once, for code that encodes many small documents.

``json.dumps`` and `JSONEncoder.encode` build a new C encoder for every call, which costs
about as much as encoding a small document. `reused` gives a function that calls one C encoder
made with the given options: the same text, character for character, as the encoder it stands
for (without its check for circular references, which such documents never have).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json import encoder
from typing import Any

_make: Any = getattr(encoder, "c_make_encoder", None)


def reused(stands_for: Callable[[Any], str], *, ensure_ascii: bool, key_separator: str,
           item_separator: str, sort_keys: bool) -> Callable[[Any], str]:
    """`stands_for` (an encoder with these options; also what is returned when Python has no
    C encoder), made once."""
    if _make is None:
        return stands_for
    spell = _make(None, json.JSONEncoder().default,
                  encoder.encode_basestring_ascii if ensure_ascii else encoder.encode_basestring,
                  None, key_separator, item_separator, sort_keys, False, True)

    def text(value: Any) -> str:
        return "".join(spell(value, 0))
    return text
