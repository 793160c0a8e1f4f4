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
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfgen.canvas import Canvas

from khidmat_desk.core.display import format_value
from khidmat_desk.core.fields import Field, FieldType, Service
from khidmat_desk.core.validators import is_blank
from khidmat_desk.printing import pieces, urdu
from khidmat_desk.printing.barcodes import Dots, draw_qr, qr_matrix, qr_size
from khidmat_desk.printing.content import FINDING_STATUS, DocumentContent, Issue, PrintedFinding
from khidmat_desk.printing.flow import (
    LATIN_ASCENT,
    LATIN_LEADING,
    URDU_ASCENT,
    URDU_DESCENT,
    Flow,
    fit,
    wrap_latin,
)
from khidmat_desk.printing.fonts import SANS, SANS_BOLD, register_fonts
from khidmat_desk.printing.templates import DocumentTemplate, Section, Signatory, Templates

MM = 72 / 25.4
MARGIN = 16 * MM
TEXT = 9.5
#: A4 is printed on office lasers (600 dpi): 8 dots = 0.34 mm modules.
BARCODE_DOTS = Dots(600, 8)
QR_MODULE = 0.5 * MM
#: A QR code that carries every fact of a long document gets smaller modules, down to 8 dots
#: of a 600 dpi laser (0.34 mm), so it stays within this side.
QR_MAX_SIDE = 40 * MM
QR_MIN_DOTS = 8
FOOTER_HEIGHT = 40 * MM
#: A passport-size photograph (35 x 45 mm) reduced to fit beside the barcode.
PHOTO_WIDTH = 26 * MM
PHOTO_HEIGHT = 33 * MM
PHOTO_COLUMN = PHOTO_WIDTH + 4 * MM
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
            canvas.drawRightString(width - MARGIN, height - 14.5 * MM,
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
    if template.issuing_authority:
        flow.lines(template.issuing_authority, size=TEXT, align="centre")
        flow.space(5)
    pieces.copy_mark(flow, templates.branding, issue, size=TEXT + 2)
    _reference(flow, content, issue, template)
    flow.space(4)
    wording = template.for_answers(content.answers)
    if wording.addressee:
        flow.lines(wording.addressee, size=TEXT + 0.5, font=SANS_BOLD)
        flow.space(2)
    if wording.statement:
        flow.lines(_fill(wording.statement, content), size=TEXT + 0.5)
        flow.space(3)
    if wording.statement_ur:
        flow.urdu_lines(_fill(wording.statement_ur, content, urdu=True), size=TEXT + 1)
    if template.finding and content.finding is not None:
        _finding(flow, content.finding)
    for section in template.sections:
        _section(flow, content, section)


def _finding(flow: Flow, finding: PrintedFinding) -> None:
    """What the police found and where it came from, as recorded by the verifier."""
    _heading(flow, Section("Police finding", "پولیس رپورٹ"))
    for key, label, label_ur, value in finding.rows():
        pieces.row(flow, label, value, size=TEXT, label_width=62 * MM, label_ur=label_ur,
                   bold_value=key == FINDING_STATUS)


def _reference(flow: Flow, content: DocumentContent, issue: Issue,
               template: DocumentTemplate) -> None:
    """Reference number, dates and status on the left; the tracking barcode on the right,
    and the person's photograph beside it on a document that prints one."""
    photo = content.output.photo
    label = (24 if photo else 34) * MM
    half = Flow(flow.width * (0.42 if photo else 0.52))
    pieces.row(half, "Reference no.", content.tracking_number, size=TEXT, label_width=label,
               bold_value=True)
    pieces.row(half, "Date of issue", content.issued_on.strftime("%d-%m-%Y"), size=TEXT,
               label_width=label)
    if template.validity_days:
        until = content.issued_on + timedelta(days=template.validity_days)
        pieces.row(half, "Valid until", until.strftime("%d-%m-%Y"), size=TEXT, label_width=label)
    code_left = flow.width * (0.44 if photo else 0.55)
    code = Flow(flow.width * (0.56 - PHOTO_COLUMN / flow.width) if photo else flow.width * 0.45)
    pieces.barcode(code, content.tracking_number, BARCODE_DOTS, height_mm=11, size=TEXT - 1)
    height = max(half.height, code.height, PHOTO_HEIGHT + 12 if photo else 0)

    def draw(canvas: Canvas, x: float, top: float) -> None:
        half.render(canvas, x, top)
        code.render(canvas, x + code_left, top)
        if photo:
            _photo(canvas, content, x + flow.width - PHOTO_WIDTH, top)

    flow.add(height, draw)


def _photo(canvas: Canvas, content: DocumentContent, x: float, top: float) -> None:
    """The photograph, framed, with the start of its SHA-256 under it; without one, an empty
    frame says so rather than leaving a space that someone could paste a picture into."""
    canvas.saveState()
    canvas.setLineWidth(0.6)
    canvas.rect(x, top - PHOTO_HEIGHT, PHOTO_WIDTH, PHOTO_HEIGHT)
    if content.photo_jpeg:
        image = ImageReader(io.BytesIO(content.photo_jpeg))
        width, height = image.getSize()
        scale = min(PHOTO_WIDTH / width, PHOTO_HEIGHT / height)
        w, h = width * scale, height * scale
        bottom = top - PHOTO_HEIGHT + (PHOTO_HEIGHT - h) / 2
        canvas.drawImage(image, x + (PHOTO_WIDTH - w) / 2, bottom, w, h)
        canvas.setFont(SANS, 6)
        canvas.drawCentredString(x + PHOTO_WIDTH / 2, top - PHOTO_HEIGHT - 7,
                                 f"Photo {(content.photo_sha256 or '')[:16]}")
    else:
        canvas.setFont(SANS, 7)
        canvas.drawCentredString(x + PHOTO_WIDTH / 2, top - PHOTO_HEIGHT / 2 + 4,
                                 "No photograph")
        canvas.drawCentredString(x + PHOTO_WIDTH / 2, top - PHOTO_HEIGHT / 2 - 5, "on record")
    canvas.restoreState()


#: What a statement may name besides answers (documents.json's "_about" says what each is).
STATEMENT_WORDS = frozenset({"holder", "holder_id", "holder_ur", "id_number", "tracking",
                             "centre", "issued", "collected", "service", "finding",
                             "finding_ur", "finding_reference"})


def printable_fields(service: Service) -> dict[str, Field]:
    """The service's fields and, where it records a handover, the handover's fields: what a
    layout may name."""
    handover = service.handover.fields if service.handover else ()
    return {**service.field_map(), **{f.key: f for f in handover}}


def _section(flow: Flow, content: DocumentContent, section: Section) -> None:
    fields = printable_fields(content.service)
    if section.table:
        group = fields.get(section.table)
        rows = content.answers.get(section.table) or []
        if group is not None and rows:
            _heading(flow, section)
            _table(flow, group, rows)
        return
    shown = [(fields[k], content.answers[k]) for k in section.fields
             if k in fields and not is_blank(content.answers.get(k))]
    if not shown:
        return
    _heading(flow, section)
    rows = _rows(shown, content.answers)
    for (_, label, label_ur, value), after in zip(rows, [*rows[1:], None], strict=True):
        # an address, its district and its police station stay on one page
        with_next = after is not None and after[0].type in _PLACE_PARTS
        pieces.row(flow, label, value, size=TEXT, label_width=62 * MM, label_ur=label_ur,
                   keep_with_next=with_next)


_PLACE_PARTS = (FieldType.DISTRICT, FieldType.POLICE_STATION)


def _rows(shown: list[tuple[Field, Any]],
          answers: dict[str, Any]) -> list[tuple[Field, str, str, str]]:
    """(field, label, Urdu label, value) per answer. "Relation: Son of" and "Father's name: X"
    read as one line "Son of: X"; a CNIC is labelled with the card the person showed."""
    keys = {f.key for f, _ in shown}
    read_with_relation = {f.guardian_field for f, _ in shown if f.guardian_field}
    rows = []
    for f, value in shown:
        if f.guardian_field and f.guardian_field in keys and f.options:
            option = next((o for o in f.options if o.value == value), None)
            guardian = answers[f.guardian_field]
            rows.append((f, option.label if option else f.label,
                         option.label_ur if option else f.label_ur, str(guardian)))
        elif f.key in read_with_relation:
            continue
        elif f.type is FieldType.CNIC and f.id_type_field and f.id_type_field in answers:
            rows.append((f, f"{_card(f, answers)} number", f.label_ur, _text(f, value)))
        else:
            rows.append((f, f.label, f.label_ur, _text(f, value)))
    return rows


def _card(f: Field, answers: dict[str, Any]) -> str:
    """The card a CNIC field's number is on, as its declared id-type field says."""
    id_type = answers.get(f.id_type_field, "cnic")
    return {"b-form": "B-Form", "nicop": "NICOP"}.get(str(id_type), "CNIC")


def _text(f: Field, value: Any) -> str:
    if f.type is FieldType.BOOLEAN:
        return "Yes" if value else "No"
    return format_value(f, value)


def _heading(flow: Flow, section: Section) -> None:
    """A grey band with the English heading on the left and the Urdu on the right."""
    flow.space(3)
    size = TEXT + 1
    ur_size = size * 0.9
    pad = size * 0.3
    ascent = ur_size * URDU_ASCENT if section.heading_ur else size
    height = pad + ascent + (ur_size * URDU_DESCENT if section.heading_ur else size * 0.5) + pad
    english_room = flow.width - 12 - (urdu.line_width(section.heading_ur, ur_size)
                                      if section.heading_ur else 0)
    heading = fit(section.heading, SANS_BOLD, size, english_room)

    def draw(canvas: Canvas, x: float, top: float) -> None:
        canvas.saveState()
        canvas.setFillGray(0.9)
        canvas.rect(x, top - height, flow.width, height, stroke=0, fill=1)
        canvas.setFillGray(0)
        canvas.setFont(SANS_BOLD, size)
        canvas.drawString(x + 4, top - pad - ascent, heading)
        if section.heading_ur:
            urdu.draw_line(canvas, section.heading_ur, x + flow.width - 4, top - pad - ascent,
                           ur_size)
        canvas.restoreState()

    flow.add(height + 2, draw, keep_with_next=True)


def _table(flow: Flow, group: Field, rows: list[dict[str, Any]]) -> None:
    """One line per item; a long cell wraps inside its column rather than being cut."""
    columns = group.fields
    cell = flow.width / len(columns)
    size = TEXT
    leading = size * LATIN_LEADING

    def line(values: list[str], font: str, *, keep: bool = False) -> None:
        cells = [wrap_latin(value, font, size, cell - 8) for value in values]
        height = leading * max(len(c) for c in cells) + size * 0.4

        def draw(canvas: Canvas, x: float, top: float) -> None:
            canvas.setFont(font, size)
            for i, lines in enumerate(cells):
                for n, text in enumerate(lines):
                    canvas.drawString(x + i * cell + 4, top - size * LATIN_ASCENT - n * leading,
                                      text)
            canvas.setLineWidth(0.3)
            canvas.line(x, top - height + 1, x + flow.width, top - height + 1)

        flow.add(height + 1, draw, keep_with_next=keep)

    line([c.label for c in columns], SANS_BOLD, keep=True)
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
        module = _qr_module(len(matrix))
        side = qr_size(matrix, module)
        draw_qr(canvas, matrix, MARGIN - 4 * module, bottom + 6 * MM, module)
        _verification_code(canvas, content, MARGIN + side + 4 * MM, bottom + 20 * MM)
    else:
        side = 34 * MM
        canvas.saveState()
        canvas.setDash(2, 2)
        canvas.rect(MARGIN, bottom + 6 * MM, side - 8 * QR_MODULE, side - 8 * QR_MODULE)
        canvas.setFont(SANS, 7)
        canvas.drawString(MARGIN + 2, bottom + 6 * MM + side / 2 - 6, "QR code is added")
        canvas.drawString(MARGIN + 2, bottom + 6 * MM + side / 2 - 15, "when issued")
        canvas.restoreState()
    _signatures(canvas, template.signatories, MARGIN + side + 4 * MM, width - MARGIN,
                bottom + 22 * MM)
    canvas.setFont(SANS, 7)
    issued = (f"Issued by {issue.officer}, counter {issue.counter}, {issue.centre_code}, "
              f"{issue.printed_at.strftime('%d-%m-%Y %H:%M')}, copy {issue.copy_no}. "
              f"{templates.branding['computer_note']}")
    lines = wrap_latin(issued, SANS, 7, width - 2 * MARGIN)[:2]
    for n, line in enumerate(reversed(lines)):
        canvas.drawString(MARGIN, bottom + n * 8.5, line)
    note = templates.branding["verify_note"]
    canvas.setFont(SANS, 7)
    text = canvas.beginText(MARGIN + side + 4 * MM, bottom + 12 * MM)
    for line in simpleSplit(note, SANS, 7, width - 2 * MARGIN - side - 4 * MM):
        text.textLine(line)
    canvas.drawText(text)


def _qr_module(modules: int) -> float:
    dot = 72 / 600
    fitted = int(QR_MAX_SIDE / (modules + 8) / dot) * dot
    return max(QR_MIN_DOTS * dot, min(QR_MODULE, fitted))


def _verification_code(canvas: Canvas, content: DocumentContent, x: float, y: float) -> None:
    """The code that opens this copy on the public page, for a reader without a phone."""
    if not content.verification_code:
        return
    code = f"{content.verification_code[:4]}-{content.verification_code[4:]}"
    canvas.setFont(SANS_BOLD, 8)
    canvas.drawString(x, y, f"Verification code {code}")
    if content.verification_url:
        canvas.setFont(SANS, 7)
        page = content.verification_url.split("?", 1)[0]
        canvas.drawString(x, y - 9, f"at {page} with the reference number")


def _signatures(canvas: Canvas, people: tuple[Signatory, ...], left: float, right: float,
                y: float) -> None:
    """A line to sign on for each signatory; under it the name and rank a centre has set,
    then the office, so the paper says who signed and in what capacity."""
    if not people:
        return
    slot = (right - left) / len(people)
    for i, person in enumerate(people):
        x0 = left + i * slot + 4 * MM
        room = slot - 8 * MM
        canvas.setLineWidth(0.5)
        canvas.line(x0, y + 12 * MM, x0 + room, y + 12 * MM)
        middle = x0 + room / 2
        named = ", ".join(p for p in (person.name, person.rank) if p)
        lines = [*((SANS_BOLD, line) for line in wrap_latin(named, SANS_BOLD, 8, room)[:2]
                   if named),
                 (SANS, person.title), (SANS, "(signature and stamp)")]
        baseline = y + 12 * MM - 10
        for font, text in lines:
            if not text:
                continue
            canvas.setFont(font, 8)
            canvas.drawCentredString(middle, baseline, fit(text, font, 8, room))
            baseline -= 10


class _Answers(string.Formatter):
    """Fills {field} from the formatted answers; an unanswered field becomes empty text.

    In Urdu wording a choice is given in its Urdu label, {holder_ur} is the Urdu name (the
    English one when none was typed) and {id_number} is the bare card number.
    """

    def __init__(self, content: DocumentContent, *, urdu: bool) -> None:
        self.content = content
        self.urdu = urdu
        self.fields = printable_fields(content.service)

    def get_value(self, key: int | str, args: Any, kwargs: Any) -> Any:
        content = self.content
        finding = content.finding
        special = {"holder": content.holder, "holder_id": content.holder_id,
                   "holder_ur": content.holder_ur or content.holder,
                   "id_number": content.holder_id.rsplit(" ", 1)[-1],
                   "tracking": content.tracking_number,
                   "issued": content.issued_on.strftime("%d-%m-%Y"),
                   "service": content.service.title,
                   "finding": finding.statement if finding else "",
                   "finding_ur": finding.statement_ur if finding else "",
                   "finding_reference": finding.reference if finding else "",
                   "collected": str(content.answers.get("collected") or "")}
        if key in special:
            return special[str(key)]
        f = self.fields.get(str(key))
        value = content.answers.get(str(key))
        if f is None or value is None:
            return ""
        if self.urdu and f.options:
            chosen = value if isinstance(value, list) else [value]
            labels = [o.label_ur or o.label for o in f.options if o.value in chosen]
            if labels:
                return "، ".join(labels)
        return _text(f, value)


def _fill(statement: str, content: DocumentContent, *, urdu: bool = False) -> str:
    text = _Answers(content, urdu=urdu).format(statement)
    return " ".join(text.replace(" ,", ",").split()).replace(", ,", ",")
