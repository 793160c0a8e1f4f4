"""Taking records in, idempotently: the same (uuid, version) twice is stored once.

The unique constraint decides, not a lookup first: rows go in with ``ON CONFLICT DO NOTHING
RETURNING``; what came back was accepted, what did not was already there. A stored version
with the same content is a ``duplicate``; with different content it is ``rejected`` (a record
version never changes once written). Each entry is judged on its own, so one bad record
never holds back the others in its batch. Application versions go to ``central_record``, day
and shift closes to ``central_day_close``, under the same rules.
"""

from __future__ import annotations

import hashlib
import logging
import uuid as uuidlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Table, select, tuple_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from khidmat_central.schema import DayCloseRecord, Owner, Record, table
from khidmat_desk.core.workflow import STATUSES
from khidmat_desk.store.audit import canonical_json
from khidmat_desk.store.db import Database
from khidmat_desk.sync.protocol import (
    ACCEPTED,
    DAY_CLOSE,
    DUPLICATE,
    KINDS,
    REJECTED,
    centre_day,
)

log = logging.getLogger("khidmat.central.ingest")

RECORD, OWNER, CLOSE = table(Record), table(Owner), table(DayCloseRecord)
CLOSE_STATES = ("closed", "reopened")


@dataclass(frozen=True)
class Sender:
    """Whose records these are: the token's (or bundle key's) centre and counter."""

    centre_code: str
    counter: int
    via: str


class EntryRefusedError(ValueError):
    """One entry that cannot be stored; the message goes back to the counter."""


def ingest(db: Database, entries: Sequence[Any], sender: Sender) -> list[dict[str, Any]]:
    """A verdict for every entry, in order: accepted, duplicate or rejected with a reason."""
    verdicts: list[dict[str, Any] | None] = [None] * len(entries)
    rows: dict[tuple[str, int], tuple[int, dict[str, Any]]] = {}
    now = datetime.now(UTC)
    for index, entry in enumerate(entries):
        try:
            row = _row(entry, sender, now)
        except EntryRefusedError as exc:
            verdicts[index] = _verdict(entry, REJECTED, str(exc))
            continue
        key = (row["uuid"], row["version"])
        if key in rows:
            verdicts[index] = _verdict(entry, DUPLICATE)
        else:
            rows[key] = (index, row)
    if rows:
        with db.write() as session:
            for target in (RECORD, CLOSE):
                _store(session, entries, {k: v for k, v in rows.items()
                                          if (v[1]["kind"] == DAY_CLOSE) == (target is CLOSE)},
                       sender, verdicts, target)
    return [v if v is not None else _verdict(entries[i], REJECTED, "not processed")
            for i, v in enumerate(verdicts)]


def _store(session: Session, entries: Sequence[Any],
           rows: dict[tuple[str, int], tuple[int, dict[str, Any]]], sender: Sender,
           verdicts: list[dict[str, Any] | None], target: Table) -> None:
    if not rows:
        return
    foreign = _foreign_uuids(session, {key[0] for key in rows}, sender.centre_code)
    for key in [k for k in rows if k[0] in foreign]:
        index, _ = rows.pop(key)
        verdicts[index] = _verdict(entries[index], REJECTED,
                                   "this record belongs to another centre")
    if not rows:
        return
    connection = session.connection()
    insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
    inserted = {(r.uuid, r.version) for r in connection.execute(
        insert(target).on_conflict_do_nothing(index_elements=["uuid", "version"])
        .returning(target.c.uuid, target.c.version),
        [rows[key][1] for key in sorted(rows)])}  # one order: no deadlock between senders
    stored = _stored_hashes(session, [k for k in rows if k not in inserted], target)
    for key, (index, row) in rows.items():
        if key in inserted:
            verdicts[index] = _verdict(entries[index], ACCEPTED)
        elif stored.get(key) == row["payload_hash"]:
            verdicts[index] = _verdict(entries[index], DUPLICATE)
        else:
            verdicts[index] = _verdict(entries[index], REJECTED, (
                f"version {key[1]} of this record is already stored with different "
                "content; a changed record needs a new version"))


def _foreign_uuids(session: Session, uuids: set[str], centre_code: str) -> set[str]:
    """Claim new uuids for this centre; return the ones another centre claimed first."""
    connection = session.connection()
    insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
    connection.execute(insert(OWNER).on_conflict_do_nothing(index_elements=["uuid"]),
                       [{"uuid": u, "centre_code": centre_code} for u in sorted(uuids)])
    owners = connection.execute(select(OWNER.c.uuid, OWNER.c.centre_code)
                                .where(OWNER.c.uuid.in_(uuids)))
    return {row.uuid for row in owners if row.centre_code != centre_code}


def _stored_hashes(session: Session, keys: list[tuple[str, int]],
                   target: Table) -> dict[tuple[str, int], str]:
    if not keys:
        return {}
    rows = session.execute(select(target.c.uuid, target.c.version, target.c.payload_hash)
                           .where(tuple_(target.c.uuid, target.c.version).in_(keys)))
    return {(r.uuid, r.version): r.payload_hash for r in rows}


def _verdict(entry: Any, result: str, reason: str | None = None) -> dict[str, Any]:
    source = entry if isinstance(entry, dict) else {}
    verdict = {"uuid": source.get("uuid"), "version": source.get("version"),
               "kind": source.get("kind"), "result": result}
    if reason is not None:
        verdict["reason"] = reason
    return verdict


def _row(entry: Any, sender: Sender, now: datetime) -> dict[str, Any]:
    """The stored row for a well-formed entry of the sender's centre; `EntryRefusedError` if not."""
    if not isinstance(entry, dict):
        raise EntryRefusedError("an entry must be a JSON object")
    uuid, version, kind = entry.get("uuid"), entry.get("version"), entry.get("kind")
    payload = entry.get("payload")
    _check_identity(uuid, version, kind)
    if not isinstance(payload, dict):
        raise EntryRefusedError("payload must be a JSON object")
    if payload.get("uuid") != uuid or payload.get("version") != version:
        raise EntryRefusedError("the payload's uuid and version differ from the entry's")
    created_at = _timestamp(entry.get("created_at"))
    text = canonical_json(payload)
    centre = payload.get("centre_code")
    if centre != sender.centre_code:
        raise EntryRefusedError(f"this counter may only send records of centre "
                           f"{sender.centre_code}, not of '{centre}'")
    if kind == DAY_CLOSE:
        return _close_row(str(uuid), int(str(version)), payload, text, now, sender)
    return {
        "uuid": uuid, "version": version, "kind": kind, "centre_code": centre,
        "counter": _int(payload.get("counter"), "payload counter"),
        "service_code": _text(payload.get("service_code"), "service_code", 40),
        "tracking_number": _text(payload.get("tracking_number"), "tracking_number", 32),
        "status": _status(payload.get("status")),
        "fee_total": _int(payload.get("fee_total", 0), "fee_total"),
        "payload_json": text, "payload_hash": _sha256(text),
        "created_at": created_at, "day": centre_day(created_at),
        "received_at": now, "received_via": sender.via[:40],
    }


def _close_row(uuid: str, version: int, payload: dict[str, Any], text: str, now: datetime,
               sender: Sender) -> dict[str, Any]:
    try:
        day = date.fromisoformat(str(payload.get("day")))
    except ValueError as exc:
        raise EntryRefusedError(f"day '{payload.get('day')}' is not a date") from exc
    state = payload.get("state")
    if state not in CLOSE_STATES:
        raise EntryRefusedError(f"state '{state}' is not one of: {', '.join(CLOSE_STATES)}")
    shift = payload.get("shift", "")
    if not isinstance(shift, str) or len(shift) > 20:
        raise EntryRefusedError("shift must be text of up to 20 characters (empty: the day)")
    return {"uuid": uuid, "version": version, "kind": DAY_CLOSE,
            "centre_code": sender.centre_code, "day": day, "shift": shift, "state": state,
            "payload_json": text, "payload_hash": _sha256(text),
            "received_at": now, "received_via": sender.via[:40]}


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _check_identity(uuid: Any, version: Any, kind: Any) -> None:
    try:
        uuidlib.UUID(str(uuid))
    except ValueError as exc:
        raise EntryRefusedError(f"'{uuid}' is not a UUID") from exc
    if not isinstance(uuid, str) or len(uuid) != 36:
        raise EntryRefusedError("uuid must be written as 36 characters")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise EntryRefusedError("version must be a whole number of 1 or more")
    if kind not in KINDS:
        raise EntryRefusedError(f"kind '{kind}' is not one of: {', '.join(KINDS)}")


def _timestamp(value: Any) -> datetime:
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError as exc:
        raise EntryRefusedError(f"created_at '{value}' is not an ISO 8601 time") from exc
    if moment.tzinfo is None:
        raise EntryRefusedError("created_at must carry a time zone")
    return moment.astimezone(UTC)


def _text(value: Any, name: str, limit: int) -> str:
    if not isinstance(value, str) or not value or len(value) > limit:
        raise EntryRefusedError(f"{name} must be text of 1 to {limit} characters")
    return value


def _int(value: Any, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise EntryRefusedError(f"{name} must be a whole number")
    return value


def _status(value: Any) -> str:
    if value not in STATUSES:
        raise EntryRefusedError(f"status '{value}' is not one of: {', '.join(STATUSES)}")
    return str(value)
