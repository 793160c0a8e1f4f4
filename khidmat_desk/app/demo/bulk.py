"""Writing demo applications many rows per statement, exactly as the use cases write one.

`submit_application` and `change_status` take one row at a time through the ORM session;
for a hundred thousand records that is far too slow (TECH-NOTES: ORM `add_all` is ~20x
slower than a Core ``insert()`` with a list of dicts). This writer produces the same rows —
application, search keys, payment, documents, status history, applicant, audit event,
outbox entry, daily sequence — with one executemany per table per chunk, in one transaction
per chunk. Audit events are chained in time order across chunks (status changes wait in a
heap until their moment comes), so the hash chain reads like a real centre's log and
`verify_chain` checks it like any other.
"""

from __future__ import annotations

import heapq
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Dialect, Table, bindparam, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from khidmat_desk.app.applications import CENTRE_TIME, OUTBOX_KIND, add_working_days
from khidmat_desk.app.applications import _payload as application_payload
from khidmat_desk.app.demo.plan import StatusEvent, status_events, uuid7_at
from khidmat_desk.app.demo.produce import Produced
from khidmat_desk.app.demo.setup import Staff
from khidmat_desk.auth.users import UserInfo
from khidmat_desk.core import workflow
from khidmat_desk.core.catalogue import Tariff, get_service, sla_days
from khidmat_desk.core.tracking import make_tracking_number
from khidmat_desk.store.audit import _hashed_fields as audit_fields
from khidmat_desk.store.audit import link_hash
from khidmat_desk.store.models import (
    Applicant,
    Application,
    ApplicationKey,
    AuditEvent,
    AuditHead,
    CounterSequence,
    DocumentReceived,
    OutboxEntry,
    Payment,
    StatusChange,
)
from khidmat_desk.store.sequences import MAX_DAILY_SEQUENCE

APP, APPLICANT, HEAD = Application.__table__, Applicant.__table__, AuditHead.__table__
PAYMENT_METHODS = (("cash", 90.0), ("card", 7.0), ("online", 3.0))
TOKEN_SHARE = 0.8  # visitors who took a queue token
_LOOKUP_BATCH = 500


@dataclass(frozen=True)
class _Logged:
    """An audit event (and maybe an outbox entry) waiting for its moment in the chain."""

    actor: str
    action: str
    entity_type: str
    entity_id: str
    details: dict[str, Any]
    outbox: tuple[str, int, dict[str, Any]] | None


@dataclass
class _Rows:
    """What one chunk writes, table by table."""

    applications: list[dict[str, Any]] = field(default_factory=list)
    keys: list[dict[str, Any]] = field(default_factory=list)
    payments: list[dict[str, Any]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)


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


class BulkWriter:
    def __init__(self, *, centre_code: str, staff: Staff, tariff: Tariff, now: datetime,
                 unsent_since: datetime, rng: random.Random) -> None:
        self.centre, self.staff, self.tariff, self.rng = centre_code, staff, tariff, rng
        self.now, self.unsent_since = now, unsent_since
        self.now_local = now.astimezone(CENTRE_TIME).replace(tzinfo=None)
        self.waiting: list[tuple[datetime, int, _Logged]] = []  # a heap: time, then order
        self.order = 0
        self.sequences: dict[tuple[int, date], int] = {}
        self.tokens: Counter[date] = Counter()
        self.tally = Tally()

    # -- the events of the chain -----------------------------------------------------------

    def log(self, at: datetime, actor: str, action: str, entity_type: str, entity_id: str,
            details: dict[str, Any], outbox: tuple[str, int, dict[str, Any]] | None = None
            ) -> None:
        self.order += 1
        heapq.heappush(self.waiting, (at, self.order, _Logged(actor, action, entity_type,
                                                              entity_id, details, outbox)))

    def log_in(self, user: UserInfo, at: datetime) -> None:
        """A day's first sign-in, as `authenticate` records it."""
        if at <= self.now:
            self.log(at, user.username, "login", "user", user.username, {})
            self.tally.last_login[user.id] = max(at, self.tally.last_login.get(user.id, at))

    # -- one chunk -------------------------------------------------------------------------

    def write_chunk(self, conn: Connection, chunk: list[tuple[Produced, int]],
                    until: datetime | None) -> None:
        """Write these applications (each with its counter) and every audit event before
        `until` (None: all that are due)."""
        applicant_ids = self._applicants(conn, [p for p, _ in chunk])
        next_id = int(conn.execute(select(func.coalesce(func.max(APP.c.id), 0))).scalar_one())
        rows = _Rows()
        for (produced, counter), applicant_id in zip(chunk, applicant_ids, strict=True):
            next_id += 1
            self._application(conn, rows, next_id, produced, counter, applicant_id)
        for table, batch in ((APP, rows.applications), (ApplicationKey.__table__, rows.keys),
                             (Payment.__table__, rows.payments),
                             (DocumentReceived.__table__, rows.documents),
                             (StatusChange.__table__, rows.changes)):
            _insert(conn, table, batch)
        self._chain(conn, until)
        self._save_sequences(conn)

    def _application(self, conn: Connection, rows: _Rows, app_id: int, produced: Produced,
                     counter: int, applicant_id: int | None) -> None:
        service = get_service(produced.service_code)
        local, officer = produced.local, self.staff.officers[counter]
        created = local.replace(tzinfo=CENTRE_TIME).astimezone(UTC)
        sla = sla_days(service, self.tariff)
        expected_on = add_working_days(local.date(), sla)
        events = status_events(self.rng, local, sla, expected_on, self.now_local)
        app = {
            "id": app_id, "uuid": uuid7_at(created, self.rng),
            "tracking_number": self._tracking(conn, counter, local.date()),
            "centre_code": self.centre, "counter": counter, "service_code": service.code,
            "status": workflow.SUBMITTED, "answers": produced.answers, "version": 1,
            "applicant_id": applicant_id, "officer_id": officer.id,
            "token_no": self._token(local.date()), "fee_total": produced.fee_total,
            "expected_on": expected_on, "display_name": produced.name,
            "created_at": created, "updated_at": created}
        payment = self._payment(rows, app_id, produced, officer, created)
        rows.keys += [{"kind": k, "value": v, "application_id": app_id}
                      for k, v in sorted({(k, v) for k, v in produced.keys if v})]
        rows.documents += [{"application_id": app_id, "doc_key": d["key"], "label": d["label"]}
                           for d in produced.documents]
        story = _Story(app, officer, produced, payment)
        self._record(rows, story, None, StatusEvent(local, workflow.SUBMITTED, False))
        for event in events:
            self._record(rows, story, app["status"], event)
        rows.applications.append(dict(app))
        self.tally.by_service[service.code] += 1
        self.tally.by_status[app["status"]] += 1
        self.tally.validated += produced.checked

    def _record(self, rows: _Rows, story: _Story, old: str | None, event: StatusEvent) -> None:
        """One version of the application: status history row, audit event, outbox entry."""
        app = story.app
        at = event.at.replace(tzinfo=CENTRE_TIME).astimezone(UTC)
        user = self.staff.in_charge if event.by_in_charge else story.officer
        if old is not None:
            app.update(status=event.to, version=app["version"] + 1, updated_at=at)
        rows.changes.append({"application_id": app["id"], "from_status": old,
                             "to_status": event.to, "reason": event.reason,
                             "user_id": user.id, "at": at, "version": app["version"]})
        change = {"from": old, "to": event.to, "reason": event.reason, "by": user.username,
                  "at": at.astimezone(UTC).isoformat(timespec="microseconds"),
                  "version": app["version"]}
        outbox = None
        if at >= self.unsent_since:
            payload = application_payload(app, story.officer.username, story.produced.profile,
                                          story.payment, story.produced.documents, change)
            outbox = (app["uuid"], app["version"], payload)
        details = {"tracking_number": app["tracking_number"], "service_code":
                   app["service_code"], "version": app["version"], "from": old,
                   "to": event.to, "reason": event.reason}
        action = "application-submitted" if old is None else "status-changed"
        self.log(at, user.username, action, "application", app["uuid"], details, outbox)

    def _payment(self, rows: _Rows, app_id: int, produced: Produced, officer: UserInfo,
                 at: datetime) -> dict[str, Any] | None:
        """A payment for a paid service; a free service records none (as a save does)."""
        if produced.fee_total <= 0:
            return None
        methods, weights = zip(*PAYMENT_METHODS, strict=True)
        row = {"application_id": app_id, "amount_pkr": produced.fee_total,
               "method": self.rng.choices(methods, weights)[0], "received_by": officer.id,
               "at": at, "items": produced.fee_items}
        rows.payments.append(row)
        return {**row, "received_by": officer.username}

    def _tracking(self, conn: Connection, counter: int, day: date) -> str:
        key = (counter, day)
        if key not in self.sequences:
            self.sequences[key] = int(conn.execute(
                select(CounterSequence.last_value).where(
                    CounterSequence.centre_code == self.centre,
                    CounterSequence.counter == counter, CounterSequence.day == day)
            ).scalar_one_or_none() or 0)
        self.sequences[key] += 1
        if self.sequences[key] > MAX_DAILY_SEQUENCE:
            raise ValueError(f"counter {counter} would pass {MAX_DAILY_SEQUENCE} applications "
                             f"on {day}; use more counters or more days")
        return str(make_tracking_number(self.centre, day, counter, self.sequences[key]))

    def _token(self, day: date) -> str | None:
        self.tokens[day] += 1
        return str(self.tokens[day]) if self.rng.random() < TOKEN_SHARE else None

    def _save_sequences(self, conn: Connection) -> None:
        if not self.sequences:
            return
        dialect_insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
        statement = dialect_insert(CounterSequence.__table__)
        statement = statement.on_conflict_do_update(
            index_elements=["centre_code", "counter", "day"],
            set_={"last_value": statement.excluded.last_value})
        conn.execute(statement, [
            {"centre_code": self.centre, "counter": c, "day": d, "last_value": v}
            for (c, d), v in self.sequences.items()])

    # -- applicants: created on the first visit, refreshed on the next ---------------------

    def _applicants(self, conn: Connection, chunk: list[Produced]) -> list[int | None]:
        known = self._known_applicants(conn, chunk)
        next_id = int(conn.execute(
            select(func.coalesce(func.max(APPLICANT.c.id), 0))).scalar_one())
        new: dict[tuple[str, str], dict[str, Any]] = {}
        seen: dict[tuple[str, str], dict[str, Any]] = {}
        ids: list[int | None] = []
        for produced in chunk:
            profile = produced.profile
            if profile is None:
                ids.append(None)
                continue
            key = (profile.id_type, profile.id_number)
            at = produced.local.replace(tzinfo=CENTRE_TIME).astimezone(UTC)
            row = new.get(key) or seen.get(key)
            if row is None and key in known:
                row = seen[key] = {"_id": known[key][0], "details": known[key][1]}
            if row is None:
                next_id += 1
                row = new[key] = {"id": next_id, "id_type": key[0], "id_number": key[1],
                                  "details": {}, "first_seen_at": at}
            else:
                self.tally.returning += 1
            row.update(name=profile.name, name_ur=profile.name_ur or "",
                       mobile=profile.mobile or "", last_seen_at=at,
                       details={**row["details"], **profile.details})
            ids.append(int(row.get("id") or row["_id"]))
        _insert(conn, APPLICANT, list(new.values()))
        if seen:
            conn.execute(update(APPLICANT).where(APPLICANT.c.id == bindparam("_id")),
                         list(seen.values()))
        return ids

    def _known_applicants(self, conn: Connection, chunk: list[Produced]
                          ) -> dict[tuple[str, str], tuple[int, dict[str, Any]]]:
        wanted: dict[str, set[str]] = {}
        for produced in chunk:
            if produced.profile is not None:
                wanted.setdefault(produced.profile.id_type, set()).add(produced.profile.id_number)
        known: dict[tuple[str, str], tuple[int, dict[str, Any]]] = {}
        for id_type, numbers in wanted.items():
            ordered = sorted(numbers)
            for start in range(0, len(ordered), _LOOKUP_BATCH):
                batch = ordered[start:start + _LOOKUP_BATCH]
                for row in conn.execute(select(APPLICANT.c.id, APPLICANT.c.id_number,
                                               APPLICANT.c.details).where(
                        APPLICANT.c.id_type == id_type, APPLICANT.c.id_number.in_(batch))):
                    known[(id_type, row.id_number)] = (row.id, dict(row.details or {}))
        return known

    # -- the audit chain and the outbox ----------------------------------------------------

    def _chain(self, conn: Connection, until: datetime | None) -> None:
        """Append every waiting event due before `until` to the hash chain, in time order."""
        head = conn.execute(select(HEAD.c.last_id, HEAD.c.last_hash).where(HEAD.c.id == 1)
                            .with_for_update()).one()
        last_id, last_hash = int(head.last_id), str(head.last_hash)
        events, entries = [], []
        while self.waiting and (until is None or self.waiting[0][0] < until):
            at, _, item = heapq.heappop(self.waiting)
            fields = audit_fields(at, item.actor, item.action, item.entity_type, item.entity_id,
                                  item.details)
            digest = link_hash(last_hash, fields)
            last_id += 1
            events.append({"id": last_id, "at": at, "actor": item.actor, "action": item.action,
                           "entity_type": item.entity_type, "entity_id": item.entity_id,
                           "details": item.details, "prev_hash": last_hash, "hash": digest})
            last_hash = digest
            if item.outbox is not None:
                uuid, version, payload = item.outbox
                entries.append({"uuid": uuid, "version": version, "kind": OUTBOX_KIND,
                                "payload": payload, "created_at": at, "attempts": 0})
        if events:
            _insert(conn, AuditEvent.__table__, events)
            conn.execute(update(HEAD).where(HEAD.c.id == 1).values(last_id=last_id,
                                                                   last_hash=last_hash))
        _insert(conn, OutboxEntry.__table__, entries)
        self.tally.audit_events += len(events)
        self.tally.outbox_entries += len(entries)


@dataclass
class _Story:
    """One application as its versions are made: the row, who took it, what was paid."""

    app: dict[str, Any]
    officer: UserInfo
    produced: Produced
    payment: dict[str, Any] | None


def _insert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows that all have the same keys. On SQLite the driver's executemany is called
    directly with each value converted by its column type, exactly as SQLAlchemy converts it
    (four times faster than a Core insert); elsewhere a Core insert does the same."""
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), rows)
        return
    sql, columns, converters = _raw_insert(table, tuple(rows[0]), conn.dialect)
    conn.exec_driver_sql(sql, [
        tuple(value if convert is None else convert(value)
              for value, convert in zip(map(row.__getitem__, columns), converters, strict=True))
        for row in rows])


_RAW: dict[tuple[str, tuple[str, ...]], tuple[str, tuple[str, ...], list[Any]]] = {}


def _raw_insert(table: Table, columns: tuple[str, ...],
                dialect: Dialect) -> tuple[str, tuple[str, ...], list[Any]]:
    key = (table.name, columns)
    if key not in _RAW:
        quote = dialect.identifier_preparer.quote
        sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
               f"VALUES ({', '.join('?' for _ in columns)})")
        converters = [table.c[c].type.dialect_impl(dialect).bind_processor(dialect)
                      for c in columns]
        _RAW[key] = (sql, columns, converters)
    return _RAW[key]
