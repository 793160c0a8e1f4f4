"""The counter in Urdu: the queue's headers, statuses and ages, the search's words, and Latin
type-ahead in choice lists whose labels are Urdu."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from gui_driver import ScriptedMessages, show_active
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from khidmat_desk.core.catalogue import get_service
from khidmat_desk.gui.app import Translation
from khidmat_desk.gui.inputs import ChoiceInput
from khidmat_desk.gui.main_window import SummaryModel
from khidmat_desk.gui.session import CounterSession
from khidmat_desk.gui.tasks import TaskRunner
from khidmat_desk.gui.wizard_panel import WizardPanel
from khidmat_desk.gui.words import age_label, search_kind_label, status_label


def plain(text: str) -> str:
    """What is read: without the right-to-left mark an Urdu sentence starting with a value
    carries (it is not shown)."""
    return text.replace("\u200f", "")


@pytest.fixture
def urdu(qtbot: QtBot) -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translation = Translation(app)
    translation.apply("ur")
    yield
    translation.apply("en")


def test_queue_words_are_urdu(urdu: None) -> None:
    model = SummaryModel(urdu=True)
    headers = [model.headerData(n, Qt.Orientation.Horizontal) for n in range(6)]
    assert headers[0] == "ٹریکنگ نمبر" and all(h and h.isascii() is False for h in headers)
    assert status_label("ready") == "وصولی کے لیے تیار"
    assert plain(age_label(timedelta(hours=2, minutes=5))) == "2 گھنٹے 05 منٹ"
    assert plain(age_label(timedelta(days=3))) == "3 دن"
    assert search_kind_label("cnic") == "شناختی کارڈ"


def test_a_finished_application_has_no_age() -> None:
    """The queue's age says how long an application has waited; a delivered or voided one is
    not waiting (its age grew by the hour all day)."""
    from datetime import UTC, datetime
    from types import SimpleNamespace

    model = SummaryModel()
    made = datetime.now(UTC) - timedelta(hours=3)
    model.set_rows([SimpleNamespace(tracking_number=f"LHR01-261201-01-000{n}-1", name="A",
                                    service_code="police-verification", status=status,
                                    created_at=made)
                    for n, status in enumerate(("ready", "delivered", "voided"))])
    ages = [model.data(model.index(n, 4)) for n in range(3)]
    assert ages[0].startswith("3 h") and ages[1:] == ["—", "—"]


def test_the_saved_page_keeps_its_date_in_order_in_urdu(qtbot: QtBot, urdu: None) -> None:
    """The Urdu saved page showed the expected date as 2026-12-04: the date's parts were laid
    out right to left."""
    from types import SimpleNamespace

    from khidmat_desk.core.display import LRI, PDI
    from khidmat_desk.gui.wizard_pages import DonePage

    page = DonePage(lambda: None, lambda: None, lambda: None, urdu=True)
    qtbot.addWidget(page)
    page.show_result(SimpleNamespace(tracking_number="LHR01-261201-01-0004-6", warnings=(),
                                     late=True, fee_total=150), "Rs 150", "04-12-2026")
    assert f"{LRI}04-12-2026{PDI}" in page.details.text()
    assert page.late.text().startswith("یہ درخواست انچارج")  # the late notice, in Urdu


def test_english_stays_english() -> None:
    assert status_label("ready") == "ready for collection"
    assert age_label(timedelta(minutes=19)) == "19 min"


def test_latin_type_ahead_picks_urdu_choices(qtbot: QtBot, urdu: None,
                                             counter_session: CounterSession,
                                             tasks: TaskRunner) -> None:
    counter_session.authenticate("incharge", "counter-pass-1")
    panel = WizardPanel(get_service("character-certificate"), tasks, counter_session,
                        messages=ScriptedMessages(), urdu=True)
    qtbot.addWidget(panel)
    show_active(qtbot, panel)
    form = panel.current_form()
    assert form is not None
    gender = form.rows["gender"].input
    assert isinstance(gender, ChoiceInput)
    gender.widget.setFocus()
    QTest.keyClick(gender.widget, "f")
    assert gender.value() == "female"
    QTest.keyClick(gender.widget, "m")  # a second later: a new search
    qtbot.wait(1100)
    QTest.keyClick(gender.widget, "m")
    assert gender.value() == "male"


def test_the_urdu_district_list_names_districts_in_urdu_and_keeps_the_name(
        qtbot: QtBot, urdu: None, counter_session: CounterSession, tasks: TaskRunner) -> None:
    """The list shows "لاہور (Lahore)"; typing either script finds it; the answer is the
    district's name (what the police stations, search and the record use); a district read
    back from a draft or an earlier visit is shown the same way."""
    from PySide6.QtWidgets import QComboBox

    from khidmat_desk.gui.inputs import PickerInput

    counter_session.authenticate("incharge", "counter-pass-1")
    panel = WizardPanel(get_service("character-certificate"), tasks, counter_session,
                        messages=ScriptedMessages(), urdu=True)
    qtbot.addWidget(panel)
    show_active(qtbot, panel)
    form = panel.forms["addresses"]
    district = next(row.input for row in form.rows.values()
                    if isinstance(row.input, PickerInput)
                    and row.input.field.type.value == "district")
    box = district.widget
    assert isinstance(box, QComboBox)
    shown = [box.itemText(i) for i in range(box.count())]
    assert "لاہور \u2066(Lahore)\u2069" in shown
    for typed in ("Lah", "لاہ"):
        box.lineEdit().clear()
        box.setFocus()
        box.lineEdit().insert(typed)  # (the test keyboard types Latin letters only)
        qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)  # Enter takes the first match
        assert district.value() == "Lahore", typed
    district.set_value("Rawalpindi")
    assert box.currentText().startswith("راولپنڈی") and district.value() == "Rawalpindi"
    tasks.wait()


def test_the_dashboard_speaks_urdu(qtbot: QtBot, urdu: None, counter_session: CounterSession,
                                   tasks: TaskRunner) -> None:
    """Categories from the categories file's Urdu, the counter named set-up's way in Urdu, the
    day as the counter writes dates; the bar chart mirrored (painted without clipping)."""
    from test_gui_dashboard import shown, take, window_for

    from khidmat_desk.core import clock

    take(counter_session, 2)
    window = window_for(qtbot, counter_session, tasks, "incharge", ScriptedMessages())
    from PySide6.QtGui import QAction

    window.findChild(QAction, "action_today").trigger()  # the menus read Urdu: found by name
    qtbot.waitUntil(lambda: window.dashboard is not None and window.dashboard.summary
                    is not None, timeout=10_000)
    board = window.dashboard
    assert board.isRightToLeft()
    assert board.categories.items == [("عمومی پولیس تصدیق (GPV)", 2)]
    qtbot.waitUntil(lambda: board.counters is not None, timeout=10_000)
    assert shown(board.tables["counters"].item(0, 0).text()) == "کاؤنٹر 3"
    assert f"{clock.today():%d-%m-%Y}" in shown(board.heading.text())
    board.grab()


def test_the_close_dialogs_day_reads_as_typed_in_urdu(qtbot: QtBot, urdu: None,
                                                      counter_session: CounterSession,
                                                      tasks: TaskRunner) -> None:
    """Right to left, Qt turns a date edit's format round (2026-12-01); the day is set left to
    right first, so it reads 01-12-2026 as everywhere else."""
    from PySide6.QtWidgets import QLineEdit

    from khidmat_desk.core import clock
    from khidmat_desk.gui.close_dialog import CloseDialog

    dialog = CloseDialog(tasks, counter_session, ScriptedMessages())
    qtbot.addWidget(dialog)
    edit = dialog.day.findChild(QLineEdit)
    assert dialog.isRightToLeft() and not dialog.day.isRightToLeft()
    assert edit.text() == f"{clock.today():%d-%m-%Y}"


def test_an_application_reads_in_urdu(qtbot: QtBot, urdu: None,
                                      counter_session: CounterSession) -> None:
    """The review page's and the application view's titles, labels, choices, documents, counter
    and payment in Urdu; what was typed (names, numbers) as typed."""
    from PySide6.QtWidgets import QLabel
    from test_gui_dashboard import take

    from khidmat_desk.app.applications import get_application
    from khidmat_desk.core.wizard import Wizard
    from khidmat_desk.gui.application_view import ApplicationView

    service = get_service("character-certificate")
    wizard = Wizard(service, answers=dict(service.example))
    relation = next(r for section in wizard.review(urdu=True) for r in section.rows
                    if r.key == "relation")
    assert (relation.label, relation.value) == ("رشتہ", "ولد")
    assert wizard.review(urdu=True)[0].title == service.steps[0].title_ur
    assert [r.value for section in wizard.review() for r in section.rows
            if r.key == "relation"] == ["Son of"]  # English stays English

    [tracking, *_] = take(counter_session, 1)
    view = ApplicationView("in-charge", urdu=True)
    qtbot.addWidget(view)
    view.show_detail(get_application(counter_session.db, tracking))
    shown = " | ".join(label.text() for label in view.findChildren(QLabel))
    police = get_service("police-verification")
    assert police.documents[0].label_ur in shown and police.documents[0].label not in shown
    assert "LHR01 کاؤنٹر 3" in shown and "(نقد، incharge)" in shown
    # a Latin value starts beside its Urdu label, not a screen's width away at the far edge
    name = get_service("police-verification").example["name"]
    [value] = [label for label in view.findChildren(QLabel) if label.text() == name]
    assert value.alignment() & Qt.AlignmentFlag.AlignAbsolute
    assert value.alignment() & Qt.AlignmentFlag.AlignRight
    # the tracking number heads the page on the side Urdu starts from, as the other lines do
    heading = view.findChild(QLabel, "view_tracking")
    assert heading.alignment() & Qt.AlignmentFlag.AlignRight


def _repeated_letters(texts: list[str]) -> dict[str, list[str]]:
    """The Alt letters ("&Unlock" → "u") that more than one of ``texts`` takes."""
    taken: dict[str, list[str]] = {}
    for text in texts:
        plain = text.replace("&&", "")
        if "&" in plain:
            taken.setdefault(plain[plain.index("&") + 1].lower(), []).append(text)
    return {letter: users for letter, users in taken.items() if len(users) > 1}


@pytest.mark.parametrize("language", ["en", "ur"])
def test_each_alt_key_is_one_command(qtbot: QtBot, staffed_session: CounterSession,
                                     tasks: TaskRunner, language: str) -> None:
    """Two commands on one letter make Alt+letter only move between them (the queue and Quit
    both took Q; Unlock and Switch on both took N): every menu and the in-charge's dialogs, in
    English and Urdu; and no two buttons of a dialog read the same (Switch off and Close did in
    Urdu). The wizard's buttons and labels share the window with the menu bar (Submit and
    Services both took S: Alt+S opened the menu instead of saving)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QMenu

    from khidmat_desk.gui.close_dialog import CloseDialog
    from khidmat_desk.gui.dashboard import Dashboard
    from khidmat_desk.gui.main_window import MainWindow
    from khidmat_desk.gui.shifts_dialog import ShiftsDialog
    from khidmat_desk.gui.users_dialog import UsersDialog

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translation = Translation(app)
    translation.apply(language)
    counter_session = staffed_session
    try:
        user = counter_session.authenticate("incharge", "counter-pass-1")
        window = MainWindow(tasks, counter_session, user=user, messages=ScriptedMessages())
        qtbot.addWidget(window)
        menus = [("menu bar", [a.text() for a in window.menuBar().actions()])]
        menus += [(m.title(), [a.text() for a in m.actions()])
                  for m in window.findChildren(QMenu)]
        for where, texts in menus:
            assert not _repeated_letters(texts), (where, _repeated_letters(texts))
        for kind in (UsersDialog, CloseDialog, ShiftsDialog, Dashboard):
            dialog = kind(tasks, counter_session, ScriptedMessages())
            qtbot.addWidget(dialog)
            buttons = [b.text() for b in dialog.findChildren(QAbstractButton)]
            labels = [label.text() for label in dialog.findChildren(QLabel)
                      if label.buddy() is not None]
            assert not _repeated_letters(buttons + labels), (kind.__name__,
                                                             _repeated_letters(buttons + labels))
            named = [text for text in buttons if text]
            assert len(named) == len(set(named)), (kind.__name__, named)
        officer = counter_session.authenticate("asma.bibi", "officer-pass-1")
        counter = MainWindow(tasks, counter_session, user=officer, messages=ScriptedMessages())
        qtbot.addWidget(counter)
        counter.start_wizard("police-verification")
        panel = counter.wizard
        assert panel is not None
        for page in (panel.documents_page, panel.review_page):  # the buttons' own pages
            texts = [a.text() for a in counter.menuBar().actions()]
            texts += [b.text() for b in (panel.back_button, panel.next_button,
                                         panel.submit_button, panel.cancel_button)]
            texts += [b.text() for b in page.findChildren(QAbstractButton)]
            texts += [label.text() for label in page.findChildren(QLabel)
                      if label.buddy() is not None]
            assert not _repeated_letters(texts), _repeated_letters(texts)
        panel.flush_draft()  # while the officer is signed in: no save left for later
        tasks.wait()
    finally:
        translation.apply("en")


def test_the_sync_panel_names_waiting_records_in_urdu(qtbot: QtBot, urdu: None) -> None:
    from types import SimpleNamespace

    from khidmat_desk.gui.sync_panel import SyncPanel

    panel = SyncPanel("in-charge", urdu=True)
    qtbot.addWidget(panel)
    waiting = SimpleNamespace(tracking_number="LHR01-261201-01-0001-2", kind="application",
                              version=2, attempts=0, last_error=None)
    panel.show_lists([waiting], [])
    assert plain(panel.pending.item(0, 1).text()) == "درخواست v2"


def test_the_documents_page_names_the_fee_in_urdu(qtbot: QtBot, urdu: None) -> None:
    from PySide6.QtWidgets import QLabel

    from khidmat_desk.core.catalogue import load_tariff, quote_fee
    from khidmat_desk.core.validation import validate_answers
    from khidmat_desk.gui.wizard_pages import DocumentsPage

    service = get_service("character-certificate")
    quote = quote_fee(service, validate_answers(service, service.example).answers,
                      load_tariff())
    page = DocumentsPage(True)
    qtbot.addWidget(page)
    page.show_fee(quote)
    shown = [label.text() for label in page.findChildren(QLabel)]
    assert "پولیس کریکٹر سرٹیفکیٹ" in shown and "Police character certificate" not in shown


def test_the_resume_question_names_the_service_in_urdu() -> None:
    from datetime import UTC, datetime
    from types import SimpleNamespace

    from khidmat_desk.core.display import format_moment
    from khidmat_desk.gui.main_window import _draft_line

    draft = SimpleNamespace(service_code="lost-report", updated_at=datetime(2026, 12, 1, 8, 47,
                                                                              tzinfo=UTC),
                            wizard_state={"answers": {"name": "Ali Raza"}})
    service = get_service("lost-report")
    when = format_moment(draft.updated_at, "%d-%m %H:%M")  # the centre's clock
    english, urdu = _draft_line(draft, False), _draft_line(draft, True)
    assert english == f"Lost document: Ali Raza ({when})"
    assert urdu.startswith(service.title_ur + ":") and service.short_title not in urdu
    assert "Ali Raza" in urdu and when in urdu


def test_a_refused_sign_in_is_said_in_urdu_and_shown_whole(
        qtbot: QtBot, urdu: None, counter_session: CounterSession, tasks: TaskRunner) -> None:
    """The Urdu counter's first screen: a wrong password is explained in Urdu, and the window
    grows to show the whole explanation (four lines were cut to two)."""
    from khidmat_desk.gui.login import LoginDialog

    dialog = LoginDialog(tasks, counter_session.authenticate, "LHR01 · counter 3")
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    qtbot.keyClicks(dialog.user, "incharge")
    qtbot.keyClicks(dialog.password, "wrong-password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.ui.sign_in.isEnabled() and bool(dialog.message.text()),
                    timeout=5000)
    text = dialog.message.text()
    assert "پاس ورڈ" in text and "Caps" not in text and "5" in text and "15" in text
    needed = dialog.message.heightForWidth(dialog.message.width())
    assert dialog.message.height() >= needed  # every line of it on screen
    from khidmat_desk.gui.app import centre_line

    assert "کاؤنٹر" in centre_line(counter_session.settings)  # "counter" on this window too


def test_the_finding_window_names_record_statuses_in_urdu(qtbot: QtBot, urdu: None) -> None:
    """The verifier's choices in the Urdu counter: each record status and the reference the
    police give, in Urdu (the value stored is the same key)."""
    from datetime import date

    from PySide6.QtWidgets import QFormLayout, QLabel

    from khidmat_desk.core.findings import finding_kind
    from khidmat_desk.gui.finding_dialog import FindingDialog

    kind = finding_kind("character-certificate")
    dialog = FindingDialog("LHR01-261201-01-0001-2", "پولیس کریکٹر سرٹیفکیٹ", kind,
                           own_intake=False, service_code="character-certificate",
                           today=date(2026, 12, 1), urdu=True)
    qtbot.addWidget(dialog)
    first = kind.for_outcome("verified")[0]
    assert dialog.status.itemText(0) == first.label_ur and dialog.status.itemData(0) == first.key
    form = dialog.findChild(QFormLayout)
    label = form.labelForField(dialog.reference)
    assert isinstance(label, QLabel) and label.text() == kind.reference_label_ur


def test_cells_are_drawn_as_isolates_right_to_left(qtbot: QtBot) -> None:
    """A Latin name in an Urdu table was cut at its start ("…Muhammad Riaz Kha"): each cell
    is now drawn as a first-strong isolate, so it is cut at its own end; the model's text
    (sorting, type-ahead) is untouched, and a left-to-right screen is not touched at all."""
    from PySide6.QtWidgets import QStyleOptionViewItem, QTableWidget, QTableWidgetItem

    from khidmat_desk.core.display import FSI, PDI
    from khidmat_desk.gui.labels import isolate_cells

    table = QTableWidget(1, 1)
    qtbot.addWidget(table)
    table.setItem(0, 0, QTableWidgetItem("Muhammad Riaz Khan Jatoi"))
    isolate_cells(table)
    delegate, index = table.itemDelegate(), table.model().index(0, 0)
    for direction, drawn in ((Qt.LayoutDirection.RightToLeft,
                              f"{FSI}Muhammad Riaz Khan Jatoi{PDI}"),
                             (Qt.LayoutDirection.LeftToRight, "Muhammad Riaz Khan Jatoi")):
        option = QStyleOptionViewItem()
        option.direction = direction
        delegate.initStyleOption(option, index)  # type: ignore[attr-defined]
        assert option.text == drawn
    assert table.item(0, 0).text() == "Muhammad Riaz Khan Jatoi"
