"""Reading the QR code back off a PDF (or a scanned image): render, then decode.

Verification must work on the file a citizen e-mails as well as on the printed page scanned
back in, so the page is rendered with pdfium and read with zxing-cpp, the same way a phone
camera sees it, rather than trusting text hidden in the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pypdfium2
import zxingcpp
from PIL import Image

#: 300 dpi puts a 0.5 mm QR module on six pixels: reliable, and quick for one page.
RENDER_DPI = 300
_QR = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)


class UnreadableFile(ValueError):  # noqa: N818 - read as a message, like the others
    """The file is not a PDF or image this program can read; the text says which."""


@dataclass(frozen=True)
class ReadFile:
    """The QR texts found, and for a PDF its pages' text (a scan or photo has none)."""

    qr_texts: list[str]
    page_text: str | None


def qr_texts_in_image(image: Image.Image) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image.convert("L"),
                                                    formats=_QR)]


def qr_texts_in_pdf(data: bytes) -> list[str]:
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise UnreadableFile(f"not a PDF this program can open ({exc})") from exc
    try:
        texts: list[str] = []
        for page in document:
            bitmap = page.render(scale=RENDER_DPI / 72, grayscale=True)
            texts += qr_texts_in_image(bitmap.to_pil())
        return texts
    finally:
        document.close()


def text_of_pdf(data: bytes) -> str:
    """The text a PDF's pages draw, to compare with what its QR code signs."""
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise UnreadableFile(f"not a PDF this program can open ({exc})") from exc
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def qr_texts_in_file(path: Path) -> list[str]:
    """QR texts in a PDF, or in a PNG/JPEG photo or scan of a printed page."""
    return read_file(path).qr_texts


def read_file(path: Path) -> ReadFile:
    """The QR texts of a PDF (with its text) or of a PNG/JPEG photo or scan of a page."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"cannot read {path} ({exc.strerror or exc})") from exc
    if data.startswith(b"%PDF"):
        return ReadFile(qr_texts_in_pdf(data), text_of_pdf(data))
    try:
        with Image.open(path) as image:
            return ReadFile(qr_texts_in_image(image), None)
    except OSError as exc:
        raise UnreadableFile(f"{path} is neither a PDF nor an image") from exc
