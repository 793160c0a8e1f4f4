"""From a saved application to the plain values a page shows (no database access here)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from khidmat_desk.app.applications import ApplicationDetail
from khidmat_desk.app.delivery import HANDOVER_KEY
from khidmat_desk.app.photos import StoredPhoto
from khidmat_desk.core import clock, validators
from khidmat_desk.core.catalogue import Tariff, get_service, quote_fee
from khidmat_desk.core.fields import OutputDocument, Service
from khidmat_desk.core.findings import FindingInfo, finding_kind, printed_statement
from khidmat_desk.printing.content import DocumentContent, PrintedFinding, ReceiptContent
from khidmat_desk.printing.signing import PayloadContent, Signer, cnic_digest
from khidmat_desk.printing.templates import Templates

RECEIPT = "receipt"
REJECTION_LETTER = "rejection-letter"
#: Documents any service prints when they apply: the letter explaining a rejection.
GENERIC_OUTPUTS: tuple[OutputDocument, ...] = (
    OutputDocument(REJECTION_LETTER, "Letter of rejection", "درخواست مسترد ہونے کا خط",
                   kind="letter"),
)


def holder_id_number(service: Service, answers: dict[str, Any]) -> str | None:
    """The main person's identity number as stored: CNIC digits, or a passport/POC number."""
    value = answers.get(service.primary_cnic) or answers.get(service.primary_foreign_id)
    return str(value) if value else None


def holder_id_text(service: Service, answers: dict[str, Any], *, masked: bool) -> str:
    """'CNIC 35202-1234567-1' on a certificate; '35202-XXXXXXX-1' style on a receipt."""
    cnic = answers.get(service.primary_cnic)
    label = _id_type_label(service, answers)
    if cnic:
        number = validators.mask_cnic(cnic) if masked else validators.format_cnic(cnic)
        return f"{label} {number}"
    foreign = answers.get(service.primary_foreign_id)
    if foreign:
        shown = str(foreign)
        if masked and len(shown) > 4:
            shown = "X" * (len(shown) - 3) + shown[-3:]
        return f"{label} {shown}"
    return ""


def _id_type_label(service: Service, answers: dict[str, Any]) -> str:
    id_field = service.field_map().get(service.primary_id_type)
    chosen = answers.get(service.primary_id_type, "cnic")
    options = id_field.options if id_field else ()
    return next((o.label for o in options if o.value == chosen), "CNIC")


def fee_state(detail: ApplicationDetail, tariff: Tariff) -> str:
    """Paid, free, or not set: an application saved without payment is free only when the
    tariff says the fee is nothing; otherwise the fee was unknown and nothing was taken."""
    if detail.payment is not None and detail.fee_total > 0:
        return "paid"
    quote = quote_fee(get_service(detail.service_code), detail.answers, tariff)
    return "free" if quote.free else "not-set"


def collects_later(service: Service, templates: Templates) -> bool:
    """Whether the citizen comes back for a document (a certificate issued once verified, or
    a slip marked ``collected_later``), so the receipt tells them to bring it back."""
    for output in service.outputs:
        layout = templates.documents.get(output.key)
        if layout is not None and (layout.collected_later or layout.issue_after != "submitted"):
            return True
    return False


def receipt_content(detail: ApplicationDetail, tariff: Tariff,
                    templates: Templates) -> ReceiptContent:
    service = get_service(detail.service_code)
    payment = detail.payment
    items = tuple((str(i.get("label", "")), int(i.get("amount", 0)))
                  for i in (payment.items if payment else ()))
    return ReceiptContent(
        tracking_number=detail.tracking_number, service=service, name=detail.name,
        name_ur=str(detail.answers.get(service.primary_name_ur) or ""),
        masked_id=holder_id_text(service, detail.answers, masked=True),
        fee_items=items, fee_total=detail.fee_total,
        payment_method=payment.method if payment else None,
        documents=tuple(d.label for d in detail.documents), expected_on=detail.expected_on,
        submitted_at=clock.local(detail.created_at), token_no=detail.token_no,
        fee_state=fee_state(detail, tariff), collect=collects_later(service, templates))


def output_of(service: Service, document_key: str) -> OutputDocument | None:
    return next((o for o in (*service.outputs, *GENERIC_OUTPUTS) if o.key == document_key),
                None)


def printed_finding(service: Service, finding: FindingInfo | None) -> PrintedFinding | None:
    """The recorded finding in the words of record_statuses.json."""
    if finding is None:
        return None
    kind = finding_kind(service.code)
    status = kind.status(finding.record_status)
    return PrintedFinding(
        outcome=finding.outcome, status_row=kind.status_label,
        status_row_ur=kind.status_label_ur, status_label=finding.record_status_label,
        status_label_ur=status.label_ur if status else "",
        statement=printed_statement(status, finding) if status else "",
        statement_ur=printed_statement(status, finding, urdu=True) if status else "",
        reference_label=kind.reference_label, reference_label_ur=kind.reference_label_ur,
        reference=finding.reference, reference_date=finding.reference_date,
        remark=finding.remark, decided_by=finding.recorded_by_name)


def document_content(detail: ApplicationDetail, output: OutputDocument, issued_on: date,
                     signer: Signer | None, photo: StoredPhoto | None = None) -> DocumentContent:
    """Everything the page shows; the QR payload is signed unless this is a preview."""
    service = get_service(detail.service_code)
    # A recorded handover prints beside the answers it completes.
    answers = {**detail.answers, **(detail.answers.get(HANDOVER_KEY) or {})}
    payload = None
    if signer is not None:
        payload = signer.sign(PayloadContent(
            key_id=signer.key_id, tracking_number=detail.tracking_number,
            service_code=service.code, name=detail.name, issued_on=issued_on.isoformat(),
            status=detail.status, centre_code=detail.centre_code,
            cnic_digest=cnic_digest(detail.tracking_number,
                                    holder_id_number(service, answers))))
    return DocumentContent(
        tracking_number=detail.tracking_number, service=service, output=output,
        answers=answers, holder=detail.name,
        holder_ur=str(answers.get(service.primary_name_ur) or ""),
        holder_id=holder_id_text(service, answers, masked=False), issued_on=issued_on,
        status=detail.status, qr_payload=payload,
        finding=printed_finding(service, detail.finding),
        photo_jpeg=photo.jpeg if photo and output.photo else None,
        photo_sha256=photo.sha256 if photo and output.photo else None)


def local(moment: datetime) -> datetime:
    return clock.local(moment)
