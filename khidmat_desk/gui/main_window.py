"""The counter's main window: today's queue and the one search box.

The search box takes a tracking number, CNIC, mobile, plate or name, and a barcode scanner
acting as a keyboard: a scanned receipt types its tracking number and Enter.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from khidmat_desk.core.catalogue import get_service
from khidmat_desk.gui.errors import Messages, is_known, report_error
from khidmat_desk.gui.tasks import TaskRunner

_Index = QModelIndex | QPersistentModelIndex


class SummaryModel(QAbstractTableModel):
    """Application summaries as rows: tracking number, time, service, citizen, status."""

    HEADERS = ("Tracking number", "Submitted", "Service", "Citizen", "Status")

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row = self.rows[index.row()]
        local: datetime = row.created_at.astimezone()
        return (row.tracking_number, local.strftime("%d-%m-%Y %H:%M"),
                get_service(row.service_code).short_title,
                row.name, row.status)[index.column()]


class MainWindow(QMainWindow):
    def __init__(self, tasks: TaskRunner, *, user: Any, centre_line: str,
                 load_queue: Callable[[], Sequence[Any]],
                 find: Callable[[str], Any]) -> None:
        super().__init__()
        self._tasks, self._load_queue, self._find = tasks, load_queue, find
        self.setWindowTitle(self.tr("Khidmat Desk — %s") % centre_line)
        self.search = QLineEdit(objectName="search", clearButtonEnabled=True)
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setPlaceholderText(
            self.tr("Tracking number, CNIC, mobile, plate or name — or scan a receipt"))
        self.search.setToolTip(self.tr("Search (Ctrl+F)"))
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.heading = QLabel(objectName="heading")
        self.heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.model = SummaryModel()
        self.table = QTableView(objectName="applications")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSortingEnabled(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.search)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.search.setFocus)
        QShortcut(QKeySequence("F5"), self, activated=self.refresh_queue)
        self.statusBar().addPermanentWidget(QLabel(
            self.tr("%1 (%2) · %3").replace("%1", user.full_name).replace("%2", user.role)
            .replace("%3", centre_line), objectName="who"))
        self.resize(1000, 640)
        self.refresh_queue()

    def refresh_queue(self) -> None:
        self.heading.setText(self.tr("Today's applications at this counter"))
        self._tasks.run(self._load_queue, self.model.set_rows)

    def _on_search_return_pressed(self) -> None:
        text = self.search.text().strip()
        if not text:
            self.refresh_queue()
            return
        self.statusBar().showMessage(self.tr("Searching…"))
        self._tasks.run(lambda: self._find(text), self._on_find_done, self._on_find_failed)

    def _on_find_done(self, found: Any) -> None:
        count = len(found.items)
        self.heading.setText(self.tr("%n match(es) for this %1", "", count).replace(
            "%1", found.kind))
        self.statusBar().showMessage(
            self.tr("Nothing matches.") if not count else "", 5000)
        self.model.set_rows(found.items)
        if count == 1 and found.kind == "tracking":
            self.table.selectRow(0)

    def _on_find_failed(self, exc: BaseException) -> None:
        if not is_known(exc):
            report_error(Messages(self), exc)
            return
        self.statusBar().showMessage(str(exc), 10000)
