"""All counters: the in-charge's list of every counter's applications, searched and filtered
by status, service, officer and overdue; in its second form, the verifiers' list of what
awaits a police finding. Filtering runs off the GUI thread; the use case checks the role."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from khidmat_desk.core import workflow
from khidmat_desk.core.catalogue import SERVICE_CODES, get_service
from khidmat_desk.gui.labels import isolate_cells
from khidmat_desk.gui.tables import select_first_row
from khidmat_desk.gui.words import status_label

_Index = QModelIndex | QPersistentModelIndex


class CentreModel(QAbstractTableModel):
    def __init__(self, urdu: bool = False) -> None:
        super().__init__()
        self.rows: list[Any] = []
        self.urdu = urdu
        self.headers = (self.tr("Tracking number"), self.tr("Citizen"), self.tr("Service"),
                        self.tr("Police station"), self.tr("Status"), self.tr("Counter"),
                        self.tr("Officer"), self.tr("Due"))

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            from PySide6.QtGui import QColor

            return QColor("#b00")
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return row.police_station  # with its district, also for the centre's own
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        s = row.summary
        service = get_service(s.service_code)
        due = f"{s.expected_on:%d-%m-%Y}" + (self.tr(" overdue") if row.overdue else "")
        return (s.tracking_number, s.name, service.title_ur if self.urdu else service.short_title,
                row.station_here, status_label(s.status), str(s.counter), row.officer,
                due)[index.column()]


class CentreView(QWidget):
    """``filters_changed(dict)`` asks for a new list; ``open_requested(tracking)`` opens one."""

    filters_changed = Signal(dict)
    open_requested = Signal(str)
    back_requested = Signal()

    def __init__(self, urdu: bool = False) -> None:
        super().__init__(objectName="centre_view")  # type: ignore[call-arg]
        layout = QVBoxLayout(self)
        self.awaiting = False  # the verifiers' list: awaiting a finding, oldest first
        self.heading = QLabel(self.tr("All counters' applications"),  # type: ignore[call-overload]
                              objectName="centre_heading",
                              styleSheet="font-size: 14pt; font-weight: 600;")
        layout.addWidget(self.heading)
        row = QHBoxLayout()
        self.text = QLineEdit(objectName="centre_search",  # type: ignore[call-overload]
                              placeholderText=self.tr("Tracking number, CNIC, mobile, plate "
                                                      "or name"))
        self.status = QComboBox(objectName="centre_status")  # type: ignore[call-arg]
        self.status.addItem(self.tr("Any status"), None)
        for status in workflow.STATUSES:
            self.status.addItem(status_label(status), status)
        self.service = QComboBox(objectName="centre_service")  # type: ignore[call-arg]
        self.service.addItem(self.tr("Any service"), None)
        for code in SERVICE_CODES:
            service = get_service(code)
            self.service.addItem(service.title_ur if urdu else service.short_title, code)
        self.officer = QLineEdit(objectName="centre_officer",  # type: ignore[call-overload]
                                 placeholderText=self.tr("Officer (user name)"))
        # wide enough to read its hint (it was cut to "Officer (user na…")
        hint = self.officer.fontMetrics().horizontalAdvance(self.officer.placeholderText())
        self.officer.setMinimumWidth(hint + 12)
        # the lists need not be as wide as their longest name (the window would not fit a
        # 1024-pixel screen); their drop-down shows each name whole
        for box in (self.status, self.service):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(10)
            box.view().setMinimumWidth(box.view().sizeHintForColumn(0) + 24)
        self.overdue = QCheckBox(self.tr("&Overdue only"), objectName="centre_overdue")  # type: ignore[call-overload]
        apply = QPushButton(self.tr("&Show"), objectName="centre_apply")  # type: ignore[call-overload]
        apply.setDefault(True)
        row.addWidget(self.text, 2)
        for widget in (self.status, self.service, self.officer, self.overdue, apply):
            row.addWidget(widget)
        layout.addLayout(row)
        self.model = CentreModel(urdu)
        self.table = QTableView(objectName="centre_table")  # type: ignore[call-arg]
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        isolate_cells(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # the citizen and the police station share what the short columns leave, so the
        # status, counter, officer and due date stay on screen beside the launcher
        for column in (1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        self.count = QLabel(objectName="centre_count")  # type: ignore[call-overload]
        layout.addWidget(self.count)
        apply.clicked.connect(self._emit_filters)
        self.text.returnPressed.connect(self._emit_filters)
        self.officer.returnPressed.connect(self._emit_filters)
        self.status.activated.connect(self._emit_filters)
        self.service.activated.connect(self._emit_filters)
        self.overdue.toggled.connect(self._emit_filters)
        self.table.activated.connect(self._on_table_activated)

    def set_awaiting(self, awaiting: bool) -> None:
        """The verifiers' work list (submitted or in verification, no finding yet, oldest
        first) or every application; the status filter means nothing in the first."""
        self.awaiting = awaiting
        self.heading.setText(self.tr("Awaiting a police finding — oldest first") if awaiting
                             else self.tr("All counters' applications"))
        self.status.setVisible(not awaiting)

    def filters(self) -> dict[str, Any]:
        return {"text": self.text.text().strip(),
                "status": None if self.awaiting else self.status.currentData(),
                "service_code": self.service.currentData(),
                "officer": self.officer.text().strip() or None,
                "overdue": self.overdue.isChecked(), "awaiting_finding": self.awaiting}

    def _emit_filters(self, *_: Any) -> None:
        self.filters_changed.emit(self.filters())

    def show_rows(self, rows: Sequence[Any]) -> None:
        self.model.set_rows(rows)
        overdue = sum(1 for r in rows if r.overdue)
        self.count.setText(self.tr("Applications: %1 · overdue: %2")
                           .replace("%1", str(len(rows))).replace("%2", str(overdue)))
        if rows:
            select_first_row(self.table)

    def _on_table_activated(self, index: QModelIndex) -> None:
        self.open_requested.emit(self.model.rows[index.row()].summary.tracking_number)
