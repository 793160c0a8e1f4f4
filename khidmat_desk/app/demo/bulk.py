"""Writing demo records many rows per statement, exactly as the use cases write one.

`submit_application` and `change_status` write one application at a time through the ORM
session; for a hundred thousand that is far too slow (TECH-NOTES: ORM `add_all` is ~20x slower
than a Core ``insert()`` with a list of dicts, raw ``executemany`` ~5x faster again). This
writer takes whole records (see `story`) and writes each table of a chunk with one
executemany, in one transaction per chunk. It alone hands out database ids, finds returning
applicants, and links the audit chain: events wait in a heap until their moment, so the chain
runs in time order across chunks, like a real centre's log, and `verify_chain` checks it.
"""

from __future__ import annotations

import hashlib
import heapq
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    Connection,
    Dialect,
    Table,
    bindparam,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from khidmat_desk.app.demo import wire
from khidmat_desk.app.demo.story import Person
from khidmat_desk.app.demo.wire import Columns, Event, Packed, Wire
from khidmat_desk.store.audit import canonical_json
from khidmat_desk.store.audit import hashed_fields as audit_fields
from khidmat_desk.store.models import (
    Applicant,
    Application,
    AuditHead,
    CounterSequence,
)

APP: Table = Application.__table__  # type: ignore[assignment]
APPLICANT: Table = Applicant.__table__  # type: ignore[assignment]
HEAD: Table = AuditHead.__table__  # type: ignore[assignment]
SEQUENCE: Table = CounterSequence.__table__  # type: ignore[assignment]
_HEAD_ID = 1
_LOOKUP_BATCH = 500


@dataclass
class Tally:
    """What the demo made, for its summary."""

    by_service: Counter[str] = field(default_factory=Counter)
    by_status: Counter[str] = field(default_factory=Counter)
    returning: int = 0
    audit_events: int = 0
    outbox_entries: int = 0
    validated: int = 0
    last_login: dict[int, datetime] = field(default_factory=dict)


@dataclass
class _Rows:
    """What one chunk writes, table by table, as value tuples in `wire` column order."""

    applications: list[tuple[Any, ...]] = field(default_factory=list)
    keys: list[tuple[Any, ...]] = field(default_factory=list)
    payments: list[tuple[Any, ...]] = field(default_factory=list)
    documents: list[tuple[Any, ...]] = field(default_factory=list)
    changes: list[tuple[Any, ...]] = field(default_factory=list)
    findings: list[tuple[Any, ...]] = field(default_factory=list)


class BulkWriter:
    def __init__(self, centre_code: str, now: datetime, *, converted: bool) -> None:
        self.centre, self.now = centre_code, now
        self.converted = converted  # values arrive already converted for SQLite
        self.waiting: list[tuple[datetime, int, Event]] = []  # a heap: time, then arrival
        self.order = 0
        self.tally = Tally()

    def log_in(self, user: Person, at: datetime) -> None:
        """A day's first sign-in, recorded as `authenticate` records it."""
        if at > self.now:
            return
        details: dict[str, Any] = {}
        row = {"at": at, "actor": user.username, "action": "login", "entity_type": "user",
               "entity_id": user.username, "details": details}
        material = canonical_json(audit_fields(at, user.username, "login", "user",
                                               user.username, details))
        self._wait((at, material, wire.values(wire.AUDIT, row, converted=self.converted),
                    None))
        self.tally.last_login[user.id] = max(at, self.tally.last_login.get(user.id, at))

    def _wait(self, event: Event) -> None:
        self.order += 1
        heapq.heappush(self.waiting, (event[0], self.order, event))

    def write_chunk(self, conn: Connection, packed: list[Packed], until: datetime | None,
                    sequences: dict[tuple[int, date], int]) -> None:
        """Write these records and every audit event due before `until` (None: all of them),
        and move the daily sequences on to `sequences`."""
        records = [wire.unpack(p) for p in packed]
        applicant_ids = self._applicants(conn, records)
        next_id = int(conn.execute(select(func.coalesce(func.max(APP.c.id), 0))).scalar_one())
        rows = _Rows()
        for record, applicant_id in zip(records, applicant_ids, strict=True):
            next_id += 1
            self._rows(rows, next_id, record, applicant_id)
        for columns, batch in ((wire.APPLICATION, rows.applications), (wire.KEY, rows.keys),
                               (wire.PAYMENT, rows.payments), (wire.DOCUMENT, rows.documents),
                               (wire.CHANGE, rows.changes), (wire.FINDING, rows.findings)):
            self._insert(conn, columns, batch)
        self._chain(conn, until)
        self._save_sequences(conn, sequences)
        _catch_up_id_sequences(conn)

    def _rows(self, rows: _Rows, app_id: int, record: Wire, applicant_id: int | None) -> None:
        rows.applications.append((app_id, applicant_id, *record.application))
        rows.keys += [(app_id, *values) for values in record.keys]
        if record.payment is not None:
            rows.payments.append((app_id, *record.payment))
        rows.documents += [(app_id, *values) for values in record.documents]
        rows.changes += [(app_id, *values) for values in record.changes]
        rows.findings += [(app_id, *values) for values in record.findings]
        for event in record.events:
            self._wait(event)
        self.tally.by_service[record.service_code] += 1
        self.tally.by_status[record.status] += 1
        self.tally.validated += record.checked

    def _insert(self, conn: Connection, columns: Columns, rows: list[tuple[Any, ...]]) -> None:
        """Converted values go straight to the driver; others through a Core insert."""
        if not rows:
            return
        if self.converted:
            quote = conn.dialect.identifier_preparer.quote
            conn.exec_driver_sql(
                f"INSERT INTO {quote(columns.table.name)} "
                f"({', '.join(quote(c) for c in columns.names)}) "
                f"VALUES ({', '.join('?' for _ in columns.names)})", rows)
        else:
            conn.execute(insert(columns.table), [dict(zip(columns.names, row, strict=True))
                                                 for row in rows])

    # -- applicants: created on the first visit, refreshed on the next ---------------------

    def _applicants(self, conn: Connection, records: list[Wire]) -> list[int | None]:
        known = _known_applicants(conn, records)
        next_id = int(conn.execute(
            select(func.coalesce(func.max(APPLICANT.c.id), 0))).scalar_one())
        new: dict[tuple[str, str], dict[str, Any]] = {}
        seen: dict[tuple[str, str], dict[str, Any]] = {}
        ids: list[int | None] = []
        for record in records:
            if record.profile is None:
                ids.append(None)
                continue
            id_type, id_number, name, name_ur, mobile, details = record.profile
            key = (id_type, id_number)
            row = new.get(key) or seen.get(key)
            if row is None and key in known:
                row = seen[key] = {"_id": known[key][0], "details": known[key][1]}
            if row is None:
                next_id += 1
                row = new[key] = {"id": next_id, "id_type": id_type, "id_number": id_number,
                                  "details": {}, "first_seen_at": record.created_at}
            else:
                self.tally.returning += 1
            row.update(name=name, name_ur=name_ur, mobile=mobile,
                       last_seen_at=record.created_at, details={**row["details"], **details})
            ids.append(int(row.get("id") or row["_id"]))
        _insert(conn, APPLICANT, list(new.values()))
        if seen:  # the SET clause is every other key of the rows
            conn.execute(update(APPLICANT).where(APPLICANT.c.id == bindparam("_id")),
                         list(seen.values()))
        return ids

    # -- the audit chain and the outbox ----------------------------------------------------

    def _chain(self, conn: Connection, until: datetime | None) -> None:
        """Link every waiting event due before `until` into the hash chain, in time order."""
        head = conn.execute(select(HEAD.c.last_id, HEAD.c.last_hash)
                            .where(HEAD.c.id == _HEAD_ID).with_for_update()).one()
        last_id, last_hash = int(head.last_id), str(head.last_hash)
        events, entries = [], []
        while self.waiting and (until is None or self.waiting[0][0] < until):
            _, material, values, outbox = heapq.heappop(self.waiting)[2]
            digest = _link(last_hash, material)
            last_id += 1
            events.append((last_id, last_hash, digest, *values))
            last_hash = digest
            if outbox is not None:
                entries.append(outbox)
        if events:
            self._insert(conn, wire.AUDIT, events)
            conn.execute(update(HEAD).where(HEAD.c.id == _HEAD_ID)
                         .values(last_id=last_id, last_hash=last_hash))
        self._insert(conn, wire.OUTBOX, entries)
        self.tally.audit_events += len(events)
        self.tally.outbox_entries += len(entries)

    def _save_sequences(self, conn: Connection, sequences: dict[tuple[int, date], int]) -> None:
        if not sequences:
            return
        dialect_insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
        statement = dialect_insert(SEQUENCE)
        statement = statement.on_conflict_do_update(
            index_elements=["centre_code", "counter", "day"],
            set_={"last_value": statement.excluded.last_value})
        conn.execute(statement, [
            {"centre_code": self.centre, "counter": counter, "day": day, "last_value": value}
            for (counter, day), value in sequences.items()])


def _catch_up_id_sequences(conn: Connection) -> None:
    """On PostgreSQL the ids given here bypass the tables' id sequences; move those on past
    them, or the next ordinary save would be handed an id already taken."""
    if conn.dialect.name != "postgresql":
        return
    for table in (APP, APPLICANT):
        conn.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
            f"(SELECT coalesce(max(id), 0) + 1 FROM {table.name}), false)"))


def _link(previous_hash: str, material: str) -> str:
    """`store.audit.link_hash`, with the canonical JSON already made by the worker."""
    return hashlib.sha256((previous_hash + material).encode("utf-8")).hexdigest()


def _known_applicants(conn: Connection, records: list[Wire]
                      ) -> dict[tuple[str, str], tuple[int, dict[str, Any]]]:
    """Applicants already in the database, by (id type, id number)."""
    wanted: dict[str, set[str]] = {}
    for record in records:
        if record.profile is not None:
            wanted.setdefault(record.profile[0], set()).add(record.profile[1])
    known: dict[tuple[str, str], tuple[int, dict[str, Any]]] = {}
    for id_type, numbers in wanted.items():
        ordered = sorted(numbers)
        for start in range(0, len(ordered), _LOOKUP_BATCH):
            query = select(APPLICANT.c.id, APPLICANT.c.id_number, APPLICANT.c.details).where(
                APPLICANT.c.id_type == id_type,
                APPLICANT.c.id_number.in_(ordered[start:start + _LOOKUP_BATCH]))
            for row in conn.execute(query):
                known[(id_type, row.id_number)] = (row.id, dict(row.details or {}))
    return known


def _insert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows that all have the same keys. On SQLite the driver's executemany is called
    directly with each value converted by its column type, exactly as SQLAlchemy converts it
    (several times faster than a Core insert); elsewhere a Core insert does the same."""
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), rows)
        return
    sql, columns, converters = _raw_insert(table, tuple(rows[0]), conn.dialect)
    pick = itemgetter(*columns)
    data: list[Any] = [pick(row) for row in rows]
    if converters:
        for index, row in enumerate(data):
            values = list(row)
            for position, convert in converters:
                values[position] = convert(values[position])
            data[index] = tuple(values)
    conn.exec_driver_sql(sql, data)


_RAW: dict[tuple[str, tuple[str, ...]], tuple[str, tuple[str, ...], list[tuple[int, Any]]]] = {}


def _raw_insert(table: Table, columns: tuple[str, ...], dialect: Dialect
                ) -> tuple[str, tuple[str, ...], list[tuple[int, Any]]]:
    """The statement for these columns, and the converter of each column that has one."""
    key = (table.name, columns)
    if key not in _RAW:
        quote = dialect.identifier_preparer.quote
        sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
               f"VALUES ({', '.join('?' for _ in columns)})")
        converters = [(position, table.c[name].type.dialect_impl(dialect).bind_processor(dialect))
                      for position, name in enumerate(columns)]
        _RAW[key] = (sql, columns, [(p, c) for p, c in converters if c is not None])
    return _RAW[key]
