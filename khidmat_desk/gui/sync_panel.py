"""Sync at the counter: the syncer on a thread of its own, its state in the status bar, and a
panel listing what is waiting and what the server set aside.

The syncer never blocks the window: it runs ``run_forever`` on its own thread and reports each
pass through a queued signal; a save nudges it to send at once. Reading the panel's lists goes
through the database worker like every other read.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from khidmat_desk.core import clock
from khidmat_desk.core.display import LRI, PDI, format_moment, isolate_numbers
from khidmat_desk.core.workflow import IN_CHARGE
from khidmat_desk.gui.labels import isolate_cells
from khidmat_desk.gui.screen import fit_to_screen
from khidmat_desk.gui.tables import select_first_row
from khidmat_desk.gui.words import day_text, said_text

log = logging.getLogger("khidmat.gui.sync")


class SyncHost(QObject):
    """Owns the syncer and its thread; ``reported(SyncReport)`` after every pass."""

    reported = Signal(object)

    def __init__(self, syncer: Any) -> None:
        super().__init__()
        self.syncer = syncer
        self.last: Any = None
        self._thread = threading.Thread(target=self._run, name="khidmat-sync", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        try:
            self.syncer.run_forever(on_report=self.reported.emit)
        except Exception:
            log.exception("the sync thread stopped on an unexpected error")

    def nudge(self) -> None:
        self.syncer.nudge()

    def stop(self, timeout: float = 10.0) -> None:
        self.syncer.stop()
        if self._thread.is_alive():
            self._thread.join(timeout)


def link_text(status: Any, urdu: bool = False) -> tuple[str, str]:
    """The status bar's words and colour for a report or a stored status, in the officer's
    language (a problem from below through its template, the rest through Qt's translation)."""
    waiting = _with(QCoreApplication.translate("Sync", "%1 waiting"), status.pending)
    problem = getattr(status, "problem", None)
    if problem:
        said = getattr(status, "problem_said", None)
        told = said_text(said, urdu) if said is not None else problem
        return (_with(QCoreApplication.translate("Sync", "Sync: ⚠ %1 · %2"), told, waiting),
                "#b00020")
    parts = [QCoreApplication.translate("Sync", "● online") if status.online
             else QCoreApplication.translate("Sync", "○ offline"), waiting]
    if status.quarantined:
        parts.append(_with(QCoreApplication.translate("Sync", "%1 set aside"),
                           status.quarantined))
    behind = getattr(status, "numbers_behind", None)
    if behind:  # the server holds applications this PC lacks: the in-charge takes them back
        parts.append(QCoreApplication.translate("Sync", "⚠ take back from the server"))
    if status.last_success is not None:
        parts.append(_with(QCoreApplication.translate("Sync", "last sent %1"),
                           _clock(status.last_success)))
    colour = "#1b5e20" if status.online and not status.quarantined and not behind else (
        "#b00020" if status.quarantined else "#8a5a00")
    return _with(QCoreApplication.translate("Sync", "Sync: %1"), " · ".join(parts)), colour


def _with(translated: str, *args: object) -> str:
    """A translated text with %1, %2… filled in one pass (an argument may hold a %)."""
    return re.sub(r"%(\d)", lambda m: str(args[int(m[1]) - 1]), translated)


def _clock(moment: datetime) -> str:
    return format_moment(moment, "%H:%M" if clock.day_of(moment) == clock.today()
                         else "%d-%m %H:%M")


class SyncPanel(QDialog):
    """What is waiting and what was set aside; Try now; Requeue for the in-charge."""

    try_now = Signal()
    requeue_requested = Signal(int)
    refresh_requested = Signal()

    def __init__(self, role: str, parent: QWidget | None = None, *, urdu: bool = False) -> None:
        super().__init__(parent, objectName="sync_panel")  # type: ignore[call-arg]
        self.role, self.urdu = role, urdu
        self.setWindowTitle(self.tr("Sync with the central server"))
        self.state = QLabel(objectName="sync_state", wordWrap=True)  # type: ignore[call-overload]
        self.error = QLabel(objectName="sync_error", wordWrap=True, styleSheet="color: #8a5a00;")  # type: ignore[call-overload]
        self.behind = QLabel(objectName="sync_behind", wordWrap=True, styleSheet="color: #8a5a00;")  # type: ignore[call-overload]
        self.behind.hide()
        self.clock = QLabel(objectName="sync_clock", wordWrap=True, styleSheet="color: #b00020;")  # type: ignore[call-overload]
        self.clock.hide()
        self.pending = _table(objectName="sync_pending", headers=(
            self.tr("Tracking number"), self.tr("Record"), self.tr("Tries"),
            self.tr("Last problem")))
        self.quarantined = _table(objectName="sync_quarantined", headers=(
            self.tr("Tracking number"), self.tr("Record"), self.tr("Server's reason"),
            self.tr("Since")))
        self.requeue_button = QPushButton(self.tr("&Requeue the selected record"),  # type: ignore[call-overload]
                                          objectName="sync_requeue")
        self.requeue_button.setVisible(role == IN_CHARGE)
        self.requeue_button.setToolTip(self.tr("After the cause was fixed: send it again"))
        self.requeue_button.clicked.connect(self._on_requeue_button_clicked)
        now = QPushButton(self.tr("&Try now"), objectName="sync_now")  # type: ignore[call-overload]
        now.clicked.connect(self.try_now.emit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(now)
        row.addWidget(self.requeue_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        for widget in (self.state, self.error, self.behind, self.clock,
                       QLabel(self.tr("Waiting to be sent")),
                       self.pending, QLabel(self.tr("Set aside by the server")),
                       self.quarantined):
            layout.addWidget(widget)
        layout.addLayout(row)
        fit_to_screen(self, QSize(820, 560))
        self._quarantined_ids: list[int] = []

    def show_status(self, status: Any, words: tuple[str, str] | None = None,
                    hint: str = "") -> None:
        """The link's state (``words`` as the status bar says them, when the window gives
        them) and its last problem, or ``hint`` on what to do first."""
        text, colour = words or link_text(status, self.urdu)
        self.state.setText(text)
        self.state.setStyleSheet(f"color: {colour}; font-weight: 600;")
        problem = hint or self._problem_text(status)
        self.error.setText(problem or "")
        self.error.setVisible(bool(problem))
        behind = getattr(status, "numbers_behind", None) or {}
        self.behind.setText(self.tr(
            "The central server holds applications of this counter that this PC does not "
            "(numbers up to %1). New numbers go on after them. The in-charge takes them back: "
            "Centre, then Take back from the central server.").replace("%1", ", ".join(
                f"{day_text(date.fromisoformat(day))}: {isolate_numbers(f'{last:04d}')}"
                for day, last in sorted(behind.items()))))
        self.behind.setVisible(bool(behind))

    def show_clock(self, problem: str) -> None:
        """What is wrong with this PC's clock ("" when nothing), as the status bar's red
        *Set the PC's clock* says it when clicked: here for the keyboard too."""
        self.clock.setText(problem)
        self.clock.setVisible(bool(problem))

    def _problem_text(self, status: Any) -> str | None:
        """The link's last problem: on an Urdu counter what kind of problem it is, in Urdu,
        then the details as they were written (addresses and the server's words)."""
        problem = getattr(status, "error", None) or getattr(status, "last_error", None)
        kind = getattr(status, "error_kind", None) or getattr(status, "last_error_kind", None)
        if not (problem and self.urdu and getattr(status, "problem_said", None) is None):
            return problem
        return link_problem_text(str(kind), problem)

    def _record(self, kind: str, version: int) -> str:
        """What a waiting record is ("application v2", "day close v1") in the counter's words."""
        kinds = {"application": self.tr("application"), "day-close": self.tr("day close")}
        return self.tr("%1 v%2").replace("%1", kinds.get(kind, kind)).replace("%2", str(version))

    def show_lists(self, pending: Sequence[Any], quarantined: Sequence[Any]) -> None:
        _fill(self.pending, [(p.tracking_number, self._record(p.kind, p.version),
                              str(p.attempts), p.last_error or "") for p in pending])
        _fill(self.quarantined, [(q.tracking_number, self._record(q.kind, q.version), q.reason,
                                  _clock(q.quarantined_at)) for q in quarantined])
        self._quarantined_ids = [q.entry_id for q in quarantined]
        self.requeue_button.setEnabled(bool(quarantined))

    def _on_requeue_button_clicked(self) -> None:
        row = self.quarantined.currentRow()
        if 0 <= row < len(self._quarantined_ids):
            self.requeue_requested.emit(self._quarantined_ids[row])


def link_problem_text(kind: str, problem: str) -> str:
    """A problem of the link said on the Urdu counter: what kind of problem it is, in Urdu,
    then the details as they were written (addresses and the server's words)."""
    kinds = {
        "LinkDown": QCoreApplication.translate(
            "SyncPanel", "The central server cannot be reached: check the network cable or "
            "router. What waits is sent as soon as the link is back."),
        "ServerBusy": QCoreApplication.translate(
            "SyncPanel", "The central server is busy and asked the counter to wait; what "
            "waits is sent later by itself."),
        "ServerFailed": QCoreApplication.translate(
            "SyncPanel", "The central server had an error; what waits is sent again later."),
        "BadReply": QCoreApplication.translate(
            "SyncPanel", "The central server's answer could not be read; it is asked again "
            "later."),
        "BatchTooLarge": QCoreApplication.translate(
            "SyncPanel", "The central server found the records too large; they are sent "
            "fewer at a time."),
        "TokenRefused": QCoreApplication.translate(
            "SyncPanel", "The central server refused this counter's token: the in-charge "
            "sets sync up again with a new token."),
        "RequestRefused": QCoreApplication.translate(
            "SyncPanel", "The central server refused the request."),
    }
    said = kinds.get(kind)
    return problem if said is None else f"{said}\n{LRI}{problem}{PDI}"


def _table(*, objectName: str, headers: Sequence[str]) -> QTableWidget:  # noqa: N803 - Qt name
    table = QTableWidget(0, len(headers))
    table.setObjectName(objectName)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    isolate_cells(table)
    return table


def _fill(table: QTableWidget, rows: Sequence[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    if rows:
        select_first_row(table)
