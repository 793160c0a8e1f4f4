"""The in-charge's live day: figures, two charts, the lists behind them, and exports.

The figures are read by the database worker (never on the GUI thread) when the window opens,
on Refresh, and every minute while it is shown. Exports run on a thread of their own, so the
counter keeps saving while a large day is written; a progress bar shows how far it is and
Cancel stops it, leaving no file.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from khidmat_desk.core import clock
from khidmat_desk.core.display import isolate_numbers
from khidmat_desk.gui.charts import BarChart
from khidmat_desk.gui.errors import Messages, report_error
from khidmat_desk.gui.labels import isolate_cells
from khidmat_desk.gui.tasks import TaskRunner
from khidmat_desk.gui.words import counter_label, file_text, period_text

log = logging.getLogger("khidmat.gui.dashboard")
REFRESH_MS = 60_000


def _local(moment: datetime | None) -> str:
    return "" if moment is None else clock.local(moment).strftime("%d-%m %H:%M")


W = TypeVar("W", bound=QObject)


def _named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget


class _ExportSignals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)


class _Export(QRunnable):
    """One export on the export thread; ``stop`` asks it to cancel at its next step."""

    def __init__(self, work: Callable[[Any], Any], signals: _ExportSignals) -> None:
        super().__init__()
        self.work, self.signals, self.stop = work, signals, threading.Event()

    def run(self) -> None:
        from khidmat_desk.reports.progress import Progress

        progress = Progress(report=self.signals.progress.emit, cancelled=self.stop.is_set)
        try:
            result = self.work(progress)
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread, which reports it
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class Dashboard(QDialog):
    refreshed = Signal()
    export_finished = Signal(str)  # "written", "cancelled" or "failed"

    def __init__(self, tasks: TaskRunner, session: Any, messages: Messages,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self._tasks, self._session, self._messages = tasks, session, messages
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._export: _Export | None = None
        self._export_signals: _ExportSignals | None = None
        self.summary: Any = None
        self.close_dialog: Any = None
        self.counters: Any = None
        self.setWindowTitle(self.tr("Today at the centre"))
        self.resize(980, 720)
        layout = QVBoxLayout(self)
        self.heading = _named(QLabel(), "heading")
        self.heading.setStyleSheet("font-weight: bold;")
        self.heading.setWordWrap(True)  # a closed day says its cash too: it may take two lines
        layout.addWidget(self.heading)
        layout.addLayout(self._figures())
        charts = QHBoxLayout()
        self.hours = BarChart(self.tr("Applications by hour"))
        self.categories = BarChart(self.tr("Applications by category"), horizontal=True)
        charts.addWidget(self.hours, 1)
        charts.addWidget(self.categories, 1)
        layout.addLayout(charts, 2)
        layout.addWidget(self._tabs(), 3)
        layout.addLayout(self._buttons())
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)

    # -- building ------------------------------------------------------------------------------

    def _figures(self) -> QGridLayout:
        grid = QGridLayout()
        names = {
            "applications": self.tr("Applications"), "paid": self.tr("Paid"),
            "cash": self.tr("Cash expected"), "pending": self.tr("Pending / overdue"),
            "uncollected": self.tr("Ready, not collected"),
            "voids": self.tr("Voids / reprints"), "drafts": self.tr("Drafts open"),
            "late": self.tr("Late records"),
        }
        self.figures: dict[str, QLabel] = {}
        for index, (key, name) in enumerate(names.items()):
            value = _named(QLabel("–"), f"figure_{key}")
            value.setStyleSheet("font-size: 15pt;")
            grid.addWidget(QLabel(name), (index // 4) * 2, index % 4)
            grid.addWidget(value, (index // 4) * 2 + 1, index % 4)
            self.figures[key] = value
        return grid

    def _tabs(self) -> QTabWidget:
        self.tabs = _named(QTabWidget(), "tabs")
        self.tables: dict[str, QTableWidget] = {}
        headers = {
            "counters": (self.tr("Counter"), self.tr("Applications"), self.tr("Last saved"),
                         self.tr("Waiting to send"), self.tr("Oldest waiting"),
                         self.tr("Set aside"), self.tr("Day bundle imported")),
            "officers": (self.tr("Officer"), self.tr("Applications"), self.tr("Cash"),
                         self.tr("Card"), self.tr("Online"), self.tr("Refunded"),
                         self.tr("Cash expected")),
            "voids": (self.tr("What"), self.tr("Tracking number"), self.tr("At"), self.tr("By"),
                      self.tr("Reason")),
            "stations": (self.tr("Police station"), self.tr("Pending"), self.tr("Overdue")),
            "uncollected": (self.tr("Tracking number"), self.tr("Service"),
                            self.tr("Applicant"), self.tr("Ready since")),
            "drafts": (self.tr("Officer"), self.tr("Service"), self.tr("Last typed")),
            "late": (self.tr("Tracking number"), self.tr("Closed day"), self.tr("Made at"),
                     self.tr("What")),
            "attention": (self.tr("At"), self.tr("By"), self.tr("What"), self.tr("About"),
                          self.tr("Details")),
        }
        titles = {"counters": self.tr("Counters"), "officers": self.tr("By officer"),
                  "voids": self.tr("Voids and reprints"),
                  "stations": self.tr("Pending by police station"),
                  "uncollected": self.tr("Not collected"), "drafts": self.tr("Drafts open"),
                  "late": self.tr("Late records"),
                  "attention": self.tr("Needs your eye")}
        for key, header in headers.items():
            table = _named(QTableWidget(0, len(header)), f"table_{key}")
            table.setHorizontalHeaderLabels(list(header))
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.horizontalHeader().setStretchLastSection(True)
            table.verticalHeader().hide()  # row numbers beside "Counter 1" only repeat it
            table.setTabKeyNavigation(False)  # Tab goes on to the buttons, not cell by cell
            isolate_cells(table)
            self.tables[key] = table
            self.tabs.addTab(table, titles[key])
        # The tables take Ctrl+Tab and Ctrl+PageDown for themselves: the dashboard's own keys
        # go from one list to the next whatever has the keyboard in it.
        for keys, step in (("Ctrl+Tab", 1), ("Ctrl+PgDown", 1), ("Ctrl+Shift+Tab", -1),
                           ("Ctrl+PgUp", -1)):
            QShortcut(QKeySequence(keys), self, activated=lambda step=step: self._next_tab(step))  # type: ignore[call-overload]
        self.tabs.setToolTip(self.tr("Next list: Ctrl+Tab; previous: Ctrl+Shift+Tab"))
        return self.tabs

    def _next_tab(self, step: int) -> None:
        count = self.tabs.count()
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)
        self.tabs.currentWidget().setFocus()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.refresh_button = _named(QPushButton(self.tr("&Refresh")), "refresh")
        self.refresh_button.clicked.connect(self.refresh)
        row.addWidget(self.refresh_button)
        self.close_day_button = _named(QPushButton(self.tr("C&lose the day…")), "close_day")
        self.close_day_button.clicked.connect(self.open_close)
        row.addWidget(self.close_day_button)
        self.sync_line = _named(QLabel(), "sync_line")
        self.sync_line.setStyleSheet("color: #555;")
        row.addWidget(self.sync_line)
        row.addStretch(1)
        self.export_buttons: dict[str, QPushButton] = {}
        for fmt, label in (("pdf", self.tr("&Day report (PDF)…")),
                           ("xlsx", self.tr("&Spreadsheet (XLSX)…")),
                           ("csv", self.tr("CS&V…"))):
            button = _named(QPushButton(label), f"export_{fmt}")
            button.clicked.connect(lambda _=False, f=fmt: self.export(f))
            self.export_buttons[fmt] = button
            row.addWidget(button)
        self.progress = _named(QProgressBar(), "progress")
        self.cancel_button = _named(QPushButton(self.tr("Cancel")), "cancel")
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_export)
        row.addWidget(self.progress)
        row.addWidget(self.cancel_button)
        return row

    # -- figures -------------------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._timer.start()
        self.refresh()

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        self._timer.stop()
        super().hideEvent(event)

    def refresh(self) -> None:
        self.refresh_button.setEnabled(False)
        self._tasks.run(self._session.live_summary, self.show_summary, self._on_failed)
        self._tasks.run(self._session.counter_board, self.show_counters, self._on_failed)

    def show_counters(self, board: Any) -> None:
        """Every counter's day and what of it still waits for the central server."""
        self.counters = board
        self._fill("counters", [
            (counter_label(c.counter, c.name), c.applications,
             _local(c.last_saved), c.waiting, _local(c.oldest_waiting), c.set_aside,
             _local(c.bundle_imported)) for c in board.counters])
        if board.online is None:
            line = self.tr("This PC has not sent to the central server yet.")
        elif board.online:
            line = self.tr("Central server: reached; last sent %1.").replace(
                "%1", _local(board.last_sent) or "–")
        else:
            line = self.tr("Central server NOT reached; last sent %1.").replace(
                "%1", _local(board.last_sent) or "–")
        self.sync_line.setText(line)
        self.sync_line.setToolTip(board.last_error)
        self.sync_line.setStyleSheet("color: #555;" if board.online is not False
                                     else "color: #b00020;")

    def show_summary(self, summary: Any) -> None:
        self.summary = summary
        self.refresh_button.setEnabled(True)
        close = summary.close
        closed = self.tr(" · closed by %1: cash counted Rs %2, difference Rs %3").replace(
            "%1", close.closed_by).replace("%2", f"{close.cash_counted:,}").replace(
            "%3", f"{close.difference:,}") if summary.is_closed else ""
        self.heading.setText(isolate_numbers(self.tr("%1 — %2, updated %3%4")
                             .replace("%1", summary.centre_name)
                             .replace("%2", period_text(summary.period))
                             .replace("%3", _local(summary.generated_at))
                             .replace("%4", closed)))
        values = {
            "applications": f"{summary.total_applications:,}",
            "paid": f"Rs {summary.paid_total:,}", "cash": f"Rs {summary.cash_expected:,}",
            "pending": f"{summary.pending_total} / {len(summary.overdue)}",
            "uncollected": str(summary.uncollected_total),
            "voids": f"{len(summary.voids)} / {len(summary.reprints)}",
            "drafts": str(len(summary.drafts)), "late": str(len(summary.late)),
        }
        for key, text in values.items():
            self.figures[key].setText(text)
        self.figures["late"].setStyleSheet("font-size: 15pt;" + (
            " color: #b00020;" if summary.late else ""))
        self.hours.set_items([(str(h) if h % 3 == 0 else "", n)
                              for h, n in enumerate(summary.by_hour)])
        urdu = self.isRightToLeft()
        self.categories.set_items([((t.label_ur if urdu else "") or t.label, t.applications)
                                   for t in summary.by_category])
        self._fill_tables(summary)
        period, session = summary.period, self._session
        self._tasks.run(lambda: session.attention(period.start, period.end),
                        self.show_attention, self._on_failed)
        self.refreshed.emit()

    def show_attention(self, lines: Sequence[Any]) -> None:
        """Refused and locked sign-ins, accounts changed, a closed day changed, numbers carried
        on, a backup put back, the link set up again… (app.audit.ATTENTION) in the period."""
        from khidmat_desk.gui.audit_dialog import action_words

        words = action_words()
        self._fill("attention", [(_local(line.at), line.actor,
                                  words.get(line.action, line.action), line.about,
                                  line.detail_text) for line in lines])
        index = self.tabs.indexOf(self.tables["attention"])
        self.tabs.setTabText(index, self.tr("Needs your eye (%1)").replace("%1", str(len(lines)))
                             if lines else self.tr("Needs your eye"))

    def _fill_tables(self, s: Any) -> None:
        self._fill("officers", [
            (f"{o.full_name} ({o.officer})", o.applications,
             *(o.paid_by_method.get(m, 0) for m in ("cash", "card", "online")),
             o.cash_refunded, o.cash_expected) for o in s.by_officer])
        self._fill("voids", [(self.tr("reprint"), r.tracking_number, _local(r.at), r.by,
                              r.reason) for r in s.reprints]
                   + [(self.tr("void"), v.tracking_number, _local(v.at), v.by, v.reason)
                      for v in s.voids])
        self._fill("stations", [(p.police_station, p.pending, p.overdue)
                                for p in s.pending_by_station])
        self._fill("uncollected", [(u.tracking_number, u.service, u.name, _local(u.since))
                                   for u in s.uncollected])
        self._fill("drafts", [(d.user, d.service, _local(d.updated_at)) for d in s.drafts])
        self._fill("late", [(x.tracking_number, x.closed_period, _local(x.made_at), x.what)
                            for x in s.late])

    def _fill(self, key: str, rows: Sequence[Sequence[Any]]) -> None:
        table = self.tables[key]
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(f"{value:,}" if isinstance(value, int)
                                        else isolate_numbers(str(value)))
                if isinstance(value, int):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
        for column in range(table.columnCount() - 1):  # the last one takes the rest
            table.resizeColumnToContents(column)

    # -- the close -----------------------------------------------------------------------------

    def open_close(self) -> None:
        """The close dialog for today (or the running shift); the figures refresh after it."""
        from khidmat_desk.gui.close_dialog import CloseDialog

        if self.close_dialog is None:
            self.close_dialog = CloseDialog(self._tasks, self._session, self._messages, self)
            self.close_dialog.closed.connect(self._on_close_changed)
            self.close_dialog.reopened.connect(self._on_close_changed)
        if not self.close_dialog.isVisible():
            self.close_dialog.preview = None  # read afresh when shown
        self.close_dialog.show()
        self.close_dialog.raise_()

    def _on_close_changed(self, _: object) -> None:
        self.refresh()
        self.raise_()
        self.activateWindow()  # the message box handed the focus to the counter window

    # -- exports -------------------------------------------------------------------------------

    def export(self, fmt: str) -> None:
        if self._export is not None or self.summary is None:
            return
        day = self.summary.period.day
        path = self._messages.save_path(self.tr("Save the day's %1").replace("%1", fmt.upper()),
                                        f"day-{day.isoformat()}.{fmt}", f"*.{fmt}")
        if path is None:
            return
        signals = _ExportSignals()
        signals.progress.connect(self._on_export_progress)
        signals.done.connect(self._on_export_done)
        signals.failed.connect(self._on_export_failed)
        session = self._session
        self._export_signals = signals
        self._export = _Export(lambda progress: session.write_report(day, fmt, Path(path),
                                                                     progress), signals)
        self._set_exporting(True)
        self._pool.start(self._export)

    def cancel_export(self) -> None:
        if self._export is not None:
            self._export.stop.set()

    def _set_exporting(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.progress.setRange(0, 0)  # busy until the first step is reported
        for button in self.export_buttons.values():
            button.setEnabled(not busy)

    def _on_export_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_export_done(self, written: Any) -> None:
        self._finish()
        self._messages.info(self.tr("Export"), self.tr("Written: %1").replace(
            "%1", file_text(written.path)))
        self.export_finished.emit("written")

    def _on_export_failed(self, exc: BaseException) -> None:
        from khidmat_desk.reports.progress import ExportCancelled

        self._finish()
        if isinstance(exc, ExportCancelled):
            log.info("export cancelled by the in-charge")
            self.export_finished.emit("cancelled")
            return
        report_error(self._messages, exc)
        self.export_finished.emit("failed")

    def _finish(self) -> None:
        self._export = None
        self._export_signals = None
        self._set_exporting(False)

    def _on_failed(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        report_error(self._messages, exc)

    def wait_for_export(self, msecs: int = -1) -> bool:
        return bool(self._pool.waitForDone(msecs))

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        self.cancel_export()
        self._pool.waitForDone()
        super().closeEvent(event)
