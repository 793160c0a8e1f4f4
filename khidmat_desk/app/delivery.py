"""Handing a finished document over at the counter: who collected it, checked against the
application.

The citizen collects it in person (the CNIC shown must be the one the application was made
with) or sends a representative (name and CNIC recorded, and never the applicant's own CNIC
under another name). The handover is the workflow step to "delivered": a new version with the
collector in its status history, audited and queued for the central server in one transaction.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Final, Literal

from sqlalchemy import select

from khidmat_desk.app.applications.record import APP, utc_moment
from khidmat_desk.app.applications.results import (
    ApplicationError,
    ApplicationNotFound,
    StatusChangeResult,
)
from khidmat_desk.app.applications.status import apply_status_change
from khidmat_desk.auth.users import UserInfo
from khidmat_desk.core import workflow
from khidmat_desk.core.tracking import parse_tracking_number
from khidmat_desk.core.validators import check_cnic, format_cnic
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import Applicant

log = logging.getLogger("khidmat.applications")

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
        raise HandoverRefused(f"Collector's CNIC {checked.findings[0].message}.")
    cnic = str(checked.value)
    name = " ".join(handover.name.split())[:MAX_NAME]
    if handover.collected_by == SELF:
        if applicant_id is None:
            raise HandoverRefused("This application has no CNIC on record to check against; "
                                  "hand it over as to a representative, with their CNIC.")
        if cnic != applicant_id:
            raise HandoverRefused(
                f"The CNIC shown ({format_cnic(cnic)}) is not the one this application was made "
                "with. Check the card; if someone else is collecting for the applicant, choose "
                "'representative'.")
        return cnic, f"Collected by the applicant in person (CNIC {format_cnic(cnic)})."
    if handover.collected_by != REPRESENTATIVE:
        raise HandoverRefused("Say who is collecting: the applicant or a representative.")
    if len(name) < 3:
        raise HandoverRefused("Type the representative's name as on their CNIC.")
    if applicant_id is not None and cnic == applicant_id:
        raise HandoverRefused("That is the applicant's own CNIC; choose 'the applicant in "
                              "person' when the applicant collects.")
    return cnic, f"Collected by representative {name} (CNIC {format_cnic(cnic)})."


def mark_delivered(db: Database, tracking: str, handover: Handover, *, user: UserInfo,
                   now: datetime | None = None) -> StatusChangeResult:
    """Record the handover: checked, then the step to delivered, in one transaction."""
    number = str(parse_tracking_number(tracking))
    when = utc_moment(now)
    with db.write() as session:
        row = session.execute(select(APP).where(APP.c.tracking_number == number)
                              .with_for_update()).one_or_none()
        if row is None:
            raise ApplicationNotFound(number)
        applicant_id = None
        if row.applicant_id is not None:
            applicant_id = session.scalar(select(Applicant.id_number)
                                          .where(Applicant.id == row.applicant_id))
        _, line = check_handover(handover, applicant_id)
        workflow.check_transition(row.status, workflow.DELIVERED, user.roles, line)
        result = apply_status_change(session, row, workflow.DELIVERED, user=user, reason=line,
                                     when=when, action="document-handed-over")
    log.info("%s handed over by %s (%s)", number, user.username, handover.collected_by)
    return result
