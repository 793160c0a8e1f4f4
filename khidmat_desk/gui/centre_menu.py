"""The in-charge's additions to the counter window: a Centre menu with every counter's
applications and the users, and the Record finding dialog behind the application view's button.
The use cases check the roles; these only spare the officer a refusal."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from khidmat_desk.core import clock, workflow
from khidmat_desk.core.catalogue import get_service

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
        self.centre_view = CentreView(window.urdu)
        window.ui.stack.addWidget(self.centre_view)
        self.centre_view.filters_changed.connect(self._on_centre_view_filters_changed)
        self.centre_view.open_requested.connect(window.open_application)
        window.view.finding_requested.connect(self._on_view_finding_requested)
        self.menu: QMenu | None = None
        if window.user.may(workflow.IN_CHARGE):
            self._install_menu()
        if not window.user.may(workflow.OFFICER):  # a verifier decides; intake is refused
            window.ui.launcher_panel.setEnabled(False)
            window.ui.launcher_panel.setToolTip(self.tr("Taking applications in is the "
                                                        "officers' work."))

    def _install_menu(self) -> None:
        window = self.window
        menu = QMenu(self.tr("C&entre"), window, objectName="menu_centre")  # type: ignore[call-overload]
        today = QAction(self.tr("&Today at the centre…"), window,  # type: ignore[call-overload]
                        objectName="action_today")
        today.setShortcut(QKeySequence("Ctrl+T"))
        today.triggered.connect(window.open_dashboard)
        everything = QAction(self.tr("&All counters' applications"), window,  # type: ignore[call-overload]
                             objectName="action_centre_view")
        everything.setShortcut(QKeySequence("Ctrl+Shift+C"))
        everything.triggered.connect(self.show_centre_view)
        users = QAction(self.tr("&Users…"), window, objectName="action_users")  # type: ignore[call-overload]
        users.setShortcut(QKeySequence("Ctrl+Shift+U"))
        users.triggered.connect(self.open_users)
        menu.addAction(today)
        menu.addAction(everything)
        menu.addAction(users)
        window.menuBar().insertMenu(window.ui.menu_view.menuAction(), menu)
        self.menu = menu

    # -- all counters ---------------------------------------------------------------------------

    def show_centre_view(self) -> None:
        window = self.window
        window.ui.stack.setCurrentWidget(self.centre_view)
        self.centre_view.text.setFocus()
        self._on_centre_view_filters_changed(self.centre_view.filters())

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
            service_code=service.code, today=clock.today(), parent=window)
        dialog.accepted.connect(lambda: self._save_finding(tracking, dialog.answers()))
        self.finding_dialog = dialog
        dialog.open()

    def _save_finding(self, tracking: str, answers: dict[str, Any]) -> None:
        window = self.window
        window._tasks.run(lambda: window.session.record_finding(tracking, answers),
                          lambda _: window._on_status_changed(tracking), window._on_failed)
