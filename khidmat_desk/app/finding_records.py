"""Reading a recorded finding, for the application view, printing and the sync record."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from khidmat_desk.core.findings import FindingInfo
from khidmat_desk.store.models import Finding, User


def finding_of(session: Session, app_id: int, service_code: str) -> FindingInfo | None:
    from khidmat_desk.core.findings import finding_kind

    row = session.execute(
        select(Finding, User.username, User.full_name)
        .join(User, User.id == Finding.recorded_by)
        .where(Finding.application_id == app_id)).one_or_none()
    if row is None:
        return None
    found = row[0]
    status = finding_kind(service_code).status(found.record_status)
    return FindingInfo(
        outcome=found.outcome, record_status=found.record_status,
        record_status_label=status.label if status else found.record_status,
        reference=found.reference, reference_date=found.reference_date, remark=found.remark,
        recorded_by=row.username, recorded_by_name=row.full_name,
        recorded_at=found.recorded_at, override_reason=found.override_reason,
        version=found.version)


def finding_payload(info: FindingInfo | None) -> dict[str, Any] | None:
    """The finding as the sync record carries it (JSON-safe)."""
    if info is None:
        return None
    return {
        "outcome": info.outcome, "record_status": info.record_status,
        "record_status_label": info.record_status_label, "reference": info.reference,
        "reference_date": info.reference_date.isoformat() if info.reference_date else None,
        "remark": info.remark, "recorded_by": info.recorded_by,
        "recorded_at": info.recorded_at.isoformat(timespec="microseconds"),
        "override_reason": info.override_reason, "version": info.version,
    }
