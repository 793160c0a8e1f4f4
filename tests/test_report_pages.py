"""How the in-charge's reports break across pages: a heading is never left alone at the foot
of a page with what it heads on the next."""

from __future__ import annotations

import pypdfium2 as pdfium
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from khidmat_desk.reports.pdfkit import MARGIN, build, heading, para, table

#: the height a page's frame holds (A4 less the margins, the footer's room and the frame's padding)
FRAME = A4[1] - 2 * MARGIN - 4 * mm - 12


def _page_texts(pdf: bytes) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    return [document[i].get_textpage().get_text_range() for i in range(len(document))]


def _story(room_left: float) -> list:
    """A first page filled but for ``room_left`` points, then a heading and its table."""
    return [Spacer(1, FRAME - room_left), heading("Voids and refunds"),
            table(("Tracking number", "Reason"), [("LHR01-261201-01-0001-2", "entered twice")],
                  (60 * mm, 60 * mm)),
            para("The end.")]


def test_a_heading_at_the_foot_of_a_page_goes_over_with_its_table() -> None:
    # room for the heading (about 28 pt with its spacing) but not for the table under it
    pages = _page_texts(build(_story(room_left=30), title="t", footer="f"))
    assert len(pages) == 2
    assert "Voids and refunds" not in pages[0]
    assert "Voids and refunds" in pages[1] and "entered twice" in pages[1]


def test_a_heading_with_room_for_its_table_stays_where_it_is() -> None:
    pages = _page_texts(build(_story(room_left=120), title="t", footer="f"))
    assert "Voids and refunds" in pages[0] and "entered twice" in pages[0]


def test_urdu_text_longer_than_a_page_goes_on_over_the_next_pages() -> None:
    # a void reason or a close's explanation may be typed in Urdu, and long
    long_urdu = "رقم کم ہونے کی وضاحت " * 700
    pdf = build([heading("Voids and refunds"),
                 table(("Tracking number", "Reason"), [("LHR01-261201-01-0001-2", "غلط اندراج")],
                       (60 * mm, 60 * mm)),
                 para(f"Explanation: {long_urdu}"), para("The end.")], title="t", footer="f")
    pages = _page_texts(pdf)
    assert len(pages) >= 3
    assert "Explanation:" in pages[0] and "The end." in pages[-1]
    assert all(any("\ue000" <= c <= "\uf8ff" for c in page) for page in pages)  # Urdu glyphs
