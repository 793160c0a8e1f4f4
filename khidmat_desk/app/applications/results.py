"""What the application use cases return and raise: frozen dataclasses and known errors.

Frozen, so the GUI thread can hold them without touching the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from khidmat_desk.core.findings import FindingInfo
from khidmat_desk.core.issues import Issue, Said
from khidmat_desk.core.records import SearchKind
from khidmat_desk.core.validation import ValidationResult
from khidmat_desk.core.workflow import Status
from khidmat_desk.errors import KnownError
from khidmat_desk.sync.protocol import RecordApplicant, RecordDocument


@dataclass(frozen=True)
class SubmitResult:
    """What a save gives back: the number to read out, the fee, the day to come back, what to
    warn of, and ``late`` when the in-charge had already closed the day or shift it falls in
    (it is a late record there)."""

    uuid: str
    tracking_number: str
    fee_total: int
    expected_on: date
    late: bool = False
    warnings: tuple[Issue, ...] = ()


@dataclass(frozen=True)
class ApplicationSummary:
    uuid: str
    tracking_number: str
    service_code: str
    status: Status
    name: str
    centre_code: str
    counter: int
    created_at: datetime
    expected_on: date
    version: int
    fee_total: int


@dataclass(frozen=True)
class FindResult:
    kind: SearchKind
    query: str  # the normalised value searched for
    items: tuple[ApplicationSummary, ...]


@dataclass(frozen=True)
class PaymentInfo:
    amount_pkr: int
    method: str
    received_by: str
    at: datetime
    items: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class StatusChangeInfo:
    from_status: Status | None
    to_status: Status
    reason: str | None
    user: str
    at: datetime
    version: int


@dataclass(frozen=True)
class ApplicationDetail:
    uuid: str
    tracking_number: str
    centre_code: str
    counter: int
    service_code: str
    status: Status
    version: int
    name: str
    answers: dict[str, Any]
    token_no: str | None
    fee_total: int
    expected_on: date
    created_at: datetime
    updated_at: datetime
    officer: str
    payment: PaymentInfo | None
    documents: tuple[RecordDocument, ...]  # received at the counter, as the record carries them
    history: tuple[StatusChangeInfo, ...]
    applicant: RecordApplicant | None = None  # the main person's identity document
    officer_id: int | None = None
    finding: FindingInfo | None = None


@dataclass(frozen=True)
class StatusChangeResult:
    tracking_number: str
    from_status: Status
    to_status: Status
    version: int


@dataclass(frozen=True)
class DraftInfo:
    uuid: str
    service_code: str
    wizard_state: dict[str, Any]  # answers, documents ticked, token, payment (Wizard.to_draft)
    step: str
    updated_at: datetime


class ApplicationError(KnownError):
    """A known problem with a request; ``str()`` is the message for the officer."""


class ValidationFailed(ApplicationError):  # noqa: N818 - public name used by the GUI and CLI
    """The answers have errors; nothing was written. ``result`` holds every issue."""

    bad_input = True

    def __init__(self, result: ValidationResult) -> None:
        self.result = result
        errors = result.errors
        listed = "; ".join(str(issue) for issue in errors[:3])
        more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
        super().__init__(f"The application was not saved. Please correct: {listed}{more}.")


class ApplicationNotFound(ApplicationError):  # noqa: N818 - public name used by the GUI and CLI
    bad_input = True

    def __init__(self, tracking_number: str) -> None:
        self.tracking_number = tracking_number
        self.said = Said.of("No application with tracking number {number} is in this counter's "
                            "records. Check the number on the receipt.",
                            {"number": tracking_number})
        super().__init__(str(self.said))


class InvalidRequest(ApplicationError):  # noqa: N818 - public name used by the GUI and CLI
    """A bad value outside the answers (counter, token, payment method, document list)."""

    bad_input = True
