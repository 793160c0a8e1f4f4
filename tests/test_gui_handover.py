"""Handing over a finished document from the application view: the applicant's CNIC is
checked against the application; a representative is recorded by name and CNIC."""

from __future__ import annotations

from typing import Any

import pytest
from gui_driver import PASSWORD, ScriptedMessages, settle
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from test_gui_counter import main_window, submit_example

from khidmat_desk.app.applications import change_status, get_application
from khidmat_desk.app.delivery import Handover, HandoverRefused, mark_delivered
from khidmat_desk.app.findings import record_finding
from khidmat_desk.core.catalogue import get_service
from khidmat_desk.core.findings import finding_kind
from khidmat_desk.gui.session import CounterSession
from khidmat_desk.gui.tasks import TaskRunner


def ready(session: CounterSession, code: str = "character-certificate") -> tuple[str, str]:
    tracking = submit_example(session, code)
    user = session.authenticate("incharge", PASSWORD)
    change_status(session.db, tracking, "in-verification", user=user)
    record_finding(session.db, tracking, user=user, outcome="verified",
                   record_status=finding_kind(code).for_outcome("verified")[0].key,
                   reference="CRO 1/2026", override_reason="a one-person test centre")
    change_status(session.db, tracking, "ready", user=user)
    service = get_service(code)
    return tracking, service.example[service.primary_cnic]


def test_the_applicant_collects_with_their_own_cnic_only(session: CounterSession) -> None:
    tracking, cnic = ready(session)
    user = session.authenticate("incharge", PASSWORD)
    with pytest.raises(HandoverRefused, match="not the one this application was made with"):
        mark_delivered(session.db, tracking, Handover("self", "35202-7654321-3"), user=user)
    with pytest.raises(HandoverRefused, match="applicant's own CNIC"):
        mark_delivered(session.db, tracking, Handover("representative", cnic, "Some One"),
                       user=user)
    with pytest.raises(HandoverRefused, match="CNIC"):
        mark_delivered(session.db, tracking, Handover("self", "12345"), user=user)
    assert get_application(session.db, tracking).status == "ready"  # nothing written
    mark_delivered(session.db, tracking, Handover("self", cnic), user=user)
    detail = get_application(session.db, tracking)
    assert detail.status == "delivered"
    assert "applicant in person" in (detail.history[-1].reason or "")


def open_handover(qtbot: QtBot, session: CounterSession, tasks: TaskRunner, tracking: str,
                  messages: ScriptedMessages) -> tuple[Any, Any]:
    """The application opened at the counter and Enter pressed on its first action, Mark
    delivered: the counter window and the handover window it opens."""
    window = main_window(qtbot, session, tasks, messages)
    window.open_application(tracking)
    settle(qtbot, tasks)
    button = window.view.status_buttons["delivered"]
    assert button.hasFocus()  # the view opens on its first action ...
    qtbot.keyClick(button, Qt.Key.Key_Return)  # ... and Enter does it
    assert window.handover_dialog.isVisible()
    return window, window.handover_dialog


def test_handover_from_the_application_view(qtbot: QtBot, session: CounterSession,
                                            tasks: TaskRunner) -> None:
    tracking, _ = ready(session)
    messages = ScriptedMessages()
    window, dialog = open_handover(qtbot, session, tasks, tracking, messages)
    QTest.mouseClick(dialog.representative, Qt.MouseButton.LeftButton)  # or Alt+R
    dialog.representative.setChecked(True)
    QTest.keyClicks(dialog.name, "Bilal Ahmed")
    dialog.cnic.setFocus()
    dialog.cnic.setCursorPosition(0)
    QTest.keyClicks(dialog.cnic, "3520212345677")
    QTest.keyClick(dialog.cnic, Qt.Key.Key_Return)
    settle(qtbot, tasks)
    qtbot.waitUntil(lambda: window.view.detail is not None
                    and window.view.detail.status == "delivered", timeout=5000)
    reason = window.view.detail.history[-1].reason or ""
    assert "Bilal Ahmed" in reason and "35202-1234567-7" in reason
    assert not any(kind == "warning" for kind, _ in messages.shown)


def test_a_wrong_cnic_brings_the_handover_back_as_typed(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    """A refusal is said in the handover window itself, with what was typed kept and the CNIC
    ready to type again; the right CNIC then hands it over."""
    tracking, cnic = ready(session)
    messages = ScriptedMessages()
    window, dialog = open_handover(qtbot, session, tasks, tracking, messages)
    dialog.cnic.setCursorPosition(0)
    QTest.keyClicks(dialog.cnic, "3520212345677")
    QTest.keyClick(dialog.cnic, Qt.Key.Key_Return)
    settle(qtbot, tasks)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    assert "not the one this application was made with" in dialog.problem.text()
    assert dialog.problem.isVisible() and dialog.cnic.text() == "35202-1234567-7"
    qtbot.waitUntil(dialog.cnic.hasSelectedText, timeout=2000)
    assert dialog.focusWidget() is dialog.cnic
    assert not messages.shown  # no message box on top of it
    QTest.keyClicks(dialog.cnic, cnic.replace("-", ""))  # typed over the selection
    QTest.keyClick(dialog.cnic, Qt.Key.Key_Return)
    settle(qtbot, tasks)
    qtbot.waitUntil(lambda: window.view.detail is not None
                    and window.view.detail.status == "delivered", timeout=5000)
    assert not dialog.isVisible()


def test_an_fir_copy_is_handed_over_with_who_attested_it(qtbot: QtBot, session: CounterSession,
                                                         tasks: TaskRunner) -> None:
    """The FIR-copy service records the attested copy it exists for: the dialog asks for the
    pages and who attested it, and they are kept with the application."""
    tracking, cnic = ready(session, "fir-copy")
    window, dialog = open_handover(qtbot, session, tasks, tracking, ScriptedMessages())
    typed = {"pages": "3", "attested_by_name": "Ghulam Mustafa",
             "attested_by_rank": "Moharrir, Police Station Gulberg", "attested_on": "22-11-2025"}
    for key, text in typed.items():
        QTest.keyClicks(dialog.fact_inputs[key], text)
    dialog.cnic.setFocus()
    dialog.cnic.setCursorPosition(0)
    QTest.keyClicks(dialog.cnic, cnic.replace("-", ""))
    QTest.keyClick(dialog.cnic, Qt.Key.Key_Return)
    settle(qtbot, tasks)
    qtbot.waitUntil(lambda: window.view.detail is not None
                    and window.view.detail.status == "delivered", timeout=5000)
    kept = get_application(session.db, tracking).answers["handover"]
    assert kept["pages"] == 3 and kept["attested_by_name"] == "Ghulam Mustafa"
    assert kept["attested_on"] == "2025-11-22"
    assert "applicant in person" in kept["collected"]
