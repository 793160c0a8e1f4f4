"""The centre's shift times: read by everyone, set by the in-charge (audited)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from khidmat_desk.auth.users import UserInfo, require_role
from khidmat_desk.core.shifts import ShiftPlan, parse_plan, plan_from
from khidmat_desk.core.workflow import IN_CHARGE
from khidmat_desk.store.audit import append_event
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import Centre, CentreShift

log = logging.getLogger("khidmat.shifts")


def utc_moment(now: datetime | None) -> datetime:
    """``now`` (aware) in UTC, or the current moment."""
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None:
        raise ValueError("'now' must carry a time zone")
    return now.astimezone(UTC)


def plan_in(session: Session) -> ShiftPlan:
    """The centre's shifts (one, midnight to midnight, when none are set)."""
    rows = session.execute(select(CentreShift.name, CentreShift.starts)
                           .order_by(CentreShift.position)).all()
    return plan_from([(row.name, row.starts) for row in rows])


def shift_plan(db: Database) -> ShiftPlan:
    with db.read() as session:
        return plan_in(session)


def set_shifts(db: Database, user: UserInfo, text: str, *,
               now: datetime | None = None) -> ShiftPlan:
    """Replace the centre's shifts with ``"day=08:00,night=20:00"``; ``""`` means one shift."""
    require_role(user, IN_CHARGE)
    plan = parse_plan(text) if text.strip() else plan_from([])
    with db.write() as session:
        centre = session.scalar(select(Centre.code))
        if centre is None:
            raise ValueError("no centre is set up in this database")
        before = plan_in(session)
        session.execute(delete(CentreShift))
        if text.strip():
            session.add_all(CentreShift(centre_code=centre, position=index, name=s.name,
                                        starts=f"{s.starts:%H:%M}")
                            for index, s in enumerate(plan.shifts))
        append_event(session, actor=user.username, action="shifts-set", entity_type="centre",
                     entity_id=centre, at=utc_moment(now),
                     details={"before": before.describe(), "after": plan.describe()})
    log.info("shifts set to %s by %s", plan.describe(), user.username)
    return plan
