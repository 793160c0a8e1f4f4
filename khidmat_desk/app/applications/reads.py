"""Reading applications: search, one application in full, a citizen's details and open
applications. Every read returns frozen dataclasses, never ORM objects."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from khidmat_desk.app.applications.record import APP
from khidmat_desk.app.applications.results import (
    ApplicationDetail,
    ApplicationNotFound,
    ApplicationSummary,
    FindResult,
    PaymentInfo,
    StatusChangeInfo,
)
from khidmat_desk.app.finding_records import finding_of
from khidmat_desk.core import validators, workflow
from khidmat_desk.core.records import ApplicantProfile, SearchKind, classify_query
from khidmat_desk.core.tracking import parse_tracking_number
from khidmat_desk.core.workflow import Status
from khidmat_desk.store import search
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import (
    Applicant,
    DocumentReceived,
    Payment,
    StatusChange,
    User,
)
from khidmat_desk.sync.protocol import RecordApplicant, RecordDocument

MAX_FIND_LIMIT = 500

#: ID types that share NADRA's 13-digit number space: one person, whichever card they showed.
NADRA_ID_TYPES: tuple[str, ...] = ("cnic", "b-form", "nicop")



def find_applications(db: Database, text: str, *, limit: int = 50) -> FindResult:
    """Search by tracking number, CNIC, mobile, plate or name prefix; newest first.

    Raises `TrackingNumberError` for a mistyped tracking number and `EmptyQueryError` for a
    line too short to search for: both carry a message for the officer.
    """
    query = classify_query(text)
    limit = max(1, min(limit, MAX_FIND_LIMIT))
    with db.read() as session:
        if query.kind == SearchKind.TRACKING:
            found = search.id_by_tracking(session, query.value)
            ids = [found] if found is not None else []
        elif query.kind == SearchKind.NAME:
            ids = search.ids_by_name_prefix(session, query.value, limit=limit)
        else:
            ids = search.ids_by_key(session, query.kind, query.value, limit=limit)
        rows = search.summary_rows(session, ids)
    return FindResult(query.kind, query.value, tuple(summary_from_row(row) for row in rows))


def summary_from_row(row: Any) -> ApplicationSummary:
    """A summary from any row holding the summary columns (see store.search.SUMMARY_COLUMNS)."""
    return ApplicationSummary(
        uuid=row.uuid, tracking_number=row.tracking_number, service_code=row.service_code,
        status=Status(row.status), name=row.display_name, centre_code=row.centre_code,
        counter=row.counter, created_at=row.created_at, expected_on=row.expected_on,
        version=row.version, fee_total=row.fee_total)


def get_application(db: Database, tracking: str) -> ApplicationDetail:
    """Everything about one application: answers, payment, documents and status history."""
    number = str(parse_tracking_number(tracking))
    with db.read() as session:
        detail = read_detail(session, APP.c.tracking_number == number)
    if detail is None:
        raise ApplicationNotFound(number)
    return detail


def read_detail(session: Session, which: ColumnElement[bool]) -> ApplicationDetail | None:
    """The one application ``which`` selects, read whole inside the caller's transaction."""
    row = session.execute(
        select(APP, User.username, Applicant.id_type.label("holder_id_type"),
               Applicant.id_number.label("holder_id_number"))
        .join(User, User.id == APP.c.officer_id)
        .outerjoin(Applicant, Applicant.id == APP.c.applicant_id).where(which)).one_or_none()
    if row is None:
        return None
    return ApplicationDetail(
        uuid=row.uuid, tracking_number=row.tracking_number, centre_code=row.centre_code,
        counter=row.counter, service_code=row.service_code, status=Status(row.status),
        version=row.version, name=row.display_name, answers=row.answers,
        token_no=row.token_no, fee_total=row.fee_total, expected_on=row.expected_on,
        created_at=row.created_at, updated_at=row.updated_at, officer=row.username,
        payment=payment_of(session, row.id), documents=documents_of(session, row.id),
        history=_history(session, row.id), officer_id=row.officer_id,
        finding=finding_of(session, row.id, row.service_code),
        applicant=None if row.holder_id_type is None else RecordApplicant(row.holder_id_type,
                                                                      row.holder_id_number))


def payment_of(session: Session, app_id: int) -> PaymentInfo | None:
    row = session.execute(
        select(Payment.amount_pkr, Payment.method, User.username, Payment.at, Payment.items)
        .join(User, User.id == Payment.received_by)
        .where(Payment.application_id == app_id).order_by(Payment.id)).first()
    if row is None:
        return None
    return PaymentInfo(row.amount_pkr, row.method, row.username, row.at, tuple(row.items))


def documents_of(session: Session, app_id: int) -> tuple[RecordDocument, ...]:
    rows = session.execute(select(DocumentReceived.doc_key, DocumentReceived.label)
                           .where(DocumentReceived.application_id == app_id)
                           .order_by(DocumentReceived.id))
    return tuple(RecordDocument(r.doc_key, r.label) for r in rows)


def _history(session: Session, app_id: int) -> tuple[StatusChangeInfo, ...]:
    rows = session.execute(
        select(StatusChange.from_status, StatusChange.to_status, StatusChange.reason,
               User.username, StatusChange.at, StatusChange.version)
        .join(User, User.id == StatusChange.user_id)
        .where(StatusChange.application_id == app_id).order_by(StatusChange.version))
    return tuple(StatusChangeInfo(None if r.from_status is None else Status(r.from_status),
                                  Status(r.to_status), r.reason, r.username, r.at, r.version)
                 for r in rows)


def applicant_by_id(db: Database, id_type: str, id_number: str) -> ApplicantProfile | None:
    """The person last seen with this identity document, to prefill a new application."""
    number = validators.compact_id(id_number)
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
    number = validators.compact_id(cnic)
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
