"""Verification anyone can do: a public page and JSON API for documents and receipts.

An embassy clerk or an employer types the tracking number and the short code printed beside a
document's QR code (or a phone opens the address the QR code holds, or the scanned QR text is
pasted in) and sees what the document certifies and whether it still stands: valid, replaced by
a later copy, revoked (the application was voided) or expired. A citizen with a receipt sees
the status of the application and nothing else. Nothing more is shown: no identity number (a
card can be checked against the document, one at a time), no officer, no other application.

No enumeration: the code is required (40 bits from the document's signature, or from the
application's uuid for a receipt), every miss gets the same answer, and each client address is
rate-limited, misses much more strictly. The counters send each issued copy through the outbox
(``DocumentIssue``); the server checks its signature with the key it came with before storing
it, so the page shows exactly what the paper's QR code signs.
"""

from __future__ import annotations

import hmac
import html
import logging
import threading
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy import Index, Integer, String, Text, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, Session, mapped_column

from khidmat_central.claims import EntryRefusedError, Sender, sender_counter, tracking_of
from khidmat_central.schema import CentralBase, Record, StatusUpdate, table
from khidmat_desk.app.verification import expired, fact_lines, holder_check
from khidmat_desk.core import workflow
from khidmat_desk.core.catalogue import SERVICE_CODES, get_service
from khidmat_desk.core.tracking import parse_tracking_number
from khidmat_desk.core.workflow import Status
from khidmat_desk.printing.idcheck import id_check
from khidmat_desk.printing.signing import (
    PUBLIC_STATUS_PATH,
    PUBLIC_VERIFY_PATH,
    PayloadError,
    SignedDocument,
    check_signature,
    key_id_of,
    parse_document,
    payload_of_qr,
    public_key_from_text,
    short_code,
    status_code,
)
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import UtcDateTime
from khidmat_desk.sync.document_record import DocumentIssue
from khidmat_desk.sync.protocol import ACCEPTED, DUPLICATE, REJECTED

log = logging.getLogger("khidmat.central.public")

VERIFY_API = "/api/v1/verify"
IDENTITY_API = "/api/v1/verify/identity"
STATUS_API = "/api/v1/status"
NO_MATCH = "No document matches this tracking number and code. Check both and try again."
NO_STATUS = "No application matches this tracking number and code. Check both and try again."
VALID, REPLACED, REVOKED, EXPIRED = "valid", "replaced", "revoked", "expired"


class IssuedDocument(CentralBase):
    """One issued copy of a document, as its counter sent it (signature checked)."""

    __tablename__ = "central_document"
    __table_args__ = (Index("ix_central_document_lookup", "tracking_number", "code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    centre_code: Mapped[str] = mapped_column(String(8))
    tracking_number: Mapped[str] = mapped_column(String(32))
    application_uuid: Mapped[str] = mapped_column(String(36))
    document_key: Mapped[str] = mapped_column(String(60))
    copy_no: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(8))
    payload: Mapped[str] = mapped_column(Text)
    public_key: Mapped[str] = mapped_column(String(64))
    printed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)


DOCUMENTS = table(IssuedDocument)


# ---------------------------------------------------------------------------------------------
# Taking issued copies in (called by ingest for entries of kind "document")
# ---------------------------------------------------------------------------------------------


def ingest_documents(db: Database, entries: Sequence[Any],
                     sender: Sender) -> list[dict[str, Any]]:
    """A verdict per entry: accepted, duplicate (the same copy again) or rejected."""
    verdicts: list[dict[str, Any]] = []
    now = datetime.now(UTC)
    with db.write() as session:
        for entry in entries:
            try:
                row = _document_row(entry, sender, now)
            except (ValueError, EntryRefusedError) as exc:
                verdicts.append(_verdict(entry, REJECTED, str(exc)))
                continue
            verdicts.append(_store(session, entry, row))
    return verdicts


def _store(session: Session, entry: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    connection = session.connection()
    insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
    inserted = connection.execute(insert(DOCUMENTS).on_conflict_do_nothing(
        index_elements=["uuid"]).returning(DOCUMENTS.c.uuid), [row]).first()
    if inserted is not None:
        return _verdict(entry, ACCEPTED)
    stored = session.scalar(select(DOCUMENTS.c.payload).where(DOCUMENTS.c.uuid == row["uuid"]))
    if stored == row["payload"]:
        return _verdict(entry, DUPLICATE)
    return _verdict(entry, REJECTED, "this copy is already stored with a different content")


def _document_row(entry: Any, sender: Sender, now: datetime) -> dict[str, Any]:
    """The stored row of a well-formed issued copy of the sender's own; the same checks of
    centre, counter and tracking number as a record's, then the signature."""
    if not isinstance(entry, dict) or not isinstance(entry.get("payload"), dict):
        raise ValueError("an entry must be a JSON object with a payload object")
    record = DocumentIssue.from_payload(entry["payload"])
    if (record.uuid, record.version) != (entry.get("uuid"), entry.get("version")):
        raise ValueError("the payload's uuid and version differ from the entry's")
    counter = sender_counter(record.centre_code, record.counter, sender)
    tracking_of(record.tracking_number, sender.centre_code, counter)
    try:
        document, signature, body = parse_document(record.payload)
        public = public_key_from_text(record.public_key)
    except (PayloadError, ValueError) as exc:
        raise ValueError(f"the signed content cannot be read ({exc})") from exc
    if key_id_of(public) != document.key_id or not check_signature(public, signature, body):
        raise ValueError("the document's signature does not match the key sent with it")
    if (document.tracking_number, document.centre_code, document.copy_no) != (
            record.tracking_number, record.centre_code, record.copy_no):
        raise ValueError("the signed content names another document than the record")
    try:
        printed_at = datetime.fromisoformat(record.printed_at).astimezone(UTC)
    except ValueError as exc:
        raise ValueError("printed_at is not an ISO 8601 time") from exc
    return {"uuid": record.uuid, "centre_code": record.centre_code,
            "tracking_number": record.tracking_number[:32],
            "application_uuid": record.application_uuid[:36],
            "document_key": record.document_key[:60], "copy_no": record.copy_no,
            "code": short_code(signature), "payload": record.payload,
            "public_key": record.public_key[:64], "printed_at": printed_at, "received_at": now}


def _verdict(entry: Any, result: str, reason: str | None = None) -> dict[str, Any]:
    source = entry if isinstance(entry, dict) else {}
    verdict = {"uuid": source.get("uuid"), "version": source.get("version"),
               "kind": source.get("kind"), "result": result}
    if reason is not None:
        verdict["reason"] = reason
    return verdict


# ---------------------------------------------------------------------------------------------
# Answers
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Standing:
    status: str  # valid | replaced | revoked | expired
    text: str


def _tracking(text: str | None) -> str | None:
    try:
        return str(parse_tracking_number(text or ""))
    except ValueError:
        return None


#: Codes are base32 (A-Z, 2-7): a typed 0, 1 or 8 can only mean O, I or B.
_LOOK_ALIKES = str.maketrans("018", "OIB")


def _code(text: str | None) -> str:
    return "".join((text or "").split()).replace("-", "").upper().translate(_LOOK_ALIKES)[:16]


def find_document(db: Database, tracking: str | None, code: str | None) -> Any | None:
    """The stored copy with this tracking number and code; None for any miss alike."""
    number, wanted = _tracking(tracking), _code(code)
    with db.read() as session:
        rows = session.execute(select(DOCUMENTS).where(
            DOCUMENTS.c.tracking_number == (number or ""))).all()
    found = None
    for row in rows:  # compare every row in constant time: no early answer to time
        if hmac.compare_digest(row.code.encode(), wanted.encode()):
            found = row
    return found


def document_answer(db: Database, row: Any, today: date) -> dict[str, Any]:
    document = parse_document(row.payload)[0]
    standing = _standing(db, row, document, today)
    return {
        "tracking_number": row.tracking_number, "centre_code": row.centre_code,
        "document": _title(document), "issued_on": document.issued_on,
        "copy_no": document.copy_no, "status": standing.status, "status_text": standing.text,
        "facts": [{"label": label, "value": value}
                  for label, value in fact_lines(document, public=True)],
        "identity_checkable": holder_check(document) is not None}


def _title(document: SignedDocument) -> str:
    if document.service_code in SERVICE_CODES:
        for output in get_service(document.service_code).outputs:
            if output.key == document.document_key:
                return output.title
    return "Acknowledgement"


def _standing(db: Database, row: Any, document: SignedDocument, today: date) -> Standing:
    with db.read() as session:
        later = session.execute(
            select(DOCUMENTS.c.copy_no, DOCUMENTS.c.printed_at)
            .where(DOCUMENTS.c.tracking_number == row.tracking_number,
                   DOCUMENTS.c.document_key == row.document_key,
                   DOCUMENTS.c.copy_no > row.copy_no)
            .order_by(DOCUMENTS.c.copy_no.desc()).limit(1)).first()
        current = _application_status(session, row.application_uuid)
    if current == Status.VOIDED:
        return Standing(REVOKED, "Revoked: the application was voided. Do not rely on it.")
    if later is not None:
        return Standing(REPLACED, f"Replaced by copy {later.copy_no}, printed on "
                                  f"{later.printed_at:%d-%m-%Y}. Ask for the latest copy.")
    if expired(document, today):
        return Standing(EXPIRED, f"Expired on {document.text_of('valid_until')}.")
    return Standing(VALID, "Valid: issued by the centre and not replaced or revoked.")


def _application_status(session: Session, uuid: str) -> str | None:
    record = session.execute(select(Record.status).where(Record.uuid == uuid)
                             .order_by(Record.version.desc()).limit(1)).scalar_one_or_none()
    update = session.execute(select(StatusUpdate.status).where(StatusUpdate.uuid == uuid)
                             .order_by(StatusUpdate.id.desc()).limit(1)).scalar_one_or_none()
    return Status.VOIDED if Status.VOIDED in (record, update) else (update or record)


def status_answer(db: Database, tracking: str | None, code: str | None) -> dict[str, Any] | None:
    """The application's status for a receipt's tracking number and code; None for any miss."""
    number, wanted = _tracking(tracking), _code(code)
    with db.read() as session:
        uuid = session.execute(select(Record.uuid).where(
            Record.tracking_number == (number or "")).limit(1)).scalar_one_or_none()
        matches = hmac.compare_digest(status_code(uuid or "-").encode(), wanted.encode())
        if uuid is None or not matches:
            return None
        status = _application_status(session, uuid) or Status.SUBMITTED
    return {"tracking_number": number, "status": status,
            "status_text": workflow.LABELS.get(status, status)}


def identity_matches(row: Any, id_number: str) -> bool | None:
    document = parse_document(row.payload)[0]
    holder = holder_check(document)
    if holder is None:
        return None
    return id_check(document.salt_bytes, document.tracking_number, holder.field_key,
                    id_number) == holder.value


# ---------------------------------------------------------------------------------------------
# Rate limits
# ---------------------------------------------------------------------------------------------


class RateLimiter:
    """At most ``limit`` events per ``window`` seconds per client address."""

    def __init__(self, limit: int, window: float) -> None:
        self.limit, self.window = limit, window
        self._events: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, client: str) -> float | None:
        """None if allowed (and counted); else the seconds to wait."""
        now = time.monotonic()
        with self._lock:
            events = self._events.setdefault(client, deque())
            while events and events[0] <= now - self.window:
                events.popleft()
            if len(events) >= self.limit:
                return events[0] + self.window - now
            events.append(now)
            if len(self._events) > 100_000:  # forget idle clients
                self._events = {k: v for k, v in self._events.items() if v}
            return None


@dataclass(frozen=True)
class Limits:
    lookups: RateLimiter
    misses: RateLimiter
    identity: RateLimiter

    @classmethod
    def default(cls) -> Limits:
        return cls(RateLimiter(60, 60), RateLimiter(10, 600), RateLimiter(5, 600))


def _check(limiter: RateLimiter, request: Request) -> None:
    wait = limiter.allow(request.client.host if request.client else "-")
    if wait is not None:
        raise HTTPException(429, "Too many requests from this address; try again later.",
                            headers={"Retry-After": str(max(1, int(wait) + 1))})


# ---------------------------------------------------------------------------------------------
# Routes
# ---------------------------------------------------------------------------------------------


class IdentityQuestion(BaseModel):
    t: str = Field(max_length=40, description="tracking number")
    c: str = Field(max_length=20, description="the code printed beside the QR code")
    cnic: str = Field(max_length=40, description="the identity number on the card shown")


def install(app: FastAPI, db: Database, limits: Limits | None = None) -> None:
    """Add the public pages and API to the central server's app. They are not part of the
    sync protocol's description (/openapi.json): a miss is a uniform 404 and every address
    has its own rate limits, which tests/test_documents_signed_public.py checks over HTTP."""
    rates = limits or Limits.default()

    def lookup(request: Request, t: str | None, c: str | None, qr: str | None) -> Any | None:
        _check(rates.lookups, request)
        if qr:
            t, c = _from_qr(qr)
        row = find_document(db, t, c)
        if row is None:
            _check(rates.misses, request)
        return row

    @app.get(VERIFY_API, include_in_schema=False)
    def verify_api(request: Request, t: Annotated[str | None, Query(max_length=40)] = None,
                   c: Annotated[str | None, Query(max_length=20)] = None,
                   qr: Annotated[str | None, Query(max_length=4000)] = None) -> JSONResponse:
        row = lookup(request, t, c, qr)
        if row is None:
            return _json({"detail": NO_MATCH}, 404)
        return _json(document_answer(db, row, _today()))

    @app.post(IDENTITY_API, include_in_schema=False)
    def identity_api(request: Request, question: IdentityQuestion) -> JSONResponse:
        _check(rates.identity, request)
        row = find_document(db, question.t, question.c)
        if row is None:
            return _json({"detail": NO_MATCH}, 404)
        return _json({"matches": identity_matches(row, question.cnic)})

    @app.get(STATUS_API, include_in_schema=False)
    def status_api(request: Request, t: Annotated[str | None, Query(max_length=40)] = None,
                   c: Annotated[str | None, Query(max_length=20)] = None) -> JSONResponse:
        _check(rates.lookups, request)
        answer = status_answer(db, t, c)
        if answer is None:
            _check(rates.misses, request)
            return _json({"detail": NO_STATUS}, 404)
        return _json(answer)

    @app.get(PUBLIC_VERIFY_PATH, response_class=HTMLResponse, include_in_schema=False)
    def verify_page(request: Request, t: Annotated[str | None, Query(max_length=40)] = None,
                    c: Annotated[str | None, Query(max_length=20)] = None,
                    qr: Annotated[str | None, Query(max_length=4000)] = None) -> Response:
        if not (t or c or qr):
            return _page("Check a document", _verify_form())
        row = lookup(request, t, c, qr)
        if row is None:
            return _page("Check a document", _notice(NO_MATCH) + _verify_form(t, c), 404)
        return _page("Check a document", _document_html(document_answer(db, row, _today()),
                                                         row.tracking_number, row.code))

    @app.post(PUBLIC_VERIFY_PATH + "/identity", response_class=HTMLResponse,
              include_in_schema=False)
    async def identity_page(request: Request) -> Response:
        form = parse_qs((await request.body())[:2000].decode("utf-8", "replace"))
        t, c, cnic = (form.get(k, [""])[0] for k in ("t", "c", "cnic"))
        _check(rates.identity, request)
        row = find_document(db, t, c)
        if row is None:
            return _page("Check a document", _notice(NO_MATCH) + _verify_form(t, c), 404)
        matches = identity_matches(row, cnic)
        said = ("The card matches the person this document was issued to." if matches
                else "NOT THIS PERSON: the card does not match the person this document was "
                     "issued to.")
        return _page("Check a document", _notice(said) + _document_html(
            document_answer(db, row, _today()), row.tracking_number, row.code))

    @app.get(PUBLIC_STATUS_PATH, response_class=HTMLResponse, include_in_schema=False)
    def status_page(request: Request, t: Annotated[str | None, Query(max_length=40)] = None,
                    c: Annotated[str | None, Query(max_length=20)] = None) -> Response:
        if not (t or c):
            return _page("Application status", _status_form())
        _check(rates.lookups, request)
        answer = status_answer(db, t, c)
        if answer is None:
            _check(rates.misses, request)
            return _page("Application status", _notice(NO_STATUS) + _status_form(t, c), 404)
        body = (f'<p class="status" id="status">Application <b>{_e(answer["tracking_number"])}'
                f'</b>: {_e(answer["status_text"])}</p>')
        return _page("Application status", body)


def _from_qr(text: str) -> tuple[str | None, str | None]:
    """Tracking number and code from a scanned QR text (the address or the bare payload)."""
    try:
        document, signature, _ = parse_document(payload_of_qr(text))
    except PayloadError:
        return None, None
    return document.tracking_number, short_code(signature)


def _today() -> date:
    return datetime.now(UTC).date()


_HEADERS = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer",
            "X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
                                       "form-action 'self'; frame-ancestors 'none'"}


def _json(body: dict[str, Any], status: int = 200) -> JSONResponse:
    return JSONResponse(body, status, headers=_HEADERS)


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    text = (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_e(title)} - Police Khidmat Markaz</title><style>{_STYLE}</style></head>"
            f"<body><header>PUNJAB POLICE · Police Khidmat Markaz</header><main>"
            f"<h1>{_e(title)}</h1>{body}</main></body></html>")
    return HTMLResponse(text, status, headers=_HEADERS)


def _notice(text: str) -> str:
    return f'<p class="notice" id="notice" role="alert">{_e(text)}</p>'


def _verify_form(t: str | None = None, c: str | None = None) -> str:
    return (f'<form method="get" action="{PUBLIC_VERIFY_PATH}" id="lookup">'
            f'<label>Tracking number <input name="t" required maxlength="40" '
            f'value="{_e(t or "")}"></label><label>Code beside the QR code <input name="c" '
            f'required maxlength="20" value="{_e(c or "")}"></label>'
            f'<button type="submit">Check</button></form>'
            f'<form method="get" action="{PUBLIC_VERIFY_PATH}" id="scanned"><label>or the '
            f'scanned QR code text <textarea name="qr" required maxlength="4000"></textarea>'
            f'</label><button type="submit">Check</button></form>')


def _status_form(t: str | None = None, c: str | None = None) -> str:
    return (f'<form method="get" action="{PUBLIC_STATUS_PATH}" id="lookup">'
            f'<label>Tracking number <input name="t" required maxlength="40" '
            f'value="{_e(t or "")}"></label><label>Code on the receipt <input name="c" '
            f'required maxlength="20" value="{_e(c or "")}"></label>'
            f'<button type="submit">Show status</button></form>')


def _document_html(answer: dict[str, Any], tracking: str, code: str) -> str:
    # dir="auto": a value typed in Urdu (a name, an address with numbers in it) reads right to
    # left from its first letter, not in the English page's order
    rows = "".join(f"<tr><th>{_e(f['label'])}</th><td dir=\"auto\">{_e(f['value'])}</td></tr>"
                   for f in answer["facts"])
    body = (f'<p class="standing {answer["status"]}" id="standing">'
            f'{_e(answer["status_text"])}</p>'
            f'<table id="document"><tr><th>Document</th><td>{_e(answer["document"])}</td></tr>'
            f'<tr><th>Reference no.</th><td>{_e(answer["tracking_number"])}</td></tr>'
            f'<tr><th>Date of issue</th><td>{_e(answer["issued_on"])}</td></tr>'
            f'<tr><th>Copy</th><td>{_e(answer["copy_no"])}</td></tr>'
            f'<tr><th>Centre</th><td>{_e(answer["centre_code"])}</td></tr>{rows}</table>'
            f"<p>Compare every line with the paper: a paper that says anything else is not "
            f"this document.</p>")
    if answer["identity_checkable"]:
        body += (f'<form method="post" action="{PUBLIC_VERIFY_PATH}/identity" id="identity">'
                 f'<input type="hidden" name="t" value="{_e(tracking)}">'
                 f'<input type="hidden" name="c" value="{_e(code)}"><label>Check the card of '
                 f'the person in front of you: CNIC or passport number <input name="cnic" '
                 f'required maxlength="40" autocomplete="off"></label>'
                 f'<button type="submit">Check the card</button></form>')
    return body


_STYLE = ("body{font-family:sans-serif;margin:0;color:#111}header{background:#0b3d2e;color:#fff;"
          "padding:.8em 1em;font-weight:bold}main{max-width:44em;margin:1em auto;padding:0 1em}"
          "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3em;"
          "border-bottom:1px solid #ccc;vertical-align:top}th{width:40%;color:#444}"
          "label{display:block;margin:.6em 0}input,textarea{display:block;width:100%;"
          "padding:.4em}.standing{font-weight:bold;padding:.6em}.valid{background:#dfd}"
          ".replaced,.expired{background:#ffd}.revoked{background:#fdd}.notice{background:#eef;"
          "padding:.6em}")


__all__ = ["IssuedDocument", "Limits", "RateLimiter", "ingest_documents", "install"]
