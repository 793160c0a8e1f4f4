"""Handing a finished document over at the counter: who collected it, checked against the
application.

The citizen collects it in person (the CNIC shown must be the one the application was made
with) or sends a representative (name and CNIC recorded, and never the applicant's own CNIC
under another name). The handover is the workflow step to "delivered": a new version with the
collector in its status history, audited and queued for the central server in one transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Final, Literal

from sqlalchemy import select, update

from khidmat_desk.app.applications.record import APP
from khidmat_desk.app.applications.results import (
    ApplicationError,
    StatusChangeResult,
    ValidationFailed,
)
from khidmat_desk.app.applications.status import apply_status_change, locked_application
from khidmat_desk.auth.users import UserInfo
from khidmat_desk.core import clock, workflow
from khidmat_desk.core.catalogue import get_service
from khidmat_desk.core.clock import utc_moment
from khidmat_desk.core.fields import Service
from khidmat_desk.core.tracking import parse_tracking_number
from khidmat_desk.core.validation import validate_answers
from khidmat_desk.core.validators import check_cnic, format_cnic
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import Applicant

log = logging.getLogger("khidmat.applications")

#: Where a service's handover facts are kept in its answers.
HANDOVER_KEY: Final = "handover"
SELF: Final = "self"
REPRESENTATIVE: Final = "representative"
MAX_NAME = 100


class HandoverRefused(ApplicationError):  # noqa: N818 - read as a message by the officer
    """The document cannot be handed over to this person; ``str()`` says why."""

    bad_input = True


@dataclass(frozen=True)
class Handover:
    """Who is collecting: the applicant in person, or a representative (name and CNIC)."""

    collected_by: Literal["self", "representative"]
    cnic: str
    name: str = ""


def check_handover(handover: Handover, applicant_id: str | None) -> tuple[str, str]:
    """The collector's CNIC (digits) and the line for the status history, or HandoverRefused."""
    checked = check_cnic(handover.cnic)
    if not checked.ok:
        raise HandoverRefused.told("Collector's CNIC {problem}.",
                                   problem=checked.findings[0].message)
    cnic = str(checked.value)
    name = " ".join(handover.name.split())[:MAX_NAME]
    if handover.collected_by == SELF:
        if applicant_id is None:
            raise HandoverRefused("This application has no CNIC on record to check against; "
                                  "hand it over as to a representative, with their CNIC.")
        if cnic != applicant_id:
            raise HandoverRefused.told(
                "The CNIC shown ({cnic}) is not the one this application was made with. Check "
                "the card; if someone else is collecting for the applicant, choose "
                "'representative'.", cnic=format_cnic(cnic))
        return cnic, f"Collected by the applicant in person (CNIC {format_cnic(cnic)})."
    if handover.collected_by != REPRESENTATIVE:
        raise HandoverRefused("Say who is collecting: the applicant or a representative.")
    if len(name) < 3:
        raise HandoverRefused("Type the representative's name as on their CNIC.")
    if applicant_id is not None and cnic == applicant_id:
        raise HandoverRefused("That is the applicant's own CNIC; choose 'the applicant in "
                              "person' when the applicant collects.")
    return cnic, f"Collected by representative {name} (CNIC {format_cnic(cnic)})."


def check_facts(service: Service, facts: Mapping[str, Any] | None,
                now: datetime | None = None) -> dict[str, Any] | None:
    """What a service records when it hands its document over (the FIR copy: pages, attested
    by whom, rank, date), cleaned as the wizard cleans answers; refused with the reasons."""
    if service.handover is None:
        return None
    local = clock.local(utc_moment(now))
    form = replace(service, steps=(service.handover,), rules=(), documents=())
    checked = validate_answers(form, dict(facts or {}), today=local.date(),
                               now=local.replace(tzinfo=None))
    if not checked.ok:
        raise ValidationFailed(checked)
    return dict(checked.answers)


def mark_delivered(db: Database, tracking: str, handover: Handover, *, user: UserInfo,
                   facts: Mapping[str, Any] | None = None,
                   now: datetime | None = None) -> StatusChangeResult:
    """Record the handover: checked, then the step to delivered, in one transaction.

    A service that records what it handed over (``Service.handover``) keeps those ``facts``
    and the collector's line with its answers under ``handover``, in the same new version.
    """
    number = str(parse_tracking_number(tracking))
    when = utc_moment(now)
    with db.write() as session:
        row = locked_application(session, number)
        applicant_id = None
        if row.applicant_id is not None:
            applicant_id = session.scalar(select(Applicant.id_number)
                                          .where(Applicant.id == row.applicant_id))
        _, line = check_handover(handover, applicant_id)
        workflow.check_transition(row.status, workflow.DELIVERED, user.roles, line)
        recorded = check_facts(get_service(row.service_code), facts, when)
        if recorded is not None:
            answers = {**row.answers, HANDOVER_KEY: {**recorded, "collected": line}}
            session.execute(update(APP).where(APP.c.id == row.id).values(answers=answers))
            row = session.execute(select(APP).where(APP.c.id == row.id)).one()
        result = apply_status_change(session, row, workflow.DELIVERED, user=user, reason=line,
                                     when=when, action="document-handed-over")
    log.info("%s handed over by %s (%s)", number, user.username, handover.collected_by)
    return result
