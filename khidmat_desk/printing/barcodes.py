"""Code128 and QR codes drawn as vector rectangles sized in whole printer dots.

A barcode drawn as an image, or with bars that fall between printer dots, is smeared by a
203 dpi thermal head and stops scanning. python-barcode computes the Code128 modules (it picks
code set C for digit runs, so tracking numbers stay short); this module draws them. The QR
matrix comes from zxing-cpp's encoder; see ``bench/bench_print.py`` for why (measured against
segno and reportlab's own encoder, which cost ten and twenty times more per code).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import zxingcpp
from barcode.codex import Code128
from reportlab.pdfgen.canvas import Canvas

MM = 72 / 25.4
#: Quiet zone on each side of a Code128 symbol, in modules (the standard asks for 10).
CODE128_QUIET = 10
#: Quiet zone around a QR symbol, in modules (the standard asks for 4).
QR_QUIET = 4


@dataclass(frozen=True)
class Dots:
    """A printer's resolution and how many of its dots make one barcode module."""

    dpi: int
    per_module: int

    @property
    def module_pt(self) -> float:
        return self.per_module * 72 / self.dpi


def scan_text(tracking_number: str) -> str:
    """What the barcode carries: the tracking number without dashes. Code128 then packs the
    13-digit tail two digits per symbol, so the bars are a third narrower (67 mm instead of
    97 mm on A4); the search box reads the number with or without dashes."""
    return "".join(tracking_number.split("-"))


@lru_cache(maxsize=256)
def code128_modules(text: str) -> str:
    """'1' for a bar module, '0' for a space, start to stop."""
    return str(Code128(text).build()[0])


def code128_width(text: str, dots: Dots) -> float:
    """Width in points including the quiet zones."""
    return (len(code128_modules(text)) + 2 * CODE128_QUIET) * dots.module_pt


def _runs(modules: str) -> Iterator[tuple[int, int]]:
    """(start, length) of each bar."""
    start = -1
    for i, module in enumerate(modules + "0"):
        if module == "1" and start < 0:
            start = i
        elif module == "0" and start >= 0:
            yield start, i - start
            start = -1


def draw_code128(canvas: Canvas, text: str, x: float, y: float, height: float,
                 dots: Dots) -> float:
    """Bars with the bottom-left of the left quiet zone at (x, y); returns the total width."""
    module = dots.module_pt
    left = x + CODE128_QUIET * module
    path = canvas.beginPath()
    for start, length in _runs(code128_modules(text)):
        path.rect(left + start * module, y, length * module, height)
    canvas.drawPath(path, stroke=0, fill=1)
    return code128_width(text, dots)


def qr_matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The QR symbol (error correction M: a scuffed or folded certificate still reads).

    zxing-cpp's encoder (C++; the smallest version for the text, the mask chosen by the
    standard's penalty rules) takes a few milliseconds where segno, in Python, took about
    100 for a certificate's signed code; the payload is ASCII, so no ECI header is added."""
    code = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image: Any = code.to_image(scale=1, add_quiet_zones=False)  # 0 = dark, 255 = light
    view = memoryview(image)
    height, width = view.shape[:2] if view.shape else (0, 0)
    cells = view.tobytes()
    dark = (128).__gt__
    return tuple(tuple(map(dark, cells[r * width:(r + 1) * width])) for r in range(height))


def qr_size(matrix: tuple[tuple[bool, ...], ...], module: float) -> float:
    return (len(matrix) + 2 * QR_QUIET) * module


def draw_qr(canvas: Canvas, matrix: tuple[tuple[bool, ...], ...], x: float, y: float,
            module: float) -> float:
    """The symbol with its quiet zone's bottom-left at (x, y); returns the side length."""
    side = qr_size(matrix, module)
    top = y + side - QR_QUIET * module
    left = x + QR_QUIET * module
    path = canvas.beginPath()
    for r, row in enumerate(matrix):
        line = "".join("1" if cell else "0" for cell in row)
        for start, length in _runs(line):
            path.rect(left + start * module, top - (r + 1) * module, length * module, module)
    canvas.drawPath(path, stroke=0, fill=1)
    return side
