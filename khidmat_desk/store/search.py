"""The search index (``application_key``) and the lookups that must stay fast at a million rows.

Exact lookups (CNIC, mobile, plate) read the primary key (kind, value, application_id)
backwards: newest first with no sort. A name is a prefix range on the same key. A rare prefix
is collected and sorted (bounded by ``_PROBE``); a common one ("muhammad") would match
hundreds of thousands of keys, so it walks the (kind, application_id, value) index from the
newest application down and stops at the limit instead. SQLite's planner cannot tell the two
cases apart, so the walk names its index (``INDEXED BY``). The walk covers only the newest
``_WALK_WINDOW`` applications; a prefix common long ago but rare lately is finished by a
sorted range below that window, so no search scans the whole history.
Queries are SQLAlchemy Core: these run on every keystroke of the search box.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    FromClause,
    Integer,
    String,
    column,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.orm import Session

from khidmat_desk.store.db import connection_of
from khidmat_desk.store.models import Application, ApplicationKey, table_of
from khidmat_desk.store.prepared import Prepared

KEY = table_of(ApplicationKey)
APP = table_of(Application)
#: Above this many matching keys a name prefix counts as common (see module docstring).
_PROBE = 2000
#: A common prefix is first looked for among this many newest applications (about 10 ms).
_WALK_WINDOW = 30_000
#: Past the last code point: ``value < prefix + _TOP`` closes a prefix range.
_TOP = "\U0010ffff"

_INSERT_KEY = Prepared(insert(KEY))

SUMMARY_COLUMNS = (
    APP.c.id, APP.c.uuid, APP.c.tracking_number, APP.c.service_code, APP.c.status,
    APP.c.display_name, APP.c.centre_code, APP.c.counter, APP.c.created_at,
    APP.c.expected_on, APP.c.version, APP.c.fee_total,
)


def write_keys(session: Session | Connection, application_id: int,
               keys: Iterable[tuple[str, str]]) -> None:
    unique = {(kind, value) for kind, value in keys if value}
    if unique:
        _INSERT_KEY.execute_many(connection_of(session), [
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
    probe = [int(r[0]) for r in connection.execute(
        select(KEY.c.application_id).where(*_name_range(prefix)).limit(_PROBE + 1))]
    if len(probe) <= _PROBE:
        return sorted(set(probe), reverse=True)[:limit]
    newest = connection.execute(select(func.max(APP.c.id))).scalar_one()
    floor = max(0, int(newest) - _WALK_WINDOW)
    found = _walk_newest(connection, prefix, limit, floor)
    if len(found) < limit:  # common in the past, rare lately: finish with a sorted range
        found += _sorted_range(connection, prefix, limit - len(found), below=floor + 1)
    return found[:limit]


def _name_range(prefix: str) -> tuple[ColumnElement[bool], ...]:
    return (KEY.c.kind == "name", KEY.c.value >= prefix, KEY.c.value < prefix + _TOP)


def _walk_newest(connection: Connection, prefix: str, limit: int, floor: int) -> list[int]:
    """Newest-first walk over the applications above ``floor`` (bounded work)."""
    found: list[int] = []
    before: int | None = None
    source = _recent_index_source(connection)
    app_id = column("application_id", Integer)
    kind, value = column("kind", String), column("value", String)
    while len(found) < limit:
        query = (select(app_id).select_from(source)
                 .where(kind == "name", value >= prefix, value < prefix + _TOP, app_id > floor)
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
    return found


def _sorted_range(connection: Connection, prefix: str, limit: int, *, below: int) -> list[int]:
    query = (select(KEY.c.application_id).where(*_name_range(prefix))
             .where(KEY.c.application_id < below).group_by(KEY.c.application_id)
             .order_by(KEY.c.application_id.desc()).limit(limit))
    return [int(r[0]) for r in connection.execute(query)]


def _recent_index_source(connection: Connection) -> FromClause | Any:
    if connection.dialect.name == "sqlite":
        return text("application_key INDEXED BY ix_application_key_recent")
    return KEY


def summary_rows(session: Session, ids: Sequence[int]) -> list[Any]:
    """Summary columns of these applications, in the order of ``ids``."""
    if not ids:
        return []
    rows = session.connection().execute(select(*SUMMARY_COLUMNS).where(APP.c.id.in_(ids)))
    by_id = {row.id: row for row in rows}
    return [by_id[i] for i in ids if i in by_id]
