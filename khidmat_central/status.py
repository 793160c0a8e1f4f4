"""Status changes decided on the verifying side, recorded for the centre to pull.

The change must be one the workflow allows from the newest status the server holds for the
application (walking forward through the steps in between is allowed: a police station that
marks a submitted character certificate "verified" has also verified it).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import BigInteger, literal, select

from khidmat_central.schema import Record, StatusUpdate, table
from khidmat_desk.core import workflow
from khidmat_desk.store.db import Database

log = logging.getLogger("khidmat.central.status")

UPDATE = table(StatusUpdate)


class StatusRefusedError(ValueError):
    """The change cannot be recorded; ``str()`` says why."""


@dataclass(frozen=True)
class StatusSet:
    cursor: int
    uuid: str
    tracking_number: str
    from_status: str
    to_status: str


def set_status(db: Database, tracking_number: str, new_status: str, *, set_by: str,
               reason: str | None = None, now: datetime | None = None) -> StatusSet:
    why = (reason or "").strip() or None
    if new_status not in workflow.STATUSES:
        raise StatusRefusedError(f"'{new_status}' is not a status; the statuses are: "
                            f"{', '.join(workflow.STATUSES)}")
    if new_status in workflow.REASON_REQUIRED and why is None:
        raise StatusRefusedError(f"setting '{new_status}' needs a reason (--reason)")
    with db.write() as session:
        record = session.execute(
            select(Record.uuid, Record.status, Record.centre_code)
            .where(Record.tracking_number == tracking_number)
            .order_by(Record.version.desc()).limit(1)).one_or_none()
        if record is None:
            raise StatusRefusedError(f"no application {tracking_number} has reached the server")
        current = _latest_status(session, record.uuid, record.status)
        if workflow.forward_path(current, new_status) is None:
            raise StatusRefusedError(f"{tracking_number} is '{current}'; it cannot go to "
                                f"'{new_status}' from there")
        cursor = session.execute(UPDATE.insert().returning(UPDATE.c.id), [{
            "uuid": record.uuid, "tracking_number": tracking_number,
            "centre_code": record.centre_code, "status": new_status, "reason": why,
            "set_by": set_by, "at": now or datetime.now(UTC)}]).scalar_one()
    log.info("%s: %s -> %s by %s", tracking_number, current, new_status, set_by)
    return StatusSet(int(cursor), record.uuid, tracking_number, current, new_status)


def _latest_status(session: Any, uuid: str, record_status: str) -> str:
    """The newer of the counter's last record and the last change set here."""
    last = session.execute(select(UPDATE.c.status).where(UPDATE.c.uuid == uuid)
                           .order_by(UPDATE.c.id.desc()).limit(1)).scalar_one_or_none()
    if last is None:
        return record_status
    return last if workflow.forward_path(record_status, last) is not None else record_status


def changes_since(db: Database, centre_code: str, since: int,
                  limit: int) -> tuple[list[dict[str, Any]], int, bool]:
    """Changes for one centre after ``since``: (changes, next cursor, more to come)."""
    with db.read() as session:
        rows = session.execute(
            # A 64-bit literal: a cursor past a 32-bit id column is "nothing newer", not an
            # overflow in the database driver.
            select(UPDATE).where(UPDATE.c.centre_code == centre_code,
                                 UPDATE.c.id > literal(since, BigInteger()))
            .order_by(UPDATE.c.id).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    changes = [{"cursor": r.id, "uuid": r.uuid, "tracking_number": r.tracking_number,
                "status": r.status, "reason": r.reason, "set_by": r.set_by,
                "at": r.at.isoformat()} for r in rows]
    return changes, (rows[-1].id if rows else since), more
