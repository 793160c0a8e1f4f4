"""The audit log as a hash chain: each event's hash covers its contents and the previous hash.

Editing an event breaks its own hash; deleting or reordering events breaks the link to the
previous hash (and leaves a gap in the ids, which are handed out one by one); deleting the
newest events no longer matches the head row. Appenders lock the single ``audit_head`` row,
so events are chained in one order even when thirty counters share a PostgreSQL server.
Append the audit event last in a transaction: the head lock is then held only briefly.

Someone with the database file could still rewrite history and recompute every hash. Two things
anchor the chain where a local editor cannot reach: the central server keeps the head
(`chain_head`) sent with every push, and a *checkpoint* event signs the head with the centre's
Ed25519 key (the private half is in the keyring, not in the database). `verify_chain` checks
every checkpoint's signature and that the chain still ends, at that point, where it was signed.
Which rows each event produced is checked by `store.audit_state`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, cast

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from sqlalchemy import Connection, bindparam, insert, select, update
from sqlalchemy.orm import Session

from khidmat_desk.store.db import Database, connection_of
from khidmat_desk.store.jsontext import reused
from khidmat_desk.store.models import AuditEvent, AuditHead, SigningKey, table_of
from khidmat_desk.store.prepared import Prepared

log = logging.getLogger("khidmat.audit")

GENESIS_HASH = "0" * 64
CHECKPOINT_ACTION = "audit-checkpoint"
_CHECKPOINT_TAG = "PKM-AUDIT-CHECKPOINT"
_HEAD_ID = 1
_STREAM_BATCH = 500


_HEAD = table_of(AuditHead)
_LOCK_HEAD = (select(_HEAD.c.last_id, _HEAD.c.last_hash)
              .where(_HEAD.c.id == _HEAD_ID).with_for_update())
_LOCK_HEAD_NOW = Prepared(_LOCK_HEAD)
_INSERT_EVENT = Prepared(insert(table_of(AuditEvent)))
_MOVE_HEAD = Prepared(update(_HEAD).where(_HEAD.c.id == _HEAD_ID)
                      .values(last_id=bindparam("new_id"), last_hash=bindparam("new_hash")))


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    first_broken_id: int | None = None
    reason: str = ""
    checkpoints: int = 0
    last_checkpoint: Checkpoint | None = None


@dataclass(frozen=True)
class ChainHead:
    """The newest link: what the central server keeps with every push, what a checkpoint signs."""

    sequence: int
    hash: str


@dataclass(frozen=True)
class Checkpoint:
    """A signed chain head, itself the event right after the head it signs."""

    event_id: int
    at: datetime
    head: ChainHead
    key_id: str


#: The encoder `json.dumps(sort_keys=True, separators=(",", ":"), ensure_ascii=False)` stands
#: for, its C encoder made once: every audit event, record digest and demo record spells with it.
_CANONICAL = reused(
    json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode,
    ensure_ascii=False, key_separator=":", item_separator=",", sort_keys=True)


def canonical_json(value: Any) -> str:
    """One spelling for one value: sorted keys, no spaces, UTF-8 kept as is."""
    return _CANONICAL(value)


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


def _as_stored(details: Mapping[str, Any]) -> dict[str, Any]:
    """Exactly what storage returns of ``details``: JSON's reading of their canonical text.

    Flat details of text keys and text, whole-number, yes/no or empty values (nearly every
    event) read back as themselves with their keys sorted and text subclasses (a status) as
    plain text, so they are copied so instead of spelled and parsed."""
    if all(type(key) is str for key in details):
        copy: dict[str, Any] = {}
        for key in sorted(details):
            value = details[key]
            kind = type(value)
            if kind is str or kind is int or kind is bool or value is None:
                copy[key] = value
            elif isinstance(value, str):
                copy[key] = str.__str__(value)
            else:
                break
        else:
            return copy
    return cast(dict[str, Any], json.loads(canonical_json(dict(details))))


def append_event(session: Session | Connection, *, actor: str, action: str, entity_type: str,
                 entity_id: str | int, details: Mapping[str, Any], at: datetime) -> int:
    """Add one event to the chain inside the caller's transaction; returns its id."""
    safe_details = _as_stored(details)
    connection = connection_of(session)
    head = _LOCK_HEAD_NOW.first(connection, {})
    if head is None:
        raise RuntimeError("the audit log's head row is missing")
    last_id, last_hash = int(head[0]), str(head[1])
    event_id = last_id + 1
    fields = hashed_fields(at, actor, action, entity_type, str(entity_id), safe_details)
    digest = link_hash(last_hash, fields)
    _INSERT_EVENT.execute(connection, {
        "id": event_id, "at": at, "actor": actor, "action": action,
        "entity_type": entity_type, "entity_id": str(entity_id), "details": safe_details,
        "prev_hash": last_hash, "hash": digest})
    _MOVE_HEAD.execute(connection, {"new_id": event_id, "new_hash": digest})
    return int(event_id)


def chain_head(source: Database | Session) -> ChainHead:
    """The newest link of the chain (0 and the genesis hash when nothing was logged yet)."""
    if isinstance(source, Database):
        with source.read() as session:
            return chain_head(session)
    row = source.execute(
        select(AuditHead.last_id, AuditHead.last_hash).where(AuditHead.id == _HEAD_ID)).one()
    return ChainHead(int(row.last_id), str(row.last_hash))


def checkpoint_message(centre_code: str, head: ChainHead) -> bytes:
    """The bytes a checkpoint signature covers."""
    return f"{_CHECKPOINT_TAG}|{centre_code}|{head.sequence}|{head.hash}".encode()


def append_checkpoint(session: Session, *, private_key: Ed25519PrivateKey, key_id: str,
                      centre_code: str, actor: str, at: datetime) -> Checkpoint:
    """Sign the current head with the centre's key and log the signature as the next event."""
    head = session.connection().execute(_LOCK_HEAD).one()
    signed = ChainHead(int(head.last_id), str(head.last_hash))
    signature = private_key.sign(checkpoint_message(centre_code, signed))
    event_id = append_event(
        session, actor=actor, action=CHECKPOINT_ACTION, entity_type="audit",
        entity_id=str(signed.sequence), at=at, details={
            "centre_code": centre_code, "sequence": signed.sequence, "hash": signed.hash,
            "key_id": key_id,
            "signature": base64.urlsafe_b64encode(signature).decode("ascii")})
    log.info("audit checkpoint at event %d signed with key %s", signed.sequence, key_id)
    return Checkpoint(event_id, at, signed, key_id)


def verify_chain(session: Session) -> ChainReport:
    """Walk every event in id order, in bounded memory, and say where the chain first breaks."""
    running, expected_id, checked = GENESIS_HASH, 1, 0
    keys = _public_keys(session)
    checkpoints: list[Checkpoint] = []
    rows = session.execute(
        select(table_of(AuditEvent)).order_by(AuditEvent.id)
        .execution_options(yield_per=_STREAM_BATCH))
    for row in rows:
        broken = _check_link(row, expected_id, running)
        if broken is None and row.action == CHECKPOINT_ACTION:
            broken = _check_checkpoint(row, keys, checkpoints)
        if broken is not None:
            rows.close()
            log.error("audit chain broken: %s", broken.reason)
            return broken
        running, expected_id, checked = row.hash, row.id + 1, checked + 1
    report = _check_head(session, expected_id - 1, running, checked)
    if checkpoints:
        report = replace(report, checkpoints=len(checkpoints), last_checkpoint=checkpoints[-1])
    return report


def _public_keys(session: Session) -> dict[str, Ed25519PublicKey]:
    keys: dict[str, Ed25519PublicKey] = {}
    for key_id, text in session.execute(select(SigningKey.key_id, SigningKey.public_key)):
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            keys[key_id] = Ed25519PublicKey.from_public_bytes(raw)
        except (ValueError, binascii.Error):
            log.error("signing key %s in the database is unreadable", key_id)
    return keys


def _check_checkpoint(row: Any, keys: Mapping[str, Ed25519PublicKey],
                      found: list[Checkpoint]) -> ChainReport | None:
    details = row.details if isinstance(row.details, dict) else {}
    head = ChainHead(row.id - 1, row.prev_hash)
    broken = ChainReport(False, row.id - 1, row.id,
                         f"the signed checkpoint at event {row.id} does not match the events "
                         "before it: history was rewritten and the hashes recomputed")
    if details.get("sequence") != head.sequence or details.get("hash") != head.hash:
        return broken
    key = keys.get(str(details.get("key_id")))
    if key is None:
        return replace(broken, reason=f"the checkpoint at event {row.id} was signed with a key "
                                      "this centre does not have")
    try:
        signature = base64.urlsafe_b64decode(str(details.get("signature", "")))
        key.verify(signature, checkpoint_message(str(details.get("centre_code")), head))
    except (InvalidSignature, ValueError, binascii.Error):
        return broken
    found.append(Checkpoint(row.id, row.at, head, str(details.get("key_id"))))
    return None


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


