"""Demo records packed for the trip from a worker process to the writer.

The writing process is the one everybody waits for, so the worker does all it can: rows
become tuples of column values in a fixed order (tuples unpickle about twice as fast as
dataclasses), and on SQLite each value is already converted by its column's own SQLAlchemy
type, exactly as an insert would convert it. The writer only puts the database ids in front
and hands the tuples to the driver. On other databases the values travel unconverted and
the writer's Core insert converts them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter
from typing import Any, TypeAlias

from sqlalchemy import Table
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite

from khidmat_desk.app.demo import spell
from khidmat_desk.app.demo.story import Record
from khidmat_desk.store.models import (
    Application,
    ApplicationKey,
    AuditEvent,
    DocumentReceived,
    Finding,
    OutboxEntry,
    Payment,
    StatusChange,
    UtcDateTime,
)


@dataclass(frozen=True)
class Columns:
    """A table's columns in wire order: the ids the writer adds, then the values packed."""

    table: Table
    ids: tuple[str, ...]
    values: tuple[str, ...]
    converters: list[tuple[int, Any]] = field(default_factory=list, compare=False)
    #: A row's values (a dict by column name) in wire order, as a tuple.
    pick: Callable[[dict[str, Any]], Values] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "pick", itemgetter(*self.values))

    @property
    def names(self) -> tuple[str, ...]:
        return self.ids + self.values


#: Moments already converted in this process, and the most it keeps: a record's moments
#: repeat (created, updated, paid, each version's change and event), as do arrivals.
_MOMENTS: dict[datetime, Any] = {}
_MOMENTS_KEPT = 100_000


def _remembered(convert: Any) -> Any:
    """`convert` for moments, each distinct moment converted once (equal aware moments give
    equal text; a naive one is a key of its own and still raises)."""
    def process(value: Any) -> Any:
        found = _MOMENTS.get(value)
        if found is None:
            if len(_MOMENTS) >= _MOMENTS_KEPT:
                _MOMENTS.clear()
            found = _MOMENTS[value] = convert(value)
        return found
    return process


def _columns(model: Any, ids: tuple[str, ...], values: tuple[str, ...]) -> Columns:
    table: Table = model.__table__
    dialect = SQLiteDialect_pysqlite(json_serializer=spell.dumps)  # json.dumps, made once
    converters = []
    for i, name in enumerate(values):
        column_type = table.c[name].type
        convert = column_type.dialect_impl(dialect).bind_processor(dialect)
        if convert is not None:
            moment = isinstance(column_type, UtcDateTime)
            converters.append((i, _remembered(convert) if moment else convert))
    return Columns(table, ids, values, converters)


APPLICATION = _columns(Application, ("id", "applicant_id"), (
    "uuid", "tracking_number", "centre_code", "counter", "service_code", "status", "answers",
    "version", "officer_id", "token_no", "fee_total", "expected_on", "display_name",
    "created_at", "updated_at", "police_station"))
KEY = _columns(ApplicationKey, ("application_id",), ("kind", "value"))
PAYMENT = _columns(Payment, ("application_id",),
                   ("amount_pkr", "method", "received_by", "at", "items"))
DOCUMENT = _columns(DocumentReceived, ("application_id",), ("doc_key", "label"))
CHANGE = _columns(StatusChange, ("application_id",),
                  ("from_status", "to_status", "reason", "user_id", "at", "version"))
AUDIT = _columns(AuditEvent, ("id", "prev_hash", "hash"),
                 ("at", "actor", "action", "entity_type", "entity_id", "details"))
FINDING = _columns(Finding, ("application_id",), (
    "outcome", "record_status", "reference", "reference_date", "remark", "override_reason",
    "recorded_by", "recorded_at", "version"))
OUTBOX = _columns(OutboxEntry, (),
                  ("uuid", "version", "kind", "payload", "created_at", "attempts"))

Values: TypeAlias = tuple[Any, ...]
#: A record as it travels (see `pack` and `unpack`).
Packed: TypeAlias = tuple[Any, ...]
#: (moment, canonical JSON the hash covers, audit values, outbox values or None)
Event: TypeAlias = tuple[datetime, str, Values, Values | None]
#: (id type, id number, name, Urdu name, mobile, details)
Profile: TypeAlias = tuple[str, str, str, str, str, dict[str, Any]]


@dataclass(frozen=True)
class Wire:
    """What the writer needs of one record, all plain values."""

    service_code: str
    status: str
    application: Values
    keys: list[Values]
    payment: Values | None
    documents: list[Values]
    changes: list[Values]
    events: list[Event]
    profile: Profile | None
    created_at: datetime
    checked: bool
    findings: list[Values]


def values(columns: Columns, row: dict[str, Any], *, converted: bool) -> Values:
    """The row's values in wire order, converted for SQLite if asked."""
    picked = columns.pick(row)
    if not converted or not columns.converters:
        return picked
    found = list(picked)
    for position, convert in columns.converters:
        found[position] = convert(found[position])
    return tuple(found)


def pack(record: Record, *, converted: bool) -> Packed:
    """A record as one plain tuple (see `unpack`), values converted for SQLite if asked."""
    profile = None if record.profile is None else (
        record.profile.id_type, record.profile.id_number, record.profile.name,
        record.profile.name_ur or "", record.profile.mobile or "", record.profile.details)
    return (
        record.app["service_code"], record.app["status"],
        values(APPLICATION, record.app, converted=converted),
        [(kind, value) for kind, value in record.keys],
        None if record.payment is None else values(PAYMENT, record.payment,
                                                   converted=converted),
        [values(DOCUMENT, d, converted=converted) for d in record.documents],
        [values(CHANGE, c, converted=converted) for c in record.changes],
        [(at, material, values(AUDIT, row, converted=converted),
          None if outbox is None else values(OUTBOX, outbox, converted=converted))
         for at, material, row, outbox in record.events],
        profile, record.created_at, record.checked,
        [values(FINDING, f, converted=converted) for f in record.findings])


def unpack(packed: Packed) -> Wire:
    return Wire(*packed)


def submitted_at(packed: Packed) -> datetime:
    created_at: datetime = packed[9]
    return created_at
