"""Submitting an application: validate, then save everything in one transaction.

A save writes the application, its search keys, payment, documents, first status, an audit
event and an outbox entry together: either all of it is on disk (fsync'd) or none of it is.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite

from khidmat_desk.app.applications.record import (
    APP,
    record_version,
    write_status_change,
)
from khidmat_desk.app.applications.results import (
    InvalidRequest,
    SubmitResult,
    ValidationFailed,
)
from khidmat_desk.auth.users import UserInfo, require_role
from khidmat_desk.core import clock, workflow
from khidmat_desk.core.catalogue import (
    Tariff,
    fee_not_set_message,
    get_service,
    quote_fee,
    sla_days,
)
from khidmat_desk.core.clock import utc_moment
from khidmat_desk.core.fields import Service
from khidmat_desk.core.intake import Intake, missing_documents
from khidmat_desk.core.issues import Issue, IssueLevel
from khidmat_desk.core.records import (
    ApplicantProfile,
    SearchKind,
    applicant_profile,
    display_name,
    police_station,
    search_keys,
)
from khidmat_desk.core.tracking import tracking_number_text
from khidmat_desk.core.validation import validate_answers
from khidmat_desk.store import search
from khidmat_desk.store.audit_state import application_digest
from khidmat_desk.store.models import Applicant, DocumentReceived, Draft, Payment, table_of
from khidmat_desk.store.prepared import JsonText, Prepared
from khidmat_desk.store.sequences import next_sequence, uuid7
from khidmat_desk.sync.protocol import (
    ApplicationRecord,
    RecordApplicant,
    RecordDocument,
    RecordFeeItem,
    RecordPayment,
    RecordStatusChange,
)

if TYPE_CHECKING:
    from khidmat_desk.app.context import CounterContext

log = logging.getLogger("khidmat.applications")

PAYMENT_METHODS: tuple[str, ...] = ("cash", "card", "online")
MAX_TOKEN_LENGTH = 20

PERSON = table_of(Applicant)
# Statements used by every save are built once (building them costs more than running them).
_INSERT_APP = Prepared(insert(APP).returning(APP.c.id))
_INSERT_PAYMENT = Prepared(insert(table_of(Payment)))
_INSERT_DOCUMENT = Prepared(insert(table_of(DocumentReceived)))


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


_UPSERT_PERSON = {name: Prepared(_person_upsert(name)) for name in ("sqlite", "postgresql")}


@dataclass(frozen=True)
class _Plan:
    """Everything a save writes that can be worked out before the transaction starts."""

    service: Service
    answers: dict[str, Any]
    warnings: tuple[Issue, ...]
    day: date
    fee_total: int
    fee_items: list[dict[str, Any]]
    #: The same items as the record sent to the server carries them.
    fee_record: tuple[RecordFeeItem, ...]
    expected_on: date
    name: str
    profile: ApplicantProfile | None
    keys: list[tuple[SearchKind, str]]
    #: (key, label) of each document received, in the order given.
    documents: list[tuple[str, str]]
    token_no: str | None


def add_working_days(start: date, days: int) -> date:
    """``days`` working days after ``start``; Sunday is the weekly holiday."""
    # Any seven days in a row hold six working days: whole weeks are skipped at once, leaving
    # one to six working days to count one by one.
    weeks = max(days - 1, 0) // 6
    day = start + timedelta(days=7 * weeks)
    days -= 6 * weeks
    while days > 0:
        day += timedelta(days=1)
        if day.weekday() != 6:
            days -= 1
    return day


def centre_date(moment: datetime) -> date:
    """The centre's calendar day of ``moment`` (tracking dates, "today")."""
    return clock.day_of(moment)


def submit_application(ctx: CounterContext, intake: Intake, *,
                       application_uuid: str | None = None,
                       now: datetime | None = None) -> SubmitResult:
    """Validate and save a new application (version 1, status submitted) in one transaction,
    taken by the context's signed-in officer at its centre and counter.

    The answers are checked exactly as the wizard checks them, and every required document of
    the checklist must have been received, whoever calls. ``application_uuid`` is the wizard
    draft's uuid: the draft is removed in the same transaction, and submitting the same uuid
    again returns the first result instead of saving a second copy.
    """
    user = ctx.officer
    when = utc_moment(now)
    require_role(user, workflow.OFFICER)
    plan = _plan(intake, ctx.tariff, when)
    _check_request(ctx.centre_code, ctx.counter, intake.payment_method, plan.day)
    with ctx.db.write_connection() as connection:
        if application_uuid is not None:
            earlier = _existing_result(connection, application_uuid, plan.warnings)
            if earlier is not None:
                return earlier
        result = _save_new(connection, plan, user=user,
                           centre_code=ctx.centre_code.strip().upper(), counter=ctx.counter,
                           method=intake.payment_method, when=when,
                           uuid=application_uuid or uuid7(),
                           from_draft=application_uuid is not None)
    log.info("saved %s (%s) by %s", result.tracking_number, intake.service_code, user.username)
    return result


def _plan(intake: Intake, tariff: Tariff, when: datetime) -> _Plan:
    service = get_service(intake.service_code)
    local = clock.local(when)
    today, now = local.date(), local.replace(tzinfo=None)
    checked = intake.judgement
    if checked is None or not checked.holds_for(service, intake.answers, today=today, now=now):
        checked = validate_answers(service, intake.answers, today=today, now=now)
    if not checked.ok:
        raise ValidationFailed(checked)
    clean = checked.answers
    documents = _documents(service, intake.documents_received)
    missing = missing_documents(service, clean, {key for key, _ in documents})
    if missing:
        raise ValidationFailed(replace(checked, issues=checked.issues + missing))
    quote = quote_fee(service, clean, tariff)
    warnings = checked.warnings
    if quote.not_set:
        # An unknown fee is not a free service: nothing is taken, and the officer is told why.
        warnings += (Issue("fee", "Fee", fee_not_set_message(quote),
                            level=IssueLevel.WARNING),)
    return _Plan(
        service=service, answers=clean, warnings=warnings, day=today,
        fee_total=quote.total,
        fee_items=[{"key": i.key, "label": i.label, "amount": i.amount} for i in quote.items],
        fee_record=tuple(RecordFeeItem(i.key, i.label, i.amount) for i in quote.items),
        expected_on=add_working_days(today, sla_days(service, tariff)),
        name=display_name(service, clean), profile=applicant_profile(service, clean),
        keys=search_keys(service, clean),
        documents=documents,
        token_no=_token(intake.token_no),
    )


def _documents(service: Service, keys: Iterable[str]) -> list[tuple[str, str]]:
    labels = service.document_labels
    chosen: list[tuple[str, str]] = []
    for key in dict.fromkeys(keys):
        label = labels.get(key)
        if label is None:
            raise InvalidRequest.told("'{key}' is not on the document checklist of {service}; "
                                      "the checklist is: {keys}.", key=key,
                                      service=service.title, keys=", ".join(labels))
        chosen.append((key, label))
    return chosen


def _token(token_no: str | None) -> str | None:
    token = (token_no or "").strip()
    if len(token) > MAX_TOKEN_LENGTH:
        raise InvalidRequest.told("The token number can have at most {most} characters.",
                                  most=MAX_TOKEN_LENGTH)
    return token or None


def _check_request(centre_code: str, counter: int, method: str, day: date) -> None:
    if method not in PAYMENT_METHODS:
        raise InvalidRequest.told("'{method}' is not a payment method; use one of: {methods}.",
                                  method=method, methods=", ".join(PAYMENT_METHODS))
    try:
        tracking_number_text(centre_code, day, counter, 1)
    except ValueError as exc:
        raise InvalidRequest.told("This counter is not set up correctly: {problem}.",
                                  problem=exc) from exc


def _save_new(connection: Connection, plan: _Plan, *, user: UserInfo, centre_code: str,
              counter: int, method: str, when: datetime, uuid: str,
              from_draft: bool) -> SubmitResult:
    sequence = next_sequence(connection, centre_code, counter, plan.day)
    tracking = tracking_number_text(centre_code, plan.day, counter, sequence)
    applicant_id = _upsert_applicant(connection, plan.profile, when)
    app = {
        "uuid": uuid, "tracking_number": tracking, "centre_code": centre_code,
        "counter": counter, "service_code": plan.service.code, "status": workflow.SUBMITTED,
        "answers": plan.answers, "version": 1, "applicant_id": applicant_id,
        "officer_id": user.id, "token_no": plan.token_no, "fee_total": plan.fee_total,
        "expected_on": plan.expected_on, "display_name": plan.name,
        "created_at": when, "updated_at": when,
        "police_station": police_station(plan.service, plan.answers),
    }
    answers = JsonText(plan.answers)  # spelled once for the row and the outbox entry
    app_id = int(_INSERT_APP.scalar(connection, {**app, "answers": answers}))
    search.write_keys(connection, app_id, plan.keys)
    paid = _payment_row(plan, method, user, when)
    if paid is not None:
        _INSERT_PAYMENT.execute(connection, {"application_id": app_id, **paid})
    documents = [{"doc_key": key, "label": label} for key, label in plan.documents]
    if documents:
        _INSERT_DOCUMENT.execute_many(connection, [{"application_id": app_id, **d}
                                                   for d in documents])
    write_status_change(connection, app_id, None, workflow.SUBMITTED, None, user, when, 1)
    if from_draft:
        connection.execute(delete(Draft).where(Draft.uuid == uuid))
    profile = plan.profile
    # The digest of the rows just written, from the values written: what `verify_records`
    # recomputes from the database, without reading back what this transaction holds.
    state = application_digest(
        app, None if profile is None else (profile.id_type, profile.id_number),
        changes=[{"version": 1, "from_status": None, "to_status": workflow.SUBMITTED,
                  "reason": None, "user_id": user.id, "at": when}],
        payments=[] if paid is None else [paid], documents=documents, prints=())
    # The record `sync_record` makes of this application as read back, from the same values.
    record = ApplicationRecord(
        uuid=uuid, version=1, tracking_number=tracking, centre_code=centre_code,
        counter=counter, service_code=plan.service.code, status=workflow.SUBMITTED,
        answers=plan.answers, display_name=plan.name, token_no=plan.token_no,
        fee_total=plan.fee_total, expected_on=plan.expected_on, created_at=when,
        updated_at=when, officer=user.username,
        applicant=None if profile is None else RecordApplicant(profile.id_type,
                                                               profile.id_number),
        payment=None if paid is None else RecordPayment(
            amount_pkr=plan.fee_total, method=method, received_by=user.username, at=when,
            items=plan.fee_record),
        documents_received=tuple(RecordDocument(key, label) for key, label in plan.documents),
        status_change=RecordStatusChange(None, workflow.SUBMITTED, None, user.username, when,
                                         1))
    late = record_version(connection, "application-submitted", record, when, state=state,
                          answers=answers)
    return SubmitResult(uuid, tracking, plan.fee_total, plan.expected_on, late=late,
                        warnings=plan.warnings)


def _payment_row(plan: _Plan, method: str, user: UserInfo,
                 when: datetime) -> dict[str, Any] | None:
    """The payment row of a paid service (without its application id); a free service records
    no payment."""
    if plan.fee_total <= 0:
        return None
    return {"amount_pkr": plan.fee_total, "method": method, "received_by": user.id,
            "at": when, "items": plan.fee_items}


def _upsert_applicant(connection: Connection, profile: ApplicantProfile | None,
                      when: datetime) -> int | None:
    """The person's row, created on the first visit and refreshed with the latest details.

    Details are merged, newest winning, so a short service (a lost-document report) does not
    erase the addresses a longer one (police verification) recorded.
    """
    if profile is None:
        return None
    return int(_UPSERT_PERSON[connection.dialect.name].scalar(connection, {
        "id_type": profile.id_type, "id_number": profile.id_number, "name": profile.name,
        "name_ur": profile.name_ur or "", "mobile": profile.mobile or "",
        "details": profile.details, "first_seen_at": when, "last_seen_at": when,
    }))


def _existing_result(connection: Connection, uuid: str,
                     warnings: tuple[Issue, ...]) -> SubmitResult | None:
    row = connection.execute(
        select(APP.c.tracking_number, APP.c.fee_total, APP.c.expected_on)
        .where(APP.c.uuid == uuid)).one_or_none()
    if row is None:
        return None
    log.info("application %s was already saved as %s; not saving again", uuid,
             row.tracking_number)
    return SubmitResult(uuid, row.tracking_number, row.fee_total, row.expected_on,
                        warnings=warnings)
