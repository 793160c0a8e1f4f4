"""Closing the day from the in-charge's dashboard: the cash per officer, the explanation a
difference needs, the lock, the signed audit trail and the backup the close leaves, and
reopening with a reason; a centre with shifts closes each shift, then the day."""

from __future__ import annotations

from pathlib import Path

from gui_driver import PASSWORD, ScriptedMessages, complete_wizard, settle
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_gui_dashboard import open_dashboard, shown, take, window_for

from khidmat_desk.app.audit import check_audit_trail
from khidmat_desk.app.day_close import list_closes
from khidmat_desk.app.shifts import set_shifts
from khidmat_desk.core import clock
from khidmat_desk.gui.close_dialog import CloseDialog
from khidmat_desk.gui.dashboard import Dashboard
from khidmat_desk.gui.session import CounterSession
from khidmat_desk.gui.tasks import TaskRunner


def open_close(qtbot: QtBot, board: Dashboard) -> CloseDialog:
    """The dashboard's Close the day… button, then wait for the period's figures."""
    assert board.close_day_button.text() == "C&lose the day…"
    board.close_day_button.click()
    dialog = board.close_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog._busy, timeout=10_000)
    return dialog


def test_the_in_charge_closes_the_day_with_the_cash_counted(
        qtbot: QtBot, counter_session: CounterSession, tasks: TaskRunner,
        centre_folder: Path) -> None:
    take(counter_session, 3)  # three paid, one of them voided: two fees of cash expected
    messages = ScriptedMessages()
    board = open_dashboard(qtbot, window_for(qtbot, counter_session, tasks, "incharge",
                                             messages))
    dialog = open_close(qtbot, board)
    fee = counter_session.tariff.fees["police-verification"]["pkr"]
    assert dialog.isVisible() and not dialog.shift.isVisible()  # one shift: the day itself
    assert f"cash expected Rs {2 * fee:,}" in shown(dialog.state.text())
    [edit] = dialog.officer_edits.values()
    assert dialog.focusWidget() is edit  # the first thing to type is what the officer handed over
    # Tab goes down the page (the officers' boxes, made last, once sent it back up to the day)
    visited = []
    for _ in range(4):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        visited.append(dialog.focusWidget())
    assert visited == [dialog.counted, dialog.explanation, dialog.deposit, dialog.close_button]
    edit.setFocus()
    qtbot.keyClicks(edit, str(2 * fee - 100))
    assert dialog.counted.text() == str(2 * fee - 100)  # the total follows the officers'
    assert dialog.difference.text() == "Rs -100"
    dialog.close_button.click()
    assert "type the explanation" in dialog.problem.text()
    assert dialog.focusWidget() is dialog.explanation and dialog.isVisible()
    qtbot.keyClicks(dialog.explanation, "Rs 100 short in the drawer")
    qtbot.keyClicks(dialog.deposit, "NBP-7781")
    with qtbot.waitSignal(dialog.closed, timeout=20_000) as closed:
        dialog.close_button.click()
    sealed = closed.args[0]
    assert sealed.close.cash_counted == 2 * fee - 100 and sealed.signed
    assert sealed.backup is not None and sealed.backup.exists()
    assert sealed.backup.parent == centre_folder / "backups" and "day-close" in \
        sealed.backup.name
    assert messages.shown[0][0] == "confirm" and "locked" in messages.shown[0][1]
    # the figures that are locked with the day, read once more before they are
    assert (f"Cash counted Rs {2 * fee - 100:,} against Rs {2 * fee:,} expected: difference "
            "Rs -100.") in shown(messages.shown[0][1])
    kind, text = messages.shown[-1]
    assert kind == "info" and "Audit trail signed." in text and "Rs -100" in text
    qtbot.waitUntil(lambda: "closed by incharge" in shown(board.heading.text()), timeout=10_000)
    assert f"cash counted Rs {2 * fee - 100:,}, difference Rs -100" in shown(
        board.heading.text())  # the dashboard says what the close found
    [stored] = list_closes(counter_session.db, day_from=clock.today(), day_to=clock.today())
    assert (stored.state, stored.cash_counted) == ("closed", 2 * fee - 100)
    assert check_audit_trail(counter_session.db).ok


def test_a_closed_day_is_reopened_only_with_a_reason(
        qtbot: QtBot, counter_session: CounterSession, tasks: TaskRunner) -> None:
    take(counter_session, 2)
    messages = ScriptedMessages()
    board = open_dashboard(qtbot, window_for(qtbot, counter_session, tasks, "incharge",
                                             messages))
    dialog = open_close(qtbot, board)
    qtbot.keyClicks(dialog.counted, str(dialog.preview.summary.cash_expected))
    with qtbot.waitSignal(dialog.closed, timeout=20_000):
        dialog.close_button.click()
    dialog = open_close(qtbot, board)  # again: now it says who closed it and offers Reopen
    assert "was closed by incharge" in shown(dialog.state.text())
    assert not dialog.close_button.isEnabled() and dialog.reopen_button.isVisible()
    assert not dialog.counted.isEnabled()
    messages.answers["ask_text"] = "   "
    dialog.reopen_button.click()
    assert dialog.problem.text() == "Type why the day is reopened."
    messages.answers["ask_text"] = "Counted again after the bank's call"
    with qtbot.waitSignal(dialog.reopened, timeout=20_000):
        dialog.reopen_button.click()
    qtbot.waitUntil(lambda: not dialog._busy and dialog.close_button.isEnabled(),
                    timeout=10_000)
    assert dialog.counted.isEnabled() and not dialog.reopen_button.isVisible()
    assert "Reopened by incharge: Counted again after the bank's call" in shown(dialog.state.text())
    assert dialog.counted.text() == str(dialog.preview.summary.cash_expected)  # last count
    [stored] = list_closes(counter_session.db, day_from=clock.today(), day_to=clock.today())
    assert stored.state == "reopened"
    assert stored.reopen_reason == "Counted again after the bank's call"


def test_a_closed_day_shows_its_count_as_closed_and_what_came_late(
        qtbot: QtBot, counter_session: CounterSession, tasks: TaskRunner) -> None:
    """An application saved after the close is a late record: the closed day's lines stay as
    counted (the officer's difference was shown against today's figures once: Rs -fee), and a
    sentence says what came since."""
    take(counter_session, 2)
    fee = counter_session.tariff.fees["police-verification"]["pkr"]
    board = open_dashboard(qtbot, window_for(qtbot, counter_session, tasks, "incharge",
                                             ScriptedMessages()))
    dialog = open_close(qtbot, board)
    [edit] = dialog.officer_edits.values()
    qtbot.keyClicks(edit, str(fee))
    with qtbot.waitSignal(dialog.closed, timeout=20_000):
        dialog.close_button.click()
    window = window_for(qtbot, counter_session, tasks, "incharge", ScriptedMessages())
    window.start_wizard("police-verification")  # one more fee, after the close
    panel = window.wizard
    assert panel is not None
    complete_wizard(qtbot, panel, panel.service, panel.service.example)
    settle(qtbot, tasks, window.print_queue)  # the receipt printed after the submit
    late = panel.done_page.late
    assert late.isVisibleTo(panel) and "Saved after the in-charge closed this day" in late.text()
    dialog = open_close(qtbot, board)
    assert f"cash counted Rs {fee:,} against Rs {fee:,} expected" in shown(dialog.state.text())
    assert f"Since then: 1 late record(s); the cash expected is now Rs {2 * fee:,}." in shown(
        dialog.state.text())
    [(officer, edit)] = dialog.officer_edits.items()
    assert edit.text() == str(fee) and not edit.isEnabled()
    difference = dialog.findChild(type(dialog.state), f"close_officer_difference_{officer}")
    assert difference.text() == "Rs 0" and dialog.difference.text() == "Rs 0"


def test_with_shifts_each_shift_is_closed_before_the_day(
        qtbot: QtBot, counter_session: CounterSession, tasks: TaskRunner) -> None:
    user = counter_session.authenticate("incharge", PASSWORD)
    set_shifts(counter_session.db, user, "day=08:00,night=20:00")
    take(counter_session, 1)
    messages = ScriptedMessages()
    board = open_dashboard(qtbot, window_for(qtbot, counter_session, tasks, "incharge",
                                             messages))
    dialog = open_close(qtbot, board)
    running = dialog.preview.current_shift
    assert dialog.shift.isVisible() and dialog.shift.currentData() == running
    assert dialog.close_button.text() == "C&lose the shift"
    dialog.shift.setCurrentIndex(dialog.shift.findData(""))
    dialog.shift.activated.emit(dialog.shift.currentIndex())
    qtbot.waitUntil(lambda: not dialog._busy and dialog.preview.summary.period.shift == "",
                    timeout=10_000)
    assert dialog.from_shifts.isVisible() and not dialog.counted.isEnabled()
    assert not any(edit.isEnabled() for edit in dialog.officer_edits.values())
    assert dialog.close_button.text() == "C&lose the day"
    dialog.close_button.click()  # no shift closed yet: the use case says which to close
    qtbot.waitUntil(lambda: "first" in dialog.problem.text(), timeout=10_000)
    assert dialog.problem.text().startswith("Close the ")
    assert dialog.isVisible()


def test_voiding_on_a_closed_day_asks_the_in_charge_for_the_override(
        qtbot: QtBot, counter_session: CounterSession, tasks: TaskRunner) -> None:
    from sqlalchemy import select

    from khidmat_desk.app.day_close import close_period
    from khidmat_desk.store.models import AuditEvent

    made = take(counter_session, 2)
    user = counter_session.authenticate("incharge", PASSWORD)
    fee = counter_session.tariff.fees["police-verification"]["pkr"]
    close_period(counter_session.db, user, day=clock.today(), cash_counted=fee)
    messages = ScriptedMessages()
    window = window_for(qtbot, counter_session, tasks, "incharge", messages)
    window.open_application(made[1])
    qtbot.waitUntil(lambda: window.view.detail is not None, timeout=5000)
    messages.answers["ask_text"] = "Entered twice; found after the count"
    window.view.status_buttons["voided"].click()
    qtbot.waitUntil(lambda: window.view.detail.status == "voided", timeout=10_000)
    asked = [text for kind, text in messages.shown if kind == "ask_text"]
    assert len(asked) == 2 and "which is closed" in asked[1]  # the void's reason, then why
    assert window.statusBar().currentMessage() == (
        f"{made[1]} marked voided. The day was closed: the override is in the audit trail.")
    with counter_session.db.read() as session:
        [override] = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "day-override")).all()
    assert override.details["reason"] == "Entered twice; found after the count"
    assert override.details["tracking_number"] == made[1]


def test_the_in_charge_sets_the_shift_times(qtbot: QtBot, counter_session: CounterSession,
                                            tasks: TaskRunner) -> None:
    from khidmat_desk.app.shifts import shift_plan
    from khidmat_desk.gui.shifts_dialog import ShiftsDialog

    messages = ScriptedMessages()
    window = window_for(qtbot, counter_session, tasks, "incharge", messages)
    [centre] = [a for a in window.menuBar().actions() if a.text() == "C&entre"]
    [action] = [a for a in centre.menu().actions()  # type: ignore[union-attr]
                if a.objectName() == "action_shifts"]
    action.trigger()
    dialog = window.centre.shifts_dialog
    assert isinstance(dialog, ShiftsDialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
    assert dialog.table.rowCount() == 0  # none set: one shift, midnight to midnight
    for name, starts in (("day", "08:00"), ("night", "25:00")):
        dialog.add_shift()
        dialog.table.item(dialog.table.rowCount() - 1, 0).setText(name)
        dialog.table.item(dialog.table.rowCount() - 1, 1).setText(starts)
    dialog.save_button.click()
    assert dialog.problem.text() == "Shift 'night': '25:00' is not a time like 08:00."
    dialog.table.item(1, 1).setText("20:00")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save_button.click()
    assert shift_plan(counter_session.db).describe() == "day=08:00, night=20:00"
    assert messages.shown[-1] == ("info", "Shift times saved: day=08:00, night=20:00")
