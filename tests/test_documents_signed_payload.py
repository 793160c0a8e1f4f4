"""Every fact a document states is signed: an edited period of stay, in the code or on the page,
makes it INVALID; the holder's CNIC can be checked against a card but not computed."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import zlib
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from printing_helpers import (
    CENTRE,
    WHEN,
    apply_on_new_centre,
    decode,
    page_text,
    signing_counter,
    submit_example,
    verify_application,
)

from khidmat_desk.app import print_content, printing
from khidmat_desk.app.applications import get_application
from khidmat_desk.app.verification import (
    INVALID,
    NOT_THIS_PERSON,
    VALID,
    fact_lines,
    verify_payload,
)
from khidmat_desk.auth.users import UserInfo
from khidmat_desk.core.catalogue import get_service, load_tariff
from khidmat_desk.printing.content import Issue
from khidmat_desk.printing.document import render_document
from khidmat_desk.printing.signing import (
    Signer,
    b64,
    parse_document,
    payload_of_qr,
)
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import OutboxEntry

Run = Callable[..., tuple[int, str, str]]
CERTIFICATE = "character-certificate"
HOLDER_CNIC = "35202-1234567-1"


@dataclasses.dataclass(frozen=True)
class Desk:
    db: Database
    signer: Signer
    head: UserInfo
    tracking: str

    @property
    def keys(self) -> dict[str, tuple[str, object]]:
        return {self.signer.key_id: (CENTRE, self.signer.public_key)}


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    db, signer, officer, head = signing_counter(tmp_path_factory.mktemp("signed") / "c.sqlite3")
    tracking = submit_example(db, officer, load_tariff(), CERTIFICATE)
    verify_application(db, tracking, head)
    try:
        yield Desk(db, signer, head, tracking)
    finally:
        db.dispose()


@pytest.fixture(scope="module")
def certificate(desk: Desk) -> printing.PrintedDocument:
    return printing.print_document(desk.db, desk.tracking, CERTIFICATE, user=desk.head,
                                   signer=desk.signer, now=WHEN,
                                   base_url="https://verify.example.pk")


def _print(desk: Desk) -> printing.PrintedDocument:
    """Another copy of the certificate, printed by the in-charge."""
    return printing.print_document(desk.db, desk.tracking, CERTIFICATE, user=desk.head,
                                   signer=desk.signer, now=WHEN)


def _resigned_facts(payload: str, change: Callable[[list[list[object]]], None]) -> str:
    """The payload with its facts edited and the original signature kept (a forger's copy)."""
    parts = payload.split("|")
    raw = zlib.decompress(__import__("base64").urlsafe_b64decode(parts[9] + "=="), -15)
    facts = json.loads(raw)
    change(facts)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    parts[9] = b64(packer.compress(json.dumps(facts, ensure_ascii=False,
                                              separators=(",", ":")).encode()) + packer.flush())
    return "|".join(parts)


def test_the_code_signs_every_fact_the_certificate_states(desk: Desk, certificate:
                                                          printing.PrintedDocument) -> None:
    result = verify_payload(certificate.qr_payload or "", desk.keys, cnic=HOLDER_CNIC,
                            page_text=page_text(certificate.pdf))
    assert result.verdict == VALID and result.page_checked, result.reason
    assert result.document is not None
    lines = dict(fact_lines(result.document))
    example = get_service(CERTIFICATE).example
    assert lines["Applicant name"] == "Muhammad Imran"
    assert lines["Passport number"] == example["passport_no"]
    assert lines["Date of birth"] == "12-04-1988"
    assert lines["Destination country"] == "Saudi Arabia"
    assert lines["Valid until"] == "22-05-2027"  # 180 days from 2026-11-23
    assert "Abdul Rasheed" in lines.values()  # the father's name
    periods = [v for k, v in lines.items() if k.startswith("Districts and periods of stay")]
    assert periods == ["District: Sargodha; From: 12-04-2006; To: 30-06-2010",
                       "District: Lahore; From: 01-07-2010; To: 31-01-2025"]
    assert result.cnic_matches is True
    assert "3520212345671" not in (certificate.qr_payload or "")
    assert HOLDER_CNIC not in (certificate.qr_payload or "")


def test_a_period_of_stay_changed_in_the_code_is_invalid(desk: Desk, certificate:
                                                         printing.PrintedDocument) -> None:
    payload = payload_of_qr(certificate.qr_payload or "")

    def longer_stay(facts: list[list[object]]) -> None:
        table = next(f for f in facts if f[0] == "stays")
        table[1][1][1] = "12-04-2001"  # type: ignore[index]

    forged = _resigned_facts(payload, longer_stay)
    assert forged != payload
    result = verify_payload(forged, desk.keys)
    assert result.verdict == INVALID and "content was changed" in result.reason


def test_a_period_of_stay_changed_on_the_page_is_invalid(desk: Desk, certificate:
                                                         printing.PrintedDocument) -> None:
    """The forger keeps the genuine QR code and prints another period beside it."""
    detail = get_application(desk.db, desk.tracking)
    answers = json.loads(json.dumps(detail.answers))
    answers["stays"][0]["from"] = "2001-04-12"
    service = get_service(CERTIFICATE)
    output = service.outputs[0]
    layout = printing.shipped_templates().document(output.key)
    genuine = print_content.document_content(detail, output, date(2026, 11, 23), None, layout)
    forged_content = dataclasses.replace(genuine, answers=answers,
                                         qr_payload=certificate.qr_payload)
    issue = Issue(CENTRE, "Liberty Market", "Lahore", 3, "Nadia Iqbal", WHEN, 1)
    forged_pdf = render_document(forged_content, issue, printing.shipped_templates())
    assert decode(forged_pdf, __import__("zxingcpp").BarcodeFormat.QRCodeModel2) == [
        certificate.qr_payload]
    assert "12-04-2001" in page_text(forged_pdf)
    result = verify_payload(certificate.qr_payload or "", desk.keys,
                            page_text=page_text(forged_pdf))
    assert result.verdict == INVALID
    assert result.page_differs == ("Districts and periods of stay to certify",)


def test_a_cnic_changed_on_the_page_is_invalid(desk: Desk, certificate:
                                               printing.PrintedDocument) -> None:
    text = page_text(certificate.pdf).replace(HOLDER_CNIC, "35202-7654321-1")
    result = verify_payload(certificate.qr_payload or "", desk.keys, page_text=text)
    assert result.verdict == INVALID and "CNIC" in " ".join(result.page_differs)


def test_another_persons_cnic_is_not_this_person(desk: Desk, certificate:
                                                 printing.PrintedDocument) -> None:
    result = verify_payload(certificate.qr_payload or "", desk.keys, cnic="35202-1234568-1")
    assert result.valid and result.cnic_matches is False
    assert result.verdict == NOT_THIS_PERSON


def test_the_identity_check_cannot_be_computed_the_old_way(desk: Desk) -> None:
    """The first format's sha256(tracking|CNIC) is gone; each copy has its own salt."""
    first, second = _print(desk), _print(desk)
    one = parse_document(payload_of_qr(first.qr_payload or ""))[0]
    two = parse_document(payload_of_qr(second.qr_payload or ""))[0]
    assert one.salt != two.salt
    assert one.fact("cnic#") != two.fact("cnic#")
    old_style = b64(hashlib.sha256(f"{desk.tracking}|3520212345671".encode()).digest()[:12])
    assert old_style not in (first.qr_payload or "")


def test_each_issued_copy_is_queued_for_the_central_server(
        desk: Desk, certificate: printing.PrintedDocument) -> None:
    from sqlalchemy import select

    with desk.db.read() as session:
        rows = session.scalars(select(OutboxEntry).where(OutboxEntry.kind == "document")).all()
        records = [r.payload for r in rows]
    mine = [r for r in records if r["payload"] == payload_of_qr(certificate.qr_payload or "")]
    assert len(mine) == 1
    assert mine[0]["copy_no"] == certificate.copy_no
    assert mine[0]["tracking_number"] == desk.tracking
    assert mine[0]["public_key"]


def test_a_hostile_code_is_refused_not_a_crash(desk: Desk, certificate:
                                               printing.PrintedDocument) -> None:
    payload = payload_of_qr(certificate.qr_payload or "")
    parts = payload.split("|")
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    bomb = packer.compress(b"[" * 10_000_000) + packer.flush()
    for facts in (b64(bomb), b64(b"not deflate"), b64(zlib.compress(b"{}")[2:-4])):
        hostile = "|".join([*parts[:9], facts, parts[10]])
        result = verify_payload(hostile, desk.keys)
        assert result.verdict == INVALID and result.document is None


def test_verify_says_not_this_person_first(run: Run, tmp_path: Path) -> None:
    folder, tracking = apply_on_new_centre(run, tmp_path, CERTIFICATE,
                                           get_service(CERTIFICATE).example)
    signed_in = ("--data-dir", str(folder), "--user", "incharge", "--password-stdin")
    run("status", tracking, "--set", "in-verification", *signed_in, stdin="incharge-pass-1\n")
    run("finding", tracking, "--outcome", "verified", "--record-status", "not-involved",
        "--reference", "CRO 1/2026", "--override-reason", "one-person test centre", *signed_in,
        stdin="incharge-pass-1\n")
    run("status", tracking, "--set", "ready", *signed_in, stdin="incharge-pass-1\n")
    pdf = tmp_path / "pcc.pdf"
    assert run("print", "document", tracking, "--data-dir", str(folder), "--out", str(pdf),
               "--user", "incharge", "--password-stdin", stdin="incharge-pass-1\n")[0] == 0
    code, out, _ = run("verify", str(pdf), "--data-dir", str(folder), "--cnic",
                       "35202-1234568-1")
    assert code == 1
    assert out.splitlines()[0].startswith("NOT THIS PERSON:")
    assert "DOES NOT match" in out
    code, out, _ = run("verify", str(pdf), "--data-dir", str(folder), "--cnic", HOLDER_CNIC)
    assert code == 0 and out.startswith("VALID:")
    assert "every signed fact is on the page" in out.splitlines()[0]
    assert "Districts and periods of stay to certify 2: District: Lahore" in out
    assert "Passport number: AB1234567" in out
    assert "Police finding: Record status: Not involved" in out
    assert "Police finding: CRO / police-station report no.: CRO 1/2026" in out


def test_the_photograph_is_signed_and_another_one_is_invalid(desk: Desk) -> None:
    """A certificate with a photograph signs its SHA-256; a page with another picture (and
    the other picture's digest under it) does not pass with the genuine code."""
    import io

    from PIL import Image

    from khidmat_desk.app.photos import attach_photo, photo_of

    def picture(shade: int) -> bytes:
        out = io.BytesIO()
        Image.new("RGB", (700, 900), (shade, 170, 150)).save(out, "JPEG")
        return out.getvalue()

    kept = attach_photo(desk.db, desk.tracking, picture(200), user=desk.head)
    printed = _print(desk)
    result = verify_payload(printed.qr_payload or "", desk.keys,
                            page_text=page_text(printed.pdf))
    assert result.verdict == VALID, result.reason
    assert result.document is not None
    assert result.document.text_of("photo_sha256") == kept.sha256
    assert ("Photograph (SHA-256)", kept.sha256) in fact_lines(result.document)
    other = attach_photo(desk.db, desk.tracking, picture(90), user=desk.head)
    detail = get_application(desk.db, desk.tracking)
    layout = printing.shipped_templates().document(CERTIFICATE)
    swapped = print_content.document_content(
        detail, get_service(CERTIFICATE).outputs[0], date(2026, 11, 23), None, layout,
        photo_of(desk.db, detail.uuid))
    issue = Issue(CENTRE, "Liberty Market", "Lahore", 3, "Nadia Iqbal", WHEN, 1)
    forged = render_document(dataclasses.replace(swapped, qr_payload=printed.qr_payload),
                             issue, printing.shipped_templates())
    assert other.sha256[:16] in page_text(forged)
    forged_result = verify_payload(printed.qr_payload or "", desk.keys,
                                   page_text=page_text(forged))
    assert forged_result.verdict == INVALID
    assert forged_result.page_differs == ("Photograph (SHA-256)",)


def test_a_prepared_copy_uses_its_checks_once(desk: Desk) -> None:
    """The slow identity checks are made before Print is pressed; the copy that takes them
    still checks against the holder's card, and the next copy gets a salt of its own."""
    assert printing.prepare_copy(desk.db, desk.tracking, CERTIFICATE, user=desk.head)
    assert not printing.prepare_copy(desk.db, desk.tracking, CERTIFICATE, user=desk.head)
    prepared = printing._PREPARED.take(desk.tracking, CERTIFICATE)
    assert prepared is not None and prepared.done
    printing._PREPARED.put(desk.tracking, CERTIFICATE, prepared)
    first, second = _print(desk), _print(desk)
    one = parse_document(payload_of_qr(first.qr_payload or ""))[0]
    two = parse_document(payload_of_qr(second.qr_payload or ""))[0]
    assert one.salt_bytes == prepared.salt and two.salt_bytes != prepared.salt
    for printed in (first, second):
        result = verify_payload(printed.qr_payload or "", desk.keys, cnic=HOLDER_CNIC,
                                page_text=page_text(printed.pdf))
        assert result.verdict == VALID and result.cnic_matches is True, result.reason
    other = verify_payload(first.qr_payload or "", desk.keys, cnic="35202-1234568-1")
    assert other.verdict == NOT_THIS_PERSON
