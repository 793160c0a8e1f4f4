"""Day bundles at the counter window, for a centre whose counters keep their own databases: the
in-charge exports a counter's day to a file (a USB stick) and imports it on their own PC.

The first import of a counter's bundle asks for that counter's key, as its export showed it;
the in-charge's PC remembers it, so later imports ask nothing unless the counter's key changed.
Files are read and written on the worker; the use cases check the role and audit both steps.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from khidmat_desk.gui.errors import known_text
from khidmat_desk.gui.words import day_text, file_text

if TYPE_CHECKING:
    from khidmat_desk.gui.main_window import MainWindow

PATTERN = "*.khday"


def key_in_groups(key: str) -> str:
    """A 64-digit key as a person copies it by hand: two lines of eight groups of four."""
    groups = [key[i:i + 4] for i in range(0, len(key), 4)]
    return "\n".join(" ".join(groups[i:i + 8]) for i in range(0, len(groups), 8))


class DayBundles(QObject):
    """The Centre menu's *Export this counter's day…* and *Import a counter's day…*."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    # -- export, on a counter ---------------------------------------------------------------------

    def export(self) -> None:
        window = self.window
        window._tasks.run(window.session.working_day, self._choose_day, window._on_failed)

    def _choose_day(self, working: date) -> None:
        window = self.window
        before = working - timedelta(days=1)
        chosen = window._messages.choose(
            self.tr("Export this counter's day"),
            self.tr("Which day of counter %1 goes into the file?").replace(
                "%1", str(window.session.settings.get("counter"))),
            [("working", self.tr("The &working day, %1").replace("%1", day_text(working))),
             ("before", self.tr("The day &before, %1").replace("%1", day_text(before))),
             ("cancel", self.tr("&Cancel"))], "cancel")
        if chosen == "cancel":
            return
        day = working if chosen == "working" else before
        settings = window.session.settings
        suggested = (f"{settings.get('centre_code')}-counter{settings.get('counter')}-"
                     f"{day.isoformat()}.khday")
        path = window._messages.save_path(self.tr("Save the day bundle"), suggested, PATTERN)
        if path is None:
            return
        window.statusBar().showMessage(self.tr("Writing the day bundle…"))
        window._tasks.run(lambda: window.session.export_day_bundle(day, Path(path)),
                          self._on_exported, window._on_failed)

    def _on_exported(self, done: Any) -> None:
        window = self.window
        window.statusBar().showMessage(self.tr("Day bundle written: %1").replace(
            "%1", str(done.path)), 15000)
        window._messages.info(self.tr("Day bundle written"), self.tr(
            "Counter %1, %2: %3 applications taken, changed or printed that day, with their %4 "
            "record versions, written to\n%5\n\n"
            "Take the file to the in-charge's PC and import it there (Centre menu). The first "
            "time, it asks for this counter's key:\n\n%6").replace("%1", str(done.counter))
            .replace("%2", day_text(done.day)).replace("%3", str(done.applications))
            .replace("%4", str(done.versions)).replace("%5", file_text(done.path))
            .replace("%6", key_in_groups(done.public_key)))

    # -- import, on the in-charge's PC ------------------------------------------------------------

    def import_(self) -> None:
        path = self.window._messages.open_path(self.tr("Import a counter's day bundle"),
                                               PATTERN)
        if path is not None:
            self._import(Path(path), None)

    def _import(self, path: Path, key: str | None) -> None:
        window = self.window
        window.statusBar().showMessage(self.tr("Importing %1…").replace("%1", file_text(path.name)))
        window._tasks.run(lambda: window.session.import_day_bundle(path, key),
                          self._on_imported, lambda exc: self._on_refused(exc, path))

    def _on_refused(self, exc: BaseException, path: Path) -> None:
        """A counter whose key this PC does not know (or no longer matches): ask for it."""
        from khidmat_desk.app.day_bundle import CounterKeyError

        window = self.window
        window.statusBar().clearMessage()
        if not isinstance(exc, CounterKeyError):
            window._on_failed(exc)
            return
        key = window._messages.ask_text(self.tr("Counter %1's key").replace(
            "%1", str(exc.counter)), self.tr("%1\n\nThe key (spaces do not matter):")
            .replace("%1", known_text(exc)))
        if key is not None:
            self._import(path, key)

    def _on_imported(self, done: Any) -> None:
        window = self.window
        text = self.tr("Counter %1, %2: %3 applications, %4 record versions and %5 printed "
                       "copies added.").replace("%1", str(done.counter)) \
            .replace("%2", day_text(done.day)).replace("%3", str(done.applications_added)) \
            .replace("%4", str(done.versions_added)).replace("%5", str(done.prints_added))
        if done.late:
            text += " " + self.tr("%1 of them reached a day already closed: they are listed "
                                  "as late on the dashboard.").replace("%1", str(done.late))
        window.statusBar().showMessage(text, 15000)
        window._messages.info(self.tr("Day bundle imported"), text)
