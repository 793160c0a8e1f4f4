"""Day bundles at the counter window: the in-charge exports a counter's day to a file and
imports it on their own PC; the counter's key is asked for once, then remembered."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_driver import ScriptedMessages, make_centre
from pytestqt.qtbot import QtBot
from test_gui_dashboard import take, window_for

from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.core import clock
from khidmat_desk.gui.main_window import MainWindow
from khidmat_desk.gui.session import CounterSession
from khidmat_desk.gui.tasks import TaskRunner


@pytest.fixture
def office(tmp_path: Path, tasks: TaskRunner) -> Iterator[CounterSession]:
    """The in-charge's own PC of the same centre, with a database of its own (counter 1)."""
    make_centre(tmp_path / "office", counter=1)
    session = CounterSession(CounterSettings.load(tmp_path / "office"))
    session.open()
    yield session
    tasks.wait()
    session.close()


def centre_action(window: MainWindow, name: str) -> None:
    [centre] = [a for a in window.menuBar().actions() if a.text() == "C&entre"]
    [action] = [a for a in centre.menu().actions()  # type: ignore[union-attr]
                if a.objectName() == name]
    action.trigger()


def infos(messages: ScriptedMessages) -> list[str]:
    return [text for kind, text in messages.shown if kind == "info"]


def test_a_counters_day_goes_to_the_in_charges_pc_by_file(
        qtbot: QtBot, counter_session: CounterSession, office: CounterSession,
        tasks: TaskRunner, tmp_path: Path) -> None:
    made = take(counter_session, 2)
    messages = ScriptedMessages()
    window = window_for(qtbot, counter_session, tasks, "incharge", messages)
    bundle = tmp_path / "usb" / "counter3.khday"
    bundle.parent.mkdir()
    messages.answers.update(choose="working", save_path=str(bundle))
    centre_action(window, "action_export_day")
    qtbot.waitUntil(lambda: bool(infos(messages)), timeout=10_000)
    asked = [text for kind, text in messages.shown if kind in ("choose", "save_path")]
    today = clock.today()
    assert asked == ["Which day of counter 3 goes into the file?",
                     f"LHR01-counter3-{today.isoformat()}.khday"]
    [written] = infos(messages)
    assert "Counter 3, " in written
    assert "2 applications taken, changed or printed that day, with their 3 record versions" \
        in written
    assert str(bundle) in written and bundle.exists()
    key = " ".join(written.split("\n")[-2:])  # two lines of eight groups of four
    assert len(key.split()) == 16 and all(len(group) == 4 for group in key.split())

    at_office = ScriptedMessages()
    desk = window_for(qtbot, office, tasks, "incharge", at_office)
    at_office.answers.update(open_path=str(bundle), ask_text=key)
    centre_action(desk, "action_import_day")
    qtbot.waitUntil(lambda: bool(infos(at_office)), timeout=10_000)
    [asked_key] = [text for kind, text in at_office.shown if kind == "ask_text"]
    assert "does not know counter 3's key yet" in asked_key
    [imported] = infos(at_office)
    assert imported.startswith("Counter 3, ") and \
        "2 applications, 3 record versions and 0 printed copies added." in imported
    from khidmat_desk.app.applications import get_application

    assert get_application(office.db, made[0]).status == "voided"  # as on the counter

    again = ScriptedMessages()
    desk._messages = again
    again.answers.update(open_path=str(bundle))  # no key this time: it is remembered
    centre_action(desk, "action_import_day")
    qtbot.waitUntil(lambda: bool(infos(again)), timeout=10_000)
    assert [kind for kind, _ in again.shown] == ["open_path", "info"]
    assert "0 applications, 0 record versions" in infos(again)[0]


def test_a_cancelled_export_writes_nothing(qtbot: QtBot, counter_session: CounterSession,
                                          tasks: TaskRunner) -> None:
    messages = ScriptedMessages()
    window = window_for(qtbot, counter_session, tasks, "incharge", messages)
    messages.answers.update(choose="cancel")
    centre_action(window, "action_export_day")
    qtbot.waitUntil(lambda: any(kind == "choose" for kind, _ in messages.shown), timeout=10_000)
    tasks.wait()
    assert [kind for kind, _ in messages.shown] == ["choose"]


def test_a_verifier_has_no_day_bundle_commands(qtbot: QtBot, counter_session: CounterSession,
                                               tasks: TaskRunner) -> None:
    from gui_driver import PASSWORD

    from khidmat_desk.auth.users import create_user

    with counter_session.db.write() as session:
        create_user(session, "verifier7", "Zara Shah", "verifier", PASSWORD)
    window = window_for(qtbot, counter_session, tasks, "verifier7", ScriptedMessages())
    [centre] = [a for a in window.menuBar().actions() if a.text() == "C&entre"]
    names = {a.objectName() for a in centre.menu().actions()}  # type: ignore[union-attr]
    assert "action_awaiting_finding" in names
    assert not {"action_export_day", "action_import_day"} & names


def test_a_bundle_that_cannot_be_written_is_a_message_not_a_crash(
        qtbot: QtBot, counter_session: CounterSession, tasks: TaskRunner,
        tmp_path: Path) -> None:
    """A stick pulled out, full, or a folder that cannot be made: the in-charge is told which
    file and what to check; nothing is left half-written (ScriptedMessages fails on a crash)."""
    take(counter_session, 1)
    messages = ScriptedMessages()
    window = window_for(qtbot, counter_session, tasks, "incharge", messages)
    (tmp_path / "not-a-folder").write_text("a file where the folder should be")
    target = tmp_path / "not-a-folder" / "counter3.khday"
    messages.answers.update(choose="working", save_path=str(target))
    centre_action(window, "action_export_day")
    qtbot.waitUntil(lambda: any(kind == "warning" for kind, _ in messages.shown),
                    timeout=10_000)
    [warned] = [text for kind, text in messages.shown if kind == "warning"]
    assert warned.startswith(f"{target} could not be written (") and "try again" in warned
    assert not infos(messages) and not target.exists()
