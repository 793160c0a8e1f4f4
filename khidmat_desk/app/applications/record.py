"""What every version of an application writes besides itself: its status history row, an
audit event (no personal data) and the outbox entry carrying the full record to the server."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert
from sqlalchemy.orm import Session

from khidmat_desk.auth.users import UserInfo
from khidmat_desk.core.records import ApplicantProfile
from khidmat_desk.store import outbox
from khidmat_desk.store.audit import append_event
from khidmat_desk.store.models import Application, StatusChange, table_of

OUTBOX_KIND = "application"
APP = table_of(Application)
_INSERT_STATUS = insert(table_of(StatusChange))


def utc_moment(now: datetime | None) -> datetime:
    """``now`` (which must carry a time zone) in UTC, or the current moment."""
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None:
        raise ValueError("'now' must carry a time zone")
    return now.astimezone(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def record_payload(app: Mapping[str, Any], officer: str, applicant: ApplicantProfile | None,
                   payment: Mapping[str, Any] | None, documents: list[dict[str, str]],
                   change: dict[str, Any], finding: dict[str, Any] | None = None
                   ) -> dict[str, Any]:
    """The full, JSON-safe record at this version: what the outbox carries to the server.

    ``finding`` is the police finding once one is recorded (see `finding_payload`).
    """
    return {
        "uuid": app["uuid"], "version": app["version"],
        "tracking_number": app["tracking_number"], "centre_code": app["centre_code"],
        "counter": app["counter"], "service_code": app["service_code"],
        "status": app["status"], "answers": app["answers"], "display_name": app["display_name"],
        "token_no": app["token_no"], "fee_total": app["fee_total"],
        "expected_on": app["expected_on"].isoformat(), "created_at": _iso(app["created_at"]),
        "updated_at": _iso(app["updated_at"]), "officer": officer,
        "applicant": None if applicant is None else {
            "id_type": applicant.id_type, "id_number": applicant.id_number},
        "payment": None if payment is None else {
            "amount_pkr": payment["amount_pkr"], "method": payment["method"],
            "received_by": payment["received_by"], "at": _iso(payment["at"]),
            "items": list(payment["items"])},
        "documents_received": [dict(d) for d in documents],
        "status_change": change,
        "finding": finding,
    }


def record_version(session: Session, user: UserInfo, action: str, payload: dict[str, Any],
            when: datetime) -> None:
    """Audit event (no personal data: the record is in the outbox) and outbox entry."""
    change = payload["status_change"]
    append_event(session, actor=user.username, action=action, entity_type="application",
                 entity_id=payload["uuid"], at=when, details={
                     "tracking_number": payload["tracking_number"],
                     "service_code": payload["service_code"], "version": payload["version"],
                     "from": change["from"], "to": change["to"], "reason": change["reason"]})
    outbox.enqueue(session, uuid=payload["uuid"], version=payload["version"], kind=OUTBOX_KIND,
                   payload=payload, now=when)


def write_status_change(connection: Connection, app_id: int, old: str | None, new: str,
                         reason: str | None, user: UserInfo, when: datetime,
                         version: int) -> dict[str, Any]:
    connection.execute(_INSERT_STATUS, [{
        "application_id": app_id, "from_status": old, "to_status": new, "reason": reason,
        "user_id": user.id, "at": when, "version": version}])
    return {"from": old, "to": new, "reason": reason, "by": user.username,
            "at": _iso(when), "version": version}
