"""Each service's output document on A4: certificate, letter, report or slip.

Wording and the answers shown come from ``documents.json``; this module only lays them out:
letterhead, title in English and Urdu, reference block with the tracking barcode, the
statement, the particulars, any table of periods or items, the signed QR code and signatures.
"""

from __future__ import annotations

import io
import string
from datetime import timedelta
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from khidmat_desk.core.display import format_value
from khidmat_desk.core.fields import Field, FieldType
from khidmat_desk.printing import pieces, urdu
from khidmat_desk.printing.barcodes import Dots, draw_qr, qr_matrix, qr_size
from khidmat_desk.printing.content import DocumentContent, Issue, PrintedFinding
from khidmat_desk.printing.flow import Flow, fit
from khidmat_desk.printing.fonts import SANS, SANS_BOLD, register_fonts
from khidmat_desk.printing.templates import DocumentTemplate, Section, Templates

MM = 72 / 25.4
MARGIN = 16 * MM
TEXT = 9.5
#: A4 is printed on office lasers (600 dpi): 8 dots = 0.34 mm modules.
BARCODE_DOTS = Dots(600, 8)
QR_MODULE = 0.5 * MM
FOOTER_HEIGHT = 40 * MM
#: The body stops this far above the bottom edge (room for the page number).
BOTTOM = 20 * MM


def render_document(content: DocumentContent, issue: Issue, templates: Templates) -> bytes:
    register_fonts()
    template = templates.document(content.output.key)
    width, height = A4
    flow = Flow(width - 2 * MARGIN)
    _compose(flow, content, issue, templates, template)
    body = height - MARGIN - BOTTOM
    pages = flow.pages(body, body - FOOTER_HEIGHT)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1, initialFontName=SANS)
    canvas.setTitle(f"{content.output.title} {content.tracking_number}")
    canvas.setAuthor(f"Police Khidmat Markaz {issue.centre_code}")
    for number, blocks in enumerate(pages, start=1):
        _frame(canvas, width, height)
        top = height - MARGIN
        if number > 1:
            canvas.setFont(SANS, 8)
            canvas.drawString(MARGIN, top, f"{content.output.title} {content.tracking_number} "
                                           "(continued)")
            top -= 14
        for offset, draw in blocks:
            draw(canvas, MARGIN, top - offset)
        if len(pages) > 1:
            canvas.setFont(SANS, 8)
            canvas.drawRightString(width - MARGIN, height - 13.5 * MM,
                                   f"Page {number} of {len(pages)}")
        if number == len(pages):
            _footer(canvas, content, issue, templates, template)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _frame(canvas: Canvas, width: float, height: float) -> None:
    """A double border: the look of an issued paper rather than a printout."""
    canvas.saveState()
    canvas.setLineWidth(1.4)
    canvas.rect(9 * MM, 9 * MM, width - 18 * MM, height - 18 * MM)
    canvas.setLineWidth(0.4)
    canvas.rect(10.5 * MM, 10.5 * MM, width - 21 * MM, height - 21 * MM)
    canvas.restoreState()


def _compose(flow: Flow, content: DocumentContent, issue: Issue, templates: Templates,
             template: DocumentTemplate) -> None:
    pieces.letterhead(flow, templates.branding, issue, size=TEXT + 1)
    flow.rule(weight=1.0)
    pieces.titles(flow, content.output.title, content.output.title_ur, size=TEXT + 5)
    pieces.copy_mark(flow, templates.branding, issue, size=TEXT + 2)
    _reference(flow, content, issue, template)
    flow.space(4)
    if template.statement:
        flow.lines(_fill(template.statement, content), size=TEXT + 0.5)
        flow.space(3)
    statement_ur = template.statement_ur.replace(
        "{finding_ur}", content.finding.statement_ur if content.finding else "").strip()
    if statement_ur:
        flow.urdu_lines(statement_ur, size=TEXT + 1)
    if template.finding and content.finding is not None:
        _finding(flow, content.finding)
    for section in template.sections:
        _section(flow, content, section)


def _finding(flow: Flow, finding: PrintedFinding) -> None:
    """What the police found and where it came from, as recorded by the verifier."""
    _heading(flow, Section("Police finding", "پولیس رپورٹ"))
    decision = "Verified" if finding.outcome == "verified" else "Rejected"
    rows = [("Decision", "فیصلہ", decision),
            (finding.status_row, finding.status_row_ur, finding.status_label)]
    if finding.reference:
        rows.append((finding.reference_label, finding.reference_label_ur, finding.reference))
    if finding.reference_date:
        rows.append(("Reference date", "تاریخ", finding.reference_date.strftime("%d-%m-%Y")))
    if finding.remark:
        rows.append(("Reason" if finding.outcome == "rejected" else "Remark",
                     "وجہ" if finding.outcome == "rejected" else "کیفیت", finding.remark))
    rows.append(("Recorded by", "", finding.decided_by))
    for label, label_ur, value in rows:
        pieces.row(flow, label, value, size=TEXT, label_width=62 * MM, label_ur=label_ur,
                   bold_value=label == finding.status_row)


def _reference(flow: Flow, content: DocumentContent, issue: Issue,
               template: DocumentTemplate) -> None:
    """Reference number, dates and status on the left; the tracking barcode on the right."""
    label = 34 * MM
    half = Flow(flow.width * 0.52)
    pieces.row(half, "Reference no.", content.tracking_number, size=TEXT, label_width=label,
               bold_value=True)
    pieces.row(half, "Date of issue", content.issued_on.strftime("%d-%m-%Y"), size=TEXT,
               label_width=label)
    if template.validity_days:
        until = content.issued_on + timedelta(days=template.validity_days)
        pieces.row(half, "Valid until", until.strftime("%d-%m-%Y"), size=TEXT, label_width=label)
    code = Flow(flow.width * 0.45)
    pieces.barcode(code, content.tracking_number, BARCODE_DOTS, height_mm=11, size=TEXT - 1)

    def draw(canvas: Canvas, x: float, top: float) -> None:
        half.render(canvas, x, top)
        code.render(canvas, x + flow.width * 0.55, top)

    flow.add(max(half.height, code.height), draw)


def _section(flow: Flow, content: DocumentContent, section: Section) -> None:
    fields = content.service.field_map()
    if section.table:
        group = fields.get(section.table)
        rows = content.answers.get(section.table) or []
        if group is not None and rows:
            _heading(flow, section)
            _table(flow, group, rows)
        return
    shown = [(fields[k], content.answers[k]) for k in section.fields
             if k in fields and content.answers.get(k) not in (None, "", [])]
    if not shown:
        return
    _heading(flow, section)
    for label, label_ur, value in _rows(shown, content.answers):
        pieces.row(flow, label, value, size=TEXT, label_width=62 * MM, label_ur=label_ur)


def _rows(shown: list[tuple[Field, Any]],
          answers: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(label, Urdu label, value) per answer. "Relation: Son of" and "Father's name: X" read
    as one line "Son of: X"; a CNIC is labelled with the card the person showed."""
    keys = {f.key for f, _ in shown}
    rows = []
    for f, value in shown:
        prefix = f.key[: -len("relation")] if f.key.endswith("relation") else None
        if prefix is not None and f"{prefix}guardian_name" in keys and f.options:
            option = next((o for o in f.options if o.value == value), None)
            guardian = answers[f"{prefix}guardian_name"]
            rows.append((option.label if option else f.label,
                         option.label_ur if option else f.label_ur, str(guardian)))
        elif f.key.endswith("guardian_name") and f"{f.key[:-13]}relation" in keys:
            continue
        elif f.type is FieldType.CNIC:
            rows.append((f"{_card(f, answers)} number", f.label_ur, _text(f, value)))
        else:
            rows.append((f.label, f.label_ur, _text(f, value)))
    return rows


def _card(f: Field, answers: dict[str, Any]) -> str:
    id_type = answers.get(f"{f.key[: -len('cnic')]}id_type", "cnic")
    return {"b-form": "B-Form", "nicop": "NICOP"}.get(str(id_type), "CNIC")


def _text(f: Field, value: Any) -> str:
    if f.type is FieldType.BOOLEAN:
        return "Yes" if value else "No"
    return format_value(f, value)


def _heading(flow: Flow, section: Section) -> None:
    flow.space(3)
    size = TEXT + 1

    def draw(canvas: Canvas, x: float, top: float) -> None:
        canvas.saveState()
        canvas.setFillGray(0.9)
        canvas.rect(x, top - size * 1.9, flow.width, size * 1.9, stroke=0, fill=1)
        canvas.setFillGray(0)
        canvas.setFont(SANS_BOLD, size)
        canvas.drawString(x + 4, top - size * 1.3, section.heading)
        if section.heading_ur:
            urdu.draw_line(canvas, section.heading_ur, x + flow.width - 4, top - size * 1.4,
                           size)
        canvas.restoreState()

    flow.add(size * 1.9 + 2, draw)


def _table(flow: Flow, group: Field, rows: list[dict[str, Any]]) -> None:
    columns = group.fields
    cell = flow.width / len(columns)
    size = TEXT

    def line(values: list[str], font: str) -> None:
        def draw(canvas: Canvas, x: float, top: float) -> None:
            canvas.setFont(font, size)
            for i, value in enumerate(values):
                canvas.drawString(x + i * cell + 4, top - size * 1.2, fit(value, font, size,
                                                                        cell - 8))
            canvas.setLineWidth(0.3)
            canvas.line(x, top - size * 1.6, x + flow.width, top - size * 1.6)

        flow.add(size * 1.7, draw)

    line([c.label for c in columns], SANS_BOLD)
    for item in rows:
        line([_text(c, item.get(c.key)) if item.get(c.key) is not None else "" for c in columns],
             SANS)


def _footer(canvas: Canvas, content: DocumentContent, issue: Issue, templates: Templates,
            template: DocumentTemplate) -> None:
    """QR code bottom left, signatures bottom right, issuing details along the bottom edge."""
    width, _ = A4
    bottom = 14 * MM
    if content.qr_payload:
        matrix = qr_matrix(content.qr_payload)
        side = qr_size(matrix, QR_MODULE)
        draw_qr(canvas, matrix, MARGIN - 4 * QR_MODULE, bottom + 6 * MM, QR_MODULE)
    else:
        side = 34 * MM
        canvas.saveState()
        canvas.setDash(2, 2)
        canvas.rect(MARGIN, bottom + 6 * MM, side - 8 * QR_MODULE, side - 8 * QR_MODULE)
        canvas.setFont(SANS, 7)
        canvas.drawString(MARGIN + 2, bottom + 6 * MM + side / 2 - 6, "QR code is added")
        canvas.drawString(MARGIN + 2, bottom + 6 * MM + side / 2 - 15, "when issued")
        canvas.restoreState()
    _signatures(canvas, template.signatures, MARGIN + side + 4 * MM, width - MARGIN,
                bottom + 22 * MM)
    canvas.setFont(SANS, 7)
    canvas.drawString(MARGIN, bottom, f"Issued by {issue.officer}, counter {issue.counter}, "
                      f"{issue.centre_code}, {issue.printed_at.strftime('%d-%m-%Y %H:%M')}, "
                      f"copy {issue.copy_no}. {templates.branding['computer_note']}")
    note = templates.branding["verify_note"]
    canvas.setFont(SANS, 7)
    text = canvas.beginText(MARGIN + side + 4 * MM, bottom + 12 * MM)
    for line in simpleSplit(note, SANS, 7, width - 2 * MARGIN - side - 4 * MM):
        text.textLine(line)
    canvas.drawText(text)


def _signatures(canvas: Canvas, names: tuple[str, ...], left: float, right: float,
                y: float) -> None:
    if not names:
        return
    slot = (right - left) / len(names)
    canvas.setFont(SANS, 8)
    for i, name in enumerate(names):
        x0 = left + i * slot + 4 * MM
        canvas.setLineWidth(0.5)
        canvas.line(x0, y + 12 * MM, x0 + slot - 8 * MM, y + 12 * MM)
        middle = x0 + (slot - 8 * MM) / 2
        canvas.drawCentredString(middle, y + 12 * MM - 10, name)
        canvas.drawCentredString(middle, y + 12 * MM - 20, "(signature and stamp)")


class _Answers(string.Formatter):
    """Fills {field} from the formatted answers; an unanswered field becomes empty text."""

    def __init__(self, content: DocumentContent) -> None:
        self.content = content
        self.fields = content.service.field_map()

    def get_value(self, key: int | str, args: Any, kwargs: Any) -> Any:
        finding = self.content.finding
        special = {"holder": self.content.holder, "holder_id": self.content.holder_id,
                   "tracking": self.content.tracking_number,
                   "issued": self.content.issued_on.strftime("%d-%m-%Y"),
                   "service": self.content.service.title,
                   "finding": finding.statement if finding else "",
                   "finding_reference": finding.reference if finding else ""}
        if key in special:
            return special[key]
        f = self.fields.get(str(key))
        value = self.content.answers.get(str(key))
        return "" if f is None or value is None else _text(f, value)


def _fill(statement: str, content: DocumentContent) -> str:
    text = _Answers(content).format(statement)
    return " ".join(text.replace(" ,", ",").split()).replace(", ,", ",")
