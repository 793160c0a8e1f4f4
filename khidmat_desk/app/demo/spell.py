"""JSON text for demo records, with encoders made once.

``json.dumps`` and `JSONEncoder.encode` build a new C encoder for every call, which costs
about as much as encoding a small document; a demo encodes some thirty documents per
application (stored answers and details, audit material). These functions call one C encoder
made with the same options, so the text is the same, character for character.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json import encoder
from typing import Any

from khidmat_desk.store.audit import canonical_json

_make: Any = getattr(encoder, "c_make_encoder", None)


def _reused(make_text: Callable[[Any], str], ensure_ascii: bool, key_separator: str,
            item_separator: str, sort_keys: bool) -> Callable[[Any], str]:
    """`make_text` (an encoder with these options), or the same made once when Python has
    its C encoder. No check for circular references: records hold none."""
    if _make is None:
        return make_text
    spell = _make(None, json.JSONEncoder().default,
                  encoder.encode_basestring_ascii if ensure_ascii else encoder.encode_basestring,
                  None, key_separator, item_separator, sort_keys, False, True)

    def text(value: Any) -> str:
        return "".join(spell(value, 0))
    return text


#: ``json.dumps(value)``, as SQLAlchemy stores a JSON column.
dumps = _reused(json.dumps, True, ": ", ", ", False)
#: `store.audit.canonical_json`: sorted keys, no spaces, UTF-8 kept as is.
canonical = _reused(canonical_json, False, ":", ",", True)
