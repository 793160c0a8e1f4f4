"""Two kinds of errors: known ones become a clear message; anything else is a bug, shown once
in a crash dialog with copyable details and logged in full."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from khidmat_desk.errors import is_known

log = logging.getLogger("khidmat.gui")


class Messages:
    """Every message box goes through here, so tests can replace it and never block."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def owner(self) -> QWidget | None:
        """The window a box or a file dialog belongs to: the one the officer is working in
        (the day's dashboard, the close window), so it opens over that window and the keyboard
        goes back to it afterwards; the main window when none of ours is active."""
        from PySide6.QtWidgets import QApplication

        active = QApplication.activeModalWidget() or QApplication.activeWindow()
        return active if active is not None and active.isVisible() else self.parent

    def warning(self, title: str, text: str) -> None:
        QMessageBox.warning(self.owner(), title, text)

    def info(self, title: str, text: str) -> None:
        QMessageBox.information(self.owner(), title, text)

    def page(self, title: str, html: str) -> None:
        """A long text (the shortcut list) in a dialog that fits the screen and scrolls."""
        from PySide6.QtCore import QSize
        from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

        from khidmat_desk.gui.screen import fit_to_screen

        dialog = QDialog(self.owner(), objectName="page")  # type: ignore[call-arg]
        dialog.setWindowTitle(title)
        browser = QTextBrowser(objectName="page_text")  # type: ignore[call-arg]
        browser.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(browser)
        layout.addWidget(buttons)
        fit_to_screen(dialog, QSize(1100, 760))
        dialog.exec()

    def ask_text(self, title: str, label: str) -> str | None:
        """One line of text (a reason), or None when the officer cancels."""
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getText(self.owner(), title, label)
        return text.strip() if ok and text.strip() else None

    def save_path(self, title: str, suggested: str, pattern: str) -> str | None:
        """Where to save a file (a path), or None when the person cancels."""
        from PySide6.QtWidgets import QFileDialog

        if not Path(suggested).is_absolute():
            suggested = str(_documents_folder() / suggested)
        path, _ = QFileDialog.getSaveFileName(self.owner(), title, suggested, pattern)
        return path or None

    def open_path(self, title: str, pattern: str) -> str | None:
        """Which file to open (a path), or None when the person cancels."""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self.owner(), title, str(_documents_folder()),
                                              pattern)
        return path or None

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self.owner(), title, text,
                                      QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def choose(self, title: str, text: str, choices: list[tuple[str, str]], default: str) -> str:
        """Ask with named buttons; returns the chosen key (``default`` when closed with Esc)."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.NoButton, self.owner())
        buttons = {box.addButton(label, QMessageBox.ButtonRole.ActionRole): key
                   for key, label in choices}
        for button, key in buttons.items():
            if key == default:
                box.setDefaultButton(button)
                box.setEscapeButton(button)
        box.exec()
        return str(buttons.get(box.clickedButton(), default))  # type: ignore[call-overload]

    def crash(self, summary: str, details: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, "Khidmat Desk", summary,
                          QMessageBox.StandardButton.Close, self.owner())
        box.setInformativeText(QCoreApplication.translate(
            "Messages", "Nothing that was saved is lost. Please report this with the details "
            "below; they are also in the log file."))
        box.setDetailedText(details)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()


def _documents_folder() -> Path:
    """Where the file dialogs start: the person's Documents folder (their home when it does not
    exist: a dialog given a missing folder opens wherever the program was started from)."""
    from PySide6.QtCore import QStandardPaths

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder and Path(folder).is_dir() else Path.home()


def report_error(messages: Messages, exc: BaseException) -> None:
    if is_known(exc):
        log.info("known error shown to the officer: %s", exc)
        messages.warning("Khidmat Desk", known_text(exc))
        return
    details = "".join(traceback.format_exception(exc))
    log.error("unexpected error\n%s", details)
    messages.crash(QCoreApplication.translate("Messages", "Something went wrong: %1")
                   .replace("%1", f"{type(exc).__name__}: {exc}"), details)


#: Whether the counter speaks Urdu (set with the translation, see `speak`).
_urdu = False


def speak(language: str) -> None:
    """The counter's language, for the known errors said from here on."""
    global _urdu
    _urdu = language == "ur"


def known_text(exc: BaseException) -> str:
    """A known error's message in the counter's language: Urdu where its template (or, for a
    message with no varying part, the message itself) has a translation, else as raised."""
    if not _urdu:
        return str(exc)
    from khidmat_desk.core.display import LRI, PDI
    from khidmat_desk.core.issues import Said
    from khidmat_desk.gui.words import said_text, urdu_messages, urdu_word

    said = getattr(exc, "said", None)
    if said is not None:
        # a value with no Urdu of its own (a tracking number, a CNIC, a name typed in
        # English) is kept whole and in its order inside the Urdu sentence
        kept = tuple((key, value if urdu_word(value) != value else f"{LRI}{value}{PDI}")
                     for key, value in said.args)
        return said_text(Said(said.template, kept), True)
    text = urdu_messages().get(str(exc))
    if text is None:
        log.warning("no Urdu for the message %r", str(exc))
    return text or str(exc)


def refusal_text(exc: BaseException) -> str | None:
    """What to say in the window a request came from when the request itself was refused (a
    wrong CNIC, a user name not allowed), so it is corrected there as typed; None for any
    other error, which goes to `report_error`."""
    if not (is_known(exc) and getattr(exc, "bad_input", False)):
        return None
    log.info("request refused, said in its window: %s", exc)
    return known_text(exc)


def say_known(messages: Messages, exc: BaseException, say: Callable[[str], None]) -> bool:
    """A known error's message goes to ``say``; anything else is reported as a bug.

    Returns whether the error was a known one.
    """
    if is_known(exc):
        log.info("known error shown to the officer: %s", exc)
        say(known_text(exc))
        return True
    report_error(messages, exc)
    return False


def install_excepthook(messages: Messages) -> None:
    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        report_error(messages, exc.with_traceback(tb))

    sys.excepthook = hook
