"""Centre ▸ Central server…: the in-charge sets up the link at the counter, against a real server
on loopback. The server is asked first: a wrong token changes nothing; the right one is kept,
audited without the token, and the counter starts sending at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_driver import PASSWORD, ScriptedMessages, make_centre, settle
from intake_helpers import counter_context, intake
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sync_helpers import Central

from khidmat_central.schema import Record
from khidmat_desk.app.applications import submit_application
from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.app.sync_check import set_up_link
from khidmat_desk.auth.users import PermissionDenied, authenticate, create_user
from khidmat_desk.core.catalogue import load_tariff
from khidmat_desk.gui.app import Counter
from khidmat_desk.gui.central_server_dialog import CentralServerDialog
from khidmat_desk.gui.session import CounterSession
from khidmat_desk.gui.tasks import TaskRunner
from khidmat_desk.store.db import open_database
from khidmat_desk.store.models import AuditEvent


def _signed_in(qtbot: QtBot, folder: Path, messages: ScriptedMessages
               ) -> tuple[Counter, CounterSession, TaskRunner]:
    session = CounterSession(CounterSettings.load(folder))
    tasks = TaskRunner(on_error=lambda exc: pytest.fail(f"background error: {exc!r}"))
    counter = Counter(QApplication.instance(), session, tasks, messages,  # type: ignore[arg-type]
                      idle_ms=600_000)
    counter.start()
    assert counter.login is not None
    qtbot.addWidget(counter.login)
    counter.login.user.setText("incharge")
    counter.login.password.setText(PASSWORD)
    with qtbot.waitSignal(counter.login.signed_in, timeout=10_000):
        counter.login._on_sign_in_clicked()
    qtbot.waitUntil(lambda: counter.window is not None, timeout=10_000)
    return counter, session, tasks


def _held(central: Central, tracking: str) -> bool:
    with central.db.read() as read:
        return read.scalars(select(Record.uuid).where(
            Record.tracking_number == tracking)).first() is not None


def _dialog(qtbot: QtBot, counter: Counter) -> CentralServerDialog:
    window = counter.window
    assert window is not None
    window.findChild(QAction, "action_central_server").trigger()
    dialog = window.centre.central_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    return dialog


def test_the_in_charge_sets_up_the_central_server_at_the_counter(
        qtbot: QtBot, tmp_path: Path, central: Central) -> None:
    settings = make_centre(tmp_path / "centre")  # LHR01 counter 3, not syncing yet
    db = open_database(settings.database_url)
    try:  # one application waiting since before the link was set up
        ctx = counter_context(db, authenticate(db, "incharge", PASSWORD), load_tariff(),
                              counter=3)
        waiting = submit_application(ctx, intake("fir-copy")).tracking_number
    finally:
        db.dispose()
    messages = ScriptedMessages()
    counter, session, tasks = _signed_in(qtbot, settings.data_dir, messages)
    window = counter.window
    assert window is not None and counter.sync_host is None
    try:
        dialog = _dialog(qtbot, counter)
        assert dialog.focusWidget() is dialog.server  # nothing set up: the address first
        dialog.save()
        assert dialog.problem.text() == "Type the central server's address."
        dialog.server.setText(central.url)
        dialog.save()
        assert dialog.problem.text() == "Paste this counter's token from the central server."

        dialog.token.setText(central.token("LHR01", 8))  # counter 8's, not this one's
        dialog.save()
        qtbot.waitUntil(lambda: bool(dialog.problem.text()), timeout=10_000)
        assert "knows this token as LHR01 counter 8, and this PC is LHR01 counter 3" in \
            dialog.problem.text()
        assert dialog.isVisible() and dialog.focusWidget() is dialog.token
        assert CounterSettings.load(settings.data_dir).get("sync_server") == ""

        dialog.token.setText("kd1_typed_wrong")
        dialog.save()
        qtbot.waitUntil(lambda: "refused this token" in dialog.problem.text(), timeout=10_000)
        assert CounterSettings.load(settings.data_dir).get("sync_server") == ""

        token = central.token("LHR01", 3)
        dialog.token.setText(token)
        with qtbot.waitSignal(window.sync_set_up, timeout=10_000):
            dialog.save()
        qtbot.waitUntil(lambda: any(kind == "info" for kind, _ in messages.shown),
                        timeout=10_000)
        said = next(text for kind, text in messages.shown if kind == "info")
        assert "The token is LHR01 counter 3's" in said
        assert not dialog.isVisible()
        assert CounterSettings.load(settings.data_dir).get("sync_server") == central.url
        # the counter sends at once, with the link just set up
        qtbot.waitUntil(lambda: counter.sync_host is not None, timeout=10_000)
        qtbot.waitUntil(lambda: _held(central, waiting), timeout=15_000)
        qtbot.waitUntil(lambda: "online" in window.link.text(), timeout=10_000)
        with session.db.read() as read:
            event = read.scalars(select(AuditEvent).where(
                AuditEvent.action == "sync-set-up")).one()
        assert event.actor == "incharge" and token not in str(event.details)
        assert event.details["token_of"] == "LHR01/3" and event.details["server_asked"]

        dialog = _dialog(qtbot, counter)  # set up already: the token is what is asked again
        assert dialog.server.text() == central.url and dialog.focusWidget() is dialog.token
        assert "stays when this is left empty" in dialog.token.placeholderText()
        dialog.server.setText(central.url + "/")  # the address retyped, the token kept
        said = len(messages.shown)
        with qtbot.waitSignal(window.sync_set_up, timeout=10_000):
            dialog.save()
        qtbot.waitUntil(lambda: len(messages.shown) > said, timeout=10_000)
        assert messages.shown[-1] == ("info", "The central server answered and the setup is "
                                              "kept. The token is LHR01 counter 3's.")
    finally:
        counter.stop_sync()
        settle(qtbot, tasks)
        if counter.window is not None:
            counter.window.close()
        counter.backup_timer.stop()
        counter.backups.wait()
        session.close()


def test_only_the_in_charge_sets_up_the_link(tmp_path: Path, central: Central) -> None:
    settings = make_centre(tmp_path / "centre")
    db = open_database(settings.database_url)
    try:
        with db.write() as write:
            officer = create_user(write, "asma.bibi", "Asma Bibi", "officer", "officer-pass-1")
        with pytest.raises(PermissionDenied):
            set_up_link(settings, db, officer, server=central.url,
                        token=central.token("LHR01", 3))
        assert CounterSettings.load(settings.data_dir).get("sync_server") == ""
    finally:
        db.dispose()
