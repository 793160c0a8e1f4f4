"""Bundled fonts, so the counter looks the same on every PC and Urdu renders joined.

The machine's fonts vary (some have no Urdu at all and draw boxes); the application loads Noto
Sans for Latin text and Noto Nastaliq Urdu (Regular: Qt picks the Bold file for the bare family
name and draws it garbled) for Urdu.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from khidmat_desk.paths import resource_path

log = logging.getLogger("khidmat.gui")

FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoNastaliqUrdu-Regular.ttf",
         "NotoNaskhArabic-Regular.ttf")
LATIN_FAMILY = "Noto Sans"
URDU_FAMILY = "Noto Nastaliq Urdu"
#: Urdu inside Latin-metric widgets (menus, lists, buttons): Naskh keeps to the line height that
#: Nastaliq's tall letters overflow, so nothing is clipped.
URDU_UI_FAMILY = "Noto Naskh Arabic"
BASE_POINT_SIZE = 10.5
_loaded = False


def load_fonts(app: QApplication) -> None:
    """Register the bundled fonts once and make Noto Sans the application font."""
    global _loaded
    if not _loaded:
        for name in FILES:
            if QFontDatabase.addApplicationFont(str(resource_path("fonts", name))) < 0:
                log.error("could not load the bundled font %s", name)
        _loaded = True
    font = QFont(LATIN_FAMILY)
    font.setPointSizeF(BASE_POINT_SIZE)
    # Urdu letters in Latin-font widgets (names in lists, translated labels) fall back here.
    font.setFamilies([LATIN_FAMILY, URDU_UI_FAMILY])
    app.setFont(font)


def urdu_font(point_size: float = BASE_POINT_SIZE) -> QFont:
    font = QFont(URDU_FAMILY)
    font.setStyleName("Regular")
    font.setPointSizeF(max(point_size, BASE_POINT_SIZE) * 1.1)
    return font
