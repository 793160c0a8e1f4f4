"""Text boxes of a printed PDF, as pdfium sees them, for the automatic layout checks.

Latin text comes out of pdfium as one text object per drawn string. Shaped Nastaliq comes out
as many small glyph objects with no Unicode behind them; the glyphs of one Urdu line share a
baseline and touch, so they are joined into one box per run on that baseline. Two boxes that
overlap then mean two texts printed over each other.
"""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2
import pypdfium2.raw as pdfium_c

#: Overlaps smaller than this (points, in both directions) are anti-aliasing, not overprint.
TOLERANCE = 0.4
#: Glyphs of one Urdu word or line are this close on the same baseline.
JOIN_GAP = 3.5
#: Two busy baselines this far apart in one cluster of glyphs are two lines that touch.
LINE_APART = 6.0
#: Dots and marks sit this far above or below their letter.
VERTICAL_GAP = 1.5


@dataclass
class Box:
    page: int
    left: float
    bottom: float
    right: float
    top: float
    text: str
    urdu: bool
    baseline: float

    def overlaps(self, other: Box) -> bool:
        return (min(self.right, other.right) - max(self.left, other.left) > TOLERANCE
                and min(self.top, other.top) - max(self.bottom, other.bottom) > TOLERANCE)

    def inside(self, left: float, bottom: float, right: float, top: float) -> bool:
        return (self.left >= left - TOLERANCE and self.right <= right + TOLERANCE
                and self.bottom >= bottom - TOLERANCE and self.top <= top + TOLERANCE)

    def __str__(self) -> str:
        kind = "Urdu" if self.urdu else repr(self.text[:40])
        return (f"p{self.page + 1} {kind} [{self.left:.1f}, {self.bottom:.1f}, "
                f"{self.right:.1f}, {self.top:.1f}]")


def _is_urdu_glyphs(text: str) -> bool:
    """Shaped Nastaliq has no Unicode mapping: pdfium reports private-use code points."""
    return any("\ue000" <= ch <= "\uf8ff" or "\u0600" <= ch <= "\u06ff" for ch in text)


def text_boxes(pdf: bytes) -> tuple[list[Box], list[tuple[float, float]]]:
    """Every text box on every page, and each page's size in points."""
    document = pypdfium2.PdfDocument(pdf)
    boxes: list[Box] = []
    sizes = []
    try:
        for number, page in enumerate(document):
            sizes.append(page.get_size())
            textpage = page.get_textpage()
            raw: list[Box] = []
            for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT], textpage=textpage):
                left, bottom, right, top = obj.get_bounds()
                text = obj.extract()
                matrix = obj.get_matrix()
                raw.append(Box(number, left, bottom, right, top, text, _is_urdu_glyphs(text),
                               round(matrix.f, 1)))
            boxes.extend(b for b in raw if not b.urdu and b.text.strip())
            boxes.extend(_join_urdu([b for b in raw if b.urdu]))
    finally:
        document.close()
    return boxes, sizes


def _join_urdu(glyphs: list[Box]) -> list[Box]:
    """Glyphs that touch belong to one word (or one line of words a space apart)."""
    parent = list(range(len(glyphs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    ordered = sorted(range(len(glyphs)), key=lambda i: glyphs[i].left)
    for n, i in enumerate(ordered):
        a = glyphs[i]
        for j in ordered[n + 1:]:
            b = glyphs[j]
            if b.left > a.right + JOIN_GAP:
                break
            if min(a.top, b.top) - max(a.bottom, b.bottom) > -VERTICAL_GAP:
                parent[root(i)] = root(j)
    groups: dict[int, list[Box]] = {}
    for i, glyph in enumerate(glyphs):
        groups.setdefault(root(i), []).append(glyph)
    # A dot or mark whose box falls inside its word's outline belongs to that word.
    clusters = list(groups.values())
    merged = True
    while merged:
        merged = False
        for i in range(len(clusters)):
            for j in range(i + 1, len(clusters)):
                if _union(clusters[i]).overlaps(_union(clusters[j])):
                    clusters[i] += clusters.pop(j)
                    merged = True
                    break
            if merged:
                break
    return [_union(members) for members in clusters]


def _union(members: list[Box]) -> Box:
    counts: dict[float, int] = {}
    for glyph in members:
        counts[glyph.baseline] = counts.get(glyph.baseline, 0) + 1
    baseline = max(counts, key=lambda f: counts[f])
    lines = sorted(f for f, n in counts.items() if n >= 3)
    text = ""
    if lines and lines[-1] - lines[0] > LINE_APART:
        text = f"Urdu lines on baselines {lines[0]:.1f} and {lines[-1]:.1f} touch"
    return Box(members[0].page, min(g.left for g in members), min(g.bottom for g in members),
               max(g.right for g in members), max(g.top for g in members), text, True,
               baseline)


def overlapping(boxes: list[Box]) -> list[tuple[Box, Box]]:
    found = [(b, b) for b in boxes if b.urdu and b.text]
    ordered = sorted(boxes, key=lambda b: (b.page, b.bottom))
    for i, box in enumerate(ordered):
        for other in ordered[i + 1:]:
            if other.page != box.page or other.bottom > box.top:
                break
            if box.overlaps(other) and not _same_line(box, other):
                found.append((box, other))
    return found


def _same_line(a: Box, b: Box) -> bool:
    """A number or English name set inside an Urdu sentence shares the sentence's baseline."""
    return a.urdu != b.urdu and abs(a.baseline - b.baseline) < 1.0


def outside(boxes: list[Box], sizes: list[tuple[float, float]],
            margin: float) -> list[Box]:
    return [b for b in boxes
            if not b.inside(margin, margin, sizes[b.page][0] - margin,
                            sizes[b.page][1] - margin)]
