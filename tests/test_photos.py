"""The person's photograph: kept with the application from a file, reduced and stripped of
its metadata, printed on the documents that need one with its digest beside it."""

from __future__ import annotations

import dataclasses
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
from khidmat_desk.app.photos import (
    MAX_FILE_BYTES,
    MAX_SIDE,
    attach_photo,
    photo_of,
    prepare_photo,
    read_photo_file,
)
from khidmat_desk.auth.users import UserInfo, create_user
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


def test_a_huge_picture_or_file_is_refused_before_it_is_decoded(tmp_path: Path) -> None:
    out = io.BytesIO()
    Image.new("1", (9000, 6000)).save(out, "PNG")  # 54 megapixels in a small file
    assert len(out.getvalue()) < MAX_FILE_BYTES
    with pytest.raises(InvalidRequest, match="9000x6000 pixels"):
        prepare_photo(out.getvalue())
    big = tmp_path / "scan.jpg"
    with big.open("wb") as sparse:
        sparse.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(InvalidRequest, match="MB"):
        read_photo_file(big)
    with pytest.raises(InvalidRequest, match="Cannot read"):
        read_photo_file(tmp_path / "missing.jpg")


def test_a_retake_is_audited_with_the_digest_it_replaced(
        counter: tuple[Database, Signer, UserInfo, UserInfo]) -> None:
    from sqlalchemy import select

    from khidmat_desk.store.models import AuditEvent

    db, _, officer, _ = counter
    tracking = submit_example(db, officer, load_tariff(), "tenant-registration")
    first = attach_photo(db, tracking, camera_picture(fmt="PNG"), user=officer)
    second = attach_photo(db, tracking, camera_picture(rotated=True), user=officer)
    with db.read() as session:
        events = session.execute(select(AuditEvent.action, AuditEvent.details).where(
            AuditEvent.action.in_(("photo-attached", "photo-replaced")))
            .order_by(AuditEvent.id)).all()
    assert [e.action for e in events] == ["photo-attached", "photo-replaced"]
    assert events[1].details["replaced_sha256"] == first.sha256
    assert events[1].details["sha256"] == second.sha256


def test_a_layout_that_requires_the_photograph_waits_for_it(
        counter: tuple[Database, Signer, UserInfo, UserInfo]) -> None:
    db, signer, officer, head = counter
    shipped = printing.shipped_templates()
    layouts = dataclasses.replace(shipped, documents={
        **shipped.documents, "character-certificate": dataclasses.replace(
            shipped.document("character-certificate"), photo_required=True)})
    tracking = submit_example(db, officer, load_tariff(), "character-certificate")
    verify_application(db, tracking, head)
    listed = {d.key: d for d in printing.list_documents(db, tracking, layouts)}
    assert not listed["character-certificate"].ready
    assert "No photograph is kept" in str(listed["character-certificate"].not_ready_reason)
    with pytest.raises(printing.PrintRefused, match="add the photograph first"):
        printing.print_document(db, tracking, "character-certificate", user=head,
                                signer=signer, templates=layouts)
    attach_photo(db, tracking, camera_picture(), user=officer)
    listed = {d.key: d for d in printing.list_documents(db, tracking, layouts)}
    assert listed["character-certificate"].ready
    assert printing.print_document(db, tracking, "character-certificate", user=head,
                                   signer=signer, templates=layouts).copy_no == 1


def test_a_verifier_is_refused_by_the_use_case(
        counter: tuple[Database, Signer, UserInfo, UserInfo]) -> None:
    from khidmat_desk.auth.users import PermissionDenied

    db, _, officer, _ = counter
    with db.write() as session:
        verifier = create_user(session, "bilal.ahmed", "Bilal Ahmed", "verifier",
                               "correct horse 1")
    tracking = submit_example(db, officer, load_tariff(), "tenant-registration")
    with pytest.raises(PermissionDenied, match="Only"):
        attach_photo(db, tracking, camera_picture(), user=verifier)
    assert photo_of(db, get_application(db, tracking).uuid) is None
