"""Centre ▸ Take back from the central server, against a real server on loopback: the PC set
up again as counter 3 gets back the applications the lost one sent, and says so."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from gui_driver import PASSWORD, ScriptedMessages, make_centre, settle, show_active
from intake_helpers import counter_context, intake
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from sync_helpers import CLIENT_TIMEOUT, FAST, Central, drain

from khidmat_desk.app.applications import get_application, submit_application
from khidmat_desk.app.sync import make_syncer, setup_sync
from khidmat_desk.auth.users import authenticate
from khidmat_desk.core.catalogue import load_tariff
from khidmat_desk.gui.main_window import MainWindow
from khidmat_desk.gui.session import CounterSession
from khidmat_desk.gui.tasks import TaskRunner
from khidmat_desk.store.db import open_database


def _sent_then_lost(tmp_path: Path, central: Central, token: str) -> list[str]:
    """Counter 3 took two FIR copy applications and sent them; then its disk died."""
    settings = make_centre(tmp_path / "lost")
    setup_sync(settings, server=central.url, token=token)
    db = open_database(settings.database_url, backup_dir=settings.backup_dir)
    try:
        head = authenticate(db, "incharge", PASSWORD)
        ctx = counter_context(db, head, load_tariff(), counter=3)
        made = [submit_application(ctx, intake("fir-copy")).tracking_number for _ in range(2)]
        syncer = make_syncer(settings, db, tuning=FAST, timeout_seconds=CLIENT_TIMEOUT)
        try:
            drain(syncer)
        finally:
            syncer.close()
    finally:
        db.dispose()
    return made


@contextmanager
def _window(qtbot: QtBot, folder: Path, central: Central, token: str | None, *,
            first_pass: bool = False) -> Iterator[tuple[MainWindow, ScriptedMessages]]:
    """The in-charge's counter window on a centre set up in ``folder`` (syncing with
    ``token``), closed with its session afterwards."""
    settings = make_centre(folder)
    if token is not None:
        setup_sync(settings, server=central.url, token=token)
    if first_pass:  # the sync's first pass of this run, as the counter makes at its start
        db = open_database(settings.database_url, backup_dir=settings.backup_dir)
        syncer = make_syncer(settings, db, tuning=FAST, timeout_seconds=CLIENT_TIMEOUT)
        try:
            assert syncer.run_once().error is None
        finally:
            syncer.close()
            db.dispose()
    session = CounterSession(settings)
    session.open()
    tasks = TaskRunner(on_error=lambda exc: pytest.fail(f"background error: {exc!r}"))
    messages = ScriptedMessages()
    window = MainWindow(tasks, session, user=session.authenticate("incharge", PASSWORD),
                        messages=messages)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    try:
        yield window, messages
    finally:
        settle(qtbot, tasks)
        window.close()
        session.close()


def test_the_in_charge_takes_back_what_the_lost_counter_sent(
        qtbot: QtBot, tmp_path: Path, central: Central) -> None:
    token = central.token("LHR01", 3)
    made = _sent_then_lost(tmp_path, central, token)
    with _window(qtbot, tmp_path / "again", central, token) as (window, messages):
        messages.answers["choose"] = "week"
        with qtbot.waitSignal(window.centre.take_back.read_so_far, timeout=15_000) as read:
            window.findChild(QAction, "action_take_back").trigger()
        assert read.args == [2]  # page by page, as the status bar counts them
        qtbot.waitUntil(lambda: any(kind == "info" for kind, _ in messages.shown),
                        timeout=15_000)
        kind, text = messages.shown[-1]
        assert kind == "info" and "holds 2 application(s)" in text
        assert "2 were added here" in text and "nothing is sent again" in text
        assert "Tracking numbers go on after those the server holds" in text
        for number in made:
            assert get_application(window.session.db, number).status == "submitted"
        qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10_000)  # today's list
        assert "Taken back from the central server: 2" in window.statusBar().currentMessage()
        choose = next(text for kind, text in messages.shown if kind == "choose")
        assert "From which day?" in choose


def test_without_a_central_server_there_is_nothing_to_take_back(
        qtbot: QtBot, tmp_path: Path, central: Central) -> None:
    with _window(qtbot, tmp_path / "alone", central, None) as (window, messages):
        window.findChild(QAction, "action_take_back").trigger()
        qtbot.waitUntil(lambda: bool(messages.shown), timeout=10_000)
        assert [kind for kind, _ in messages.shown] == ["warning"]
        assert "sync is not set up" in messages.shown[0][1]


def test_a_dead_link_takes_nothing_and_says_to_try_again(
        qtbot: QtBot, tmp_path: Path, central: Central) -> None:
    token = central.token("LHR01", 3)
    with _window(qtbot, tmp_path / "again", central, token) as (window, messages):
        messages.answers["choose"] = "month"
        central.server.stop()
        window.findChild(QAction, "action_take_back").trigger()
        qtbot.waitUntil(lambda: any(kind == "warning" for kind, _ in messages.shown),
                        timeout=15_000)
        said = messages.shown[-1][1]
        assert said.startswith("Nothing more was taken back: ")
        assert "Take back again when the link is up" in said
        assert window.statusBar().currentMessage() == ""


def test_the_status_bar_says_to_take_back_until_it_is_done(
        qtbot: QtBot, tmp_path: Path, central: Central) -> None:
    token = central.token("LHR01", 3)
    _sent_then_lost(tmp_path, central, token)
    with _window(qtbot, tmp_path / "again", central, token,
                 first_pass=True) as (window, messages):
        messages.answers["choose"] = "week"
        qtbot.waitUntil(lambda: "take back from the server" in window.link.text(),
                        timeout=10_000)
        window.open_sync_panel()
        panel = window.sync_panel
        assert panel is not None
        qtbot.waitUntil(panel.behind.isVisible, timeout=10_000)
        assert "0002" in panel.behind.text() and "Take back" in panel.behind.text()
        panel.close()

        window.findChild(QAction, "action_take_back").trigger()
        qtbot.waitUntil(lambda: any(kind == "info" for kind, _ in messages.shown),
                        timeout=15_000)
        qtbot.waitUntil(lambda: "take back" not in window.link.text(), timeout=10_000)
