"""The in-charge's *Centre → Audit trail…*: who did what, to what, when — newest first, for a
day, a person, a kind of action or one record (a tracking number, a user name) — and whether
the trail is intact. Everything is read on the worker; the use case checks the role."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from khidmat_desk.core import clock
from khidmat_desk.core.display import isolate_numbers
from khidmat_desk.gui.errors import Messages, say_known
from khidmat_desk.gui.labels import isolate_cells, problem_label
from khidmat_desk.gui.screen import fit_to_screen
from khidmat_desk.gui.tasks import TaskRunner

#: Who may appear that is not an account of this centre.
SYSTEM_ACTORS = ("central.server", "command-line")


class AuditDialog(QDialog):
    def __init__(self, tasks: TaskRunner, session: Any, messages: Messages,
                 parent: QWidget | None = None, *, urdu: bool = False,
                 slow: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audit_dialog")
        self._tasks, self._session, self._messages, self.urdu = tasks, session, messages, urdu
        self._slow = slow or tasks  # where the whole trail's check runs
        self.loaded = False
        self.oldest: int | None = None  # the last shown event's number, for Older
        self.setWindowTitle(self.tr("Audit trail"))
        self.words = action_words()
        self.day = QLineEdit(objectName="audit_day")  # type: ignore[call-overload]
        self.day.setPlaceholderText(self.tr("DD-MM-YYYY, empty for any day"))
        self.day.setText(f"{clock.today():%d-%m-%Y}")
        self.by = QComboBox(objectName="audit_by")  # type: ignore[call-arg]
        self.by.addItem(self.tr("Anyone"), "")
        self.what = QComboBox(objectName="audit_what")  # type: ignore[call-arg]
        self.what.addItem(self.tr("Anything"), "")
        for action, words in sorted(self.words.items(), key=lambda item: item[1]):
            self.what.addItem(words, action)
        self.about = QLineEdit(objectName="audit_about")  # type: ignore[call-overload]
        self.about.setPlaceholderText(self.tr("tracking number, user name or counter"))
        self.show_button = QPushButton(self.tr("&Show"), objectName="audit_show")  # type: ignore[call-overload]
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.show_events)
        for line in (self.day, self.about):
            line.returnPressed.connect(self.show_events)
        filters = QHBoxLayout()
        for text, widget in ((self.tr("&Day"), self.day), (self.tr("&By"), self.by),
                             (self.tr("&What"), self.what), (self.tr("Abou&t"), self.about)):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget, 1)
        filters.addWidget(self.show_button)
        self.table = QTableWidget(0, 5, objectName="audit_table")  # type: ignore[call-overload]
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("By"), self.tr("What"),
                                              self.tr("About"), self.tr("Details")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        isolate_cells(self.table)
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.problem = problem_label("audit_problem")
        self.count = QLabel(objectName="audit_count")  # type: ignore[call-overload]
        self.older = QPushButton(self.tr("&Older"), objectName="audit_older")  # type: ignore[call-overload]
        self.older.setEnabled(False)
        self.older.clicked.connect(self.show_older)
        self.check_button = QPushButton(self.tr("&Check the trail"), objectName="audit_check")  # type: ignore[call-overload]
        self.check_button.setToolTip(self.tr(
            "Walk the whole chain and its signed checkpoints, and every record against it"))
        self.check_button.clicked.connect(self.check_trail)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        for button in (self.older, self.check_button, close):
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        fit_to_screen(self, QSize(1200, 680))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self.loaded:
            self.loaded = True
            self._tasks.run(self._session.list_accounts, self._fill_people, self._on_failed)
            self.show_events()

    def _fill_people(self, accounts: Any) -> None:
        for name in [a.username for a in accounts] + list(SYSTEM_ACTORS):
            self.by.addItem(name, name)

    # -- reading ---------------------------------------------------------------------------

    def _query(self, before: int | None) -> dict[str, Any] | None:
        text = self.day.text().strip()
        day: date | None = None
        if text:
            try:
                day = datetime.strptime(text, "%d-%m-%Y").date()
            except ValueError:
                self.problem.setText(self.tr("Type the day as DD-MM-YYYY, or leave it empty "
                                             "for any day."))
                self.day.setFocus()
                self.day.selectAll()
                return None
        self.problem.clear()
        return {"day": day, "actor": self.by.currentData() or "",
                "action": self.what.currentData() or "", "about": self.about.text().strip(),
                "before": before}

    def show_events(self) -> None:
        query = self._query(None)
        if query is not None:
            self._read(query, replace=True)

    def take_scan(self, tracking: str) -> None:
        """A receipt scanned while this window is open: that application's events, any day."""
        self.day.clear()
        self.about.setText(tracking)
        self.show_events()

    def show_older(self) -> None:
        query = self._query(self.oldest)
        if query is not None and self.oldest is not None:
            self._read(query, replace=False)

    def _read(self, query: dict[str, Any], *, replace: bool) -> None:
        self.show_button.setEnabled(False)
        self.older.setEnabled(False)
        session = self._session
        self._tasks.run(lambda: session.audit_trail(query),
                        lambda page: self._show(page, replace=replace), self._on_failed)

    def _show(self, page: Any, *, replace: bool) -> None:
        self.show_button.setEnabled(True)
        if replace:
            self.table.setRowCount(0)
        for line in page.lines:
            self._add_row(line)
        self.oldest = page.lines[-1].sequence if page.lines else self.oldest
        self.older.setEnabled(page.more)
        shown = self.table.rowCount()
        self.count.setText(self.tr("No event matches.") if shown == 0 else self.tr(
            "%1 event(s), newest first.").replace("%1", str(shown))
            + (" " + self.tr("Older ones: Older.") if page.more else ""))
        if replace and shown:
            self.table.selectRow(0)

    def _add_row(self, line: Any) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        cells = (f"{clock.local(line.at):%d-%m-%Y %H:%M:%S}", line.actor,
                 self.words.get(line.action, line.action), line.about, line.detail_text)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(isolate_numbers(text) if self.urdu and column == 0
                                    else text)
            item.setToolTip(text)
            if column == 2:
                item.setData(Qt.ItemDataRole.UserRole, line.action)
            self.table.setItem(row, column, item)

    # -- the chain -------------------------------------------------------------------------

    def check_trail(self) -> None:
        self.check_button.setEnabled(False)
        self.check_button.setText(self.tr("Checking…"))
        # every event and record is read again (25 s for 100,000 applications): on a thread
        # of its own, so the counter goes on saving meanwhile
        self._slow.run(self._session.check_audit, self._on_checked, self._on_failed)

    def _on_checked(self, result: Any) -> None:
        self._ready()
        title = self.tr("Audit trail")
        chain, records = result.chain, result.records
        if result.key_problem:
            self._messages.warning(title, self.tr("The trail cannot be trusted: %1")
                                   .replace("%1", result.key_problem))
        elif not chain.ok:
            self._messages.warning(title, self.tr(
                "The chain is broken at event %1 (%2): the trail was changed after it was "
                "written. Keep this PC as it is and tell the district office.")
                .replace("%1", str(chain.first_broken_id)).replace("%2", str(chain.reason)))
        elif result.empty:
            self._messages.warning(title, self.tr(
                "The audit trail is empty, but this centre was set up: the database was "
                "replaced or emptied. Put back a backup."))
        elif not records.ok:
            self._messages.warning(title, self.tr(
                "%1 record(s) do not match the trail; the first: %2").replace(
                    "%1", str(records.found)).replace("%2", str(records.problems[0])))
        else:
            signed = self.tr("no signed checkpoint yet") if chain.last_checkpoint is None \
                else self.tr("last signed at event %1, %2").replace(
                    "%1", str(chain.last_checkpoint.head.sequence)).replace(
                    "%2", f"{clock.local(chain.last_checkpoint.at):%d-%m-%Y %H:%M}")
            self._messages.info(title, self.tr(
                "The audit trail is intact: %1 events checked, %2 records match it; %3.")
                .replace("%1", f"{chain.checked:,}").replace("%2", f"{records.checked:,}")
                .replace("%3", signed))

    def _ready(self) -> None:
        self.check_button.setEnabled(True)
        self.check_button.setText(self.tr("&Check the trail"))

    def _on_failed(self, exc: BaseException) -> None:
        self.show_button.setEnabled(True)
        self._ready()
        say_known(self._messages, exc, self.problem.setText)


def action_words() -> dict[str, str]:
    """What each kind of event is, in the counter's words (the audit window's and the
    dashboard's); an unknown kind is shown as it is stored."""
    return {
        "login": QCoreApplication.translate("AuditDialog", "signed in"),
        "login-failed": QCoreApplication.translate(
            "AuditDialog", "sign-in refused (wrong password)"),
        "login-refused": QCoreApplication.translate("AuditDialog", "sign-in refused"),
        "account-locked": QCoreApplication.translate("AuditDialog", "account locked"),
        "user-created": QCoreApplication.translate("AuditDialog", "account added"),
        "user-roles-changed": QCoreApplication.translate("AuditDialog", "roles changed"),
        "user-switched-off": QCoreApplication.translate("AuditDialog", "account switched off"),
        "user-switched-on": QCoreApplication.translate("AuditDialog", "account switched on"),
        "user-unlocked": QCoreApplication.translate("AuditDialog", "account unlocked"),
        "password-changed": QCoreApplication.translate("AuditDialog", "password changed"),
        "application-submitted": QCoreApplication.translate("AuditDialog", "application taken"),
        "status-changed": QCoreApplication.translate("AuditDialog", "status changed"),
        "status-changed-centrally": QCoreApplication.translate(
            "AuditDialog", "status changed by the central server"),
        "finding-recorded": QCoreApplication.translate("AuditDialog", "police finding recorded"),
        "finding-details": QCoreApplication.translate("AuditDialog", "police finding's details"),
        "document-printed": QCoreApplication.translate("AuditDialog", "document printed"),
        "document-reprinted": QCoreApplication.translate("AuditDialog", "document reprinted"),
        "print-delivered": QCoreApplication.translate("AuditDialog", "print reached the printer"),
        "print-failed": QCoreApplication.translate("AuditDialog", "print failed"),
        "document-handed-over": QCoreApplication.translate("AuditDialog", "document handed over"),
        "photo-attached": QCoreApplication.translate("AuditDialog", "photograph kept"),
        "photo-replaced": QCoreApplication.translate("AuditDialog", "photograph retaken"),
        "day-closed": QCoreApplication.translate("AuditDialog", "day closed"),
        "day-reopened": QCoreApplication.translate("AuditDialog", "day reopened"),
        "day-override": QCoreApplication.translate("AuditDialog", "closed day changed"),
        "shifts-set": QCoreApplication.translate("AuditDialog", "shift times set"),
        "report-exported": QCoreApplication.translate("AuditDialog", "report exported"),
        "audit-checkpoint": QCoreApplication.translate("AuditDialog", "audit trail signed"),
        "sync-set-up": QCoreApplication.translate("AuditDialog", "central server set up"),
        "numbers-carried-on": QCoreApplication.translate(
            "AuditDialog", "tracking numbers carried on"),
        "outbox-requeued": QCoreApplication.translate("AuditDialog", "record sent again"),
        "application-recovered": QCoreApplication.translate(
            "AuditDialog", "application taken back"),
        "application-imported": QCoreApplication.translate("AuditDialog", "application imported"),
        "day-bundle-exported": QCoreApplication.translate("AuditDialog", "counter's day exported"),
        "day-bundle-imported": QCoreApplication.translate("AuditDialog", "counter's day imported"),
        "bundle-exported": QCoreApplication.translate(
            "AuditDialog", "records exported for the central server"),
        "database.restored": QCoreApplication.translate("AuditDialog", "backup put back"),
        "signing-key.created": QCoreApplication.translate(
            "AuditDialog", "centre's signing key made"),
        "centre.init": QCoreApplication.translate("AuditDialog", "centre set up"),
    }
