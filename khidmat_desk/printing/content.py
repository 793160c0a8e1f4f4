"""What a page shows, gathered by the application layer into plain values.

The layouts never read the database: they get these frozen values, so the same application
prints the same document from the counter window, the command line or a benchmark.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from khidmat_desk.core.fields import OutputDocument, Service


@dataclass(frozen=True)
class Issue:
    """Where, when, by whom and which copy: printed on every page."""

    centre_code: str
    centre_name: str
    centre_district: str
    counter: int
    officer: str
    printed_at: datetime  # the centre's local time
    copy_no: int = 1
    preview: bool = False

    @property
    def duplicate(self) -> bool:
        return self.copy_no > 1


@dataclass(frozen=True)
class ReceiptContent:
    tracking_number: str
    service: Service
    name: str
    name_ur: str
    masked_id: str
    fee_items: tuple[tuple[str, int], ...]
    fee_total: int
    payment_method: str | None
    documents: tuple[str, ...]
    expected_on: date
    submitted_at: datetime  # the centre's local time
    token_no: str | None
    #: "paid", "free" (the tariff says so) or "not-set" (no figure yet: nothing was taken)
    fee_state: str = "paid"
    #: Whether the citizen comes back for a document (else the receipt is all they get here)
    collect: bool = True
    #: The public status lookup (status only) and the code it asks for; None when the
    #: centre has no public address set.
    status_url: str | None = None
    status_code: str | None = None


#: Keys of the police finding's facts in a signed payload (never a field key: no dots there).
FINDING_DECISION = "finding.decision"
FINDING_STATUS = "finding.status"
FINDING_REFERENCE = "finding.reference"
FINDING_REFERENCE_DATE = "finding.reference_date"
FINDING_REMARK = "finding.remark"
FINDING_BY = "finding.by"
#: The status's wording where the statement names {finding}.
FINDING_STATEMENT = "finding.statement"


@dataclass(frozen=True)
class PrintedFinding:
    """The police finding as a page states it (wording from record_statuses.json)."""

    outcome: str  # verified | rejected
    status_row: str  # what the row is called: "Record status", "Outcome"
    status_row_ur: str
    status_label: str
    status_label_ur: str
    statement: str  # the record status's wording, reference filled in
    statement_ur: str
    reference_label: str
    reference_label_ur: str
    reference: str
    reference_date: date | None
    remark: str
    decided_by: str

    def rows(self) -> list[tuple[str, str, str, str]]:
        """(signed fact key, label, Urdu label, value) of each line the page prints, in its
        order: the page and the signature are made from the same rows."""
        rejected = self.outcome == "rejected"
        rows = [(FINDING_DECISION, "Decision", "فیصلہ", "Rejected" if rejected else "Verified"),
                (FINDING_STATUS, self.status_row, self.status_row_ur, self.status_label)]
        if self.reference:
            rows.append((FINDING_REFERENCE, self.reference_label, self.reference_label_ur,
                         self.reference))
        if self.reference_date:
            rows.append((FINDING_REFERENCE_DATE, "Reference date", "تاریخ",
                         self.reference_date.strftime("%d-%m-%Y")))
        if self.remark:
            rows.append((FINDING_REMARK, "Reason" if rejected else "Remark",
                         "وجہ" if rejected else "کیفیت", self.remark))
        rows.append((FINDING_BY, "Recorded by", "", self.decided_by))
        return rows


@dataclass(frozen=True)
class DocumentContent:
    tracking_number: str
    service: Service
    output: OutputDocument
    answers: dict[str, Any]
    holder: str
    holder_ur: str
    holder_id: str  # "CNIC 35202-1234567-1": certificates print the full number
    issued_on: date
    status: str
    #: The QR code's text: the signed payload, after the public page's address when the
    #: centre has one. None on a preview: an unissued page carries no signed code.
    qr_payload: str | None
    #: The person's photograph (JPEG) for a document that prints one, and its SHA-256, which
    #: the page prints beside it; the signed content holds it whole.
    photo_jpeg: bytes | None = None
    photo_sha256: str | None = None
    #: The short code that opens this copy on the public verification page, and its address.
    verification_code: str | None = None
    verification_url: str | None = None
    #: The police finding, on a document that states it.
    finding: PrintedFinding | None = None
