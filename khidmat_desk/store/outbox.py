"""The outbox: every record version the central server has not yet acknowledged.

An entry is written in the same transaction as the change it carries, so a committed save is
always either on the server or in this table. It leaves the table only when the server has
acknowledged that exact (uuid, version, kind). A record the server refuses is quarantined with
the server's reason: it stays visible to the in-charge and no longer blocks the queue.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Text, and_, cast, delete, func, or_, select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from khidmat_desk.store.db import connection_of
from khidmat_desk.store.models import OutboxEntry, table_of
from khidmat_desk.store.prepared import JsonText, Prepared

log = logging.getLogger("khidmat.outbox")

#: Longest error text kept per entry; the server's full reply goes to the log.
_MAX_ERROR_TEXT = 2000


_ENQUEUE = {
    name: Prepared(insert(table_of(OutboxEntry)).on_conflict_do_nothing(
        index_elements=["uuid", "version", "kind"]))
    for name, insert in (("sqlite", sqlite.insert), ("postgresql", postgresql.insert))
}


@dataclass(frozen=True)
class OutboxItem:
    id: int
    uuid: str
    version: int
    kind: str
    payload: dict[str, Any]
    created_at: datetime
    attempts: int
    last_error: str | None


@dataclass(frozen=True)
class OutboxCounts:
    pending: int
    quarantined: int


def enqueue(session: Session | Connection, *, uuid: str, version: int, kind: str,
            payload: Mapping[str, Any] | JsonText, now: datetime) -> None:
    """Queue one record version; queuing the same (uuid, version, kind) again changes nothing.

    The payload may come spelled already (`JsonText`)."""
    connection = connection_of(session)
    _ENQUEUE[connection.dialect.name].execute(connection, {
        "uuid": uuid, "version": version, "kind": kind,
        "payload": payload if isinstance(payload, JsonText) else dict(payload),
        "created_at": now, "attempts": 0})


def due(session: Session, *, now: datetime, limit: int = 500) -> tuple[OutboxItem, ...]:
    """The oldest entries ready to send now (not quarantined, not waiting out a backoff)."""
    rows = session.execute(
        select(table_of(OutboxEntry))
        .where(OutboxEntry.quarantined_at.is_(None))
        .where(or_(OutboxEntry.next_attempt_at.is_(None), OutboxEntry.next_attempt_at <= now))
        .order_by(OutboxEntry.id).limit(limit))
    return tuple(_item(row) for row in rows)


def acknowledge(session: Session, acknowledged: Iterable[tuple[str, int, str]]) -> int:
    """Delete the entries the server confirmed, by exact (uuid, version, kind); returns how many."""
    keys = list(acknowledged)
    if not keys:
        return 0
    result = session.execute(
        delete(OutboxEntry).where(
            tuple_(OutboxEntry.uuid, OutboxEntry.version, OutboxEntry.kind).in_(keys)))
    return int(result.rowcount)  # type: ignore[attr-defined]


def record_failure(session: Session, entry_ids: Iterable[int], *, error: str,
                   retry_at: datetime) -> None:
    """A send failed (link down, server error): count the attempt and wait until ``retry_at``."""
    ids = list(entry_ids)
    if ids:
        session.execute(
            update(OutboxEntry).where(OutboxEntry.id.in_(ids))
            .values(attempts=OutboxEntry.attempts + 1, last_error=error[:_MAX_ERROR_TEXT],
                    next_attempt_at=retry_at))


def quarantine(session: Session, entry_id: int, *, reason: str, now: datetime) -> None:
    """The server refused this record: set it aside with the server's reason."""
    log.warning("outbox entry %s quarantined: %s", entry_id, reason)
    session.execute(
        update(OutboxEntry).where(OutboxEntry.id == entry_id)
        .values(quarantined_at=now, quarantine_reason=reason[:_MAX_ERROR_TEXT]))


def release(session: Session, entry_id: int) -> None:
    """Put a quarantined entry back in the queue (after the in-charge fixed the cause)."""
    session.execute(
        update(OutboxEntry).where(OutboxEntry.id == entry_id)
        .values(quarantined_at=None, quarantine_reason=None, next_attempt_at=None))


def quarantined(session: Session) -> tuple[tuple[OutboxItem, str, datetime], ...]:
    rows = session.execute(
        select(table_of(OutboxEntry)).where(OutboxEntry.quarantined_at.is_not(None))
        .order_by(OutboxEntry.id))
    return tuple((_item(row), row.quarantine_reason or "", row.quarantined_at) for row in rows)


def waiting(session: Session, *, limit: int = 200) -> tuple[OutboxItem, ...]:
    """Entries still to be sent (not set aside), oldest first: what the sync panel lists."""
    rows = session.execute(
        select(table_of(OutboxEntry)).where(OutboxEntry.quarantined_at.is_(None))
        .order_by(OutboxEntry.id).limit(limit))
    return tuple(_item(row) for row in rows)


def counts(session: Session) -> OutboxCounts:
    waiting = OutboxEntry.quarantined_at.is_(None)
    row = session.execute(select(
        func.count().filter(waiting),
        func.count().filter(and_(OutboxEntry.quarantined_at.is_not(None))),
    ).select_from(OutboxEntry)).one()
    return OutboxCounts(pending=int(row[0]), quarantined=int(row[1]))


def _item(row: Any) -> OutboxItem:
    return OutboxItem(id=row.id, uuid=row.uuid, version=row.version, kind=row.kind,
                      payload=row.payload, created_at=row.created_at, attempts=row.attempts,
                      last_error=row.last_error)


def clear_backoff(session: Session) -> int:
    """Make every waiting entry due now (the link is back); returns how many were waiting."""
    result = session.execute(
        update(OutboxEntry).where(OutboxEntry.quarantined_at.is_(None))
        .where(OutboxEntry.next_attempt_at.is_not(None)).values(next_attempt_at=None))
    return int(result.rowcount)  # type: ignore[attr-defined]


def unacknowledged(session: Session, *, created_from: datetime | None = None,
                   created_before: datetime | None = None) -> tuple[OutboxItem, ...]:
    """Every entry still here, quarantined or not, oldest first (for an offline bundle)."""
    query = select(table_of(OutboxEntry)).order_by(OutboxEntry.id)
    if created_from is not None:
        query = query.where(OutboxEntry.created_at >= created_from)
    if created_before is not None:
        query = query.where(OutboxEntry.created_at < created_before)
    return tuple(_item(row) for row in session.execute(query))


def is_quarantined(session: Session, entry_id: int) -> bool | None:
    """True or False for an entry in the outbox, None when there is no such entry."""
    row = session.execute(select(OutboxEntry.quarantined_at)
                          .where(OutboxEntry.id == entry_id)).one_or_none()
    return None if row is None else row[0] is not None


@dataclass(frozen=True)
class SendableEntry:
    """An entry as it goes on the wire: the payload is the stored JSON text, never re-parsed."""

    id: int
    uuid: str
    version: int
    kind: str
    payload_json: str
    created_at: datetime


def due_for_sending(session: Session, *, now: datetime,
                    limit: int = 500) -> tuple[SendableEntry, ...]:
    """Like `due`, but with the payload as stored text (parsing and re-encoding it is most of
    the sender's work otherwise)."""
    rows = session.execute(
        select(OutboxEntry.id, OutboxEntry.uuid, OutboxEntry.version, OutboxEntry.kind,
               cast(OutboxEntry.payload, Text).label("payload_json"), OutboxEntry.created_at)
        .where(OutboxEntry.quarantined_at.is_(None))
        .where(or_(OutboxEntry.next_attempt_at.is_(None), OutboxEntry.next_attempt_at <= now))
        .order_by(OutboxEntry.id).limit(limit))
    return tuple(SendableEntry(r.id, r.uuid, r.version, r.kind, r.payload_json, r.created_at)
                 for r in rows)
