"""Starting the counter and keeping it safe: sign-in, the main window, idle lock, switching user
and language.

The database is opened (and upgraded if older) on the background thread while the sign-in
window is already on screen; the single worker runs jobs in order, so sign-in waits for it.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QDialog

from khidmat_desk.app.logs import setup_logging
from khidmat_desk.app.private import make_private
from khidmat_desk.app.running import CounterAlreadyRunningError, CounterLock
from khidmat_desk.app.settings import CounterSettings, DatabaseMissing
from khidmat_desk.core.display import RLM
from khidmat_desk.gui.errors import Messages, install_excepthook, report_error, speak
from khidmat_desk.gui.fonts import load_fonts
from khidmat_desk.gui.idle import IdleWatcher
from khidmat_desk.gui.login import LoginDialog
from khidmat_desk.gui.session import CounterSession
from khidmat_desk.gui.tasks import TaskRunner
from khidmat_desk.paths import resource_path

if TYPE_CHECKING:
    from khidmat_desk.gui.main_window import MainWindow

log = logging.getLogger("khidmat.gui")
LANGUAGES = ("en", "ur")
# how often the counter asks whether a periodic backup is due
BACKUP_CHECK_MS = 10 * 60_000


def centre_line(settings: CounterSettings) -> str:
    """"LHR01 · counter 3" on the sign-in window, in the counter's language."""
    return (QCoreApplication.translate("MainWindow", "%1 · counter %2")
            .replace("%1", str(settings.get("centre_code")))
            .replace("%2", str(settings.get("counter"))))


class _UrduTranslator(QTranslator):
    """The Urdu catalogue, each sentence read right to left as a whole: a translation that
    starts with a value ("%1 محفوظ ہو گئی", the value a tracking number or a centre's English
    name) would otherwise be laid out left to right from that value, and end up on the wrong
    side of the screen in the wrong order."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        # no translation here is None (a null text): an empty one would be taken as the
        # translation, and Qt's own words ("Ctrl" in a shortcut) would vanish
        text = super().translate(context, source, disambiguation, n)
        if not text:
            return None
        return RLM + text if text.startswith("%") else text


class Translation:
    """The Urdu translation and the mirrored layout, switched as a whole."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.translator: QTranslator | None = None

    def apply(self, language: str) -> None:
        if self.translator is not None:
            self.app.removeTranslator(self.translator)
            self.translator = None
        if language == "ur":
            translator = _UrduTranslator(self.app)
            path = resource_path("translations", "khidmat_ur.qm")
            if translator.load(str(path)):
                self.app.installTranslator(translator)
                self.translator = translator
            else:
                log.error("the Urdu translation %s could not be loaded", path)
        self.app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if language == "ur"
                                    else Qt.LayoutDirection.LeftToRight)
        speak(language)  # the known errors too


class Counter(QObject):
    """Which window is up, and what happens on sign-in, lock, switch user and quit."""

    def __init__(self, app: QApplication, session: CounterSession, tasks: TaskRunner,
                 messages: Messages, *, idle_ms: int) -> None:
        super().__init__()
        self.app, self.session, self.tasks, self.messages = app, session, tasks, messages
        self.language = str(session.settings.get("language"))
        self.translation = Translation(app)
        self.translation.apply(self.language)
        self.idle = IdleWatcher(app, idle_ms)
        self.idle.idle.connect(self.lock)
        self.window: MainWindow | None = None
        self.login: LoginDialog | None = None
        self.sync_host: Any = None
        self.on_login_shown: Callable[[], None] | None = None
        # the lock on the data folder this counter holds (a restore at start needs it)
        self.data_lock: CounterLock | None = None
        self.restore_dialog: QDialog | None = None
        # backups copy the file with their own connection: never behind the officer's work
        self.backups = TaskRunner(on_error=lambda exc: report_error(self.messages, exc))
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(lambda: self.back_up("periodic"))

    def start(self) -> None:
        """The sign-in window first; the database opens (and upgrades) while the officer types."""
        self.show_login()
        QTimer.singleShot(0, lambda: self.tasks.run(self.session.open, self._on_database_ready,
                                                    self._on_open_failed))

    def _on_database_ready(self, _: object) -> None:
        log.info("database ready")
        self.back_up("start")
        self.backup_timer.start()

    def _on_open_failed(self, exc: BaseException) -> None:
        from khidmat_desk.app.backup import DatabaseDamagedError

        if isinstance(exc, DatabaseDamagedError):  # nothing may be written to it
            self._offer_restore(exc.health)
            return
        report_error(self.messages, exc)

    def _offer_restore(self, health: Any) -> None:
        """A damaged database: put the last good backup back, or quit; never open it."""
        from khidmat_desk.gui.words import file_text

        problem = health.problems[0] if health.problems else "?"
        backup = health.last_backup
        title = self.tr("Khidmat Desk — the database is damaged")
        if backup is None:
            self.messages.warning(title, self.tr(
                "The database on this computer is damaged (%1) and there is no good backup on "
                "this computer to put back. Do not use this counter: call the in-charge. The "
                "damaged file stays untouched in %2.")
                .replace("%1", problem).replace("%2", file_text(self.session.settings.data_dir)))
            self.app.quit()
            return
        from khidmat_desk.gui.restore_dialog import RestoreDialog, backup_line

        choice = self.messages.choose(title, self.tr(
            "The database on this computer is damaged (%1): nothing more can be saved in it. "
            "Stop working at this counter and call the in-charge.\n\nThe last good backup "
            "is:\n%2\n\nThe in-charge can put it back now.")
            .replace("%1", problem).replace("%2", backup_line(backup)),
            [("restore", self.tr("&Restore the last good backup…")), ("quit", self.tr("&Quit"))],
            "quit")
        if choice != "restore":
            self.app.quit()
            return
        dialog = RestoreDialog(
            self.tasks, lambda user, password: self.session.restore(backup.path, user, password,
                                                                    self.data_lock),
            backup, self.login)
        dialog.restored.connect(self._on_restored)
        dialog.rejected.connect(lambda: self._offer_restore(health))
        self.restore_dialog = dialog
        dialog.open()

    def _on_restored(self, result: Any) -> None:
        """The backup is back in place: go on starting with it."""
        from khidmat_desk.gui.words import file_text

        self.restore_dialog = None
        self.tasks.run(self.session.open, self._on_database_ready, self._on_open_failed)
        recovered = result.recovered
        if recovered is None or recovered.problem:
            text = self.tr(
                "The backup is back in place. The damaged database is kept at %1. Applications "
                "saved after the backup was taken must be entered again from their papers.")
        elif recovered.applications:
            text = self.tr(
                "The backup is back in place. The damaged database is kept at %1. %2 "
                "application(s) saved or changed after the backup were taken back from it: "
                "check them against their papers; enter again any other application saved "
                "after the backup.").replace("%2", str(recovered.applications))
        else:
            text = self.tr("The backup is back in place. The damaged database is kept at %1; "
                           "it held no application newer than the backup.")
        text = text.replace("%1", file_text(result.replaced_kept_at or "-"))
        if result.numbers_carried_on:
            # the receipts already handed out keep their numbers: new ones go on after them
            days = (self.tr("counter %1, %2: %3").replace("%1", str(counter))
                    .replace("%2", f"{day:%d-%m-%Y}").replace("%3", f"{last + 1:04d}")
                    for (_, counter, day), last in sorted(result.numbers_carried_on.items()))
            text += "\n\n" + self.tr("Tracking numbers go on after those handed out before: "
                                     "%1.").replace("%1", self.tr("; ").join(days))
        if self.session.settings.get("sync_server") and result.backup_day:
            text += "\n\n" + self.tr(
                "Before typing anything again, take back what this counter sent to the central "
                "server after the backup: the in-charge signs in and chooses Centre, then Take "
                "back from the central server. Only what the server does not hold is typed "
                "again.")
        self.messages.info("Khidmat Desk", text)

    def back_up(self, reason: str) -> None:
        self.backups.run(lambda: self.session.backup(reason), self._on_backup_done)

    def _on_backup_done(self, path: object) -> None:
        if path is not None:
            log.info("backup written: %s", path)

    def show_login(self) -> None:
        self.login = LoginDialog(self.tasks, self.session.authenticate,
                                 centre_line(self.session.settings))
        self.login.signed_in.connect(self._on_signed_in)
        self.login.rejected.connect(self._on_login_rejected)
        self.login.show()
        if self.on_login_shown is not None:
            QTimer.singleShot(0, self.on_login_shown)

    def _on_login_rejected(self) -> None:
        if self.window is None:
            self.app.quit()

    def _on_signed_in(self, user: Any, *, offer_drafts: bool = True) -> None:
        from khidmat_desk.gui.main_window import MainWindow  # not needed for the sign-in window

        self._start_sync()
        self.window = MainWindow(self.tasks, self.session, user=user, messages=self.messages,
                                 urdu=self.language == "ur", sync_host=self.sync_host)
        self.messages.parent = self.window
        self.window.lock_requested.connect(self.lock)
        self.window.switch_user_requested.connect(self.switch_user)
        self.window.language_requested.connect(self.set_language)
        self.window.sync_set_up.connect(self.restart_sync)
        self.window.show_on_screen()
        self.idle.start()
        if offer_drafts:  # once per sign-in, not again when only the language changes
            self.window.greet()
        else:
            self.window.clock_watch.check()

    def _start_sync(self) -> None:
        """Once per run, for the counter (not per officer): it goes on across switches of user."""
        if self.sync_host is not None or not self.session.sync_configured:
            return
        from khidmat_desk.gui.sync_panel import SyncHost

        try:
            self.sync_host = SyncHost(self.session.make_syncer())
        except Exception as exc:  # noqa: BLE001 - shown and logged; the counter works offline
            report_error(self.messages, exc)
            return
        self.sync_host.start()

    def restart_sync(self) -> None:
        """The in-charge changed the central server or token: a new sync with it. The old one
        stops on the window's thread for slow work (a request in flight may take its timeout:
        the counter's saves do not wait for it)."""
        old, self.sync_host = self.sync_host, None

        def start(_: object = None) -> None:  # once the old one has stopped: never two
            self._start_sync()
            if self.window is not None and self.sync_host is not None:
                self.window.attach_sync(self.sync_host)

        if old is None:
            start()
        else:
            (self.window.slow_tasks if self.window is not None else self.tasks).run(
                old.stop, start)

    def stop_sync(self) -> None:
        if self.sync_host is not None:
            self.sync_host.stop()

    def lock(self) -> None:
        window = self.window
        if window is None or window.ui.stack.currentWidget() is window.locked_page:
            return
        self.idle.stop()
        window.hide_for_lock()
        dialog = LoginDialog(self.tasks, self.session.authenticate,
                             centre_line(self.session.settings), window,
                             locked_user=window.user.username)
        dialog.setObjectName("unlock")
        dialog.signed_in.connect(self._on_unlocked)
        dialog.switch_requested.connect(self.switch_user)
        dialog.quit_requested.connect(window.close)
        self.login = dialog
        dialog.open()

    def _on_unlocked(self, user: Any) -> None:
        if self.window is not None:
            self.window.show_after_unlock()
            self.idle.start()

    def switch_user(self) -> None:
        """Sign the officer out (their draft is kept for their next sign-in) and ask anew."""
        self.idle.stop()
        if self.window is not None:
            window, self.window = self.window, None
            window.close()
            window.deleteLater()
        self.show_login()

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES or language == self.language or self.window is None:
            return
        self.language = language
        self.tasks.run(lambda: self.session.save_language(language), lambda _: None,
                       lambda exc: report_error(self.messages, exc))
        self.translation.apply(language)
        old, user = self.window, self.window.user
        self.window = None
        old.close()
        old.deleteLater()
        self._on_signed_in(user, offer_drafts=False)


def already_running(data_dir: Path) -> str:
    """What a second start on the same data folder says, in the counter's language."""
    from khidmat_desk.gui.words import file_text

    return QCoreApplication.translate(
        "Counter", "Khidmat Desk is already open with the data folder %1 on this computer. "
        "Use that window (it may be minimised), or close it first.").replace(
            "%1", file_text(data_dir))


def say_shown_and_quit() -> None:
    """For ``gui --check-start``: the sign-in window is up, say so and quit."""
    sys.stdout.write("sign-in window shown\n")
    sys.stdout.flush()
    QApplication.quit()


def run(data_dir: Path, *, on_login_shown: Callable[[], None] | None = None) -> int:
    settings = CounterSettings.load(data_dir)
    if not settings.initialised:
        sys.stderr.write(f"No centre is set up in {data_dir}: run 'khidmat-desk init' or "
                         "'khidmat-desk demo' first.\n")
        return 2
    make_private(data_dir)
    setup_logging(data_dir)
    try:
        settings.check_database()
    except DatabaseMissing as exc:
        sys.stderr.write(f"Khidmat Desk: {exc}\n")
        return 1
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Khidmat Desk")
    load_fonts(app)  # type: ignore[arg-type]
    messages = Messages()
    install_excepthook(messages)
    lock = CounterLock(data_dir)
    try:
        lock.acquire()
    except CounterAlreadyRunningError as exc:
        log.warning("%s", exc)
        Translation(app).apply(str(settings.get("language")))  # type: ignore[arg-type]
        messages.warning("Khidmat Desk", already_running(data_dir))
        return 1
    tasks = TaskRunner(on_error=lambda exc: report_error(messages, exc))
    session = CounterSession(settings)
    counter = Counter(app, session, tasks, messages,  # type: ignore[arg-type]
                      idle_ms=int(settings.get("idle_lock_minutes")) * 60_000)
    counter.on_login_shown = on_login_shown
    counter.data_lock = lock
    counter.start()
    code = app.exec()
    if counter.window is not None:
        counter.window.close()
        counter.window.print_queue.wait()  # a document being printed finishes printing
    counter.stop_sync()
    counter.backup_timer.stop()
    counter.backups.wait()
    tasks.wait()
    session.close()
    lock.release()
    return int(code)
