"""Printing use cases: build a receipt or output document, record every copy, guard reprints.

A print is one write transaction: the next copy number is taken under the application's row
lock, the PDF is built with that number on it, and the print record and its audit event are
written with it. So the copy number on the paper and the one in the log can never disagree,
and two counters reprinting at once get copies 2 and 3, not two copy 2s. Reprinting a
certificate, letter or report needs the in-charge (``reprint_role`` in documents.json); the
check is made here, not only by greying out a button.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from khidmat_desk.app import print_content
from khidmat_desk.app.applications import (
    APP,
    ApplicationDetail,
    ApplicationError,
    get_application,
    utc_moment,
)
from khidmat_desk.app.confidential import check_may_see
from khidmat_desk.app.delivery import HANDOVER_KEY
from khidmat_desk.app.photos import has_photo, photo_of
from khidmat_desk.app.print_content import GENERIC_OUTPUTS, RECEIPT, local
from khidmat_desk.auth.users import PermissionDenied, UserInfo, require_role
from khidmat_desk.core import workflow
from khidmat_desk.core.catalogue import Tariff, get_service, load_tariff
from khidmat_desk.core.fields import OutputDocument
from khidmat_desk.core.issues import Said
from khidmat_desk.core.validators import clean_free_text
from khidmat_desk.printing.content import Issue
from khidmat_desk.printing.document import render_document
from khidmat_desk.printing.receipt import render_receipt
from khidmat_desk.printing.signing import Signer, parse_document, payload_of_qr
from khidmat_desk.printing.templates import DocumentTemplate, Templates, load_templates
from khidmat_desk.store import outbox
from khidmat_desk.store.audit import append_event
from khidmat_desk.store.audit_state import STATE_KEY, application_state
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import (
    PRINT_DELIVERED,
    PRINT_FAILED,
    PRINT_PENDING,
    Centre,
    PrintRecord,
    SigningKey,
    User,
)
from khidmat_desk.store.sequences import uuid7
from khidmat_desk.sync.document_record import KIND as DOCUMENT_RECORD
from khidmat_desk.sync.document_record import DocumentIssue

log = logging.getLogger("khidmat.printing")

RECEIPT_FORMATS = ("thermal", "a4")
#: ``issue_after`` of a document that states the decision, whichever it was.
DECIDED = "decided"
DOCUMENT_FORMAT = "a4"
#: Actor recorded when a receipt is printed by a script that signed nobody in.
UNSIGNED_ACTOR = "command-line"
#: The reason of a copy taken back from the central server (`app.take_back`): it was printed
#: on a database since lost, and the server does not know who printed it.
TAKEN_BACK = "taken back from the central server: printed before this database was lost"


class PrintRefused(ApplicationError):  # noqa: N818 - public name used by the GUI and CLI
    """The document cannot be printed now; ``str()`` tells the officer why and what to do."""


@dataclass(frozen=True)
class PrintableDocument:
    """One line of the counter's "Print" menu for an application."""

    key: str
    title: str
    title_ur: str
    kind: str
    copies_printed: int
    ready: bool
    not_ready_reason: Said | None
    reprint_role: str


@dataclass(frozen=True)
class PrintedDocument:
    """A copy built and sent: it counts as a copy until `print_failed` gives its number back."""

    pdf: bytes
    tracking_number: str
    document_key: str
    format: str
    copy_no: int
    qr_payload: str | None
    record_id: int = 0

    @property
    def duplicate(self) -> bool:
        return self.copy_no > 1


@dataclass(frozen=True)
class PrintRecordInfo:
    document_key: str
    format: str
    copy_no: int
    printed_by: str
    printed_at: datetime
    reason: str | None
    state: str = PRINT_DELIVERED  # pending | delivered | failed (a failed attempt is no copy)
    destination: str | None = None


@cache
def shipped_templates() -> Templates:
    return load_templates()


@cache
def shipped_tariff() -> Tariff:
    return load_tariff()


# ---------------------------------------------------------------------------------------------
# What can be printed
# ---------------------------------------------------------------------------------------------


def list_documents(db: Database, tracking: str,
                   templates: Templates | None = None) -> tuple[PrintableDocument, ...]:
    """The receipt and the service's output documents, with copies printed and readiness."""
    return documents_for(db, get_application(db, tracking), templates)


def documents_for(db: Database, detail: ApplicationDetail,
                  templates: Templates | None = None) -> tuple[PrintableDocument, ...]:
    """`list_documents` for an application already read (the counter shows both at once)."""
    layouts = templates or shipped_templates()
    copies = _copies(db, detail.uuid)
    receipt = layouts.receipt
    items = [PrintableDocument(RECEIPT, receipt["title"], receipt["title_ur"], "receipt",
                               copies.get(RECEIPT, 0), detail.status != workflow.VOIDED,
                               _voided_reason(detail), receipt["reprint_role"])]
    photo_kept: bool | None = None
    for output in _outputs(detail, layouts):
        layout = layouts.document(output.key)
        if output.photo and layout.photo_required and photo_kept is None:
            photo_kept = has_photo(db, detail.uuid)
        reason = _not_ready(detail, output, layout, photo_kept=bool(photo_kept))
        items.append(PrintableDocument(output.key, output.title, output.title_ur, output.kind,
                                       copies.get(output.key, 0), reason is None, reason,
                                       layout.reprint_role))
    return tuple(items)


def _outputs(detail: ApplicationDetail, layouts: Templates) -> tuple[OutputDocument, ...]:
    """The service's own documents, and the rejection letter once it applies (unless the
    service's own documents already state every decision)."""
    service = get_service(detail.service_code)
    own_decision = any(layouts.document(o.key).issue_after in (workflow.REJECTED, DECIDED)
                       for o in service.outputs)
    rejected = workflow.REJECTED in {c.to_status for c in detail.history}
    extra = () if own_decision or not rejected else GENERIC_OUTPUTS
    return (*service.outputs, *extra)


def _copies(db: Database, uuid: str) -> dict[str, int]:
    with db.read() as session:
        rows = session.execute(
            select(PrintRecord.document_key, func.max(PrintRecord.copy_no))
            .join(APP, APP.c.id == PrintRecord.application_id)
            .where(APP.c.uuid == uuid, PrintRecord.state != PRINT_FAILED)
            .group_by(PrintRecord.document_key)).all()
    return {key: int(count) for key, count in rows}


def _voided_reason(detail: ApplicationDetail) -> Said | None:
    if detail.status == workflow.VOIDED:
        return Said.of("Application {number} was voided; nothing is printed for it.",
                       {"number": detail.tracking_number})
    return None


def _handover_missing(detail: ApplicationDetail) -> bool:
    return (get_service(detail.service_code).handover is not None
            and not detail.answers.get(HANDOVER_KEY))


def _not_ready(detail: ApplicationDetail, output: OutputDocument, layout: DocumentTemplate,
               *, photo_kept: bool) -> Said | None:
    """Why the document cannot be issued yet, or None. ``issue_after`` is a status the
    application must have reached, or "decided" (verified or rejected, whichever); a layout
    may require the photograph the document prints."""
    voided = _voided_reason(detail)
    issue_after = layout.issue_after
    if voided or issue_after == workflow.SUBMITTED:
        return voided
    reached = {change.to_status for change in detail.history}
    wanted = workflow.FINDING_STATUSES if issue_after == DECIDED else {issue_after}
    number = {"number": detail.tracking_number}
    if not (wanted & reached) or (issue_after == workflow.VERIFIED
                                  and workflow.REJECTED in reached):
        needed = ("decided (verified or rejected)" if issue_after == DECIDED
                  else workflow.LABELS[issue_after])
        return Said.of("This document is issued once the application is {needed}; {number} is "
                       "{now}.", {"needed": needed, **number,
                                  "now": workflow.LABELS.get(detail.status, detail.status)})
    if issue_after == workflow.DELIVERED and _handover_missing(detail):
        return Said.of("Nothing was recorded when {number} was handed over; record the handover "
                       "(pages, attested by, received by) to print this.", number)
    if layout.finding and detail.finding is None:
        return Said.of("No police finding is recorded for {number} yet, and this document "
                       "states it: a verifier or the in-charge records the finding first "
                       "(Record finding).", number)
    if output.photo and layout.photo_required and not photo_kept:
        return Said.of("No photograph is kept with {number}, and the {document} prints one: "
                       "add the photograph first (Add photograph…).",
                       {**number, "document": output.title})
    return None


# ---------------------------------------------------------------------------------------------
# Printing
# ---------------------------------------------------------------------------------------------


def print_receipt(db: Database, tracking: str, *, user: UserInfo | None, fmt: str = "thermal",
                  reason: str | None = None, templates: Templates | None = None,
                  tariff: Tariff | None = None, now: datetime | None = None,
                  base_url: str | None = None) -> PrintedDocument:
    """Print (or reprint, marked DUPLICATE) the receipt, and record the copy.

    ``tariff`` is the centre's (with its override): it tells a free service from one whose
    fee was not set when the application was saved without payment. ``base_url``: the
    central server's public address, for the status QR code (none without it).
    """
    layouts = templates or shipped_templates()
    if fmt not in RECEIPT_FORMATS:
        raise PrintRefused.told("'{fmt}' is not a receipt format; use thermal or a4.", fmt=fmt)
    detail = get_application(db, tracking)
    refusal = _voided_reason(detail)
    if refusal:
        raise PrintRefused.saying(refusal)
    check_may_see(user, detail)
    content = print_content.receipt_content(detail, tariff or shipped_tariff(), layouts,
                                            base_url)
    when = utc_moment(now)

    def build(issue: Issue, issued_on: date) -> tuple[bytes, str | None]:
        pdf = render_receipt(content, issue, layouts, layouts.formats[fmt])
        return pdf, None

    return _print(db, detail, RECEIPT, fmt, user, layouts.receipt["reprint_role"], reason,
                  when, build, officer=detail.officer)


def print_document(db: Database, tracking: str, document_key: str, *, user: UserInfo,
                   signer: Signer, reason: str | None = None,
                   templates: Templates | None = None, now: datetime | None = None,
                   base_url: str | None = None, counter: int | None = None) -> PrintedDocument:
    """Print (or reprint) a service's output document with its signed QR code; the copy goes
    to the central server too, for the public verification page at ``base_url``. ``counter``:
    the counter issuing it, as its foot says ("Issued by …, counter 3"); without it, the
    counter the application was taken at."""
    layouts = templates or shipped_templates()
    detail, output, layout = _output(db, tracking, document_key, layouts)
    photo = photo_of(db, detail.uuid) if output.photo else None
    refusal = _not_ready(detail, output, layout, photo_kept=photo is not None)
    if refusal:
        raise PrintRefused.saying(refusal)
    check_may_see(user, detail)
    checks = _PREPARED.take(detail.tracking_number, document_key)

    def build(issue: Issue, issued_on: date) -> tuple[bytes, str | None]:
        content = print_content.document_content(detail, output, issued_on, signer, layout,
                                                 photo, copy_no=issue.copy_no,
                                                 base_url=base_url, checks=checks)
        return render_document(content, issue, layouts), content.qr_payload

    return _print(db, detail, document_key, DOCUMENT_FORMAT, user, layout.reprint_role, reason,
                  utc_moment(now), build, officer=None, counter=counter)


class _PreparedChecks:
    """Identity checks made ahead of a copy's print, in memory only, each used once.

    A document's identity checks are slow by design (scrypt, 32 MiB: see ``idcheck``); the
    counter makes them while the officer looks at the application, so Print does not wait
    for them. Nothing is kept on disk; a prepared set is taken by the next print of that
    document (or dropped when the number of prepared sets passes ``LIMIT``)."""

    LIMIT = 16

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sets: OrderedDict[tuple[str, str], print_content.IdChecks] = OrderedDict()

    def put(self, tracking: str, key: str, checks: print_content.IdChecks) -> None:
        with self._lock:
            self._sets[(tracking, key)] = checks
            self._sets.move_to_end((tracking, key))
            while len(self._sets) > self.LIMIT:
                self._sets.popitem(last=False)

    def take(self, tracking: str, key: str) -> print_content.IdChecks | None:
        with self._lock:
            return self._sets.pop((tracking, key), None)

    def has(self, tracking: str, key: str) -> bool:
        with self._lock:
            return (tracking, key) in self._sets


_PREPARED = _PreparedChecks()


def prepare_copy(db: Database, tracking: str, document_key: str, *, user: UserInfo | None,
                 templates: Templates | None = None) -> bool:
    """Make the identity checks of the document's next copy now, off the print's path; True
    when there were any to make (a later `print_document` uses them once)."""
    layouts = templates or shipped_templates()
    detail, output, layout = _output(db, tracking, document_key, layouts)
    if layout.discreet or _PREPARED.has(detail.tracking_number, document_key):
        return False  # a discreet slip signs no identity number
    check_may_see(user, detail)
    photo_kept = output.photo and layout.photo_required and has_photo(db, detail.uuid)
    if _not_ready(detail, output, layout, photo_kept=bool(photo_kept)) is not None:
        return False
    checks = print_content.prepare_checks(detail, layout)
    if not checks.done:
        return False
    _PREPARED.put(detail.tracking_number, document_key, checks)
    return True


def preview_document(db: Database, tracking: str, document_key: str, *, fmt: str = "thermal",
                     templates: Templates | None = None, tariff: Tariff | None = None,
                     now: datetime | None = None, user: UserInfo | None = None,
                     counter: int | None = None) -> bytes:
    """What the page will look like, marked PREVIEW, with no signed QR and nothing recorded;
    a document's foot names who looks at it and where (``user``, ``counter``), as its print
    would (a receipt names the counter the application was taken at)."""
    layouts = templates or shipped_templates()
    when = local(utc_moment(now))
    detail = get_application(db, tracking)
    check_may_see(user, detail)
    issue = _issue(db, detail, user.username if user else detail.officer, when, copy_no=1,
                   preview=True, counter=None if document_key == RECEIPT else counter)
    if document_key == RECEIPT:
        return render_receipt(print_content.receipt_content(
            detail, tariff or shipped_tariff(), layouts), issue, layouts, layouts.formats[fmt])
    detail, output, layout = _output(db, tracking, document_key, layouts)
    photo = photo_of(db, detail.uuid) if output.photo else None
    content = print_content.document_content(detail, output, when.date(), None, layout, photo)
    return render_document(content, issue, layouts)


def _output(db: Database, tracking: str, document_key: str,
            layouts: Templates) -> tuple[ApplicationDetail, OutputDocument, DocumentTemplate]:
    detail = get_application(db, tracking)
    service = get_service(detail.service_code)
    output = print_content.output_of(service, document_key)
    if output is None or (output in GENERIC_OUTPUTS and output not in _outputs(detail, layouts)):
        names = ", ".join(o.key for o in service.outputs) or "none"
        raise PrintRefused.told("{service} does not issue '{key}'; it issues: {keys} (and the "
                                "receipt).", service=service.title, key=document_key, keys=names)
    return detail, output, layouts.document(document_key)


Build = Callable[[Issue, date], tuple[bytes, str | None]]


def _print(db: Database, detail: ApplicationDetail, document_key: str, fmt: str,
           user: UserInfo | None, reprint_role: str, reason: str | None, when: datetime,
           build: Build, *, officer: str | None, counter: int | None = None) -> PrintedDocument:
    why = clean_free_text(reason or "", multiline=True) or None
    with db.write() as session:
        app_id = session.execute(select(APP.c.id).where(APP.c.uuid == detail.uuid)
                                 .with_for_update()).scalar_one()
        copy_no, first_at = _next_copy(session, app_id, document_key)
        if copy_no > 1:
            _check_reprint(user, reprint_role, detail, document_key)
        issued_on = local(first_at or when).date()
        issue = _issue_in(session, detail, officer or _full_name(user), local(when),
                          copy_no, counter=counter)
        pdf, payload = build(issue, issued_on)
        record = PrintRecord(application_id=app_id, document_key=document_key, format=fmt,
                             copy_no=copy_no, user_id=user.id if user else None,
                             reason=why, printed_at=when, state=PRINT_PENDING)
        session.add(record)
        session.flush()
        record_id = record.id
        append_event(session, actor=user.username if user else UNSIGNED_ACTOR,
                     action="document-reprinted" if copy_no > 1 else "document-printed",
                     entity_type="application", entity_id=detail.uuid, at=when,
                     details={"tracking_number": detail.tracking_number,
                              "document": document_key, "format": fmt, "copy_no": copy_no,
                              "reason": why,
                              STATE_KEY: application_state(session, detail.uuid)})
        if payload is not None:
            _send_copy(session, detail, document_key, copy_no, payload, when)
    log.info("%s %s copy %d sent by %s", detail.tracking_number, document_key, copy_no,
             user.username if user else UNSIGNED_ACTOR)
    return PrintedDocument(pdf, detail.tracking_number, document_key, fmt, copy_no, payload,
                           record_id)


def print_delivered(db: Database, printed: PrintedDocument, where: str, *,
                    user: UserInfo | None, now: datetime | None = None) -> None:
    """The copy reached the printer (or its file was written): it stays counted."""
    _settle(db, printed, PRINT_DELIVERED, where, user, utc_moment(now))


def print_failed(db: Database, printed: PrintedDocument, problem: str, *,
                 user: UserInfo | None, now: datetime | None = None) -> None:
    """The copy never reached paper and the officer gave up: its copy number is free again,
    so the next print is not a "duplicate" of a copy nobody received."""
    _settle(db, printed, PRINT_FAILED, problem, user, utc_moment(now))


def _settle(db: Database, printed: PrintedDocument, state: str, note: str,
            user: UserInfo | None, when: datetime) -> None:
    with db.write() as session:
        record = session.get(PrintRecord, printed.record_id)
        if record is None or record.state != PRINT_PENDING:
            log.warning("print record %s of %s is not pending; left as it is",
                        printed.record_id, printed.tracking_number)
            return
        record.state, record.settled_at = state, when
        if state == PRINT_DELIVERED:
            record.destination = note[:500]
        uuid = session.execute(select(APP.c.uuid).where(APP.c.id == record.application_id)
                               ).scalar_one()
        append_event(session, actor=user.username if user else UNSIGNED_ACTOR,
                     action="print-delivered" if state == PRINT_DELIVERED else "print-failed",
                     entity_type="application", entity_id=uuid, at=when,
                     details={"tracking_number": printed.tracking_number,
                              "document": printed.document_key, "copy_no": printed.copy_no,
                              ("where" if state == PRINT_DELIVERED else "problem"): note[:500],
                              STATE_KEY: application_state(session, uuid)})
    log.info("%s %s copy %d %s", printed.tracking_number, printed.document_key,
             printed.copy_no, state)


def _send_copy(session: Session, detail: ApplicationDetail, document_key: str, copy_no: int,
               qr: str, when: datetime) -> None:
    """Queue the issued copy for the central server, in the print's own transaction."""
    payload = payload_of_qr(qr)
    key_id = parse_document(payload)[0].key_id
    public_key = session.scalar(select(SigningKey.public_key)
                                .where(SigningKey.key_id == key_id))
    record = DocumentIssue(
        uuid=uuid7(), centre_code=detail.centre_code, counter=detail.counter,
        tracking_number=detail.tracking_number, application_uuid=detail.uuid,
        service_code=detail.service_code, document_key=document_key, copy_no=copy_no,
        printed_at=when.astimezone(UTC).isoformat(), payload=payload,
        public_key=public_key or "")
    outbox.enqueue(session, uuid=record.uuid, version=record.version, kind=DOCUMENT_RECORD,
                   payload=record.to_payload(), now=when)


def _next_copy(session: Session, app_id: int, document_key: str) -> tuple[int, datetime | None]:
    """The next copy number, and when copy 1 was printed (a duplicate keeps its issue date)."""
    row = session.execute(
        select(func.max(PrintRecord.copy_no), func.min(PrintRecord.printed_at))
        .where(PrintRecord.application_id == app_id,
               PrintRecord.document_key == document_key, PrintRecord.state != PRINT_FAILED)
    ).one()
    first = row[1]
    if first is not None and first.tzinfo is None:
        first = first.replace(tzinfo=UTC)
    return int(row[0] or 0) + 1, first


def _check_reprint(user: UserInfo | None, role: str, detail: ApplicationDetail,
                   document_key: str) -> None:
    """A reprint by someone without the role is refused here, whatever the screen showed."""
    if role == workflow.OFFICER and user is None:
        return
    try:
        if user is None:
            raise PermissionDenied("Nobody is signed in.")
        require_role(user, role)
    except PermissionDenied as exc:
        output = print_content.output_of(get_service(detail.service_code), document_key)
        title = output.title if output is not None else document_key
        raise PrintRefused.told(
            "The {document} of {tracking} has been printed before; a duplicate needs the "
            "in-charge. Ask the in-charge to sign in and print it.",
            document=title, tracking=detail.tracking_number) from exc


def _full_name(user: UserInfo | None) -> str:
    return user.full_name if user else UNSIGNED_ACTOR


def _issue(db: Database, detail: ApplicationDetail, officer_username: str, when: datetime, *,
           copy_no: int, preview: bool, counter: int | None = None) -> Issue:
    with db.read() as session:
        return _issue_in(session, detail, _officer_name(session, officer_username), when,
                         copy_no, preview=preview, counter=counter)


def _officer_name(session: Session, username: str) -> str:
    return session.scalar(select(User.full_name).where(User.username == username)) or username


def _issue_in(session: Session, detail: ApplicationDetail, officer: str, when: datetime,
              copy_no: int, *, preview: bool = False, counter: int | None = None) -> Issue:
    centre = session.get(Centre, detail.centre_code)
    if officer == detail.officer:
        officer = _officer_name(session, officer)
    return Issue(centre_code=detail.centre_code,
                 centre_name=centre.name if centre else detail.centre_code,
                 centre_district=centre.district if centre else "",
                 counter=counter or detail.counter,
                 officer=officer, printed_at=when, copy_no=copy_no, preview=preview)


def print_history(db: Database, tracking: str) -> tuple[PrintRecordInfo, ...]:
    """Every copy printed for one application, oldest first (for the in-charge's review)."""
    detail = get_application(db, tracking)
    with db.read() as session:
        rows = session.execute(
            select(PrintRecord.document_key, PrintRecord.format, PrintRecord.copy_no,
                   User.username, PrintRecord.printed_at, PrintRecord.reason,
                   PrintRecord.state, PrintRecord.destination)
            .join(APP, APP.c.id == PrintRecord.application_id)
            .outerjoin(User, User.id == PrintRecord.user_id)
            .where(APP.c.uuid == detail.uuid).order_by(PrintRecord.id)).all()
    return tuple(PrintRecordInfo(r.document_key, r.format, r.copy_no,
                                 r.username or ("not known" if r.reason == TAKEN_BACK
                                                else UNSIGNED_ACTOR),
                                 r.printed_at, r.reason, r.state, r.destination)
                 for r in rows)

