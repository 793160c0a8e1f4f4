"""The Designer forms, the Urdu translation and the bundled fonts that the counter ships with."""

from __future__ import annotations

import filecmp
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from khidmat_desk.core.display import LRI, PDI, isolate_numbers
from khidmat_desk.gui.app import Translation
from khidmat_desk.gui.fonts import URDU_FAMILY, load_fonts, urdu_font
from khidmat_desk.paths import resource_path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "khidmat_ur.ts"
#: The screens the Urdu translation must cover completely.
COVERED = {"LoginDialog", "MainWindow", "LauncherEntry", "WizardPanel", "DocumentsPage",
           "ReviewPage", "DonePage", "GroupEditor", "FieldRow", "ApplicationView", "PrintFlow",
           "PreviewDialog", "PrinterSettingsDialog", "SyncPanel", "HandoverDialog",
           "SummaryModel", "Status", "Age", "Search", "Role", "FindingDialog", "UsersDialog",
           "AccountForm", "CentreView", "CentreModel", "CentreMenu", "PhotoBox", "PhotoFlow"}


@pytest.mark.parametrize("form", sorted(p.stem for p in (ROOT / "ui").glob("*.ui")))
def test_generated_form_classes_match_the_designer_files(tmp_path: Path, form: str) -> None:
    uic = ROOT / ".venv" / "bin" / "pyside6-uic"
    if not uic.exists():
        pytest.skip("pyside6-uic is installed with the development environment")
    out = tmp_path / f"ui_{form}.py"
    subprocess.run([str(uic), "--from-imports", str(ROOT / "ui" / f"{form}.ui"), "-o", str(out)],
                   check=True)
    committed = ROOT / "khidmat_desk" / "gui" / "generated" / f"ui_{form}.py"
    assert filecmp.cmp(out, committed, shallow=False), "run scripts/build-ui"


def test_every_string_of_the_main_screens_is_translated() -> None:
    root = ET.parse(TS).getroot()
    contexts = {c.findtext("name"): c for c in root.iter("context")}
    assert set(contexts) >= COVERED
    for name in COVERED:
        for message in contexts[name].iter("message"):
            translation = message.find("translation")
            assert translation is not None and translation.get("type") != "unfinished", (
                name, message.findtext("source"))
            text = "".join(translation.itertext()).strip()
            assert text, (name, message.findtext("source"))


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(context.findtext("name") or "", message.findtext("source") or ""): message
            for context in root.iter("context") for message in context.iter("message")}


def test_every_string_of_every_screen_is_translated() -> None:
    """Not only the main screens: messages, the sync status, printers, the restore dialog."""
    missing = [key for key, message in _messages(TS).items()
               if (message.find("translation") is None
                   or message.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
                   or not "".join(message.find("translation").itertext()).strip())]  # type: ignore[union-attr]
    assert not missing, f"translate these in {TS.name}: {missing}"


def test_the_translation_source_lists_every_string_of_the_code(tmp_path: Path) -> None:
    lupdate = ROOT / ".venv" / "bin" / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is installed with the development environment")
    fresh = tmp_path / "ur.ts"
    sources = sorted(str(p) for p in (ROOT / "khidmat_desk" / "gui").glob("*.py"))
    sources += sorted(str(p) for p in (ROOT / "ui").glob("*.ui"))
    subprocess.run([str(lupdate), "-silent", "-no-obsolete", *sources, "-ts", str(fresh)],
                   check=True)
    new = sorted(set(_messages(fresh)) - set(_messages(TS)))
    assert not new, f"run scripts/build-translations and translate: {new}"


def test_compiled_translation_is_current_and_loads(tmp_path: Path) -> None:
    lrelease = ROOT / ".venv" / "bin" / "pyside6-lrelease"
    if lrelease.exists():
        fresh = tmp_path / "ur.qm"
        subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(fresh)], check=True)
        assert filecmp.cmp(fresh, resource_path("translations", "khidmat_ur.qm"),
                           shallow=False), "run scripts/build-translations"
    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "khidmat_ur.qm")))
    assert translator.translate("LoginDialog", "&Sign in") == "سائن اِن (&S)"


def test_urdu_mirrors_the_layout_and_translates(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translation = Translation(app)
    try:
        translation.apply("ur")
        assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert QCoreApplication.translate("MainWindow", "&Counter") == "کاؤنٹر (&C)"
    finally:
        translation.apply("en")
    assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert QCoreApplication.translate("MainWindow", "&Counter") == "&Counter"


def test_an_urdu_sentence_that_starts_with_a_value_reads_right_to_left(qtbot: QtBot) -> None:
    """"LHR01 · کاؤنٹر 1" begins with Latin letters, so it would be laid out left to right
    and stand on the left of an Urdu screen: the translation marks it right to left. What
    has no Urdu translation (Qt's own "Ctrl" of a shortcut) is left to Qt, not emptied."""
    from PySide6.QtGui import QKeySequence

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translation = Translation(app)
    try:
        translation.apply("ur")
        assert QCoreApplication.translate("MainWindow", "%1 · counter %2") == \
            "\u200f%1 · کاؤنٹر %2"
        assert QCoreApplication.translate("MainWindow", "&Counter") == "کاؤنٹر (&C)"
        assert QKeySequence("Ctrl+Shift+3").toString(
            QKeySequence.SequenceFormat.NativeText) == "Ctrl+Shift+3"
    finally:
        translation.apply("en")


def test_qts_own_buttons_speak_urdu_too(qtbot: QtBot) -> None:
    """Qt ships no Urdu: Yes/No, OK/Cancel and Save come from the counter's translation."""
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translation = Translation(app)
    buttons = QMessageBox.StandardButton
    try:
        translation.apply("ur")
        box = QMessageBox(QMessageBox.Icon.Question, "؟", "؟", buttons.Yes | buttons.No)
        qtbot.addWidget(box)
        assert [box.button(b).text() for b in (buttons.Yes, buttons.No)] == \
            ["ہاں (&Y)", "نہیں (&N)"]
        row = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.Ok)
        qtbot.addWidget(row)
        assert sorted(b.text() for b in row.buttons()) == sorted(
            ["محفوظ کریں", "منسوخ", "ٹھیک ہے"])
    finally:
        translation.apply("en")


def test_bundled_urdu_font_is_used_in_its_regular_style(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    load_fonts(app)
    assert URDU_FAMILY in QFontDatabase.families()
    info = QFontInfo(urdu_font())
    assert info.family() == URDU_FAMILY and info.styleName() == "Regular"
    assert (ROOT / "resources" / "fonts" / "OFL.txt").exists()


def test_numbers_keep_their_order_inside_urdu() -> None:
    text = isolate_numbers("شناختی کارڈ 35202-1234567-1 اور فون 0300-1234567")
    assert f"{LRI}35202-1234567-1{PDI}" in text and f"{LRI}0300-1234567{PDI}" in text
    assert isolate_numbers("کوئی نمبر نہیں") == "کوئی نمبر نہیں"
    # a difference of minus fifty reads -50, not 50-; a hyphen inside a code stays a hyphen
    assert isolate_numbers("فرق Rs -50۔") == f"فرق Rs {LRI}-50{PDI}۔"
    assert isolate_numbers("LHR01-261201") == f"LHR{LRI}01-261201{PDI}"


def test_every_urdu_alt_letter_is_a_latin_one() -> None:
    """Alt+letter works with the keyboard the officer has: "(&R)" after the Urdu words, as
    everywhere else, not an Urdu letter ("&تازہ کریں" needed an Urdu layout to press)."""
    import xml.etree.ElementTree as ET

    from khidmat_desk.paths import resource_path

    root = ET.parse(resource_path("translations", "khidmat_ur.ts")).getroot()
    urdu_letters = []
    for message in root.iter("message"):
        text = (message.findtext("translation") or "").replace("&&", "")
        at = text.find("&")
        if at >= 0 and at + 1 < len(text) and not text[at + 1].isascii():
            urdu_letters.append(text)
    assert urdu_letters == []
