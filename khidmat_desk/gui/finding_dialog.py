"""Record finding: what the police found on an application, asked of a verifier or the
in-charge. The dialog only gathers the answers and checks them as the use case will; the role
and segregation of duties are checked by the use case when it saves."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from khidmat_desk.core import workflow
from khidmat_desk.core.findings import FindingError, FindingKind, check_finding
from khidmat_desk.gui.errors import known_text
from khidmat_desk.gui.labels import form_buttons, problem_label
from khidmat_desk.gui.words import learn_word


class FindingDialog(QDialog):
    """``answers()`` after ``accept``: outcome, record status, reference, date, remark and the
    in-charge's reason for deciding on their own intake (``own_intake``)."""

    def __init__(self, tracking: str, service_title: str, kind: FindingKind, *,
                 own_intake: bool, service_code: str, today: date, urdu: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="finding_dialog")  # type: ignore[call-arg]
        self.kind, self.service_code, self.today, self.urdu = kind, service_code, today, urdu
        learn_word(kind.reference_label, kind.reference_label_ur)  # named in its messages
        self.setWindowTitle(self.tr("Record finding — %1").replace("%1", tracking))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{tracking} · {service_title}",  # type: ignore[call-overload]
                                styleSheet="font-weight: 600;"))
        form = QFormLayout()
        self.choose_verified = QRadioButton(self.tr("&Verified"), objectName="finding_verified")  # type: ignore[call-overload]
        self.choose_rejected = QRadioButton(self.tr("&Rejected"), objectName="finding_rejected")  # type: ignore[call-overload]
        self.choose_verified.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.choose_verified)
        group.addButton(self.choose_rejected)
        outcome = QHBoxLayout()
        outcome.addWidget(self.choose_verified)
        outcome.addWidget(self.choose_rejected)
        outcome.addStretch(1)
        form.addRow(self.tr("Decision"), outcome)
        self.status = QComboBox(objectName="finding_status")  # type: ignore[call-arg]
        form.addRow(self.tr("Record &status"), self.status)
        self.reference = QLineEdit(objectName="finding_reference", maxLength=80)  # type: ignore[call-overload]
        form.addRow(kind.reference_label_ur if urdu and kind.reference_label_ur
                    else kind.reference_label, self.reference)
        self.reference_date = QLineEdit(objectName="finding_reference_date",  # type: ignore[call-overload]
                                        placeholderText=self.tr("DD-MM-YYYY (optional)"))
        self.reference_date.setInputMask("99-99-9999;_")
        form.addRow(self.tr("Reference &date"), self.reference_date)
        self.remark = QPlainTextEdit(objectName="finding_remark")  # type: ignore[call-overload]
        self.remark.setTabChangesFocus(True)
        self.remark.setFixedHeight(70)
        form.addRow(self.tr("Re&mark (the reason, for a rejection)"), self.remark)
        self.override = QLineEdit(objectName="finding_override", maxLength=300)  # type: ignore[call-overload]
        if own_intake:
            form.addRow(QLabel(self.tr("You took in this application yourself. As the "  # type: ignore[call-overload]
                                       "in-charge you may decide on it only with a reason."),
                               wordWrap=True, styleSheet="color: #a40;"))
            form.addRow(self.tr("Reason for deciding it &yourself"), self.override)
        layout.addLayout(form)
        self.problem = problem_label("finding_problem")
        layout.addWidget(self.problem)
        buttons, _ = form_buttons(self, QDialogButtonBox.StandardButton.Save,
                                  self._on_buttons_accepted)
        layout.addWidget(buttons)
        self.own_intake = own_intake
        self.choose_verified.toggled.connect(self._on_outcome_toggled)
        self._fill_statuses()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        """Most findings are the first status of "verified", already chosen: the cursor
        starts where the reference is typed. (On the status list, the letters of a reference
        typed at once would pick a status: "C" is "Case pending".)"""
        super().showEvent(event)
        self.reference.setFocus(Qt.FocusReason.TabFocusReason)

    @property
    def outcome(self) -> str:
        return workflow.VERIFIED if self.choose_verified.isChecked() else workflow.REJECTED

    def _on_outcome_toggled(self, _: bool) -> None:
        self._fill_statuses()

    def _fill_statuses(self) -> None:
        self.status.clear()
        for status in self.kind.for_outcome(self.outcome):
            self.status.addItem(status.label_ur if self.urdu and status.label_ur
                                else status.label, status.key)

    def _date(self) -> date | None:
        text = self.reference_date.text().strip("-_ ")
        if not text.replace("-", "").strip("_"):
            return None
        return datetime.strptime(self.reference_date.text(), "%d-%m-%Y").date()

    def answers(self) -> dict[str, Any]:
        return {"outcome": self.outcome, "record_status": str(self.status.currentData()),
                "reference": self.reference.text(), "reference_date": self._date(),
                "remark": self.remark.toPlainText(),
                "override_reason": self.override.text() if self.own_intake else None}

    def _on_buttons_accepted(self) -> None:
        try:
            answers = self.answers()
        except ValueError:
            self.problem.setText(self.tr("The reference date is not a date like 25-11-2026."))
            self.reference_date.setFocus()
            return
        try:
            check_finding(self.service_code, outcome=answers["outcome"],
                          record_status=answers["record_status"],
                          reference_no=answers["reference"],
                          reference_date=answers["reference_date"], remark=answers["remark"],
                          today=self.today)
        except FindingError as exc:
            self.problem.setText(known_text(exc))
            wrong = {"record_status": self.status, "reference": self.reference,
                     "reference_date": self.reference_date, "remark": self.remark}
            if exc.field in wrong:  # the cursor goes where the correction is typed
                wrong[exc.field].setFocus()
            return
        if self.own_intake and not self.override.text().strip():
            self.problem.setText(self.tr("Type why you decide on an application you took in."))
            self.override.setFocus()
            return
        self.accept()
