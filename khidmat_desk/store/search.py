"""The search index (``application_key``) and the lookups that must stay fast at a million rows.

Exact lookups (CNIC, mobile, plate) read the primary key (kind, value, application_id)
backwards: newest first with no sort. A name is a prefix range on the same key. A rare prefix
is collected and sorted (bounded by ``_PROBE``); a common one ("muhammad") would match
hundreds of thousands of keys, so it walks the (kind, application_id, value) index from the
newest application down and stops at the limit instead. SQLite's planner cannot tell the two
cases apart, so the second query names its index (``INDEXED BY``).
Queries are SQLAlchemy Core: these run on every keystroke of the search box.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, FromClause, Row, column, insert, select, text
from sqlalchemy.orm import Session

from khidmat_desk.store.models import Application, ApplicationKey

KEY = ApplicationKey.__table__
APP = Application.__table__
#: Above this many matching keys a name prefix counts as common (see module docstring).
_PROBE = 2000
#: Past the last code point: ``value < prefix + _TOP`` closes a prefix range.
_TOP = "\U0010ffff"

_INSERT_KEY = insert(KEY)

SUMMARY_COLUMNS = (
    APP.c.id, APP.c.uuid, APP.c.tracking_number, APP.c.service_code, APP.c.status,
    APP.c.display_name, APP.c.centre_code, APP.c.counter, APP.c.created_at,
    APP.c.expected_on, APP.c.version, APP.c.fee_total,
)


def write_keys(session: Session, application_id: int, keys: Iterable[tuple[str, str]]) -> None:
    unique = {(kind, value) for kind, value in keys if value}
    if unique:
        session.connection().execute(_INSERT_KEY, [
            {"kind": kind, "value": value, "application_id": application_id}
            for kind, value in sorted(unique)])


def id_by_tracking(session: Session, tracking_number: str) -> int | None:
    found = session.connection().execute(
        select(APP.c.id).where(APP.c.tracking_number == tracking_number)).scalar_one_or_none()
    return int(found) if found is not None else None


def ids_by_key(session: Session, kind: str, value: str, *, limit: int) -> list[int]:
    """Applications holding exactly this key, newest first."""
    rows = session.connection().execute(
        select(KEY.c.application_id)
        .where(KEY.c.kind == kind, KEY.c.value == value)
        .order_by(KEY.c.application_id.desc()).limit(limit))
    return [int(r[0]) for r in rows]


def ids_by_name_prefix(session: Session, prefix: str, *, limit: int) -> list[int]:
    """Applications with a name phrase starting with ``prefix`` (normalised), newest first."""
    if not prefix:
        return []
    connection = session.connection()
    in_range = (KEY.c.kind == "name", KEY.c.value >= prefix, KEY.c.value < prefix + _TOP)
    probe = [int(r[0]) for r in connection.execute(
        select(KEY.c.application_id).where(*in_range).limit(_PROBE + 1))]
    if len(probe) <= _PROBE:
        return sorted(set(probe), reverse=True)[:limit]
    return _walk_newest(connection, prefix, limit)


def _walk_newest(connection: Connection, prefix: str, limit: int) -> list[int]:
    found: list[int] = []
    before: int | None = None
    source = _recent_index_source(connection)
    app_id, kind, value = column("application_id"), column("kind"), column("value")
    while len(found) < limit:
        query = (select(app_id).select_from(source)
                 .where(kind == "name", value >= prefix, value < prefix + _TOP)
                 .order_by(app_id.desc()).limit(limit * 2))
        if before is not None:
            query = query.where(app_id < before)
        batch = [int(r[0]) for r in connection.execute(query)]
        for candidate in batch:
            if not found or found[-1] != candidate:
                found.append(candidate)
        if len(batch) < limit * 2:
            break
        before = batch[-1]
    return found[:limit]


def _recent_index_source(connection: Connection) -> FromClause | Any:
    if connection.dialect.name == "sqlite":
        return text("application_key INDEXED BY ix_application_key_recent")
    return KEY


def summary_rows(session: Session, ids: Sequence[int]) -> list[Row[Any]]:
    """Summary columns of these applications, in the order of ``ids``."""
    if not ids:
        return []
    rows = session.connection().execute(select(*SUMMARY_COLUMNS).where(APP.c.id.in_(ids)))
    by_id = {row.id: row for row in rows}
    return [by_id[i] for i in ids if i in by_id]
