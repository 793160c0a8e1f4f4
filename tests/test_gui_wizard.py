"""Every service's intake wizard completed by typing like an officer, then checked in the database.

Driven from the catalogue: each service's example answers are typed page by page (groups,
conditional fields, Urdu names and all), documents ticked, fee shown, and the application
submitted; what is stored must be exactly what the core would have made of those answers.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from gui_driver import (
    PASSWORD,
    ScriptedMessages,
    complete_wizard,
    enter_value,
    fill_step,
    show_active,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from khidmat_desk.app.applications import find_applications, get_application, list_drafts
from khidmat_desk.core.catalogue import SERVICE_CODES, get_service
from khidmat_desk.core.validation import validate_answers
from khidmat_desk.core.wizard import Wizard
from khidmat_desk.gui.session import CounterSession
from khidmat_desk.gui.tasks import TaskRunner
from khidmat_desk.gui.wizard_panel import WizardPanel
from khidmat_desk.store.db import open_database


@pytest.fixture
def session(counter_session: CounterSession) -> CounterSession:
    counter_session.authenticate("incharge", PASSWORD)
    return counter_session


def open_panel(qtbot: QtBot, session: CounterSession, tasks: TaskRunner, code: str,
               messages: ScriptedMessages | None = None, draft: Any = None) -> WizardPanel:
    panel = WizardPanel(get_service(code), tasks, session, messages=messages or ScriptedMessages(),
                        draft=draft)
    qtbot.addWidget(panel)
    panel.resize(1000, 760)
    show_active(qtbot, panel)
    panel._focus_first_input()
    return panel


@pytest.mark.parametrize("code", SERVICE_CODES)
def test_every_service_typed_by_an_officer_is_saved_as_typed(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner, code: str) -> None:
    service = get_service(code)
    panel = open_panel(qtbot, session, tasks, code)
    complete_wizard(qtbot, panel, service, service.example, token="A-17")
    tracking = panel.done_page.tracking.text()
    assert tracking.startswith("LHR01-") and panel.saved
    stored = get_application(session.db, tracking)
    expected = validate_answers(service, service.example)
    assert stored.answers == _json(expected.answers)
    wizard = Wizard(service, answers=dict(service.example))
    assert {d.key for d in stored.documents} == {d.key for d in wizard.documents()}
    assert stored.token_no == "A-17"
    assert stored.officer == "incharge"
    tasks.wait()
    assert list_drafts(session.db, session.user) == ()  # the draft became the application


def _json(answers: dict[str, Any]) -> dict[str, Any]:
    import json

    return json.loads(json.dumps(answers, default=str))


def test_next_is_refused_with_the_reason_under_each_field(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    panel = open_panel(qtbot, session, tasks, "character-certificate")
    qtbot.keyClick(panel, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert panel.wizard.current == "applicant"
    assert "need attention" in panel.banner.text()
    name_message = panel.findChild(type(panel.banner), "message:name")
    assert name_message.isVisible() and name_message.text() == "is required"
    assert panel.focusWidget() is panel.findChild(type(panel.documents_page.token), "name")


def test_a_wrong_cnic_is_explained_when_the_officer_leaves_it(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    panel = open_panel(qtbot, session, tasks, "character-certificate")
    form = panel.current_form()
    assert form is not None
    enter_value(qtbot, form.rows["id_type"].input, "cnic")
    cnic = form.rows["cnic"]
    cnic.input.widget.setFocus()
    qtbot.keyClicks(cnic.input.widget, "3520212")
    qtbot.keyClick(cnic.input.widget, Qt.Key.Key_Tab)
    assert cnic.message.isVisible()
    assert "13 digits" in cnic.message.text()


def test_conditional_field_appears_only_when_it_applies(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    panel = open_panel(qtbot, session, tasks, "character-certificate")
    form = panel.current_form()
    assert form is not None
    cnic = form.rows["cnic"]
    assert not cnic.input.widget.isVisibleTo(form)
    id_type = form.rows["id_type"].input
    id_type.widget.setFocus()
    qtbot.keyClick(id_type.widget, Qt.Key.Key_Down)
    assert id_type.value() == "cnic"
    assert cnic.input.widget.isVisibleTo(form)


def test_a_pasted_ten_thousand_characters_are_kept_and_explained(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    panel = open_panel(qtbot, session, tasks, "character-certificate")
    form = panel.current_form()
    assert form is not None
    name = form.rows["guardian_name"].input.widget
    name.setFocus()
    QApplication.clipboard().setText("A" * 10_000)
    qtbot.keyClick(name, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    assert len(name.text()) == 10_000
    message = form.rows["guardian_name"].message
    assert message.isVisible() and "at most" in message.text()


def test_a_busy_database_does_not_lose_the_application(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    """Another program holds the database: the officer is told, nothing typed is lost, and
    the second try saves exactly one application."""
    url = session.settings.database_url
    session.db.dispose()
    session.ctx.db = open_database(url, busy_timeout_ms=200)
    service = get_service("fir-copy")
    panel = open_panel(qtbot, session, tasks, service.code)
    complete_wizard(qtbot, panel, service, service.example, submit=False)
    blocker = sqlite3.connect(url.removeprefix("sqlite:///"))
    blocker.execute("BEGIN IMMEDIATE")
    try:
        qtbot.keyClick(panel, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: "Not saved" in panel.banner.text(), timeout=10_000)
        assert "busy" in panel.banner.text().lower() and not panel.saved
    finally:
        blocker.rollback()
        blocker.close()
    assert panel.submit_button.isEnabled()
    with qtbot.waitSignal(panel.submitted, timeout=10_000):
        qtbot.keyClick(panel, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    found = find_applications(session.db, service.example["cnic"])
    assert [a.tracking_number for a in found.items] == [panel.done_page.tracking.text()]


def _next(qtbot: QtBot, panel: WizardPanel) -> None:
    step = panel.wizard.current
    qtbot.keyClick(panel, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert panel.wizard.current != step, (step, panel.banner.text())


def test_the_permanent_address_is_the_present_one_with_one_key(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    """Most citizens live where their home is: Alt+A fills the permanent address (text,
    district, police station) from the present one, checked as if typed."""
    service = get_service("police-verification")
    panel = open_panel(qtbot, session, tasks, service.code)
    fill_step(qtbot, panel.current_form(), service.example)
    _next(qtbot, panel)
    form = panel.current_form()
    assert form is not None and panel.wizard.current == "addresses"
    present = {k: v for k, v in service.example.items() if k.startswith("present_")}
    fill_step(qtbot, form, present)
    button = form.copy_buttons["permanent_address"]
    assert button.isVisibleTo(form) and button.text() == "Same &as: Present address"
    tabs = form.tab_widgets()
    assert tabs.index(button) == tabs.index(form.rows["permanent_address"].input.widget) - 1
    assert button.shortcut().toString() == "Alt+A"
    button.setFocus()  # Tab from the present address's police station
    qtbot.keyClick(button, Qt.Key.Key_Space)
    copied = {k.replace("present_", "permanent_"): v for k, v in present.items()}
    assert {k: form.rows[k].input.value() for k in copied} == copied
    _next(qtbot, panel)  # nothing left to type on the page


def test_a_place_of_violence_at_her_home_is_copied_from_an_earlier_page(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    service = get_service("women-violence-report")
    panel = open_panel(qtbot, session, tasks, service.code)
    while panel.wizard.current != "incident":
        fill_step(qtbot, panel.current_form(), service.example)
        _next(qtbot, panel)
    form = panel.current_form()
    assert form is not None
    button = form.copy_buttons["incident_address"]
    assert "Survivor's present address" in button.text()
    button.click()
    for part in ("address", "district", "police_station"):
        assert form.rows[f"incident_{part}"].input.value() \
            == service.example.get(f"survivor_{part}", ""), part
    # the cursor goes on past the copied address: nothing to type in it again
    after = form.tab_widgets()
    stops = [w for part in ("address", "district", "police_station")
             for w in form.rows[f"incident_{part}"].input.tab_stops()]
    assert after.index(panel.focusWidget()) == max(after.index(w) for w in stops) + 1


def test_a_wizard_closed_on_its_own_saves_its_draft_then_and_not_later(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    """Its save timer once went off after the window had closed, when nobody was signed in
    any more ("nobody is signed in at this counter" in a crash dialog)."""
    panel = open_panel(qtbot, session, tasks, "character-certificate")
    form = panel.current_form()
    assert form is not None
    name = form.rows["name"].input.widget
    name.setFocus()
    qtbot.keyClicks(name, "Zarina Qureshi")
    assert panel._autosave.isActive()
    panel.close()
    assert not panel._autosave.isActive()
    tasks.wait()
    assert len(list_drafts(session.db, session.user)) == 1
