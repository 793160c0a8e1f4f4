"""Printing rules: every copy recorded, reprints marked and guarded, nothing issued too early."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from printing_helpers import (
    WHEN,
    decode,
    page_text,
    set_up_centre,
    submit_example,
    verify_application,
)
from sqlalchemy import select

from khidmat_desk.app import printing
from khidmat_desk.app.applications import change_status
from khidmat_desk.app.findings import record_finding
from khidmat_desk.app.printing import PrintRefused
from khidmat_desk.auth.users import UserInfo
from khidmat_desk.core.catalogue import Tariff, load_tariff
from khidmat_desk.printing.qrread import QR_FORMATS
from khidmat_desk.printing.signing import Signer
from khidmat_desk.store.audit import verify_chain
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import AuditEvent, PrintRecord

QR = QR_FORMATS  # as verification reads them
PCC = "character-certificate"
LATER = WHEN + timedelta(days=3)


@pytest.fixture
def signer(db: Database) -> Signer:
    key = Signer.generate()
    set_up_centre(db, key)
    return key


@pytest.fixture
def shipped_tariff() -> Tariff:
    return load_tariff()


def _certificate(db: Database, officer: UserInfo, in_charge: UserInfo,
                 tariff: Tariff) -> str:
    tracking = submit_example(db, officer, tariff, PCC)
    verify_application(db, tracking, in_charge)
    return tracking


def test_copies_are_numbered_and_reprints_say_duplicate(
        db: Database, signer: Signer, officer: UserInfo, in_charge: UserInfo,
        shipped_tariff: Tariff) -> None:
    tracking = _certificate(db, officer, in_charge, shipped_tariff)
    first = printing.print_document(db, tracking, PCC, user=officer, signer=signer, now=WHEN)
    second = printing.print_document(db, tracking, PCC, user=in_charge, signer=signer,
                                     reason="first copy torn", now=LATER, counter=5)
    assert (first.copy_no, second.copy_no) == (1, 2)
    assert "DUPLICATE" not in page_text(first.pdf)
    assert "DUPLICATE · COPY 2" in page_text(second.pdf)
    # a duplicate keeps the date the certificate was first issued, in print and in the QR
    text = " ".join(page_text(second.pdf).split())
    assert "Date of issue 23-11-2026" in text and "26-11-2026 14:30, copy 2" in text
    # the foot names who issued this copy and where: the in-charge at counter 5, not the
    # counter the application was taken at
    assert f"Issued by {in_charge.full_name}, counter 5," in text
    assert f"counter {int(tracking.split('-')[2])}," in " ".join(page_text(first.pdf).split())
    assert second.qr_payload is not None and "|2026-11-23|" in second.qr_payload
    history = printing.print_history(db, tracking)
    assert [(h.copy_no, h.printed_by, h.reason) for h in history] == [
        (1, "asif.khan", None), (2, "nadia.iqbal", "first copy torn")]


def test_an_officer_cannot_reprint_a_certificate(
        db: Database, signer: Signer, officer: UserInfo, in_charge: UserInfo,
        shipped_tariff: Tariff) -> None:
    tracking = _certificate(db, officer, in_charge, shipped_tariff)
    printing.print_document(db, tracking, PCC, user=officer, signer=signer)
    with pytest.raises(PrintRefused, match="in-charge") as refused:
        printing.print_document(db, tracking, PCC, user=officer, signer=signer)
    with db.read() as session:
        assert session.scalars(select(PrintRecord.copy_no)).all() == [1]
    # the refusal names the document as printed on it, and the Urdu counter says it in Urdu
    assert str(refused.value).startswith("The Police character certificate of ")
    from khidmat_desk.gui.errors import known_text, speak

    speak("ur")
    try:
        told = known_text(refused.value)
    finally:
        speak("en")
    assert "پولیس کریکٹر سرٹیفکیٹ" in told and "certificate" not in told and tracking in told


def test_an_officer_may_reprint_a_receipt_and_a_slip(
        db: Database, signer: Signer, officer: UserInfo, shipped_tariff: Tariff) -> None:
    tracking = submit_example(db, officer, shipped_tariff, "tenant-registration")
    for _ in range(2):
        printing.print_receipt(db, tracking, user=officer)
        printing.print_document(db, tracking, "tenant-registration-slip", user=officer,
                                signer=signer)
    printed = printing.print_receipt(db, tracking, user=None, fmt="a4")
    assert printed.copy_no == 3 and printed.duplicate
    assert [h.printed_by for h in printing.print_history(db, tracking)][-1] == "command-line"


def test_a_certificate_waits_for_verification(
        db: Database, signer: Signer, officer: UserInfo, in_charge: UserInfo,
        shipped_tariff: Tariff) -> None:
    tracking = submit_example(db, officer, shipped_tariff, PCC)
    with pytest.raises(PrintRefused, match="verified"):
        printing.print_document(db, tracking, PCC, user=in_charge, signer=signer)
    listed = {d.key: d for d in printing.list_documents(db, tracking)}
    assert listed["receipt"].ready and not listed[PCC].ready
    assert listed[PCC].reprint_role == "in-charge"
    change_status(db, tracking, "in-verification", user=in_charge, now=WHEN)
    record_finding(db, tracking, user=in_charge, outcome="rejected", record_status="wanted",
                   reference="CRO 77/2026", remark="record found", now=WHEN)
    change_status(db, tracking, "ready", user=in_charge, now=WHEN)
    with pytest.raises(PrintRefused):  # ready after a rejection is not a clean certificate
        printing.print_document(db, tracking, PCC, user=in_charge, signer=signer)
    listed = {d.key: d for d in printing.list_documents(db, tracking)}
    assert listed["rejection-letter"].ready  # the letter explaining it is printed instead


def test_nothing_is_printed_for_a_voided_application(
        db: Database, signer: Signer, officer: UserInfo, in_charge: UserInfo,
        shipped_tariff: Tariff) -> None:
    tracking = submit_example(db, officer, shipped_tariff, "lost-report")
    change_status(db, tracking, "voided", user=in_charge, reason="entered twice", now=WHEN)
    with pytest.raises(PrintRefused, match="voided"):
        printing.print_receipt(db, tracking, user=officer)
    with pytest.raises(PrintRefused, match="voided"):
        printing.print_document(db, tracking, "lost-document-report", user=officer,
                                signer=signer)


def test_a_preview_is_marked_unsigned_and_not_recorded(
        db: Database, signer: Signer, officer: UserInfo, in_charge: UserInfo,
        shipped_tariff: Tariff) -> None:
    tracking = _certificate(db, officer, in_charge, shipped_tariff)
    pdf = printing.preview_document(db, tracking, PCC, user=in_charge, counter=4)
    assert "PREVIEW" in page_text(pdf)
    assert f"Issued by {in_charge.full_name}, counter 4," in " ".join(page_text(pdf).split())
    assert decode(pdf, QR) == []  # a saved preview can never pass as a signed certificate
    receipt = printing.preview_document(db, tracking, "receipt", fmt="a4")
    assert "PREVIEW" in page_text(receipt)
    assert printing.print_history(db, tracking) == ()


def test_unknown_documents_are_named(db: Database, signer: Signer, officer: UserInfo,
                                     shipped_tariff: Tariff) -> None:
    tracking = submit_example(db, officer, shipped_tariff, "fir-copy")
    with pytest.raises(PrintRefused, match="fir-copy-receipt"):
        printing.print_document(db, tracking, "character-certificate", user=officer,
                                signer=signer)
    with pytest.raises(PrintRefused, match="thermal or a4"):
        printing.print_receipt(db, tracking, user=officer, fmt="a5")


def test_every_print_is_in_the_audit_chain(db: Database, signer: Signer, officer: UserInfo,
                                           in_charge: UserInfo, shipped_tariff: Tariff) -> None:
    tracking = _certificate(db, officer, in_charge, shipped_tariff)
    printing.print_receipt(db, tracking, user=officer)
    printing.print_document(db, tracking, PCC, user=officer, signer=signer)
    printing.print_document(db, tracking, PCC, user=in_charge, signer=signer,
                            now=datetime.now(UTC))
    with db.read() as session:
        actions = session.scalars(select(AuditEvent.action).where(
            AuditEvent.action.like("document-%")).order_by(AuditEvent.id)).all()
        report = verify_chain(session)
    assert actions == ["document-printed", "document-printed", "document-reprinted"]
    assert report.ok
