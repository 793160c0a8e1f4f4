"""The pages every wizard ends with: documents and fee, review, and the saved application."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from khidmat_desk.core.catalogue import FeeQuote
from khidmat_desk.core.display import format_money, isolate_numbers
from khidmat_desk.core.fields import DocumentRequirement
from khidmat_desk.core.issues import Issue, IssueLevel
from khidmat_desk.core.wizard import ReviewSection
from khidmat_desk.gui.form import WARNING_STYLE
from khidmat_desk.gui.labels import ERROR_STYLE, value_label
from khidmat_desk.gui.words import issue_label, issue_text


def _clear(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            widget.deleteLater()
        elif inner is not None:
            _clear(inner)


class DocumentsPage(QWidget):
    """Tick what the citizen handed over; see the fee; note the queue token."""

    changed = Signal()

    def __init__(self, urdu: bool) -> None:
        super().__init__(objectName="step:documents")  # type: ignore[call-arg]
        self.urdu = urdu
        self.boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Documents received"), styleSheet="font-weight: 600;")  # type: ignore[call-overload]
        self._documents = QVBoxLayout()
        self.all_button = QPushButton(self.tr("All received"), objectName="documents.all")  # type: ignore[call-overload]
        self.all_button.setToolTip(self.tr("Tick every document (Ctrl+Shift+D)"))
        self.all_button.clicked.connect(self._on_all_button_clicked)
        self.documents_message = QLabel(objectName="message:documents", wordWrap=True,  # type: ignore[call-overload]
                                        styleSheet=ERROR_STYLE)
        self.documents_message.hide()
        fee_heading = QLabel(self.tr("Fee"), styleSheet="font-weight: 600;")  # type: ignore[call-overload]
        self._fee = QGridLayout()
        self.token = QLineEdit(objectName="token_no", maxLength=20)  # type: ignore[call-overload]
        self.token.setAccessibleName(self.tr("Queue token number"))
        self.token.setPlaceholderText(self.tr("optional"))
        self.payment = QComboBox(objectName="payment_method")  # type: ignore[call-arg]
        self.payment.setAccessibleName(self.tr("Payment method"))
        for value, label in (("cash", self.tr("Cash")), ("card", self.tr("Card")),
                             ("online", self.tr("Online transfer"))):
            self.payment.addItem(label, value)
        extra = QGridLayout()
        for row, (text, widget) in enumerate(((self.tr("&Queue token number"), self.token),
                                              (self.tr("Pa&yment"), self.payment))):
            caption = QLabel(text)
            caption.setBuddy(widget)
            extra.addWidget(caption, row, 0)
            extra.addWidget(widget, row, 1)
        extra.setColumnStretch(2, 1)
        for part in (heading, self._documents, self.all_button, self.documents_message,
                     fee_heading, self._fee, extra):
            if isinstance(part, QWidget):
                layout.addWidget(part)
            else:
                layout.addLayout(part)
        layout.addStretch(1)
        self.token.textEdited.connect(lambda _: self.changed.emit())
        self.payment.currentIndexChanged.connect(lambda _: self.changed.emit())

    def show_documents(self, documents: Sequence[DocumentRequirement], received: set[str]) -> None:
        if [d.key for d in documents] != list(self.boxes):
            _clear(self._documents)
            self.boxes = {}
            for doc in documents:
                label = doc.label_ur if self.urdu and doc.label_ur else doc.label
                box = QCheckBox(label + ("" if doc.required else self.tr(" (if any)")),  # type: ignore[call-overload]
                                objectName=f"documents.{doc.key}")
                box.setAccessibleName(doc.label)
                box.toggled.connect(lambda _: self.changed.emit())
                self._documents.addWidget(box)
                self.boxes[doc.key] = box
        for key, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(key in received)
            box.blockSignals(False)
        self.all_button.setVisible(bool(self.boxes))

    def received(self) -> set[str]:
        return {k for k, box in self.boxes.items() if box.isChecked()}

    def show_fee(self, quote: FeeQuote | None) -> None:
        _clear(self._fee)
        if quote is None:
            return
        for row, item in enumerate(quote.items):
            self._fee.addWidget(QLabel(item.label_ur if self.urdu and item.label_ur
                                       else item.label), row, 0)
            amount = format_money(item.amount) if item.set else self.tr("not set")
            self._fee.addWidget(QLabel(amount), row, 1, Qt.AlignmentFlag.AlignRight)
        # "No fee" only for a free service; an unknown fee is said to be not set
        words = (self.tr("fee not set: take no money") if quote.not_set
                 else self.tr("No fee") if quote.total == 0 else format_money(quote.total))
        total = QLabel(words, objectName="fee_total",  # type: ignore[call-overload]
                       styleSheet="font-size: 14pt; font-weight: 600;")
        self._fee.addWidget(QLabel(self.tr("Total")), len(quote.items), 0)
        self._fee.addWidget(total, len(quote.items), 1, Qt.AlignmentFlag.AlignRight)
        if quote.not_set:
            warning = QLabel(self.tr("This fee is not set at this centre: take no money. The "  # type: ignore[call-overload]
                                     "application is saved without payment; ask the in-charge "
                                     "to set the fee."), objectName="fee_not_set",
                             wordWrap=True, styleSheet="color: #a61b1b; font-weight: 600;")
            self._fee.addWidget(warning, len(quote.items) + 1, 0, 1, 3)
        self._fee.setColumnStretch(2, 1)

    def show_issues(self, issues: Sequence[Issue]) -> None:
        self.documents_message.setVisible(bool(issues))
        self.documents_message.setText(
            self.tr("Not received yet: %1").replace(
                "%1", "، ".join(issue_label(i, True) for i in issues) if self.urdu
                else ", ".join(i.label for i in issues)))

    def _on_all_button_clicked(self) -> None:
        for box in self.boxes.values():
            box.setChecked(True)


#: The review's label column grows with its longest label up to this (pixels); a longer label
#: widens only its own section.
_REVIEW_LABELS_AT_MOST = 360


class ReviewPage(QWidget):
    """Everything once more, grouped by step, with a way back to each step."""

    edit_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__(objectName="step:review")  # type: ignore[call-arg]
        self._layout = QVBoxLayout(self)

    def show_review(self, sections: Sequence[ReviewSection], documents: Sequence[str],
                    fee: FeeQuote | None, notes: Sequence[tuple[str, str]]) -> None:
        _clear(self._layout)
        for level, text in notes:
            note = QLabel(text, wordWrap=True, objectName=f"note:{level}")  # type: ignore[call-overload]
            note.setStyleSheet((ERROR_STYLE if level == IssueLevel.ERROR else WARNING_STYLE)
                               + "font-weight: 600;")
            self._layout.addWidget(note)
        # One label column for every section, so the answers stand in one line down the page.
        metrics = self.fontMetrics()
        column = min(max([200, *(metrics.horizontalAdvance(row.label) + 12
                                 for section in sections for row in section.rows)]),
                     _REVIEW_LABELS_AT_MOST)
        for section in sections:
            self._layout.addWidget(self._section(section, column))
        docs = self.tr(", ").join(documents) or self.tr("none")  # a list's comma, "، " in Urdu
        self._layout.addWidget(QLabel(self.tr("Documents received: %1").replace("%1", docs),
                                      wordWrap=True))
        if fee is not None:
            total = (self.tr("fee not set: take no money") if fee.not_set
                     else self.tr("no fee") if fee.total == 0 else format_money(fee.total))
            self._layout.addWidget(QLabel(self.tr("Fee: %1").replace("%1", total),  # type: ignore[call-overload]
                                          styleSheet="font-weight: 600;"))
        self._layout.addStretch(1)

    def _section(self, section: ReviewSection, column: int) -> QWidget:
        frame = QFrame(frameShape=QFrame.Shape.StyledPanel)
        grid = QGridLayout(frame)
        title = QLabel(section.title, styleSheet="font-weight: 600;")  # type: ignore[call-overload]
        edit = QPushButton(self.tr("Change"), objectName=f"edit.{section.step}")  # type: ignore[call-overload]
        edit.setAccessibleName(self.tr("Change %1").replace("%1", section.title))
        edit.clicked.connect(lambda: self.edit_requested.emit(section.step))
        grid.addWidget(title, 0, 0)
        grid.addWidget(edit, 0, 2, Qt.AlignmentFlag.AlignRight)
        for n, row in enumerate(section.rows, start=1):
            grid.addWidget(QLabel(row.label, styleSheet="color: #555;"), n, 0,  # type: ignore[call-overload]
                           Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value_label(row.value), n, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnMinimumWidth(0, column)
        return frame


class DonePage(QWidget):
    """The tracking number, large, to read out to the citizen."""

    def __init__(self, on_new: Callable[[], None], on_close: Callable[[], None],
                 on_print: Callable[[], None], *, urdu: bool = False) -> None:
        super().__init__(objectName="step:done")  # type: ignore[call-arg]
        self.urdu = urdu
        layout = QVBoxLayout(self)
        self.heading = QLabel(self.tr("Application saved"), styleSheet="font-size: 14pt;")  # type: ignore[call-overload]
        self.tracking = QLabel(objectName="tracking_number")  # type: ignore[call-overload]
        self.tracking.setStyleSheet("font-size: 30pt; font-weight: 700; font-family: monospace;")
        self.tracking.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tracking.setAccessibleName(self.tr("Tracking number"))
        self.details = QLabel(objectName="done_details", wordWrap=True)  # type: ignore[call-overload]
        self.late = QLabel(objectName="done_late", wordWrap=True,  # type: ignore[call-overload]
                           styleSheet=WARNING_STYLE + "font-weight: 600;")
        self.late.hide()
        self.new_button = QPushButton(self.tr("&New application"), objectName="new_same")  # type: ignore[call-overload]
        self.new_button.setToolTip(self.tr("Same service, next citizen (Enter)"))
        self.close_button = QPushButton(self.tr("Back to the &queue"), objectName="close_done")  # type: ignore[call-overload]
        self.close_button.setToolTip(self.tr("Back to the queue (Esc)"))
        self.new_button.clicked.connect(on_new)
        self.close_button.clicked.connect(on_close)
        self.print_button = QPushButton(self.tr("&Print receipt"), objectName="print_receipt")  # type: ignore[call-overload]
        self.print_button.setToolTip(self.tr("Print the receipt (Ctrl+P)"))
        self.print_button.clicked.connect(on_print)
        self.print_status = QLabel(objectName="print_status", wordWrap=True)  # type: ignore[call-overload]
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        for widget in (self.heading, self.tracking, self.details, self.late):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.print_status)
        layout.addStretch(1)

    def show_result(self, result: Any, fee_text: str, expected: str) -> None:
        self.tracking.setText(result.tracking_number)
        lines = [self.tr("Fee received: %1").replace("%1", fee_text),
                 self.tr("Expected on: %1").replace("%1", expected)]
        lines += [f"{issue_label(w, self.urdu)}: {issue_text(w, self.urdu)}"
                  for w in result.warnings]
        # a date or an amount keeps its order inside an Urdu line ("04-12-2026", not
        # "2026-12-04")
        self.details.setText(isolate_numbers("\n".join(lines)))
        # saved after the in-charge closed the day: the close's count does not hold its fee
        self.late.setText("" if not result.late else self.tr(
            "Saved after the in-charge closed this day (or shift): it is kept there as a late "
            "record, and its fee is not in that close's count. Tell the in-charge.")
            if result.fee_total else self.tr(
            "Saved after the in-charge closed this day (or shift): it is kept there as a late "
            "record. Tell the in-charge."))
        self.late.setVisible(bool(result.late))
        self.new_button.setFocus()
