"""Saying when this PC's clock is wrong (see app/clock_check.py): every tracking number and
paper is dated by it. Checked on the worker when the window opens, every minute, and after
each sync pass (which measures the central server's clock). A wrong clock is said in a window
at sign-in (`MainWindow.greet`) — never in the middle of typing, where a box would take the
officer's keys — and stays in the status bar, in red, until the clock is set."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QPushButton

from khidmat_desk.core.display import isolate_numbers
from khidmat_desk.gui.words import said_text

if TYPE_CHECKING:
    from khidmat_desk.gui.main_window import MainWindow

log = logging.getLogger("khidmat.gui")

#: How often the clock is looked at again, in milliseconds.
EVERY_MS = 60_000


class ClockWatch(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        # in the status bar, in red, while the clock is wrong; a click says it all again
        self.label = QPushButton(objectName="clock_warning", flat=True)  # type: ignore[call-overload]
        self.label.setStyleSheet("color: #b00020; font-weight: bold; padding: 0 6px;")
        self.label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.label.clicked.connect(self._on_label_clicked)
        self.label.hide()
        window.statusBar().insertPermanentWidget(0, self.label)
        self.timer = QTimer(self)
        self.timer.setInterval(EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        self.problem: str = ""  # what is wrong now, in the officer's language ("" for nothing)

    def check(self) -> None:
        self.window._tasks.run(self.window.session.check_clock, self._on_checked,
                               self._on_failed)

    def _on_label_clicked(self) -> None:
        if self.problem:
            self.window._messages.warning(self.tr("This PC's clock is wrong"), self.problem)

    def _on_failed(self, exc: BaseException) -> None:
        # a database busy with a backup, say: the next minute's check will do
        log.warning("the PC's clock could not be checked: %s", exc)

    def say(self, found: Any) -> None:
        """At sign-in: the status bar as ever, and a wrong clock said in a window too."""
        self._on_checked(found)
        if self.problem:
            self.window._messages.warning(self.tr("This PC's clock is wrong"), self.problem)

    def _on_checked(self, found: Any) -> None:
        problem = found.problem
        if problem is None:
            if self.problem:
                log.info("the PC's clock is right again")
                self.window.statusBar().showMessage(self.tr("The PC's clock is right again."),
                                                    10000)
            self.problem = ""
            self.label.hide()
            self._tell_sync_panel()
            return
        text = said_text(problem, self.window.urdu)
        if self.window.urdu:  # each date and time kept as written inside the Urdu sentence
            text = isolate_numbers(text)
        if text != self.problem:
            log.warning("the PC's clock is wrong: %s", problem)
        self.problem = text
        self.label.setText(self.tr("⚠ Set the PC's clock"))
        self.label.setToolTip(text)
        self.label.show()
        self._tell_sync_panel()

    def _tell_sync_panel(self) -> None:
        panel = self.window.sync_panel
        if panel is not None:
            panel.show_clock(self.problem)
