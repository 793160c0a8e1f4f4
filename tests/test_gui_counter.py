"""The counter driven like an officer: sign in (and get locked out), the launcher, today's queue,
the search box and a scanned receipt, idle lock, drafts resumed after a crash, prefill by CNIC
and the duplicate warning."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gui_driver import (
    PASSWORD,
    ScriptedMessages,
    complete_wizard,
    enter_value,
    fill_step,
    settle,
    show_active,
)
from intake_helpers import intake
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from khidmat_desk.app.applications import find_applications, list_drafts, submit_application
from khidmat_desk.auth.users import create_user
from khidmat_desk.core.catalogue import SERVICE_CODES, get_service
from khidmat_desk.gui.app import Counter
from khidmat_desk.gui.login import LoginDialog
from khidmat_desk.gui.main_window import MainWindow
from khidmat_desk.gui.session import CounterSession
from khidmat_desk.gui.tasks import TaskRunner


def submit_example(session: CounterSession, code: str, **changes: Any) -> str:
    service = get_service(code)
    answers = {**service.example, **changes}
    session.authenticate("incharge", PASSWORD)
    return submit_application(session.ctx, intake(code, answers)).tracking_number


def main_window(qtbot: QtBot, session: CounterSession, tasks: TaskRunner,
                messages: ScriptedMessages | None = None, *, closed_by_test: bool = True
                ) -> MainWindow:
    user = session.authenticate("incharge", PASSWORD)
    window = MainWindow(tasks, session, user=user, messages=messages or ScriptedMessages())
    if closed_by_test:
        qtbot.addWidget(window)
    window.resize(1280, 800)
    show_active(qtbot, window)
    tasks.wait()
    return window


# -- sign-in ---------------------------------------------------------------------------------


def _login(qtbot: QtBot, tasks: TaskRunner, session: CounterSession) -> LoginDialog:
    dialog = LoginDialog(tasks, session.authenticate, "LHR01 · counter 3")
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    return dialog


def test_wrong_password_is_explained_and_right_one_signs_in(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    dialog = _login(qtbot, tasks, session)
    qtbot.keyClicks(dialog.user, "incharge")
    qtbot.keyClick(dialog.user, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.password
    qtbot.keyClicks(dialog.password, "wrong-password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "password" in dialog.message.text().lower(), timeout=5000)
    assert dialog.password.text() == ""
    qtbot.keyClicks(dialog.password, PASSWORD)
    with qtbot.waitSignal(dialog.signed_in, timeout=5000) as signed:
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert signed.args[0].username == "incharge"


def test_five_failures_lock_the_account_with_a_clear_message(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    dialog = _login(qtbot, tasks, session)
    qtbot.keyClicks(dialog.user, "incharge")
    for attempt in range(6):
        qtbot.keyClicks(dialog.password, f"wrong-{attempt}")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        tasks.wait()
        qtbot.waitUntil(lambda: dialog.ui.sign_in.isEnabled(), timeout=5000)
    assert "locked" in dialog.message.text().lower()
    # the same words as a wrong password or an unknown name: which accounts exist is not told
    wrong_password = dialog.message.text()
    qtbot.keyClicks(dialog.user, "x")  # "inchargex": no such account
    qtbot.keyClicks(dialog.password, "wrong-again")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    tasks.wait()
    qtbot.waitUntil(lambda: dialog.ui.sign_in.isEnabled(), timeout=5000)
    assert dialog.message.text() == wrong_password
    qtbot.keyClick(dialog.user, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.password, PASSWORD)  # even the right password waits now
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    tasks.wait()
    qtbot.waitUntil(lambda: dialog.ui.sign_in.isEnabled(), timeout=5000)
    assert dialog.isVisible() and "locked" in dialog.message.text().lower()


def test_caps_lock_is_pointed_out(qtbot: QtBot, session: CounterSession,
                                  tasks: TaskRunner) -> None:
    dialog = _login(qtbot, tasks, session)
    dialog.password.setFocus()
    qtbot.keyClicks(dialog.password, "PASS")  # capitals without Shift: Caps Lock is on
    assert dialog.ui.capslock.isVisible()
    qtbot.keyClicks(dialog.password, "word")
    assert not dialog.ui.capslock.isVisible()


# -- main window -----------------------------------------------------------------------------


def test_launcher_lists_every_service_with_counts_and_starts_by_typing(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    submit_example(session, "tenant-registration")
    window = main_window(qtbot, session, tasks)
    for code in SERVICE_CODES:
        entry = window.findChild(QPushButton, f"new-{code}")
        assert entry is not None and entry.accessibleName() == get_service(code).title
    qtbot.waitUntil(lambda: window.findChild(QLabel, "count-tenant-registration").text() == "1")
    window.ui.launcher_filter.setFocus()
    qtbot.keyClicks(window.ui.launcher_filter, "tenant")
    visible = [e.service.code for e in window.launcher.visible_entries()]
    assert visible == ["tenant-registration"]
    qtbot.keyClick(window.ui.launcher_filter, Qt.Key.Key_Return)
    assert window.wizard is not None and window.wizard.service.code == "tenant-registration"


def test_each_service_shortcut_opens_its_wizard(qtbot: QtBot, session: CounterSession,
                                                tasks: TaskRunner) -> None:
    window = main_window(qtbot, session, tasks)
    service = get_service("lost-report")
    window.search.setFocus()
    action = window.findChild(type(window.ui.action_new), f"action-new-{service.code}")
    assert action.shortcut().toString() == service.shortcut
    QTest.keySequence(window.search, QKeySequence(service.shortcut))
    assert window.wizard is not None and window.wizard.service.code == service.code


def test_queue_search_and_scanned_receipt(qtbot: QtBot, session: CounterSession,
                                          tasks: TaskRunner) -> None:
    tracking = submit_example(session, "tenant-registration")
    window = main_window(qtbot, session, tasks)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5000)
    assert window.model.rows[0].tracking_number == tracking
    search = window.findChild(QLineEdit, "search")
    search.setFocus()
    qtbot.keyClicks(search, tracking)  # a barcode scanner types the number and Enter
    qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.ui.stack.currentWidget() is window.view, timeout=5000)
    assert window.view.detail.tracking_number == tracking
    assert window.findChild(QLabel, "view_tracking").text() == tracking
    # the in-charge may move it on; the button is there and works
    button = window.view.status_buttons["in-verification"]
    button.click()
    tasks.wait()
    qtbot.waitUntil(lambda: window.view.detail.status == "in-verification", timeout=5000)
    # the status bar says what was done, not merely that the application was opened again
    assert window.statusBar().currentMessage() == f"{tracking} marked in verification."
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.ui.stack.currentWidget() is window.ui.home
    search.setFocus()
    qtbot.keyClicks(search, "zzqx")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=5000)


def test_officer_sees_no_in_charge_actions(qtbot: QtBot, session: CounterSession,
                                           tasks: TaskRunner) -> None:
    tracking = submit_example(session, "lost-report")
    with session.db.write() as transaction:
        create_user(transaction, username="officer7", full_name="Nadia Ali", role="officer",
                    password="officer-pass-7")
    user = session.authenticate("officer7", "officer-pass-7")
    window = MainWindow(tasks, session, user=user, messages=ScriptedMessages())
    qtbot.addWidget(window)
    window.open_application(tracking)
    qtbot.waitUntil(lambda: window.view.detail is not None, timeout=5000)
    offered = window.view.status_buttons
    assert "voided" not in offered and "in-verification" in offered


# -- prefill and duplicates --------------------------------------------------------------------


def test_known_cnic_fills_the_citizen_and_warns_of_an_open_application(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    service = get_service("character-certificate")
    submit_example(session, service.code)
    messages = ScriptedMessages()
    messages.answers["confirm"] = False  # the officer checks first and does not submit
    window = main_window(qtbot, session, tasks, messages)
    window.start_wizard(service.code)
    panel = window.wizard
    assert panel is not None
    form = panel.current_form()
    assert form is not None
    enter_value(qtbot, form.rows["id_type"].input, "cnic")
    enter_value(qtbot, form.rows["cnic"].input, service.example["cnic"])
    tasks.wait()
    qtbot.waitUntil(lambda: form.rows["name"].input.value() == service.example["name"],
                    timeout=5000)
    assert form.rows["guardian_name"].input.value() == service.example["guardian_name"]
    assert "earlier visit" in panel.banner.text()
    assert panel.duplicates_note.isVisible()
    assert "already has an open application" in panel.duplicates_note.text()
    complete_wizard(qtbot, panel, service, service.example, only_empty=True, submit=False)
    qtbot.keyClick(panel, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    tasks.wait()
    assert ("confirm", panel.duplicates_note.text() + "\n\nTake this application anyway?") \
        in messages.shown
    assert not panel.saved
    assert len(find_applications(session.db, service.example["cnic"]).items) == 1


# -- drafts ----------------------------------------------------------------------------------


def test_draft_survives_a_crash_and_is_resumed_and_saved_once(
        qtbot: QtBot, folder: Path, tasks: TaskRunner) -> None:
    from khidmat_desk.app.settings import CounterSettings

    service = get_service("police-verification")  # its residence table is on a later page
    first = CounterSession(CounterSettings.load(folder))
    first.open()
    window = main_window(qtbot, first, tasks, closed_by_test=False)
    window.start_wizard(service.code)
    panel = window.wizard
    assert panel is not None
    form = panel.current_form()
    assert form is not None
    fill_step(qtbot, form, service.example)
    qtbot.waitUntil(lambda: not panel._autosave.isActive(), timeout=5000)
    tasks.wait()
    typed = {k: form.rows[k].input.value() for k in form.rows if k in service.example}
    # the power goes: nothing is closed or flushed, the process is simply gone
    window.deleteLater()
    qtbot.wait(10)
    tasks.wait()
    first.db.dispose()

    again = CounterSession(CounterSettings.load(folder))
    again.open()
    try:
        user = again.authenticate("incharge", PASSWORD)
        drafts = list_drafts(again.db, user)
        assert len(drafts) == 1 and drafts[0].service_code == service.code
        messages = ScriptedMessages()
        messages.answers["choose"] = lambda choices: choices[0][0]
        window2 = main_window(qtbot, again, tasks, messages)
        window2.offer_drafts()
        tasks.wait()
        qtbot.waitUntil(lambda: window2.wizard is not None, timeout=5000)
        resumed = window2.wizard
        assert resumed is not None and resumed.draft_uuid == drafts[0].uuid
        form2 = resumed.forms[form.step.key]
        assert {k: form2.rows[k].input.value() for k in typed} == typed
        # what was not typed yet is not called "required" before the officer gets there
        untyped = [row for key, page in resumed.forms.items() if key != form.step.key
                   for row in page.all_rows()]
        assert untyped and not [row.path for row in untyped if row.message.text()]
        tables = [e for page in resumed.forms.values() for e in page.groups.values()]
        assert tables and not [e.message.text() for e in tables if e.message.text()]
        complete_wizard(qtbot, resumed, service, service.example, only_empty=True)
        tasks.wait()
        assert list_drafts(again.db, user) == ()
        found = find_applications(again.db, resumed.done_page.tracking.text())
        assert len(found.items) == 1
        settle(qtbot, tasks, window2.print_queue)  # the receipt printed after the submit
    finally:
        again.close()


def test_cancel_asks_before_throwing_away_what_was_typed(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    messages = ScriptedMessages()
    messages.answers["choose"] = "discard"
    window = main_window(qtbot, session, tasks, messages)
    window.start_wizard("fir-copy")
    panel = window.wizard
    assert panel is not None
    form = panel.current_form()
    assert form is not None
    first = next(iter(form.rows.values()))
    first.input.focus_widget().setFocus()
    qtbot.keyClicks(first.input.focus_widget(), "Ali")
    qtbot.keyClick(panel, Qt.Key.Key_Escape)
    assert messages.shown and messages.shown[-1][0] == "choose"
    assert window.wizard is None
    tasks.wait()
    assert list_drafts(session.db, session.user) == ()


# -- idle lock -------------------------------------------------------------------------------


def test_idle_counter_locks_and_only_the_password_unlocks(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    app = QApplication.instance()
    messages = ScriptedMessages()
    counter = Counter(app, session, tasks, messages, idle_ms=1000)  # type: ignore[arg-type]
    counter.show_login()
    login = counter.login
    assert login is not None
    qtbot.addWidget(login)
    qtbot.keyClicks(login.user, "incharge")
    qtbot.keyClicks(login.password, PASSWORD)
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: counter.window is not None, timeout=5000)
    window = counter.window
    assert window is not None
    qtbot.addWidget(window)
    window.start_wizard("fir-copy")
    panel = window.wizard
    assert panel is not None
    qtbot.waitUntil(lambda: window.ui.stack.currentWidget() is window.locked_page, timeout=5000)
    unlock = counter.login
    assert unlock is not None and unlock.locked_user == "incharge"
    qtbot.keyClick(unlock, Qt.Key.Key_Escape)  # Esc does not open a locked counter
    assert window.ui.stack.currentWidget() is window.locked_page
    qtbot.keyClicks(unlock.password, PASSWORD)
    qtbot.keyClick(unlock.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.ui.stack.currentWidget() is panel, timeout=5000)
    counter.idle.uninstall()
    window.close()


def test_queue_age_column_and_sorting(qtbot: QtBot, session: CounterSession,
                                      tasks: TaskRunner) -> None:
    first = submit_example(session, "fir-copy")
    second = submit_example(session, "tenant-registration")
    window = main_window(qtbot, session, tasks)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=5000)
    shown = [window.sorted.index(r, 0).data() for r in range(2)]
    assert shown == [second, first]  # newest first
    window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [window.sorted.index(r, 0).data() for r in range(2)] == sorted([first, second])
    assert window.sorted.index(0, 4).data().endswith("min")
    assert datetime.now(UTC) >= window.model.rows[0].created_at


def test_a_counter_without_a_central_server_says_so_in_the_sync_panel_too(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    """The status bar says "not set up"; the panel it opens said "offline", as if a link had
    dropped: it says what the bar says, and what to do first."""
    submit_example(session, "lost-report")  # something waiting to be sent
    window = main_window(qtbot, session, tasks)
    qtbot.waitUntil(lambda: window.link.text().startswith("Sync: not set up · "), timeout=5000)
    window.open_sync_panel()
    settle(qtbot, tasks)
    panel = window.sync_panel
    assert panel is not None and panel.isVisible()
    assert panel.state.text() == window.link.text()
    assert panel.error.isVisible() and "sync --setup" in panel.error.text()
    panel.close()
