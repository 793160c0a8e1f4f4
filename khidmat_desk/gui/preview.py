"""A document on screen exactly as it will print: the PDF's own pages, rendered off the GUI
thread, with Print (Ctrl+P) and Close (Esc)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from khidmat_desk.gui.printer import qimage
from khidmat_desk.gui.screen import fit_to_screen
from khidmat_desk.printing.raster import PageImage

PREVIEW_DPI = 110


class PreviewDialog(QDialog):
    def __init__(self, title: str, pages: Sequence[PageImage],
                 on_print: Callable[[], None] | None, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="preview")  # type: ignore[call-arg]
        self.setWindowTitle(title)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages: list[QLabel] = []
        for number, page in enumerate(pages, start=1):
            label = QLabel(objectName=f"page-{number}")  # type: ignore[call-overload]
            label.setPixmap(QPixmap.fromImage(qimage(page)))
            label.setStyleSheet("border: 1px solid #999; background: white;")
            label.setAccessibleName(self.tr("Page %1").replace("%1", str(number)))
            column.addWidget(label)
            self.pages.append(label)
        area = QScrollArea()
        area.setWidget(body)
        area.setWidgetResizable(True)
        area.setStyleSheet("background: #e8e8e8;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        if on_print is not None:
            self.print_button = buttons.addButton(self.tr("&Print"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
            self.print_button.setObjectName("preview_print")
            self.print_button.setToolTip(self.tr("Print this document (Ctrl+P)"))
            self.print_button.clicked.connect(self.accept)
            self.accepted.connect(on_print)
            QShortcut(QKeySequence("Ctrl+P"), self, activated=self.accept)  # type: ignore[call-overload]
        layout = QVBoxLayout(self)
        layout.addWidget(area)
        layout.addWidget(buttons)
        widest = max((p.width for p in pages), default=400)
        fit_to_screen(self, QSize(min(widest + 60, 1000), 760))
