"""Reading a recorded finding, for the application view, printing and the sync record."""

from __future__ import annotations

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
