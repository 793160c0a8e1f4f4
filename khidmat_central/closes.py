"""Day and shift closes from the centres (kind ``day-close``), stored once per version.

A close carries figures only (counts, cash, the digest of the day's record versions): nothing
personal. Like an application version, a close version is stored once, by the unique
(uuid, version) and ``ON CONFLICT DO NOTHING``; the same version again with the same content
is a duplicate, with other content it is refused. The daily report reads the newest version
of each centre's close of a working day.
"""

from __future__ import annotations

import hashlib
import uuid as uuidlib
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from khidmat_central.claims import MAX_VERSION, EntryRefusedError, Sender
from khidmat_central.schema import DayCloseRecord, table
from khidmat_desk.store.audit import canonical_json
from khidmat_desk.sync.protocol import ACCEPTED, DAY_CLOSE, DUPLICATE, REJECTED

CLOSE = table(DayCloseRecord)
CLOSE_STATES = ("closed", "reopened")
MAX_SHIFT = 20


def check_close(entry: dict[str, Any], sender: Sender, now: datetime) -> dict[str, Any]:
    """The row a well-formed close of the sender's centre is stored as."""
    uuid, version, payload = entry.get("uuid"), entry.get("version"), entry.get("payload")
    try:
        uuid = str(uuidlib.UUID(str(uuid))) if isinstance(uuid, str) and len(uuid) == 36 \
            else None
    except ValueError:
        uuid = None
    if uuid is None:
        raise EntryRefusedError("uuid must be a UUID written as 36 characters")
    if not isinstance(version, int) or isinstance(version, bool) or \
            not 1 <= version <= MAX_VERSION:
        raise EntryRefusedError(f"version must be a whole number from 1 to {MAX_VERSION}")
    if not isinstance(payload, dict) or payload.get("uuid") != uuid or \
            payload.get("version") != version:
        raise EntryRefusedError("payload must be a JSON object with the entry's uuid and version")
    if payload.get("centre_code") != sender.centre_code:
        raise EntryRefusedError(f"this counter may only send closes of centre "
                                f"{sender.centre_code}")
    try:
        day = date.fromisoformat(str(payload.get("day")))
    except ValueError as exc:
        raise EntryRefusedError("day must be a date like 2026-03-06") from exc
    state, shift = payload.get("state"), payload.get("shift", "")
    if state not in CLOSE_STATES:
        raise EntryRefusedError(f"state must be one of: {', '.join(CLOSE_STATES)}")
    if not isinstance(shift, str) or len(shift) > MAX_SHIFT:
        raise EntryRefusedError(f"shift must be text of up to {MAX_SHIFT} characters "
                                "(empty: the whole day)")
    try:
        text = canonical_json(payload)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    except (UnicodeEncodeError, ValueError, TypeError) as exc:
        raise EntryRefusedError("the close is not valid JSON text") from exc
    return {"uuid": uuid, "version": version, "kind": DAY_CLOSE,
            "centre_code": sender.centre_code, "day": day, "shift": shift, "state": state,
            "payload_json": text, "payload_hash": digest, "received_at": now,
            "received_via": sender.via[:40]}


def store_closes(session: Session, rows: Sequence[tuple[int, dict[str, Any]]],
                 foreign: set[str]) -> list[tuple[int, str, str | None]]:
    """(index, result, reason) for each close: accepted, duplicate or rejected."""
    results: list[tuple[int, str, str | None]] = []
    fresh = {}
    for index, row in rows:
        if row["uuid"] in foreign:
            results.append((index, REJECTED, "this record belongs to another centre"))
        elif (row["uuid"], row["version"]) in fresh:
            results.append((index, DUPLICATE, None))
        else:
            fresh[(row["uuid"], row["version"])] = (index, row)
    if not fresh:
        return results
    connection = session.connection()
    insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
    inserted = {(r.uuid, r.version) for r in connection.execute(
        insert(CLOSE).on_conflict_do_nothing(index_elements=["uuid", "version"])
        .returning(CLOSE.c.uuid, CLOSE.c.version), [fresh[k][1] for k in sorted(fresh)])}
    held = {(r.uuid, r.version): r.payload_hash for r in session.execute(
        select(CLOSE.c.uuid, CLOSE.c.version, CLOSE.c.payload_hash)
        .where(tuple_(CLOSE.c.uuid, CLOSE.c.version).in_(
            [k for k in fresh if k not in inserted])))} if len(inserted) < len(fresh) else {}
    for key, (index, row) in fresh.items():
        if key in inserted:
            results.append((index, ACCEPTED, None))
        elif held.get(key) == row["payload_hash"]:
            results.append((index, DUPLICATE, None))
        else:
            results.append((index, REJECTED, f"version {key[1]} of this close is already "
                                              "stored with different content"))
    return results
