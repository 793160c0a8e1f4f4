"""A PC clock gone back (a flat CMOS battery after a power cut) is said at sign-in, before the
unfinished applications are offered, and stays in the status bar until the clock is right."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from gui_driver import PASSWORD, ScriptedMessages, show_active
from intake_helpers import intake
from pytestqt.qtbot import QtBot

from khidmat_desk.app.applications import submit_application
from khidmat_desk.core.display import LRI
from khidmat_desk.gui.main_window import MainWindow
from khidmat_desk.gui.session import CounterSession
from khidmat_desk.gui.tasks import TaskRunner
from khidmat_desk.sync import state


def _saved_two_days_later(session: CounterSession) -> None:
    session.authenticate("incharge", PASSWORD)
    submit_application(session.ctx, intake("police-verification"),
                       now=datetime.now(UTC) + timedelta(days=2))


def _window(qtbot: QtBot, session: CounterSession, tasks: TaskRunner,
            messages: ScriptedMessages, *, urdu: bool = False) -> MainWindow:
    user = session.authenticate("incharge", PASSWORD)
    window = MainWindow(tasks, session, user=user, messages=messages, urdu=urdu)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    show_active(qtbot, window)
    tasks.wait()
    return window


def test_a_clock_gone_back_is_said_first_and_stays_in_the_status_bar(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    _saved_two_days_later(session)
    session.authenticate("incharge", PASSWORD)
    messages = ScriptedMessages()
    window = _window(qtbot, session, tasks, messages)
    window.greet()
    tasks.wait()
    qtbot.waitUntil(lambda: window.clock_watch.label.isVisible(), timeout=5000)
    assert messages.shown[0][0] == "warning" and "the clock has gone back" in messages.shown[0][1]
    assert window.clock_watch.label.text() == "⚠ Set the PC's clock"
    assert "Set the PC's date and time" in window.clock_watch.label.toolTip()

    shown = len(messages.shown)
    window.clock_watch.check()  # the minute's check says nothing in a box
    tasks.wait()
    qtbot.wait(50)
    assert len(messages.shown) == shown and window.clock_watch.label.isVisible()
    window.clock_watch.label.click()  # a click says it again
    assert len(messages.shown) == shown + 1
    window.open_sync_panel()  # and the sync window (Ctrl+Shift+S) says it, for the keyboard
    panel = window.sync_panel
    assert panel is not None and panel.clock.isVisible()
    assert panel.clock.text() == window.clock_watch.problem

    with session.db.write() as transaction:  # the sync heard the server: the clock is right
        state.write(transaction, {state.CLOCK_AHEAD: 2.0,
                                  state.CLOCK_MEASURED: datetime.now(UTC)},
                    now=datetime.now(UTC))
    window.clock_watch.check()
    tasks.wait()
    qtbot.waitUntil(lambda: not window.clock_watch.label.isVisible(), timeout=5000)
    assert window.statusBar().currentMessage() == "The PC's clock is right again."
    assert not panel.clock.isVisible()
    panel.close()


def test_a_right_clock_says_nothing(qtbot: QtBot, session: CounterSession,
                                    tasks: TaskRunner) -> None:
    session.authenticate("incharge", PASSWORD)
    submit_application(session.ctx, intake("police-verification"))
    messages = ScriptedMessages()
    window = _window(qtbot, session, tasks, messages)
    window.greet()
    tasks.wait()
    qtbot.wait(50)
    assert not [m for m in messages.shown if m[0] == "warning"]
    assert not window.clock_watch.label.isVisible()


def test_the_urdu_counter_says_it_in_urdu_with_dates_kept_whole(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    _saved_two_days_later(session)
    messages = ScriptedMessages()
    window = _window(qtbot, session, tasks, messages, urdu=True)
    window.greet()
    tasks.wait()
    qtbot.waitUntil(lambda: bool(messages.shown), timeout=5000)
    kind, text = messages.shown[0]
    assert kind == "warning" and "گھڑی پیچھے چلی گئی ہے" in text
    assert f"{LRI}{datetime.now(UTC).year}" not in text  # dates as written: day first
    assert LRI in text and "This PC" not in text
