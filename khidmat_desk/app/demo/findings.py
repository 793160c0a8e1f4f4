"""The police finding on a decided demo application, as the demo's verifier records it.

Every decision in the demo is the verifier's, never the officer who took the application in
(segregation of duties), and comes with a finding as `app.findings.record_finding` writes one:
the finding row, the status change it makes (action ``finding-recorded``; its reason is the
rejection's remark, or the record status and reference for a verification) and a
``finding-details`` event. What the police found follows from the decided application alone
(service, tracking number, outcome, moment, remark), so the story builds the finding into the
application's digest and sync record, and the finding row travels with the record to the bulk
writer, which writes it with the application's id.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from khidmat_desk.app.findings import verified_note
from khidmat_desk.core import clock, workflow
from khidmat_desk.core.findings import CheckedFinding, FindingInfo, FindingKind, finding_kind

FINDING_RECORDED = "finding-recorded"
FINDING_DETAILS = "finding-details"
#: One verification in this many has a record status other than the plain first one.
UNUSUAL_EVERY = 25
#: How the reference of each kind of record is numbered at the demo's police offices.
REFERENCE_PREFIX = {"criminal-record": "CRO/LHR", "vehicle": "MVRC/LHR", "default": "PS/LHR"}


def demo_finding(service_code: str, tracking_number: str, outcome: str, decided_at: datetime,
                 remark: str, *, verifier_id: int, version: int) -> dict[str, Any]:
    """The finding row (less its application id) for an application decided at ``decided_at``
    (aware) as ``version``; the same arguments always give the same finding, one that
    `check_finding` accepts as it is (the demo's tests check every one)."""
    kind = _kind(service_code)
    allowed = kind.for_outcome(outcome)
    pick = int.from_bytes(hashlib.sha256(tracking_number.encode()).digest()[:8], "big")
    unusual = outcome == workflow.REJECTED or pick % UNUSUAL_EVERY == 0
    status = allowed[pick % len(allowed)] if unusual else allowed[0]
    day = clock.day_of(decided_at)
    reference = (f"{pick % 900 + 1}/{day.year}" if status.reference == "fir" else
                 f"{REFERENCE_PREFIX.get(kind.key, REFERENCE_PREFIX['default'])}/"
                 f"{pick % 90_000 + 10_000}/{day:%y}")
    return {"outcome": outcome, "record_status": status.key, "reference": reference,
            "reference_date": day - timedelta(days=pick % 3),
            "remark": remark.strip() if outcome == workflow.REJECTED else "",
            "override_reason": None, "recorded_by": verifier_id, "recorded_at": decided_at,
            "version": version}


@cache
def _kind(service_code: str) -> FindingKind:
    """Read once per demo: a hundred thousand findings do not each look the file up."""
    return finding_kind(service_code)


def change_reason(service_code: str, finding: dict[str, Any]) -> str:
    """The reason the status change of a finding carries, as `record_finding` words it."""
    if finding["outcome"] == workflow.REJECTED:
        return str(finding["remark"])
    status = _kind(service_code).status(finding["record_status"])
    assert status is not None  # made by demo_finding from this service's own statuses
    return verified_note(CheckedFinding(finding["outcome"], status, finding["reference"],
                                        finding["reference_date"], finding["remark"]))


def details_event(tracking_number: str, finding: dict[str, Any]) -> dict[str, Any]:
    """The details of the ``finding-details`` audit event `record_finding` adds."""
    reference_date: date | None = finding["reference_date"]
    return {"tracking_number": tracking_number, "outcome": finding["outcome"],
            "record_status": finding["record_status"], "reference": finding["reference"],
            "reference_date": reference_date.isoformat() if reference_date else None,
            "version": finding["version"], "segregation_override": None}


def finding_info(service_code: str, finding: dict[str, Any], verifier: str) -> FindingInfo:
    """The finding as a read returns it (for the sync record of each later version)."""
    status = _kind(service_code).status(finding["record_status"])
    return FindingInfo(
        outcome=finding["outcome"], record_status=finding["record_status"],
        record_status_label=status.label if status else finding["record_status"],
        reference=finding["reference"], reference_date=finding["reference_date"],
        remark=finding["remark"], recorded_by=verifier, recorded_by_name=verifier,
        recorded_at=finding["recorded_at"], override_reason=None, version=finding["version"])

