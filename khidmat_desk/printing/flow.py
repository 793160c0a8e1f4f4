"""A top-to-bottom column of blocks, measured before it is drawn.

A thermal receipt's page is as long as its content, so every block states its height first and
draws later; A4 pages use the same blocks and simply start at the top margin.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from khidmat_desk.printing import urdu
from khidmat_desk.printing.fonts import SANS, SANS_BOLD, URDU, text_width

#: Draws a block whose top-left corner is at (x, top) in page coordinates.
Draw = Callable[[Canvas, float, float], None]
#: Nastaliq needs much more room above and below the baseline than Latin text: its tall
#: letters reach 1.6 em above the baseline and its tails 0.75 em below (measured on the
#: bundled Noto Nastaliq Urdu), so a line is 2.4 em high.
URDU_ASCENT = 1.62
URDU_DESCENT = 0.78
URDU_LEADING = URDU_ASCENT + URDU_DESCENT
URDU_OVERHANG = 0.2
#: Between the lines of an Urdu paragraph, so one line's tails clear the next line's tops.
URDU_LINE_GAP = 0.25
#: Noto Sans: capitals and accents stay within 0.95 em above the baseline, descenders 0.3 below.
LATIN_ASCENT = 1.0
LATIN_LEADING = 1.3


@dataclass
class Flow:
    width: float
    height: float = 0.0
    blocks: list[tuple[float, Draw]] = field(default_factory=list)
    heights: list[float] = field(default_factory=list)
    keep: list[bool] = field(default_factory=list)

    def add(self, height: float, draw: Draw, *, keep_with_next: bool = False) -> None:
        """A block; one kept with the next (a heading, a table's column names) never ends a
        page on its own."""
        self.blocks.append((self.height, draw))
        self.heights.append(height)
        self.keep.append(keep_with_next)
        self.height += height

    def space(self, height: float) -> None:
        self.height += height

    def render(self, canvas: Canvas, x: float, top: float) -> None:
        for offset, draw in self.blocks:
            draw(canvas, x, top - offset)

    def pages(self, page_height: float, last_page_height: float) -> list[list[tuple[float, Draw]]]:
        """Blocks split into pages of ``page_height``; on the last page nothing goes below
        ``last_page_height`` (the room kept for the QR code and signatures)."""
        offsets = [offset for offset, _ in self.blocks]
        breaks = [0]
        i = 0
        while i < len(self.blocks):
            if i > breaks[-1] and offsets[i] + self.heights[i] - offsets[breaks[-1]] > page_height:
                i = self._held_back(i, breaks[-1])
                breaks.append(i)
            i += 1
        first = breaks[-1]
        cut = next((i for i in range(first, len(self.blocks))
                    if offsets[i] + self.heights[i] - offsets[first] > last_page_height), None)
        if cut is not None and cut > first:
            breaks.append(self._held_back(cut, first))
        bounds = [*breaks, len(self.blocks)]
        return [[(offsets[i] - offsets[a], self.blocks[i][1]) for i in range(a, b)]
                for a, b in itertools.pairwise(bounds) if b > a] or [[]]

    def _held_back(self, index: int, page_start: int) -> int:
        """Where the page breaks when block ``index`` does not fit: before any blocks that
        must stay with it."""
        while index - 1 > page_start and self.keep[index - 1]:
            index -= 1
        return index

    # -- text blocks -------------------------------------------------------------------------

    def lines(self, text: str, *, size: float, font: str = SANS, align: str = "left",
              width: float | None = None, indent: float = 0.0) -> None:
        """Latin text wrapped to the column (or ``width``), aligned left, centre or right."""
        room = (width or self.width) - indent
        leading = size * LATIN_LEADING
        for line in wrap_latin(text, font, size, room):
            self.add(leading, _latin_line(line, font, size, align, room, indent, leading))

    def urdu_lines(self, text: str, *, size: float, align: str = "right") -> None:
        leading = size * (URDU_LEADING + URDU_LINE_GAP)
        for line in urdu.wrap(text, self.width, size):
            self.add(leading, _urdu_line(line, size, align, self.width, leading))

    def rule(self, *, weight: float = 0.6, gap: float = 4.0, dash: bool = False) -> None:
        def draw(canvas: Canvas, x: float, top: float) -> None:
            canvas.saveState()
            canvas.setLineWidth(weight)
            if dash:
                canvas.setDash(3, 2)
            canvas.line(x, top - gap, x + self.width, top - gap)
            canvas.restoreState()

        self.add(2 * gap, draw)


def _latin_line(line: str, font: str, size: float, align: str, room: float, indent: float,
                leading: float) -> Draw:
    def draw(canvas: Canvas, x: float, top: float) -> None:
        canvas.setFont(font, size)
        baseline = top - leading + size * 0.3
        if align == "centre":
            canvas.drawCentredString(x + indent + room / 2, baseline, line)
        elif align == "right":
            canvas.drawRightString(x + indent + room, baseline, line)
        else:
            canvas.drawString(x + indent, baseline, line)

    return draw


def _urdu_line(line: str, size: float, align: str, width: float, leading: float) -> Draw:
    def draw(canvas: Canvas, x: float, top: float) -> None:
        baseline = top - size * URDU_ASCENT
        # Nastaliq strokes reach past a word's advance: keep them off the margin.
        right = x + width - size * URDU_OVERHANG
        if align == "centre":
            right = x + (width + urdu.line_width(line, size)) / 2
        urdu.draw_line(canvas, line, right, baseline, size)

    return draw


def wrap_latin(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines no wider than ``width``; a word longer than the line is cut where it must be."""
    lines: list[str] = []
    for line in simpleSplit(text, font, size, width) or [""]:
        while text_width(line, font, size) > width and len(line) > 1:
            cut = len(line) - 1
            while cut > 1 and text_width(line[:cut], font, size) > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
        lines.append(line)
    return lines


def fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis so it fits ``width`` (for one-line table cells)."""
    if text_width(text, font, size) <= width:
        return text
    while text and text_width(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


__all__ = ["SANS", "SANS_BOLD", "URDU", "Draw", "Flow", "fit", "wrap_latin"]
