"""Findings on paper: the certificate states the record status with its reference, a rejection
prints a letter with the reason, a stolen vehicle reads as such, a crime report prints its
outcome. Checked by extracting the text of the real PDF."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from printing_helpers import WHEN, page_text, signing_counter, submit_example

from khidmat_desk.app import printing
from khidmat_desk.app.applications import change_status
from khidmat_desk.app.findings import record_finding
from khidmat_desk.app.printing import PrintRefused
from khidmat_desk.auth.users import UserInfo, create_user
from khidmat_desk.core.catalogue import load_tariff
from khidmat_desk.printing.signing import Signer
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
    assert "decided" in (listed["crime-report-outcome"].not_ready_reason or "")
