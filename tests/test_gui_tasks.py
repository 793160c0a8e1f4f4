"""The background worker hands results back to windows. A window closed while its work runs
is let go of on the GUI thread, never on the worker's: deleted there, it left its timers
behind and its result called into a dead reference (which crashed the counter)."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject, QTimer
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
