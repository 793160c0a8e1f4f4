"""Blocks shared by receipts and documents: letterhead, label/value rows, barcode, copy mark."""

from __future__ import annotations

from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from khidmat_desk.printing import urdu
from khidmat_desk.printing.barcodes import Dots, code128_width, draw_code128, scan_text
from khidmat_desk.printing.content import Issue
from khidmat_desk.printing.flow import LATIN_LEADING, URDU_LEADING, Flow
from khidmat_desk.printing.fonts import SANS, SANS_BOLD, text_width

MM = 72 / 25.4


def office_line(office: str, centre_name: str) -> str:
    """"Police Khidmat Markaz, Liberty Market" whether the centre was named with or without the
    office's name in front."""
    if centre_name.casefold().startswith(office.casefold()):
        return centre_name
    return f"{office}, {centre_name}"


def letterhead(flow: Flow, branding: dict[str, str], issue: Issue, *, size: float) -> None:
    """Organisation in English and Urdu, then the centre that issued the page."""
    flow.lines(branding["organisation"], size=size * 1.35, font=SANS_BOLD, align="centre")
    flow.urdu_lines(f"{branding['organisation_ur']} · {branding['office_ur']}", size=size * 1.05,
                    align="centre")
    flow.lines(office_line(branding["office"], issue.centre_name), size=size, font=SANS_BOLD,
               align="centre")
    flow.lines(f"{issue.centre_district} · centre {issue.centre_code}", size=size * 0.9,
               align="centre")


def titles(flow: Flow, title: str, title_ur: str, *, size: float) -> None:
    flow.lines(title.upper(), size=size, font=SANS_BOLD, align="centre")
    if title_ur:
        flow.urdu_lines(title_ur, size=size * 0.95, align="centre")


def copy_mark(flow: Flow, branding: dict[str, str], issue: Issue, *, size: float) -> None:
    """A reprint says DUPLICATE and which copy it is, white on black so it cannot be missed."""
    if issue.preview:
        text = branding["preview_word"]
    elif issue.duplicate:
        text = f"{branding['duplicate_word']} · COPY {issue.copy_no}"
    else:
        return
    height = size * 1.8

    def draw(canvas: Canvas, x: float, top: float) -> None:
        canvas.saveState()
        canvas.rect(x, top - height, flow.width, height, stroke=0, fill=1)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.setFont(SANS_BOLD, size)
        canvas.drawCentredString(x + flow.width / 2, top - height + size * 0.55, text)
        canvas.restoreState()

    flow.add(height, draw)
    flow.space(size * 0.4)


def row(flow: Flow, label: str, value: str, *, size: float, label_width: float,
        label_ur: str = "", bold_value: bool = False) -> None:
    """A label (with its Urdu beside it when there is room, else under it) and its value.

    An Urdu value is set right to left but starts where Latin values start, so the column
    reads as one column.
    """
    room = flow.width - label_width - 4
    font = SANS_BOLD if bold_value else SANS
    if urdu.has_rtl(value):
        lines = urdu.wrap(value, room, size * 1.1)
        leading = size * 1.1 * URDU_LEADING * 0.85
    else:
        lines = simpleSplit(value, font, size, room) or [""]
        leading = size * LATIN_LEADING
    ur_size = size * 0.8
    beside = bool(label_ur) and (text_width(label, SANS, size * 0.92) + 6
                                 + urdu.line_width(label_ur, ur_size) < label_width - 8)
    label_height = size * LATIN_LEADING
    if label_ur:
        label_height = max(label_height, ur_size * 1.7) if beside else \
            label_height + ur_size * URDU_LEADING * 0.8
    height = max(leading * len(lines), label_height)

    def draw(canvas: Canvas, x: float, top: float) -> None:
        canvas.setFont(SANS, size * 0.92)
        canvas.setFillGray(0.3)
        baseline = top - size * LATIN_LEADING + size * 0.3
        canvas.drawString(x, baseline, label)
        if label_ur:
            urdu.draw_line(canvas, label_ur, x + label_width - 8,
                           baseline if beside else baseline - ur_size * 1.6, ur_size)
        canvas.setFillGray(0)
        for i, line in enumerate(lines):
            if urdu.has_rtl(line):
                start = x + label_width
                urdu.draw_line(canvas, line, start + urdu.line_width(line, size * 1.1),
                               top - leading * (i + 0.7), size * 1.1)
            else:
                canvas.setFont(font, size)
                canvas.drawString(x + label_width, top - leading * (i + 1) + size * 0.3, line)

    flow.add(height + size * 0.25, draw)


def barcode(flow: Flow, tracking: str, dots: Dots, *, height_mm: float, size: float) -> None:
    """The tracking number as Code128, centred, with the number printed under it."""
    bars = scan_text(tracking)
    width = code128_width(bars, dots)
    bar_height = height_mm * MM

    def draw(canvas: Canvas, x: float, top: float) -> None:
        left = x + max(0.0, (flow.width - width) / 2)
        draw_code128(canvas, bars, left, top - bar_height, bar_height, dots)
        canvas.setFont(SANS, size)
        canvas.drawCentredString(x + flow.width / 2, top - bar_height - size * 1.1, tracking)

    flow.add(bar_height + size * 1.5, draw)
