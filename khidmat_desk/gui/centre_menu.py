"""The in-charge's additions to the counter window: a Centre menu with every counter's
applications and the users, and the Record finding dialog behind the application view's button.
The use cases check the roles; these only spare the officer a refusal."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from khidmat_desk.core import clock, workflow
from khidmat_desk.core.catalogue import get_service
from khidmat_desk.gui.day_bundles import DayBundles
from khidmat_desk.gui.take_back import TakeBack
from khidmat_desk.gui.words import status_label

if TYPE_CHECKING:
    from khidmat_desk.gui.main_window import MainWindow


class CentreMenu(QObject):
    """Installed once per window; holds the centre view and the dialogs it opens."""

    def __init__(self, window: MainWindow) -> None:
        from khidmat_desk.gui.centre_view import CentreView

        super().__init__(window)
        self.window = window
        self.finding_dialog: Any = None
        self.users_dialog: Any = None
        self.shifts_dialog: Any = None
        self.day_bundles = DayBundles(window)
        self.take_back = TakeBack(window)
        self.centre_view = CentreView(window.urdu)
        window.ui.stack.addWidget(self.centre_view)
        self.centre_view.filters_changed.connect(self._on_centre_view_filters_changed)
        self.centre_view.open_requested.connect(window.open_application)
        window.view.finding_requested.connect(self._on_view_finding_requested)
        self.centre_view.open_requested.connect(self._on_centre_view_open_requested)
        #: An application was opened from the centre's list: Esc goes back to that list.
        self.from_list = False
        self.menu: QMenu | None = None
        if window.user.may(workflow.VERIFIER):
            self._install_menu()
        if not window.user.may(workflow.OFFICER):  # a verifier decides; intake is refused
            window.ui.launcher_panel.hide()
            for action in window.ui.menu_services.actions():
                action.setEnabled(False)
            window.ui.menu_services.menuAction().setVisible(False)

    @property
    def verifier_home(self) -> bool:
        """A verifier who takes nothing in: their home is the list awaiting a finding."""
        user = self.window.user
        return user.may(workflow.VERIFIER) and not user.may(workflow.OFFICER)

    def _install_menu(self) -> None:
        window = self.window
        menu = QMenu(self.tr("C&entre"), window, objectName="menu_centre")  # type: ignore[call-overload]
        today = self._action(self.tr("&Today at the centre…"), "action_today", "Ctrl+T",
                             window.open_dashboard)
        everything = self._action(self.tr("&All counters' applications"), "action_centre_view",
                                  "Ctrl+Shift+C", self.show_centre_view)
        users = self._action(self.tr("&Users…"), "action_users", "Ctrl+Shift+U", self.open_users)
        shifts = self._action(self.tr("&Shift times…"), "action_shifts", "", self.open_shifts)
        awaiting = self._action(self.tr("Awaiting a &finding"), "action_awaiting_finding",
                                "Ctrl+Shift+F", self.show_awaiting)
        export_day = self._action(self.tr("E&xport this counter's day…"), "action_export_day",
                                  "", self.day_bundles.export)
        import_day = self._action(self.tr("&Import a counter's day…"), "action_import_day", "",
                                  self.day_bundles.import_)
        take_back = self._action(self.tr("Take &back from the central server…"),
                                 "action_take_back", "", self.take_back.start)
        central = self._action(self.tr("&Central server…"), "action_central_server", "",
                               self.open_central_server)
        audit = self._action(self.tr("Au&dit trail…"), "action_audit", "", self.open_audit)
        if window.user.may(workflow.IN_CHARGE):
            menu.addAction(today)
            menu.addAction(everything)
        menu.addAction(awaiting)
        if window.user.may(workflow.IN_CHARGE):
            menu.addAction(users)
            menu.addAction(shifts)
            menu.addAction(audit)
            menu.addSeparator()
            menu.addAction(export_day)
            menu.addAction(import_day)
            menu.addAction(take_back)
            menu.addAction(central)
        window.menuBar().insertMenu(window.ui.menu_view.menuAction(), menu)
        self.menu = menu

    def _action(self, text: str, name: str, shortcut: str, slot: Callable[[], object]) -> QAction:
        """A menu command of the window, with its keyboard shortcut ("" for none)."""
        action: QAction = QAction(text, self.window,  # type: ignore[call-overload]
                                  objectName=name)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    # -- all counters ---------------------------------------------------------------------------

    def show_centre_view(self) -> None:
        self._show_list(awaiting=False)

    def show_awaiting(self) -> None:
        """The verifiers' work list: what awaits a police finding, oldest first."""
        self._show_list(awaiting=True)

    def _show_list(self, *, awaiting: bool) -> None:
        window = self.window
        if window._taking_application():
            window.statusBar().showMessage(self.tr("Finish or cancel the application being "
                                                   "taken first (Esc)."), 8000)
            return
        window._close_wizard()
        self.from_list = False
        self.centre_view.set_awaiting(awaiting)
        window.ui.stack.setCurrentWidget(self.centre_view)
        self.centre_view.table.setFocus()
        self._on_centre_view_filters_changed(self.centre_view.filters())

    def back_to_list(self) -> bool:
        """Esc from an application opened from the centre's list (or a verifier's): that list
        again, refreshed — the application just decided leaves it. False: not from a list."""
        if not (self.from_list or self.verifier_home):
            return False
        self._show_list(awaiting=self.centre_view.awaiting or self.verifier_home)
        return True

    def _on_centre_view_open_requested(self, _tracking: str) -> None:
        self.from_list = True

    def _on_centre_view_filters_changed(self, filters: dict[str, Any]) -> None:
        session = self.window.session
        self.window._tasks.run(lambda: session.centre_applications(filters),
                               self.centre_view.show_rows, self.window._on_failed)

    # -- users ----------------------------------------------------------------------------------

    def open_users(self) -> None:
        from khidmat_desk.gui.users_dialog import UsersDialog

        window = self.window
        self.users_dialog = UsersDialog(window._tasks, window.session, window._messages, window)
        self.users_dialog.open()

    def open_audit(self) -> None:
        from khidmat_desk.gui.audit_dialog import AuditDialog

        window = self.window
        self.audit_dialog = AuditDialog(window._tasks, window.session, window._messages, window,
                                        urdu=window.urdu, slow=window.slow_tasks)
        self.audit_dialog.open()

    def open_central_server(self) -> None:
        from khidmat_desk.gui.central_server_dialog import CentralServerDialog

        window = self.window
        dialog = CentralServerDialog(window.slow_tasks, window.session, window._messages,
                                     window, urdu=window.urdu)
        dialog.set_up.connect(window.sync_set_up.emit)
        dialog.set_up.connect(window.clock_watch.check)  # the server's clock was just heard
        self.central_dialog = dialog
        dialog.open()

    def open_shifts(self) -> None:
        from khidmat_desk.gui.shifts_dialog import ShiftsDialog

        window = self.window
        self.shifts_dialog = ShiftsDialog(window._tasks, window.session, window._messages,
                                          window)
        self.shifts_dialog.open()

    # -- record finding -------------------------------------------------------------------------

    def _on_view_finding_requested(self, tracking: str) -> None:
        from khidmat_desk.core.findings import finding_kind
        from khidmat_desk.gui.finding_dialog import FindingDialog

        window = self.window
        detail = window.view.detail
        if detail is None or detail.tracking_number != tracking:
            return
        service = get_service(detail.service_code)
        dialog = FindingDialog(
            tracking, service.title_ur if window.urdu else service.title,
            finding_kind(service.code), own_intake=detail.officer_id == window.user.id,
            service_code=service.code, today=clock.today(), urdu=window.urdu, parent=window)
        dialog.accepted.connect(lambda: self._save_finding(tracking, dialog.answers()))
        self.finding_dialog = dialog
        dialog.open()

    def _save_finding(self, tracking: str, answers: dict[str, Any]) -> None:
        window = self.window
        outcome = status_label(answers.get("outcome", ""))
        said = self.tr("Finding recorded on %1: %2. Esc: back to the list.") \
            .replace("%1", tracking).replace("%2", outcome)
        window._tasks.run(lambda: window.session.record_finding(tracking, answers),
                          lambda _: window._on_status_changed(tracking, said),
                          window._on_failed)
