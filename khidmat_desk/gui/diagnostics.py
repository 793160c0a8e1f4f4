"""Help → Diagnostics (the `doctor` report, copyable) and Help → About."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtGui import QAction, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from khidmat_desk import __version__

log = logging.getLogger("khidmat.gui")


class DiagnosticsDialog(QDialog):
    """The report appears when the checks are done (they run on the background thread)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="diagnostics")
        self.setWindowTitle(self.tr("Diagnostics"))
        self.resize(860, 420)
        self.report = QPlainTextEdit(objectName="diagnostics_report", readOnly=True)
        self.report.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.report.setPlainText(self.tr("Checking this counter…"))
        self.copy = QPushButton(self.tr("&Copy"), objectName="diagnostics_copy", enabled=False)
        self.copy.clicked.connect(self._on_copy_clicked)
        close = QPushButton(self.tr("Close"), objectName="diagnostics_close")
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


def add_help_actions(window: QMainWindow, menu: Any, tasks: Any, session: Any,
                     messages: Any, on_failed: Any) -> None:
    """Diagnostics… and About… at the end of the Help menu."""
    diagnostics = QAction(window.tr("&Diagnostics…"), window, objectName="action_diagnostics")
    about = QAction(window.tr("&About Khidmat Desk"), window, objectName="action_about")
    menu.addSeparator()
    menu.addAction(diagnostics)
    menu.addAction(about)

    def open_diagnostics() -> DiagnosticsDialog:
        dialog = DiagnosticsDialog(window)
        tasks.run(session.diagnose, dialog.show_report, on_failed)
        dialog.open()
        return dialog

    diagnostics.triggered.connect(open_diagnostics)
    about.triggered.connect(lambda: messages.info(
        window.tr("About Khidmat Desk"), about_text(window, str(session.settings.data_dir))))


def about_text(parent: QWidget, data_dir: str) -> str:
    return (f"<b>Khidmat Desk {__version__}</b><br>"
            + parent.tr("Counter application for Punjab Police Khidmat Markaz service centres.")
            + "<br><br>" + parent.tr("Data folder:") + f" {data_dir}")

