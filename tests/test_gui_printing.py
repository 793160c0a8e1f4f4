"""Printing from the counter: the receipt after submit, reprints marked DUPLICATE with a reason,
previews, the in-charge-only reprint of a certificate, and a printer that is not there."""

from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp
from gui_driver import PASSWORD, ScriptedMessages, complete_wizard, show_active
from gui_driver import settle as settle_jobs
from printing_helpers import decode, page_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel
from pytestqt.qtbot import QtBot

from khidmat_desk.app.applications import change_status
from khidmat_desk.app.findings import record_finding
from khidmat_desk.app.printing import print_history
from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.auth.users import create_user
from khidmat_desk.core.catalogue import get_service
from khidmat_desk.gui.main_window import MainWindow
from khidmat_desk.gui.session import CounterSession
from khidmat_desk.gui.tasks import TaskRunner


def window_for(qtbot: QtBot, session: CounterSession, tasks: TaskRunner,
               messages: ScriptedMessages, username: str = "incharge",
               password: str = PASSWORD) -> MainWindow:
    user = session.authenticate(username, password)
    window = MainWindow(tasks, session, user=user, messages=messages)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    show_active(qtbot, window)
    tasks.wait()
    return window


def printouts(folder: Path) -> list[Path]:
    return sorted((folder / "printouts").glob("*.pdf"))


def settle(qtbot: QtBot, window: MainWindow, tasks: TaskRunner) -> None:
    settle_jobs(qtbot, tasks, window.print_queue)


def take_application(qtbot: QtBot, window: MainWindow, code: str) -> str:
    service = get_service(code)
    window.start_wizard(code)
    panel = window.wizard
    assert panel is not None
    complete_wizard(qtbot, panel, service, service.example)
    return panel.done_page.tracking.text()


def take_and_reopen(qtbot: QtBot, window: MainWindow, tasks: TaskRunner, code: str) -> str:
    """Take an application, leave the wizard and open it again from the queue."""
    tracking = take_application(qtbot, window, code)
    settle(qtbot, window, tasks)
    qtbot.keyClick(window.wizard, Qt.Key.Key_Escape)
    window.open_application(tracking)
    settle(qtbot, window, tasks)
    return tracking


def test_receipt_prints_after_submit_and_its_barcode_scans(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner, folder: Path) -> None:
    window = window_for(qtbot, session, tasks, ScriptedMessages())
    tracking = take_application(qtbot, window, "lost-report")
    settle(qtbot, window, tasks)
    files = printouts(folder)
    assert [f.name for f in files] == [f"{tracking}-receipt-copy1.pdf"]
    pdf = files[0].read_bytes()
    assert decode(pdf, zxingcpp.BarcodeFormat.Code128) == [tracking.replace("-", "")]
    assert tracking in page_text(pdf) and "DUPLICATE" not in page_text(pdf)
    assert window.wizard is not None
    assert "Printed receipt" in window.wizard.done_page.print_status.text()


def test_reprint_asks_why_and_says_duplicate(qtbot: QtBot, session: CounterSession,
                                             tasks: TaskRunner, folder: Path) -> None:
    messages = ScriptedMessages()
    window = window_for(qtbot, session, tasks, messages)
    tracking = take_and_reopen(qtbot, window, tasks, "fir-copy")
    button = window.view.print_buttons["receipt"]
    assert button.text() == "Reprint"
    messages.answers["ask_text"] = None  # the officer cancels: nothing printed, nothing logged
    button.click()
    settle(qtbot, window, tasks)
    assert len(print_history(session.db, tracking)) == 1
    messages.answers["ask_text"] = "citizen lost the first receipt"
    window.view.print_buttons["receipt"].click()
    settle(qtbot, window, tasks)
    second = folder / "printouts" / f"{tracking}-receipt-copy2.pdf"
    assert "DUPLICATE" in page_text(second.read_bytes())
    history = print_history(session.db, tracking)
    assert [(h.copy_no, h.reason) for h in history] == [
        (1, None), (2, "citizen lost the first receipt")]


def test_preview_shows_the_pages_and_prints_from_there(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner, folder: Path) -> None:
    window = window_for(qtbot, session, tasks, ScriptedMessages())
    session.settings.set("after_submit", "preview")
    tracking = take_application(qtbot, window, "tenant-registration")
    settle(qtbot, window, tasks)
    dialog = window.printing.preview_dialog
    assert dialog is not None and dialog.isVisible() and dialog.pages
    assert printouts(folder) == []  # a preview records and prints nothing
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window, tasks)
    assert [f.name for f in printouts(folder)] == [f"{tracking}-receipt-copy1.pdf"]


def test_certificate_waits_for_verification_and_only_the_in_charge_reprints_it(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner, folder: Path) -> None:
    with session.db.write() as transaction:
        create_user(transaction, username="officer7", full_name="Nadia Ali", role="officer",
                    password="officer-pass-7")
    messages = ScriptedMessages()
    window = window_for(qtbot, session, tasks, messages, "officer7", "officer-pass-7")
    tracking = take_and_reopen(qtbot, window, tasks, "character-certificate")
    certificate = next(k for k in window.view.print_buttons if k != "receipt")
    assert not window.view.print_buttons[certificate].isEnabled()  # not verified yet
    in_charge = session.authenticate("incharge", PASSWORD)
    change_status(session.db, tracking, "in-verification", user=in_charge)
    record_finding(session.db, tracking, user=in_charge, outcome="verified",
                   record_status="not-involved", reference="CRO 4411/2026")
    change_status(session.db, tracking, "ready", user=in_charge)
    session.authenticate("officer7", "officer-pass-7")
    window.open_application(tracking)
    settle(qtbot, window, tasks)
    window.view.print_buttons[certificate].click()
    settle(qtbot, window, tasks)
    printed = folder / "printouts" / f"{tracking}-{certificate}-copy1.pdf"
    assert decode(printed.read_bytes(), zxingcpp.BarcodeFormat.QRCodeModel2)  # signed QR on it
    # a duplicate is the in-charge's: the officer is told so beside the button, which is off
    # (the use case refuses it anyway: test_an_officer_cannot_reprint_a_certificate)
    qtbot.waitUntil(lambda: window.view.print_buttons[certificate].text() == "Reprint")
    assert not window.view.print_buttons[certificate].isEnabled()
    box = window.view.findChild(QFrame, "print_box")
    assert any("a duplicate needs the in-charge" in label.text()
               for label in box.findChildren(QLabel))
    assert window.view.print_buttons["receipt"].isEnabled()  # a receipt is the officer's own
    messages.answers["ask_text"] = "spoilt by the printer"
    window.view.print_buttons[certificate].click()
    settle(qtbot, window, tasks)
    assert not (folder / "printouts" / f"{tracking}-{certificate}-copy2.pdf").exists()


def test_missing_printer_is_explained_and_retry_prints_the_same_copy(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner, folder: Path) -> None:
    messages = ScriptedMessages()
    session.settings.set("receipt_printer", "Counter-3-Thermal")  # not installed on this PC

    def fix_and_retry(choices: list[tuple[str, str]]) -> str:
        session.settings.set("receipt_printer", "pdf-folder")  # the officer picks another
        return "retry"

    messages.answers["choose"] = fix_and_retry
    window = window_for(qtbot, session, tasks, messages)
    tracking = take_application(qtbot, window, "fir-copy")
    settle(qtbot, window, tasks)
    problem = [text for kind, text in messages.shown if kind == "choose"]
    assert problem and "Counter-3-Thermal" in problem[0] and "not available" in problem[0]
    assert [f.name for f in printouts(folder)] == [f"{tracking}-receipt-copy1.pdf"]
    assert [h.copy_no for h in print_history(session.db, tracking)] == [1]


def test_printers_are_chosen_once_and_remembered(qtbot: QtBot, session: CounterSession,
                                                 tasks: TaskRunner, folder: Path) -> None:
    window = window_for(qtbot, session, tasks, ScriptedMessages())
    window.ui.action_printers.trigger()
    settle(qtbot, window, tasks)
    dialog = window.printer_settings
    assert dialog.isVisible() and dialog.boxes["receipt_printer"].currentData() == "pdf-folder"
    dialog.boxes["receipt_format"].setCurrentIndex(dialog.boxes["receipt_format"].findData("a4"))
    dialog.accept()
    settle(qtbot, window, tasks)
    assert CounterSettings.load(folder).get("receipt_format") == "a4"


def test_copies_that_never_reached_paper_are_not_counted(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner, folder: Path) -> None:
    """A PC without the configured printer: two attempts given up, then the printer is fixed.
    The citizen's first real receipt is copy 1 — not "DUPLICATE · COPY 3" — and nobody is asked
    why a copy is being reprinted."""
    messages = ScriptedMessages()
    session.settings.set("receipt_printer", "Counter-3-Thermal")  # not installed on this PC
    messages.answers["choose"] = "later"
    window = window_for(qtbot, session, tasks, messages)
    tracking = take_and_reopen(qtbot, window, tasks, "fir-copy")
    assert window.view.print_buttons["receipt"].text() == "Print"  # nothing counted
    window.view.print_buttons["receipt"].click()  # fails again, given up again
    settle(qtbot, window, tasks)
    assert [(h.copy_no, h.state) for h in print_history(session.db, tracking)] == [
        (1, "failed"), (1, "failed")]
    session.settings.set("receipt_printer", "pdf-folder")
    messages.answers["ask_text"] = None  # were a reason asked for, the print would not happen
    window.view.print_buttons["receipt"].click()
    settle(qtbot, window, tasks)
    assert not any(kind == "ask_text" for kind, _ in messages.shown)
    assert [f.name for f in printouts(folder)] == [f"{tracking}-receipt-copy1.pdf"]
    assert "DUPLICATE" not in page_text(printouts(folder)[0].read_bytes())
    assert [(h.copy_no, h.state) for h in print_history(session.db, tracking)][-1] == (
        1, "delivered")
    assert window.view.print_buttons["receipt"].text() == "Reprint"


def test_no_default_printer_message_reads_as_a_sentence(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner, folder: Path) -> None:
    from khidmat_desk.gui.printer import PrinterProblem, _printer_for

    with pytest.raises(PrinterProblem) as problem:
        _printer_for("")  # the offscreen platform has no printers at all
    assert "no default printer" in str(problem.value).lower()
    assert "is not available" not in str(problem.value)


def test_preview_of_a_document_not_yet_issuable_offers_no_print(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner, folder: Path) -> None:
    window = window_for(qtbot, session, tasks, ScriptedMessages())
    take_and_reopen(qtbot, window, tasks, "character-certificate")
    certificate = next(k for k in window.view.print_buttons if k != "receipt")
    assert not window.view.print_buttons[certificate].isEnabled()
    preview = window.view.findChild(type(window.view.print_buttons[certificate]),
                                    f"preview-{certificate}")
    preview.click()
    settle(qtbot, window, tasks)
    dialog = window.printing.preview_dialog
    assert dialog is not None and dialog.pages
    assert not hasattr(dialog, "print_button")
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window, tasks)
    assert printouts(folder) == [] or all(certificate not in f.name for f in printouts(folder))
