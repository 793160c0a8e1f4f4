"""Every message the checks can give has its Urdu: the templates in core (read from the code,
so a new message without a translation fails here), the sentences services declare, and the
counter showing them in Urdu under the field and in the banner."""

from __future__ import annotations

import ast
import json
import string
from pathlib import Path

import pytest
from gui_driver import ScriptedMessages, show_active
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from khidmat_desk.core import validators
from khidmat_desk.core.catalogue import SERVICE_CODES, get_service
from khidmat_desk.core.fields import Field
from khidmat_desk.gui.session import CounterSession
from khidmat_desk.gui.tasks import TaskRunner
from khidmat_desk.gui.wizard_panel import WizardPanel

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = json.loads((ROOT / "resources" / "translations" / "messages_ur.json")
                       .read_text(encoding="utf-8"))
#: Calls whose template argument is a message, and where that argument stands.
MESSAGE_CALLS = {"_error": 0, "_warn": 1, "finding": 1, "_issue": 2, "saying": 2, "Issue": 2,
                 "Finding": 1, "_wrong": 1}


def _strings(node: ast.AST, names: dict[str, list[str]]) -> list[str] | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Name) and node.id in names:
        return names[node.id]
    if isinstance(node, ast.IfExp):
        body, other = _strings(node.body, names), _strings(node.orelse, names)
        return None if body is None or other is None else body + other
    return None


def _assigned(tree: ast.AST) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            value = _strings(node.value, {})
            if value is not None:
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        found.setdefault(target.id, []).extend(value)
    return found


def core_templates() -> tuple[set[str], list[str]]:
    """Templates passed to the message-making calls of core, and the calls whose template is
    not a plain string (those must be few and known)."""
    templates: set[str] = set()
    indirect: list[str] = []
    for path in sorted((ROOT / "khidmat_desk" / "core").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = _assigned(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else \
                func.attr if isinstance(func, ast.Attribute) else ""
            at = MESSAGE_CALLS.get(name)
            if at is None or len(node.args) <= at:
                continue
            argument = node.args[at]
            assert not isinstance(argument, ast.JoinedStr), (
                f"{path.name}:{node.lineno}: a message is a template with arguments, never an "
                "f-string (it could not be translated)")
            found = _strings(argument, names)
            if found is None:
                indirect.append(f"{path.name}:{node.lineno}:{ast.unparse(argument)}")
            else:
                templates.update(found)
    return templates, indirect


def service_sentences() -> set[str]:
    sentences: set[str] = set()

    def walk(fields: tuple[Field, ...]) -> None:
        for field in fields:
            if field.pattern_hint:
                sentences.add(field.pattern_hint)
            walk(field.fields)

    for code in SERVICE_CODES:
        service = get_service(code)
        for rule in service.rules:
            for attribute in ("message", "reason"):
                value = getattr(rule, attribute, "")
                if value:
                    sentences.add(value)
        walk(service.all_fields())
    return sentences


def money_templates() -> set[str]:
    """check_money chooses its message at run time: ask it for each."""
    out = set()
    for raw in ("abc", "-5", "10.50", 1.5, -3, True):
        checked = validators.check_money(raw, min=None, max=None)
        out.update(f.said.template for f in checked.findings if f.said is not None)
    return out


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_template_of_the_checks_has_its_urdu() -> None:
    templates, _ = core_templates()
    wanted = templates | money_templates() | service_sentences()
    missing = sorted(t for t in wanted if t not in CATALOGUE)
    assert not missing, ("add the Urdu of these messages to resources/translations/"
                         f"messages_ur.json: {missing}")
    assert len(wanted) > 60


def test_only_known_calls_choose_their_template_at_run_time() -> None:
    _, indirect = core_templates()
    places = sorted(entry.rsplit(":", 1)[1] for entry in indirect)
    # the makers themselves pass their own parameters on; money picks one of its three;
    # rules of a service carry the service's own sentence (checked above)
    assert set(places) <= {"template", "str(said)", "value", "rule.message", "fnd.message"}, \
        indirect


def told_templates() -> set[str]:
    """Every template a known error is made with (``SomeError.told(template, ...)``), in the
    whole program: what the counter translates when it says the error."""
    found: set[str] = set()
    for path in sorted((ROOT / "khidmat_desk").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "told" and node.args):
                if isinstance(node.args[0], ast.Name) and node.args[0].id == "template":
                    continue  # a maker that passes its own parameter on
                strings = _strings(node.args[0], {})
                assert strings is not None and not isinstance(node.args[0], ast.JoinedStr), (
                    f"{path.name}:{node.lineno}: told() takes a plain template")
                found.update(strings)
    return found


#: Known errors with no varying part, said whole: the handover's and the sign-in's refusals.
WHOLE_ERRORS = (
    "This application has no CNIC on record to check against; hand it over as to a "
    "representative, with their CNIC.",
    "Say who is collecting: the applicant or a representative.",
    "Type the representative's name as on their CNIC.",
    "That is the applicant's own CNIC; choose 'the applicant in person' when the applicant "
    "collects.",
)


def test_every_known_error_made_to_be_translated_has_its_urdu() -> None:
    wanted = told_templates() | set(WHOLE_ERRORS)
    assert len(wanted) >= 6
    missing = sorted(t for t in wanted if t not in CATALOGUE)
    assert not missing, ("add the Urdu of these messages to resources/translations/"
                         f"messages_ur.json: {missing}")


def test_the_urdu_counter_says_a_known_error_in_urdu() -> None:
    from khidmat_desk.app.delivery import Handover, HandoverRefused, check_handover
    from khidmat_desk.gui.errors import known_text, speak
    from khidmat_desk.store.errors import DiskFullError

    with pytest.raises(HandoverRefused) as refused:
        check_handover(Handover("self", "35202-1234567-7"), "3520276543213")
    speak("ur")
    try:
        told = known_text(refused.value)
        # the number kept whole and in its order inside the Urdu sentence
        assert "\u206635202-1234567-7\u2069" in told and "CNIC" not in told
        assert known_text(DiskFullError()) == CATALOGUE[DiskFullError.default_message]
        assert known_text(HandoverRefused(WHOLE_ERRORS[1])) == CATALOGUE[WHOLE_ERRORS[1]]
    finally:
        speak("en")
    assert known_text(refused.value) == str(refused.value)  # English as raised


def test_urdu_templates_take_the_same_arguments() -> None:
    for english, urdu in CATALOGUE.items():
        assert _fields(urdu) == _fields(english), english


@pytest.fixture
def urdu_panel(qtbot: QtBot, counter_session: CounterSession, tasks: TaskRunner) -> WizardPanel:
    from PySide6.QtWidgets import QApplication

    from khidmat_desk.gui.app import Translation

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translation = Translation(app)
    translation.apply("ur")
    counter_session.authenticate("incharge", "counter-pass-1")
    panel = WizardPanel(get_service("character-certificate"), tasks, counter_session,
                        messages=ScriptedMessages(), urdu=True)
    qtbot.addWidget(panel)
    show_active(qtbot, panel)
    yield panel
    translation.apply("en")


def test_the_urdu_counter_says_what_is_wrong_in_urdu(qtbot: QtBot,
                                                     urdu_panel: WizardPanel) -> None:
    form = urdu_panel.current_form()
    assert form is not None
    mobile, born = form.rows["mobile"], form.rows["date_of_birth"]
    mobile.input.set_value("12345")
    born.input.set_value("2090-01-01")
    qtbot.keyClick(urdu_panel, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # Next
    assert mobile.message.text() == "موبائل نمبر نہیں؛ اس طرح لکھیں: 0300-1234567"
    assert "کے بعد کی نہیں ہو سکتی" in born.message.text()  # with its date filled in
    assert any(ch.isdigit() for ch in born.message.text())
    banner = urdu_panel.banner.text()
    assert "ضروری ہے" in banner  # "is required", in Urdu
    assert "is required" not in banner


# -- what the counter says about itself: the sync status, database problems, a second start --


def test_every_sync_problem_and_database_problem_has_its_urdu() -> None:
    import inspect

    from khidmat_desk.store import errors
    from khidmat_desk.sync.client import SYNC_UNEXPECTED, SYNC_WAITING

    database = {kind.default_message for _, kind in inspect.getmembers(errors, inspect.isclass)
                if issubclass(kind, errors.StoreError)}
    missing = sorted(m for m in {SYNC_WAITING, SYNC_UNEXPECTED} | database if m not in CATALOGUE)
    assert not missing, f"add the Urdu of these to messages_ur.json: {missing}"
    assert len(database) >= 9


def test_the_urdu_status_bar_says_what_stops_the_sync_in_urdu(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication

    from khidmat_desk.core.issues import Said
    from khidmat_desk.gui.app import Translation
    from khidmat_desk.gui.sync_panel import link_text
    from khidmat_desk.store.errors import DiskFullError
    from khidmat_desk.sync.client import SYNC_WAITING
    from khidmat_desk.sync.status import SyncReport

    said = Said.of(SYNC_WAITING, {"cause": str(DiskFullError())})
    report = SyncReport(pushed=0, duplicates=0, rejected=0, pulled=0, pending=4, quarantined=2,
                        online=True, last_success=None, next_attempt=None, error=str(said),
                        problem=str(said), problem_said=said)
    calm = SyncReport(pushed=1, duplicates=0, rejected=0, pulled=0, pending=3, quarantined=2,
                      online=False, last_success=None, next_attempt=None)
    english = link_text(report)[0]
    assert english == f"Sync: ⚠ Sync is waiting: {DiskFullError.default_message} · 4 waiting"
    assert link_text(calm)[0] == "Sync: ○ offline · 3 waiting · 2 set aside"
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translation = Translation(app)
    translation.apply("ur")
    try:
        urdu, colour = link_text(report, urdu=True)
        quiet = link_text(calm, urdu=True)[0]
    finally:
        translation.apply("en")
    assert urdu == ("سنک: ⚠ سنک رکا ہوا ہے: " + CATALOGUE[DiskFullError.default_message]
                    + " · 4 منتظر")
    assert colour == "#b00020"
    assert quiet == "سنک: ○ آف لائن · 3 منتظر · 2 الگ رکھے گئے"


def test_a_second_counter_on_the_same_folder_is_told_so_in_urdu(qtbot: QtBot,
                                                                 tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from khidmat_desk.gui.app import Translation, already_running

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert "already open with the data folder" in already_running(tmp_path)
    translation = Translation(app)
    translation.apply("ur")
    try:
        said = already_running(tmp_path)
    finally:
        translation.apply("en")
    assert said.startswith("اس کمپیوٹر پر خدمت ڈیسک ڈیٹا فولڈر") and str(tmp_path) in said
