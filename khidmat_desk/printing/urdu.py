"""Urdu on paper: shaped Nastaliq, words laid out right to left, numbers kept in their order.

reportlab shapes one word at a time with uharfbuzz, but its right-to-left ordering needs a
library that is not published, so ordering is done here: numbers and Latin words are wrapped in
isolates (U+2066 ... U+2069) so "35202-1234567-1" is not turned round, python-bidi puts the
words in visual order, each Urdu word is shaped in its logical order, and lines are broken on
the logical text using the shaped widths.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import groupby, pairwise

from bidi import get_display
from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr
from reportlab.pdfgen.canvas import Canvas

from khidmat_desk.printing.fonts import SANS, URDU, text_width

_RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_ISOLATE_MARKS = "\u2066\u2067\u2068\u2069"
LRI, PDI = "\u2066", "\u2069"


def has_rtl(text: str) -> bool:
    return _RTL_LETTER.search(text) is not None


def base_direction(text: str) -> str:
    """"R" when the first letter of ``text`` is Urdu (an Urdu sentence, an English word in it
    or not), "L" when it is Latin or there is none: an English sentence keeps its order with an
    Urdu phrase inside it."""
    for char in text:
        if _RTL_LETTER.match(char):
            return "R"
        if unicodedata.bidirectional(char) == "L":
            return "L"
    return "L"


@dataclass(frozen=True)
class Word:
    """One word ready to draw: shaped Urdu in the Urdu font, anything else in the Latin font."""

    source: str  # the word in reading order, as typed
    text: str | ShapedStr
    font: str
    width: float
    #: drawn right after the word on its left, with no space (the "12" of "12،")
    joined: bool = False


@lru_cache(maxsize=4096)
def _shaped(word: str, size: float, font: str = SANS) -> Word:
    if has_rtl(word):
        # forced: a word harfbuzz leaves as it is ("12،", a lone "،") is still drawn by glyph
        shaped = shapeStr(word, URDU, size, force=True)
        width = sum(d.x_advance for d in shaped.__shapeData__) * size / 1000
        return Word(word, shaped, URDU, width)
    return Word(word, word, font, text_width(word, font, size))


def visual_words(text: str, size: float, *, base: str = "R", font: str = SANS) -> list[Word]:
    """The words of one line, left to right as they are drawn: Urdu words in the Urdu font,
    the others in ``font``; ``base`` "R" for an Urdu line, "L" for an English one."""
    logical = _isolate_latin_runs(text.split())
    if not logical:
        return []
    display = get_display(logical, base_dir=base)
    words = []
    for token in display.split(" "):
        token = token.strip(_ISOLATE_MARKS)
        if not has_rtl(token):
            words += [_shaped(token, size, font)] if token else []
            continue
        for n, piece in enumerate(_pieces(token)):
            words.append(replace(_shaped(piece, size, font), joined=n > 0))
    return words


def _pieces(token: str) -> list[str]:
    """A word with Urdu in it, shown left to right as python-bidi ordered it, cut where its
    direction changes, each piece in the order it is shaped: an Urdu run back in reading order
    (python-bidi hands it over reversed; harfbuzz lays it out right to left itself), a number
    as it stands ("12" of "12،" is drawn after the comma, not turned into "21"). Urdu digits are
    shaped one by one: harfbuzz would turn them round with the Urdu letters."""
    pieces: list[str] = []
    for left_to_right, run in groupby(token, _reads_left_to_right):
        text = "".join(run)
        if not left_to_right:
            pieces.append(text[::-1])
        elif has_rtl(text):
            pieces += list(text)
        else:
            pieces.append(text)
    return pieces


def _reads_left_to_right(char: str) -> bool:
    return unicodedata.bidirectional(char) in ("L", "EN", "AN")


def _isolate_latin_runs(words: list[str]) -> str:
    """Neighbouring Latin words and numbers are one isolate, so an English name inside an
    Urdu sentence keeps its word order ("Muhammad Imran", not "Imran Muhammad")."""
    parts: list[str] = []
    run: list[str] = []
    for word in words:
        if has_rtl(word):
            if run:
                parts.append(f"{LRI}{' '.join(run)}{PDI}")
                run = []
            parts.append(word)
        else:
            run.append(word)
    if run:
        parts.append(f"{LRI}{' '.join(run)}{PDI}")
    return " ".join(parts)


def line_width(text: str, size: float, *, base: str = "R", font: str = SANS) -> float:
    words = visual_words(text, size, base=base, font=font)
    return sum(w.width for w in words) + _gaps(words, size)


def _gap(left: Word, right: Word, size: float) -> float:
    """A space; wider where Urdu meets Latin, as Nastaliq strokes reach past a word's edge;
    none inside a word drawn in pieces."""
    if right.joined:
        return 0.0
    return _space(size) * (2.0 if left.font != right.font else 1.0)


def _gaps(words: list[Word], size: float) -> float:
    return sum(_gap(a, b, size) for a, b in pairwise(words))


def _space(size: float) -> float:
    return text_width(" ", SANS, size)


def draw_line(canvas: Canvas, text: str, x_right: float, y: float, size: float, *,
              base: str = "R", font: str = SANS) -> float:
    """Draw one line ending at ``x_right`` (right-aligned, as Urdu is read); returns its width."""
    words = visual_words(text, size, base=base, font=font)
    total = sum(w.width for w in words) + _gaps(words, size)
    x = x_right - total
    for i, word in enumerate(words):
        _draw_word(canvas, word, x, y, size)
        if i + 1 < len(words):
            x += word.width + _gap(word, words[i + 1], size)
    return total


def _draw_word(canvas: Canvas, word: Word, x: float, y: float, size: float) -> None:
    # A fresh text object with its own font selection: reportlab 5.1's setRise() reads the
    # last operator and raises IndexError when a raised first glyph (e.g. «تصدیق») is drawn
    # with no font operator before it, as canvas.drawString can do.
    text_object = canvas.beginText(x, y)
    text_object.setFont(word.font, size)
    text_object.textOut(word.text)
    canvas.drawText(text_object)


def wrap(text: str, width: float, size: float, *, base: str = "R", font: str = SANS) -> list[str]:
    """Break logical text into lines no wider than ``width`` (a too-long word gets its own line)."""
    lines: list[str] = []
    current: list[str] = []
    for word in text.split():
        trial = " ".join([*current, word])
        if current and line_width(trial, size, base=base, font=font) > width:
            lines.append(" ".join(current))
            current = [word]
        else:
            current.append(word)
    if current:
        lines.append(" ".join(current))
    return lines
