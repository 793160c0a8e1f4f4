"""From a saved application to the plain values a page shows (no database access here)."""

from __future__ import annotations

import string
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from khidmat_desk.app.applications import ApplicationDetail
from khidmat_desk.app.confidential import is_confidential
from khidmat_desk.app.delivery import HANDOVER_KEY
from khidmat_desk.app.photos import StoredPhoto
from khidmat_desk.core import clock, validators
from khidmat_desk.core.catalogue import Tariff, get_service, quote_fee
from khidmat_desk.core.display import format_value
from khidmat_desk.core.fields import Field, FieldType, OutputDocument, Service
from khidmat_desk.core.findings import FindingInfo, finding_kind, printed_statement
from khidmat_desk.printing.content import (
    FINDING_STATEMENT,
    DocumentContent,
    PrintedFinding,
    ReceiptContent,
)
from khidmat_desk.printing.idcheck import id_check, new_salt
from khidmat_desk.printing.signing import (
    ID_MARK,
    PHOTO_FACT,
    PUBLIC_STATUS_PATH,
    PUBLIC_VERIFY_PATH,
    Fact,
    SignedDocument,
    Signer,
    b64,
    public_url,
    qr_text,
    short_code,
    signature_of,
    status_code,
)
from khidmat_desk.printing.templates import DocumentTemplate, Templates

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


#: What a discreet receipt names instead of the service.
DISCREET_TITLE, DISCREET_TITLE_UR = "Application", "درخواست"


def receipt_content(detail: ApplicationDetail, tariff: Tariff, templates: Templates,
                    base_url: str | None = None) -> ReceiptContent:
    """The receipt's values; ``base_url``: the public server's address for the status QR.
    A confidential service's receipt names neither the person nor the matter."""
    service = get_service(detail.service_code)
    payment = detail.payment
    items = tuple((str(i.get("label", "")), int(i.get("amount", 0)))
                  for i in (payment.items if payment else ()))
    code = status_code(detail.uuid)
    discreet = is_confidential(service.code)
    shown = (replace(service, title=DISCREET_TITLE, title_ur=DISCREET_TITLE_UR)
             if discreet else service)
    return ReceiptContent(
        tracking_number=detail.tracking_number, service=shown,
        name="" if discreet else detail.name,
        name_ur="" if discreet else str(detail.answers.get(service.primary_name_ur) or ""),
        masked_id="" if discreet else holder_id_text(service, detail.answers, masked=True),
        fee_items=items, fee_total=detail.fee_total,
        payment_method=payment.method if payment else None,
        documents=() if discreet else tuple(d.label for d in detail.documents),
        expected_on=detail.expected_on,
        submitted_at=clock.local(detail.created_at), token_no=detail.token_no,
        fee_state=fee_state(detail, tariff), collect=collects_later(service, templates),
        status_url=(public_url(base_url, PUBLIC_STATUS_PATH, detail.tracking_number, code)
                    if base_url else None),
        status_code=code)


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
                     signer: Signer | None, template: DocumentTemplate,
                     photo: StoredPhoto | None = None, *, copy_no: int = 1,
                     base_url: str | None = None) -> DocumentContent:
    """Everything the page shows; the QR payload is signed unless this is a preview."""
    service = get_service(detail.service_code)
    # A recorded handover prints beside the answers it completes.
    answers = {**detail.answers, **(detail.answers.get(HANDOVER_KEY) or {})}
    if template.title:
        output = replace(output, title=template.title, title_ur=template.title_ur or "")
    photo_sha256 = photo.sha256 if photo and output.photo else None
    payload = code = url = None
    if signer is not None:
        signed = signer.sign_document(signed_document(
            detail, answers, template, issued_on, copy_no, signer.key_id, photo_sha256))
        code = short_code(signature_of(signed))
        payload = qr_text(signed, base_url, detail.tracking_number, code)
        url = (public_url(base_url, PUBLIC_VERIFY_PATH, detail.tracking_number, code)
               if base_url else None)
    discreet = template.discreet
    return DocumentContent(
        tracking_number=detail.tracking_number, service=service, output=output,
        answers={} if discreet else answers, holder="" if discreet else detail.name,
        holder_ur="" if discreet else str(answers.get(service.primary_name_ur) or ""),
        holder_id="" if discreet else holder_id_text(service, answers, masked=False),
        issued_on=issued_on, status=detail.status, qr_payload=payload,
        photo_jpeg=photo.jpeg if photo and output.photo else None, photo_sha256=photo_sha256,
        verification_code=code, verification_url=url,
        finding=None if discreet else printed_finding(service, detail.finding))


def signed_document(detail: ApplicationDetail, answers: dict[str, Any],
                    template: DocumentTemplate, issued_on: date, copy_no: int, key_id: str,
                    photo_sha256: str | None = None) -> SignedDocument:
    """The header and every fact the page states, identity numbers as slow salted checks.
    A discreet document names neither the service nor the person: only its reference."""
    salt = new_salt()
    discreet = template.discreet
    facts = () if discreet else printed_facts(detail, answers, template, issued_on, salt,
                                              photo_sha256)
    return SignedDocument(
        key_id=key_id, tracking_number=detail.tracking_number,
        service_code="-" if discreet else detail.service_code,
        document_key="-" if discreet else template.key,
        issued_on=issued_on.isoformat(), copy_no=copy_no, centre_code=detail.centre_code,
        salt=b64(salt), facts=facts)


def printed_facts(detail: ApplicationDetail, answers: dict[str, Any],
                  template: DocumentTemplate, issued_on: date, salt: bytes,
                  photo_sha256: str | None = None) -> tuple[Fact, ...]:
    """What the layout prints, in its order: the holder, the answers the statement names, the
    police finding on a document that states it (each line of its block), every section's
    answers and tables (a recorded handover's too), the validity and the photograph's
    SHA-256."""
    service = get_service(detail.service_code)
    handover = service.handover.fields if service.handover else ()
    fields = {**service.field_map(), **{f.key: f for f in handover}}
    wording = template.for_answers(answers)
    keys = [service.primary_name, service.primary_cnic, service.primary_foreign_id]
    keys += _statement_keys(wording.statement) + _statement_keys(wording.statement_ur)
    facts: list[Fact] = []
    seen: set[str] = set()

    def add(key: str) -> None:
        f = fields.get(key)
        if key in seen or f is None or answers.get(key) in (None, "", []):
            return
        seen.add(key)
        facts.append(_fact(f, answers[key], salt, detail.tracking_number))

    for key in keys:
        add(key)
    if template.finding and detail.finding is not None:
        found = printed_finding(service, detail.finding)
        if found is not None:
            if "{finding}" in wording.statement and found.statement:
                facts.append(Fact(FINDING_STATEMENT, found.statement))
            facts += [Fact(key, value) for key, _, _, value in found.rows()]
    for section in template.sections:
        for key in [section.table] if section.table else list(section.fields):
            add(key)
    if template.validity_days:
        until = issued_on + timedelta(days=template.validity_days)
        facts.append(Fact("valid_until", until.strftime("%d-%m-%Y")))
    if photo_sha256:
        facts.append(Fact(PHOTO_FACT, photo_sha256))
    return tuple(facts)


def _statement_keys(statement: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(statement) if name]


def _is_identity(f: Field) -> bool:
    return f.type is FieldType.CNIC or f.key.endswith("foreign_id")


def _fact(f: Field, value: Any, salt: bytes, tracking: str) -> Fact:
    if _is_identity(f):
        return Fact(f.key + ID_MARK, id_check(salt, tracking, f.key, str(value)))
    if f.type is FieldType.GROUP:
        columns = tuple(m.key for m in f.fields)
        rows = tuple(tuple(_cell(m, row.get(m.key)) for m in f.fields) for row in value)
        return Fact(f.key, (columns, *rows))
    if f.type is FieldType.BOOLEAN:
        return Fact(f.key, "Yes" if value else "No")
    return Fact(f.key, format_value(f, value))


def _cell(f: Field, value: Any) -> str:
    """A table cell as printed; an identity number in a table is signed masked."""
    if value is None:
        return ""
    if f.type is FieldType.CNIC:
        return validators.mask_cnic(value)
    return format_value(f, value)


def local(moment: datetime) -> datetime:
    return clock.local(moment)
