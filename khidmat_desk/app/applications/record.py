"""What every version of an application writes besides itself: its status history row, an
audit event (no personal data) and the outbox entry carrying the full record to the server.

The record is built by one function, `sync_record`, from the application as read (submit has it
in hand already; a status change reads it back inside its transaction), so the counter's two
writers and the central server share one declared shape: `sync.protocol.ApplicationRecord`.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime

from sqlalchemy import Connection, insert
from sqlalchemy.orm import Session

from khidmat_desk.app import day_close
from khidmat_desk.app.applications.results import ApplicationDetail, StatusChangeInfo
from khidmat_desk.auth.users import UserInfo
from khidmat_desk.core.findings import FindingFacts, FindingInfo
from khidmat_desk.core.workflow import Status
from khidmat_desk.store import outbox
from khidmat_desk.store.audit import append_event
from khidmat_desk.store.audit_state import STATE_KEY, application_state
from khidmat_desk.store.models import Application, StatusChange, table_of
from khidmat_desk.store.prepared import JsonText, Prepared
from khidmat_desk.sync.protocol import (
    ApplicationRecord,
    RecordFeeItem,
    RecordFinding,
    RecordPayment,
    RecordStatusChange,
)

OUTBOX_KIND = "application"
APP = table_of(Application)
_INSERT_STATUS = Prepared(insert(table_of(StatusChange)))


def sync_record(detail: ApplicationDetail) -> ApplicationRecord:
    """The record sent to the central server for the application's latest version (the last
    entry of its history is the change that made it)."""
    change = detail.history[-1]
    payment = detail.payment
    return ApplicationRecord(
        uuid=detail.uuid, version=detail.version, tracking_number=detail.tracking_number,
        centre_code=detail.centre_code, counter=detail.counter,
        service_code=detail.service_code, status=detail.status, answers=detail.answers,
        display_name=detail.name, token_no=detail.token_no, fee_total=detail.fee_total,
        expected_on=detail.expected_on, created_at=detail.created_at,
        updated_at=detail.updated_at, officer=detail.officer,
        applicant=detail.applicant,
        payment=None if payment is None else RecordPayment(
            amount_pkr=payment.amount_pkr, method=payment.method,
            received_by=payment.received_by, at=payment.at,
            items=tuple(RecordFeeItem(str(i["key"]), str(i["label"]), int(i["amount"]))
                        for i in payment.items)),
        documents_received=detail.documents,
        status_change=RecordStatusChange(change.from_status, change.to_status, change.reason,
                                         change.user, change.at, change.version),
        finding=_finding(detail.finding),
    )


def _finding(found: FindingInfo | None) -> RecordFinding | None:
    if found is None:
        return None
    return RecordFinding(**{f.name: getattr(found, f.name) for f in fields(FindingFacts)})


def record_version(session: Session | Connection, action: str, record: ApplicationRecord,
                   when: datetime, *, state: str | None = None,
                   answers: JsonText | None = None) -> bool:
    """Audit event (no personal data: the record is in the outbox) and outbox entry, by the
    user who made the change; a version made in a closed day or shift is flagged as late there
    (after the audit event, whose lock orders it after any close): True when it was late.

    ``state`` is the digest of the record as this version leaves it, when the caller made it
    from the values it wrote; otherwise it is read back from the database. ``answers`` is the
    record's answers as the caller spelled them for its own row, spelled into the outbox
    entry's payload as they are."""
    change = record.status_change
    append_event(session, actor=change.by, action=action, entity_type="application",
                 entity_id=record.uuid, at=when, details={
                     "tracking_number": record.tracking_number,
                     "service_code": record.service_code, "version": record.version,
                     "from": change.from_status, "to": change.to_status,
                     "reason": change.reason,
                     STATE_KEY: state or application_state(session, record.uuid)})
    late = day_close.note_if_late(
        session, uuid=record.uuid, version=record.version, kind=OUTBOX_KIND,
        tracking_number=record.tracking_number, made_at=when, noted_at=when,
        what=f"{action.replace('-', ' ')} after the close ({change.from_status or 'new'} -> "
             f"{change.to_status})")
    payload = record.to_payload()
    outbox.enqueue(session, uuid=record.uuid, version=record.version, kind=OUTBOX_KIND,
                   payload=payload if answers is None
                   else JsonText.with_member(payload, "answers", answers), now=when)
    return late


def write_status_change(connection: Connection, app_id: int, old: Status | None, new: Status,
                        reason: str | None, user: UserInfo, when: datetime,
                        version: int) -> StatusChangeInfo:
    _INSERT_STATUS.execute(connection, {
        "application_id": app_id, "from_status": old, "to_status": new, "reason": reason,
        "user_id": user.id, "at": when, "version": version})
    return StatusChangeInfo(old, new, reason, user.username, when, version)
