"""The day as an XLSX workbook (openpyxl, write-only: rows stream out, memory stays flat)
and as CSV, one application per row with its tracking number."""

from __future__ import annotations

import csv
import io
import logging
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils.exceptions import WorkbookAlreadySaved

from khidmat_desk.files import write_chosen_file
from khidmat_desk.reports.figures import DaySummary
from khidmat_desk.reports.progress import QUIET, Progress
from khidmat_desk.reports.tabular import APPLICATION_HEADER, application_row, sheets

log = logging.getLogger("khidmat.reports")

SHEETS = ("Applications", "By service", "By officer", "Fees", "Reprints and voids", "Overdue",
          "Late records")


def write_xlsx(summary: DaySummary, path: Path, progress: Progress = QUIET) -> int:
    """Write the workbook; returns its size in bytes. Nothing is written if cancelled."""
    book = Workbook(write_only=True)
    try:
        return _fill_and_write(book, summary, path, progress)
    except BaseException:
        _discard(book)
        raise


def _discard(book: Workbook) -> None:
    """Close and remove the sheets' temporary files of an export that was not finished."""
    for sheet in book.worksheets:
        try:
            stream: Any = sheet
            stream.close()
            Path(stream._writer.out).unlink(missing_ok=True)
        except (OSError, AttributeError, WorkbookAlreadySaved) as exc:
            # already closed, never opened, or saved (cancelled in its last step): nothing left
            log.debug("temporary sheet file not removed: %s", exc)


def _fill_and_write(book: Workbook, summary: DaySummary, path: Path, progress: Progress) -> int:
    bold = Font(bold=True)
    sheet = book.create_sheet("Applications")
    sheet.append([_header(cell, bold, sheet) for cell in APPLICATION_HEADER])
    total = summary.total_applications
    for done, line in enumerate(summary.applications, start=1):
        sheet.append(application_row(line))
        progress.step(done, total)
    for name, header, rows in sheets(summary):
        extra = book.create_sheet(name)
        extra.append([_header(cell, bold, extra) for cell in header])
        for row in rows:
            extra.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    progress.step(total, total)
    return write_chosen_file(path, buffer.getvalue())


def _header(text: str, font: Font, sheet: Any) -> Any:
    cell = WriteOnlyCell(sheet, value=text)
    cell.font = font
    return cell


def write_csv(summary: DaySummary, path: Path, progress: Progress = QUIET) -> int:
    """UTF-8 with a byte-order mark, so spreadsheet programs read Urdu names correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(APPLICATION_HEADER)
    total = summary.total_applications
    for done, line in enumerate(summary.applications, start=1):
        writer.writerow(application_row(line))
        progress.step(done, total)
    return write_chosen_file(path, ("\ufeff" + buffer.getvalue()).encode("utf-8"))
