"""Sending a rendered document to the counter's printer, off the GUI thread.

The document (PDF bytes, copy number already recorded) is built by the use case on the database
thread; this module only delivers it. Delivery runs on its own thread, so a slow or stuck printer
never holds up saving applications. A failed delivery keeps the same bytes for "Retry": the
citizen gets the copy the log recorded, not a second numbered copy.

Destinations: a printer installed in the operating system (by name; empty means the system's
default), or ``pdf-folder``, which saves each document as a PDF file in the data folder's
``printouts/`` (for a counter without a printer, or to print elsewhere later).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QObject, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from khidmat_desk.gui.tasks import TaskRunner
from khidmat_desk.printing.raster import PageImage, render_pages

log = logging.getLogger("khidmat.gui.printing")

PDF_FOLDER = "pdf-folder"
#: Rendering above this gains nothing on paper and costs memory on a 1200 dpi laser printer.
MAX_PRINT_DPI = 300


class PrinterProblem(Exception):  # noqa: N818 - read as a message by the officer
    """The document could not be delivered; ``str()`` says what to check. It can be retried."""


def _with(translated: str, *args: object) -> str:
    """A translated text with %1, %2… filled in one pass (an argument may hold a %)."""
    return re.sub(r"%(\d)", lambda m: str(args[int(m[1]) - 1]), translated)


def installed_printers() -> list[str]:
    return [info.printerName() for info in QPrinterInfo.availablePrinters()]


def describe(destination: str) -> str:
    if destination == PDF_FOLDER:
        return QCoreApplication.translate("Printer", "PDF files (printouts folder)")
    return destination or (QPrinterInfo.defaultPrinterName()
                           or QCoreApplication.translate("Printer", "the default printer"))


def deliver(pdf: bytes, name: str, destination: str, folder: Path) -> str:
    """Print (or save) one document; returns where it went, or raises PrinterProblem."""
    if destination == PDF_FOLDER:
        return _save(pdf, name, folder)
    return _print(pdf, name, destination)


def _save(pdf: bytes, name: str, folder: Path) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (re.sub(r"[^A-Za-z0-9._-]+", "-", name) + ".pdf")
    try:
        path.write_bytes(pdf)
    except OSError as exc:
        raise PrinterProblem(_with(QCoreApplication.translate(
            "Printer", "The document could not be saved in %1 (%2); free some disk space and "
            "retry."), folder, exc.strerror or exc)) from exc
    log.info("saved %s", path)
    return str(path)


def _printer_for(destination: str) -> QPrinter:
    info = QPrinterInfo.printerInfo(destination) if destination else \
        QPrinterInfo.defaultPrinter()
    if info.isNull():
        if destination:
            raise PrinterProblem(_with(QCoreApplication.translate(
                "Printer", "The printer '%1' is not available on this PC. Check that it is "
                "switched on and connected, or choose another in Counter → Printers; then "
                "retry."), destination))
        raise PrinterProblem(QCoreApplication.translate(
            "Printer", "This PC has no default printer. Choose a printer (or \"save as PDF "
            "files\") in Counter → Printers; then retry."))
    if info.state() == QPrinter.PrinterState.Error:
        raise PrinterProblem(_with(QCoreApplication.translate(
            "Printer", "The printer '%1' reports a problem (out of paper, jammed or "
            "offline?). Fix it and retry."), info.printerName()))
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def _print(pdf: bytes, name: str, destination: str) -> str:
    printer = _printer_for(destination)
    printer.setDocName(name)
    pages = render_pages(pdf, min(printer.resolution(), MAX_PRINT_DPI))
    size = QSizeF(pages[0].width_mm, pages[0].height_mm)
    printer.setPageLayout(QPageLayout(QPageSize(size, QPageSize.Unit.Millimeter),
                                      QPageLayout.Orientation.Portrait, QMarginsF()))
    painter = QPainter()
    if not painter.begin(printer):
        raise PrinterProblem(_with(QCoreApplication.translate(
            "Printer", "Printing could not start on '%1'. Check it is on, connected and has "
            "paper; then retry."), printer.printerName()))
    try:
        for number, page in enumerate(pages):
            if number:
                printer.newPage()
            target = QRectF(painter.viewport())
            painter.drawImage(target, qimage(page))
    finally:
        painter.end()
    log.info("printed %s on %s (%d pages)", name, printer.printerName(), len(pages))
    return printer.printerName()


def qimage(page: PageImage) -> QImage:
    """A copy (the page's bytes are not kept alive by QImage)."""
    image = QImage(page.pixels, page.width, page.height, page.stride,
                   QImage.Format.Format_ARGB32)
    return image.copy()


class PrintQueue(QObject):
    """Deliveries one at a time on a thread of their own (not the database writer's)."""

    def __init__(self, folder: Path, on_error: Callable[[BaseException], None]) -> None:
        super().__init__()
        self.folder = folder
        self.tasks = TaskRunner(on_error=on_error)  # its own single thread

    def send(self, pdf: bytes, name: str, destination: str, on_done: Callable[[Any], None],
             on_failed: Callable[[BaseException], None]) -> None:
        folder = self.folder
        self.tasks.run(lambda: deliver(pdf, name, destination, folder), on_done, on_failed)

    def wait(self, msecs: int = -1) -> bool:
        return self.tasks.wait(msecs)
