"""Recording the police finding: what makes an application verified or rejected.

Only a verifier or the in-charge records a finding, never on an application they took in
themselves (segregation of duties): the in-charge may, but only with a reason, which is kept
with the finding and in the audit. The finding, the status it sets (walking through
in-verification when the application was still submitted), the audit events and the sync
record are written in one transaction. An application decided elsewhere (the central server's
status) can still be given its finding, with the same outcome; one finding per application.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from khidmat_desk.app.applications import (
    APP,
    ApplicationError,
    ApplicationNotFound,
    apply_status_change,
    centre_date,
    locked_application_by_uuid,
    utc_moment,
)
from khidmat_desk.auth.users import PermissionDenied, UserInfo, acting_user
from khidmat_desk.core import workflow
from khidmat_desk.core.findings import CheckedFinding, check_finding
from khidmat_desk.core.tracking import parse_tracking_number
from khidmat_desk.store.audit import append_event
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import Finding, User

log = logging.getLogger("khidmat.findings")


class FindingRefused(ApplicationError):  # noqa: N818 - public name used by the GUI and CLI
    """The finding cannot be recorded now; ``str()`` says why and what to do."""


@dataclass(frozen=True)
class FindingResult:
    tracking_number: str
    outcome: str
    record_status: str
    version: int
    override: bool


def record_finding(db: Database, tracking: str, *, user: UserInfo, outcome: str,
                   record_status: str, reference: str, reference_date: date | None = None,
                   remark: str = "", override_reason: str | None = None,
                   now: datetime | None = None) -> FindingResult:
    """Record what the police found and set the application verified or rejected."""
    number = str(parse_tracking_number(tracking))
    when = utc_moment(now)
    why = (override_reason or "").strip() or None
    with db.write() as session:
        actor = acting_user(session, user, workflow.VERIFIER)
        row = session.execute(select(APP).where(APP.c.tracking_number == number)
                              .with_for_update()).one_or_none()
        if row is None:
            raise ApplicationNotFound(number)
        _check_not_recorded(session, row.id, number)
        path = _path(row.status, outcome, number)
        why = _check_duties(actor, row.officer_id, number, why)
        checked = check_finding(row.service_code, outcome=outcome, record_status=record_status,
                                reference_no=reference, reference_date=reference_date,
                                remark=remark, today=centre_date(when))
        version = _apply(session, row, path, checked, actor, why, when)
    log.info("%s: finding %s (%s) by %s%s", number, outcome, record_status, actor.username,
             " with the in-charge's override" if why else "")
    return FindingResult(number, outcome, checked.status.key, version, why is not None)


def _check_not_recorded(session: Session, app_id: int, number: str) -> None:
    earlier = session.execute(
        select(Finding.outcome, Finding.recorded_at, User.full_name)
        .join(User, User.id == Finding.recorded_by)
        .where(Finding.application_id == app_id)).one_or_none()
    if earlier is not None:
        raise FindingRefused.told(
            "The finding on {number} was recorded by {name} on {day}; a finding is recorded "
            "once and not changed. If it was wrong, the in-charge voids the application with "
            "the reason.", number=number, name=earlier.full_name,
            day=f"{earlier.recorded_at:%d-%m-%Y}")


def _path(status: str, outcome: str, number: str) -> tuple[workflow.Status, ...]:
    """The statuses to pass through; empty when the outcome was already set elsewhere."""
    if outcome not in workflow.FINDING_STATUSES:
        raise FindingRefused.told("'{outcome}' is not a finding: it is 'verified' or "
                                  "'rejected'.", outcome=outcome)
    if status == outcome:
        return ()
    path = workflow.forward_path(status, outcome) if status in workflow.FINDING_FROM else None
    if path is None:
        raise FindingRefused.told(
            "No finding can be recorded on {number} now: it is {status}. A finding is recorded "
            "while an application is submitted or in verification.", number=number,
            status=workflow.LABELS.get(status, status))
    return path


def _check_duties(actor: UserInfo, officer_id: int, number: str, why: str | None) -> str | None:
    """Segregation of duties: who took an application in does not decide on it."""
    if officer_id != actor.id:
        return None
    if not actor.may(workflow.IN_CHARGE):
        log.warning("%s was refused a finding on %s, which they took in", actor.username,
                    number)
        raise PermissionDenied.told(
            "You took in application {number} yourself, so you cannot record its finding: "
            "another verifier or the in-charge must (segregation of duties).", number=number)
    if why is None:
        raise FindingRefused.told(
            "You took in application {number} yourself. As the in-charge you may still record "
            "its finding, but only with a reason (why no other verifier can); type it.",
            number=number)
    return why


def _apply(session: Session, row: Any, path: tuple[workflow.Status, ...],
           checked: CheckedFinding, actor: UserInfo, why: str | None, when: datetime) -> int:
    current = row
    for step in path[:-1]:  # into verification, as part of deciding (forward_path's steps)
        apply_status_change(session, current, step, user=actor, reason=None, when=when)
        current = locked_application_by_uuid(session, current.uuid)
    final = workflow.Status(checked.outcome)
    if path:
        workflow.check_transition(current.status, final, actor.roles, checked.remark,
                                  with_finding=True)
    version = int(current.version) + 1
    session.add(Finding(
        application_id=current.id, outcome=final,
        record_status=checked.status.key, reference=checked.reference,
        reference_date=checked.reference_date, remark=checked.remark, override_reason=why,
        recorded_by=actor.id, recorded_at=when, version=version))
    session.flush()
    reason = checked.remark if final == workflow.REJECTED else verified_note(checked)
    apply_status_change(session, current, final, user=actor, reason=reason, when=when,
                        action="finding-recorded")
    append_event(session, actor=actor.username, action="finding-details",
                 entity_type="application", entity_id=current.uuid,
                 at=when, details={
                     "tracking_number": current.tracking_number,
                     "outcome": final, "record_status": checked.status.key,
                     "reference": checked.reference,
                     "reference_date": (checked.reference_date.isoformat()
                                        if checked.reference_date else None),
                     "version": version, "segregation_override": why})
    return version


def verified_note(checked: CheckedFinding) -> str:
    note = checked.status.label + (f" ({checked.reference})" if checked.reference else "")
    return f"{note}. {checked.remark}" if checked.remark else note
