"""One application: answers, documents received, payment, status history, and the status
changes this officer's role allows. The role is checked again in the service layer; the buttons
only save the officer a refusal."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from khidmat_desk.core import workflow
from khidmat_desk.core.catalogue import get_service
from khidmat_desk.core.display import format_date, format_moment, format_money, format_value
from khidmat_desk.core.findings import finding_kind
from khidmat_desk.gui.labels import value_label
from khidmat_desk.gui.photo_box import PhotoBox
from khidmat_desk.gui.words import method_label, said_text, status_label

_MUTED = "color: #555;"


class ApplicationView(QScrollArea):
    """Shows an ``ApplicationDetail``; ``status_requested(tracking, status)`` asks for a change."""

    status_requested = Signal(str, str)
    finding_requested = Signal(str)
    photo_requested = Signal(str)
    back_requested = Signal()
    print_requested = Signal(str, str, int)  # tracking, document key, copies printed so far
    # tracking, key, title, copies printed, whether it can be issued now
    preview_requested = Signal(str, str, str, int, bool)

    def __init__(self, role: str | frozenset[str], urdu: bool = False,
                 user_id: int | None = None) -> None:
        super().__init__(objectName="application_view")  # type: ignore[call-arg]
        self.role, self.urdu, self.user_id = role, urdu, user_id
        self.finding_button: QPushButton | None = None
        self.photo_box: PhotoBox | None = None
        self.detail: Any = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.status_buttons: dict[str, QPushButton] = {}
        self.print_buttons: dict[str, QPushButton] = {}

    def show_detail(self, detail: Any, printable: Any = ()) -> None:
        self.detail = detail
        service = get_service(detail.service_code)
        body = QWidget()
        layout = QVBoxLayout(body)
        tracking = QLabel(detail.tracking_number, objectName="view_tracking")  # type: ignore[call-overload]
        tracking.setStyleSheet("font-size: 20pt; font-weight: 700; font-family: monospace;")
        tracking.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if self.urdu:  # a label's side follows its first letter: Latin would put it left
            tracking.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
                                  | Qt.AlignmentFlag.AlignVCenter)
        status = QLabel(self.tr("Status: %1").replace("%1", status_label(detail.status)),  # type: ignore[call-overload]
                        objectName="view_status", styleSheet="font-size: 12pt; font-weight: 600;")
        title = service.title_ur if self.urdu else service.title
        layout.addWidget(tracking)
        layout.addWidget(QLabel(f"{title} · {detail.name}", styleSheet="font-size: 12pt;"))  # type: ignore[call-overload]
        layout.addWidget(status)
        layout.addLayout(self._action_row(detail))
        self.photo_box = self._photo_box(service, detail)
        if self.photo_box is not None:
            layout.addWidget(self.photo_box)
        if printable:
            layout.addWidget(self._print_box(detail, printable))
        if getattr(detail, "finding", None) is not None:
            layout.addWidget(self._finding(detail.finding))
        layout.addWidget(self._facts(detail, service))
        layout.addWidget(self._answers(service, detail.answers))
        layout.addWidget(self._history(detail))
        layout.addStretch(1)
        for button in body.findChildren(QPushButton):
            # the view opens with the focus on its first action: Enter does it, as Space does
            # (outside a dialog a button takes Enter only when told to)
            button.setAutoDefault(True)
        self.setWidget(body)
        first = self.finding_button or next(iter(self.status_buttons.values()), None)
        # as if Tabbed to: the style then draws the focus frame, so the key's target is seen
        (first or self).setFocus(Qt.FocusReason.TabFocusReason)

    def _action_row(self, detail: Any) -> QHBoxLayout:
        row = QHBoxLayout()
        self.status_buttons = {}
        self.finding_button = None
        if self._may_record_finding(detail):
            button = QPushButton(self.tr("Record &finding…"), objectName="record_finding")  # type: ignore[call-overload]
            button.clicked.connect(lambda: self.finding_requested.emit(detail.tracking_number))
            row.addWidget(button)
            self.finding_button = button
        for status in workflow.allowed_next(detail.status, self.role):
            button = QPushButton(self.tr("Mark %1").replace("%1", status_label(status)),  # type: ignore[call-overload]
                                 objectName=f"status-{status}")
            button.clicked.connect(lambda _=False, s=status: self.status_requested.emit(
                detail.tracking_number, s))
            row.addWidget(button)
            self.status_buttons[status] = button
        back = QPushButton(self.tr("Back to the list (Esc)"), objectName="view_back")  # type: ignore[call-overload]
        back.clicked.connect(self.back_requested.emit)
        row.addStretch(1)
        row.addWidget(back)
        return row

    def _photo_box(self, service: Any, detail: Any) -> PhotoBox | None:
        """For a service whose documents print the person's photograph (not once voided)."""
        printing = [o for o in service.outputs if o.photo]
        if (not printing or detail.status == workflow.VOIDED
                or not workflow.may_act_as(self.role, workflow.OFFICER)):
            return None  # the use case refuses a verifier too: taking it is intake work
        titles = " / ".join((o.title_ur if self.urdu and o.title_ur else o.title)
                            for o in printing)
        box = PhotoBox(titles)
        box.add_requested.connect(lambda: self.photo_requested.emit(detail.tracking_number))
        return box

    def _may_record_finding(self, detail: Any) -> bool:
        """Offered to a verifier, and to the in-charge, who alone may decide on their own
        intake (with a reason); the use case checks it all again."""
        has_finding = getattr(detail, "finding", None) is not None
        if not workflow.may_record_finding(detail.status, self.role, has_finding=has_finding):
            return False
        own = self.user_id is not None and getattr(detail, "officer_id", None) == self.user_id
        return not own or workflow.may_act_as(self.role, workflow.IN_CHARGE)

    def _finding(self, finding: Any) -> QFrame:
        label = finding.record_status_label
        if self.urdu and self.detail is not None:  # the status's own Urdu, where it has one
            status = finding_kind(self.detail.service_code).status(finding.record_status)
            label = status.label_ur if status is not None and status.label_ur else label
        rows = [(self.tr("Decision"), status_label(finding.outcome)),
                (self.tr("Record status"), label),
                (self.tr("Reference"), finding.reference or "—")]
        if finding.reference_date:
            rows.append((self.tr("Reference date"), format_date(finding.reference_date)))
        if finding.remark:
            rows.append((self.tr("Remark"), finding.remark))
        rows.append((self.tr("Recorded by"), f"{finding.recorded_by_name} · "
                                             f"{format_moment(finding.recorded_at)}"))
        if finding.override_reason:
            rows.append((self.tr("Decided on own intake because"), finding.override_reason))
        return _table(self.tr("Police finding"), rows)

    def _print_box(self, detail: Any, printable: Any) -> QFrame:
        """One row per document: print (or reprint, with its copy number) and preview."""
        frame = QFrame(frameShape=QFrame.Shape.StyledPanel, objectName="print_box")  # type: ignore[call-arg]
        grid = QGridLayout(frame)
        grid.addWidget(QLabel(self.tr("Print"), styleSheet="font-weight: 600;"), 0, 0)  # type: ignore[call-overload]
        self.print_buttons = {}
        for n, doc in enumerate(printable, start=1):
            title = doc.title_ur if self.urdu and doc.title_ur else doc.title
            copies = (self.tr("%1 printed").replace("%1", str(doc.copies_printed))
                      if doc.copies_printed else self.tr("not printed yet"))
            # a duplicate this user may not print is said here, not after a reason is typed
            barred = bool(doc.copies_printed) and not workflow.may_act_as(self.role,
                                                                          doc.reprint_role)
            if barred:
                copies += self.tr(" · a duplicate needs the in-charge")
            grid.addWidget(QLabel(title), n, 0)
            grid.addWidget(QLabel(copies, styleSheet=_MUTED), n, 1)  # type: ignore[call-overload]
            button = QPushButton(self.tr("Reprint") if doc.copies_printed else self.tr("Print"),  # type: ignore[call-overload]
                                 objectName=f"print-{doc.key}")
            button.setAccessibleName(self.tr("Print %1").replace("%1", doc.title))
            button.setEnabled(doc.ready and not barred)
            not_ready = doc.not_ready_reason
            button.setToolTip(said_text(not_ready, self.urdu) if not_ready else
                              self.tr("Print (Ctrl+P)") if n == 1 else "")
            button.clicked.connect(lambda _=False, d=doc: self.print_requested.emit(
                detail.tracking_number, d.key, d.copies_printed))
            preview = QPushButton(self.tr("Preview"), objectName=f"preview-{doc.key}")  # type: ignore[call-overload]
            preview.clicked.connect(lambda _=False, d=doc, t=title: self.preview_requested.emit(
                detail.tracking_number, d.key, t, d.copies_printed, d.ready))
            grid.addWidget(button, n, 2)
            grid.addWidget(preview, n, 3)
            self.print_buttons[doc.key] = button
        grid.setColumnStretch(1, 1)
        return frame

    def _facts(self, detail: Any, service: Any) -> QFrame:
        # the checklist's own words in Urdu; a document no longer on it keeps the stored label
        urdu_labels = {d.key: d.label_ur for d in service.documents} if self.urdu else {}
        rows = [
            (self.tr("Submitted"), self.tr("%1 · %2 counter %3 · %4")
             .replace("%1", format_moment(detail.created_at))
             .replace("%2", detail.centre_code).replace("%3", str(detail.counter))
             .replace("%4", detail.officer)),
            (self.tr("Expected on"), format_date(detail.expected_on)),
            (self.tr("Fee"), self._payment_text(detail)),
            (self.tr("Documents received"),
             self.tr(", ").join(urdu_labels.get(d.key) or d.label for d in detail.documents)
             or self.tr("none")),
            (self.tr("Queue token"), detail.token_no or "—"),
        ]
        return _table(self.tr("Application"), rows)

    def _payment_text(self, detail: Any) -> str:
        if detail.payment is None or detail.fee_total == 0:
            return self.tr("no fee")
        pay = detail.payment
        return self.tr("%1 (%2, %3)").replace("%1", format_money(pay.amount_pkr)).replace(
            "%2", method_label(pay.method)).replace("%3", pay.received_by)

    def _answers(self, service: Any, answers: dict[str, Any]) -> QFrame:
        rows = []
        for step in service.steps:
            for f in step.fields:
                if f.key in answers:
                    label = f.label_ur if self.urdu and f.label_ur else f.label
                    rows.append((label, format_value(f, answers[f.key], urdu=self.urdu)))
        return _table(self.tr("Answers"), rows)

    def _history(self, detail: Any) -> QFrame:
        rows = []
        for change in detail.history:
            what = status_label(change.to_status) + (f" — {change.reason}" if change.reason
                                                        else "")
            rows.append((format_moment(change.at), f"{what} ({change.user}, "
                                                                    f"v{change.version})"))
        return _table(self.tr("Status history"), rows)


def _table(title: str, rows: list[tuple[str, str]]) -> QFrame:
    frame = QFrame(frameShape=QFrame.Shape.StyledPanel)
    grid = QGridLayout(frame)
    grid.addWidget(QLabel(title, styleSheet="font-weight: 600;"), 0, 0, 1, 2)  # type: ignore[call-overload]
    for n, (label, value) in enumerate(rows, start=1):
        grid.addWidget(QLabel(label, styleSheet=_MUTED, wordWrap=True), n, 0,  # type: ignore[call-overload]
                       Qt.AlignmentFlag.AlignTop)
        grid.addWidget(value_label(value), n, 1)
    grid.setColumnMinimumWidth(0, 200)
    grid.setColumnStretch(1, 1)
    return frame

