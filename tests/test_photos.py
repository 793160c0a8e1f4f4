"""The person's photograph: kept with the application from a file, reduced and stripped of
its metadata, printed on the documents that need one with its digest beside it."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest
from PIL import Image
from printing_helpers import page_text, signing_counter, submit_example, verify_application

from khidmat_desk.app import printing
from khidmat_desk.app.applications import InvalidRequest, get_application
from khidmat_desk.app.photos import MAX_SIDE, attach_photo, photo_of, prepare_photo
from khidmat_desk.auth.users import UserInfo
from khidmat_desk.core.catalogue import load_tariff
from khidmat_desk.printing.signing import Signer
from khidmat_desk.store.audit import verify_chain
from khidmat_desk.store.db import Database


def camera_picture(width: int = 3000, height: int = 4000, *, fmt: str = "JPEG",
                   rotated: bool = False) -> bytes:
    """A camera-sized picture with a GPS tag, optionally stored sideways with an EXIF turn."""
    image = Image.new("RGB", (width, height), (200, 170, 150))
    for y in range(0, height, 97):
        image.paste((40, 40, 90), (0, y, width, y + 11))
    exif = Image.Exif()
    exif[0x8825] = {2: (31.0, 33.0, 0.0)}  # GPS latitude of the counter's street
    if rotated:
        exif[0x0112] = 6  # "turn 90 degrees clockwise to view"
    out = io.BytesIO()
    image.save(out, fmt, exif=exif.tobytes()) if fmt == "JPEG" else image.save(out, fmt)
    return out.getvalue()


def test_a_picture_is_reduced_turned_upright_and_stripped_of_metadata() -> None:
    kept = prepare_photo(camera_picture(rotated=True))
    with Image.open(io.BytesIO(kept.jpeg)) as image:
        assert image.format == "JPEG"
        assert max(image.size) == MAX_SIDE
        assert image.width > image.height, "the EXIF turn was applied"
        assert not image.getexif(), "no GPS position or camera details are kept"
    assert kept.sha256 == hashlib.sha256(kept.jpeg).hexdigest()
    assert len(kept.jpeg) < 200_000


def test_a_file_that_is_not_a_picture_is_refused_in_plain_words() -> None:
    with pytest.raises(InvalidRequest, match="not a readable picture"):
        prepare_photo(b"%PDF-1.4 not a photo")


@pytest.fixture
def counter(tmp_path: Path) -> Iterator[tuple[Database, Signer, UserInfo, UserInfo]]:
    db, signer, officer, head = signing_counter(tmp_path / "counter.sqlite3")
    try:
        yield db, signer, officer, head
    finally:
        db.dispose()


def _images_on(pdf: bytes) -> int:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return sum(1 for page in document
                   for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))
    finally:
        document.close()


def test_the_certificate_prints_the_photo_and_its_digest(
        counter: tuple[Database, Signer, UserInfo, UserInfo]) -> None:
    db, signer, officer, head = counter
    tracking = submit_example(db, officer, load_tariff(), "character-certificate")
    verify_application(db, tracking, head)
    first = attach_photo(db, tracking, camera_picture(fmt="PNG"), user=officer)
    kept = attach_photo(db, tracking, camera_picture(rotated=True), user=officer)
    assert kept.sha256 != first.sha256, "a retake replaces the first photo"
    stored = photo_of(db, get_application(db, tracking).uuid)
    assert stored is not None and stored.sha256 == kept.sha256
    pdf = printing.print_document(db, tracking, "character-certificate", user=head,
                                  signer=signer).pdf
    assert _images_on(pdf) == 1
    assert f"Photo {kept.sha256[:16]}" in " ".join(page_text(pdf).split())
    with db.read() as session:
        assert verify_chain(session).ok


def test_without_a_photo_the_frame_says_so_and_other_services_keep_none(
        counter: tuple[Database, Signer, UserInfo, UserInfo]) -> None:
    db, signer, officer, _ = counter
    tracking = submit_example(db, officer, load_tariff(), "tenant-registration")
    pdf = printing.print_document(db, tracking, "tenant-registration-slip", user=officer,
                                  signer=signer).pdf
    assert _images_on(pdf) == 0
    assert "No photograph on record" in " ".join(page_text(pdf).split())
    lost = submit_example(db, officer, load_tariff(), "lost-report")
    with pytest.raises(InvalidRequest, match="prints no photograph"):
        attach_photo(db, lost, camera_picture(), user=officer)
