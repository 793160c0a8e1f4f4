"""Help → Diagnostics: the `doctor` report, copyable."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger("khidmat.gui")


class DiagnosticsDialog(QDialog):
    """The report appears when the checks are done (they run on the background thread)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diagnostics")
        self.setWindowTitle(self.tr("Diagnostics"))
        self.resize(860, 420)
        self.report = QPlainTextEdit(readOnly=True)
        self.report.setObjectName("diagnostics_report")
        self.report.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.report.setPlainText(self.tr("Checking this counter…"))
        self.copy = QPushButton(self.tr("&Copy"))
        self.copy.setObjectName("diagnostics_copy")
        self.copy.setEnabled(False)
        self.copy.clicked.connect(self._on_copy_clicked)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("diagnostics_close")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.report)
        layout.addLayout(buttons)

    def show_report(self, report: Any) -> None:
        self.report.setPlainText(report.text())
        self.copy.setEnabled(True)

    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.report.toPlainText())
