"""Blocks shared by receipts and documents: letterhead, label/value rows, barcode, copy mark."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from khidmat_desk.printing import urdu
from khidmat_desk.printing.barcodes import Dots, code128_width, draw_code128, scan_text
from khidmat_desk.printing.content import Issue
from khidmat_desk.printing.flow import (
    LATIN_ASCENT,
    LATIN_LEADING,
    URDU_ASCENT,
    URDU_DESCENT,
    Flow,
    wrap_latin,
)
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


@dataclass(frozen=True)
class _Line:
    """One line of a column: its text, Urdu or not, size and font."""

    text: str
    size: float
    urdu: bool
    font: str = SANS
    #: an Urdu line's direction: "R", or "L" for an English sentence with Urdu in it
    base: str = "R"

    @property
    def ascent(self) -> float:
        return self.size * (URDU_ASCENT if self.urdu else LATIN_ASCENT)

    @property
    def descent(self) -> float:
        return self.size * (URDU_DESCENT if self.urdu else LATIN_LEADING - LATIN_ASCENT)


def _baselines(lines: list[_Line], first: float) -> tuple[list[float], float]:
    """Each line's baseline below the top (the first at ``first``) and the column's height."""
    baselines = []
    y = first
    for i, line in enumerate(lines):
        if i:
            y += lines[i - 1].descent + line.ascent
        baselines.append(y)
    return baselines, (y + lines[-1].descent) if lines else 0.0


def _value_lines(value: str, size: float, font: str, room: float) -> list[_Line]:
    """The value's lines, paragraph by paragraph as typed (a narrative's lines), each
    paragraph in its own direction."""
    lines: list[_Line] = []
    for paragraph in value.splitlines() or [""]:
        if urdu.has_rtl(paragraph):
            base = urdu.base_direction(paragraph)
            lines += [_Line(line, size * 1.1, True, font, base)
                      for line in urdu.wrap(paragraph, room, size * 1.1, base=base, font=font)]
        else:
            lines += [_Line(line, size, False, font)
                      for line in wrap_latin(paragraph, font, size, room)]
    return lines


def row(flow: Flow, label: str, value: str, *, size: float, label_width: float,
        label_ur: str = "", bold_value: bool = False, keep_with_next: bool = False) -> None:
    """A label (with its Urdu beside it when there is room, else under it) and its value.

    A label longer than its column wraps inside the column; nothing runs into the value.
    An Urdu value is set right to left but starts where Latin values start, so the column
    reads as one column.
    """
    room = flow.width - label_width - 4
    label_room = label_width - 6
    label_size, ur_size = size * 0.92, size * 0.8
    labels = [_Line(line, label_size, False) for line in wrap_latin(label, SANS, label_size,
                                                                      label_room)]
    beside = bool(label_ur) and len(labels) == 1 and (
        text_width(label, SANS, label_size) + 6 + urdu.line_width(label_ur, ur_size)
        <= label_room)
    if label_ur and not beside:
        labels += [_Line(line, ur_size, True) for line in urdu.wrap(label_ur, label_room,
                                                                     ur_size)]
    values = _value_lines(value, size, SANS_BOLD if bold_value else SANS, room)
    first = max(labels[0].ascent, values[0].ascent, ur_size * URDU_ASCENT if beside else 0.0)
    label_y, label_height = _baselines(labels, first)
    value_y, value_height = _baselines(values, first)
    if beside:
        label_height = max(label_height, first + ur_size * URDU_DESCENT)

    def draw(canvas: Canvas, x: float, top: float) -> None:
        canvas.setFillGray(0.3)
        for line, y in zip(labels, label_y, strict=True):
            if line.urdu:
                urdu.draw_line(canvas, line.text, x + label_room, top - y, line.size)
            else:
                canvas.setFont(SANS, line.size)
                canvas.drawString(x, top - y, line.text)
        if beside:
            urdu.draw_line(canvas, label_ur, x + label_room, top - first, ur_size)
        canvas.setFillGray(0)
        for line, y in zip(values, value_y, strict=True):
            if line.urdu:
                shape = {"base": line.base, "font": line.font}
                urdu.draw_line(canvas, line.text,
                               x + label_width + urdu.line_width(line.text, line.size, **shape),
                               top - y, line.size, **shape)
            else:
                canvas.setFont(line.font, line.size)
                canvas.drawString(x + label_width, top - y, line.text)

    flow.add(max(label_height, value_height) + size * 0.25, draw, keep_with_next=keep_with_next)


def amount_row(flow: Flow, text: str, amount: str, *, size: float, bold: bool = False) -> None:
    """What is charged, wrapped on the left, and its amount kept whole on the right."""
    font = SANS_BOLD if bold else SANS
    amount_width = text_width(amount, font, size)
    lines = wrap_latin(text, font, size, flow.width - amount_width - 8)
    leading = size * LATIN_LEADING

    def draw(canvas: Canvas, x: float, top: float) -> None:
        canvas.setFont(font, size)
        for i, line in enumerate(lines):
            canvas.drawString(x, top - size * LATIN_ASCENT - i * leading, line)
        canvas.drawRightString(x + flow.width, top - size * LATIN_ASCENT, amount)

    flow.add(leading * len(lines) + size * 0.15, draw)


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
