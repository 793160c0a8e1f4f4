"""Moving an application along the workflow: each change is a new version, audited and queued
for the central server in the same transaction."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from khidmat_desk.app import day_close
from khidmat_desk.app.applications.reads import read_detail
from khidmat_desk.app.applications.record import (
    APP,
    record_version,
    sync_record,
    write_status_change,
)
from khidmat_desk.app.applications.results import ApplicationNotFound, StatusChangeResult
from khidmat_desk.auth.users import UserInfo, acting_user
from khidmat_desk.core import workflow
from khidmat_desk.core.clock import utc_moment
from khidmat_desk.core.tracking import parse_tracking_number
from khidmat_desk.core.validators import clean_free_text
from khidmat_desk.core.workflow import Status
from khidmat_desk.store.db import Database

log = logging.getLogger("khidmat.applications")


def change_status(db: Database, tracking: str, new_status: str, *, user: UserInfo,
                  reason: str | None = None, now: datetime | None = None,
                  override_reason: str | None = None) -> StatusChangeResult:
    """Move an application along the workflow; a new version, audited and queued for sync.

    Voiding an application made in a closed day or shift changes that day's figures: it needs
    the in-charge's ``override_reason`` (see app.day_close).
    """
    number = str(parse_tracking_number(tracking))
    when = utc_moment(now)
    why = clean_free_text(reason or "", multiline=True) or None
    with db.write() as session:
        actor = acting_user(session, user)
        row = locked_application(session, number)
        target = workflow.check_transition(row.status, new_status, actor.roles, why)
        if target == workflow.VOIDED:
            day_close.require_override(session, made_at=row.created_at, tracking_number=number,
                                       user=actor, override_reason=override_reason,
                                       change="voiding it", when=when)
        result = apply_status_change(session, row, target, user=actor, reason=why, when=when)
    log.info("%s: %s -> %s by %s", number, row.status, new_status, user.username)
    return result


def locked_application(session: Session, number: str) -> Any:
    """The application row with this (checked) tracking number, locked for a change in the
    caller's transaction; `ApplicationNotFound` when this counter's records lack it."""
    row = session.execute(select(APP).where(APP.c.tracking_number == number)
                          .with_for_update()).one_or_none()
    if row is None:
        raise ApplicationNotFound(number)
    return row


def locked_application_by_uuid(session: Session, uuid: str) -> Any:
    """The application row with this uuid, locked for a status change; None if not here."""
    return session.execute(select(APP).where(APP.c.uuid == uuid).with_for_update()).one_or_none()


def apply_status_change(session: Session, row: Any, new_status: Status, *, user: UserInfo,
                        reason: str | None, when: datetime,
                        action: str = "status-changed") -> StatusChangeResult:
    """Write a checked status change inside the caller's transaction: a new version, its
    status history row, an audit event and an outbox entry carrying the application as read
    back after the change."""
    reason = clean_free_text(reason, multiline=True) or None if reason else None
    version = row.version + 1
    session.execute(update(APP).where(APP.c.id == row.id).values(
        status=new_status, version=version, updated_at=when))
    write_status_change(session.connection(), row.id, Status(row.status), new_status, reason,
                        user, when, version)
    detail = read_detail(session, APP.c.id == row.id)
    if detail is None:  # the row was locked above; it cannot have gone
        raise RuntimeError(f"application {row.uuid} vanished during its status change")
    record_version(session, action, sync_record(detail), when)
    return StatusChangeResult(row.tracking_number, Status(row.status), new_status, version)
