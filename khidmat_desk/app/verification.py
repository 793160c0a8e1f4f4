"""Checking a document's QR payload: VALID only if the signature, the key and the centre agree.

A format-2 payload carries every fact the page states, so the result lists each of them: the
reader compares them with the paper, and for a PDF the page's own text is compared here (a
fact edited on the page and not in the code makes the document INVALID). An identity number
is checked only against a card the reader types in; the first word of the answer is what the
reader needs: VALID, INVALID, or NOT THIS PERSON when the card is not the holder's.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from khidmat_desk.core.catalogue import SERVICE_CODES, get_service
from khidmat_desk.core.fields import Field
from khidmat_desk.core.findings import finding_kind
from khidmat_desk.printing.content import (
    FINDING_BY,
    FINDING_DECISION,
    FINDING_REFERENCE,
    FINDING_REFERENCE_DATE,
    FINDING_REMARK,
    FINDING_STATEMENT,
    FINDING_STATUS,
)
from khidmat_desk.printing.idcheck import id_check
from khidmat_desk.printing.signing import (
    FORMAT_2,
    PHOTO_FACT,
    Fact,
    PayloadContent,
    PayloadError,
    SignedDocument,
    check_signature,
    cnic_digest,
    parse_document,
    parse_payload,
    payload_of_qr,
    short_code,
)
from khidmat_desk.printing.templates import Templates, load_templates

log = logging.getLogger("khidmat.printing")

#: A public key file that does not say whose it is vouches for no centre in particular.
ANY_CENTRE = "*"
VALID, INVALID, NOT_THIS_PERSON = "VALID", "INVALID", "NOT THIS PERSON"
#: Identity numbers looked for on a page (each costs one slow check per identity fact).
_ID_ON_PAGE = re.compile(r"\b\d{5}-\d{7}-\d\b")
_MAX_IDS_ON_PAGE = 8
_MASKED_ID = re.compile(r"\d{5}-X{7}-\d")

Keys = dict[str, tuple[str, Ed25519PublicKey]]


@dataclass(frozen=True)
class Verification:
    valid: bool
    reason: str  # why it is invalid, or what was checked
    content: PayloadContent | None = None  # a format-1 payload
    cnic_matches: bool | None = None  # None when no CNIC was given to compare
    document: SignedDocument | None = None  # a format-2 payload
    #: Facts the page shows differently from the signed content (checked for PDFs only).
    page_differs: tuple[str, ...] = field(default=())
    page_checked: bool = False
    #: The short code for the public page (format 2, good signature only).
    code: str | None = None

    @property
    def verdict(self) -> str:
        """The answer's first word: what the reader needs to know."""
        if not self.valid:
            return INVALID
        return NOT_THIS_PERSON if self.cnic_matches is False else VALID

    @property
    def tracking_number(self) -> str | None:
        source = self.document or self.content
        return source.tracking_number if source else None


def verify_payload(text: str, keys: Keys, cnic: str | None = None,
                   page_text: str | None = None) -> Verification:
    """``keys``: key id -> (centre code, public key), from the database or an exported file;
    centre ``ANY_CENTRE`` accepts the key for whichever centre the payload names.
    ``page_text``: the text of the PDF page the code was read from, to compare facts with."""
    payload = payload_of_qr(text)
    if payload.startswith(("https://", "http://")):
        return Verification(False, "this QR code is only the address of a public page (a "
                                   "receipt's status, or a document without its signed "
                                   "content); it proves nothing by itself")
    if payload.startswith(FORMAT_2 + "|"):
        return _verify_document(payload, keys, cnic, page_text)
    try:
        content, signature, body = parse_payload(payload)
    except PayloadError as exc:
        return Verification(False, str(exc))
    problem = _signature_problem(keys, content, signature, body)
    if problem:
        return Verification(False, problem, content)
    matches = None
    if cnic is not None:
        matches = cnic_digest(content.tracking_number, cnic) == content.cnic_digest
    return Verification(True, f"{_signed_by(keys, content)}; "
                        "an older document: only its heading lines are signed", content,
                        matches)


def _verify_document(payload: str, keys: Keys, cnic: str | None,
                     page_text: str | None) -> Verification:
    try:
        document, signature, body = parse_document(payload)
    except PayloadError as exc:
        return Verification(False, str(exc))
    problem = _signature_problem(keys, document, signature, body)
    if problem:
        return Verification(False, problem, document=document)
    matches = None if cnic is None else holder_matches(document, cnic)
    reason = _signed_by(keys, document)
    differs: tuple[str, ...] = ()
    if page_text is not None:
        differs = page_differences(document, page_text)
        if differs:
            return Verification(False, "the page does not show what was signed: "
                                + "; ".join(differs), document=document, cnic_matches=matches,
                                page_differs=differs, page_checked=True)
        reason += "; every signed fact is on the page"
    if _finding_unsigned(document):
        reason += ("; printed before the police finding was signed: compare the finding on "
                   "the paper with the centre")
    return Verification(True, reason, document=document, cnic_matches=matches,
                        page_checked=page_text is not None, code=short_code(signature))


def _finding_unsigned(document: SignedDocument) -> bool:
    """A document that states a finding, printed by an earlier version that did not sign it."""
    template = _shipped_templates().documents.get(document.document_key)
    return (template is not None and template.finding
            and document.fact(FINDING_DECISION) is None)


@cache
def _shipped_templates() -> Templates:
    return load_templates()


def _signature_problem(keys: Keys, signed: PayloadContent | SignedDocument, signature: bytes,
                       body: str) -> str | None:
    """Why the signature does not prove `signed` (an unknown key, another centre's key, a
    changed content), or None when it does."""
    known = keys.get(signed.key_id)
    if known is None:
        return (f"signed with key {signed.key_id}, which is not a key this PC knows; check it "
                "with that centre's exported public key")
    if known[0] not in (ANY_CENTRE, signed.centre_code):
        return f"key {signed.key_id} belongs to centre {known[0]}, not {signed.centre_code}"
    if not check_signature(known[1], signature, body):
        log.info("a payload for %s failed its signature check", signed.tracking_number)
        return "the signature does not match: the content was changed"
    return None


def _signed_by(keys: Keys, signed: PayloadContent | SignedDocument) -> str:
    centre = keys[signed.key_id][0]
    signer = signed.centre_code if centre == ANY_CENTRE else centre
    return f"signed by centre {signer} with key {signed.key_id}"


def holder_matches(document: SignedDocument, id_number: str) -> bool | None:
    """Whether ``id_number`` is the holder's (the document's main person); None when the
    document carries no identity number to compare with (a discreet slip)."""
    holder = holder_check(document)
    if holder is None:
        return None
    return id_check(document.salt_bytes, document.tracking_number, holder.field_key,
                    id_number) == holder.value


def holder_check(document: SignedDocument) -> Fact | None:
    checks = document.id_checks()
    if document.service_code in SERVICE_CODES:
        service = get_service(document.service_code)
        for key in (service.primary_cnic, service.primary_foreign_id):
            found = document.fact(key + "#")
            if found is not None:
                return found
    return checks[0] if checks else None


def page_differences(document: SignedDocument, page_text: str) -> tuple[str, ...]:
    """Labels of the signed facts the page does not show as signed (whitespace and line
    breaks aside; Urdu text is shaped on the page and is compared by the reader)."""
    page = _squeeze(page_text)
    labels = fact_labels(document)
    missing = []
    for fact in document.facts:
        if fact.is_id_check:
            if not _id_on_page(document, fact, page_text):
                missing.append(labels[fact.key])
            continue
        if fact.key == PHOTO_FACT and isinstance(fact.value, str):
            shown = fact.value[:16] in page  # the page prints the start under the picture
        elif isinstance(fact.value, str):
            shown = not _latin(fact.value) or _squeeze(fact.value) in page
        else:
            shown = all(_cell_shown(cell, page) for row in fact.value[1:] for cell in row)
        if not shown:
            missing.append(labels[fact.key])
    return tuple(missing)


def _cell_shown(cell: str, page: str) -> bool:
    """A table cell is on the page whole, or cut with an ellipsis where its column ends."""
    if not _latin(cell) or _MASKED_ID.fullmatch(cell):
        return True  # Urdu is compared by the reader; a table's identity numbers are masked
    text = _squeeze(cell)
    return text in page or any(text[:end] + "…" in page for end in range(len(text) - 1, 2, -1))


def _id_on_page(document: SignedDocument, fact: Fact, page_text: str) -> bool:
    if fact.field_key.endswith("foreign_id"):
        return True  # a passport or POC number has no fixed form: the reader compares it
    numbers = list(dict.fromkeys(_ID_ON_PAGE.findall(page_text)))[:_MAX_IDS_ON_PAGE]
    return any(id_check(document.salt_bytes, document.tracking_number, fact.field_key, n)
               == fact.value for n in numbers)


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _latin(text: str) -> bool:
    return bool(text) and all(ord(c) < 0x0590 for c in text)


# ---------------------------------------------------------------------------------------------
# Facts as a reader sees them
# ---------------------------------------------------------------------------------------------

#: Facts that are not answers of the service.
GENERAL_LABELS = {"valid_until": "Valid until", PHOTO_FACT: "Photograph (SHA-256)",
                  FINDING_DECISION: "Police finding: Decision",
                  FINDING_REFERENCE_DATE: "Police finding: Reference date",
                  FINDING_BY: "Police finding: Recorded by",
                  FINDING_STATEMENT: "Police finding: Statement"}
#: Facts the public page leaves out: it names no officer.
_NOT_PUBLIC = frozenset({FINDING_BY})


def fact_labels(document: SignedDocument) -> dict[str, str]:
    fields = (get_service(document.service_code).field_map()
              if document.service_code in SERVICE_CODES else {})
    labels = {}
    for fact in document.facts:
        known = fields.get(fact.field_key)
        label = known.label if known else (_finding_label(document, fact.key)
                                           or GENERAL_LABELS.get(fact.field_key, fact.field_key))
        labels[fact.key] = f"{label} (identity number)" if fact.is_id_check else label
    return labels


def _finding_label(document: SignedDocument, key: str) -> str | None:
    """The finding's rows are named as the page names them (per kind of finding)."""
    if key not in (FINDING_STATUS, FINDING_REFERENCE, FINDING_REMARK):
        return None
    if key == FINDING_REMARK:
        rejected = document.text_of(FINDING_DECISION) == "Rejected"
        return "Police finding: " + ("Reason" if rejected else "Remark")
    kind = finding_kind(document.service_code if document.service_code in SERVICE_CODES
                        else "")
    label = kind.status_label if key == FINDING_STATUS else kind.reference_label
    return f"Police finding: {label}"


def fact_lines(document: SignedDocument, *, public: bool = False) -> list[tuple[str, str]]:
    """(label, text) for every signed fact, a table's rows one line each. ``public``: for
    the public page, which shows no identity check and names no officer."""
    fields = (get_service(document.service_code).field_map()
              if document.service_code in SERVICE_CODES else {})
    labels = fact_labels(document)
    lines: list[tuple[str, str]] = []
    for fact in document.facts:
        if public and (fact.is_id_check or fact.key in _NOT_PUBLIC):
            continue
        if fact.is_id_check:
            lines.append((labels[fact.key], "checked only against a card (--cnic)"))
        elif isinstance(fact.value, str):
            lines.append((labels[fact.key], fact.value))
        else:
            columns = _column_labels(fields.get(fact.field_key), fact.value[0])
            for number, row in enumerate(fact.value[1:], start=1):
                cells = [f"{c}: {v}" for c, v in zip(columns, row, strict=False) if v]
                lines.append((f"{labels[fact.key]} {number}", "; ".join(cells)))
    return lines


def _column_labels(group: Field | None, keys: tuple[str, ...]) -> list[str]:
    members = {m.key: m.label for m in group.fields} if group else {}
    return [members.get(k, k) for k in keys]


def expired(document: SignedDocument, today: date) -> bool:
    until = document.text_of("valid_until")
    try:
        day, month, year = (int(p) for p in until.split("-"))
        return date(year, month, day) < today
    except ValueError:
        return False
