"""From a saved application to the plain values a page shows (no database access here)."""

from __future__ import annotations

import string
from dataclasses import dataclass, field, replace
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
from khidmat_desk.printing.idcheck import id_check, new_salt, normalise_id
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
                     base_url: str | None = None,
                     checks: IdChecks | None = None) -> DocumentContent:
    """Everything the page shows; the QR payload is signed unless this is a preview.
    ``checks``: this copy's identity checks computed ahead of time (`prepare_checks`)."""
    service = get_service(detail.service_code)
    answers = _printed_answers(detail)
    if template.title:
        output = replace(output, title=template.title, title_ur=template.title_ur or "")
    photo_sha256 = photo.sha256 if photo and output.photo else None
    payload = code = url = None
    if signer is not None:
        signed = signer.sign_document(signed_document(
            detail, answers, template, issued_on, copy_no, signer.key_id, photo_sha256,
            checks))
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


@dataclass(frozen=True)
class IdChecks:
    """One copy's salt and the slow identity checks made with it: computed while printing,
    or ahead of time (`prepare_checks`) so that the print itself does not wait for them.
    Each copy gets its own salt; a prepared set is used for one copy only."""

    tracking_number: str
    salt: bytes
    #: (field key, number as normalised) -> check
    done: dict[tuple[str, str], str] = field(default_factory=dict)

    @classmethod
    def fresh(cls, tracking_number: str) -> IdChecks:
        return cls(tracking_number, new_salt())

    def check(self, field_key: str, number: str) -> str:
        found = self.done.get((field_key, normalise_id(number)))
        if found is None:
            found = id_check(self.salt, self.tracking_number, field_key, number)
        return found


def prepare_checks(detail: ApplicationDetail, template: DocumentTemplate) -> IdChecks:
    """A fresh salt and the identity checks the next copy of this document will sign."""
    checks = IdChecks.fresh(detail.tracking_number)
    if template.discreet:
        return checks
    answers = _printed_answers(detail)
    fields = printable_fields_of(get_service(detail.service_code))
    for key in _signed_keys(detail, answers, template):
        f = fields.get(key)
        if f is not None and _is_identity(f) and answers.get(key) not in (None, ""):
            number = str(answers[key])
            checks.done[(key, normalise_id(number))] = id_check(
                checks.salt, detail.tracking_number, key, number)
    return checks


def _printed_answers(detail: ApplicationDetail) -> dict[str, Any]:
    """The answers a page prints: a recorded handover's beside the ones it completes."""
    return {**detail.answers, **(detail.answers.get(HANDOVER_KEY) or {})}


def printable_fields_of(service: Service) -> dict[str, Field]:
    handover = service.handover.fields if service.handover else ()
    return {**service.field_map(), **{f.key: f for f in handover}}


def signed_document(detail: ApplicationDetail, answers: dict[str, Any],
                    template: DocumentTemplate, issued_on: date, copy_no: int, key_id: str,
                    photo_sha256: str | None = None,
                    checks: IdChecks | None = None) -> SignedDocument:
    """The header and every fact the page states, identity numbers as slow salted checks.
    A discreet document names neither the service nor the person: only its reference."""
    if checks is None or checks.tracking_number != detail.tracking_number:
        checks = IdChecks.fresh(detail.tracking_number)
    discreet = template.discreet
    facts = () if discreet else printed_facts(detail, answers, template, issued_on, checks,
                                              photo_sha256)
    return SignedDocument(
        key_id=key_id, tracking_number=detail.tracking_number,
        service_code="-" if discreet else detail.service_code,
        document_key="-" if discreet else template.key,
        issued_on=issued_on.isoformat(), copy_no=copy_no, centre_code=detail.centre_code,
        salt=b64(checks.salt), facts=facts)


def _signed_keys(detail: ApplicationDetail, answers: dict[str, Any],
                 template: DocumentTemplate) -> list[str]:
    """The answers' keys a page states, in its order (the finding goes after the first
    group; `printed_facts` puts it there)."""
    service = get_service(detail.service_code)
    wording = template.for_answers(answers)
    keys = [service.primary_name, service.primary_cnic, service.primary_foreign_id]
    keys += _statement_keys(wording.statement) + _statement_keys(wording.statement_ur)
    keys.append(_FINDING_HERE)
    for section in template.sections:
        keys += [section.table] if section.table else list(section.fields)
    return keys


#: Where the finding's facts go among the answers' keys.
_FINDING_HERE = "\finding"


def printed_facts(detail: ApplicationDetail, answers: dict[str, Any],
                  template: DocumentTemplate, issued_on: date, checks: IdChecks,
                  photo_sha256: str | None = None) -> tuple[Fact, ...]:
    """What the layout prints, in its order: the holder, the answers the statement names, the
    police finding on a document that states it (each line of its block), every section's
    answers and tables (a recorded handover's too), the validity and the photograph's
    SHA-256."""
    service = get_service(detail.service_code)
    fields = printable_fields_of(service)
    wording = template.for_answers(answers)
    facts: list[Fact] = []
    seen: set[str] = set()
    for key in _signed_keys(detail, answers, template):
        if key == _FINDING_HERE:
            facts += _finding_facts(service, detail, template, wording.statement)
            continue
        f = fields.get(key)
        if key in seen or f is None or answers.get(key) in (None, "", []):
            continue
        seen.add(key)
        facts.append(_fact(f, answers[key], checks))
    if template.validity_days:
        until = issued_on + timedelta(days=template.validity_days)
        facts.append(Fact("valid_until", until.strftime("%d-%m-%Y")))
    if photo_sha256:
        facts.append(Fact(PHOTO_FACT, photo_sha256))
    return tuple(facts)


def _finding_facts(service: Service, detail: ApplicationDetail, template: DocumentTemplate,
                   statement: str) -> list[Fact]:
    if not template.finding or detail.finding is None:
        return []
    found = printed_finding(service, detail.finding)
    if found is None:
        return []
    facts = []
    if "{finding}" in statement and found.statement:
        facts.append(Fact(FINDING_STATEMENT, found.statement))
    return facts + [Fact(key, value) for key, _, _, value in found.rows()]


def _statement_keys(statement: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(statement) if name]


def _is_identity(f: Field) -> bool:
    return f.type is FieldType.CNIC or f.key.endswith("foreign_id")


def _fact(f: Field, value: Any, checks: IdChecks) -> Fact:
    if _is_identity(f):
        return Fact(f.key + ID_MARK, checks.check(f.key, str(value)))
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
