"""`print`, `verify` and `keys` from the command line, and the key made at `init`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from khidmat_desk.core.catalogue import get_service
from khidmat_desk.printing.qrread import qr_texts_in_file

PASSWORD = "incharge-pass-1"
OFFICER_PASSWORD = "officer-pass-1"
Run = Callable[..., tuple[int, str, str]]


def _init(run: Run, folder: Path, *extra: str) -> tuple[int, str, str]:
    return run("init", "--data-dir", str(folder), "--centre-code", "LHR07", "--centre-name",
               "Liberty Market", "--district", "Lahore", "--counter", "3", "--user",
               "incharge", "--password-stdin", *extra, stdin=PASSWORD + "\n")


@pytest.fixture
def centre(tmp_path: Path, run: Run) -> tuple[Path, str]:
    """A centre set up with the protected file store, and one verified character certificate."""
    folder = tmp_path / "centre"
    code, out, err = _init(run, folder, "--secret-store", "file")
    assert code == 0, err
    assert "signing key" in out
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(get_service("character-certificate").example))
    code, out, err = run("apply", "character-certificate", "--data-dir", str(folder),
                         "--answers", str(answers), "--user", "incharge", "--password-stdin",
                         stdin=PASSWORD + "\n")
    assert code == 0, err
    tracking = out.strip()
    signed_in = ("--data-dir", str(folder), "--user", "incharge", "--password-stdin")
    assert run("status", tracking, "--set", "in-verification", *signed_in,
               stdin=PASSWORD + "\n")[0] == 0
    # The in-charge took it in, so deciding on it needs a reason (segregation of duties).
    code, _, err = run("finding", tracking, "--outcome", "verified", "--record-status",
                       "not-involved", "--reference", "CRO 1123/2026", "--override-reason",
                       "only one verifier at this centre, on leave", *signed_in,
                       stdin=PASSWORD + "\n")
    assert code == 0, err
    assert run("status", tracking, "--set", "ready", *signed_in, stdin=PASSWORD + "\n")[0] == 0
    return folder, tracking




def test_init_without_a_keyring_says_what_to_do_and_leaves_nothing(
        run: Run, tmp_path: Path, no_keyring: None) -> None:
    folder = tmp_path / "new"
    code, _, err = _init(run, folder)
    assert code == 1
    assert "No system keyring" in err and "--secret-store file" in err
    assert not folder.exists()


def test_init_keeps_the_private_key_out_of_the_database(centre: tuple[Path, str]) -> None:
    folder, _ = centre
    secret = (folder / "secrets" / "signing-key").read_text()
    assert (folder / "secrets" / "signing-key").stat().st_mode & 0o077 == 0
    assert secret.encode() not in (folder / "khidmat.sqlite3").read_bytes()


def test_print_and_verify_a_certificate(run: Run, centre: tuple[Path, str],
                                        tmp_path: Path) -> None:
    folder, tracking = centre
    out_file = tmp_path / "pcc.pdf"
    code, out, err = run("print", "document", tracking, "--data-dir", str(folder), "--out",
                         str(out_file), "--user", "incharge", "--password-stdin",
                         stdin=PASSWORD + "\n")
    assert code == 0, err
    assert "character-certificate" in out and out_file.read_bytes().startswith(b"%PDF")
    code, out, err = run("verify", str(out_file), "--data-dir", str(folder), "--cnic",
                         "35202-1234567-1")
    assert code == 0, err
    assert out.startswith("VALID") and tracking in out and "Muhammad Imran" in out
    assert "matches the holder of this document" in out


def test_a_changed_payload_is_invalid(run: Run, centre: tuple[Path, str],
                                      tmp_path: Path) -> None:
    folder, tracking = centre
    out_file = tmp_path / "pcc.pdf"
    run("print", "document", tracking, "--data-dir", str(folder), "--out", str(out_file),
        "--user", "incharge", "--password-stdin", stdin=PASSWORD + "\n")
    [payload] = qr_texts_in_file(out_file)
    assert run("verify", "--payload", payload, "--data-dir", str(folder))[0] == 0
    for tampered in (payload.replace(tracking, tracking[:-1] + "X"),
                     payload.replace("|1|LHR07|", "|2|LHR07|"), payload[:-1] + "x"):
        code, out, _ = run("verify", "--payload", tampered, "--data-dir", str(folder))
        assert code == 1 and out.startswith("INVALID")


def test_an_exported_key_verifies_without_the_database(run: Run, centre: tuple[Path, str],
                                                       tmp_path: Path) -> None:
    folder, tracking = centre
    pdf, pem = tmp_path / "pcc.pdf", tmp_path / "centre.pem"
    run("print", "document", tracking, "--data-dir", str(folder), "--out", str(pdf),
        "--user", "incharge", "--password-stdin", stdin=PASSWORD + "\n")
    code, out, _ = run("keys", "export", "--data-dir", str(folder), "--out", str(pem))
    assert code == 0 and "LHR07" in out
    assert "BEGIN PUBLIC KEY" in pem.read_text()
    code, out, err = run("verify", str(pdf), "--public-key", str(pem),
                         "--data-dir", str(tmp_path / "elsewhere"))
    assert code == 0 and out.startswith("VALID"), (out, err)


def test_print_receipt_twice_says_duplicate(run: Run, centre: tuple[Path, str],
                                            tmp_path: Path) -> None:
    folder, tracking = centre
    first = run("print", "receipt", tracking, "--data-dir", str(folder), "--out",
                str(tmp_path / "r1.pdf"))
    second = run("print", "receipt", tracking, "--data-dir", str(folder), "--out",
                 str(tmp_path / "r2.pdf"), "--format", "a4")
    assert first[0] == 0 and "DUPLICATE" not in first[1]
    assert second[0] == 0 and "DUPLICATE, copy 2" in second[1]
    code, out, _ = run("print", "history", tracking, "--data-dir", str(folder))
    assert code == 0 and "copy 1" in out and "copy 2" in out


def test_bad_input_names_the_argument(run: Run, centre: tuple[Path, str],
                                      tmp_path: Path) -> None:
    folder, tracking = centre
    code, _, err = run("verify", "--data-dir", str(folder))
    assert code == 2 and err.startswith("khidmat-desk: error: FILE") and err.count("\n") == 1
    not_pdf = tmp_path / "note.txt"
    not_pdf.write_text("hello")
    code, _, err = run("verify", str(not_pdf), "--data-dir", str(folder))
    assert code == 2 and "FILE" in err
    receipt = tmp_path / "r.pdf"
    run("print", "receipt", tracking, "--data-dir", str(folder), "--out", str(receipt))
    code, _, err = run("verify", str(receipt), "--data-dir", str(folder))
    assert code == 2 and "no QR code" in err
    code, _, err = run("print", "document", tracking, "--data-dir", str(folder), "--out",
                       str(tmp_path / "x.pdf"), "--document", "nothing", "--user", "incharge",
                       "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 2 and err.startswith("khidmat-desk: error: --document")
    assert "character-certificate" in err and not (tmp_path / "x.pdf").exists()


def test_keys_create_refuses_a_second_key_unless_replacing(
        run: Run, centre: tuple[Path, str], tmp_path: Path) -> None:
    folder, tracking = centre
    old_pdf = tmp_path / "old.pdf"
    run("print", "document", tracking, "--data-dir", str(folder), "--out", str(old_pdf),
        "--user", "incharge", "--password-stdin", stdin=PASSWORD + "\n")
    code, _, err = run("keys", "create", "--data-dir", str(folder), "--user", "incharge",
                       "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 2 and "--replace" in err
    code, out, err = run("keys", "create", "--replace", "--data-dir", str(folder), "--user",
                         "incharge", "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0, err
    assert "signing key" in out
    # a document signed with the retired key still checks out
    assert run("verify", str(old_pdf), "--data-dir", str(folder))[0] == 0


def test_only_full_size_qr_codes_are_read_off_a_page() -> None:
    """Our documents carry full-size QR codes only. zxing-cpp also reads Micro QR codes, and
    once read the corner of a certificate's code as one ("495129"): the genuine certificate
    was reported VALID and then INVALID for the phantom, and `verify` failed."""
    import zxingcpp
    from PIL import Image

    from khidmat_desk.printing.qrread import qr_texts_in_image

    def image(text: str, kind: zxingcpp.BarcodeFormat) -> Image.Image:
        drawn = memoryview(zxingcpp.create_barcode(text, kind).to_image(scale=8))
        height, width = drawn.shape[:2]
        return Image.frombytes("L", (width, height), drawn.tobytes())

    ours = image("PKM2|a signed payload", zxingcpp.BarcodeFormat.QRCode)
    micro = image("495129", zxingcpp.BarcodeFormat.MicroQRCode)
    page = Image.new("L", (ours.width + micro.width + 80, ours.height + 40), 255)
    page.paste(ours, (20, 20))
    page.paste(micro, (ours.width + 60, 20))
    assert {r.text for r in zxingcpp.read_barcodes(page)} >= {"495129"}  # there to be found
    assert qr_texts_in_image(page) == ["PKM2|a signed payload"]
