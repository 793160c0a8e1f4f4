"""Every printed document checked as a person would: rendered to an image, its barcode and QR
read with a real decoder, its text extracted."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import zxingcpp
from printing_helpers import (
    CENTRE,
    decode,
    hand_over,
    page_text,
    signing_counter,
    submit_example,
    verify_application,
)

from khidmat_desk.app import printing
from khidmat_desk.app.confidential import is_confidential
from khidmat_desk.app.print_content import holder_id_number
from khidmat_desk.app.verification import verify_payload
from khidmat_desk.auth.users import UserInfo
from khidmat_desk.core import validators
from khidmat_desk.core.catalogue import SERVICE_CODES, get_service, load_tariff
from khidmat_desk.core.tracking import parse_tracking_number
from khidmat_desk.printing.qrread import QR_FORMATS
from khidmat_desk.printing.signing import Signer
from khidmat_desk.store.db import Database

#: Services whose citizen comes back for a document: a certificate, letter or report issued
#: once verified, the attested FIR copy, or a crime report's outcome (FIR registered or not).
COLLECTED = {"police-verification", "character-certificate", "vehicle-verification",
             "employee-verification", "community-policing", "fir-copy", "crime-report"}
QR = QR_FORMATS  # as verification reads them
CODE128 = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.Code128)


@dataclass(frozen=True)
class Centre:
    db: Database
    signer: Signer
    officer: UserInfo
    in_charge: UserInfo
    tracking: dict[str, str]


@pytest.fixture(scope="module")
def centre(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Centre]:
    """One centre with one verified application of every service (built once: it is slow)."""
    db, signer, officer, head = signing_counter(
        tmp_path_factory.mktemp("printing") / "counter.sqlite3")
    tariff = load_tariff()
    tracking = {}
    for code in SERVICE_CODES:
        tracking[code] = submit_example(db, officer, tariff, code)
        verify_application(db, tracking[code], head)
        hand_over(db, tracking[code], head, code)
    try:
        yield Centre(db, signer, officer, head, tracking)
    finally:
        db.dispose()


def _scanned_tracking(pdf: bytes, dpi: int) -> list[str]:
    return [str(parse_tracking_number(text)) for text in decode(pdf, CODE128, dpi)]


@pytest.mark.parametrize("code", SERVICE_CODES)
def test_each_output_document_scans_verifies_and_reads(centre: Centre, code: str) -> None:
    service = get_service(code)
    tracking = centre.tracking[code]
    for output in service.outputs:
        printed = printing.print_document(centre.db, tracking, output.key, user=centre.officer,
                                          signer=centre.signer)
        assert printed.copy_no == 1 and printed.qr_payload
        assert decode(printed.pdf, QR) == [printed.qr_payload]
        keys = {centre.signer.key_id: (CENTRE, centre.signer.public_key)}
        result = verify_payload(printed.qr_payload, keys, cnic=holder_id_number(
            service, service.example), page_text=page_text(printed.pdf))
        assert result.valid and result.cnic_matches is not False, result.reason
        assert result.page_checked and result.tracking_number == tracking
        assert _scanned_tracking(printed.pdf, 300) == [tracking]
        text = " ".join(page_text(printed.pdf).split())
        layout = printing.shipped_templates().document(output.key)
        assert (layout.title or output.title).upper() in text and tracking in text
        assert "DUPLICATE" not in text
        cnic = service.example.get(service.primary_cnic)
        if layout.discreet:  # nothing on a survivor's slip names her or the matter
            assert service.title not in text and service.example["survivor_name"] not in text
            assert result.document is not None and result.document.service_code == "-"
        elif cnic:  # certificates print the full number
            assert validators.format_cnic(validators.check_cnic(cnic).value) in text


@pytest.mark.parametrize("fmt", ["thermal", "a4"])
@pytest.mark.parametrize("code", SERVICE_CODES)
def test_each_receipt_scans_and_masks_the_cnic(centre: Centre, code: str, fmt: str) -> None:
    service = get_service(code)
    tracking = centre.tracking[code]
    printed = printing.print_receipt(centre.db, tracking, user=centre.officer, fmt=fmt)
    assert _scanned_tracking(printed.pdf, 203 if fmt == "thermal" else 300) == [tracking]
    text = " ".join(page_text(printed.pdf).split())
    assert tracking in text
    if is_confidential(service.code):  # a survivor's receipt names neither her nor the matter
        assert service.title not in text and str(service.example["survivor_name"]) not in text
    else:
        assert service.title in text
    # "collect your document" only where there is one to collect
    collects = code in COLLECTED
    assert ("Collect from" in text) is collects
    assert ("when you collect your document" in text) is collects
    cnic = service.example.get(service.primary_cnic)
    if cnic:
        digits = validators.check_cnic(cnic).value
        assert (validators.mask_cnic(digits) in text) is not is_confidential(service.code)
        assert validators.format_cnic(digits) not in text


def test_a_thermal_receipt_is_80_mm_wide_and_as_long_as_its_content(centre: Centre) -> None:
    import pypdfium2

    printed = printing.print_receipt(centre.db, centre.tracking["police-verification"],
                                     user=centre.officer, fmt="thermal")
    document = pypdfium2.PdfDocument(printed.pdf)
    width, height = document[0].get_size()
    document.close()
    assert round(width / 72 * 25.4) == 80
    assert 120 < height / 72 * 25.4 < 400


def test_fonts_are_embedded(centre: Centre) -> None:
    printed = printing.print_receipt(centre.db, centre.tracking["lost-report"], user=None)
    assert b"/FontFile2" in printed.pdf  # TrueType embedded, never a standard font
    assert b"/Helvetica" not in printed.pdf


@pytest.mark.parametrize("name", ["Liberty Market", "Police Khidmat Markaz, Liberty Market"])
def test_office_is_named_once_in_the_letterhead(name: str) -> None:
    from khidmat_desk.printing.pieces import office_line

    assert office_line("Police Khidmat Markaz", name) == "Police Khidmat Markaz, Liberty Market"


def test_an_unknown_fee_is_printed_as_not_set_never_as_free(centre: Centre) -> None:
    """Vehicle verification has no known fee: nothing was taken and the receipt says why;
    tenant registration is free by the tariff and says so."""
    vehicle = page_text(printing.print_receipt(
        centre.db, centre.tracking["vehicle-verification"], user=centre.officer).pdf)
    assert "Fee not yet set by this centre: nothing taken" in " ".join(vehicle.split())
    assert "No fee for this service" not in vehicle
    tenant = page_text(printing.print_receipt(
        centre.db, centre.tracking["tenant-registration"], user=centre.officer).pdf)
    assert "No fee for this service" in " ".join(tenant.split())


def test_a_centre_may_choose_as_notified_for_a_fee_not_set(centre: Centre,
                                                           tmp_path: Path) -> None:
    import json

    from khidmat_desk.paths import resource_path
    from khidmat_desk.printing.templates import load_templates

    receipt = json.loads(resource_path("templates", "receipt.json").read_text("utf-8"))
    receipt["fee_not_set_prints"] = "as-notified"
    (tmp_path / "receipt.json").write_text(json.dumps(receipt), "utf-8")
    text = page_text(printing.print_receipt(
        centre.db, centre.tracking["crime-report"], user=centre.officer,
        templates=load_templates(tmp_path)).pdf)
    assert "Fee as notified" in " ".join(text.split())


def test_saving_with_a_fee_not_set_takes_no_money_and_says_so(centre: Centre) -> None:
    from intake_helpers import counter_context, intake

    from khidmat_desk.app.applications import get_application, submit_application
    from khidmat_desk.core.catalogue import load_tariff

    service = get_service("driving-licence")
    answers = {**service.example, "transaction": "renewal", "categories": ["ltv"],
               "licence_no": "LHR-55512", "medical_certificate_by": "Services Hospital"}
    for key in ("learner_permit_no", "learner_permit_date"):
        answers.pop(key)
    result = submit_application(
        counter_context(centre.db, centre.officer, load_tariff(), centre_code=CENTRE, counter=3),
        intake(service.code, answers, payment_method="cash"))
    assert result.fee_total == 0
    assert any(w.field == "fee" and "not set" in w.message for w in result.warnings)
    assert get_application(centre.db, result.tracking_number).payment is None


def _document_text(centre: Centre, code: str, **changes: object) -> str:
    from printing_helpers import submit_example

    from khidmat_desk.core.catalogue import load_tariff

    tracking = submit_example(centre.db, centre.officer, load_tariff(), code, **changes)
    verify_application(centre.db, tracking, centre.in_charge)
    key = get_service(code).outputs[0].key
    pdf = printing.print_document(centre.db, tracking, key, user=centre.in_charge,
                                  signer=centre.signer).pdf
    return " ".join(page_text(pdf).split())


def test_a_stolen_item_is_reported_stolen_not_lost(centre: Centre) -> None:
    stolen = _document_text(centre, "lost-report", loss_kind="stolen")
    assert "the item below was stolen" in stolen and "item below was lost" not in stolen
    assert "the item below was lost" in _document_text(centre, "lost-report")


@pytest.mark.parametrize(("transaction", "changes", "test_needed"), [
    ("new-regular", {}, True),
    ("renewal", {"licence_no": "LHR-55512"}, False),
    ("duplicate", {"licence_no": "LHR-55512", "duplicate_reason": "damaged"}, False),
    ("international-permit", {"licence_no": "LHR-55512", "passport_no": "AB1234567",
                              "categories": None}, False),
])
def test_only_those_who_need_it_are_sent_to_the_driving_test(
        centre: Centre, transaction: str, changes: dict[str, object],
        test_needed: bool) -> None:
    extra = {"learner_permit_no": None, "learner_permit_date": None} \
        if transaction != "new-regular" else {}
    text = _document_text(centre, "driving-licence", transaction=transaction,
                          **{**extra, **changes})
    assert ("to the driving test" in text) is test_needed
    assert ("No driving test is needed" in text) is not test_needed


def test_employee_verification_lists_the_districts_periods_and_addresses(
        centre: Centre) -> None:
    text = _document_text(centre, "employee-verification")
    assert "Address checked" in text and "House 7, Street 2, Shadbagh" in text
    assert "Dera Ghazi Khan" in text and "01-01-2016" in text
    errors = printing_errors_without_residences()
    assert "residences" in errors


def printing_errors_without_residences() -> set[str]:
    from khidmat_desk.core.validation import validate_answers

    service = get_service("employee-verification")
    answers = {k: v for k, v in service.example.items() if k != "residences"}
    return {issue.top_key for issue in validate_answers(service, answers).errors}


def test_certificates_are_addressed_and_name_their_signatories(centre: Centre,
                                                               tmp_path: Path) -> None:
    """'To whom it may concern', the issuing authority and who signs are data a centre sets."""
    import json

    from printing_helpers import submit_example

    from khidmat_desk.core.catalogue import load_tariff
    from khidmat_desk.paths import resource_path
    from khidmat_desk.printing.templates import load_templates

    layouts = json.loads(resource_path("templates", "documents.json").read_text("utf-8"))
    layouts["character-certificate"]["signatures"] = [
        {"title": "Verifying officer", "name": "Tariq Mehmood", "rank": "Sub-Inspector"},
        {"title": "In-charge, Police Khidmat Markaz", "name": "Ayesha Malik",
         "rank": "Deputy Superintendent of Police"}]
    (tmp_path / "documents.json").write_text(json.dumps(layouts), "utf-8")
    tracking = submit_example(centre.db, centre.officer, load_tariff(), "character-certificate")
    verify_application(centre.db, tracking, centre.in_charge)
    pdf = printing.print_document(centre.db, tracking, "character-certificate",
                                  user=centre.in_charge, signer=centre.signer,
                                  templates=load_templates(tmp_path)).pdf
    text = " ".join(page_text(pdf).split())
    assert "TO WHOM IT MAY CONCERN" in text
    assert "on behalf of the District Police Officer" in text
    assert "Tariq Mehmood, Sub-Inspector" in text
    assert "Ayesha Malik, Deputy Superintendent" in text and "of Police" in text


def test_the_fir_copy_record_says_what_was_handed_over_and_who_attested_it(
        centre: Centre) -> None:
    from printing_helpers import HANDOVER_EXAMPLES

    from khidmat_desk.app.applications import get_application

    tracking = centre.tracking["fir-copy"]
    detail = get_application(centre.db, tracking)
    assert detail.status == "delivered"
    assert detail.answers["handover"]["attested_by_name"] == "Ghulam Mustafa"
    assert detail.history[-1].to_status == "delivered"
    pdf = printing.print_document(centre.db, tracking, "fir-copy-record", user=centre.in_charge,
                                  signer=centre.signer).pdf
    text = " ".join(page_text(pdf).split())
    assert "FIR COPY HANDOVER RECORD" in text
    assert "1245/2023" in text and "Gulberg" in text
    example = HANDOVER_EXAMPLES["fir-copy"]
    for value in ("Ghulam Mustafa", example["attested_by_rank"], "22-11-2026",
                  "Collected by the applicant in person (CNIC 35202-1234567-1)"):
        assert str(value) in text, value
    assert "Pages of the attested copy" in text


def test_a_handover_is_checked_and_needs_the_copy_to_be_ready(centre: Centre) -> None:
    from printing_helpers import HANDOVER_EXAMPLES, submit_example

    from khidmat_desk.app.applications import ValidationFailed
    from khidmat_desk.app.delivery import SELF, Handover, mark_delivered
    from khidmat_desk.core.catalogue import load_tariff
    from khidmat_desk.core.workflow import WorkflowError

    tracking = submit_example(centre.db, centre.officer, load_tariff(), "fir-copy")
    collector = Handover(SELF, "35202-1234567-1")
    with pytest.raises(WorkflowError):
        mark_delivered(centre.db, tracking, collector, user=centre.officer,
                       facts=HANDOVER_EXAMPLES["fir-copy"])
    verify_application(centre.db, tracking, centre.in_charge)
    with pytest.raises(ValidationFailed) as bad:
        mark_delivered(centre.db, tracking, collector, user=centre.officer,
                       facts={**HANDOVER_EXAMPLES["fir-copy"], "pages": 0})
    assert [i.field for i in bad.value.result.errors] == ["pages"]
    listed = {d.key: d for d in printing.list_documents(centre.db, tracking)}
    assert not listed["fir-copy-record"].ready


def test_an_address_stays_on_one_page_with_its_district_and_police_station() -> None:
    """A page break never falls between an address and the district or police station that
    finish it: the address row goes over with them."""
    from datetime import date

    from khidmat_desk.printing import document
    from khidmat_desk.printing.content import DocumentContent
    from khidmat_desk.printing.flow import Flow
    from khidmat_desk.printing.fonts import register_fonts
    from khidmat_desk.printing.templates import Section

    register_fonts()
    service = get_service("character-certificate")
    keys = ("date_of_birth", "present_address", "present_district", "present_police_station",
            "gender")
    content = DocumentContent(
        tracking_number="LHR01-261201-01-0001-2", service=service, output=service.outputs[0],
        answers=dict(service.example), holder="", holder_ur="", holder_id="",
        issued_on=date(2026, 12, 1), status="verified", qr_payload=None)
    flow = Flow(500)
    document._section(flow, content, Section("Particulars", "کوائف", keys))
    kept = dict(zip(["heading", *keys], flow.keep, strict=True))
    assert kept == {"heading": True, "date_of_birth": False, "present_address": True,
                    "present_district": True, "present_police_station": False,
                    "gender": False}
    # where the page must break inside the address, it breaks before the address
    offsets = [offset for offset, _ in flow.blocks]
    station = keys.index("present_police_station") + 1
    [first, *_] = flow.pages(offsets[station] + 1, offsets[station] + 1)
    assert len(first) == keys.index("present_address") + 1  # heading, date of birth
