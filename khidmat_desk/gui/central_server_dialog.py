"""The in-charge's *Centre → Central server…*: the server's address and this counter's token,
asked of the server before anything is kept (see app/sync_check.py). A token of another centre
or counter, or one the server refuses, is said here and nothing changes; a server out of reach
keeps the setup and says so. The network work runs on a thread of its own (never the one the
counter saves on); the use case checks the role and audits the change (never the token)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from khidmat_desk.core.display import isolate_numbers
from khidmat_desk.gui.errors import Messages, say_known
from khidmat_desk.gui.labels import form_buttons, problem_label, text_label
from khidmat_desk.gui.sync_panel import link_problem_text
from khidmat_desk.gui.tasks import TaskRunner
from khidmat_desk.gui.words import day_text, sentence


class CentralServerDialog(QDialog):
    #: the setup was kept: the counter starts (or restarts) sending with it
    set_up = Signal()

    def __init__(self, tasks: TaskRunner, session: Any, messages: Messages,
                 parent: QWidget | None = None, *, urdu: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("central_server_dialog")
        self._slow, self._session, self._messages = tasks, session, messages
        self.urdu = urdu
        self.setWindowTitle(self.tr("Central server"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        hint = text_label("central_server_hint")
        hint.setText(self.tr(
            "This counter sends every application to the central server with its own token. "
            "The central server's staff give the address and the token of this counter; the "
            "server is asked before anything is kept."))
        layout.addWidget(hint)
        form = QFormLayout()
        self.server = QLineEdit(objectName="central_server_address")  # type: ignore[call-overload]
        self.server.setPlaceholderText("https://…")
        self.token = QLineEdit(objectName="central_server_token")  # type: ignore[call-overload]
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Server &address"), self.server)
        form.addRow(self.tr("This counter's &token"), self.token)
        layout.addLayout(form)
        self.problem = problem_label("central_server_problem")
        layout.addWidget(self.problem)
        buttons, self.save_button = form_buttons(self, QDialogButtonBox.StandardButton.Save,
                                                 self.save)
        self.save_button.setText(self.tr("&Check and save"))
        layout.addWidget(buttons)
        current = str(session.settings.get("sync_server"))
        self.server.setText(current)
        self.token.setPlaceholderText(self.tr("the token kept now stays when this is left empty")
                                      if current else "")
        (self.token if current else self.server).setFocus()

    def save(self) -> None:
        server, token = self.server.text().strip(), self.token.text().strip()
        if not server:
            self.problem.setText(self.tr("Type the central server's address."))
            self.server.setFocus()
            return
        if not token and not self._session.settings.get("sync_server"):
            self.problem.setText(self.tr("Paste this counter's token from the central server."))
            self.token.setFocus()
            return
        self.problem.clear()
        self.save_button.setEnabled(False)
        self.save_button.setText(self.tr("Asking the server…"))
        session = self._session
        # three questions to the server, each up to its timeout: not on the saving thread
        self._slow.run(lambda: session.set_up_link(server, token or None), self._on_saved,
                       self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        from khidmat_desk.app.sync_check import TokenMismatch
        from khidmat_desk.sync.errors import TokenRefused

        self._ready()
        if isinstance(exc, TokenRefused):
            self.problem.setText(self.tr(
                "The central server refused this token, so nothing was kept. Paste the whole "
                "token its staff gave for this counter."))
        elif not say_known(self._messages, exc,
                           lambda text: self.problem.setText(sentence(text))):
            return
        wrong = self.token if isinstance(exc, TokenRefused | TokenMismatch) else self.server
        wrong.selectAll()
        wrong.setFocus()

    def _ready(self) -> None:
        self.save_button.setEnabled(True)
        self.save_button.setText(self.tr("&Check and save"))

    def _on_saved(self, done: Any) -> None:
        self._ready()
        self.token.clear()
        self.accept()
        self.set_up.emit()
        title = self.tr("Central server")
        if done.check is None:
            text = self.tr(
                "Kept, but the central server could not be asked now: %1\n\nThe counter sends "
                "when the link is up; Help → Diagnostics checks the address and token again.") \
                .replace("%1", link_problem_text(type(done.unchecked).__name__,
                                                 str(done.unchecked)) if self.urdu
                         else str(done.unchecked))
            for last in sorted(done.skipped_ahead.values()):
                text += "\n\n" + self.tr(
                    "This PC has numbered nothing yet, and the server could not say which of "
                    "this counter's numbers it holds: today's tracking numbers go on from %1. "
                    "If this PC replaces a lost one, take back from the central server when "
                    "the link is up.").replace("%1", isolate_numbers(f"{last + 1:04d}"))
            self._messages.warning(title, text)
            return
        check = done.check
        lines = [self.tr("The central server answered and the setup is kept. The token is "
                         "%1's.").replace("%1", self._whose(check))]
        if check.numbers_carried_on:
            days = self.tr("; ").join(
                f"{day_text(day)}: {isolate_numbers(f'{last + 1:04d}')}"
                for (_, _, day), last in sorted(check.numbers_carried_on.items()))
            lines.append(self.tr(
                "The server already holds applications of this counter: tracking numbers go "
                "on from %1. Take them back: Centre → Take back from the central server.")
                .replace("%1", days))
        self._messages.info(title, "\n\n".join(lines))

    def _whose(self, check: Any) -> str:
        if check.counter is None:
            return self.tr("%1, any counter").replace("%1", check.centre_code)
        return self.tr("%1 counter %2").replace("%1", check.centre_code) \
            .replace("%2", str(check.counter))
