"""Sign-in and unlock: user name and password, checked on the background thread.

The same dialog unlocks a locked counter: the user name is then fixed to the officer who locked
it, and "Switch user" lets another officer sign in instead (the first one's draft is kept).
Caps Lock is guessed from the letters typed (Qt has no portable way to ask the keyboard).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QWidget

from khidmat_desk.gui.errors import Messages, say_known
from khidmat_desk.gui.generated.ui_login import Ui_LoginDialog
from khidmat_desk.gui.tasks import TaskRunner


class LoginDialog(QDialog):
    signed_in = Signal(object)  # UserInfo
    switch_requested = Signal()
    quit_requested = Signal()

    def __init__(self, tasks: TaskRunner, authenticate: Callable[[str, str], Any],
                 centre_line: str, parent: QWidget | None = None, *,
                 locked_user: str | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self._tasks, self._authenticate = tasks, authenticate
        self.user, self.password, self.message = self.ui.username, self.ui.password, self.ui.message
        self.ui.where.setText(centre_line)
        self.ui.capslock.hide()
        self.locked_user = locked_user
        if locked_user:
            self.setWindowTitle(self.tr("Khidmat Desk — counter locked"))
            self.ui.heading.setText(self.tr("Counter locked"))
            self.user.setText(locked_user)
            self.user.setReadOnly(True)
            self.ui.sign_in.setText(self.tr("&Unlock"))
            self.message.setStyleSheet("color: #555;")
            self.message.setText(self.tr("Type your password to go on where you left off."))
        else:
            self.ui.switch_user.hide()
        self.user.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self._on_sign_in_clicked)
        self.ui.sign_in.clicked.connect(self._on_sign_in_clicked)
        self.ui.quit.clicked.connect(self._on_quit_clicked)
        self.ui.switch_user.clicked.connect(self._on_switch_user_clicked)
        self.password.installEventFilter(self)
        (self.password if locked_user else self.user).setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.password and event.type() == QEvent.Type.KeyPress:
            self._guess_caps_lock(event)  # type: ignore[arg-type]
        return False

    def _guess_caps_lock(self, event: QKeyEvent) -> None:
        typed = event.text()
        if len(typed) != 1 or not typed.isalpha() or typed.lower() == typed.upper():
            return
        shifted = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self.ui.capslock.setVisible(typed.isupper() != shifted)

    def _on_sign_in_clicked(self) -> None:
        name, password = self.user.text().strip(), self.password.text()
        if not name or not password:
            self.message.setStyleSheet("color: #b00020;")
            self._say(self.tr("Type your user name and password."))
            (self.user if not name else self.password).setFocus()
            return
        self.ui.sign_in.setEnabled(False)
        self.message.setStyleSheet("color: #555;")
        self.message.setText(self.tr("Checking…"))
        self._tasks.run(lambda: self._authenticate(name, password), self._on_check_done,
                        self._on_check_failed)

    def _on_check_done(self, user: Any) -> None:
        self.ui.sign_in.setEnabled(True)
        self.message.clear()
        self.password.clear()
        self.signed_in.emit(user)
        self.accept()

    def _on_check_failed(self, exc: BaseException) -> None:
        self.ui.sign_in.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.message.setStyleSheet("color: #b00020;")
        # a refusal in the counter's language (the Urdu counter's first screen)
        if not say_known(Messages(self), exc, self._say):
            self._say(self.tr("Could not sign in."))

    def _say(self, text: str) -> None:
        """The message under the password; the window grows to show all of it."""
        self.message.setText(text)
        self.adjustSize()

    def _on_quit_clicked(self) -> None:
        self.quit_requested.emit()
        super().reject()

    def _on_switch_user_clicked(self) -> None:
        self.switch_requested.emit()
        super().reject()

    def reject(self) -> None:
        """Esc closes the sign-in window, but never a lock: only a password opens that."""
        if not self.locked_user:
            super().reject()
