"""PDF pages as pixels, for the counter's preview and for printers that take images.

The PDF stays the one source of truth for what is printed: the preview shows exactly those pages
and a printer driven through the operating system's print dialog gets them rendered at its own
resolution (a thermal printer's 203 dpi puts each barcode module on whole dots).
"""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2

POINTS_PER_INCH = 72.0


@dataclass(frozen=True)
class PageImage:
    """One page as 32-bit pixels (B, G, R, A in memory order), on white."""

    width: int
    height: int
    stride: int
    pixels: bytes
    width_mm: float
    height_mm: float


def render_pages(pdf: bytes, dpi: float) -> list[PageImage]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        pages = []
        for page in document:
            bitmap = page.render(scale=dpi / POINTS_PER_INCH, fill_color=(255, 255, 255, 255),
                                 force_bitmap_format=pypdfium2.raw.FPDFBitmap_BGRA)
            pages.append(PageImage(bitmap.width, bitmap.height, bitmap.stride,
                                   bytes(bitmap.buffer),
                                   page.get_width() / POINTS_PER_INCH * 25.4,
                                   page.get_height() / POINTS_PER_INCH * 25.4))
        return pages
    finally:
        document.close()
