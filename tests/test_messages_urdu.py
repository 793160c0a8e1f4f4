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


def _makes_said(func: ast.expr) -> bool:
    """``Said(...)`` or ``Said.of(...)``."""
    return (isinstance(func, ast.Name) and func.id == "Said") or (
        isinstance(func, ast.Attribute) and func.attr == "of"
        and isinstance(func.value, ast.Name) and func.value.id == "Said")


def told_templates() -> set[str]:
    """Every template a known error or a message from below is made with
    (``SomeError.told(template, ...)``, ``Said.of(template, ...)``): what the counter
    translates when it says it."""
    found: set[str] = set()
    for path in sorted((ROOT / "khidmat_desk").rglob("*.py")):
        if "gui" in path.parts:
            continue  # the counter window says what it is given, in its own words
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = _assigned(tree)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and node.args
                    and ((isinstance(node.func, ast.Attribute) and node.func.attr == "told")
                         or _makes_said(node.func))):
                if isinstance(node.args[0], ast.Name) and node.args[0].id == "template":
                    continue  # a maker that passes its own parameter on
                strings = _strings(node.args[0], names)
                if strings is None and _makes_said(node.func) \
                        and not isinstance(node.args[0], ast.JoinedStr):
                    continue  # a message said again (an issue's own)
                assert strings is not None and not isinstance(node.args[0], ast.JoinedStr), (
                    f"{path.name}:{node.lineno}: a message is made with a plain template")
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
        urdu, quiet = urdu.replace("\u200f", ""), quiet.replace("\u200f", "")  # not shown
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


#: Known errors said only on the command line or while a centre is set up, before any counter
#: window shows (its language is not yet chosen): they stay in English.
SAID_ONLY_IN_ENGLISH = {
    "CommandError", "BadInput", "CentreSetupError", "CentreViewError", "SettingsError",
    "DatabaseMissing", "DemoRefused", "ReportError", "PrivacyError", "TemplateError",
    "TariffError", "ReferenceDataError", "CategoryDataError", "MissingShippedDataError",
    "UnknownTimeZoneError", "SealError", "BundleError", "SecretsUnavailable",
    "CounterAlreadyRunningError", "FindingError",
    # the central server's replies: said in the sync panel inside a translated frame
    "SyncError", "SyncNotConfigured", "InsecureServerUrl", "LinkDown", "ServerBusy",
    "ServerFailed", "BadReply", "TokenRefused", "BatchTooLarge", "RequestRefused",
    # said otherwise at the counter: each issue under its field; the window's own words
    "ValidationFailed", "DatabaseDamagedError",
    # only a command line names a service by its code
    "UnknownServiceError",
}


def _made_here() -> list[BaseException]:
    """Known errors that make their own message from what they are given."""
    from khidmat_desk.app.applications.results import ApplicationNotFound
    from khidmat_desk.auth.users import UnknownUser
    from khidmat_desk.core.tracking import TrackingNumberError

    return [ApplicationNotFound("LHR01-261201-01-0001-X"), UnknownUser("asif"),
            TrackingNumberError("check", "X"), TrackingNumberError("format", "X"),
            TrackingNumberError("format", "X", "why")]


def _known_error_classes() -> dict[str, type]:
    import importlib
    import pkgutil

    import khidmat_desk
    from khidmat_desk.errors import KnownError

    for module in pkgutil.walk_packages(khidmat_desk.__path__, "khidmat_desk."):
        if ".gui" not in module.name:
            importlib.import_module(module.name)
    found: dict[str, type] = {}
    todo = [KnownError]
    while todo:
        kind = todo.pop()
        for sub in kind.__subclasses__():
            found[sub.__name__] = sub
            todo.append(sub)
    return found


def test_every_known_error_the_counter_shows_can_be_said_in_urdu() -> None:
    """A known error raised below the counter window is made with ``told`` (its template has
    its Urdu, checked above) or says a sentence the catalogue holds; an f-string message could
    never be translated."""
    classes = _known_error_classes()
    made = _made_here()
    made_here = {type(error).__name__ for error in made}
    untranslatable = [f"{type(error).__name__}: {error}" for error in made
                      if getattr(error, "said", None) is None
                      or error.said.template not in CATALOGUE]  # type: ignore[attr-defined]
    for path in sorted((ROOT / "khidmat_desk").rglob("*.py")):
        if {"cli", "gui"} & set(path.relative_to(ROOT / "khidmat_desk").parts):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            func = node.exc.func
            name = func.id if isinstance(func, ast.Name) else ""
            if name not in classes or name in SAID_ONLY_IN_ENGLISH or name in made_here:
                continue
            place = f"{path.name}:{node.lineno}"
            args = node.exc.args
            if not args:
                default = getattr(classes[name], "default_message", None)
                if default is not None and default not in CATALOGUE:
                    untranslatable.append(f"{place}: {default}")
                continue
            strings = _strings(args[0], {})
            if strings is None:
                untranslatable.append(f"{place}: {ast.unparse(args[0])[:60]}")
            else:
                untranslatable.extend(f"{place}: {s}" for s in strings if s not in CATALOGUE)
    assert not untranslatable, ("make these with told() or give their Urdu in "
                                f"messages_ur.json: {untranslatable}")


def test_the_in_charges_refusals_are_said_in_urdu_with_their_values(
        qtbot: QtBot, counter_session: CounterSession) -> None:
    """What the close, a shift list and a status change refuse, as the Urdu counter says it:
    the day as the counter writes dates, a status by its Urdu name, the numbers in order."""
    from datetime import date, timedelta

    from PySide6.QtWidgets import QApplication

    from khidmat_desk.app.day_close import CloseError, close_period
    from khidmat_desk.core import workflow
    from khidmat_desk.core.shifts import ShiftError, parse_plan
    from khidmat_desk.gui.app import Translation
    from khidmat_desk.gui.errors import known_text

    user = counter_session.authenticate("incharge", "counter-pass-1")
    tomorrow = date.today() + timedelta(days=2)
    with pytest.raises(CloseError) as early:
        close_period(counter_session.db, user, day=tomorrow, cash_counted=0)
    with pytest.raises(ShiftError) as shifts:
        parse_plan("day=8am")
    with pytest.raises(workflow.RoleNotAllowedError) as role:
        workflow.check_transition(workflow.IN_VERIFICATION, workflow.VERIFIED, "officer", None)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translation = Translation(app)
    translation.apply("ur")
    try:
        said = known_text(early.value)
        assert said.startswith("\u2066" + tomorrow.strftime("%d-%m-%Y") + "\u2069")
        assert "ابھی شروع نہیں ہوا" in said
        assert "'\u2066day\u2069'" in known_text(shifts.value) and "08:00" in known_text(
            shifts.value)
        assert known_text(role.value) == (
            "درخواست کو 'تصدیق جاری' سے 'تصدیق شدہ' صرف تصدیق کنندہ یا انچارج کر سکتے ہیں۔")
    finally:
        translation.apply("en")
    assert str(early.value) == f"{tomorrow.isoformat()} has not begun yet; it cannot be closed."
    from khidmat_desk.gui.words import urdu_word
    assert urdu_word("2026-13-45") == "2026-13-45"  # the shape of a day, but no day: as it is
