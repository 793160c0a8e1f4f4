"""Findings on paper: the certificate states the record status with its reference, a rejection
prints a letter with the reason, a stolen vehicle reads as such, a crime report prints its
outcome. Checked by extracting the text of the real PDF."""

from __future__ import annotations

import base64
import dataclasses
import json
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from printing_helpers import CENTRE, WHEN, page_text, signing_counter, submit_example

from khidmat_desk.app import print_content, printing
from khidmat_desk.app.applications import change_status, get_application
from khidmat_desk.app.findings import record_finding
from khidmat_desk.app.printing import PrintRefused
from khidmat_desk.app.verification import INVALID, VALID, fact_lines, verify_payload
from khidmat_desk.auth.users import UserInfo, create_user
from khidmat_desk.core.catalogue import get_service, load_tariff
from khidmat_desk.printing.content import FINDING_STATUS, Issue
from khidmat_desk.printing.document import render_document
from khidmat_desk.printing.signing import Signer, b64, parse_document, payload_of_qr
from khidmat_desk.store.db import Database


@dataclass(frozen=True)
class Centre:
    db: Database
    signer: Signer
    officer: UserInfo
    verifier: UserInfo


@pytest.fixture(scope="module")
def centre(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Centre]:
    db, signer, officer, _ = signing_counter(
        tmp_path_factory.mktemp("findings") / "counter.sqlite3")
    with db.write() as session:
        verifier = create_user(session, "bilal.ahmed", "Bilal Ahmed", "verifier",
                               "correct horse 1")
    try:
        yield Centre(db, signer, officer, verifier)
    finally:
        db.dispose()


def decided(centre: Centre, code: str, **finding: Any) -> str:
    tracking = submit_example(centre.db, centre.officer, load_tariff(), code)
    change_status(centre.db, tracking, "in-verification", user=centre.officer, now=WHEN)
    record_finding(centre.db, tracking, user=centre.verifier, now=WHEN, **finding)
    return tracking


def text_of(centre: Centre, tracking: str, key: str) -> str:
    printed = printing.print_document(centre.db, tracking, key, user=centre.officer,
                                      signer=centre.signer, now=WHEN)
    return " ".join(page_text(printed.pdf).split())


def test_a_clean_certificate_says_not_involved_with_the_cro_reference(centre: Centre) -> None:
    tracking = decided(centre, "character-certificate", outcome="verified",
                       record_status="not-involved", reference="CRO 1123/2026")
    text = text_of(centre, tracking, "character-certificate")
    assert "has not been found involved in any criminal case in the districts" in text
    assert "Police finding" in text and "Not involved" in text
    assert "CRO 1123/2026" in text and "Recorded by Bilal Ahmed" in text


def test_a_certificate_states_a_pending_case_and_where_it_was_found(centre: Centre) -> None:
    tracking = decided(centre, "character-certificate", outcome="verified",
                       record_status="case-pending", reference="FIR 45/2025 PS Gulberg",
                       remark="Under trial at Sessions Court Lahore")
    text = text_of(centre, tracking, "character-certificate")
    assert ("is named in a criminal case that is pending trial (reference FIR 45/2025 PS "
            "Gulberg)") in text
    assert "not been found involved" not in text
    assert "Case pending (under trial)" in text and "Under trial at Sessions Court" in text


def test_a_rejection_prints_a_letter_with_the_reason_and_no_certificate(
        centre: Centre) -> None:
    tracking = decided(centre, "character-certificate", outcome="rejected",
                       record_status="wanted", reference="CRO 77/2026",
                       remark="Proclaimed offender in case FIR 12/2024, PS Model Town")
    with pytest.raises(PrintRefused):
        printing.print_document(centre.db, tracking, "character-certificate",
                                user=centre.officer, signer=centre.signer)
    keys = [d.key for d in printing.list_documents(centre.db, tracking)]
    assert "rejection-letter" in keys
    text = text_of(centre, tracking, "rejection-letter")
    assert "LETTER OF REJECTION" in text
    assert "the application has been rejected, for the reason given below" in text
    assert "Proclaimed offender in case FIR 12/2024, PS Model Town" in text
    assert "Wanted / absconder" in text and tracking in text


def test_an_application_never_rejected_has_no_rejection_letter(centre: Centre) -> None:
    tracking = decided(centre, "police-verification", outcome="verified",
                       record_status="not-involved", reference="CRO 9/2026")
    assert "rejection-letter" not in [d.key for d in printing.list_documents(centre.db,
                                                                               tracking)]
    with pytest.raises(PrintRefused):
        printing.print_document(centre.db, tracking, "rejection-letter", user=centre.officer,
                                signer=centre.signer)


def test_a_vehicle_reported_stolen_has_its_own_wording(centre: Centre) -> None:
    clean = decided(centre, "vehicle-verification", outcome="verified",
                    record_status="not-reported-stolen", reference="AVLS 5521")
    stolen = decided(centre, "vehicle-verification", outcome="verified",
                     record_status="reported-stolen", reference="PS Model Town FIR 812/2026")
    clean_text = text_of(centre, clean, "vehicle-verification-report")
    stolen_text = text_of(centre, stolen, "vehicle-verification-report")
    assert "is not reported stolen or wanted" in clean_text
    assert "IS REPORTED STOLEN" not in clean_text
    assert ("IS REPORTED STOLEN in the police records (reference PS Model Town FIR 812/2026). "
            "It must not be bought, sold or transferred") in stolen_text
    assert "not reported stolen" not in stolen_text


def test_a_crime_report_prints_its_outcome(centre: Centre) -> None:
    registered = decided(centre, "crime-report", outcome="verified",
                         record_status="fir-registered", reference="812/26")
    refused = decided(centre, "crime-report", outcome="rejected", record_status="refused",
                      reference="", remark="Civil dispute over a shop lease")
    text = text_of(centre, registered, "crime-report-outcome")
    assert "has registered FIR No. 812/2026 on this report" in text
    assert "Outcome" in text and "FIR registered" in text
    text = text_of(centre, refused, "crime-report-outcome")
    assert "has not registered an FIR on this report, for the reason below" in text
    assert "Civil dispute over a shop lease" in text and "FIR refused" in text


def test_a_finding_document_waits_for_the_finding(centre: Centre) -> None:
    tracking = submit_example(centre.db, centre.officer, load_tariff(), "crime-report")
    listed = {d.key: d for d in printing.list_documents(centre.db, tracking)}
    assert listed["crime-report-acknowledgement"].ready
    assert not listed["crime-report-outcome"].ready
    assert "decided" in str(listed["crime-report-outcome"].not_ready_reason)


# ---------------------------------------------------------------------------------------------
# The finding is one of the signed facts
# ---------------------------------------------------------------------------------------------


def _keys(centre: Centre) -> dict[str, tuple[str, object]]:
    return {centre.signer.key_id: (CENTRE, centre.signer.public_key)}


def _printed(centre: Centre, tracking: str, key: str) -> printing.PrintedDocument:
    return printing.print_document(centre.db, tracking, key, user=centre.officer,
                                   signer=centre.signer, now=WHEN)


def _edited_facts(payload: str, change: Callable[[list[list[Any]]], None]) -> str:
    """The payload with its facts edited and the genuine signature kept (a forger's copy)."""
    parts = payload.split("|")
    facts = json.loads(zlib.decompress(base64.urlsafe_b64decode(parts[9] + "=="), -15))
    change(facts)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    parts[9] = b64(packer.compress(json.dumps(facts, ensure_ascii=False, separators=(
        ",", ":")).encode()) + packer.flush())
    return "|".join(parts)


def test_the_certificate_signs_its_finding_and_verify_lists_it(centre: Centre) -> None:
    tracking = decided(centre, "character-certificate", outcome="verified",
                       record_status="case-pending", reference="FIR 45/2025 PS Gulberg",
                       remark="Under trial at Sessions Court Lahore")
    printed = _printed(centre, tracking, "character-certificate")
    result = verify_payload(printed.qr_payload or "", _keys(centre),
                            page_text=page_text(printed.pdf))
    assert result.verdict == VALID, result.reason
    assert result.document is not None
    lines = dict(fact_lines(result.document))
    assert lines["Police finding: Decision"] == "Verified"
    assert lines["Police finding: Record status"] == "Case pending (under trial)"
    assert lines["Police finding: CRO / police-station report no."] == "FIR 45/2025 PS Gulberg"
    assert lines["Police finding: Remark"] == "Under trial at Sessions Court Lahore"
    assert lines["Police finding: Recorded by"] == "Bilal Ahmed"
    assert lines["Police finding: Statement"] == (
        "is named in a criminal case that is pending trial (reference FIR 45/2025 PS Gulberg)")
    assert "printed before the police finding was signed" not in result.reason
    # the public page names no officer
    public = dict(fact_lines(result.document, public=True))
    assert "Police finding: Recorded by" not in public
    assert public["Police finding: Record status"] == "Case pending (under trial)"


def test_case_pending_edited_to_not_involved_in_the_code_is_invalid(centre: Centre) -> None:
    tracking = decided(centre, "character-certificate", outcome="verified",
                       record_status="case-pending", reference="CRO 5/2026")
    payload = payload_of_qr(_printed(centre, tracking, "character-certificate").qr_payload
                            or "")

    def cleared(facts: list[list[Any]]) -> None:
        for fact in facts:
            if fact[0] == FINDING_STATUS:
                fact[1] = "Not involved"

    forged = _edited_facts(payload, cleared)
    assert forged != payload and "Not involved" in json.dumps(
        json.loads(zlib.decompress(base64.urlsafe_b64decode(forged.split("|")[9] + "=="),
                                   -15)))
    result = verify_payload(forged, _keys(centre))
    assert result.verdict == INVALID and "content was changed" in result.reason


def test_case_pending_edited_to_not_involved_on_the_page_is_invalid(centre: Centre) -> None:
    """The forger keeps the genuine QR code and prints a clean record beside it."""
    tracking = decided(centre, "character-certificate", outcome="verified",
                       record_status="case-pending", reference="CRO 6/2026")
    genuine = _printed(centre, tracking, "character-certificate")
    detail = get_application(centre.db, tracking)
    assert detail.finding is not None
    clean = dataclasses.replace(detail.finding, record_status="not-involved",
                                record_status_label="Not involved")
    layout = printing.shipped_templates().document("character-certificate")
    output = get_service("character-certificate").outputs[0]
    forged_content = dataclasses.replace(
        print_content.document_content(dataclasses.replace(detail, finding=clean), output,
                                       WHEN.date(), None, layout),
        qr_payload=genuine.qr_payload)
    issue = Issue(CENTRE, "Liberty Market", "Lahore", 3, "Asif Khan", WHEN, 1)
    forged = page_text(render_document(forged_content, issue, printing.shipped_templates()))
    assert "has not been found involved" in " ".join(forged.split())
    result = verify_payload(genuine.qr_payload or "", _keys(centre), page_text=forged)
    assert result.verdict == INVALID
    assert set(result.page_differs) == {"Police finding: Statement",
                                        "Police finding: Record status"}


def test_the_rejection_vehicle_and_crime_report_findings_are_signed(centre: Centre) -> None:
    rejected = decided(centre, "character-certificate", outcome="rejected",
                       record_status="wanted", reference="CRO 78/2026",
                       remark="Proclaimed offender in case FIR 13/2024")
    stolen = decided(centre, "vehicle-verification", outcome="verified",
                     record_status="reported-stolen", reference="PS Model Town FIR 813/2026")
    fir = decided(centre, "crime-report", outcome="verified", record_status="fir-registered",
                  reference="813/26")
    expected = {
        (rejected, "rejection-letter"): {
            "Police finding: Decision": "Rejected", "Police finding: Reason":
            "Proclaimed offender in case FIR 13/2024",
            "Police finding: Record status": "Wanted / absconder"},
        (stolen, "vehicle-verification-report"): {
            "Police finding: Record status": "Reported stolen",
            "Police finding: Police record reference": "PS Model Town FIR 813/2026"},
        (fir, "crime-report-outcome"): {
            "Police finding: Outcome": "FIR registered",
            "Police finding: FIR no./year": "813/2026"}}
    for (tracking, key), facts in expected.items():
        printed = _printed(centre, tracking, key)
        result = verify_payload(printed.qr_payload or "", _keys(centre),
                                page_text=page_text(printed.pdf))
        assert result.verdict == VALID, (key, result.reason)
        assert result.document is not None
        lines = dict(fact_lines(result.document))
        for label, value in facts.items():
            assert lines.get(label) == value, (key, label, lines)


def test_a_copy_signed_before_the_finding_was_still_verifies_and_says_so(
        centre: Centre) -> None:
    """Copies printed by the earlier version signed the page without its finding."""
    tracking = decided(centre, "character-certificate", outcome="verified",
                       record_status="not-involved", reference="CRO 7/2026")
    payload = payload_of_qr(_printed(centre, tracking, "character-certificate").qr_payload
                            or "")
    document = parse_document(payload)[0]
    older = dataclasses.replace(document, facts=tuple(
        f for f in document.facts if not f.key.startswith("finding.")))
    result = verify_payload(centre.signer.sign_document(older), _keys(centre))
    assert result.verdict == VALID
    assert "printed before the police finding was signed" in result.reason
