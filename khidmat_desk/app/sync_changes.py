"""Applying status changes decided centrally (a police station's verification) at the counter.

Each change becomes ordinary workflow transitions — new versions with history, audit events
and outbox entries — made by the built-in account ``central.server``, which cannot log in.
A page of changes and its cursor are written in one transaction: applied exactly once.
A change for an application this database does not hold (another counter's) or one the
local workflow has already gone past is skipped and logged.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from khidmat_desk.app.applications import apply_status_change, locked_application_by_uuid
from khidmat_desk.auth.users import UserInfo
from khidmat_desk.core import workflow
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import User
from khidmat_desk.sync import state
from khidmat_desk.sync.changes import ChangeApplier, RemoteChange

log = logging.getLogger("khidmat.sync")

CENTRAL_USERNAME = "central.server"
#: No password hash matches this, so the account can never log in.
_NO_LOGIN = "!"


def remote_change_applier(db: Database) -> ChangeApplier:
    def apply(changes: Sequence[RemoteChange], next_cursor: int) -> int:
        return apply_remote_changes(db, changes, next_cursor)

    return apply


def apply_remote_changes(db: Database, changes: Sequence[RemoteChange], next_cursor: int, *,
                         now: datetime | None = None) -> int:
    """Apply a page of changes and move the pull cursor; returns how many moved a record."""
    when = now or datetime.now(UTC)
    applied = 0
    with db.write() as session:
        central = _central_account(session, when)
        for change in changes:
            applied += _apply_one(session, change, central, when)
        state.write(session, {state.PULL_CURSOR: next_cursor}, now=when)
    return applied


def _apply_one(session: Session, change: RemoteChange, central: UserInfo,
               when: datetime) -> int:
    row = locked_application_by_uuid(session, change.uuid)
    if row is None:
        log.debug("status change %s is for another counter's application", change.cursor)
        return 0
    path = workflow.forward_path(row.status, change.status)
    if path is None:
        log.info("%s is '%s' here; the central change to '%s' no longer applies",
                 row.tracking_number, row.status, change.status)
        return 0
    for step in path:
        reason = change.reason if step == change.status else None
        apply_status_change(session, row, step, user=central, reason=reason, when=when,
                            action="status-changed-centrally")
        row = locked_application_by_uuid(session, change.uuid)
    log.info("%s is now '%s' (decided by %s)", row.tracking_number, change.status,
             change.set_by)
    return 1


def _central_account(session: Session, when: datetime) -> UserInfo:
    user = session.scalars(select(User).where(User.username == CENTRAL_USERNAME)).first()
    if user is None:
        user = User(username=CENTRAL_USERNAME, full_name="Central server",
                    role=workflow.IN_CHARGE, password_hash=_NO_LOGIN, failed_attempts=0,
                    active=False, created_at=when, updated_at=when)
        session.add(user)
        session.flush()
    return UserInfo(user.id, user.username, user.full_name, frozenset({workflow.IN_CHARGE}))
