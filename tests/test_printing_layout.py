"""Every receipt and document of every service, filled with long realistic values, printed and
read back as text boxes: no two texts may print over each other and none may leave the
printable area of its paper."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from intake_helpers import counter_context, intake, required_documents
from PIL import Image
from printing_helpers import hand_over, set_up_centre, verify_application
from printing_layout import outside, overlapping, text_boxes

from khidmat_desk.app import printing
from khidmat_desk.app.applications import submit_application
from khidmat_desk.app.photos import attach_photo
from khidmat_desk.auth.users import UserInfo, create_user
from khidmat_desk.core.catalogue import SERVICE_CODES, get_service, load_tariff
from khidmat_desk.core.fields import Field, FieldType, Service
from khidmat_desk.paths import resource_path
from khidmat_desk.printing.signing import Signer
from khidmat_desk.store.db import Database, open_database, sqlite_url

MM = 72 / 25.4
#: What printers can reach: thermal heads print 72 of the roll's 80 mm; office lasers leave
#: about 5 mm; documents keep their text inside the inner frame drawn 10.5 mm from the edge.
PRINTABLE_MARGIN = {"thermal": 4 * MM, "a4": 5 * MM, "document": 10.5 * MM}

LONG_NAME = "Muhammad Zulqarnain Haider Khan Niazi Sahibzada Chaudhry"
LONG_NAME_UR = "محمد ذوالقرنین حیدر خان نیازی صاحبزادہ چوہدری باجوہ"
LONG_ADDRESS = ("House No. 1127-B, Street 14, Mohallah Chah Miran Wala, near Jamia Masjid Ghousia, "
                "Bilal Ganj, Ravi Road, Tehsil City, Lahore Cantonment, Punjab, Pakistan 54000")
LONG_TEXT = ("Sub-Divisional Police Officer, Saddar Circle, and the Station House Officer of "
             "Police Station Mughalpura Extension, Walton Cantonment Division")
NARRATIVE = ("On the evening of the incident the complainant was returning home from the "
             "wholesale market in Shah Alam when two men on a motorcycle without a number plate "
             "stopped him near the Lohari Gate flyover, showed a pistol and took his mobile "
             "phone, wallet, national identity card and the day's takings of Rs 48,500. ") * 3


@dataclass(frozen=True)
class Printed:
    name: str
    margin: float
    pdf: bytes


def _longest_station(district: str) -> str | None:
    data = json.loads(resource_path("data", "police_stations.json").read_text("utf-8"))
    stations = data.get("stations", data).get(district) if isinstance(data, dict) else None
    names = [s if isinstance(s, str) else s.get("name", "") for s in stations or ()]
    return max(names, key=len) if names else None


def _long(f: Field, value: Any, answers: dict[str, Any]) -> Any:
    """A long value of the kind a real citizen brings, within the field's limits."""
    if not isinstance(value, str):
        return value
    limit = f.max_length or 600
    if f.type is FieldType.URDU_TEXT:
        return LONG_NAME_UR[:limit].strip()
    if f.type is FieldType.POLICE_STATION:
        district = answers.get(f.key.replace("police_station", "district"), "")
        return _longest_station(str(district)) or value
    if f.type is not FieldType.TEXT:
        return value
    if f.key.endswith("name") and f.pattern:
        return LONG_NAME[:limit].strip()
    if f.pattern:
        return value
    if f.key.endswith("address"):
        return LONG_ADDRESS[:limit].strip()
    if f.max_length is None or f.max_length > 300:
        return NARRATIVE[:limit].strip()
    return LONG_TEXT[:limit].strip()


def long_answers(service: Service) -> dict[str, Any]:
    answers = dict(service.example)
    fields = service.field_map()
    for key, value in list(answers.items()):
        f = fields.get(key)
        if f is None:
            continue
        if f.type is FieldType.GROUP and isinstance(value, list):
            members = {m.key: m for m in f.fields}
            answers[key] = [{k: _long(members[k], v, item) if k in members else v
                             for k, v in item.items()} for item in value]
        else:
            answers[key] = _long(f, value, answers)
    return answers


def _portrait() -> bytes:
    image = Image.new("RGB", (900, 1200), (190, 160, 140))
    out = io.BytesIO()
    image.save(out, "JPEG")
    return out.getvalue()


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, list[Printed]]]:
    """Receipts (both formats) and documents of every service, each filled with long values."""
    path: Path = tmp_path_factory.mktemp("layout") / "counter.sqlite3"
    db: Database = open_database(sqlite_url(path))
    signer = Signer.generate()
    set_up_centre(db, signer)
    with db.write() as session:
        officer = create_user(session, "zulqarnain.niazi", LONG_NAME, "officer", "correct horse 1")
        head = create_user(session, "nadia.iqbal", "Nadia Iqbal", "in-charge", "correct horse 1")
    tariff = load_tariff()
    out: dict[str, list[Printed]] = {}
    try:
        for code in SERVICE_CODES:
            out[code] = _print_all(db, signer, officer, head, tariff, get_service(code))
        yield out
    finally:
        db.dispose()


def _print_all(db: Database, signer: Signer, officer: UserInfo, head: UserInfo, tariff: Any,
               service: Service) -> list[Printed]:
    answers = long_answers(service)
    required = required_documents(service.code, answers)
    received = [d.key for d in service.documents if d.when is None or d.key in required]
    tracking = submit_application(
        counter_context(db, officer, tariff, centre_code="LHR07", counter=3),
        intake(service.code, answers, documents=received, token_no="A-1017-EVENING")
    ).tracking_number
    verify_application(db, tracking, head)
    hand_over(db, tracking, head, service.code, attested_by_name=LONG_NAME,
              attested_by_rank=LONG_TEXT[:80].strip())
    if any(output.photo for output in service.outputs):
        attach_photo(db, tracking, _portrait(), user=officer)
    pages = [Printed(f"receipt {fmt}", PRINTABLE_MARGIN[fmt],
                     printing.print_receipt(db, tracking, user=officer, fmt=fmt).pdf)
             for fmt in ("thermal", "a4")]
    pages += [Printed(output.key, PRINTABLE_MARGIN["document"],
                      printing.print_document(db, tracking, output.key, user=head,
                                              signer=signer).pdf)
              for output in service.outputs]
    return pages


@pytest.mark.parametrize("code", SERVICE_CODES)
def test_no_text_overprints_or_leaves_the_paper(printed: dict[str, list[Printed]],
                                                code: str) -> None:
    problems = []
    for page in printed[code]:
        boxes, sizes = text_boxes(page.pdf)
        assert len(boxes) > 20, f"{page.name}: too little text found to judge the layout"
        problems += [f"{page.name}: {a} overlaps {b} {a.text}" for a, b in overlapping(boxes)]
        problems += [f"{page.name}: {b} is outside the printable area"
                     for b in outside(boxes, sizes, page.margin)]
    assert not problems, "\n".join(problems)


def test_the_long_values_reach_the_paper(printed: dict[str, list[Printed]]) -> None:
    """The checks above mean something only if the long values were printed whole."""
    from printing_helpers import page_text

    document = printed["police-verification"][-1]
    text = " ".join(page_text(document.pdf).split())
    assert LONG_NAME in text
    assert "Mohallah Chah Miran Wala" in text


def test_the_checker_finds_an_overprint() -> None:
    """Two strings drawn over each other, and one past the edge, are caught."""
    import io

    from reportlab.pdfgen.canvas import Canvas

    from khidmat_desk.printing.fonts import SANS, register_fonts

    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(80 * MM, 100 * MM))
    canvas.setFont(SANS, 9)
    canvas.drawString(12, 200, "Address: police station")
    canvas.drawString(80, 200, "Gulberg")
    canvas.drawString(200, 100, "Rs 500")
    canvas.showPage()
    canvas.save()
    boxes, sizes = text_boxes(buffer.getvalue())
    assert [(a.text.strip(), b.text.strip()) for a, b in overlapping(boxes)] in (
        [("Address: police station", "Gulberg")],
        [("Gulberg", "Address: police station")])
    assert [b.text.strip() for b in outside(boxes, sizes, 4 * MM)] == ["Rs 500"]
