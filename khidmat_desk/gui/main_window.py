"""The counter's main window: launcher, today's queue, the one search box, the application view
and the intake wizard, with a status bar that says who is signed in where.

The search box takes a tracking number, CNIC, mobile, plate or name, and a barcode scanner
acting as a keyboard: a scanned receipt types its tracking number and Enter, which opens that
application directly.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QMainWindow, QPushButton

from khidmat_desk import __version__
from khidmat_desk.core import workflow
from khidmat_desk.core.catalogue import get_service
from khidmat_desk.core.display import FSI, LRI, PDI, format_moment
from khidmat_desk.core.records import draft_name
from khidmat_desk.gui.application_view import ApplicationView
from khidmat_desk.gui.dashboard import Dashboard
from khidmat_desk.gui.diagnostics import DiagnosticsDialog
from khidmat_desk.gui.errors import (
    Messages,
    known_text,
    refusal_text,
    report_error,
    say_known,
)
from khidmat_desk.gui.generated.ui_main_window import Ui_MainWindow
from khidmat_desk.gui.labels import isolate_cells
from khidmat_desk.gui.launcher import Launcher
from khidmat_desk.gui.print_flow import PrintFlow
from khidmat_desk.gui.printer import PrintQueue
from khidmat_desk.gui.scanner import install as install_scanner
from khidmat_desk.gui.session import CounterSession
from khidmat_desk.gui.sync_panel import SyncHost, SyncPanel, link_text
from khidmat_desk.gui.tables import select_first_row
from khidmat_desk.gui.tasks import TaskRunner
from khidmat_desk.gui.wizard_panel import WizardPanel
from khidmat_desk.gui.words import age_label, roles_label, search_kind_label, status_label

log = logging.getLogger("khidmat.gui")
_Index = QModelIndex | QPersistentModelIndex


class SummaryModel(QAbstractTableModel):
    """Application summaries as rows: tracking number, citizen, service, status, age."""

    COLUMNS = 6

    def __init__(self, urdu: bool = False) -> None:
        super().__init__()
        self.rows: list[Any] = []
        self.urdu = urdu
        self.now = datetime.now(UTC)

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.now = datetime.now(UTC)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (self.tr("Tracking number"), self.tr("Citizen"), self.tr("Service"),
                    self.tr("Status"), self.tr("Age"), self.tr("Submitted"))[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:  # sort key
            return (row.tracking_number, row.name.casefold(), row.service_code, row.status,
                    -row.created_at.timestamp(), row.created_at.timestamp())[index.column()]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        service = get_service(row.service_code)
        # a delivered or voided application is no longer waiting: no age that keeps growing
        age = "—" if workflow.is_final(row.status) else age_label(self.now - row.created_at)
        return (row.tracking_number, row.name,
                service.title_ur if self.urdu else service.short_title,
                status_label(row.status), age, format_moment(row.created_at))[index.column()]


class MainWindow(QMainWindow):
    lock_requested = Signal()
    switch_user_requested = Signal()
    language_requested = Signal(str)
    #: the in-charge set up the central server: the counter (re)starts its sync with it
    sync_set_up = Signal()

    def __init__(self, tasks: TaskRunner, session: CounterSession, *, user: Any,
                 messages: Messages, urdu: bool = False,
                 print_queue: PrintQueue | None = None, sync_host: SyncHost | None = None
                 ) -> None:
        super().__init__()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self._tasks, self.session, self.user, self._messages = tasks, session, user, messages
        self._slow_tasks: TaskRunner | None = None
        self.urdu = urdu
        self.wizard: WizardPanel | None = None
        self.search = self.ui.search
        self.heading = self.ui.heading
        self.table = self.ui.applications
        self.model = SummaryModel(urdu)
        self.sorted = QSortFilterProxyModel(self)
        self.sorted.setSourceModel(self.model)
        self.sorted.setSortRole(Qt.ItemDataRole.UserRole)
        self.table.setModel(self.sorted)
        isolate_cells(self.table)
        self.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view = ApplicationView(user.roles, urdu, user_id=user.id)
        self.ui.stack.addWidget(self.view)
        self.locked_page = QLabel(self.tr("Counter locked"), objectName="locked_page",  # type: ignore[call-overload]
                                  alignment=Qt.AlignmentFlag.AlignCenter,
                                  styleSheet="font-size: 18pt; color: #777;")
        self.ui.stack.addWidget(self.locked_page)
        self.launcher = Launcher(self.ui.launcher_filter, self.ui.launcher_entries_layout,
                                 self.ui.menu_services, urdu)
        self.launcher.chosen.connect(self.start_wizard)
        self.print_queue = print_queue or PrintQueue(
            session.settings.data_dir / "printouts",
            on_error=lambda exc: report_error(messages, exc))
        self.printing = PrintFlow(tasks, self.print_queue, session, messages, self)
        self.sync_host = sync_host
        self.sync_panel: SyncPanel | None = None
        self._status_bar()
        self._connect()
        self.scanner = install_scanner(self, self._on_scanned, self._on_scanned_elsewhere)
        self.setWindowTitle(self.tr("Khidmat Desk — %1").replace("%1", self._where()))
        from khidmat_desk.gui.centre_menu import CentreMenu

        self.centre = CentreMenu(self)
        from khidmat_desk.gui.photo_box import PhotoFlow

        self.photos = PhotoFlow(self)
        if self.centre.verifier_home:
            self.centre.show_awaiting()
        else:
            self.refresh_queue()

    def show_on_screen(self) -> None:
        """Maximised on a counter PC's screen (1366×768, 1024×768 …) so the status bar and the
        wizard's buttons are never below the taskbar; a comfortable window on a large one."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else None
        if area is None or area.width() < 1600 or area.height() < 1000:
            self.resize(area.size() if area is not None else self.size())
            self.showMaximized()
        else:
            self.resize(1440, 900)
            self.move(area.center() - self.rect().center())
            self.show()
        if self.centre.verifier_home:  # given while hidden, the focus went to the search line
            self.centre.centre_view.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _where(self) -> str:
        return self.tr("%1 · counter %2").replace("%1", self.session.ctx.centre_code) \
            .replace("%2", str(self.session.ctx.counter))

    def _status_bar(self) -> None:
        bar = self.statusBar()
        self.who = QLabel(f"{self.user.full_name} ({roles_label(self.user.roles)})",  # type: ignore[call-overload]
                          objectName="who")
        self.where = QLabel(self._where(), objectName="where")  # type: ignore[call-overload]
        # The sync worker's state: link, waiting, set aside, last success. Click for the panel.
        self.link = QPushButton(self.tr("Sync: not set up"), objectName="link", flat=True)  # type: ignore[call-overload]
        self.link.setToolTip(self.tr("Sync with the central server (Ctrl+Shift+S)"))
        self.link.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.link.setStyleSheet("color: #777; padding: 0 6px;")
        self.link.clicked.connect(self.open_sync_panel)
        for label in (self.link, self.who, self.where):
            bar.addPermanentWidget(label)

    def _connect(self) -> None:
        ui = self.ui
        ui.action_new.triggered.connect(self._on_action_new_triggered)
        ui.action_search.triggered.connect(self._focus_search)
        ui.action_queue.triggered.connect(self.show_queue)
        ui.action_drafts.triggered.connect(self.offer_drafts)
        ui.action_lock.triggered.connect(self.lock_requested.emit)
        ui.action_switch_user.triggered.connect(self.switch_user_requested.emit)
        ui.action_quit.triggered.connect(self.close)
        ui.action_shortcuts.triggered.connect(self._on_action_shortcuts_triggered)
        ui.action_english.setChecked(not self.urdu)
        ui.action_urdu.setChecked(self.urdu)
        ui.action_english.triggered.connect(lambda: self.language_requested.emit("en"))
        ui.action_urdu.triggered.connect(lambda: self.language_requested.emit("ur"))
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.table.activated.connect(self._on_applications_activated)
        self.view.status_requested.connect(self._on_view_status_requested)
        self.view.back_requested.connect(self._on_view_back_requested)
        QShortcut(QKeySequence("Escape"), self.view, activated=self._on_view_back_requested)  # type: ignore[call-overload]
        QShortcut(QKeySequence("Ctrl+P"), self.view, activated=self._on_view_ctrl_p)  # type: ignore[call-overload]
        self.view.print_requested.connect(
            lambda tracking, key, copies: self.printing.print(tracking, key,
                                                              copies_printed=copies))
        self.view.preview_requested.connect(
            lambda tracking, key, title, copies, ready: self.printing.preview(
                tracking, key, title, copies_printed=copies, printable=ready))
        self.printing.said.connect(self._on_printing_said)
        self.printing.printed.connect(self._on_printing_printed)
        ui.action_printers.triggered.connect(self._on_action_printers_triggered)
        sync_action = QAction(self.tr("S&ync…"), self, objectName="action_sync")  # type: ignore[call-overload]
        sync_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        sync_action.triggered.connect(self.open_sync_panel)
        ui.menu_counter.insertAction(ui.action_lock, sync_action)
        self._add_help_actions()
        self.dashboard: Dashboard | None = None
        if self.sync_host is not None:
            self.sync_host.reported.connect(self._on_sync_reported)
        self._tasks.run(self.session.sync_status, self._on_sync_reported, self._on_failed)
        from khidmat_desk.gui.clock_watch import ClockWatch

        self.clock_watch = ClockWatch(self)

    def _add_help_actions(self) -> None:
        """Help → Diagnostics… (the `doctor` report) and About."""
        diagnostics = QAction(self.tr("&Diagnostics…"), self)
        diagnostics.setObjectName("action_diagnostics")
        about = QAction(self.tr("&About Khidmat Desk"), self)
        about.setObjectName("action_about")
        self.ui.menu_help.addSeparator()
        self.ui.menu_help.addAction(diagnostics)
        self.ui.menu_help.addAction(about)
        diagnostics.triggered.connect(self._on_action_diagnostics_triggered)
        about.triggered.connect(self._on_action_about_triggered)

    def _on_action_diagnostics_triggered(self) -> None:
        dialog = DiagnosticsDialog(self)
        # the database's check and the central server's answers take seconds: not on the
        # thread the counter saves on
        self.slow_tasks.run(self.session.diagnose, dialog.show_report, self._on_failed)
        dialog.open()

    @property
    def slow_tasks(self) -> TaskRunner:
        """A thread of its own for reads that take seconds (Help → Diagnostics, the audit
        trail's check): the counter's saves never queue behind them."""
        if self._slow_tasks is None:
            self._slow_tasks = TaskRunner(on_error=self._on_failed)
        return self._slow_tasks

    def _on_action_about_triggered(self) -> None:
        text = (f"<b>Khidmat Desk {__version__}</b><br>"
                + self.tr("Counter application for Punjab Police Khidmat Markaz service "
                          "centres.")
                + "<br><br>" + self.tr("Data folder: %1").replace(
                    "%1", str(self.session.settings.data_dir)))
        self._messages.info(self.tr("About Khidmat Desk"), text)

    # -- queue and search --------------------------------------------------------------------

    def refresh_queue(self) -> None:
        self.heading.setText(self.tr("Today's applications at this counter"))
        self._tasks.run(self.session.todays_queue, self._on_rows_loaded, self._on_failed)
        self._tasks.run(self.session.todays_counts, self.launcher.set_counts, self._on_failed)

    def _taking_application(self) -> bool:
        """An application is being typed (its wizard is open and not yet saved)."""
        return self.wizard is not None and not self.wizard.saved

    def _on_view_back_requested(self) -> None:
        """Esc on an application: back to the list it was opened from."""
        if not self.centre.back_to_list():
            self.show_queue()

    def show_queue(self) -> None:
        if self.centre.verifier_home:  # a verifier's queue is what awaits a finding
            self.centre.show_awaiting()
            return
        if self.wizard is not None and not self.wizard.saved:
            if self.ui.stack.currentWidget() is not self.wizard:
                self.ui.stack.setCurrentWidget(self.wizard)
            self.statusBar().showMessage(self.tr("Finish or cancel the application being "
                                                 "taken first (Esc)."), 8000)
            return
        self._close_wizard()
        self.ui.stack.setCurrentWidget(self.ui.home)
        self.search.clear()
        self.refresh_queue()
        self.table.setFocus()

    def _on_rows_loaded(self, rows: Sequence[Any]) -> None:
        self.model.set_rows(rows)
        if rows:
            select_first_row(self.table)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _on_search_return_pressed(self) -> None:
        text = self.search.text().strip()
        if not text:
            self.show_queue()
            return
        self.statusBar().showMessage(self.tr("Searching…"))
        self._tasks.run(lambda: self.session.find(text), self._on_find_done, self._on_find_failed)

    def _on_find_done(self, found: Any) -> None:
        count = len(found.items)
        if count == 1 and found.kind == "tracking":
            self.open_application(found.items[0].tracking_number)  # a scanned receipt
            return
        if self._taking_application():
            self.statusBar().showMessage(
                self.tr("Found %1; finish or cancel the application being taken first (Esc) "
                        "to see it.").replace("%1", self._applications(count)) if count else
                self.tr("No application matches “%1”.").replace("%1", found.query), 10000)
            return
        self._close_wizard()
        self.ui.stack.setCurrentWidget(self.ui.home)
        if count:
            self.heading.setText(self.tr("%1 found by %2").replace(
                "%1", self._applications(count)).replace("%2", search_kind_label(found.kind)))
            self.statusBar().showMessage(self.tr("Found %1.").replace(
                "%1", self._applications(count)), 5000)
        else:
            self.heading.setText(self.tr("No application matches “%1”.")
                                 .replace("%1", found.query))
            self.statusBar().showMessage(self.tr("Nothing matches."), 10000)
        self.model.set_rows(found.items)
        if count:
            select_first_row(self.table)
            self.table.setFocus()

    def _on_find_failed(self, exc: BaseException) -> None:
        say_known(self._messages, exc, lambda text: self.statusBar().showMessage(text, 10000))

    def _applications(self, count: int) -> str:
        return self.tr("1 application") if count == 1 else \
            self.tr("%1 applications").replace("%1", str(count))

    def _on_scanned(self, tracking: str) -> None:
        """A receipt scanned with the focus anywhere in the window."""
        if self.ui.stack.currentWidget() is self.locked_page:
            return
        self.statusBar().showMessage(self.tr("Scanned %1").replace("%1", tracking), 5000)
        if self._taking_application():
            self.statusBar().showMessage(self.tr(
                "Scanned %1: finish or cancel the application being taken first (Esc), then "
                "scan again.").replace("%1", tracking), 10000)
            return
        self.search.clear()
        self.statusBar().showMessage(self.tr("Searching…"))
        self._tasks.run(lambda: self.session.find(tracking), self._on_find_done,
                        self._on_find_failed)

    def _on_scanned_elsewhere(self, tracking: str) -> None:
        """A receipt scanned while another window had the keyboard: its letters and Enter went
        nowhere; say so where the officer is looking."""
        from PySide6.QtCore import QPoint
        from PySide6.QtWidgets import QApplication, QToolTip

        taker = getattr(QApplication.activeWindow(), "take_scan", None)
        if callable(taker):  # a window that looks receipts up itself (the audit trail)
            taker(tracking)
            return
        said = self.tr("Scanned %1: finish with this window first, then scan again.").replace(
            "%1", tracking)
        QApplication.beep()
        focus = QApplication.focusWidget()
        if focus is not None:
            QToolTip.showText(focus.mapToGlobal(QPoint(0, focus.height())), said, focus)
        self.statusBar().showMessage(said, 10000)

    def _on_applications_activated(self, index: QModelIndex) -> None:
        row = self.model.rows[self.sorted.mapToSource(index).row()]
        self.open_application(row.tracking_number)

    # -- application view ----------------------------------------------------------------------

    def open_application(self, tracking: str, *, said: str = "") -> None:
        """Show the application; ``said`` is the status bar's line once it is on screen (what
        was just done to it), else "Opened …"."""
        if self.wizard is not None and not self.wizard.saved:
            self.statusBar().showMessage(self.tr("Finish or cancel the application being "
                                                 "taken first (Esc)."), 8000)
            return
        session = self.session
        self._tasks.run(lambda: session.application_with_documents(tracking),
                        lambda loaded: self._on_detail_loaded(loaded, said), self._on_failed)

    def _on_detail_loaded(self, loaded: tuple[Any, Any], said: str = "") -> None:
        detail, printable = loaded
        self._close_wizard()
        self.view.show_detail(detail, printable)
        self.photos.load(detail.tracking_number)
        self.printing.prepare(detail.tracking_number, printable)
        self.ui.stack.setCurrentWidget(self.view)
        self.search.clear()
        # The next key acts on this application: recording its finding (for who may), its
        # first step, else its receipt's Print.
        first = self.view.finding_button \
            or next(iter(self.view.status_buttons.values()), None) \
            or self.view.print_buttons.get("receipt")
        (first or self.view).setFocus(Qt.FocusReason.OtherFocusReason)
        self.statusBar().showMessage(
            said or self.tr("Opened %1").replace("%1", detail.tracking_number), 8000)

    def _on_view_status_requested(self, tracking: str, status: str) -> None:
        if status == workflow.DELIVERED:
            self.hand_over(tracking)
            return
        reason: str | None = None
        if status in workflow.REASON_REQUIRED:
            reason = self._messages.ask_text(self.tr("Reason"), self.tr(
                "Why is this application being marked %1?").replace("%1", status_label(status)))
            if reason is None:
                return
        self._change_status(tracking, status, reason)

    def _change_status(self, tracking: str, status: str, reason: str | None,
                       override: str | None = None) -> None:
        session = self.session
        said = self.tr("%1 marked %2.").replace("%2", status_label(status)).replace(
            "%1", tracking)
        if override is not None:
            said += " " + self.tr("The day was closed: the override is in the audit trail.")
        self._tasks.run(lambda: session.change_status(tracking, status, reason, override),
                        lambda _: self._on_status_changed(tracking, said),
                        lambda exc: self._on_status_refused(exc, tracking, status, reason))

    def _on_status_refused(self, exc: BaseException, tracking: str, status: str,
                           reason: str | None) -> None:
        """A change to a closed day: the in-charge may make it with a reason (audited as an
        override of the close); anyone else is told to ask the in-charge."""
        from khidmat_desk.app.day_close import DayLocked

        if not (isinstance(exc, DayLocked) and self.user.may(workflow.IN_CHARGE)):
            self._on_failed(exc)
            return
        why = self._messages.ask_text(self.tr("The day is closed"), self.tr(
            "%1\n\nTo change it anyway, type the reason (it is kept in the audit trail):")
            .replace("%1", known_text(exc)))
        if why is not None and why.strip():
            self._change_status(tracking, status, reason, why)

    def hand_over(self, tracking: str) -> None:
        """Mark delivered with who collected it: the applicant (CNIC checked against the
        application) or a representative (name and CNIC recorded)."""
        from khidmat_desk.gui.handover import HandoverDialog

        detail = self.view.detail
        shown = detail is not None and detail.tracking_number == tracking
        name = detail.name if shown else ""
        step = get_service(detail.service_code).handover if shown else None
        dialog = HandoverDialog(tracking, name, self, facts=step.fields if step else (),
                                urdu=self.urdu)
        self.handover_dialog = dialog

        def done(result: int) -> None:
            if result != QDialog.DialogCode.Accepted:
                return
            handover, facts = dialog.handover(), dialog.facts()
            self._tasks.run(lambda: self.session.hand_over(tracking, handover, facts),
                            lambda _: self._on_handed_over(tracking), refused)

        def refused(exc: BaseException) -> None:
            """A wrong CNIC or fact: the same window again, as typed, saying what to correct
            (not a message box, then everything typed again)."""
            why = refusal_text(exc)
            if why is None:
                self._on_failed(exc)
                return
            dialog.refused(why)
            dialog.open()

        dialog.finished.connect(done)
        dialog.open()

    def _on_handed_over(self, tracking: str) -> None:
        self._on_status_changed(tracking, said=self.tr("%1 handed over.").replace("%1", tracking))

    def _on_status_changed(self, tracking: str, said: str = "") -> None:
        if self.sync_host is not None:
            self.sync_host.nudge()
        self.open_application(tracking, said=said)

    # -- wizard ------------------------------------------------------------------------------

    def start_wizard(self, code: str, draft: Any = None) -> None:
        if not self.user.may(workflow.OFFICER):
            self.statusBar().showMessage(self.tr("Taking applications in is the officers' "
                                                 "work."), 8000)
            return
        if self.wizard is not None and not self.wizard.saved:
            self.ui.stack.setCurrentWidget(self.wizard)
            self.statusBar().showMessage(self.tr("Finish or cancel this application first "
                                                 "(Esc)."), 8000)
            return
        self._close_wizard()
        panel = WizardPanel(get_service(code), self._tasks, self.session,
                            messages=self._messages, urdu=self.urdu, draft=draft)
        panel.submitted.connect(self._on_wizard_submitted)
        panel.closed.connect(self._on_wizard_closed)
        panel.restart_requested.connect(self._on_wizard_restart_requested)
        panel.print_receipt_requested.connect(self.print_receipt)
        self.wizard = panel
        self.ui.stack.addWidget(panel)
        self.ui.stack.setCurrentWidget(panel)
        self.ui.launcher_filter.clear()
        panel._focus_first_input()

    def _on_wizard_submitted(self, result: Any) -> None:
        self.refresh_queue()
        if self.sync_host is not None:
            self.sync_host.nudge()
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", result.tracking_number),
                                     10000)
        after = str(self.session.settings.get("after_submit"))
        if after == "print":
            self.print_receipt(result.tracking_number)
        elif after == "preview":
            self.printing.preview(result.tracking_number, "receipt", self.tr("Receipt"))

    # -- sync ----------------------------------------------------------------------------------

    def attach_sync(self, host: SyncHost) -> None:
        """A sync started (or started again) after this window opened."""
        if self.sync_host is not None:
            self.sync_host.reported.disconnect(self._on_sync_reported)
        self.sync_host = host
        host.reported.connect(self._on_sync_reported)
        host.nudge()

    def _sync_set_up(self) -> bool:
        return self.sync_host is not None or self.session.sync_configured

    def _sync_words(self, status: Any) -> tuple[str, str]:
        """The link's state in words and colour, the same in the status bar and the panel."""
        if not self._sync_set_up():
            return self.tr("Sync: not set up") + (
                self.tr(" · %1 waiting").replace("%1", str(status.pending))
                if status.pending else ""), "#777"
        return link_text(status, self.urdu)

    def _on_sync_reported(self, status: Any) -> None:
        self.last_sync = status
        if getattr(self, "clock_watch", None) is not None and \
                getattr(status, "clock_ahead_seconds", None) is not None:
            self.clock_watch.check()  # the pass measured the central server's clock
        text, colour = self._sync_words(status)
        self.link.setText(text)
        self.link.setStyleSheet(f"color: {colour}; padding: 0 6px;")
        if self.sync_panel is not None and self.sync_panel.isVisible():
            self._show_sync_status(status)
            self._load_sync_lists()

    def _show_sync_status(self, status: Any) -> None:
        assert self.sync_panel is not None
        hint = "" if self._sync_set_up() else self._not_set_up_text()
        self.sync_panel.show_status(status, self._sync_words(status), hint)
        self.sync_panel.show_clock(self.clock_watch.problem)

    def _not_set_up_text(self) -> str:
        return self.tr("This counter is not connected to a central server yet. The in-charge "
                       "sets it up in Centre → Central server…, or with: khidmat-desk sync "
                       "--setup --server URL --token-stdin")

    def open_sync_panel(self) -> None:
        if self.sync_panel is None:
            panel = SyncPanel(self.user.role, self, urdu=self.urdu)
            panel.try_now.connect(self._on_sync_panel_try_now)
            panel.requeue_requested.connect(self._on_sync_panel_requeue_requested)
            self.sync_panel = panel
        if getattr(self, "last_sync", None) is not None:
            self._show_sync_status(self.last_sync)
        self._load_sync_lists()
        self.sync_panel.open()

    def _load_sync_lists(self) -> None:
        panel = self.sync_panel
        if panel is not None:
            self._tasks.run(self.session.sync_lists, lambda lists: panel.show_lists(*lists),
                            self._on_failed)

    def _on_sync_panel_try_now(self) -> None:
        if self.sync_host is None:
            self._messages.warning(self.tr("Sync"), self._not_set_up_text())
            return
        self.sync_host.nudge()
        self.statusBar().showMessage(self.tr("Sending now…"), 5000)

    def _on_sync_panel_requeue_requested(self, entry_id: int) -> None:
        def done(_: Any) -> None:
            if self.sync_host is not None:
                self.sync_host.nudge()
            self._load_sync_lists()

        self._tasks.run(lambda: self.session.requeue(entry_id), done, self._on_failed)

    # -- the in-charge's day -----------------------------------------------------------------

    def open_dashboard(self) -> None:
        if self.dashboard is None:
            self.dashboard = Dashboard(self._tasks, self.session, self._messages, self)
        self.dashboard.show()
        self.dashboard.raise_()

    # -- printing ------------------------------------------------------------------------------

    def print_receipt(self, tracking: str) -> None:
        """A receipt's first copy, or a reprint when one was printed already."""
        session = self.session
        self._tasks.run(lambda: session.printable(tracking),
                        lambda docs: self.printing.print(
                            tracking, "receipt", copies_printed=docs[0].copies_printed),
                        self._on_failed)

    def _on_view_ctrl_p(self) -> None:
        if self.view.detail is not None and "receipt" in self.view.print_buttons:
            self.view.print_buttons["receipt"].click()

    def _on_printing_said(self, text: str) -> None:
        self.statusBar().showMessage(text, 15000)
        if self.wizard is not None and self.wizard.saved:
            self.wizard.done_page.print_status.setText(text)

    def _on_printing_printed(self, tracking: str) -> None:
        if self.ui.stack.currentWidget() is self.view and self.view.detail is not None \
                and self.view.detail.tracking_number == tracking:
            self.open_application(tracking)

    def _on_action_printers_triggered(self) -> None:
        from khidmat_desk.gui.printer import installed_printers
        from khidmat_desk.gui.printer_settings import KEYS, PrinterSettingsDialog

        current = {key: self.session.settings.get(key) for key in KEYS}
        session = self.session

        def show(printers: list[str]) -> None:
            dialog = PrinterSettingsDialog(
                printers, current,
                lambda values: self._tasks.run(lambda: session.save_settings(values),
                                               lambda _: self.statusBar().showMessage(
                                                   self.tr("Printers saved."), 5000),
                                               self._on_failed), self)
            self.printer_settings = dialog
            dialog.open()

        # Listing printers asks the print system (slow with network printers): not here.
        self.print_queue.tasks.run(installed_printers, show, self._on_failed)

    def _on_wizard_closed(self) -> None:
        self._close_wizard()
        self.show_queue()

    def _on_wizard_restart_requested(self, code: str) -> None:
        self._close_wizard()
        self.start_wizard(code)

    def _close_wizard(self) -> None:
        if self.wizard is not None:
            self.ui.stack.removeWidget(self.wizard)
            self.wizard.deleteLater()
            self.wizard = None

    def _on_action_new_triggered(self) -> None:
        self.ui.launcher_filter.setFocus()
        self.ui.launcher_filter.selectAll()

    # -- drafts --------------------------------------------------------------------------------

    def greet(self) -> None:
        """At sign-in: a wrong PC clock said first, then the unfinished applications offered
        (one box after the other, never one over the other)."""
        session = self.session
        self._tasks.run(lambda: (session.check_clock(), session.list_drafts()),
                        self._on_greeted, self._on_failed)

    def _on_greeted(self, found: tuple[Any, Sequence[Any]]) -> None:
        clock_check, drafts = found
        self.clock_watch.say(clock_check)
        self._on_drafts_listed(drafts)

    def offer_drafts(self) -> None:
        self._tasks.run(self.session.list_drafts, self._on_drafts_listed, self._on_failed)

    def _on_drafts_listed(self, drafts: Sequence[Any]) -> None:
        if not drafts:
            self.statusBar().showMessage(self.tr("No unfinished applications."), 5000)
            return
        choices = [(d.uuid, _draft_line(d, self.urdu)) for d in drafts[:6]]
        choice = self._messages.choose(
            self.tr("Unfinished applications"),
            (self.tr("1 application was not finished (the counter was closed, locked or lost "
                     "power). Resume it now?") if len(drafts) == 1 else
             self.tr("%1 applications were not finished (the counter was closed, locked or "
                     "lost power). Resume one now?").replace("%1", str(len(drafts)))),
            [*choices, ("later", self.tr("&Later"))], default="later")
        chosen = next((d for d in drafts if d.uuid == choice), None)
        if chosen is not None:
            self.start_wizard(chosen.service_code, draft=chosen)

    # -- locking and closing --------------------------------------------------------------------

    def hide_for_lock(self) -> None:
        if self.wizard is not None:
            self.wizard.flush_draft()
        self._before_lock = self.ui.stack.currentWidget()
        self.ui.stack.setCurrentWidget(self.locked_page)
        self.ui.launcher_panel.setEnabled(False)
        self.search.setEnabled(False)

    def show_after_unlock(self) -> None:
        self.ui.launcher_panel.setEnabled(True)
        self.search.setEnabled(True)
        self.ui.stack.setCurrentWidget(getattr(self, "_before_lock", self.ui.home))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if self.wizard is not None and not self.wizard.saved:
            self.wizard.flush_draft()  # resumed at the next sign-in
        if self.sync_host is not None:  # the sync goes on for the next officer's window
            self.sync_host.reported.disconnect(self._on_sync_reported)
            self.sync_host = None
        super().closeEvent(event)

    def _on_failed(self, exc: BaseException) -> None:
        say_known(self._messages, exc,
                  lambda text: self._messages.warning(self.tr("Khidmat Desk"), text))

    def shortcut_sections(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Every key of the counter, by where it works: the menus' actions as they are set, and
        the keys of the wizard, the application view and the documents."""
        keyed = [a for a in self.findChildren(QAction) if not a.shortcut().isEmpty()]
        services = [a for a in keyed if a.objectName().startswith("action-new-")]
        actions = sorted(((_key_text(a), a.text().replace("&", "")) for a in keyed
                          if a not in services), key=lambda pair: pair[1].casefold())
        # one line for the services: each one's key stands beside it in the launcher, and the
        # page then fits one counter screen
        started = [(_key_ranges([_key_text(a) for a in services]),
                    self.tr("Start a service (its key is beside it in the list of services)"))]
        return [
            (self.tr("Anywhere"), [
                (self.tr("Scan a receipt"),
                 self.tr("Opens that application, whatever has the focus")),
                *(started if services else []),
                *actions,
            ]),
            (self.tr("In the wizard"), [
                ("Enter", self.tr("Next field; the next page after the last field")),
                ("Tab / Shift+Tab", self.tr("Next / previous input of the page")),
                ("Alt+Right / Alt+Left", self.tr("Next / previous page")),
                ("Alt+A", self.tr("Same address as the one above (the permanent address as "
                                  "the present one)")),
                ("Ctrl+Shift+A", self.tr("Add a row to a table (periods of stay, items …)")),
                ("Ctrl+Shift+Delete", self.tr("Remove the row being typed in")),
                ("Ctrl+Shift+D", self.tr("Tick every document on the documents page")),
                ("PageUp / PageDown", self.tr("Scroll the page (the review)")),
                ("Ctrl+Enter", self.tr("Submit from the review page")),
                ("Ctrl+P", self.tr("Print the receipt again, on the saved page")),
                ("Esc", self.tr("Cancel (asks before throwing away what was typed)")),
            ]),
            (self.tr("Application view"), [
                ("Ctrl+P", self.tr("Print the receipt")),
                ("Alt+P", self.tr("Add or replace the photograph (services whose documents "
                                  "print one)")),
                ("Esc", self.tr("Back to the list")),
            ]),
        ]

    def _on_action_shortcuts_triggered(self) -> None:
        """F1: every shortcut, key and meaning in aligned columns."""
        sections = self.shortcut_sections()
        columns = (sections[:1], sections[1:])  # side by side: all of it on one screen
        html = ["<table width='100%'><tr>"]
        for column in columns:
            html.append("<td valign='top' width='50%'><table cellspacing='0' cellpadding='3'>")
            for title, rows in column:
                html.append(f"<tr><td colspan='2'><b>{escape(title)}</b></td></tr>")
                html += [f"<tr><td style='padding-right:14px'><b>{escape(key)}</b></td>"
                         f"<td>{escape(meaning)}</td></tr>" for key, meaning in rows]
                html.append("<tr><td colspan='2'>&nbsp;</td></tr>")
            html.append("</table></td>")
        html.append("</tr></table>")
        self._messages.page(self.tr("Keyboard shortcuts"), "".join(html))


def _key_text(action: QAction) -> str:
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


def _key_ranges(keys: list[str]) -> str:
    """"Ctrl+1…9 · Ctrl+Shift+1…6": keys that differ only in a last digit, run together."""
    groups: dict[str, list[str]] = {}
    for key in keys:
        prefix, _, last = key.rpartition("+")
        groups.setdefault(prefix, []).append(last)
    parts = []
    for prefix, lasts in sorted(groups.items(), key=lambda item: len(item[0])):
        lasts.sort()
        digits = [int(last) for last in lasts if last.isdigit()]
        if len(digits) == len(lasts) > 2 and digits == list(range(digits[0], digits[-1] + 1)):
            parts.append(f"{prefix}+{lasts[0]}…{lasts[-1]}")
        else:
            parts.append(", ".join(f"{prefix}+{last}" for last in lasts))
    return " · ".join(parts)


def _draft_line(draft: Any, urdu: bool) -> str:
    """An unfinished application as the resume question offers it: service, citizen, when."""
    service = get_service(draft.service_code)
    answers = draft.wizard_state.get("answers", {})
    name = draft_name(service, answers) or "—"
    when = format_moment(draft.updated_at, '%d-%m %H:%M')
    name = name.replace("&", "&&")  # a button's text: "&" would make the next letter a key
    if urdu:  # the Urdu title, the typed name and the time each kept whole in their order
        return f"{service.title_ur}: {FSI}{name}{PDI} ({LRI}{when}{PDI})"
    return f"{service.short_title}: {name} ({when})"

