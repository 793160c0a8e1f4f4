"""Users: the in-charge adds officers and verifiers, changes roles, resets passwords, unlocks
and switches accounts off and on. Every action runs off the GUI thread through the session;
the use cases check the role and the rules (the last in-charge stays) and audit each change."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
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

from khidmat_desk.core.workflow import ROLES
from khidmat_desk.gui.errors import Messages, refusal_text, say_known
from khidmat_desk.gui.labels import form_buttons, isolate_cells, problem_label
from khidmat_desk.gui.tables import select_first_row
from khidmat_desk.gui.tasks import TaskRunner
from khidmat_desk.gui.words import role_label, roles_label


class AccountForm(QDialog):
    """Asks for what an action needs: a new account (name, full name, roles, password),
    roles only, or a new password only."""

    def __init__(self, title: str, *, account: bool, roles: frozenset[str] | None,
                 password: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="account_form")  # type: ignore[call-arg]
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.username = QLineEdit(objectName="account_username", maxLength=40)  # type: ignore[call-overload]
        self.full_name = QLineEdit(objectName="account_full_name", maxLength=80)  # type: ignore[call-overload]
        if account:
            form.addRow(self.tr("&User name"), self.username)
            form.addRow(self.tr("&Full name"), self.full_name)
        self.role_boxes: dict[str, QCheckBox] = {}
        if roles is not None:
            row = QHBoxLayout()
            for role in ROLES:
                box = QCheckBox(role_label(role), objectName=f"role_{role}")  # type: ignore[call-overload]
                box.setChecked(role in roles)
                row.addWidget(box)
                self.role_boxes[role] = box
            form.addRow(self.tr("Roles"), row)
        self.password = QLineEdit(objectName="account_password",  # type: ignore[call-overload]
                                  echoMode=QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(objectName="account_repeat",  # type: ignore[call-overload]
                                echoMode=QLineEdit.EchoMode.Password)
        if password:
            form.addRow(self.tr("&Password"), self.password)
            form.addRow(self.tr("&Repeat password"), self.repeat)
        self.problem = problem_label("account_problem")
        form.addRow(self.problem)
        buttons, _ = form_buttons(self, QDialogButtonBox.StandardButton.Ok,
                                  self._on_buttons_accepted)
        form.addRow(buttons)
        self.asks_password = password

    def focus_answer(self, field: str) -> None:
        """The cursor on the answer a refusal names, selected to be typed again."""
        widget = {"username": self.username, "full_name": self.full_name,
                  "password": self.password}.get(field)
        if widget is None or not widget.isVisible():
            return
        if widget is self.password:
            self.repeat.clear()
        widget.setFocus()
        widget.selectAll()

    def roles(self) -> frozenset[str]:
        return frozenset(r for r, box in self.role_boxes.items() if box.isChecked())

    def _on_buttons_accepted(self) -> None:
        if self.role_boxes and not self.roles():
            self.problem.setText(self.tr("Tick at least one role."))
            return
        if self.asks_password and self.password.text() != self.repeat.text():
            self.problem.setText(self.tr("The two passwords differ; type them again."))
            self.repeat.clear()
            self.password.setFocus()
            return
        self.accept()


class UsersDialog(QDialog):
    """The account list with one button per action on the selected account."""

    def __init__(self, tasks: TaskRunner, session: Any, messages: Messages,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="users_dialog")  # type: ignore[call-arg]
        self.setWindowTitle(self.tr("Users"))
        self.resize(720, 420)
        self._tasks, self.session, self._messages = tasks, session, messages
        self.accounts: list[Any] = []
        self.form: AccountForm | None = None
        layout = QVBoxLayout(self)
        columns = [self.tr("User"), self.tr("Name"), self.tr("Roles"), self.tr("State")]
        self.table = QTableWidget(0, len(columns), objectName="users_table")  # type: ignore[call-overload]
        self.table.setHorizontalHeaderLabels(columns)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        isolate_cells(self.table)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, label in (("add", self.tr("&Add…")), ("roles", self.tr("R&oles…")),
                           ("password", self.tr("Reset &password…")),
                           ("unlock", self.tr("&Unlock")), ("disable", self.tr("Switch o&ff")),
                           ("enable", self.tr("Switch o&n"))):
            button = QPushButton(label, objectName=f"users_{key}")  # type: ignore[call-overload]
            button.clicked.connect(lambda _=False, k=key: self._on_action_clicked(k))
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        close = QPushButton(self.tr("Close"), objectName="users_close")  # type: ignore[call-overload]
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self.status = QLabel(objectName="users_status", wordWrap=True)  # type: ignore[call-overload]
        layout.addWidget(self.status)
        self.refresh()

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self._tasks.run(work, done, self.show_error)

    def refresh(self) -> None:
        self._run(self.session.list_accounts, self._on_accounts_loaded)

    def _on_accounts_loaded(self, accounts: Any) -> None:
        self.accounts = list(accounts)
        self.table.setRowCount(len(self.accounts))
        for n, a in enumerate(self.accounts):
            state = self.tr("switched off") if not a.active else (
                self.tr("locked") if a.locked_until is not None else self.tr("active"))
            for c, text in enumerate((a.username, a.full_name, roles_label(a.roles), state)):
                self.table.setItem(n, c, QTableWidgetItem(text))
        if self.accounts and self.table.currentRow() < 0:
            select_first_row(self.table)
        self.table.setFocus()

    def selected(self) -> Any:
        row = self.table.currentRow()
        return self.accounts[row] if 0 <= row < len(self.accounts) else None

    def _on_action_clicked(self, key: str) -> None:
        account = self.selected()
        if key != "add" and account is None:
            self.status.setText(self.tr("Choose an account in the list first."))
            return
        session = self.session
        if key in ("unlock", "disable", "enable"):
            name = account.username
            self._run(lambda: session.account_action(key, name), self._on_done)
            return
        form = self._form(key, account)
        form.accepted.connect(lambda: self._tasks.run(
            self._work(key, form, account), self._on_done,
            lambda exc: self._on_form_refused(form, exc)))
        self.form = form
        form.open()

    def _on_form_refused(self, form: AccountForm, exc: BaseException) -> None:
        """A user name taken, a weak password: the form again as typed, saying what to
        change (not the list with everything typed gone)."""
        why = refusal_text(exc)
        if why is None:
            self.show_error(exc)
            return
        form.problem.setText(why)
        form.open()
        form.focus_answer(getattr(exc, "field", ""))

    def _form(self, key: str, account: Any) -> AccountForm:
        if key == "add":
            return AccountForm(self.tr("Add a user"), account=True,
                               roles=frozenset({"officer"}), password=True, parent=self)
        name = account.username
        if key == "roles":
            return AccountForm(self.tr("Roles of %1").replace("%1", name), account=False,
                               roles=account.roles, password=False, parent=self)
        return AccountForm(self.tr("New password for %1").replace("%1", name), account=False,
                           roles=None, password=True, parent=self)

    def _work(self, key: str, form: AccountForm, account: Any) -> Callable[[], Any]:
        session = self.session
        roles, password = form.roles(), form.password.text()
        if key == "add":
            name, full = form.username.text(), form.full_name.text()
            return lambda: session.add_user(name, full, roles, password)
        name = account.username
        if key == "roles":
            return lambda: session.set_user_roles(name, roles)
        return lambda: session.reset_password(name, password)

    def _on_done(self, _: Any) -> None:
        self.status.setText(self.tr("Saved."))
        self.refresh()

    def show_error(self, exc: BaseException) -> None:
        say_known(self._messages, exc, self.status.setText)
