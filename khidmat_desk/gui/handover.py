"""Handing over a finished document: who is collecting it, and their CNIC, typed at the counter.

The check itself (the CNIC is the applicant's, a representative is not the applicant under
another name) is made by the use case; this dialog only asks.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
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
from khidmat_desk.gui.form import FOCUS_RING

CNIC_MASK = "99999-9999999-9;_"


class HandoverDialog(QDialog):
    def __init__(self, tracking: str, applicant: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="handover")
        self.setWindowTitle(self.tr("Hand over %1").replace("%1", tracking))
        self.setStyleSheet(FOCUS_RING)
        intro = QLabel(self.tr("Who is collecting the document for %1? Ask for their CNIC and "
                               "type its number.").replace("%1", applicant), wordWrap=True)
        self.in_person = QRadioButton(self.tr("The &applicant in person"),
                                      objectName="handover_self")
        self.representative = QRadioButton(self.tr("A &representative"),
                                           objectName="handover_representative")
        self.in_person.setChecked(True)
        choice = QButtonGroup(self)
        for button in (self.in_person, self.representative):
            choice.addButton(button)
        self.name = QLineEdit(objectName="handover_name")
        self.name.setAccessibleName(self.tr("Representative's name"))
        self.cnic = QLineEdit(objectName="handover_cnic")
        self.cnic.setInputMask(CNIC_MASK)
        self.cnic.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.cnic.setAccessibleName(self.tr("Collector's CNIC"))
        form = QFormLayout()
        form.addRow(self.tr("Representative's &name"), self.name)
        form.addRow(self.tr("&CNIC shown"), self.cnic)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Hand over"))
        ok.setObjectName("handover_ok")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.in_person, self.representative):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.representative.toggled.connect(self._follow_choice)
        self._follow_choice(False)
        self.cnic.setFocus()

    def _follow_choice(self, representative: bool) -> None:
        self.name.setEnabled(representative)
        (self.name if representative else self.cnic).setFocus()

    def handover(self) -> Handover:
        if self.representative.isChecked():
            return Handover(REPRESENTATIVE, self.cnic.text(), self.name.text())
        return Handover(SELF, self.cnic.text())
