"""Starting the counter: the sign-in window first, then the main window.

The database is opened (and upgraded if older) on the background thread while the sign-in
window is already on screen; the single worker runs jobs in order, so sign-in waits for it.
"""

from __future__ import annotations

import logging
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from khidmat_desk.app.logs import setup_logging
from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.core import reference
from khidmat_desk.gui.errors import Messages, install_excepthook, report_error
from khidmat_desk.gui.login import LoginDialog
from khidmat_desk.gui.main_window import MainWindow
from khidmat_desk.gui.tasks import TaskRunner

log = logging.getLogger("khidmat.gui")


class CounterSession:
    """What the windows need from the layers below, all run on the background thread."""

    def __init__(self, settings: CounterSettings) -> None:
        self.settings = settings
        self.db: Any = None

    def open(self) -> None:
        from khidmat_desk.store.db import open_database

        self.db = open_database(self.settings.database_url, backup_dir=self.settings.backup_dir)

    def authenticate(self, username: str, password: str) -> Any:
        from khidmat_desk.auth.users import authenticate

        return authenticate(self.db, username, password)

    def todays_queue(self) -> Any:
        from khidmat_desk.app.queue import todays_applications

        return todays_applications(self.db, centre_code=self.settings.get("centre_code"),
                                   counter=int(self.settings.get("counter")),
                                   now=datetime.now().astimezone())

    def find(self, text: str) -> Any:
        from khidmat_desk.app.applications import find_applications

        return find_applications(self.db, text)


def centre_line(settings: CounterSettings) -> str:
    return f"{settings.get('centre_code')} · counter {settings.get('counter')}"


def run(data_dir: Path) -> int:
    settings = CounterSettings.load(data_dir)
    if not settings.initialised:
        sys.stderr.write(f"No centre is set up in {data_dir}: run 'khidmat-desk init' or "
                         "'khidmat-desk demo' first.\n")
        return 2
    setup_logging(data_dir)
    reference.set_override_dir(data_dir)
    app = QApplication.instance() or QApplication(sys.argv)
    messages = Messages()
    install_excepthook(messages)
    tasks = TaskRunner(on_error=lambda exc: report_error(messages, exc))
    session = CounterSession(settings)
    tasks.run(session.open, lambda _: log.info("database ready"))
    login = LoginDialog(tasks, session.authenticate, centre_line(settings))
    windows: list[MainWindow] = []

    def on_signed_in(user: Any) -> None:
        window = MainWindow(tasks, user=user, centre_line=centre_line(settings),
                            load_queue=session.todays_queue, find=session.find)
        messages.parent = window
        windows.append(window)
        window.show()

    login.signed_in.connect(on_signed_in)
    login.show()
    code = app.exec()
    tasks.wait()
    if session.db is not None:
        session.db.dispose()
    return int(code)
