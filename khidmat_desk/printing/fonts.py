"""The bundled fonts, registered with reportlab once per process.

Every text is drawn in an embedded TrueType font so a page prints the same on every PC;
reportlab's standard Helvetica is not embedded. Noto Nastaliq Urdu is the Urdu face people
expect on official paper; Noto Sans carries English, digits and punctuation.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from khidmat_desk.paths import resource_path

SANS = "KD-Sans"
SANS_BOLD = "KD-Sans-Bold"
URDU = "KD-Nastaliq"

_FILES = {
    SANS: "NotoSans-Regular.ttf",
    SANS_BOLD: "NotoSans-Bold.ttf",
    URDU: "NotoNastaliqUrdu-Regular.ttf",
}
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Load the fonts on first use (about 40 ms); later calls return at once."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
        _registered = True


def text_width(text: str, font: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, font, size))
