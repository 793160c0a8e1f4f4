"""The intake wizard of one service: pages generated from the catalogue, driven by the core wizard.

Keyboard first: Enter moves to the next input (and to the next page after the last one), Alt+Left
goes back, Ctrl+Enter submits from the review page, Esc cancels (asking first when something was
typed). What is typed is kept as a draft in the database as the officer works, so a crash or a
power cut loses nothing; the draft's uuid becomes the application's, so it is saved only once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from khidmat_desk.core.catalogue import Tariff
from khidmat_desk.core.display import LRI, PDI, format_date, format_moment, format_money
from khidmat_desk.core.fields import Service
from khidmat_desk.core.intake import Intake
from khidmat_desk.core.issues import Issue, IssueLevel
from khidmat_desk.core.validators import is_blank
from khidmat_desk.core.wizard import DOCUMENTS_STEP, REVIEW_STEP, StepIncompleteError, Wizard
from khidmat_desk.gui.errors import Messages, say_known
from khidmat_desk.gui.form import FOCUS_RING, WARNING_STYLE, StepForm
from khidmat_desk.gui.labels import ERROR_STYLE
from khidmat_desk.gui.tasks import TaskRunner
from khidmat_desk.gui.wizard_pages import DocumentsPage, DonePage, ReviewPage
from khidmat_desk.gui.words import issue_label, issue_text, learn_labels, status_label

log = logging.getLogger("khidmat.gui.wizard")
AUTOSAVE_MS = 700


class IntakeBackend(Protocol):
    """What the wizard needs from below; every call runs on the background thread."""

    @property
    def tariff(self) -> Tariff: ...

    def save_draft(self, service_code: str, draft: dict[str, Any], step: str,
                   draft_uuid: str) -> str: ...
    def discard_draft(self, draft_uuid: str) -> None: ...
    def lookup_citizen(self, service_code: str, cnic: str) -> tuple[Any, tuple[Any, ...]]: ...
    def submit(self, intake: Intake, draft_uuid: str) -> Any: ...


class WizardPanel(QWidget):
    """One application being taken; emits ``submitted`` with the result, ``closed`` when done."""

    submitted = Signal(object)
    closed = Signal()
    restart_requested = Signal(str)  # service code
    print_receipt_requested = Signal(str)  # tracking number

    def __init__(self, service: Service, tasks: TaskRunner, backend: IntakeBackend, *,
                 messages: Messages, urdu: bool = False, draft: Any = None) -> None:
        super().__init__(objectName=f"wizard:{service.code}")  # type: ignore[call-arg]
        self.service, self._tasks, self._backend = service, tasks, backend
        self._messages, self.urdu = messages, urdu
        learn_labels(service)
        self.wizard = Wizard(service, tariff=backend.tariff)
        self.draft_uuid = draft.uuid if draft is not None else _new_uuid()
        self.touched: set[str] = set()
        self._looked_up: str | None = None
        self.duplicates: tuple[Any, ...] = ()
        self.saved = False
        self._loading = False  # values being put in by the program, not typed
        self._closed = False
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self._save_draft)
        self._build()
        if draft is not None:
            self._restore(draft.wizard_state)
        self._refresh()

    # -- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        title = self.service.title_ur if self.urdu else self.service.title
        heading = QLabel(title, objectName="wizard_title", styleSheet="font-size: 15pt;"  # type: ignore[call-overload]
                         "font-weight: 600;")
        self.steps_list = QListWidget(objectName="wizard_steps")  # type: ignore[call-arg]
        self.steps_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.steps_list.setFixedWidth(220)
        self.steps_list.setWordWrap(True)
        self.steps_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps_list.itemClicked.connect(self._on_steps_list_item_clicked)
        self.banner = QLabel(objectName="banner", wordWrap=True)  # type: ignore[call-overload]
        self.banner.hide()
        self.duplicates_note = QLabel(objectName="duplicates", wordWrap=True,  # type: ignore[call-overload]
                                      styleSheet=WARNING_STYLE + "font-weight: 600;")
        self.duplicates_note.hide()
        self.pages = QStackedWidget()
        self._areas: dict[QWidget, QScrollArea] = {}
        self.forms: dict[str, StepForm] = {}
        for step in self.service.steps:
            form = StepForm(step, self.urdu, self.service.field_map())
            form.changed.connect(self._on_form_changed)
            form.left.connect(self._on_form_left)
            self.forms[step.key] = form
            self._add_page(form)
        self.documents_page = DocumentsPage(self.urdu)
        self.documents_page.changed.connect(self._on_documents_page_changed)
        self.review_page = ReviewPage()
        self.review_page.edit_requested.connect(self._go_to)
        self.done_page = DonePage(self._on_new_same, self._finish, self._on_print_receipt,
                                  urdu=self.urdu)
        for page in (self.documents_page, self.review_page, self.done_page):
            self._add_page(page)
        self.back_button = QPushButton(self.tr("← &Back"), objectName="back")  # type: ignore[call-overload]
        self.back_button.setToolTip(self.tr("Previous page (Alt+Left)"))
        self.next_button = QPushButton(self.tr("&Next →"), objectName="next")  # type: ignore[call-overload]
        self.next_button.setToolTip(self.tr("Next page (Enter after the last field, Alt+Right)"))
        self.submit_button = QPushButton(self.tr("S&ubmit"), objectName="submit")  # type: ignore[call-overload]
        self.submit_button.setToolTip(self.tr("Save the application (Ctrl+Enter)"))
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="cancel")  # type: ignore[call-overload]
        self.cancel_button.setToolTip(self.tr("Cancel this application (Esc)"))
        for button in (self.back_button, self.next_button, self.submit_button,
                       self.cancel_button):
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.submit_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.cancel)
        self._layout(heading)
        self._shortcuts()
        self.setStyleSheet(FOCUS_RING)

    def _add_page(self, page: QWidget) -> None:
        area = _scrolling(page)
        self._areas[page] = area
        self.pages.addWidget(area)

    def _layout(self, heading: QLabel) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.submit_button):
            buttons.addWidget(button)
        right = QVBoxLayout()
        for widget in (heading, self.duplicates_note, self.banner):
            right.addWidget(widget)
        right.addWidget(self.pages, 1)
        right.addLayout(buttons)
        body = QHBoxLayout(self)
        body.addWidget(self.steps_list)
        body.addLayout(right, 1)

    def _shortcuts(self) -> None:
        keys_and_slots = (("Alt+Right", self.go_next), ("Alt+Left", self.go_back),
                          ("Ctrl+Return", self._on_ctrl_enter), ("Ctrl+Enter", self._on_ctrl_enter),
                          ("Escape", self._on_escape), ("Ctrl+P", self._on_print_receipt),
                          ("Ctrl+Shift+D", self.documents_page.all_button.click),
                          ("Ctrl+Shift+A", self._on_add_row),
                          ("Ctrl+Shift+Delete", self._on_remove_row))
        for keys, slot in keys_and_slots:
            # Window-wide while the wizard is on screen: Tab may have left the page.
            QShortcut(QKeySequence(keys), self, activated=slot)  # type: ignore[call-overload]

    # -- state to screen -----------------------------------------------------------------------

    def _collect(self) -> None:
        values: dict[str, Any] = {}
        for form in self.forms.values():
            values.update(form.values())
        self.wizard.update(values)

    def _refresh(self) -> None:
        """Show the current step, what applies, and the messages of fields already finished."""
        result = self.wizard.validate()
        for form in self.forms.values():
            form.apply(result, self.touched)
        state = self.wizard.state()
        self.steps_list.clear()
        for n, step in enumerate(self.wizard.steps()):
            self.steps_list.addItem(f"{n + 1}. {step.title_ur if self.urdu else step.title}")
            self.steps_list.item(n).setData(Qt.ItemDataRole.UserRole, step.key)
        self.steps_list.setCurrentRow(state.index)
        self._show_page(state.current)
        on_review = state.current == REVIEW_STEP
        self.back_button.setEnabled(state.previous_step is not None)
        self.next_button.setVisible(not on_review)
        self.submit_button.setVisible(on_review)
        self.submit_button.setEnabled(on_review and state.may_submit)

    def _show_page(self, key: str) -> None:
        if key == DOCUMENTS_STEP:
            self.documents_page.show_documents(self.wizard.documents(),
                                               self.wizard.documents_received)
            self.documents_page.show_fee(self.wizard.fee())
            page: QWidget = self.documents_page
        elif key == REVIEW_STEP:
            self._fill_review()
            page = self.review_page
        else:
            page = self.forms[key]
        self.pages.setCurrentWidget(self._areas[page])

    def _fill_review(self) -> None:
        labels = {d.key: (d.label_ur if self.urdu else "") or d.label
                  for d in self.wizard.documents()}
        documents = [labels[k] for k in sorted(self.wizard.documents_received) if k in labels]
        notes = [(IssueLevel.WARNING, self.duplicates_note.text())] if self.duplicates else []
        notes += [(IssueLevel.WARNING, self._issue_line(i))
                  for i in self.wizard.validate().warnings]
        notes += [(IssueLevel.ERROR, self._issue_line(i))
                  for i in self.wizard.step_issues(REVIEW_STEP) if i.level == IssueLevel.ERROR]
        self.review_page.show_review(self.wizard.review(urdu=self.urdu), documents,
                                     self.wizard.fee(), notes)

    def current_form(self) -> StepForm | None:
        return self.forms.get(self.wizard.current)

    # -- navigation ----------------------------------------------------------------------------

    def go_next(self) -> None:
        if self.saved:
            return
        self._collect()
        self._sync_documents()
        if self._moved(self.wizard.next):
            self._save_draft()
            self._focus_first_input()

    def go_back(self) -> None:
        if self.saved:
            return
        self._collect()
        if self._moved(self.wizard.back):
            self._focus_first_input()

    def _go_to(self, key: str) -> None:
        self._collect()
        if self._moved(lambda: self.wizard.go_to(key)):
            self._focus_first_input()

    def _moved(self, move: Callable[[], object]) -> bool:
        """Move the wizard and show the page it is on; a refused move shows why instead."""
        try:
            move()
        except StepIncompleteError as refused:
            self._refuse(refused.issues)
            return False
        self._say("")
        self._refresh()
        return True

    def _refuse(self, issues: tuple[Issue, ...]) -> None:
        """Next refused: every problem of the page shown under its field, the first focused."""
        paths = {i.field for i in issues}
        self.touched |= paths
        self._refresh()
        self._say_problems(issues)
        if self.wizard.current == DOCUMENTS_STEP:
            self.documents_page.show_issues(issues)
            return
        form = self.current_form()
        row = form.first_row_with(paths) if form else None
        if row is not None:
            row.input.focus_widget().setFocus()

    def _focus_first_input(self) -> None:
        form = self.current_form()
        if form is not None:
            for row in form.all_rows():
                if row.input.widget.isVisibleTo(form):
                    row.input.focus_widget().setFocus()
                    return
        elif self.wizard.current == DOCUMENTS_STEP:
            first = next(iter(self.documents_page.boxes.values()), self.documents_page.token)
            first.setFocus()
        else:
            self.setFocus()

    def _on_steps_list_item_clicked(self, item: Any) -> None:
        self._go_to(str(item.data(Qt.ItemDataRole.UserRole)))

    def focus_inputs(self) -> list[QWidget]:
        """The visible inputs of the current page in Tab order (Enter walks through them)."""
        form = self.current_form()
        if form is None:
            page = self.documents_page
            return [*page.boxes.values(), page.token, page.payment] \
                if self.wizard.current == DOCUMENTS_STEP else []
        widgets = [row.input.focus_widget() for row in form.all_rows()
                   if row.input.widget.isVisibleTo(form)]
        return [w for w in widgets if w.isEnabled()]

    def _on_add_row(self) -> None:
        """Ctrl+Shift+A: a row in the group being typed in, or the page's first group."""
        form = self.current_form()
        if form is None:
            return
        editor = form.group_holding(self.focusWidget()) or form.first_group()
        if editor is not None and not editor.add_row():
            self._say(self.tr("No more rows can be added here."))

    def _on_remove_row(self) -> None:
        """Ctrl+Shift+Delete: remove the row the focus is in; the focus stays in the group."""
        form = self.current_form()
        editor = form.group_holding(self.focusWidget()) if form is not None else None
        if editor is not None:
            editor.remove_row_holding(self.focusWidget())

    def tab_order(self) -> list[QWidget]:
        form = self.current_form()
        return form.tab_widgets() if form is not None else self.focus_inputs()

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt API
        """Tab and Shift+Tab walk the page's inputs in their order (rows added later
        included) and stay on the page instead of wandering into the rest of the window."""
        order = self.tab_order()
        focused = self.focusWidget()
        here = next((n for n, w in enumerate(order)
                     if focused is not None and (w is focused or w.isAncestorOf(focused))), None)
        if here is None or not order:
            return super().focusNextPrevChild(forward)
        target = order[(here + (1 if forward else -1)) % len(order)]
        target.setFocus(Qt.FocusReason.TabFocusReason if forward
                        else Qt.FocusReason.BacktabFocusReason)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self._on_enter()
            return
        if event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            # Not taken by the focused input (a list or a long text): scroll the page.
            area = self.pages.currentWidget()
            bar = area.verticalScrollBar() if isinstance(area, QScrollArea) else None
            if bar is not None:
                step = bar.pageStep() if event.key() == Qt.Key.Key_PageDown else -bar.pageStep()
                bar.setValue(bar.value() + step)
                return
        super().keyPressEvent(event)

    def _on_enter(self) -> None:
        if self.saved:
            self.done_page.new_button.click()
            return
        inputs = self.focus_inputs()
        focused = self.focusWidget()
        owner = next((w for w in inputs if w is focused or w.isAncestorOf(focused)), None)
        if owner is not None and owner is not inputs[-1]:
            inputs[inputs.index(owner) + 1].setFocus()
        elif self.wizard.current == REVIEW_STEP:
            self.submit()
        else:
            self.go_next()

    def _on_ctrl_enter(self) -> None:
        if self.wizard.current == REVIEW_STEP:
            self.submit()
        else:
            self.go_next()

    # -- typing --------------------------------------------------------------------------------

    def _on_form_changed(self) -> None:
        if not self._loading:
            self._save_soon()

    def _on_form_left(self, path: str) -> None:
        """The officer finished a field: check it, show or hide what depends on it."""
        if self._loading:
            return
        self._collect()
        self.touched.add(path)
        self._refresh()
        self._recheck_banner()
        self._save_soon()
        if path == self.service.primary_cnic:
            self._look_up_citizen()

    def _on_documents_page_changed(self) -> None:
        self._sync_documents()
        self.documents_page.show_issues(())
        self._save_soon()

    def _sync_documents(self) -> None:
        if self.wizard.current != DOCUMENTS_STEP:
            return
        for doc in self.wizard.documents():
            self.wizard.set_document(doc.key, doc.key in self.documents_page.received())

    # -- prefill and duplicates ------------------------------------------------------------------

    def _look_up_citizen(self) -> None:
        key = self.service.primary_cnic
        cnic = self.wizard.validate().answers.get(key)
        if not cnic or cnic == self._looked_up or self.wizard.field_issues(key):
            return
        self._looked_up = cnic
        code = self.service.code
        self._tasks.run(lambda: self._backend.lookup_citizen(code, cnic), self._on_citizen_found,
                        self._on_background_failed)

    def _on_citizen_found(self, found: tuple[Any, tuple[Any, ...]]) -> None:
        profile, open_ones = found
        if profile is not None and not self.saved:
            filled = self._prefill(profile)
            if filled:
                self._say(self.tr("Filled 1 field from this citizen's earlier visit; check it "
                                  "with the citizen.") if filled == 1 else
                          self.tr("Filled %1 fields from this citizen's earlier visit; check "
                                  "them with the citizen.").replace("%1", str(filled)))
        self.duplicates = open_ones
        if open_ones:
            listed = ", ".join(f"{a.tracking_number} ({status_label(a.status)}, "
                               f"{format_moment(a.created_at, '%d-%m-%Y')})"
                               for a in open_ones[:3])
            if self.urdu:  # keep the numbers and their brackets in order inside Urdu
                listed = f"{LRI}{listed}{PDI}"
            self.duplicates_note.setText(self.tr(
                "This citizen already has an open application for this service: %1. "
                "Check with the citizen before taking another.").replace("%1", listed))
        self.duplicates_note.setVisible(bool(open_ones))

    def _prefill(self, profile: Any) -> int:
        """Fill empty fields from the profile; never overwrite what the officer typed."""
        details = dict(profile.details)
        filled = 0
        self._loading = True
        try:
            for form in self.forms.values():
                for row in form.rows.values():
                    wanted = details.get(row.field.profile or "")
                    if wanted is None or not _unanswered(row.input.value()):
                        continue
                    row.input.set_value(wanted)
                    self.touched.add(row.path)
                    filled += 1
        finally:
            self._loading = False
        self._collect()
        self._refresh()
        self._save_soon()
        return filled

    # -- drafts, submit, cancel --------------------------------------------------------------

    def draft(self) -> dict[str, Any]:
        self._take_payment()
        return self.wizard.to_draft()

    def _take_payment(self) -> None:
        """The token and payment method from the documents page into the wizard's state."""
        self.wizard.token_no = self.documents_page.token.text()
        self.wizard.payment_method = str(self.documents_page.payment.currentData() or "cash")

    def _restore(self, stored: dict[str, Any]) -> None:
        self.wizard = Wizard.from_draft(self.service, stored, tariff=self._backend.tariff)
        answers = dict(self.wizard.answers)
        self._loading = True
        try:
            for form in self.forms.values():
                form.set_values(answers)
            self.documents_page.token.setText(self.wizard.token_no)
            method = self.documents_page.payment.findData(self.wizard.payment_method)
            self.documents_page.payment.setCurrentIndex(max(method, 0))
        finally:
            self._loading = False
        self._collect()
        # what was typed before is judged again; what was not is not yet "required"
        self.touched = {f.key for f in self.service.all_fields()
                        if not _unanswered(self.wizard.answers.get(f.key))}

    def has_typed(self) -> bool:
        return any(not _unanswered(v) for v in self.wizard.answers.values())

    def _save_draft(self) -> None:
        if self.saved:
            return
        self._collect()  # what is in the fields now, the one being typed in too
        if not self.has_typed():
            return
        self._sync_documents()
        draft, step, key = self.draft(), self.wizard.current, self.draft_uuid
        code = self.service.code
        self._tasks.run(lambda: self._backend.save_draft(code, draft, step, key),
                        lambda _: log.debug("draft %s saved", key), self._on_background_failed)

    def flush_draft(self) -> None:
        """Save now (before locking, switching user or closing)."""
        self._autosave.stop()
        self._save_draft()

    def _save_soon(self) -> None:
        """What was typed is saved once the officer pauses; never by a closed wizard."""
        if not self._closed:
            self._autosave.start()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """A wizard closed on its own saves what was typed now, and no later: its save timer
        went off after the window had closed, when nobody may be signed in any more (the
        field losing the keyboard as the window closes started it again)."""
        self.flush_draft()
        self._closed = True
        super().closeEvent(event)

    def submit(self) -> None:
        if self.saved or not self.submit_button.isEnabled():
            return
        self._collect()
        if self.duplicates and not self._messages.confirm(
                self.tr("Open application exists"),
                self.duplicates_note.text() + "\n\n" + self.tr("Take this application anyway?")):
            return
        self._autosave.stop()
        self.submit_button.setEnabled(False)
        self._say(self.tr("Saving…"))
        self._take_payment()
        intake, key = self.wizard.intake(), self.draft_uuid
        self._tasks.run(lambda: self._backend.submit(intake, key), self._on_submit_done,
                        self._on_submit_failed)

    def _on_submit_done(self, result: Any) -> None:
        self.saved = True
        self._say("")
        self.duplicates_note.hide()
        fee = self.tr("no fee") if result.fee_total == 0 else format_money(result.fee_total)
        if any(w.field == "fee" for w in result.warnings):
            fee = self.tr("none: the fee is not set at this centre")
        self.done_page.show_result(result, fee, format_date(result.expected_on))
        self.pages.setCurrentWidget(self._areas[self.done_page])
        for button in (self.back_button, self.next_button, self.submit_button,
                       self.cancel_button):
            button.hide()
        self.steps_list.setEnabled(False)
        self.done_page.new_button.setFocus()
        self.submitted.emit(result)

    def _on_submit_failed(self, exc: BaseException) -> None:
        self.submit_button.setEnabled(True)
        self._say("")
        say_known(self._messages, exc, lambda text: self._say(
            self.tr("Not saved: %1").replace("%1", text), error=True))

    def _on_background_failed(self, exc: BaseException) -> None:
        say_known(self._messages, exc, lambda text: self._say(text, error=True))

    def _on_escape(self) -> None:
        if self.saved:
            self._finish()
        else:
            self.cancel()

    def cancel(self) -> None:
        """Esc: leave at once when nothing was typed; otherwise ask what to do with the draft."""
        self._collect()
        if not self.has_typed():
            self._finish()
            return
        choice = self._messages.choose(
            self.tr("Cancel this application?"),
            self.tr("What was typed can be kept as a draft to finish later, or deleted."),
            [("keep", self.tr("&Keep as draft")), ("discard", self.tr("&Delete what was typed")),
             ("stay", self.tr("&Go on typing"))], default="stay")
        if choice == "keep":
            self.flush_draft()
            self._finish()
        elif choice == "discard":
            self._autosave.stop()
            key = self.draft_uuid
            self._tasks.run(lambda: self._backend.discard_draft(key), lambda _: None,
                            self._on_background_failed)
            self._finish()

    def _on_print_receipt(self) -> None:
        if self.saved:
            self.print_receipt_requested.emit(self.done_page.tracking.text())

    def _on_new_same(self) -> None:
        self.restart_requested.emit(self.service.code)

    def _finish(self) -> None:
        self.closed.emit()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.banner.setStyleSheet(ERROR_STYLE if error else "color: #1b5e20;")
        self.banner.setText(text)
        self.banner.setVisible(bool(text))
        self._banner_problems = error and bool(text)

    def _say_problems(self, issues: tuple[Issue, ...]) -> None:
        """The page's errors in the banner; it goes away once they are all put right. A
        warning does not stop the officer going on: it stays under its field only."""
        issues = tuple(i for i in issues if i.level == IssueLevel.ERROR)
        count = len(issues)
        if not count:
            self._say("")
            return
        lead = (self.tr("1 field needs attention before going on: ") if count == 1 else
                self.tr("%1 fields need attention before going on: ").replace("%1", str(count)))
        self._say(lead + "; ".join(self._issue_line(i) for i in issues[:3])
                  + (" …" if count > 3 else ""), error=True)

    def _issue_line(self, issue: Issue) -> str:
        return f"{issue_label(issue, self.urdu)}: {issue_text(issue, self.urdu)}"

    def _recheck_banner(self) -> None:
        if getattr(self, "_banner_problems", False) and self.current_form() is not None:
            self._say_problems(self.wizard.step_issues(self.wizard.current))


def _scrolling(page: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(page)
    return area


def _new_uuid() -> str:
    from khidmat_desk.store.sequences import uuid7

    return uuid7()


def _unanswered(value: Any) -> bool:
    """Blank, a tick box left unticked, or a table whose rows are all empty (the first row is
    there before anything is typed): nothing the officer typed."""
    if isinstance(value, list) and all(isinstance(row, Mapping) for row in value):
        return all(_unanswered(v) for row in value for v in row.values())
    return value is False or is_blank(value)
