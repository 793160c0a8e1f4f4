"""The counter's sync status against a real central server on loopback: the status bar follows
the link going down and coming back, a save is sent at once, and the panel lists what waits."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_driver import PASSWORD, ScriptedMessages, complete_wizard, make_centre, settle, show_active
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sync_helpers import CLIENT_TIMEOUT, FAST, Central

from khidmat_central.schema import Record
from khidmat_desk.app.sync import make_syncer, setup_sync
from khidmat_desk.core.catalogue import get_service
from khidmat_desk.gui.main_window import MainWindow
from khidmat_desk.gui.session import CounterSession
from khidmat_desk.gui.sync_panel import SyncHost
from khidmat_desk.gui.tasks import TaskRunner


@pytest.fixture
def counter(tmp_path: Path, central: Central, qtbot: QtBot) -> Iterator[tuple[
        CounterSession, TaskRunner, SyncHost]]:
    settings = make_centre(tmp_path / "centre")
    settings.set("after_submit", "nothing")
    settings.save()
    setup_sync(settings, server=central.url, token=central.token("LHR01", 3))
    session = CounterSession(settings)
    session.open()
    tasks = TaskRunner(on_error=lambda exc: pytest.fail(f"background error: {exc!r}"))
    host = SyncHost(make_syncer(settings, session.db, tuning=FAST,
                                timeout_seconds=CLIENT_TIMEOUT))
    host.start()
    yield session, tasks, host
    host.stop()
    settle(qtbot, tasks)
    session.close()


def records_on_server(central: Central) -> int:
    with central.db.read() as session:
        return int(session.execute(select(func.count()).select_from(Record)).scalar_one())


def test_status_bar_follows_the_link_and_nothing_is_lost(
        qtbot: QtBot, central: Central,
        counter: tuple[CounterSession, TaskRunner, SyncHost]) -> None:
    session, tasks, host = counter
    user = session.authenticate("incharge", PASSWORD)
    window = MainWindow(tasks, session, user=user, messages=ScriptedMessages(), sync_host=host)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    service = get_service("fir-copy")
    window.start_wizard(service.code)
    assert window.wizard is not None
    complete_wizard(qtbot, window.wizard, service, service.example)
    qtbot.waitUntil(lambda: records_on_server(central) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: "online · 0 waiting" in window.link.text(), timeout=10_000)
    assert "last sent" in window.link.text()

    central.server.stop()  # the link goes down
    window.start_wizard(service.code)
    assert window.wizard is not None
    complete_wizard(qtbot, window.wizard, service, service.example)
    qtbot.waitUntil(lambda: "offline · 1 waiting" in window.link.text(), timeout=10_000)
    window.open_sync_panel()
    settle(qtbot, tasks)
    panel = window.sync_panel
    assert panel is not None and panel.pending.rowCount() == 1
    assert panel.pending.item(0, 0).text() == window.wizard.done_page.tracking.text()
    assert panel.pending.item(0, 1).text() == "application v1"
    assert panel.quarantined.rowCount() == 0 and panel.requeue_button.isVisible()

    central.restart()  # the link comes back: sent without anyone pressing anything
    qtbot.waitUntil(lambda: records_on_server(central) == 2, timeout=15_000)
    qtbot.waitUntil(lambda: "online · 0 waiting" in window.link.text(), timeout=10_000)
    settle(qtbot, tasks)
    assert panel.pending.rowCount() == 0
    window.close()


def test_the_links_problem_is_said_in_urdu_with_its_details(qtbot: QtBot,
                                                             tmp_path: Path) -> None:
    """A real pass against an address nobody answers: the sync window of an Urdu counter says
    what kind of problem it is in Urdu, then the details as written."""
    import socket

    from PySide6.QtWidgets import QApplication

    from khidmat_desk.gui.app import Translation
    from khidmat_desk.gui.sync_panel import SyncPanel
    from khidmat_desk.store.db import open_database
    from khidmat_desk.sync.status import current_status

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}"
    settings = make_centre(tmp_path / "centre")
    setup_sync(settings, server=dead, token="kd1_" + "x" * 40)
    db = open_database(settings.database_url)
    syncer = make_syncer(settings, db, tuning=FAST, timeout_seconds=CLIENT_TIMEOUT)
    try:
        report = syncer.run_once()
        status = current_status(db)
    finally:
        syncer.close()
        db.dispose()
    assert report.error_kind == status.last_error_kind == "LinkDown"
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translation = Translation(app)
    translation.apply("ur")
    try:
        panel = SyncPanel("in-charge", urdu=True)
        qtbot.addWidget(panel)
        panel.show_status(status)
        said = panel.error.text()
        assert said.startswith("مرکزی سرور") and "\n" in said
        assert str(status.last_error) in said  # the details, as written
    finally:
        translation.apply("en")
    english = SyncPanel("in-charge")
    qtbot.addWidget(english)
    english.show_status(status)
    assert english.error.text() == status.last_error
