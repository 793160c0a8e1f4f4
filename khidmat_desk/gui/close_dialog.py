"""Close the day (or a shift) from the in-charge's dashboard, or reopen it with a reason.

The dialog reads the period's figures on the database worker and shows, per officer, the cash
the payments say they hold; the in-charge types what each one handed over, the total counted,
why any difference, and the deposit reference. Closing runs `close_and_seal` on the worker (the
close, the signed audit checkpoint and the backup), so the counter never waits on it; the
use case checks the role, the cash and the lock again. Every field is reached with Tab and
Enter closes once the in-charge has confirmed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QIntValidator, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from khidmat_desk.app.day_close import OfficerCount, cash_uneven
from khidmat_desk.core import clock
from khidmat_desk.core.display import isolate_numbers
from khidmat_desk.gui.errors import Messages, say_known
from khidmat_desk.gui.labels import ERROR_STYLE, problem_label, text_label
from khidmat_desk.gui.tasks import TaskRunner
from khidmat_desk.gui.words import file_text, period_text, sentence

log = logging.getLogger("khidmat.gui.close")
MAX_RUPEES = 1_000_000_000


def _rupees(amount: int) -> str:
    return f"Rs {amount:,}"


@dataclass(frozen=True)
class _Expected:
    """An officer's line of the dialog: who, and the cash the payments say they hold."""

    officer: str
    full_name: str
    cash_expected: int


def _as_closed(summary: Any) -> list[_Expected]:
    """The officers as the period's close counted them, with what was expected of each then."""
    names = {o.officer: o.full_name for o in summary.by_officer}
    return [_Expected(officer, names.get(officer, officer), expected)
            for officer, expected, _counted in summary.close.officers]


def _amount(edit: QLineEdit) -> int | None:
    text = edit.text().replace(",", "").strip()
    return int(text) if text else None


class CloseDialog(QDialog):
    """``closed`` carries the `SealedClose` once a close is stored; ``reopened`` the close's
    new state after a reopen."""

    closed = Signal(object)
    reopened = Signal(object)

    def __init__(self, tasks: TaskRunner, session: Any, messages: Messages,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("close_dialog")
        self._tasks, self._session, self._messages = tasks, session, messages
        self.preview: Any = None
        self._busy = False
        self.officer_edits: dict[str, QLineEdit] = {}
        self.setWindowTitle(self.tr("Close the day"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        layout.addLayout(self._period_row())
        self.state = text_label("close_state", "font-weight: 600;")
        layout.addWidget(self.state)
        self.officers = QGridLayout()
        layout.addLayout(self.officers)
        self.from_shifts = text_label("close_from_shifts")
        self.from_shifts.setText(self.tr("A day with shifts is closed as the sum of its "
                                         "shifts: close each shift first; their cash counts "
                                         "make the day's."))
        layout.addWidget(self.from_shifts)
        layout.addLayout(self._cash_form())
        self.problem = problem_label("close_problem")
        layout.addWidget(self.problem)
        layout.addLayout(self._buttons())

    # -- building ------------------------------------------------------------------------------

    def _period_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.day = QDateEdit()
        self.day.setObjectName("close_day")
        for part in (self.day, self.day.findChild(QLineEdit)):
            if part is not None:  # a date reads as typed, in Urdu too
                part.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        # after the direction: right to left, Qt would turn the format round (yyyy-MM-dd)
        self.day.setDisplayFormat("dd-MM-yyyy")
        self.day.setCalendarPopup(True)
        today = clock.today()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.day.setMaximumDate(self.day.date())
        day_label = QLabel(self.tr("&Day"))
        day_label.setBuddy(self.day)
        self.shift = QComboBox()
        self.shift.setObjectName("close_shift")
        self.shift.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.shift_label = QLabel(self.tr("S&hift"))
        self.shift_label.setBuddy(self.shift)
        for widget in (day_label, self.day, self.shift_label, self.shift):
            row.addWidget(widget)
        row.addStretch(1)
        self.day.dateChanged.connect(self._on_period_changed)
        self.shift.activated.connect(self._on_period_changed)
        return row

    def _cash_form(self) -> QFormLayout:
        form = QFormLayout()
        self.counted = self._money_edit("close_counted")
        self.counted.textEdited.connect(self._on_counted_edited)
        form.addRow(self.tr("Cash &counted (whole centre)"), self.counted)
        self.difference = QLabel()
        self.difference.setObjectName("close_difference")
        form.addRow(self.tr("Difference"), self.difference)
        self.explanation = QLineEdit()
        self.explanation.setObjectName("close_explanation")
        self.explanation.setMaxLength(500)
        form.addRow(self.tr("&Explanation of a difference"), self.explanation)
        self.deposit = QLineEdit()
        self.deposit.setObjectName("close_deposit")
        self.deposit.setMaxLength(60)
        self.deposit.setPlaceholderText(self.tr("treasury challan or bank deposit slip number"))
        form.addRow(self.tr("De&posit reference"), self.deposit)
        return form

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.reopen_button = QPushButton(self.tr("&Reopen…"))
        self.reopen_button.setObjectName("close_reopen")
        self.reopen_button.clicked.connect(self.reopen)
        row.addWidget(self.reopen_button)
        row.addStretch(1)
        self.close_button = QPushButton(self.tr("C&lose the day"))
        self.close_button.setObjectName("close_confirm")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.close_period)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        row.addWidget(self.close_button)
        row.addWidget(cancel)
        return row

    def _money_edit(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setValidator(QIntValidator(0, MAX_RUPEES, edit))
        edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        edit.setMaximumWidth(160)
        return edit

    # -- loading -------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self.preview is None:
            self.load()

    def _chosen_day(self) -> date:
        chosen = self.day.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def load(self, day: date | None = None, shift: str | None = None) -> None:
        """Read the period's figures on the worker, then show them; with no day, the working
        day now (before the first shift starts, that is still yesterday's)."""
        self._set_busy(True)
        session = self._session
        self._tasks.run(lambda: session.close_preview(day, shift), self.show_preview,
                        self._on_failed)

    def _on_period_changed(self, *_: object) -> None:
        self.load(self._chosen_day(), self.shift.currentData() if self.shift.count() else None)

    def show_preview(self, preview: Any) -> None:
        self.preview = preview
        self._set_busy(False)
        summary = preview.summary
        day = summary.period.day
        self.day.blockSignals(True)
        self.day.setDate(QDate(day.year, day.month, day.day))
        self.day.blockSignals(False)
        self._fill_shifts(preview.shifts, summary.period.shift)
        closed = summary.is_closed
        # a closed period shows the cash as it was counted, against what was expected then;
        # the figures of now (records that came late) are said in a sentence, not mixed in
        self._fill_officers(_as_closed(summary) if closed else summary.by_officer)
        self.counted.clear()
        self.explanation.clear()
        self.deposit.clear()
        self.problem.clear()
        what = period_text(summary.period)
        if closed:
            close = summary.close
            self.state.setText(self.tr("%1 was closed by %2 at %3: cash counted %4 against %5 "
                                       "expected. Reopen it to change it.")
                               .replace("%1", what).replace("%2", close.closed_by)
                               .replace("%3", clock.local(close.closed_at)
                                        .strftime("%d-%m-%Y %H:%M"))
                               .replace("%4", _rupees(close.cash_counted))
                               .replace("%5", _rupees(close.cash_expected)))
            if summary.cash_expected != close.cash_expected or summary.late:
                self.state.setText(self.state.text() + " " + self.tr(
                    "Since then: %1 late record(s); the cash expected is now %2.")
                    .replace("%1", f"{len(summary.late):,}")
                    .replace("%2", _rupees(summary.cash_expected)))
        else:
            self.state.setText(self.tr("%1: %2 applications, cash expected %3.")
                               .replace("%1", what)
                               .replace("%2", f"{summary.total_applications:,}")
                               .replace("%3", _rupees(summary.cash_expected)))
            if summary.close is not None:  # reopened: why, and last count to start from
                self.state.setText(self.state.text() + " " + self.tr(
                    "Reopened by %1: %2").replace("%1", summary.close.reopened_by)
                    .replace("%2", summary.close.reopen_reason))
        if summary.close is not None:
            self._show_count(summary.close)
        from_shifts = bool(preview.shifts) and not summary.period.shift
        self.from_shifts.setVisible(from_shifts)
        self.counted.setEnabled(not closed and not from_shifts)
        for edit in self.officer_edits.values():  # a day of shifts was counted shift by shift
            edit.setEnabled(not closed and not from_shifts)
        self.explanation.setEnabled(not closed)
        self.deposit.setEnabled(not closed)
        self.close_button.setEnabled(not closed)
        self.reopen_button.setVisible(closed)
        self.close_button.setText(self.tr("C&lose the shift") if summary.period.shift
                                  else self.tr("C&lose the day"))
        self.state.setText(isolate_numbers(self.state.text()))
        self._update_difference()
        self._focus_first()

    def _show_count(self, close: Any) -> None:
        """The cash as counted at the period's last close (what a reopened one is corrected
        from)."""
        for officer, _expected, counted in close.officers:
            edit = self.officer_edits.get(officer)
            if edit is not None and counted is not None:
                edit.setText(str(counted))
                edit.textEdited.emit(edit.text())
        self.counted.setText(str(close.cash_counted))
        self.explanation.setText(close.explanation)
        self.deposit.setText(close.deposit_ref)

    def _fill_shifts(self, shifts: tuple[str, ...], chosen: str) -> None:
        self.shift.blockSignals(True)
        self.shift.clear()
        if shifts:
            self.shift.addItem(self.tr("Whole day"), "")
            for name in shifts:
                self.shift.addItem(self.tr("%1 shift").replace("%1", name), name)
            self.shift.setCurrentIndex(max(self.shift.findData(chosen), 0))
        self.shift.blockSignals(False)
        self.shift.setVisible(bool(shifts))
        self.shift_label.setVisible(bool(shifts))

    def _fill_officers(self, officers: Any) -> None:
        while self.officers.count():
            item = self.officers.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        self.officer_edits = {}
        if not officers:
            self._chain_tab_order()
            return
        for column, text in enumerate((self.tr("Officer"), self.tr("Cash expected"),
                                       self.tr("Handed over"), self.tr("Difference"))):
            heading = QLabel(text)
            heading.setStyleSheet("font-weight: 600;")
            self.officers.addWidget(heading, 0, column)
            heading.show()
        for row, officer in enumerate(officers, start=1):
            name = QLabel(f"{officer.full_name} ({officer.officer})")
            expected = QLabel(_rupees(officer.cash_expected))
            expected.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            edit = self._money_edit(f"close_officer_{officer.officer}")
            name.setBuddy(edit)
            difference = QLabel()
            difference.setObjectName(f"close_officer_difference_{officer.officer}")
            edit.textEdited.connect(lambda _t, o=officer, d=difference, e=edit:
                                    self._on_officer_edited(o, e, d))
            for column, widget in enumerate((name, expected, edit, difference)):
                self.officers.addWidget(widget, row, column)
                widget.show()  # now, not at the layout's next turn: the focus goes to it next
            self.officer_edits[officer.officer] = edit
        self._chain_tab_order()

    def _chain_tab_order(self) -> None:
        """Tab goes down the page: each officer's cash, the whole centre's, the explanation,
        the deposit reference, then the buttons. The officers' boxes are made after the rest,
        so by default Tab from the whole centre's cash went back up to the day."""
        chain = [self.day, self.shift, *self.officer_edits.values(), self.counted,
                 self.explanation, self.deposit, self.close_button, self.reopen_button]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _focus_first(self) -> None:
        for edit in [*self.officer_edits.values(), self.counted]:
            if edit.isEnabled():
                edit.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        (self.reopen_button if self.reopen_button.isVisible() else self.day).setFocus()

    # -- the cash ------------------------------------------------------------------------------

    def _on_officer_edited(self, officer: Any, edit: QLineEdit, label: QLabel) -> None:
        handed = _amount(edit)
        gap = None if handed is None else handed - officer.cash_expected
        label.setText("" if gap is None else _rupees(gap))
        label.setStyleSheet(ERROR_STYLE + " font-weight: 600;" if gap else "")
        counts = [_amount(e) for e in self.officer_edits.values()]
        if self.counted.isEnabled() and not self.counted.isModified():
            self.counted.setText(str(sum(c for c in counts if c is not None)))
        self._update_difference()

    def _on_counted_edited(self, _: str) -> None:
        self._update_difference()

    def _update_difference(self) -> None:
        counted = _amount(self.counted)
        if self.preview is None or counted is None:
            self.difference.setText("")
            return
        summary = self.preview.summary
        expected = summary.close.cash_expected if summary.is_closed else summary.cash_expected
        gap = counted - expected
        self.difference.setText(_rupees(gap))
        self.difference.setStyleSheet(ERROR_STYLE + " font-weight: 600;" if gap else "")

    def answers(self) -> dict[str, Any]:
        """What the close is asked with, as the use case takes it."""
        officer_cash = {name: value for name, edit in self.officer_edits.items()
                        if (value := _amount(edit)) is not None}
        return {"day": self.preview.summary.period.day,
                "shift": self.preview.summary.period.shift,
                "cash_counted": _amount(self.counted) if self.counted.isEnabled() else None,
                "officer_cash": officer_cash, "explanation": self.explanation.text(),
                "deposit_ref": self.deposit.text()}

    def _problem(self) -> str:
        answers = self.answers()
        if self.counted.isEnabled() and answers["cash_counted"] is None:
            self.counted.setFocus()
            return self.tr("Type the cash counted for the whole centre.")
        summary = self.preview.summary
        officers = (OfficerCount(o.officer, o.full_name, o.cash_expected,
                                 answers["officer_cash"].get(o.officer))
                    for o in summary.by_officer)
        if cash_uneven(summary.cash_expected, answers["cash_counted"], officers) \
                and not answers["explanation"].strip():
            self.explanation.setFocus()
            return self.tr("The cash counted differs from the cash expected: type the "
                           "explanation.")
        return ""

    # -- closing and reopening -----------------------------------------------------------------

    def close_period(self) -> None:
        if self.preview is None or self._busy or not self.close_button.isEnabled():
            return
        problem = self._problem()
        self.problem.setText(problem)
        if problem:
            return
        answers = self.answers()
        label = period_text(self.preview.summary.period)
        question = self.tr("Close %1? It is locked once closed: a later change needs your "
                           "override with a reason.").replace("%1", label)
        counted = answers["cash_counted"]
        if counted is not None:  # the figures that are locked with it, read once more
            expected = self.preview.summary.cash_expected
            question += "\n\n" + (self.tr("Cash counted %1 against %2 expected: difference %3.")
                                   .replace("%1", _rupees(counted))
                                   .replace("%2", _rupees(expected))
                                   .replace("%3", _rupees(counted - expected)))
        if not self._messages.confirm(self.tr("Close %1").replace("%1", label),
                                      isolate_numbers(question)):
            return
        self._set_busy(True)
        session = self._session
        self._tasks.run(lambda: session.close_day(**answers), self._on_closed,
                        self._on_failed)

    def _on_closed(self, sealed: Any) -> None:
        self._set_busy(False)
        close = sealed.close
        lines = [self.tr("%1 closed: %2 applications; cash counted %3, expected %4, "
                         "difference %5.").replace("%1", period_text(close.period))
                 .replace("%2", f"{close.applications:,}")
                 .replace("%3", _rupees(close.cash_counted))
                 .replace("%4", _rupees(close.cash_expected))
                 .replace("%5", _rupees(close.difference)),
                 self.tr("Audit trail signed.") if sealed.signed else
                 self.tr("The audit trail was NOT signed: %1").replace(
                     "%1", sealed.checkpoint_note),
                 self.tr("Backup: %1").replace("%1", file_text(sealed.backup)) if sealed.backup
                 else self.tr("No backup: %1").replace("%1", sealed.backup_note)]
        log.info("close from the dashboard: %s", " / ".join(lines))
        self._messages.info(self.tr("Closed"), "\n".join(lines))
        self.closed.emit(sealed)
        self.accept()

    def reopen(self) -> None:
        if self.preview is None or self._busy:
            return
        period = self.preview.summary.period
        reason = self._messages.ask_text(
            self.tr("Reopen %1").replace("%1", period_text(period)),
            self.tr("Why is %1 reopened? (kept in the audit trail and sent to the central "
                    "server)").replace("%1", period_text(period)))
        if reason is None:
            return
        if not reason.strip():
            self.problem.setText(self.tr("Type why the day is reopened."))
            return
        self._set_busy(True)
        session = self._session
        self._tasks.run(lambda: session.reopen_day(period.day, period.shift, reason),
                        self._on_reopened, self._on_failed)

    def _on_reopened(self, info: Any) -> None:
        self.reopened.emit(info)
        self.load(info.day, info.shift)

    # -- state ---------------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.day, self.shift, self.close_button, self.reopen_button):
            widget.setEnabled(not busy)

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if self.preview is not None:
            self.close_button.setEnabled(not self.preview.summary.is_closed)
        say_known(self._messages, exc, lambda text: self.problem.setText(sentence(text)))
