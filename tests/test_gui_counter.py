"""The counter window driven like an officer: sign in, see today's queue, search, scan."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.cli.main import main
from khidmat_desk.core.catalogue import get_service
from khidmat_desk.gui.app import CounterSession, centre_line
from khidmat_desk.gui.login import LoginDialog
from khidmat_desk.gui.main_window import MainWindow
from khidmat_desk.gui.tasks import TaskRunner

PASSWORD = "incharge-pass-1"


@pytest.fixture
def centre(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
           capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    folder = tmp_path / "centre"
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["init", "--data-dir", str(folder), "--centre-code", "LHR01", "--centre-name",
                 "Liberty", "--district", "Lahore", "--counter", "3", "--user", "incharge",
                 "--secret-store", "file", "--password-stdin"]) == 0
    answers = tmp_path / "a.json"
    import json
    answers.write_text(json.dumps(get_service("tenant-registration").example))
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    capsys.readouterr()
    assert main(["apply", "tenant-registration", "--data-dir", str(folder), "--answers",
                 str(answers), "--user", "incharge", "--password-stdin"]) == 0
    tracking = capsys.readouterr().out.strip()
    return folder, tracking


@pytest.fixture
def session(centre: tuple[Path, str]) -> CounterSession:
    counter = CounterSession(CounterSettings.load(centre[0]))
    counter.open()
    yield counter
    counter.db.dispose()


def _sign_in(qtbot: QtBot, tasks: TaskRunner, session: CounterSession, password: str) -> LoginDialog:
    dialog = LoginDialog(tasks, session.authenticate, centre_line(session.settings))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.user, "incharge")
    qtbot.keyClicks(dialog.password, password)
    return dialog


def test_wrong_password_is_explained_and_right_one_signs_in(
        qtbot: QtBot, session: CounterSession) -> None:
    tasks = TaskRunner(on_error=lambda exc: pytest.fail(str(exc)))
    dialog = _sign_in(qtbot, tasks, session, "wrong-password")
    qtbot.keyClick(dialog.password, "\r")
    qtbot.waitUntil(lambda: "password" in dialog.message.text().lower(), timeout=5000)
    assert dialog.password.text() == ""
    qtbot.keyClicks(dialog.password, PASSWORD)
    with qtbot.waitSignal(dialog.signed_in, timeout=5000) as signed:
        qtbot.keyClick(dialog.password, "\r")
    assert signed.args[0].username == "incharge"
    tasks.wait()


def test_queue_search_and_scanned_receipt(qtbot: QtBot, session: CounterSession,
                                          centre: tuple[Path, str]) -> None:
    tasks = TaskRunner(on_error=lambda exc: pytest.fail(str(exc)))
    user = session.authenticate("incharge", PASSWORD)
    window = MainWindow(tasks, user=user, centre_line=centre_line(session.settings),
                        load_queue=session.todays_queue, find=session.find)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5000)
    assert window.model.rows[0].tracking_number == centre[1]
    search = window.findChild(type(window.search), "search")
    # a barcode scanner types the tracking number and Enter
    qtbot.keyClicks(search, centre[1])
    qtbot.keyClick(search, "\r")
    qtbot.waitUntil(lambda: "tracking" in window.heading.text(), timeout=5000)
    assert [r.tracking_number for r in window.model.rows] == [centre[1]]
    search.clear()
    qtbot.keyClicks(search, "zzqx")
    qtbot.keyClick(search, "\r")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=5000)
    tasks.wait()
