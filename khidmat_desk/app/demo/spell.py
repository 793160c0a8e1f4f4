"""JSON text for demo records, with encoders made once (see `store.jsontext`): a demo encodes
some thirty documents per application (stored answers and details, audit material)."""

from __future__ import annotations

import json

from khidmat_desk.store.audit import canonical_json
from khidmat_desk.store.jsontext import reused

#: ``json.dumps(value)``, as SQLAlchemy stores a JSON column.
dumps = reused(json.dumps, ensure_ascii=True, key_separator=": ", item_separator=", ",
               sort_keys=False)
#: `store.audit.canonical_json`: sorted keys, no spaces, UTF-8 kept as is (made once there).
canonical = canonical_json
