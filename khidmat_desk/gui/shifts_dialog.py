"""The centre's shift times, set by the in-charge: a short list of names and start times.

A centre with no shifts runs one, midnight to midnight, and closes the calendar day; a 24/7
centre lists its shifts by start time, each ending where the next starts. The list is checked
as the use case will check it (names, times, order through the day) before it is saved; the
use case checks the role and audits the change.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from khidmat_desk.core.shifts import ONE_SHIFT, ShiftError, parse_plan
from khidmat_desk.gui.errors import Messages, known_text, say_known
from khidmat_desk.gui.labels import problem_label, text_label
from khidmat_desk.gui.tasks import TaskRunner
from khidmat_desk.gui.words import sentence


class ShiftsDialog(QDialog):
    def __init__(self, tasks: TaskRunner, session: Any, messages: Messages,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shifts_dialog")
        self._tasks, self._session, self._messages = tasks, session, messages
        self.loaded = False
        self.setWindowTitle(self.tr("Shift times"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        hint = text_label("shifts_hint")
        hint.setText(self.tr("No shifts: one shift, midnight to midnight. A centre open round "
                             "the clock lists its shifts by start time (centre time); each "
                             "ends where the next starts, the last the next morning."))
        layout.addWidget(hint)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("shifts_table")
        self.table.setHorizontalHeaderLabels([self.tr("Shift name"),
                                              self.tr("Starts at (HH:MM)")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTabKeyNavigation(False)
        layout.addWidget(self.table)
        self.problem = problem_label("shifts_problem")
        layout.addWidget(self.problem)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add shift"))
        self.add_button.clicked.connect(self.add_shift)
        self.remove_button = QPushButton(self.tr("&Remove shift"))
        self.remove_button.clicked.connect(self.remove_shift)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("shifts_save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        for button in (self.add_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        row.addWidget(cancel)
        layout.addLayout(row)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self.loaded:
            self._tasks.run(self._session.shift_plan, self.show_plan, self._on_failed)

    def show_plan(self, plan: Any) -> None:
        self.loaded = True
        shifts = [] if plan == ONE_SHIFT else list(plan.shifts)  # none set
        self.table.setRowCount(0)
        for shift in shifts:
            self._append(shift.name, f"{shift.starts:%H:%M}")
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _append(self, name: str, starts: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        self.table.setItem(row, 1, QTableWidgetItem(starts))

    def add_shift(self) -> None:
        self._append("", "")
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, 0)
        item = self.table.item(row, 0)
        if item is not None:
            self.table.editItem(item)

    def remove_shift(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())

    def plan_text(self) -> str:
        """The list as the use case takes it: ``day=08:00,night=20:00``; ``""`` for none."""
        parts = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, column) for column in (0, 1)]
            name, starts = (c.text().strip() if c is not None else "" for c in cells)
            if name or starts:
                parts.append(f"{name}={starts}")
        return ",".join(parts)

    def save(self) -> None:
        text = self.plan_text()
        try:
            if text:
                parse_plan(text)
        except ShiftError as exc:
            self.problem.setText(sentence(known_text(exc)))
            return
        self.problem.clear()
        self.save_button.setEnabled(False)
        session = self._session
        self._tasks.run(lambda: session.set_shifts(text), self._on_saved, self._on_failed)

    def _on_saved(self, plan: Any) -> None:
        self.save_button.setEnabled(True)
        self._messages.info(self.tr("Shift times"), self.tr("Shift times saved: %1").replace(
            "%1", plan.describe()))
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        say_known(self._messages, exc, self.problem.setText)
