"""Reading the QR code back off a PDF (or a scanned image): render, then decode.

Verification must work on the file a citizen e-mails as well as on the printed page scanned
back in, so the page is rendered with pdfium and read with zxing-cpp, the same way a phone
camera sees it, rather than trusting text hidden in the PDF.

The file comes from anyone, so its size is checked before anything is rendered or decoded: a
333-byte PDF can declare a page that needs gigabytes at 300 dpi, and a small PNG can declare
400 million pixels. Such a file is refused with `UnreadableFile`, whose text says why.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
import zxingcpp
from PIL import Image

#: 300 dpi puts a 0.5 mm QR module on six pixels: reliable, and quick for one page.
RENDER_DPI = 300
#: What our documents carry: a full-size (model 2) QR code. zxing-cpp's ``QRCode`` also reads
#: Micro QR and rMQR, and the corner of a real QR code sometimes passes for a Micro QR code
#: ("495129"): a genuine certificate was then reported with a second, invalid code.
QR_FORMATS = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCodeModel2)
#: The most pixels rendered or decoded for one page or image: an A3 page at 300 dpi is 17.4
#: million, a 50-megapixel phone photo fits; more is not a document.
MAX_PIXELS = 60_000_000
#: Pages read from one PDF (our documents have one or two).
MAX_PAGES = 20
#: Files bigger than this are not read at all.
MAX_FILE_BYTES = 50_000_000


class UnreadableFile(ValueError):  # noqa: N818 - read as a message, like the others
    """The file is not a PDF or image this program can read; the text says which."""


@dataclass(frozen=True)
class ReadFile:
    """The QR texts found, and for a PDF its pages' text (a scan or photo has none)."""

    qr_texts: list[str]
    page_text: str | None


def qr_texts_in_image(image: Image.Image) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image.convert("L"),
                                                    formats=QR_FORMATS)]


def qr_texts_in_pdf(data: bytes) -> list[str]:
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise UnreadableFile(f"not a PDF this program can open ({exc})") from exc
    try:
        if len(document) > MAX_PAGES:
            raise UnreadableFile(f"the PDF has {len(document)} pages; a document has at most "
                                 f"{MAX_PAGES}")
        texts: list[str] = []
        for number in range(len(document)):
            page = document[number]
            try:
                _check_page_size(page, number + 1)
                bitmap = page.render(scale=RENDER_DPI / 72, grayscale=True)
                texts += qr_texts_in_image(bitmap.to_pil())
            finally:
                page.close()
        return texts
    finally:
        document.close()


def _check_page_size(page: pypdfium2.PdfPage, number: int) -> None:
    width, height = page.get_size()  # points, 1/72 inch
    pixels = (width * RENDER_DPI / 72) * (height * RENDER_DPI / 72)
    if not (width > 0 and height > 0) or pixels > MAX_PIXELS:
        raise UnreadableFile(
            f"page {number} is {width / 72 * 25.4:,.0f} x {height / 72 * 25.4:,.0f} mm, far "
            "larger than any document; it is not read")


def _check_image_size(width: int, height: int) -> None:
    if width * height > MAX_PIXELS:
        raise UnreadableFile(f"the image is {width:,} x {height:,} pixels "
                             f"({width * height / 1e6:,.0f} megapixels), more than a scan or "
                             f"photo of a document ({MAX_PIXELS / 1e6:,.0f} at most); it is "
                             "not read")


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
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UnreadableFile(f"{path} is larger than {MAX_FILE_BYTES // 1_000_000} MB; "
                                 "it is not a scan of a document")
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"cannot read {path} ({exc.strerror or exc})") from exc
    if data.startswith(b"%PDF"):
        return ReadFile(qr_texts_in_pdf(data), text_of_pdf(data))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:  # reads the header only
                _check_image_size(*image.size)
                return ReadFile(qr_texts_in_image(image), None)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise UnreadableFile(f"{path} declares more pixels than any scan of a document; it "
                             "is not read") from exc
    except OSError as exc:
        raise UnreadableFile(f"{path} is neither a PDF nor an image") from exc
