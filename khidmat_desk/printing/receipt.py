"""The counter receipt: 80 mm thermal roll, or the top half of an A4 sheet.

The tracking number is printed large and as a Code128 barcode because the citizen comes back
with this paper and the officer scans it; everything else answers the questions a citizen asks
at the door: what did I apply for, what did I pay, what did I hand in, when do I come back.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from khidmat_desk.core.display import format_money
from khidmat_desk.printing import pieces
from khidmat_desk.printing.barcodes import Dots, draw_qr, qr_matrix, qr_size
from khidmat_desk.printing.content import Issue, ReceiptContent
from khidmat_desk.printing.flow import Flow
from khidmat_desk.printing.fonts import SANS, SANS_BOLD, register_fonts
from khidmat_desk.printing.templates import ReceiptFormat, Templates

MM = 72 / 25.4
DATE = "%d-%m-%Y"
DATE_TIME = "%d-%m-%Y %H:%M"


def render_receipt(content: ReceiptContent, issue: Issue, templates: Templates,
                   fmt: ReceiptFormat) -> bytes:
    register_fonts()
    margin = fmt.margin_mm * MM
    width = fmt.page_width_mm * MM
    flow = Flow(width - 2 * margin)
    _compose(flow, content, issue, templates, fmt)
    height = (fmt.page_height_mm * MM if fmt.page_height_mm else flow.height + 2 * margin)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), pageCompression=1, initialFontName=SANS)
    canvas.setTitle(f"Receipt {content.tracking_number}")
    canvas.setAuthor(f"Police Khidmat Markaz {issue.centre_code}")
    flow.render(canvas, margin, height - margin)
    if fmt.half_page:
        # A long application may need more than half the sheet: cut below it, not through it.
        _cut_line(canvas, width, min(height / 2, height - margin - flow.height - 6 * MM))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _compose(flow: Flow, content: ReceiptContent, issue: Issue, templates: Templates,
             fmt: ReceiptFormat) -> None:
    size = fmt.text_size
    receipt = templates.receipt
    pieces.letterhead(flow, templates.branding, issue, size=size)
    flow.rule()
    pieces.titles(flow, receipt["title"], receipt["title_ur"], size=size * 1.1)
    pieces.copy_mark(flow, templates.branding, issue, size=size * 1.2)
    if fmt.half_page:
        _two_columns(flow, content, issue, templates, fmt)
        return
    _number(flow, content, fmt)
    flow.rule()
    _applicant(flow, content, size)
    flow.rule(dash=True)
    _payment(flow, content, templates.receipt, size)
    _documents(flow, content, size)
    flow.rule(dash=True)
    _issued(flow, content, issue, size)
    _status_qr(flow, content, fmt)
    flow.rule()
    _notes(flow, content, templates, size)


def _two_columns(flow: Flow, content: ReceiptContent, issue: Issue, templates: Templates,
                 fmt: ReceiptFormat) -> None:
    """Half an A4 sheet is wide and short: the number, barcode and issuing details on the
    right, what was applied for on the left."""
    size = fmt.text_size
    gap = 8 * MM
    left, right = Flow((flow.width - gap) * 0.56), Flow((flow.width - gap) * 0.44)
    _applicant(left, content, size)
    left.rule(dash=True)
    _payment(left, content, templates.receipt, size)
    _documents(left, content, size)
    _number(right, content, fmt)
    right.rule(dash=True)
    _issued(right, content, issue, size)
    _status_qr(right, content, fmt)

    def draw(canvas: Canvas, x: float, top: float) -> None:
        left.render(canvas, x, top)
        right.render(canvas, x + left.width + gap, top)

    flow.space(4)
    flow.add(max(left.height, right.height), draw)
    flow.rule()
    _notes(flow, content, templates, size)


def _number(flow: Flow, content: ReceiptContent, fmt: ReceiptFormat) -> None:
    flow.lines(content.tracking_number, size=fmt.tracking_size, font=SANS_BOLD, align="centre")
    flow.space(fmt.text_size * 0.4)
    pieces.barcode(flow, content.tracking_number, Dots(fmt.barcode_dpi, fmt.barcode_dots),
                   height_mm=fmt.barcode_height_mm, size=fmt.text_size * 0.85)


def _notes(flow: Flow, content: ReceiptContent, templates: Templates, size: float) -> None:
    """"Bring this when you collect your document" only where there is a document to
    collect; otherwise what the number is for."""
    receipt = templates.receipt
    key = "note" if content.collect else "note_no_document"
    flow.lines(receipt[key], size=size * 0.9)
    flow.urdu_lines(receipt[f"{key}_ur"], size=size * 0.9)
    flow.lines(templates.branding["contact_line"], size=size * 0.85, align="centre")


def _applicant(flow: Flow, content: ReceiptContent, size: float) -> None:
    label = flow.width * 0.36
    pieces.row(flow, "Service", content.service.title, size=size, label_width=label,
               label_ur=content.service.title_ur, bold_value=True)
    if content.name:  # a discreet receipt withholds it: no empty row hints that it did
        pieces.row(flow, "Name", content.name, size=size, label_width=label)
    if content.name_ur:
        pieces.row(flow, "Name (Urdu)", content.name_ur, size=size, label_width=label)
    if content.masked_id:
        pieces.row(flow, "ID number", content.masked_id, size=size, label_width=label)
    if content.token_no:
        pieces.row(flow, "Token", content.token_no, size=size, label_width=label)
    pieces.row(flow, "Submitted", content.submitted_at.strftime(DATE_TIME), size=size,
               label_width=label)
    if content.collect:
        pieces.row(flow, "Collect from", content.expected_on.strftime("%A %d-%m-%Y"),
                   size=size, label_width=label, bold_value=True)
    elif content.expected_on > content.submitted_at.date():
        pieces.row(flow, "Result expected", content.expected_on.strftime("%A %d-%m-%Y"),
                   size=size, label_width=label, bold_value=True)


def _payment(flow: Flow, content: ReceiptContent, receipt: dict[str, Any],
             size: float) -> None:
    for item, amount in content.fee_items:
        pieces.amount_row(flow, item, format_money(amount), size=size)
    pieces.amount_row(flow, "Total", _fee_text(content, receipt), size=size, bold=True)


def _fee_text(content: ReceiptContent, receipt: dict[str, Any]) -> str:
    """Paid, free, or not set: an unknown fee is never printed as a free service. A centre
    that wants "as notified" there says so in its receipt.json."""
    if content.fee_state == "paid" and content.fee_total > 0:
        return f"{format_money(content.fee_total)} paid ({content.payment_method})"
    if content.fee_state == "free":
        return str(receipt["fee_free"])
    if receipt.get("fee_not_set_prints") == "as-notified":
        return str(receipt["fee_as_notified"])
    return str(receipt["fee_not_set"])


def _documents(flow: Flow, content: ReceiptContent, size: float) -> None:
    if not content.documents:
        flow.lines("Documents received: none", size=size)
        return
    flow.lines("Documents received:", size=size, font=SANS_BOLD)
    for label in content.documents:
        flow.lines(f"• {label}", size=size * 0.92, indent=size, font=SANS)


def _issued(flow: Flow, content: ReceiptContent, issue: Issue, size: float) -> None:
    label = flow.width * 0.36
    pieces.row(flow, "Counter", f"{issue.counter} · {issue.centre_code}", size=size,
               label_width=label)
    pieces.row(flow, "Officer", issue.officer, size=size, label_width=label)
    pieces.row(flow, "Printed", f"{issue.printed_at.strftime(DATE_TIME)} · copy {issue.copy_no}",
               size=size, label_width=label)


def _status_qr(flow: Flow, content: ReceiptContent, fmt: ReceiptFormat) -> None:
    """A QR code to the public status lookup (status only, nothing personal in it or on the
    page it opens), with the code to type for a reader without a phone."""
    if not content.status_url or not content.status_code:
        return
    matrix = qr_matrix(content.status_url)
    module = 3 * 25.4 / fmt.barcode_dpi * MM if fmt.barcode_dpi < 300 else 0.4 * MM
    side = qr_size(matrix, module)
    size = fmt.text_size * 0.85
    code = f"{content.status_code[:4]}-{content.status_code[4:]}"
    page = content.status_url.split("?", 1)[0]

    def draw(canvas: Canvas, x: float, top: float) -> None:
        draw_qr(canvas, matrix, x + (flow.width - side) / 2, top - side, module)

    flow.space(size * 0.5)
    flow.add(side, draw)
    flow.lines(f"Application status: scan the code, or open {page} and type the number above "
               f"and the code {code}", size=size, align="centre")


def _cut_line(canvas: Canvas, width: float, y: float) -> None:
    canvas.saveState()
    canvas.setDash(4, 3)
    canvas.setLineWidth(0.5)
    canvas.line(8 * MM, y, width - 8 * MM, y)
    canvas.setFont(SANS, 7)
    canvas.drawString(8 * MM, y - 9, "cut here: citizen's copy above")
    canvas.restoreState()
