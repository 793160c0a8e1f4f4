"""At the counter window: the photograph is added to an application from the keyboard (Alt+P),
checked and kept off the GUI thread, shown as a thumbnail; a retake asks first and is audited;
a document whose layout requires the photograph waits for it. The file dialog is replaced by a
function returning the path of a real picture file."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from gui_driver import ScriptedMessages, settle, show_active
from intake_helpers import counter_context, intake
from PIL import Image
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from khidmat_desk.app.applications import change_status, get_application, submit_application
from khidmat_desk.app.findings import record_finding
from khidmat_desk.app.photos import photo_of
from khidmat_desk.auth.users import authenticate
from khidmat_desk.gui.main_window import MainWindow
from khidmat_desk.gui.session import CounterSession
from khidmat_desk.gui.tasks import TaskRunner
from khidmat_desk.paths import resource_path
from khidmat_desk.store.models import AuditEvent

CERTIFICATE = "character-certificate"


def picture(path: Path, shade: int, size: tuple[int, int] = (1200, 1600)) -> Path:
    """A real picture file, as a scanner or a phone leaves it."""
    image = Image.new("RGB", size, (shade, 160, 140))
    image.paste((30, 30, 80), (size[0] // 3, size[1] // 4, 2 * size[0] // 3, size[1] // 2))
    out = io.BytesIO()
    image.save(out, "PNG" if path.suffix == ".png" else "JPEG")
    path.write_bytes(out.getvalue())
    return path


@pytest.fixture
def session(staffed_session: CounterSession) -> CounterSession:
    return staffed_session


def submit(session: CounterSession, code: str = CERTIFICATE) -> str:
    officer = authenticate(session.db, "asma.bibi", "officer-pass-1")
    return submit_application(counter_context(session.db, officer, session.tariff),
                              intake(code)).tracking_number


def window_for(qtbot: QtBot, session: CounterSession, tasks: TaskRunner,
               messages: ScriptedMessages, chosen: list[Path | None],
               user: tuple[str, str] = ("asma.bibi", "officer-pass-1")) -> MainWindow:
    signed_in = session.authenticate(*user)
    window = MainWindow(tasks, session, user=signed_in, messages=messages)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    show_active(qtbot, window)
    tasks.wait()
    asked: list[Path | None] = chosen

    def choose(parent: object) -> str | None:
        path = asked.pop(0)
        return None if path is None else str(path)

    window.photos.choose_path = choose
    return window


def opened(qtbot: QtBot, window: MainWindow, tasks: TaskRunner, tracking: str) -> None:
    window.open_application(tracking)
    settle(qtbot, tasks)
    box = window.view.photo_box
    assert box is not None
    qtbot.waitUntil(lambda: box.loaded)


def alt_p(qtbot: QtBot, window: MainWindow) -> None:
    """The button's mnemonic, pressed wherever the focus is (a button clicks ~100 ms later)."""
    box = window.view.photo_box
    assert box is not None
    focused = window.focusWidget() or window.view
    with qtbot.waitSignal(box.button.clicked, timeout=2000):
        qtbot.keyClick(focused, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)


def test_the_officer_adds_and_replaces_the_photograph_with_the_keyboard(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner, tmp_path: Path) -> None:
    tracking = submit(session)
    messages = ScriptedMessages()
    first, second = picture(tmp_path / "scan.jpg", 200), picture(tmp_path / "retake.png", 90)
    window = window_for(qtbot, session, tasks, messages, [first, second, second])
    opened(qtbot, window, tasks, tracking)
    box = window.view.photo_box
    assert box is not None and box.kept is None
    assert "No photograph is kept yet" in box.info.text()
    assert "Police character certificate prints one" in box.info.text()
    assert box.button.text() == "Add &photograph…" and box.button.isEnabled()
    assert box.button.focusPolicy() & Qt.FocusPolicy.TabFocus

    alt_p(qtbot, window)
    settle(qtbot, tasks)
    uuid = get_application(session.db, tracking).uuid
    kept = photo_of(session.db, uuid)
    assert kept is not None and (kept.width, kept.height) == (450, 600)
    box = window.view.photo_box
    assert box is not None
    qtbot.waitUntil(lambda: box.loaded and box.kept is not None)
    pixmap = box.thumbnail.pixmap()
    assert not pixmap.isNull() and pixmap.height() <= 116
    assert kept.sha256[:16] in box.info.text()
    assert box.button.text() == "Replace &photograph…"
    assert window.statusBar().currentMessage().startswith(
        f"Photograph kept with {tracking}: 450 × 600 pixels")

    # A retake asks first: "No" keeps the photograph and never opens the file dialog.
    messages.answers["confirm"] = False
    alt_p(qtbot, window)
    settle(qtbot, tasks)
    assert messages.shown[-1][0] == "confirm" and "Replace it?" in messages.shown[-1][1]
    assert photo_of(session.db, uuid) == kept
    assert window.statusBar().currentMessage() == "The kept photograph was not changed."

    messages.answers["confirm"] = True
    alt_p(qtbot, window)
    settle(qtbot, tasks)
    retaken = photo_of(session.db, uuid)
    assert retaken is not None and retaken.sha256 != kept.sha256
    with session.db.read() as transaction:
        events = transaction.execute(select(AuditEvent.action, AuditEvent.details).where(
            AuditEvent.entity_id == uuid, AuditEvent.action.like("photo-%"))
            .order_by(AuditEvent.id)).all()
    assert [e.action for e in events] == ["photo-attached", "photo-replaced"]
    assert events[1].details["replaced_sha256"] == kept.sha256


def test_a_file_that_is_not_a_picture_is_refused_and_nothing_is_kept(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner, tmp_path: Path) -> None:
    tracking = submit(session, "tenant-registration")
    messages = ScriptedMessages()
    not_a_picture = tmp_path / "photo.jpg"
    not_a_picture.write_bytes(b"%PDF-1.4 a scanned form, not a photo")
    window = window_for(qtbot, session, tasks, messages, [None, not_a_picture])
    opened(qtbot, window, tasks, tracking)
    alt_p(qtbot, window)  # the dialog is cancelled
    settle(qtbot, tasks)
    assert window.statusBar().currentMessage() == "No photograph chosen."
    alt_p(qtbot, window)
    settle(qtbot, tasks)
    assert ("warning", "The file is not a readable picture; take the photo again or choose "
            "a JPEG or PNG file.") in messages.shown
    assert photo_of(session.db, get_application(session.db, tracking).uuid) is None
    box = window.view.photo_box
    assert box is not None
    qtbot.waitUntil(lambda: box.loaded and box.button.isEnabled())
    assert box.kept is None and "No photograph is kept yet" in box.info.text()


def test_a_service_without_a_photograph_shows_no_box(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    tracking = submit(session, "lost-report")
    window = window_for(qtbot, session, tasks, ScriptedMessages(), [])
    window.open_application(tracking)
    settle(qtbot, tasks)
    assert window.view.detail.tracking_number == tracking
    assert window.view.photo_box is None


def test_a_verifier_is_not_offered_the_photograph(
        qtbot: QtBot, session: CounterSession, tasks: TaskRunner) -> None:
    tracking = submit(session)
    window = window_for(qtbot, session, tasks, ScriptedMessages(), [],
                        user=("bilal.ahmed", "verifier-pass-1"))
    window.open_application(tracking)
    settle(qtbot, tasks)
    assert window.view.detail.tracking_number == tracking
    assert window.view.photo_box is None


@pytest.fixture
def photo_required(centre_folder: Path) -> None:
    """The centre's own layouts, read when the counter opens: the certificate requires the
    photograph."""
    layouts = centre_folder / "templates"
    layouts.mkdir(parents=True, exist_ok=True)
    shipped = json.loads(resource_path("templates", "documents.json").read_text("utf-8"))
    shipped[CERTIFICATE]["photo_required"] = True
    (layouts / "documents.json").write_text(json.dumps(shipped, ensure_ascii=False), "utf-8")


def test_a_certificate_that_requires_the_photograph_waits_for_it(
        qtbot: QtBot, photo_required: None, session: CounterSession, tasks: TaskRunner,
        tmp_path: Path) -> None:
    """The centre's layout says the certificate is not issued without the photograph: its
    Print button says why until one is kept, as the print use case refuses it."""
    assert session.templates.document(CERTIFICATE).photo_required
    tracking = submit(session)
    officer = authenticate(session.db, "asma.bibi", "officer-pass-1")
    verifier = authenticate(session.db, "bilal.ahmed", "verifier-pass-1")
    change_status(session.db, tracking, "in-verification", user=officer)
    record_finding(session.db, tracking, user=verifier, outcome="verified",
                   record_status="not-involved", reference="CRO 11/2026", remark="")
    window = window_for(qtbot, session, tasks, ScriptedMessages(),
                        [picture(tmp_path / "scan.jpg", 180)])
    opened(qtbot, window, tasks, tracking)
    button = window.view.print_buttons[CERTIFICATE]
    assert not button.isEnabled()
    assert "No photograph is kept" in button.toolTip()
    alt_p(qtbot, window)
    settle(qtbot, tasks)
    button = window.view.print_buttons[CERTIFICATE]
    assert button.isEnabled(), button.toolTip()
