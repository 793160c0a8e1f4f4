"""Hostile files and values: documents that would eat the memory, arguments that are not
text, JSON that nests forever, bidi overrides in names, absurd numbers, a damaged database."""

from __future__ import annotations

import json
import sqlite3
import struct
import unicodedata
import zlib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from trust_helpers import Run, apply, make_centre, snapshot, sql

from khidmat_desk.core.catalogue import get_service
from khidmat_desk.core.validation import validate_answers
from khidmat_desk.core.validators import BIDI_CONTROLS, check_text, clean_free_text
from khidmat_desk.store.db import Database, open_database, sqlite_url
from khidmat_desk.store.errors import DatabaseCorruptError
from khidmat_desk.store.migrate import current_revision, upgrade


@pytest.fixture
def centre(run: Run, tmp_path: Path) -> Path:
    return make_centre(run, tmp_path / "centre")


# -- verify FILE -----------------------------------------------------------------------------


def huge_page_pdf(points: int = 14400) -> bytes:
    """A valid PDF of a few hundred bytes whose one page is 5 x 5 metres (3.6 GB at 300 dpi)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] >>" % (points, points)]
    body, offsets = b"%PDF-1.4\n", []
    for number, content in enumerate(objects, 1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 4\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o
                                                          for o in offsets)
    return body + b"trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref


def huge_png(width: int = 20_000, height: int = 20_000) -> bytes:
    """A PNG of a few dozen bytes declaring 400 million pixels."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 100)) + chunk(b"IEND", b""))


@pytest.mark.parametrize(("name", "content", "words"), [
    ("huge.pdf", huge_page_pdf(), "larger than any document"),
    ("huge.png", huge_png(), "pixels"),
    ("wide.png", huge_png(200_000, 400), "megapixels"),
    ("bomb.png", huge_png(60_000, 60_000), "pixels"),
])
def test_verify_refuses_a_file_too_big_to_render(run: Run, tmp_path: Path, name: str,
                                                 content: bytes, words: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert len(content) < 1000
    code, out, err = run("verify", str(path), "--public-key", str(tmp_path / "none.pem"))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and words in err and "Traceback" not in err


# -- arguments and JSON ----------------------------------------------------------------------


def test_an_argument_that_is_not_utf8_is_bad_input(run: Run, centre: Path) -> None:
    broken = b"Imran \xff\xfe".decode("utf-8", "surrogateescape")
    code, _, err = run("find", broken, "--data-dir", str(centre))
    assert code == 2 and err.count("\n") == 1 and "not valid UTF-8" in err


@pytest.mark.parametrize("depth", [10, 100_000])
def test_deeply_nested_answers_are_bad_input(run: Run, centre: Path, depth: int) -> None:
    before = snapshot(centre)
    answers = dict(get_service("fir-copy").example)
    path = centre.parent / "nested.json"
    text = json.dumps(answers)[:-1] + ', "sections": ' + "[" * depth + "]" * depth + "}"
    path.write_text(text, "utf-8")
    code, _, err = run("apply", "fir-copy", "--data-dir", str(centre), "--answers", str(path),
                       "--user", "officer1", "--password-stdin", stdin="officer-pass-1\n")
    assert code == 2 and err.count("\n") == 1 and "nests its values too deeply" in err
    assert snapshot(centre) == before


# -- free text and numbers -------------------------------------------------------------------


def test_bidi_overrides_are_cleaned_from_every_free_text_answer(run: Run, centre: Path) -> None:
    answers = {**get_service("fir-copy").example,
               "name": "Muhammad\u202e narmI",
               "present_address": "House 12\u2066, Street 4\u2069, Gulberg\u200f III",
               "sections": "379/411\u202d PPC"}
    code, _, err = apply(run, centre, "fir-copy", answers)
    assert code == 0, err
    stored = json.loads(sql(centre, "SELECT answers FROM application")[0][0])
    text = json.dumps(stored, ensure_ascii=False)
    assert not any(ch in text for ch in BIDI_CONTROLS)
    assert stored["name"] == "Muhammad narmI"
    assert stored["present_address"] == "House 12, Street 4, Gulberg III"


def test_bidi_and_control_characters_are_cleaned_from_reasons(run: Run, centre: Path) -> None:
    tracking = apply(run, centre, "fir-copy")[1].strip()
    code, _, err = run("status", tracking, "--data-dir", str(centre), "--set", "voided",
                       "--reason", "duplicate\u202e entry\x07", "--user", "incharge",
                       "--password-stdin", stdin="incharge-pass-1\n")
    assert code == 0, err
    assert sql(centre, "SELECT reason FROM status_change WHERE to_status = 'voided'") == [
        ("duplicate entry",)]


@pytest.mark.parametrize("text", ["a\u202eb", "\u2066x\u2069", "x\u200e\u200fy\u061c"])
def test_one_cleaner_for_free_text(text: str) -> None:
    cleaned = clean_free_text(text)
    assert not any(ch in cleaned for ch in BIDI_CONTROLS)


@pytest.mark.parametrize(("year", "ok"), [(10**30, False), (2100, False), (-5, False),
                                          (1949, False), (1950, True), (2027, True)])
def test_a_model_year_must_be_a_year(year: int, ok: bool) -> None:
    service = get_service("vehicle-verification")
    result = validate_answers(service, {**service.example, "model_year": year},
                              today=date(2026, 11, 30))
    assert result.ok is ok, result.errors


def test_numbers_without_their_own_bounds_are_still_bounded(run: Run, centre: Path) -> None:
    before = snapshot(centre)
    answers = {**get_service("vehicle-verification").example, "model_year": 10**30}
    code, _, err = apply(run, centre, "vehicle-verification", answers)
    assert code == 2 and "model" in err.lower()
    assert snapshot(centre) == before
    rent = get_service("tenant-registration")
    assert rent.example.get("monthly_rent") is not None
    result = validate_answers(rent, {**rent.example, "monthly_rent": 10**30},
                              today=date(2026, 11, 30))
    assert not result.ok and "monthly_rent" in {e.field for e in result.errors}


# -- a damaged old database ------------------------------------------------------------------


def test_a_damaged_old_database_is_refused_before_any_migration(tmp_path: Path) -> None:
    path = tmp_path / "counter.sqlite3"
    old = Database(sqlite_url(path))
    upgrade(old.engine, None, revision="0003_print_log")
    old.dispose()
    con = sqlite3.connect(path)
    try:
        con.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, v TEXT)")
        con.execute("CREATE INDEX ix_filler ON filler (v)")
        con.executemany("INSERT INTO filler (v) VALUES (?)",
                        [(f"value {i:06d} " * 5,) for i in range(3000)])
        con.commit()
        con.execute("PRAGMA journal_mode=DELETE")
    finally:
        con.close()
    size = path.stat().st_size
    with path.open("r+b") as handle:  # a bad sector in the middle of an index
        handle.seek(size - 3 * 4096 + 100)
        handle.write(b"\xff" * 2000)
    schema = _schema(path)
    with pytest.raises(DatabaseCorruptError):
        open_database(sqlite_url(path), backup_dir=tmp_path / "backups")
    assert _schema(path) == schema
    assert not (tmp_path / "backups").exists()
    check = Database(sqlite_url(path), busy_timeout_ms=100)
    try:
        assert current_revision(check.engine) == "0003_print_log"
    finally:
        check.dispose()


def _schema(path: Path) -> list[tuple[str, str]]:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
    finally:
        con.close()


# -- every free text, whatever arrives -------------------------------------------------------

_HOSTILE = st.text(alphabet=st.one_of(
    st.sampled_from([*BIDI_CONTROLS, "\x00", "\x1b", "\x7f", "\x85", "\u200b", "\ufeff",
                     "\n", "\r", "\t"]),
    st.characters(codec="utf-8")), max_size=60)


@settings(max_examples=400, deadline=None)
@given(_HOSTILE)
def test_no_control_or_bidi_character_survives_validation(text: str) -> None:
    checked = check_text(text, min_length=None, max_length=None, pattern=None,
                         pattern_hint="", multiline=False)
    kept = checked.value if checked.ok else clean_free_text(text)
    assert isinstance(kept, str)
    assert not any(ch in BIDI_CONTROLS for ch in kept)
    assert not any(unicodedata.category(ch) == "Cc" for ch in kept)
    assert clean_free_text(kept) == kept  # cleaning twice changes nothing
