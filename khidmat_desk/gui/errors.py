"""Two kinds of errors: known ones become a clear message; anything else is a bug, shown once
in a crash dialog with copyable details and logged in full."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger("khidmat.gui")


def is_known(exc: BaseException) -> bool:
    """Errors an officer can act on: bad input, sign-in refusals, database busy or full."""
    from khidmat_desk.auth import users
    from khidmat_desk.core.records import EmptyQueryError
    from khidmat_desk.core.tracking import TrackingNumberError
    from khidmat_desk.store.errors import StoreError

    known = (users.BadCredentials, users.AccountLocked, users.PermissionDenied,
             TrackingNumberError, EmptyQueryError, StoreError)
    return isinstance(exc, known)


class Messages:
    """Every message box goes through here, so tests can replace it and never block."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def warning(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent, title, text)

    def crash(self, summary: str, details: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, "Khidmat Desk", summary,
                          QMessageBox.StandardButton.Close, self.parent)
        box.setInformativeText("Nothing that was saved is lost. Please report this with the "
                               "details below; they are also in the log file.")
        box.setDetailedText(details)
        box.exec()


def report_error(messages: Messages, exc: BaseException) -> None:
    if is_known(exc):
        log.info("known error shown to the officer: %s", exc)
        messages.warning("Khidmat Desk", str(exc))
        return
    details = "".join(traceback.format_exception(exc))
    log.error("unexpected error\n%s", details)
    messages.crash(f"Something went wrong: {type(exc).__name__}: {exc}", details)


def install_excepthook(messages: Messages) -> None:
    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        report_error(messages, exc.with_traceback(tb))

    sys.excepthook = hook
