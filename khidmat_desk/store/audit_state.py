"""The state an audit event vouches for: a digest of the rows it produced.

The hash chain alone proves the log was not edited; it says nothing about the records. So
every event that changes an application (submission, status change, print) or an account
carries ``details["state"]``: the sha256 of the whole record as it stood after the change
(application row, applicant's identity, status history, payments, documents received, copies
printed, the photograph's bytes, the police finding; for an account its roles too).
`verify_records` recomputes the digest from the rows and compares it with the newest event
that carries one, which catches an edited row, a deleted record and a record added behind the
counter's back.

The digest is built from values, never from database ids, so the demo (which writes in bulk
and hands out ids itself) computes the same digest for the same record.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from operator import is_, itemgetter
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from khidmat_desk.store.audit import canonical_json
from khidmat_desk.store.db import connection_of
from khidmat_desk.store.models import (
    Applicant,
    Application,
    AuditEvent,
    DocumentReceived,
    Finding,
    Payment,
    Photo,
    PrintRecord,
    StatusChange,
    User,
    UserRole,
    table_of,
)

#: The key of an event's details holding the digest of the state it produced.
STATE_KEY = "state"
_BATCH = 500
#: How many problems a report names before it only counts them.
MAX_NAMED = 20

APP = table_of(Application)
_APPLICANT = table_of(Applicant)
_CHANGE = table_of(StatusChange)
_PAYMENT = table_of(Payment)
_DOCUMENT = table_of(DocumentReceived)
_PRINT = table_of(PrintRecord)
_PHOTO = table_of(Photo)
_FINDING = table_of(Finding)
_USER = table_of(User)
_USER_ROLE = table_of(UserRole)
_EVENT = table_of(AuditEvent)


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else _utc_text(moment)


@lru_cache(maxsize=65_536)
def _utc_text(moment: datetime) -> str:
    """A moment as UTC text, remembered: a record's versions are digested one after another,
    each with every moment of the ones before (equal moments give equal text, whatever their
    zone, and a naive value never equals an aware one)."""
    if moment.tzinfo is None:  # a naive value read back from SQLite is UTC
        moment = moment.replace(tzinfo=UTC)
    elif moment.tzinfo is not UTC:
        moment = moment.astimezone(UTC)
    return moment.isoformat(timespec="microseconds")


def _day(value: date | str | None) -> str | None:
    return value if value is None or isinstance(value, str) else value.isoformat()


#: Stands for answers spelled beforehand (see `application_digest`).
_ANSWERS_MARK = "\x00answers\x00"
_ANSWERS_MARK_TEXT = canonical_json(_ANSWERS_MARK)
#: How payments are ordered in the material (``json.dumps(payment, sort_keys=True)``).
_PAYMENT_ORDER = json.JSONEncoder(sort_keys=True).encode


def _in_order(rows: list[Any], key: Callable[[Any], Any]) -> list[Any]:
    """`sorted` by `key`, without working out the key of a lone row (nearly every record has
    one payment, and its key is a JSON text)."""
    return sorted(rows, key=key) if len(rows) > 1 else rows


def _digest(material: Any) -> str:
    return hashlib.sha256(canonical_json(material).encode("utf-8")).hexdigest()


def answers_text(answers: Any) -> str:
    """The answers as the application digest spells them; a caller digesting several versions
    of one record makes it once and passes it to `application_digest`."""
    return canonical_json(answers)


def application_digest(app: Mapping[str, Any], applicant: tuple[str, str] | None,
                       changes: Iterable[Mapping[str, Any]],
                       payments: Iterable[Mapping[str, Any]],
                       documents: Iterable[Mapping[str, Any]],
                       prints: Iterable[Mapping[str, Any]],
                       photos: Iterable[Mapping[str, Any]] = (),
                       findings: Iterable[Mapping[str, Any]] = (), *,
                       answers: str | None = None) -> str:
    """The digest of one application and everything hanging off it, from plain values.

    ``answers`` is `answers_text` of the row's answers (the largest part of the material), for
    a caller digesting many versions of one record; the digest is the same either way (see
    also `VersionDigests`). The police finding joins the material only when there is one, so
    the digest of an application without a finding is what it was before findings were
    recorded."""
    material: dict[str, Any] = {
        "application": _application_row(app, None if answers is None else _ANSWERS_MARK),
        "applicant": None if applicant is None else list(applicant),
        "status_changes": sorted(_change_row(c) for c in changes),
        "payments": _in_order([_payment_row(p) for p in payments], _PAYMENT_ORDER),
        "documents": sorted(_document_row(d) for d in documents),
        "prints": sorted((_print_row(p) for p in prints), key=_print_order),
        "photos": sorted(_photo_row(p) for p in photos),
    }
    found = sorted(_finding_row(f) for f in findings)
    if found:
        material["findings"] = found
    text = canonical_json(material)
    if answers is not None:
        # Only the applicant's identity and six codes of the row come before the answers in
        # the text, and none of them can hold the mark (it starts with a NUL character).
        text = text.replace(_ANSWERS_MARK_TEXT, answers, 1)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class VersionDigests:
    """`application_digest` of one record's versions one after another, as a bulk writer
    makes them: what no version changes (applicant, payments, documents, prints, photos,
    answers) is spelled once, and each status change once, when it is added. The text digested
    is the one `application_digest` builds (`canonical_json` of a dict with sorted keys is its items
    spelled in key order, and of a list its items' spellings joined by commas). Of the
    application row only the status, version and update time are spelled for each version;
    the rest again only when one of its values is another object than before."""

    def __init__(self, applicant: tuple[str, str] | None,
                 payments: Iterable[Mapping[str, Any]],
                 documents: Iterable[Mapping[str, Any]],
                 prints: Iterable[Mapping[str, Any]] = (),
                 photos: Iterable[Mapping[str, Any]] = (), *, answers: str) -> None:
        self._answers = answers.encode("utf-8")
        self._applicant = '{"applicant":' + canonical_json(
            None if applicant is None else list(applicant)) + ',"application":['
        self._documents = (',"documents":' + canonical_json(
            sorted(_document_row(d) for d in documents))).encode("utf-8")
        self._rest = (
            ',"payments":' + canonical_json(_in_order([_payment_row(p) for p in payments],
                                              _PAYMENT_ORDER))
            + ',"photos":' + canonical_json(sorted(_photo_row(p) for p in photos))
            + ',"prints":' + canonical_json(sorted((_print_row(p) for p in prints),
                                           key=_print_order))
            + ',"status_changes":[').encode("utf-8")
        self._changes: list[tuple[list[Any], str]] = []
        self._changes_text = b""
        # The row's values no version changes, the hash over everything before the status
        # and the row's spelling from its officer to its creation time.
        self._fixed: tuple[Any, ...] = ()
        self._head = hashlib.sha256()
        self._tail = ""

    def digest(self, app: Mapping[str, Any], changes: Sequence[Mapping[str, Any]],
               findings: Iterable[Mapping[str, Any]] = ()) -> str:
        """The digest of this version; `changes` are the record's status changes so far, the
        ones given before still first and unchanged."""
        known = len(self._changes)
        if len(changes) > known:
            ordered = self._changes
            ordered += [(row, canonical_json(row)) for row in map(_change_row, changes[known:])]
            if any(ordered[i][0] > ordered[i + 1][0] for i in range(max(known - 1, 0),
                                                                     len(ordered) - 1)):
                ordered.sort(key=lambda pair: pair[0])  # as `sorted` orders the rows
            self._changes_text = ",".join(text for _, text in ordered).encode("utf-8")
        found = sorted(map(_finding_row, findings))
        fixed = _FIXED(app)
        if len(fixed) != len(self._fixed) or not all(map(is_, fixed, self._fixed)):
            self._respell(fixed)
        digest = self._head.copy()
        digest.update(b"".join((
            (canonical_json(app["status"]) + ",").encode("utf-8"),
            self._answers,
            ("," + _number(app["version"]) + self._tail + canonical_json(_iso(app["updated_at"]))
             + "]").encode("utf-8"),
            self._documents,
            (',"findings":' + canonical_json(found)).encode("utf-8") if found else b"",
            self._rest, self._changes_text, b"]}")))
        return digest.hexdigest()

    def _respell(self, fixed: tuple[Any, ...]) -> None:
        """The parts of the row's spelling that come from `fixed` (see `_application_row`):
        everything before the status, hashed; from the officer to the creation time."""
        self._fixed = fixed
        head = canonical_json(list(fixed[:5]))  # [uuid,tracking number,centre,counter,service]
        self._head = hashlib.sha256((self._applicant + head[1:-1] + ",").encode("utf-8"))
        tail = canonical_json([*fixed[5:8], _day(fixed[8]), fixed[9], _iso(fixed[10])])
        self._tail = "," + tail[1:-1] + ","


#: The application row's values no version changes (see `VersionDigests._respell`).
_FIXED = itemgetter("uuid", "tracking_number", "centre_code", "counter", "service_code",
                    "officer_id", "token_no", "fee_total", "expected_on", "display_name",
                    "created_at")


def _number(value: Any) -> str:
    """`canonical_json` of a version number (an int spells as its digits)."""
    return str(value) if type(value) is int else canonical_json(value)


def _application_row(app: Mapping[str, Any], answers: Any) -> list[Any]:
    return [app["uuid"], app["tracking_number"], app["centre_code"], app["counter"],
            app["service_code"], app["status"],
            app["answers"] if answers is None else answers, app["version"],
            app["officer_id"], app["token_no"], app["fee_total"], _day(app["expected_on"]),
            app["display_name"], _iso(app["created_at"]), _iso(app["updated_at"])]


def _change_row(c: Mapping[str, Any]) -> list[Any]:
    return [c["version"], c["from_status"], c["to_status"], c["reason"], c["user_id"],
            _iso(c["at"])]


def _payment_row(p: Mapping[str, Any]) -> list[Any]:
    return [_iso(p["at"]), p["amount_pkr"], p["method"], p["received_by"], p["items"]]


def _document_row(d: Mapping[str, Any]) -> list[Any]:
    return [d["doc_key"], d["label"]]


def _print_row(p: Mapping[str, Any]) -> list[Any]:
    return [p["document_key"], p["copy_no"], p["format"], p["user_id"], p["reason"],
            _iso(p["printed_at"]), p.get("state"), p.get("destination"),
            _iso(p.get("settled_at"))]


def _print_order(p: list[Any]) -> tuple[Any, Any, str]:
    return (p[0], p[1], p[5] or "")


def _photo_row(p: Mapping[str, Any]) -> list[Any]:
    return [hashlib.sha256(p["jpeg"]).hexdigest(), p["sha256"], p["added_by"],
            _iso(p["added_at"])]


def _finding_row(f: Mapping[str, Any]) -> list[Any]:
    return [f["outcome"], f["record_status"], f["reference"], _day(f["reference_date"]),
            f["remark"], f["override_reason"], f["recorded_by"], _iso(f["recorded_at"]),
            f["version"]]


def user_digest(user: Mapping[str, Any], roles: Iterable[str] = ()) -> str:
    """What an account event vouches for: who it is, what it may do (its main role and every
    ``user_role`` row), whether it is switched on, its password. Roles beyond the main one
    join the material only when there are some, so an account holding one role digests as it
    did before a person could hold several."""
    material = [user["username"], user["full_name"], user["role"], bool(user["active"]),
                user["password_hash"]]
    extra = sorted(set(roles) - {user["role"]})
    if extra:
        material.append(extra)
    return _digest(material)


def _roles_by_user(connection: Connection, user_ids: Sequence[int]) -> dict[int, list[str]]:
    roles: dict[int, list[str]] = {i: [] for i in user_ids}
    for row in connection.execute(select(_USER_ROLE.c.user_id, _USER_ROLE.c.role)
                                  .where(_USER_ROLE.c.user_id.in_(user_ids))):
        roles[row.user_id].append(row.role)
    return roles


def application_states(connection: Connection, apps: Sequence[Any]) -> dict[str, str]:
    """uuid -> digest for these application rows, read with one query per table."""
    ids = [row.id for row in apps]
    by_id: dict[int, dict[str, list[Mapping[str, Any]]]] = {
        i: {"changes": [], "payments": [], "documents": [], "prints": [], "photos": [],
            "findings": []}
        for i in ids}
    for name, table in (("changes", _CHANGE), ("payments", _PAYMENT),
                        ("documents", _DOCUMENT), ("prints", _PRINT), ("photos", _PHOTO),
                        ("findings", _FINDING)):
        for child in connection.execute(select(table).where(table.c.application_id.in_(ids))):
            by_id[child.application_id][name].append(dict(child._mapping))
    person_ids = {row.applicant_id for row in apps if row.applicant_id is not None}
    people = {p.id: (p.id_type, p.id_number) for p in connection.execute(
        select(_APPLICANT.c.id, _APPLICANT.c.id_type, _APPLICANT.c.id_number)
        .where(_APPLICANT.c.id.in_(person_ids)))} if person_ids else {}
    digests = {}
    for row in apps:
        found = by_id[row.id]
        digests[row.uuid] = application_digest(
            dict(row._mapping), people.get(row.applicant_id), found["changes"],
            found["payments"], found["documents"], found["prints"], found["photos"],
            found["findings"])
    return digests


def application_state(session: Session | Connection, uuid: str) -> str:
    """The digest of one application as it stands in this transaction (after a flush)."""
    if isinstance(session, Session):
        session.flush()
    connection = connection_of(session)
    row = connection.execute(select(APP).where(APP.c.uuid == uuid)).one()
    return application_states(connection, [row])[uuid]


def user_state(session: Session, username: str) -> str | None:
    """The digest of one account as it stands in this transaction; None if there is none."""
    session.flush()
    connection = session.connection()
    row = connection.execute(select(_USER).where(_USER.c.username == username)).one_or_none()
    if row is None:
        return None
    return user_digest(dict(row._mapping), _roles_by_user(connection, [row.id])[row.id])


@dataclass
class RecordsReport:
    """What `verify_records` found: ``problems`` names the first few, ``found`` counts all."""

    checked: int = 0
    not_covered: int = 0
    found: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.found == 0

    def add(self, problem: str) -> None:
        self.found += 1
        if len(self.problems) < MAX_NAMED:
            self.problems.append(problem)


def verify_records(session: Session) -> RecordsReport:
    """Recompute every application's and account's digest and compare it with its newest
    event that carries one; name records changed, deleted or added outside the counter."""
    report = RecordsReport()
    connection = session.connection()
    batch: list[Any] = []
    rows = connection.execution_options(yield_per=_BATCH).execute(
        select(APP).order_by(APP.c.id))
    for row in rows:
        batch.append(row)
        if len(batch) == _BATCH:
            _check_applications(connection, batch, report)
            batch = []
    if batch:
        _check_applications(connection, batch, report)
    _check_deleted_applications(connection, report)
    _check_users(connection, report)
    return report


def _latest_states(connection: Connection, entity_type: str,
                   entity_ids: Sequence[str]) -> dict[str, str | None]:
    """entity id -> the state of its newest event carrying one (None: events, but none with a
    state, i.e. written before states were recorded). Ids with no event are left out."""
    latest: dict[str, str | None] = {}
    events = connection.execute(
        select(_EVENT.c.entity_id, _EVENT.c.details)
        .where(_EVENT.c.entity_type == entity_type, _EVENT.c.entity_id.in_(entity_ids))
        .order_by(_EVENT.c.id.desc()))
    for event in events:
        state = (event.details or {}).get(STATE_KEY) if isinstance(event.details, dict) else None
        if latest.get(event.entity_id) is None:
            latest[event.entity_id] = state
    return latest


def _check_applications(connection: Connection, apps: Sequence[Any],
                        report: RecordsReport) -> None:
    actual = application_states(connection, apps)
    recorded = _latest_states(connection, "application", list(actual))
    for row in apps:
        report.checked += 1
        if row.uuid not in recorded:
            report.add(f"application {row.tracking_number} has no audit event: it was added "
                       "outside the counter")
        elif recorded[row.uuid] is None:
            report.not_covered += 1
        elif recorded[row.uuid] != actual[row.uuid]:
            report.add(f"application {row.tracking_number} was changed after its last audited "
                       "step (its application, status, payment, document, print or finding rows no "
                       "longer match the audit trail)")


def _check_deleted_applications(connection: Connection, report: RecordsReport) -> None:
    missing = connection.execute(
        select(_EVENT.c.entity_id, _EVENT.c.details)
        .where(_EVENT.c.entity_type == "application",
               _EVENT.c.entity_id.not_in(select(APP.c.uuid)))
        .order_by(_EVENT.c.id))
    seen: set[str] = set()
    for event in missing:
        if event.entity_id in seen:
            continue
        seen.add(event.entity_id)
        details = event.details if isinstance(event.details, dict) else {}
        report.add(f"application {details.get('tracking_number', event.entity_id)} is in the "
                   "audit trail but its record was deleted")


def _check_users(connection: Connection, report: RecordsReport) -> None:
    users = connection.execute(select(_USER)).all()
    roles = _roles_by_user(connection, [u.id for u in users])
    recorded = _latest_states(connection, "user", [u.username for u in users])
    for user in users:
        report.checked += 1
        state = recorded.get(user.username)
        if user.username not in recorded:
            report.add(f"account '{user.username}' has no audit event: it was added outside "
                       "the counter")
        elif state is None:
            report.not_covered += 1
        elif state != user_digest(dict(user._mapping), roles[user.id]):
            report.add(f"account '{user.username}' was changed outside the counter (its name, "
                       "role, password or switch no longer match the audit trail)")
