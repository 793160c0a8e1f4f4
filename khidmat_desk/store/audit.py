"""The audit log as a hash chain: each event's hash covers its contents and the previous hash.

Editing an event breaks its own hash; deleting or reordering events breaks the link to the
previous hash (and leaves a gap in the ids, which are handed out one by one); deleting the
newest events no longer matches the head row. Appenders lock the single ``audit_head`` row,
so events are chained in one order even when thirty counters share a PostgreSQL server.
Append the audit event last in a transaction: the head lock is then held only briefly.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from khidmat_desk.store.models import AuditEvent, AuditHead, table_of

log = logging.getLogger("khidmat.audit")

GENESIS_HASH = "0" * 64
_HEAD_ID = 1
_STREAM_BATCH = 500


_HEAD = table_of(AuditHead)
_LOCK_HEAD = (select(_HEAD.c.last_id, _HEAD.c.last_hash)
              .where(_HEAD.c.id == _HEAD_ID).with_for_update())
_INSERT_EVENT = insert(table_of(AuditEvent))
_MOVE_HEAD = (update(_HEAD).where(_HEAD.c.id == _HEAD_ID)
              .values(last_id=bindparam("new_id"), last_hash=bindparam("new_hash")))


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    first_broken_id: int | None = None
    reason: str = ""


def canonical_json(value: Any) -> str:
    """One spelling for one value: sorted keys, no spaces, UTF-8 kept as is."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def link_hash(prev_hash: str, fields: Mapping[str, Any]) -> str:
    """sha256 over the previous hash and the canonical JSON of the event's fields."""
    material = prev_hash + canonical_json(dict(fields))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def hashed_fields(at: datetime, actor: str, action: str, entity_type: str, entity_id: str,
                  details: Any) -> dict[str, Any]:
    """What an event's hash covers: everything but its id and hashes, time as UTC ISO text."""
    return {
        "at": at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor": actor,
        "action": action,
        "entity_type": entity_type,
        "entity_id": entity_id,
        "details": details,
    }


def append_event(session: Session, *, actor: str, action: str, entity_type: str,
                 entity_id: str | int, details: Mapping[str, Any], at: datetime) -> int:
    """Add one event to the chain inside the caller's transaction; returns its id."""
    safe_details = json.loads(canonical_json(dict(details)))  # exactly what storage returns
    connection = session.connection()
    head = connection.execute(_LOCK_HEAD).one()
    event_id = head.last_id + 1
    fields = hashed_fields(at, actor, action, entity_type, str(entity_id), safe_details)
    digest = link_hash(head.last_hash, fields)
    connection.execute(_INSERT_EVENT, {
        "id": event_id, "at": at, "actor": actor, "action": action,
        "entity_type": entity_type, "entity_id": str(entity_id), "details": safe_details,
        "prev_hash": head.last_hash, "hash": digest})
    connection.execute(_MOVE_HEAD, {"new_id": event_id, "new_hash": digest})
    return int(event_id)


def verify_chain(session: Session) -> ChainReport:
    """Walk every event in id order, in bounded memory, and say where the chain first breaks."""
    running, expected_id, checked = GENESIS_HASH, 1, 0
    rows = session.execute(
        select(table_of(AuditEvent)).order_by(AuditEvent.id)
        .execution_options(yield_per=_STREAM_BATCH))
    for row in rows:
        broken = _check_link(row, expected_id, running)
        if broken is not None:
            rows.close()
            log.error("audit chain broken: %s", broken.reason)
            return broken
        running, expected_id, checked = row.hash, row.id + 1, checked + 1
    return _check_head(session, expected_id - 1, running, checked)


def _check_link(row: Any, expected_id: int, running: str) -> ChainReport | None:
    checked = expected_id - 1
    if row.id != expected_id:
        return ChainReport(False, checked, expected_id,
                           f"event {expected_id} is missing: it was deleted"
                           if row.id > expected_id else f"event {row.id} appears twice")
    fields = hashed_fields(row.at, row.actor, row.action, row.entity_type, row.entity_id,
                            row.details)
    if link_hash(row.prev_hash, fields) != row.hash:
        return ChainReport(False, checked, row.id,
                           f"event {row.id} was changed after it was written "
                           "(its contents no longer match its hash)")
    if row.prev_hash != running:
        return ChainReport(False, checked, row.id,
                           f"event {row.id} does not follow event {row.id - 1}: events were "
                           "deleted, inserted or put in a different order")
    return None


def _check_head(session: Session, last_id: int, last_hash: str, checked: int) -> ChainReport:
    head = session.execute(
        select(AuditHead.last_id, AuditHead.last_hash).where(AuditHead.id == _HEAD_ID)
    ).one_or_none()
    if head is None:
        return ChainReport(False, checked, None, "the record of the newest event is missing")
    if head.last_id > last_id:
        return ChainReport(False, checked, last_id + 1,
                           f"the newest events after event {last_id} were deleted "
                           f"(the log should end at event {head.last_id})")
    if head.last_id != last_id or head.last_hash != last_hash:
        return ChainReport(False, checked, head.last_id + 1 if head.last_id < last_id else None,
                           "the record of the newest event does not match the log")
    return ChainReport(True, checked, None, f"all {checked} events check out")


