"""Application use cases: submit, find, open, change status; prefill by CNIC; wizard drafts.

Each use case is one transaction and returns frozen dataclasses, never ORM objects, so the GUI
thread can hold results without touching the database. A save writes the application, its
search keys, payment, documents, first status, an audit event and an outbox entry together:
either all of it is on disk (fsync'd) or none of it is.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from khidmat_desk.app.finding_records import finding_of, finding_payload
from khidmat_desk.auth.users import UserInfo, acting_user, require_role
from khidmat_desk.core import workflow
from khidmat_desk.core.catalogue import Tariff, get_service, quote_fee, sla_days
from khidmat_desk.core.fields import Service
from khidmat_desk.core.findings import FindingInfo
from khidmat_desk.core.records import (
    ApplicantProfile,
    applicant_profile,
    classify_query,
    display_name,
    search_keys,
)
from khidmat_desk.core.tracking import make_tracking_number, parse_tracking_number
from khidmat_desk.core.validation import Issue, ValidationResult, validate_answers
from khidmat_desk.store import outbox, search
from khidmat_desk.store.audit import append_event
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import (
    Applicant,
    Application,
    DocumentReceived,
    Draft,
    Payment,
    StatusChange,
    User,
    table_of,
)
from khidmat_desk.store.sequences import next_sequence, uuid7

log = logging.getLogger("khidmat.applications")

#: Tracking dates and "today" are the centre's local date, whatever the PC's clock zone is.
CENTRE_TIME = ZoneInfo("Asia/Karachi")
PAYMENT_METHODS: tuple[str, ...] = ("cash", "card", "online")
MAX_FIND_LIMIT = 500
MAX_TOKEN_LENGTH = 20
#: ID types that share NADRA's 13-digit number space: one person, whichever card they showed.
NADRA_ID_TYPES: tuple[str, ...] = ("cnic", "b-form", "nicop")
OUTBOX_KIND = "application"

APP = table_of(Application)
PERSON = table_of(Applicant)
# Statements used by every save are built once (building them costs more than running them).
_INSERT_APP = insert(APP).returning(APP.c.id)
_INSERT_PAYMENT = insert(table_of(Payment))
_INSERT_DOCUMENT = insert(table_of(DocumentReceived))
_INSERT_STATUS = insert(table_of(StatusChange))


def _person_upsert(dialect_name: str) -> Any:
    """One statement that adds the person or refreshes them, merging details newest-first.

    An empty Urdu name or mobile this time keeps the one recorded before.
    """
    dialect_insert = postgresql.insert if dialect_name == "postgresql" else sqlite.insert
    new = dialect_insert(PERSON)
    merged = (func.json_patch(PERSON.c.details, new.excluded.details) if dialect_name == "sqlite"
              else PERSON.c.details.op("||")(new.excluded.details))
    return new.on_conflict_do_update(
        index_elements=["id_type", "id_number"],
        set_={
            "name": new.excluded.name,
            "name_ur": func.coalesce(func.nullif(new.excluded.name_ur, ""), PERSON.c.name_ur),
            "mobile": func.coalesce(func.nullif(new.excluded.mobile, ""), PERSON.c.mobile),
            "details": merged,
            "last_seen_at": new.excluded.last_seen_at,
        },
    ).returning(PERSON.c.id)


_UPSERT_PERSON = {name: _person_upsert(name) for name in ("sqlite", "postgresql")}


# ---------------------------------------------------------------------------------------------
# Results and errors
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SubmitResult:
    uuid: str
    tracking_number: str
    fee_total: int
    expected_on: date
    warnings: tuple[Issue, ...] = ()


@dataclass(frozen=True)
class ApplicationSummary:
    uuid: str
    tracking_number: str
    service_code: str
    status: str
    name: str
    centre_code: str
    counter: int
    created_at: datetime
    expected_on: date
    version: int
    fee_total: int


@dataclass(frozen=True)
class FindResult:
    kind: str  # tracking | cnic | mobile | plate | name
    query: str  # the normalised value searched for
    items: tuple[ApplicationSummary, ...]


@dataclass(frozen=True)
class PaymentInfo:
    amount_pkr: int
    method: str
    received_by: str
    at: datetime
    items: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class DocumentInfo:
    key: str
    label: str


@dataclass(frozen=True)
class StatusChangeInfo:
    from_status: str | None
    to_status: str
    reason: str | None
    user: str
    at: datetime
    version: int


@dataclass(frozen=True)
class ApplicationDetail:
    uuid: str
    tracking_number: str
    centre_code: str
    counter: int
    service_code: str
    status: str
    version: int
    name: str
    answers: dict[str, Any]
    token_no: str | None
    fee_total: int
    expected_on: date
    created_at: datetime
    updated_at: datetime
    officer: str
    payment: PaymentInfo | None
    documents: tuple[DocumentInfo, ...]
    history: tuple[StatusChangeInfo, ...]
    officer_id: int | None = None
    finding: FindingInfo | None = None


@dataclass(frozen=True)
class StatusChangeResult:
    tracking_number: str
    from_status: str
    to_status: str
    version: int


@dataclass(frozen=True)
class DraftInfo:
    uuid: str
    service_code: str
    answers: dict[str, Any]
    step: str
    updated_at: datetime


class ApplicationError(Exception):
    """A known problem with a request; ``str()`` is the message for the officer."""


class ValidationFailed(ApplicationError):  # noqa: N818 - public name used by the GUI and CLI
    """The answers have errors; nothing was written. ``result`` holds every issue."""

    def __init__(self, result: ValidationResult) -> None:
        self.result = result
        errors = result.errors
        listed = "; ".join(str(issue) for issue in errors[:3])
        more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
        super().__init__(f"The application was not saved. Please correct: {listed}{more}.")


class ApplicationNotFound(ApplicationError):  # noqa: N818 - public name used by the GUI and CLI
    def __init__(self, tracking_number: str) -> None:
        self.tracking_number = tracking_number
        super().__init__(f"No application with tracking number {tracking_number} is in this "
                         "counter's records. Check the number on the receipt.")


class InvalidRequest(ApplicationError):  # noqa: N818 - public name used by the GUI and CLI
    """A bad value outside the answers (counter, token, payment method, document list)."""


# ---------------------------------------------------------------------------------------------
# Submitting
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Plan:
    """Everything a save writes that can be worked out before the transaction starts."""

    service: Service
    answers: dict[str, Any]
    warnings: tuple[Issue, ...]
    day: date
    fee_total: int
    fee_items: list[dict[str, Any]]
    expected_on: date
    name: str
    profile: ApplicantProfile | None
    keys: list[tuple[str, str]]
    documents: list[dict[str, str]]
    token_no: str | None


def add_working_days(start: date, days: int) -> date:
    """``days`` working days after ``start``; Sunday is the weekly holiday."""
    day = start
    while days > 0:
        day += timedelta(days=1)
        if day.weekday() != 6:
            days -= 1
    return day


def centre_date(moment: datetime) -> date:
    return moment.astimezone(CENTRE_TIME).date()


def submit_application(
    db: Database, *, service_code: str, answers: Mapping[str, Any], user: UserInfo,
    centre_code: str, counter: int, tariff: Tariff, token_no: str | None = None,
    payment_method: str = "cash", documents_received: Iterable[str] = (),
    now: datetime | None = None, application_uuid: str | None = None,
) -> SubmitResult:
    """Validate and save a new application (version 1, status submitted) in one transaction.

    ``application_uuid`` is the wizard draft's uuid: the draft is removed in the same
    transaction, and submitting the same uuid again returns the first result instead of
    saving a second copy.
    """
    when = utc_moment(now)
    require_role(user, workflow.OFFICER)
    plan = _plan(service_code, answers, tariff, token_no, documents_received, when)
    _check_request(centre_code, counter, payment_method, plan.day)
    with db.write() as session:
        if application_uuid is not None:
            earlier = _existing_result(session, application_uuid, plan.warnings)
            if earlier is not None:
                return earlier
        result = _save_new(session, plan, user=user, centre_code=centre_code.strip().upper(),
                           counter=counter, method=payment_method, when=when,
                           uuid=application_uuid or uuid7(),
                           from_draft=application_uuid is not None)
    log.info("saved %s (%s) by %s", result.tracking_number, service_code, user.username)
    return result


def _plan(service_code: str, answers: Mapping[str, Any], tariff: Tariff, token_no: str | None,
          documents: Iterable[str], when: datetime) -> _Plan:
    service = get_service(service_code)
    local = when.astimezone(CENTRE_TIME)
    checked = validate_answers(service, answers, today=local.date(),
                               now=local.replace(tzinfo=None))
    if not checked.ok:
        raise ValidationFailed(checked)
    clean = checked.answers
    quote = quote_fee(service, clean, tariff)
    return _Plan(
        service=service, answers=clean, warnings=checked.warnings, day=local.date(),
        fee_total=quote.total,
        fee_items=[{"key": i.key, "label": i.label, "amount": i.amount} for i in quote.items],
        expected_on=add_working_days(local.date(), sla_days(service, tariff)),
        name=display_name(service, clean), profile=applicant_profile(service, clean),
        keys=search_keys(service, clean), documents=_documents(service, documents),
        token_no=_token(token_no),
    )


def _documents(service: Service, keys: Iterable[str]) -> list[dict[str, str]]:
    labels = {d.key: d.label for d in service.documents}
    chosen: list[dict[str, str]] = []
    for key in dict.fromkeys(keys):
        if key not in labels:
            raise InvalidRequest(f"'{key}' is not on the document checklist of "
                                 f"{service.title}; the checklist is: {', '.join(labels)}.")
        chosen.append({"key": key, "label": labels[key]})
    return chosen


def _token(token_no: str | None) -> str | None:
    token = (token_no or "").strip()
    if len(token) > MAX_TOKEN_LENGTH:
        raise InvalidRequest(f"The token number can have at most {MAX_TOKEN_LENGTH} characters.")
    return token or None


def _check_request(centre_code: str, counter: int, method: str, day: date) -> None:
    if method not in PAYMENT_METHODS:
        raise InvalidRequest(f"'{method}' is not a payment method; use one of: "
                             f"{', '.join(PAYMENT_METHODS)}.")
    try:
        make_tracking_number(centre_code, day, counter, 1)
    except ValueError as exc:
        raise InvalidRequest(f"This counter is not set up correctly: {exc}.") from exc


def _save_new(session: Session, plan: _Plan, *, user: UserInfo, centre_code: str, counter: int,
              method: str, when: datetime, uuid: str, from_draft: bool) -> SubmitResult:
    connection = session.connection()
    sequence = next_sequence(session, centre_code, counter, plan.day)
    tracking = str(make_tracking_number(centre_code, plan.day, counter, sequence))
    applicant_id = _upsert_applicant(connection, plan.profile, when)
    app = {
        "uuid": uuid, "tracking_number": tracking, "centre_code": centre_code,
        "counter": counter, "service_code": plan.service.code, "status": workflow.SUBMITTED,
        "answers": plan.answers, "version": 1, "applicant_id": applicant_id,
        "officer_id": user.id, "token_no": plan.token_no, "fee_total": plan.fee_total,
        "expected_on": plan.expected_on, "display_name": plan.name,
        "created_at": when, "updated_at": when,
    }
    app_id = int(connection.execute(_INSERT_APP, app).scalar_one())
    search.write_keys(session, app_id, plan.keys)
    payment = _write_payment(connection, app_id, plan, method, user, when)
    if plan.documents:
        connection.execute(_INSERT_DOCUMENT, [
            {"application_id": app_id, "doc_key": d["key"], "label": d["label"]}
            for d in plan.documents])
    change = _write_status_change(connection, app_id, None, workflow.SUBMITTED, None, user,
                                  when, 1)
    if from_draft:
        connection.execute(delete(Draft).where(Draft.uuid == uuid))
    payload = record_payload(app, user.username, plan.profile, payment, plan.documents, change)
    _record(session, user, "application-submitted", payload, when)
    return SubmitResult(uuid, tracking, plan.fee_total, plan.expected_on, plan.warnings)


def _write_payment(connection: Connection, app_id: int, plan: _Plan, method: str,
                   user: UserInfo, when: datetime) -> dict[str, Any] | None:
    """A payment row for a paid service; a free service records no payment."""
    if plan.fee_total <= 0:
        return None
    payment = {"application_id": app_id, "amount_pkr": plan.fee_total, "method": method,
               "received_by": user.id, "at": when, "items": plan.fee_items}
    connection.execute(_INSERT_PAYMENT, payment)
    return {**payment, "received_by": user.username}


def _write_status_change(connection: Connection, app_id: int, old: str | None, new: str,
                         reason: str | None, user: UserInfo, when: datetime,
                         version: int) -> dict[str, Any]:
    connection.execute(_INSERT_STATUS, [{
        "application_id": app_id, "from_status": old, "to_status": new, "reason": reason,
        "user_id": user.id, "at": when, "version": version}])
    return {"from": old, "to": new, "reason": reason, "by": user.username,
            "at": _iso(when), "version": version}


def _upsert_applicant(connection: Connection, profile: ApplicantProfile | None,
                      when: datetime) -> int | None:
    """The person's row, created on the first visit and refreshed with the latest details.

    Details are merged, newest winning, so a short service (a lost-document report) does not
    erase the addresses a longer one (police verification) recorded.
    """
    if profile is None:
        return None
    return int(connection.execute(_UPSERT_PERSON[connection.dialect.name], {
        "id_type": profile.id_type, "id_number": profile.id_number, "name": profile.name,
        "name_ur": profile.name_ur or "", "mobile": profile.mobile or "",
        "details": profile.details, "first_seen_at": when, "last_seen_at": when,
    }).scalar_one())


def _existing_result(session: Session, uuid: str,
                     warnings: tuple[Issue, ...]) -> SubmitResult | None:
    row = session.execute(
        select(APP.c.tracking_number, APP.c.fee_total, APP.c.expected_on)
        .where(APP.c.uuid == uuid)).one_or_none()
    if row is None:
        return None
    log.info("application %s was already saved as %s; not saving again", uuid,
             row.tracking_number)
    return SubmitResult(uuid, row.tracking_number, row.fee_total, row.expected_on, warnings)


# ---------------------------------------------------------------------------------------------
# The record sent to the central server, and the audit event, for every version
# ---------------------------------------------------------------------------------------------


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def record_payload(app: Mapping[str, Any], officer: str, applicant: ApplicantProfile | None,
                   payment: Mapping[str, Any] | None, documents: list[dict[str, str]],
                   change: dict[str, Any], finding: dict[str, Any] | None = None
                   ) -> dict[str, Any]:
    """The full, JSON-safe record at this version: what the outbox carries to the server.

    ``finding`` is the police finding once one is recorded (see `finding_payload`).
    """
    return {
        "uuid": app["uuid"], "version": app["version"],
        "tracking_number": app["tracking_number"], "centre_code": app["centre_code"],
        "counter": app["counter"], "service_code": app["service_code"],
        "status": app["status"], "answers": app["answers"], "display_name": app["display_name"],
        "token_no": app["token_no"], "fee_total": app["fee_total"],
        "expected_on": app["expected_on"].isoformat(), "created_at": _iso(app["created_at"]),
        "updated_at": _iso(app["updated_at"]), "officer": officer,
        "applicant": None if applicant is None else {
            "id_type": applicant.id_type, "id_number": applicant.id_number},
        "payment": None if payment is None else {
            "amount_pkr": payment["amount_pkr"], "method": payment["method"],
            "received_by": payment["received_by"], "at": _iso(payment["at"]),
            "items": list(payment["items"])},
        "documents_received": [dict(d) for d in documents],
        "status_change": change,
        "finding": finding,
    }


def _record(session: Session, user: UserInfo, action: str, payload: dict[str, Any],
            when: datetime) -> None:
    """Audit event (no personal data: the record is in the outbox) and outbox entry."""
    change = payload["status_change"]
    append_event(session, actor=user.username, action=action, entity_type="application",
                 entity_id=payload["uuid"], at=when, details={
                     "tracking_number": payload["tracking_number"],
                     "service_code": payload["service_code"], "version": payload["version"],
                     "from": change["from"], "to": change["to"], "reason": change["reason"]})
    outbox.enqueue(session, uuid=payload["uuid"], version=payload["version"], kind=OUTBOX_KIND,
                   payload=payload, now=when)


# ---------------------------------------------------------------------------------------------
# Status changes
# ---------------------------------------------------------------------------------------------


def change_status(db: Database, tracking: str, new_status: str, *, user: UserInfo,
                  reason: str | None = None, now: datetime | None = None) -> StatusChangeResult:
    """Move an application along the workflow; a new version, audited and queued for sync."""
    number = str(parse_tracking_number(tracking))
    when = utc_moment(now)
    why = (reason or "").strip() or None
    with db.write() as session:
        actor = acting_user(session, user)
        row = session.execute(select(APP).where(APP.c.tracking_number == number)
                              .with_for_update()).one_or_none()
        if row is None:
            raise ApplicationNotFound(number)
        workflow.check_transition(row.status, new_status, actor.roles, why)
        result = apply_status_change(session, row, new_status, user=actor, reason=why,
                                     when=when)
    log.info("%s: %s -> %s by %s", number, row.status, new_status, user.username)
    return result


def locked_application_by_uuid(session: Session, uuid: str) -> Any:
    """The application row with this uuid, locked for a status change; None if not here."""
    return session.execute(select(APP).where(APP.c.uuid == uuid).with_for_update()).one_or_none()


def apply_status_change(session: Session, row: Any, new_status: str, *, user: UserInfo,
                        reason: str | None, when: datetime,
                        action: str = "status-changed") -> StatusChangeResult:
    """Write a checked status change inside the caller's transaction: a new version, its
    status history row, an audit event and an outbox entry."""
    version = row.version + 1
    session.execute(update(APP).where(APP.c.id == row.id).values(
        status=new_status, version=version, updated_at=when))
    change = _write_status_change(session.connection(), row.id, row.status, new_status,
                                  reason, user, when, version)
    app = {**row._asdict(), "status": new_status, "version": version, "updated_at": when}
    payload = _stored_payload(session, app, change)
    _record(session, user, action, payload, when)
    return StatusChangeResult(row.tracking_number, row.status, new_status, version)


def _stored_payload(session: Session, app: dict[str, Any],
                    change: dict[str, Any]) -> dict[str, Any]:
    officer = session.scalar(select(User.username).where(User.id == app["officer_id"]))
    applicant = None
    if app["applicant_id"] is not None:
        person = session.execute(select(Applicant.id_type, Applicant.id_number)
                                 .where(Applicant.id == app["applicant_id"])).one()
        applicant = ApplicantProfile(person.id_type, person.id_number, "", None, None)
    payment = _payment(session, app["id"])
    documents = [{"key": d.key, "label": d.label} for d in _documents_of(session, app["id"])]
    payment_dict = None if payment is None else {
        "amount_pkr": payment.amount_pkr, "method": payment.method,
        "received_by": payment.received_by, "at": payment.at, "items": payment.items}
    finding = finding_payload(finding_of(session, app["id"], app["service_code"]))
    return record_payload(app, officer or "", applicant, payment_dict, documents, change,
                          finding)


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------


def find_applications(db: Database, text: str, *, limit: int = 50) -> FindResult:
    """Search by tracking number, CNIC, mobile, plate or name prefix; newest first.

    Raises `TrackingNumberError` for a mistyped tracking number and `EmptyQueryError` for a
    line too short to search for: both carry a message for the officer.
    """
    query = classify_query(text)
    limit = max(1, min(limit, MAX_FIND_LIMIT))
    with db.read() as session:
        if query.kind == "tracking":
            found = search.id_by_tracking(session, query.value)
            ids = [found] if found is not None else []
        elif query.kind == "name":
            ids = search.ids_by_name_prefix(session, query.value, limit=limit)
        else:
            ids = search.ids_by_key(session, query.kind, query.value, limit=limit)
        rows = search.summary_rows(session, ids)
    return FindResult(query.kind, query.value, tuple(summary_from_row(row) for row in rows))


def summary_from_row(row: Any) -> ApplicationSummary:
    """A summary from any row holding the summary columns (see store.search.SUMMARY_COLUMNS)."""
    return ApplicationSummary(
        uuid=row.uuid, tracking_number=row.tracking_number, service_code=row.service_code,
        status=row.status, name=row.display_name, centre_code=row.centre_code,
        counter=row.counter, created_at=row.created_at, expected_on=row.expected_on,
        version=row.version, fee_total=row.fee_total)


def get_application(db: Database, tracking: str) -> ApplicationDetail:
    """Everything about one application: answers, payment, documents and status history."""
    number = str(parse_tracking_number(tracking))
    with db.read() as session:
        row = session.execute(select(APP, User.username).join(User, User.id == APP.c.officer_id)
                              .where(APP.c.tracking_number == number)).one_or_none()
        if row is None:
            raise ApplicationNotFound(number)
        return ApplicationDetail(
            uuid=row.uuid, tracking_number=row.tracking_number, centre_code=row.centre_code,
            counter=row.counter, service_code=row.service_code, status=row.status,
            version=row.version, name=row.display_name, answers=row.answers,
            token_no=row.token_no, fee_total=row.fee_total, expected_on=row.expected_on,
            created_at=row.created_at, updated_at=row.updated_at, officer=row.username,
            payment=_payment(session, row.id), documents=_documents_of(session, row.id),
            history=_history(session, row.id), officer_id=row.officer_id,
            finding=finding_of(session, row.id, row.service_code))


def _payment(session: Session, app_id: int) -> PaymentInfo | None:
    row = session.execute(
        select(Payment.amount_pkr, Payment.method, User.username, Payment.at, Payment.items)
        .join(User, User.id == Payment.received_by)
        .where(Payment.application_id == app_id).order_by(Payment.id)).first()
    if row is None:
        return None
    return PaymentInfo(row.amount_pkr, row.method, row.username, row.at, tuple(row.items))


def _documents_of(session: Session, app_id: int) -> tuple[DocumentInfo, ...]:
    rows = session.execute(select(DocumentReceived.doc_key, DocumentReceived.label)
                           .where(DocumentReceived.application_id == app_id)
                           .order_by(DocumentReceived.id))
    return tuple(DocumentInfo(r.doc_key, r.label) for r in rows)


def _history(session: Session, app_id: int) -> tuple[StatusChangeInfo, ...]:
    rows = session.execute(
        select(StatusChange.from_status, StatusChange.to_status, StatusChange.reason,
               User.username, StatusChange.at, StatusChange.version)
        .join(User, User.id == StatusChange.user_id)
        .where(StatusChange.application_id == app_id).order_by(StatusChange.version))
    return tuple(StatusChangeInfo(r.from_status, r.to_status, r.reason, r.username, r.at,
                                  r.version) for r in rows)


def applicant_by_id(db: Database, id_type: str, id_number: str) -> ApplicantProfile | None:
    """The person last seen with this identity document, to prefill a new application."""
    number = "".join(id_number.split()).replace("-", "").upper()
    with db.read() as session:
        row = session.execute(select(Applicant).where(
            Applicant.id_type == id_type, Applicant.id_number == number)).scalar_one_or_none()
        if row is None:
            return None
        return ApplicantProfile(id_type=row.id_type, id_number=row.id_number, name=row.name,
                                name_ur=row.name_ur or None, mobile=row.mobile or None,
                                details=dict(row.details or {}))


def open_applications_for(db: Database, service_code: str,
                          cnic: str) -> tuple[ApplicationSummary, ...]:
    """Applications for the same service and person that are not finished yet, newest first.

    The wizard warns before a second application is taken for the same thing.
    """
    number = "".join(cnic.split()).replace("-", "")
    with db.read() as session:
        people = select(Applicant.id).where(Applicant.id_number == number,
                                            Applicant.id_type.in_(NADRA_ID_TYPES))
        ids = session.execute(
            select(APP.c.id).where(APP.c.applicant_id.in_(people),
                                   APP.c.service_code == service_code,
                                   APP.c.status.not_in(workflow.FINAL_STATUSES))
            .order_by(APP.c.id.desc())).scalars().all()
        rows = search.summary_rows(session, list(ids))
    return tuple(summary_from_row(row) for row in rows)


# ---------------------------------------------------------------------------------------------
# Drafts: the wizard saves as the officer types; submitting with the draft's uuid removes it
# ---------------------------------------------------------------------------------------------


def save_draft(db: Database, *, user: UserInfo, service_code: str, answers: Mapping[str, Any],
               step: str, draft_uuid: str | None = None, now: datetime | None = None) -> str:
    """Create or overwrite a draft; returns its uuid (also the application's uuid later)."""
    get_service(service_code)
    key = draft_uuid or uuid7()
    when = utc_moment(now)
    with db.write() as session:
        draft = session.get(Draft, key)
        if draft is None:
            session.add(Draft(uuid=key, user_id=user.id, service_code=service_code,
                              answers=dict(answers), step=step, updated_at=when))
        else:
            draft.answers, draft.step, draft.updated_at = dict(answers), step, when
    return key


def list_drafts(db: Database, user: UserInfo) -> tuple[DraftInfo, ...]:
    with db.read() as session:
        drafts = session.scalars(select(Draft).where(Draft.user_id == user.id)
                                 .order_by(Draft.updated_at.desc())).all()
        return tuple(DraftInfo(d.uuid, d.service_code, dict(d.answers), d.step, d.updated_at)
                     for d in drafts)


def discard_draft(db: Database, draft_uuid: str) -> None:
    with db.write() as session:
        session.execute(delete(Draft).where(Draft.uuid == draft_uuid))


def utc_moment(now: datetime | None) -> datetime:
    """``now`` (which must carry a time zone) in UTC, or the current moment."""
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None:
        raise ValueError("'now' must carry a time zone")
    return now.astimezone(UTC)

