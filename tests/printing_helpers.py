"""Helpers for the printing tests: a real centre with applications of every service, and the
real decoders (pdfium renders the page, zxing-cpp reads the codes)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pypdfium2
import zxingcpp
from cli_helpers import cli_init
from intake_helpers import counter_context, intake, required_documents
from PIL import Image

from khidmat_desk.app.applications import change_status, submit_application
from khidmat_desk.app.centre import init_centre
from khidmat_desk.app.findings import record_finding
from khidmat_desk.auth.users import UserInfo, create_user
from khidmat_desk.core.catalogue import Tariff, get_service
from khidmat_desk.core.findings import finding_kind
from khidmat_desk.printing.signing import Signer
from khidmat_desk.store.db import Database, open_database, sqlite_url
from khidmat_desk.store.models import SigningKey

CENTRE = "LHR07"
WHEN = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
VERIFIED_PATH = ("in-verification", "verified", "ready")
#: A reference every kind of finding accepts (crime reports need an FIR no./year).
REFERENCE = "125/2026"
#: The in-charge made by `apply_on_new_centre`, and their password.
IN_CHARGE, IN_CHARGE_PASSWORD = "incharge", "incharge-pass-1"

Run = Callable[..., tuple[int, str, str]]


def apply_on_new_centre(run: Run, tmp_path: Path, service_code: str,
                        answers: dict[str, Any]) -> tuple[Path, str]:
    """``khidmat-desk init`` a centre under ``tmp_path``, then ``apply`` one application with
    ``answers`` as its in-charge; the data folder and the tracking number."""
    folder = tmp_path / "centre"
    cli_init(run, folder, IN_CHARGE_PASSWORD, centre=CENTRE, counter=3, user=IN_CHARGE,
             name="Liberty Market")
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers))
    code, out, err = run("apply", service_code, "--data-dir", str(folder), "--answers",
                         str(path), "--user", IN_CHARGE, "--password-stdin",
                         stdin=IN_CHARGE_PASSWORD + "\n")
    assert code == 0, err
    return folder, out.strip()


def set_up_centre(db: Database, signer: Signer, *, centre: str = CENTRE,
                  counter: int = 3) -> None:
    init_centre(db, code=centre, name="Liberty Market", district="Lahore", counter=counter,
                username="centre.head", full_name="Centre Head", password="correct horse 1")
    from khidmat_desk.printing.signing import public_key_text

    with db.write() as session:
        session.add(SigningKey(key_id=signer.key_id, centre_code=centre,
                               public_key=public_key_text(signer.public_key), created_at=WHEN,
                               retired_at=None))


def signing_counter(path: Path) -> tuple[Database, Signer, UserInfo, UserInfo]:
    """A counter database at ``path``: the centre with a signing key, an officer (asif.khan)
    and an in-charge (nadia.iqbal)."""
    db = open_database(sqlite_url(path))
    signer = Signer.generate()
    set_up_centre(db, signer)
    with db.write() as session:
        officer = create_user(session, "asif.khan", "Asif Khan", "officer", "correct horse 1")
        head = create_user(session, "nadia.iqbal", "Nadia Iqbal", "in-charge", "correct horse 1")
    return db, signer, officer, head


def submit_example(db: Database, officer: UserInfo, tariff: Tariff, service_code: str,
                   **changes: Any) -> str:
    service = get_service(service_code)
    answers = {**service.example, **changes}
    required = required_documents(service_code, answers)
    received = [d.key for d in service.documents if d.when is None or d.key in required]
    result = submit_application(counter_context(db, officer, tariff, centre_code=CENTRE, counter=3),
                                intake(service_code, answers, documents=received,
                                       token_no="A-017"), now=WHEN)
    return result.tracking_number


def verify_application(db: Database, tracking: str, user: UserInfo,
                       record_status: str | None = None) -> None:
    """Into verification, the finding recorded by ``user`` (a verifier or the in-charge who
    did not take it in), then ready."""
    change_status(db, tracking, "in-verification", user=user, now=WHEN)
    service = db_service(db, tracking)
    status = record_status or finding_kind(service).for_outcome("verified")[0].key
    record_finding(db, tracking, user=user, outcome="verified", record_status=status,
                   reference=REFERENCE, remark="", now=WHEN)
    change_status(db, tracking, "ready", user=user, now=WHEN)


def db_service(db: Database, tracking: str) -> str:
    from khidmat_desk.app.applications import get_application

    return get_application(db, tracking).service_code


def page_images(pdf: bytes, dpi: int = 300) -> list[Image.Image]:
    """Every page as a grey image; 300 dpi puts A4 barcode modules (8 dots at 600 dpi) on
    whole pixels, 203 dpi does the same for thermal receipts."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        images = []
        for page in document:
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            images.append(bitmap.to_pil().convert("L"))
        return images
    finally:
        document.close()


def page_text(pdf: bytes) -> str:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def decode(pdf: bytes, fmt: zxingcpp.BarcodeFormat, dpi: int = 300) -> list[str]:
    return [r.text for image in page_images(pdf, dpi)
            for r in zxingcpp.read_barcodes(image, formats=fmt)]


#: What is recorded when a service's document is handed over, per service that records one.
HANDOVER_EXAMPLES: dict[str, dict[str, Any]] = {
    "fir-copy": {"pages": 3, "attested_by_name": "Ghulam Mustafa",
                 "attested_by_rank": "Moharrir (Head Constable), Police Station Gulberg",
                 "attested_on": "2026-11-22"},
}


def hand_over(db: Database, tracking: str, user: UserInfo, service_code: str,
              **changes: Any) -> None:
    """Hand a ready application of a service that records its handover to the applicant."""
    from khidmat_desk.app.applications import get_application
    from khidmat_desk.app.delivery import SELF, Handover, mark_delivered

    if service_code in HANDOVER_EXAMPLES:
        cnic = holder_cnic(get_application(db, tracking).answers, service_code)
        mark_delivered(db, tracking, Handover(SELF, cnic), user=user,
                       facts={**HANDOVER_EXAMPLES[service_code], **changes}, now=WHEN)


def holder_cnic(answers: dict[str, Any], service_code: str) -> str:
    return str(answers[get_service(service_code).primary_cnic])
