"""What every register PDF shares: page, fonts, headings, tables, signature lines, page numbers.

reportlab platypus on A4 with the bundled Noto Sans embedded, as every printed page is.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from khidmat_desk.core import clock
from khidmat_desk.printing import urdu
from khidmat_desk.printing.flow import URDU_ASCENT, URDU_LEADING, URDU_LINE_GAP, wrap_latin
from khidmat_desk.printing.fonts import SANS, SANS_BOLD, register_fonts

MARGIN = 14 * mm
GRID = colors.Color(0.6, 0.6, 0.6)
HEAD = colors.Color(0.88, 0.9, 0.93)
STYLES = {
    "title": ParagraphStyle("title", fontName=SANS_BOLD, fontSize=15, leading=19),
    "subtitle": ParagraphStyle("subtitle", fontName=SANS, fontSize=9.5, leading=13,
                               textColor=colors.Color(0.25, 0.25, 0.25)),
    # a heading never ends a page: it goes over with what it heads
    "h2": ParagraphStyle("h2", fontName=SANS_BOLD, fontSize=11.5, leading=15, spaceBefore=9,
                         spaceAfter=4, keepWithNext=1),
    "body": ParagraphStyle("body", fontName=SANS, fontSize=8.5, leading=11),
    "figure": ParagraphStyle("figure", fontName=SANS_BOLD, fontSize=11, leading=14),
    "cell": ParagraphStyle("cell", fontName=SANS, fontSize=7.5, leading=9.5),
    "sign": ParagraphStyle("sign", fontName=SANS, fontSize=8.5, leading=15),
    "note": ParagraphStyle("note", fontName=SANS, fontSize=7.5, leading=10,
                           textColor=colors.Color(0.35, 0.35, 0.35)),
}


def local(moment: datetime | None, fmt: str = "%d-%m-%Y %H:%M") -> str:
    return "" if moment is None else clock.local(moment).strftime(fmt)


def rupees(amount: int) -> str:
    return f"Rs {amount:,}"


@cache
def _fonts() -> None:
    """The bundled fonts, with Noto Sans Bold as the bold of Noto Sans for ``<b>``."""
    register_fonts()
    registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS, boldItalic=SANS_BOLD)
    registerFontFamily(SANS_BOLD, normal=SANS_BOLD, bold=SANS_BOLD, italic=SANS_BOLD,
                       boldItalic=SANS_BOLD)


def para(text: str, style: str = "body", *, right: bool = False) -> Flowable:
    """A paragraph of plain text (markup characters are escaped)."""
    return lines([text], style, right=right)


def lines(texts: Sequence[str], style: str = "body", *, right: bool = False) -> Flowable:
    """Lines of plain text in one paragraph, each on its own line; text with Urdu in it
    (a reason or an explanation typed in Urdu, a name) is shaped and set in the Urdu font."""
    _fonts()
    if any(urdu.has_rtl(t) for t in texts):
        return MixedText(texts, STYLES[style], right=right)
    safe = (t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") for t in texts)
    chosen = STYLES[style]
    if right:
        chosen = ParagraphStyle(f"{chosen.name}-right", parent=chosen, alignment=2)
    return Paragraph("<br/>".join(safe), chosen)


class MixedText(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Lines of text in which Urdu is shaped and laid out right to left: an Urdu text right
    to left from the right edge, an English one with an Urdu phrase left to right. Lines
    holding Urdu are as tall as Nastaliq needs; the paragraph breaks across pages by line."""

    def __init__(self, texts: Sequence[str], style: ParagraphStyle, *, right: bool = False,
                 laid: list[tuple[str, str]] | None = None) -> None:
        super().__init__()
        self.texts = list(texts)
        self.style = style
        self.right = right
        self._laid = laid
        self._room = 0.0

    def _size(self, laid: tuple[str, str]) -> float:
        if urdu.has_rtl(laid[0]):
            return float(self.style.fontSize) * (URDU_LEADING + URDU_LINE_GAP)
        return float(self.style.leading)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._room = availWidth
        if self._laid is None:
            self._laid = [line for text in self.texts for paragraph in text.splitlines() or [""]
                          for line in self._wrap_text(paragraph)]
        self.width, self.height = availWidth, sum(self._size(line) for line in self._laid)
        return self.width, self.height

    def _wrap_text(self, text: str) -> list[tuple[str, str]]:
        """The lines of ``text``, each with the direction of the whole text (an English
        sentence's wrapped Urdu tail stays on the left)."""
        size, font = float(self.style.fontSize), self.style.fontName
        base = urdu.base_direction(text)
        # a word wider than the line (a long number, a run typed without spaces) is cut
        words = [piece for word in text.split()
                 for piece in (wrap_latin(word, font, size, self._room)
                               if not urdu.has_rtl(word) else [word])]
        return [(line, base) for line in urdu.wrap(" ".join(words), self._room, size,
                                                   base=base, font=font) or [""]]

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self.wrap(availWidth, availHeight)
        laid = self._laid or []
        used, fits = 0.0, 0
        for line in laid:
            if used + self._size(line) > availHeight:
                break
            used += self._size(line)
            fits += 1
        if fits == 0 or fits == len(laid):
            return [] if fits == 0 else [self]
        return [MixedText([], self.style, right=self.right, laid=laid[:fits]),
                MixedText([], self.style, right=self.right, laid=laid[fits:])]

    def draw(self) -> None:
        size, font = float(self.style.fontSize), self.style.fontName
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(self.style.textColor)
        top = self.height
        for line, base in self._laid or []:
            height = self._size((line, base))
            rtl = urdu.has_rtl(line)
            baseline = top - (size * URDU_ASCENT if rtl else size)
            width = urdu.line_width(line, size, base=base, font=font)
            right_aligned = self.right or base == "R"
            x_right = self._room if right_aligned else width
            urdu.draw_line(canvas, line, x_right, baseline, size, base=base, font=font)
            top -= height
        canvas.restoreState()


def heading(text: str) -> Paragraph:
    return para(text, "h2")


def table(header: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float],
          *, numeric_from: int | None = None, total: bool = False,
          empty: str = "None.") -> Flowable:
    """A ruled table whose text wraps; numbers right-aligned from column ``numeric_from``."""
    if not rows:
        return para(empty, "note")
    def right(column: int) -> bool:
        return numeric_from is not None and column >= numeric_from

    cells = [[para(str(h), "cell", right=right(i)) for i, h in enumerate(header)]]
    cells += [[para(str(value), "cell", right=right(i)) for i, value in enumerate(row)]
              for row in rows]
    style = [
        ("FONT", (0, 0), (-1, -1), SANS, 7.5), ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if total:
        style.append(("BACKGROUND", (0, -1), (-1, -1), HEAD))
    # tables of different widths start at the margin, under their headings, not centred
    result = Table(cells, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    result.setStyle(TableStyle(style))
    return result


def signatures(*roles: str) -> Flowable:
    """Room to sign for each role, with name and date lines underneath."""
    width = 180 * mm / len(roles)
    signed = Table([[lines((role, " ", " ", "Signature: ______________________",
                            "Name: ___________________________",
                            "Date: ____________"), "sign") for role in roles]],
                   colWidths=[width] * len(roles))
    signed.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return KeepTogether([Spacer(1, 8 * mm), signed])


def build(story: list[Flowable], *, title: str, footer: str, wide: bool = False) -> bytes:
    """The PDF's bytes, with the title in its metadata and "footer · page n" on each page."""
    _fonts()
    buffer = io.BytesIO()
    size = landscape(A4) if wide else A4
    document = SimpleDocTemplate(buffer, pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN,
                                 topMargin=MARGIN, bottomMargin=MARGIN + 4 * mm, title=title,
                                 author="Khidmat Desk")

    def on_page(canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(SANS, 7)
        canvas.setFillColor(colors.Color(0.4, 0.4, 0.4))
        canvas.drawString(MARGIN, MARGIN - 2 * mm, footer)
        canvas.drawRightString(size[0] - MARGIN, MARGIN - 2 * mm, f"page {doc.page}")
        canvas.restoreState()

    document.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()
