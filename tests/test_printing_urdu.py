"""Urdu on paper: joined Nastaliq (not isolated letters), right to left, numbers kept in order."""

from __future__ import annotations

import io

from PIL import Image, ImageOps
from printing_helpers import page_images
from reportlab.pdfgen.canvas import Canvas

from khidmat_desk.core.catalogue import all_services
from khidmat_desk.printing import urdu
from khidmat_desk.printing.fonts import URDU, register_fonts

TITLE = "پولیس کریکٹر سرٹیفکیٹ"


def _pdf(draw: object) -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(420, 100))
    draw(canvas)  # type: ignore[operator]
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _ink_box(pdf: bytes) -> tuple[int, int, int, int]:
    image: Image.Image = page_images(pdf, 150)[0]
    box = ImageOps.invert(image).getbbox()
    assert box is not None, "nothing was drawn"
    return box


def test_urdu_is_joined_not_isolated_letters() -> None:
    """The same words drawn letter by letter (no shaping) are more than twice as wide: joined
    Nastaliq stacks its letters, isolated forms sit side by side."""
    shaped = _ink_box(_pdf(lambda c: urdu.draw_line(c, TITLE, 410, 40, 20)))

    def isolated(canvas: Canvas) -> None:
        canvas.setFont(URDU, 20)
        canvas.drawString(10, 40, TITLE)

    letters = _ink_box(_pdf(isolated))
    shaped_width, letters_width = shaped[2] - shaped[0], letters[2] - letters[0]
    assert shaped_width * 1.8 < letters_width


def test_a_right_aligned_line_ends_where_it_is_told() -> None:
    box = _ink_box(_pdf(lambda c: urdu.draw_line(c, TITLE, 300, 40, 20)))
    assert abs(box[2] - 300 * 150 / 72) < 8  # right edge at x=300 pt, within a few pixels


def test_words_are_laid_out_right_to_left() -> None:
    words = [w.source for w in urdu.visual_words("محمد عمران خان", 12)]
    assert words == ["خان", "عمران", "محمد"]  # drawn left to right: the first word is rightmost


def test_numbers_inside_urdu_keep_their_order() -> None:
    line = "شناختی کارڈ نمبر 35202-1234567-1 تاریخ 23-11-2026"
    words = [w.source for w in urdu.visual_words(line, 12)]
    assert words == ["23-11-2026", "تاریخ", "35202-1234567-1", "نمبر", "کارڈ", "شناختی"]
    fonts = {w.source: w.font for w in urdu.visual_words(line, 12)}
    assert fonts["35202-1234567-1"] != fonts["نمبر"]  # digits in the Latin face


def test_a_number_with_an_urdu_comma_stays_a_number() -> None:
    """An address typed as it is written, "12،": the number is not turned round into "21" and
    stands to the right of its comma (it is read first); the word is not dropped by shaping
    that changes nothing (a plain string came back and printing the document failed)."""
    words = urdu.visual_words("مکان نمبر 12، گلی 4، گلبرگ III لاہور", 12)
    drawn = [(w.source, w.joined) for w in words]
    assert drawn == [("لاہور", False), ("III", False), ("گلبرگ", False), ("،", False),
                     ("4", True), ("گلی", False), ("،", False), ("12", True),
                     ("نمبر", False), ("مکان", False)]
    assert all(w.width > 0 for w in words)
    box = _ink_box(_pdf(lambda c: urdu.draw_line(c, "،", 300, 40, 20)))  # a comma alone
    assert box[2] > box[0]


def test_an_english_sentence_keeps_its_order_around_an_urdu_phrase() -> None:
    text = "No record found. کوئی ریکارڈ نہیں"
    assert urdu.base_direction(text) == "L" and urdu.base_direction("کوئی record") == "R"
    words = [w.source for w in urdu.visual_words(text, 12, base="L")]
    assert words == ["No", "record", "found.", "نہیں", "ریکارڈ", "کوئی"]


def test_wrapping_keeps_reading_order_and_width() -> None:
    text = "تصدیق کی جاتی ہے کہ پولیس ریکارڈ کے مطابق درخواست گزار کسی مقدمے میں ملوث نہیں"
    lines = urdu.wrap(text, 150, 12)
    assert len(lines) > 1
    assert " ".join(lines) == text
    assert all(urdu.line_width(line, 12) <= 150 for line in lines if " " in line)


def test_every_urdu_title_and_label_of_the_catalogue_draws() -> None:
    """Some Nastaliq words start with a raised glyph (e.g. «تصدیق»), which makes reportlab
    5.1 raise IndexError when drawn carelessly; every Urdu string we print must draw."""
    texts = {TITLE, "تصدیق کی جاتی ہے"}
    for service in all_services():
        texts.add(service.title_ur)
        texts.update(o.title_ur for o in service.outputs)
        texts.update(f.label_ur for f in service.all_fields() if f.label_ur)

    def draw_all(canvas: Canvas) -> None:
        for text in sorted(texts):
            urdu.draw_line(canvas, text, 410, 40, 10)

    _ink_box(_pdf(draw_all))


def test_a_narrative_keeps_its_paragraphs_each_in_its_own_direction() -> None:
    from khidmat_desk.printing.fonts import SANS
    from khidmat_desk.printing.pieces import _value_lines

    register_fonts()
    lines = _value_lines("ملزمان موٹر سائیکل پر آئے۔\nThey took a Samsung A54.\n\nآخری سطر", 9,
                         SANS, 300)
    assert [(line.text, line.urdu) for line in lines] == [
        ("ملزمان موٹر سائیکل پر آئے۔", True), ("They took a Samsung A54.", False), ("", False),
        ("آخری سطر", True)]
    assert lines[0].base == "R"
