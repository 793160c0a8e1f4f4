"""Sign-in: user name and password, checked on the background thread, lockout explained."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from khidmat_desk.gui.errors import Messages, is_known, report_error
from khidmat_desk.gui.tasks import TaskRunner


class LoginDialog(QDialog):
    signed_in = Signal(object)  # UserInfo

    def __init__(self, tasks: TaskRunner, authenticate: Callable[[str, str], Any],
                 centre_line: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._authenticate = authenticate
        self.setWindowTitle(self.tr("Khidmat Desk — sign in"))
        self.setMinimumWidth(380)
        heading = QLabel(self.tr("Khidmat Desk"))
        heading.setStyleSheet("font-size: 20pt; font-weight: 600;")
        where = QLabel(centre_line)
        self.user = QLineEdit(objectName="username")
        self.user.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit(objectName="password", echoMode=QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.message = QLabel(objectName="message", wordWrap=True)
        self.message.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("&User name"), self.user)
        form.addRow(self.tr("&Password"), self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setAutoDefault(False)  # Enter is handled by the fields: user -> password -> sign in
        ok.setDefault(False)
        self.user.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self._on_buttons_accepted)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (heading, where):
            layout.addWidget(widget, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.user.setFocus()

    def _on_buttons_accepted(self) -> None:
        name, password = self.user.text().strip(), self.password.text()
        if not name or not password:
            self.message.setText(self.tr("Type your user name and password."))
            return
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("Checking…"))
        self._tasks.run(lambda: self._authenticate(name, password), self._on_check_done,
                        self._on_check_failed)

    def _on_check_done(self, user: Any) -> None:
        self.buttons.setEnabled(True)
        self.message.clear()
        self.signed_in.emit(user)
        self.accept()

    def _on_check_failed(self, exc: BaseException) -> None:
        if not is_known(exc):
            report_error(Messages(self), exc)
        self.buttons.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.message.setText(str(exc))
