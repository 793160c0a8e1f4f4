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
    page_text,
    set_up_centre,
    submit_example,
    verify_application,
)

from khidmat_desk.app import printing
from khidmat_desk.app.confidential import is_confidential
from khidmat_desk.app.print_content import holder_id_number
from khidmat_desk.app.verification import verify_payload
from khidmat_desk.auth.users import UserInfo, create_user
from khidmat_desk.core import validators
from khidmat_desk.core.catalogue import SERVICE_CODES, get_service, load_tariff
from khidmat_desk.core.tracking import parse_tracking_number
from khidmat_desk.printing.signing import Signer
from khidmat_desk.store.db import Database, open_database, sqlite_url

QR = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
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
    path: Path = tmp_path_factory.mktemp("printing") / "counter.sqlite3"
    db = open_database(sqlite_url(path))
    signer = Signer.generate()
    set_up_centre(db, signer)
    with db.write() as session:
        officer = create_user(session, "asif.khan", "Asif Khan", "officer", "correct horse 1")
        head = create_user(session, "nadia.iqbal", "Nadia Iqbal", "in-charge", "correct horse 1")
    tariff = load_tariff()
    tracking = {}
    for code in SERVICE_CODES:
        tracking[code] = submit_example(db, officer, tariff, code)
        verify_application(db, tracking[code], head)
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
    assert tracking in text and "Collect from" in text
    if is_confidential(service.code):  # a survivor's receipt names neither her nor the matter
        assert service.title not in text and str(service.example["survivor_name"]) not in text
    else:
        assert service.title in text
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
