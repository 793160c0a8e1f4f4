"""Handing over what the citizen came for, with the record the service exists for.

The FIR-copy service ends when the attested copy is handed over: how many pages, who attested
it and to whom it was given. Those facts are checked like any answers, kept with the
application under ``handover`` in a new version that also moves it to delivered, audited and
queued for the central server in the same transaction; the handover record prints from them.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import select, update

from khidmat_desk.app.applications.record import APP, utc_moment
from khidmat_desk.app.applications.results import (
    ApplicationNotFound,
    InvalidRequest,
    StatusChangeResult,
    ValidationFailed,
)
from khidmat_desk.app.applications.status import apply_status_change
from khidmat_desk.app.applications.submit import CENTRE_TIME
from khidmat_desk.auth.users import UserInfo
from khidmat_desk.core import workflow
from khidmat_desk.core.catalogue import get_service
from khidmat_desk.core.fields import Service
from khidmat_desk.core.tracking import parse_tracking_number
from khidmat_desk.core.validation import validate_answers
from khidmat_desk.store.db import Database

log = logging.getLogger("khidmat.applications")

HANDOVER_KEY = "handover"


def check_handover(service: Service, facts: Mapping[str, Any],
                   now: datetime | None = None) -> dict[str, Any]:
    """The handover facts cleaned as the wizard cleans answers; refused with the reasons."""
    if service.handover is None:
        raise InvalidRequest(f"{service.title} hands nothing over to record; mark it "
                             "delivered instead.")
    local = utc_moment(now).astimezone(CENTRE_TIME)
    form = replace(service, steps=(service.handover,), rules=(), documents=())
    checked = validate_answers(form, dict(facts), today=local.date(),
                               now=local.replace(tzinfo=None))
    if not checked.ok:
        raise ValidationFailed(checked)
    return dict(checked.answers)


def record_handover(db: Database, tracking: str, facts: Mapping[str, Any], *, user: UserInfo,
                    now: datetime | None = None) -> StatusChangeResult:
    """Record what was handed over and by whom it was attested, and mark it delivered."""
    number = str(parse_tracking_number(tracking))
    when = utc_moment(now)
    with db.write() as session:
        row = session.execute(select(APP).where(APP.c.tracking_number == number)
                              .with_for_update()).one_or_none()
        if row is None:
            raise ApplicationNotFound(number)
        clean = check_handover(get_service(row.service_code), facts, when)
        workflow.check_transition(row.status, workflow.DELIVERED, user.role, None)
        answers = {**row.answers, HANDOVER_KEY: clean}
        session.execute(update(APP).where(APP.c.id == row.id).values(answers=answers))
        row = session.execute(select(APP).where(APP.c.id == row.id)).one()
        result = apply_status_change(session, row, workflow.DELIVERED, user=user,
                                     reason="handed over", when=when,
                                     action="handover-recorded")
    log.info("%s: handover recorded by %s", number, user.username)
    return result
