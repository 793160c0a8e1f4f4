"""Putting the last good backup back when the counter finds its database damaged at start.

The in-charge signs in against the backup (the damaged database may not be readable); the
restore itself (integrity check, the damaged file kept aside, the audit entry) is the use case
``khidmat-desk restore`` runs, on the background thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from khidmat_desk.core.display import format_moment
from khidmat_desk.gui.errors import Messages, say_known
from khidmat_desk.gui.tasks import TaskRunner
from khidmat_desk.gui.words import file_text


def backup_line(backup: Any) -> str:
    """The backup as the in-charge reads it: when it was taken (centre time), and the file."""
    return f"{format_moment(backup.taken_at)} — {file_text(backup.path)}"


class RestoreDialog(QDialog):
    """Asks the in-charge to sign in, then restores; ``restored`` carries the result."""

    restored = Signal(object)  # RestoreResult

    def __init__(self, tasks: TaskRunner, restore: Callable[[str, str], Any], backup: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="restore_dialog")  # type: ignore[call-arg]
        self._tasks, self._restore = tasks, restore
        self.setWindowTitle(self.tr("Restore the last good backup"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "This backup will replace the damaged database. The damaged file is kept aside in "
            "the backups folder, and the restore is written to the audit trail. Applications "
            "saved after the backup was taken are not in it: those the damaged file still "
            "holds are taken back from it, the others must be entered again from their "
            "papers."), wordWrap=True)
        layout.addWidget(intro)
        layout.addWidget(QLabel(backup_line(backup), objectName="restore_backup",  # type: ignore[call-overload]
                                wordWrap=True, styleSheet="font-weight: 600;"))
        form = QFormLayout()
        self.user = QLineEdit(objectName="restore_user")  # type: ignore[call-overload]
        self.password = QLineEdit(objectName="restore_password",  # type: ignore[call-overload]
                                  echoMode=QLineEdit.EchoMode.Password)
        form.addRow(self.tr("In-charge's &user name"), self.user)
        form.addRow(self.tr("&Password"), self.password)
        layout.addLayout(form)
        self.message = QLabel(objectName="restore_message", wordWrap=True)  # type: ignore[call-overload]
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(self.tr("&Restore"), objectName="restore_now")  # type: ignore[call-overload]
        cancel = QPushButton(self.tr("Cancel"), objectName="restore_cancel")  # type: ignore[call-overload]
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        for button in (self.restore_button, cancel):  # Enter restores, from either field
            button.setAutoDefault(False)
        self.restore_button.setDefault(True)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.user.setFocus()

    def _on_buttons_accepted(self) -> None:
        name, password = self.user.text().strip(), self.password.text()
        if name and not password and self.user.hasFocus():  # Enter after the user name
            self.password.setFocus()
            return
        if not name or not password:
            self._say(self.tr("Type the in-charge's user name and password."), error=True)
            (self.user if not name else self.password).setFocus()
            return
        self.buttons.setEnabled(False)
        self._say(self.tr("Checking the backup and restoring it…"), error=False)
        self._tasks.run(lambda: self._restore(name, password), self._on_restore_done,
                        self._on_restore_failed)

    def _on_restore_done(self, result: Any) -> None:
        self.password.clear()
        self.accept()  # gone before the counter says what happened
        self.restored.emit(result)

    def _on_restore_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        if not say_known(Messages(self), exc, lambda text: self._say(text, error=True)):
            self._say(self.tr("The backup could not be restored."), error=True)

    def _say(self, text: str, *, error: bool) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #555;")
        self.message.setText(text)

    def reject(self) -> None:
        """Not while the restore runs: it finishes (or fails) on its own."""
        if self.buttons.isEnabled():
            super().reject()
