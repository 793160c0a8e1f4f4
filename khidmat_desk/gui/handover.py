"""Handing over a finished document: who is collecting it, and their CNIC, typed at the counter.

The check itself (the CNIC is the applicant's, a representative is not the applicant under
another name) is made by the use case; this dialog only asks.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from khidmat_desk.app.delivery import REPRESENTATIVE, SELF, Handover
from khidmat_desk.core.fields import Field, FieldType
from khidmat_desk.gui.form import FOCUS_RING
from khidmat_desk.gui.labels import form_buttons, problem_label

CNIC_MASK = "99999-9999999-9;_"


class HandoverDialog(QDialog):
    """``facts``: what the service records when it hands over (the FIR copy: pages, who
    attested it, rank, date), asked below the collector; checked by the use case."""

    def __init__(self, tracking: str, applicant: str, parent: QWidget | None = None,
                 facts: tuple[Field, ...] = (), *, urdu: bool = False) -> None:
        super().__init__(parent, objectName="handover")  # type: ignore[call-arg]
        self.setWindowTitle(self.tr("Hand over %1").replace("%1", tracking))
        self.setStyleSheet(FOCUS_RING)
        self.setMinimumWidth(560)  # the tracking number in the title and the question unwrapped
        intro = QLabel(self.tr("Who is collecting the document for %1? Ask for their CNIC and "
                               "type its number.").replace("%1", applicant), wordWrap=True)
        self.in_person = QRadioButton(self.tr("The &applicant in person"),  # type: ignore[call-overload]
                                      objectName="handover_self")
        self.representative = QRadioButton(self.tr("A &representative"),  # type: ignore[call-overload]
                                           objectName="handover_representative")
        self.in_person.setChecked(True)
        choice = QButtonGroup(self)
        for button in (self.in_person, self.representative):
            choice.addButton(button)
        self.name = QLineEdit(objectName="handover_name")  # type: ignore[call-overload]
        self.name.setAccessibleName(self.tr("Representative's name"))
        self.cnic = QLineEdit(objectName="handover_cnic")  # type: ignore[call-overload]
        self.cnic.setInputMask(CNIC_MASK)
        self.cnic.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.cnic.setAccessibleName(self.tr("Collector's CNIC"))
        form = QFormLayout()
        form.addRow(self.tr("Representative's &name"), self.name)
        form.addRow(self.tr("&CNIC shown"), self.cnic)
        self.fact_inputs: dict[str, QLineEdit] = {}
        for f in facts:
            line = QLineEdit(objectName=f"handover_fact_{f.key}")  # type: ignore[call-overload]
            label = f.label_ur if urdu and f.label_ur else f.label
            line.setAccessibleName(label)
            if f.type is FieldType.DATE:
                line.setPlaceholderText(self.tr("DD-MM-YYYY"))
            form.addRow(label, line)
            self.fact_inputs[f.key] = line
        buttons, ok = form_buttons(self, QDialogButtonBox.StandardButton.Ok, self.accept)
        ok.setText(self.tr("Hand over"))
        ok.setObjectName("handover_ok")
        layout = QVBoxLayout(self)
        for widget in (intro, self.in_person, self.representative):
            layout.addWidget(widget)
        layout.addLayout(form)
        self.problem = problem_label("handover_problem")
        self.problem.hide()
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.representative.toggled.connect(self._follow_choice)
        self._follow_choice(False)
        self.cnic.setFocus()

    def refused(self, why: str) -> None:
        """To be shown again after the handover was refused: why, and the CNIC ready to
        type again."""
        self.problem.setText(why)
        self.problem.show()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self.problem.isVisibleTo(self):  # once the window has the focus again
            QTimer.singleShot(0, self._retype_cnic)

    def _retype_cnic(self) -> None:
        self.cnic.setFocus()
        self.cnic.selectAll()

    def _follow_choice(self, representative: bool) -> None:
        self.name.setEnabled(representative)
        (self.name if representative else self.cnic).setFocus()

    def facts(self) -> dict[str, str] | None:
        """The handover facts as typed, or None when the service records none."""
        if not self.fact_inputs:
            return None
        return {key: line.text().strip() for key, line in self.fact_inputs.items()}

    def handover(self) -> Handover:
        if self.representative.isChecked():
            return Handover(REPRESENTATIVE, self.cnic.text(), self.name.text())
        return Handover(SELF, self.cnic.text())
