"""At the counter: a verifier records the finding from the application view with the keyboard;
an officer is not offered it (and the use case refuses anyway); the in-charge sees every
counter's applications and administers the users."""

from __future__ import annotations

from typing import Any

import pytest
from gui_driver import PASSWORD, ScriptedMessages, settle, show_active
from intake_helpers import counter_context, intake
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from khidmat_desk.app.applications import change_status, get_application, submit_application
from khidmat_desk.auth.users import authenticate
from khidmat_desk.gui.main_window import MainWindow
from khidmat_desk.gui.session import CounterSession
from khidmat_desk.gui.tasks import TaskRunner


@pytest.fixture
def session(staffed_session: CounterSession) -> CounterSession:
    return staffed_session


def submit(session: CounterSession, code: str = "character-certificate", counter: int = 3,
           user: str = "asma.bibi", password: str = "officer-pass-1") -> str:
    officer = authenticate(session.db, user, password)
    return submit_application(counter_context(session.db, officer, session.tariff,
                                              counter=counter), intake(code)).tracking_number


def window_for(qtbot: QtBot, session: CounterSession, tasks: TaskRunner, username: str,
               password: str, messages: ScriptedMessages | None = None) -> MainWindow:
    user = session.authenticate(username, password)
    window = MainWindow(tasks, session, user=user, messages=messages or ScriptedMessages())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    show_active(qtbot, window)
    tasks.wait()
    return window


def opened(qtbot: QtBot, window: MainWindow, tasks: TaskRunner, tracking: str) -> None:
    window.open_application(tracking)
    settle(qtbot, tasks)


def test_a_verifier_records_the_finding_with_the_keyboard(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    tracking = submit(session)
    window = window_for(qtbot, session, tasks, "bilal.ahmed", "verifier-pass-1")
    opened(qtbot, window, tasks, tracking)
    button = window.view.finding_button
    assert button is not None and button.hasFocus()
    assert set(window.view.status_buttons) == set()  # a verifier only decides
    qtbot.keyClick(button, Qt.Key.Key_Space)
    dialog = window.centre.finding_dialog
    # the cursor where the reference is typed: typed at once, it cannot pick a status
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.reference.hasFocus())
    qtbot.keyClicks(dialog.reference, "CRO 3312/2026")
    assert dialog.status.currentData() == "not-involved"
    qtbot.keyClick(dialog.reference, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert dialog.status.hasFocus()  # Record &status
    qtbot.keyClick(dialog.status, Qt.Key.Key_Down)  # case pending
    qtbot.keyClick(dialog.status, Qt.Key.Key_Tab)
    assert dialog.reference.hasFocus() and dialog.reference.text() == "CRO 3312/2026"
    qtbot.keyClick(dialog.reference, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.reference_date, "20112026")
    qtbot.keyClick(dialog.reference_date, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.remark, "Under trial, Sessions Court Lahore")
    qtbot.keyClick(dialog.reference, Qt.Key.Key_Return)  # Save is the default button
    settle(qtbot, tasks)
    detail = get_application(session.db, tracking)
    assert detail.status == "verified" and detail.finding is not None
    assert (detail.finding.record_status, detail.finding.reference,
            str(detail.finding.reference_date), detail.finding.remark) == (
        "case-pending", "CRO 3312/2026", "2026-11-20", "Under trial, Sessions Court Lahore")
    qtbot.waitUntil(lambda: window.view.detail.version == detail.version)
    assert window.view.finding_button is None  # recorded once


def test_the_dialog_says_what_is_missing_before_saving(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    tracking = submit(session)
    window = window_for(qtbot, session, tasks, "bilal.ahmed", "verifier-pass-1")
    opened(qtbot, window, tasks, tracking)
    assert window.view.finding_button is not None
    window.view.finding_button.click()
    dialog = window.centre.finding_dialog
    qtbot.keyClick(dialog.choose_rejected, Qt.Key.Key_Space)
    assert dialog.status.currentData() == "case-pending"  # rejections offer their own list
    dialog.reference.setText("CRO 9/2026")
    qtbot.keyClick(dialog.reference, Qt.Key.Key_Return)
    assert dialog.isVisible() and "a rejection needs the reason" in dialog.problem.text()
    assert dialog.focusWidget() is dialog.remark  # where the reason is typed
    dialog.reference.clear()
    qtbot.keyClicks(dialog.remark, "Case pending at PS Gulberg")
    dialog.status.setFocus()
    qtbot.keyClick(dialog.status, Qt.Key.Key_Return)
    assert "type the" in dialog.problem.text() and dialog.focusWidget() is dialog.reference
    assert get_application(session.db, tracking).status == "submitted"


def test_an_officer_is_not_offered_the_finding_and_is_refused_anyway(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    tracking = submit(session)
    messages = ScriptedMessages()
    window = window_for(qtbot, session, tasks, "asma.bibi", "officer-pass-1", messages)
    opened(qtbot, window, tasks, tracking)
    assert window.view.finding_button is None
    assert "verified" not in window.view.status_buttons
    assert window.centre.menu is None  # no Centre menu for an officer
    window.centre._save_finding(tracking, {  # what a forged click would send
        "outcome": "verified", "record_status": "not-involved", "reference": "CRO 1/2026"})
    settle(qtbot, tasks)
    assert ("warning", "Only a verifier or the in-charge can do this. You are signed in as "
                       "Asma Bibi (officer); ask the in-charge.") in messages.shown
    assert get_application(session.db, tracking).status == "submitted"


def test_the_in_charge_sees_every_counter_and_filters_overdue(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    here = submit(session, "police-verification", counter=3)
    there = submit(session, "lost-report", counter=9)
    change_status(session.db, there, "in-verification",
                  user=authenticate(session.db, "asma.bibi", "officer-pass-1"))
    window = window_for(qtbot, session, tasks, "incharge", PASSWORD)
    assert window.centre.menu is not None
    action = next(a for a in window.centre.menu.actions()
                  if a.objectName() == "action_centre_view")
    action.trigger()
    settle(qtbot, tasks)
    view = window.centre.centre_view
    assert window.ui.stack.currentWidget() is view
    shown = {r.summary.tracking_number: r for r in view.model.rows}
    assert set(shown) == {here, there}
    assert shown[there].summary.counter == 9 and shown[there].officer == "asma.bibi"
    view.status.setCurrentIndex(view.status.findData("in-verification"))
    view.status.activated.emit(view.status.currentIndex())
    settle(qtbot, tasks)
    assert [r.summary.tracking_number for r in view.model.rows] == [there]
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    settle(qtbot, tasks)
    assert window.view.detail is not None and window.view.detail.tracking_number == there


def test_the_in_charge_adds_a_verifier_in_the_users_dialog(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    window = window_for(qtbot, session, tasks, "incharge", PASSWORD)
    window.centre.open_users()
    settle(qtbot, tasks)
    dialog = window.centre.users_dialog
    names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert names == ["asma.bibi", "bilal.ahmed", "incharge"]
    dialog.buttons["add"].click()
    form: Any = dialog.form
    qtbot.keyClicks(form.username, "Hina Malik")  # a full name where the user name goes
    qtbot.keyClicks(form.full_name, "Hina Malik")
    form.role_boxes["officer"].setChecked(False)
    form.role_boxes["verifier"].setChecked(True)
    qtbot.keyClicks(form.password, "hina-verifies-1")
    qtbot.keyClicks(form.repeat, "hina-verifies-1")
    qtbot.keyClick(form.repeat, Qt.Key.Key_Return)
    settle(qtbot, tasks)
    # refused: the form comes back as typed, saying what to change
    qtbot.waitUntil(form.isVisible, timeout=5000)
    assert "user name must be 3 to 40 characters" in form.problem.text()
    assert form.full_name.text() == "Hina Malik" and form.roles() == {"verifier"}
    # the cursor on the user name, all of it selected: typing replaces it
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.username)
    assert form.username.selectedText() == "Hina Malik"
    qtbot.keyClicks(form.username, "hina.malik")
    qtbot.keyClick(form.repeat, Qt.Key.Key_Return)
    settle(qtbot, tasks)
    assert authenticate(session.db, "hina.malik", "hina-verifies-1").roles == {"verifier"}
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 4)
    dialog.table.selectRow([a.username for a in dialog.accounts].index("incharge"))
    dialog.buttons["disable"].click()
    settle(qtbot, tasks)
    assert "own account" in dialog.status.text()


@pytest.fixture(autouse=True)
def _no_stray_dialogs(qtbot: QtBot) -> Any:
    yield
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and widget.objectName() in ("finding_dialog", "users_dialog",
                                                          "account_form"):
            widget.close()



def test_a_verifier_works_down_the_list_awaiting_a_finding(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    first = submit(session, "character-certificate", counter=3)
    second = submit(session, "police-verification", counter=7)
    hidden = submit(session, "women-violence-report", counter=3)  # confidential: not listed
    window = window_for(qtbot, session, tasks, "bilal.ahmed", "verifier-pass-1")
    settle(qtbot, tasks)
    view = window.centre.centre_view
    assert window.ui.stack.currentWidget() is view  # a verifier's home is this list
    assert window.ui.launcher_panel.isHidden()  # and there is no intake to start
    assert not window.ui.menu_services.menuAction().isVisible()
    window.start_wizard("character-certificate")  # a draft resumed, say: refused
    assert window.wizard is None
    assert "Awaiting a police finding" in view.heading.text()
    listed = [r.summary.tracking_number for r in view.model.rows]
    assert listed == [first, second] and hidden not in listed  # oldest first
    # where each verification goes: a station of the centre's own district (Lahore) by its
    # name, with the district in its tooltip (and on the command line)
    stations = [view.model.index(r, 3).data() for r in range(2)]
    full = [view.model.index(r, 3).data(Qt.ItemDataRole.ToolTipRole) for r in range(2)]
    assert full == [r.police_station for r in view.model.rows]
    assert all(f == f"{s} (Lahore)" for s, f in zip(stations, full, strict=True)), full
    assert view.table.hasFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)  # the oldest opens ...
    settle(qtbot, tasks)
    assert window.view.detail.tracking_number == first
    assert window.view.finding_button is not None and window.view.finding_button.hasFocus()
    window.centre._save_finding(first, {  # ... is decided (the dialog is tested above) ...
        "outcome": "verified", "record_status": "not-involved", "reference": "CRO 7/2026"})
    settle(qtbot, tasks)
    qtbot.waitUntil(lambda: window.view.finding_button is None)
    assert window.statusBar().currentMessage() == (
        f"Finding recorded on {first}: verified. Esc: back to the list.")
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)  # ... and Esc: the list, without it
    settle(qtbot, tasks)
    assert window.ui.stack.currentWidget() is view
    assert [r.summary.tracking_number for r in view.model.rows] == [second]
    window.ui.action_queue.trigger()  # F5 is this list too: there is no intake queue here
    settle(qtbot, tasks)
    assert window.ui.stack.currentWidget() is view


def test_the_in_charge_goes_back_to_the_list_an_application_came_from(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    tracking = submit(session, "lost-report", counter=9)
    window = window_for(qtbot, session, tasks, "incharge", PASSWORD)
    assert window.ui.stack.currentWidget() is window.ui.home
    assert window.centre.menu is not None
    [awaiting] = [a for a in window.centre.menu.actions()
                  if a.objectName() == "action_awaiting_finding"]
    assert awaiting.shortcut().toString() == "Ctrl+Shift+F"
    awaiting.trigger()
    settle(qtbot, tasks)
    view = window.centre.centre_view
    assert [r.summary.tracking_number for r in view.model.rows] == [tracking]
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    settle(qtbot, tasks)
    assert window.ui.stack.currentWidget() is window.view
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    settle(qtbot, tasks)
    assert window.ui.stack.currentWidget() is view
    window.ui.action_queue.trigger()  # F5: the counter's own queue
    settle(qtbot, tasks)
    assert window.ui.stack.currentWidget() is window.ui.home
