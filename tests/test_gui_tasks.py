"""The background worker hands results back to windows. A window closed while its work runs
is let go of on the GUI thread, never on the worker's: deleted there, it left its timers
behind and its result called into a dead reference (which crashed the counter)."""

from __future__ import annotations

import gc
import threading

import pytest
from PySide6.QtCore import QObject, QTimer, Signal
from pytestqt.qtbot import QtBot

from khidmat_desk.gui.tasks import TaskRunner


class _Window(QObject):
    """A wizard as the worker sees it: its lookup's lambda holds it, its timer runs."""

    def __init__(self, seen: list[object]) -> None:
        super().__init__()
        self.seen = seen
        self.autosave = QTimer(self, singleShot=True, interval=60_000)
        self.autosave.start()

    def look_up(self, release: threading.Event) -> str:
        release.wait(10)
        return "citizen"

    def on_found(self, value: object) -> None:
        self.seen.append(value)


def test_a_window_closed_while_its_work_runs_goes_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner(on_error=lambda exc: None)
    release = threading.Event()
    seen: list[object] = []
    window = _Window(seen)
    gone: list[str] = []
    window.destroyed.connect(lambda: gone.append(threading.current_thread().name))
    runner.run(lambda held=window: held.look_up(release), window.on_found)
    del window  # the officer pressed Esc: only the running lookup still holds the wizard
    gc.collect()
    release.set()
    assert runner.wait(10_000)
    qtbot.waitUntil(lambda: gone != [], timeout=3000)
    assert gone == [threading.main_thread().name]
    assert seen == ["citizen"]  # it was alive when its result came, so it had it


def test_a_result_for_a_window_still_open_arrives(qtbot: QtBot) -> None:
    runner = TaskRunner(on_error=lambda exc: None)
    seen: list[object] = []
    window = _Window(seen)
    runner.run(lambda: "citizen", window.on_found)
    assert runner.wait(10_000)
    qtbot.waitUntil(lambda: seen == ["citizen"], timeout=3000)


class _Flow(QObject):
    """Printing as the main window holds it: its result is said with a signal of its own."""

    printed = Signal(str)


def test_a_result_for_a_window_deleted_meanwhile_is_dropped_not_a_crash(
        qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    """The officer switched user while a receipt printed: the old main window is deleted and
    the print's result came to it ("Signal source has been deleted" in a crash dialog)."""
    runner = TaskRunner(on_error=lambda exc: None)
    release = threading.Event()
    flow = _Flow()
    runner.run(lambda: release.wait(10), lambda _: flow.printed.emit("LHR01-261201-01-0001-2"))
    flow.deleteLater()
    qtbot.wait(20)  # deleted now, as the switch of user deletes the window
    release.set()
    assert runner.wait(10_000)
    with caplog.at_level("INFO", logger="khidmat.gui.tasks"):
        for _ in range(5):
            qtbot.wait(20)  # the result arrives; pytest-qt fails the test on any exception
    assert "already closed" in caplog.text
