"""Print, reprint and preview from the counter: the use case builds and records the document on
the database thread, the print queue delivers it on its own thread, and a printer problem is
answered with Retry (same copy, same bytes) instead of a lost or doubled copy."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from khidmat_desk.gui.errors import Messages, known_text, report_error, say_known
from khidmat_desk.gui.preview import PREVIEW_DPI, PreviewDialog
from khidmat_desk.gui.printer import PrinterProblem, PrintQueue, describe
from khidmat_desk.gui.session import CounterSession
from khidmat_desk.gui.tasks import TaskRunner

log = logging.getLogger("khidmat.gui.printing")
RECEIPT = "receipt"


class PrintFlow(QObject):
    """``said(text)`` reports each outcome for the status bar; ``printed(tracking)`` after a
    delivery, so views can refresh their copy counts."""

    said = Signal(str)
    printed = Signal(str)

    def __init__(self, tasks: TaskRunner, queue: PrintQueue, session: CounterSession,
                 messages: Messages, parent: QWidget) -> None:
        super().__init__(parent)
        self._tasks, self._queue, self._session = tasks, queue, session
        self._messages, self._parent = messages, parent
        self.preview_dialog: PreviewDialog | None = None

    def destination(self, key: str) -> str:
        setting = "receipt_printer" if key == RECEIPT else "document_printer"
        return str(self._session.settings.get(setting))

    def prepare(self, tracking: str, printable: Any) -> None:
        """While the officer reads the application, make the slow identity checks of each
        ready document's next copy, so that its Print does not wait for them."""
        keys = [d.key for d in printable if d.key != RECEIPT and d.ready]
        if not keys:
            return
        session = self._session
        self._tasks.run(lambda: session.prepare_copies(tracking, keys), lambda _: None,
                        lambda exc: log.warning("copies of %s not prepared: %s", tracking, exc))

    def print(self, tracking: str, key: str, *, copies_printed: int = 0) -> None:
        """Print a copy; a reprint asks why (the log and the DUPLICATE mark keep it honest)."""
        reason = None
        if copies_printed:
            reason = self._messages.ask_text(
                self.tr("Reprint"), self.tr("Why is copy %1 being printed?")
                .replace("%1", str(copies_printed + 1)))
            if reason is None:
                return
        session = self._session
        work: Callable[[], Any] = (
            (lambda: session.print_receipt(tracking, reason)) if key == RECEIPT
            else (lambda: session.print_document(tracking, key, reason)))
        self.said.emit(self.tr("Printing…"))
        self._tasks.run(work, self._send, self._on_failed)

    def _send(self, printed: Any) -> None:
        """Deliver to the printer the settings name now (a retry follows a changed choice)."""
        name = f"{printed.tracking_number}-{printed.document_key}-copy{printed.copy_no}"
        self._queue.send(printed.pdf, name, self.destination(printed.document_key),
                         lambda where: self._on_delivered(printed, where),
                         lambda exc: self._on_delivery_failed(printed, exc))

    def _on_delivered(self, printed: Any, where: str) -> None:
        copy = self.tr(" (duplicate, copy %1)").replace("%1", str(printed.copy_no)) \
            if printed.duplicate else ""
        self.said.emit(self.tr("Printed %1%2 on %3").replace("%1", printed.document_key)
                       .replace("%2", copy).replace("%3", where))
        session = self._session
        self._tasks.run(lambda: session.print_settled(printed, True, where),
                        lambda _: self.printed.emit(printed.tracking_number), self._on_failed)

    def _on_delivery_failed(self, printed: Any, exc: BaseException) -> None:
        if not isinstance(exc, PrinterProblem):
            report_error(self._messages, exc)
            return
        log.warning("printing %s copy %d failed: %s", printed.tracking_number, printed.copy_no,
                    exc)
        choice = self._messages.choose(
            self.tr("Printer problem"),
            known_text(exc) + "\n\n" + self.tr("The document is kept: Retry prints the same copy."),
            [("retry", self.tr("&Retry")), ("later", self.tr("&Not now"))], default="later")
        if choice == "retry":
            self._send(printed)
            return
        self.said.emit(self.tr("Not printed: nothing reached paper, so nothing was counted; "
                               "print it again when the printer is ready."))
        session, problem = self._session, str(exc)
        self._tasks.run(lambda: session.print_settled(printed, False, problem),
                        lambda _: self.printed.emit(printed.tracking_number), self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        if say_known(self._messages, exc,
                     lambda text: self._messages.warning(self.tr("Cannot print"), text)):
            self.said.emit("")

    # -- preview ---------------------------------------------------------------------------

    def preview(self, tracking: str, key: str, title: str, *, copies_printed: int = 0,
                printable: bool = True) -> None:
        """The pages as they would print; Print is offered only when the document can be
        issued now."""
        from khidmat_desk.printing.raster import render_pages

        session, destination = self._session, self.destination(key)
        # The pages and the printer's name (a question to the print system) off the GUI thread.
        self._tasks.run(lambda: (render_pages(session.preview(tracking, key), PREVIEW_DPI),
                                 describe(destination)),
                        lambda done: self._show_preview(tracking, key, title, *done,
                                                        copies_printed=copies_printed,
                                                        printable=printable),
                        self._on_failed)

    def _show_preview(self, tracking: str, key: str, title: str, pages: Any, printer: str, *,
                      copies_printed: int, printable: bool) -> None:
        dialog = PreviewDialog(
            self.tr("%1 — preview (%2)").replace("%1", title).replace("%2", printer), pages,
            (lambda: self.print(tracking, key, copies_printed=copies_printed)) if printable
            else None, self._parent)
        self.preview_dialog = dialog
        dialog.open()
