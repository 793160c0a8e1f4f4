"""Drafts: the wizard saves as the officer types; submitting with the draft's uuid removes it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select

from khidmat_desk.app.applications.record import utc_moment
from khidmat_desk.app.applications.results import DraftInfo
from khidmat_desk.auth.users import UserInfo
from khidmat_desk.core.catalogue import get_service
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import Draft
from khidmat_desk.store.sequences import uuid7


def save_draft(db: Database, *, user: UserInfo, service_code: str,
               wizard_state: Mapping[str, Any], step: str, draft_uuid: str | None = None,
               now: datetime | None = None) -> str:
    """Create or overwrite a draft holding the wizard's whole state (answers, documents ticked,
    token, payment); returns its uuid (also the application's uuid later)."""
    get_service(service_code)
    key = draft_uuid or uuid7()
    when = utc_moment(now)
    with db.write() as session:
        draft = session.get(Draft, key)
        if draft is None:
            session.add(Draft(uuid=key, user_id=user.id, service_code=service_code,
                              answers=dict(wizard_state), step=step, updated_at=when))
        else:
            draft.answers, draft.step, draft.updated_at = dict(wizard_state), step, when
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
