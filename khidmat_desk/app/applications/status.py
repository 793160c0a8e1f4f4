"""Moving an application along the workflow: each change is a new version, audited and queued
for the central server in the same transaction."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from khidmat_desk.app.applications.reads import documents_of, payment_of
from khidmat_desk.app.applications.record import (
    APP,
    record_payload,
    record_version,
    utc_moment,
    write_status_change,
)
from khidmat_desk.app.applications.results import ApplicationNotFound, StatusChangeResult
from khidmat_desk.app.finding_records import finding_of, finding_payload
from khidmat_desk.auth.users import UserInfo, acting_user
from khidmat_desk.core import workflow
from khidmat_desk.core.records import ApplicantProfile
from khidmat_desk.core.tracking import parse_tracking_number
from khidmat_desk.core.workflow import Status
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import Applicant, User

log = logging.getLogger("khidmat.applications")


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
        target = workflow.check_transition(row.status, new_status, actor.roles, why)
        result = apply_status_change(session, row, target, user=actor, reason=why, when=when)
    log.info("%s: %s -> %s by %s", number, row.status, new_status, user.username)
    return result


def locked_application_by_uuid(session: Session, uuid: str) -> Any:
    """The application row with this uuid, locked for a status change; None if not here."""
    return session.execute(select(APP).where(APP.c.uuid == uuid).with_for_update()).one_or_none()


def apply_status_change(session: Session, row: Any, new_status: Status, *, user: UserInfo,
                        reason: str | None, when: datetime,
                        action: str = "status-changed") -> StatusChangeResult:
    """Write a checked status change inside the caller's transaction: a new version, its
    status history row, an audit event and an outbox entry."""
    version = row.version + 1
    session.execute(update(APP).where(APP.c.id == row.id).values(
        status=new_status, version=version, updated_at=when))
    change = write_status_change(session.connection(), row.id, row.status, new_status,
                                  reason, user, when, version)
    app = {**row._asdict(), "status": new_status, "version": version, "updated_at": when}
    payload = _stored_payload(session, app, change)
    record_version(session, user, action, payload, when)
    return StatusChangeResult(row.tracking_number, Status(row.status), new_status, version)


def _stored_payload(session: Session, app: dict[str, Any],
                    change: dict[str, Any]) -> dict[str, Any]:
    officer = session.scalar(select(User.username).where(User.id == app["officer_id"]))
    applicant = None
    if app["applicant_id"] is not None:
        person = session.execute(select(Applicant.id_type, Applicant.id_number)
                                 .where(Applicant.id == app["applicant_id"])).one()
        applicant = ApplicantProfile(person.id_type, person.id_number, "", None, None)
    payment = payment_of(session, app["id"])
    documents = [{"key": d.key, "label": d.label} for d in documents_of(session, app["id"])]
    payment_dict = None if payment is None else {
        "amount_pkr": payment.amount_pkr, "method": payment.method,
        "received_by": payment.received_by, "at": payment.at, "items": payment.items}
    finding = finding_payload(finding_of(session, app["id"], app["service_code"]))
    return record_payload(app, officer or "", applicant, payment_dict, documents, change,
                          finding)
