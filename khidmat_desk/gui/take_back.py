"""The Centre menu's *Take back from the central server…*: after this counter's database was
lost (a backup put back, or the PC set up again as the same counter), the in-charge takes back
what the central server holds of the days since. The network and the database work run on a
thread of their own, so the counter goes on saving; the use case checks the role and audits
every application it adds."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from khidmat_desk.core.display import isolate_numbers
from khidmat_desk.gui.words import day_text

if TYPE_CHECKING:
    from khidmat_desk.gui.main_window import MainWindow


class TakeBack(QObject):
    """Asks from which day, takes back on a thread of its own (the counter goes on saving),
    and says what came back."""

    #: applications read so far, from the worker (delivered on the window's thread)
    read_so_far = Signal(int)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.read_so_far.connect(self._on_read_so_far)

    def start(self) -> None:
        window = self.window
        window._tasks.run(window.session.take_back_facts, self._choose_days, window._on_failed)

    def _choose_days(self, facts: tuple[bool, date | None, date]) -> None:
        configured, restored, today = facts
        window = self.window
        title = self.tr("Take back from the central server")
        if not configured:
            window._messages.warning(title, self.tr(
                "This counter does not send to a central server: sync is not set up, so "
                "there is nothing to take back."))
            return
        week, month = today - timedelta(days=7), today - timedelta(days=30)
        choices = []
        if restored is not None:
            choices.append(("restored", self.tr("Since the &backup put back, %1")
                            .replace("%1", day_text(restored))))
        choices += [("week", self.tr("The last &7 days, from %1").replace("%1", day_text(week))),
                    ("month", self.tr("The last &30 days, from %1")
                     .replace("%1", day_text(month))),
                    ("cancel", self.tr("&Cancel"))]
        chosen = window._messages.choose(title, self.tr(
            "The central server holds every application this counter sent. After this "
            "counter's database was lost (a backup put back, or this PC set up again), take "
            "back what it holds: what is here stays as it is, what is missing is added, and "
            "nothing is sent again.\n\nFrom which day?"), choices, "cancel")
        if chosen == "cancel":
            return
        since = {"restored": restored, "week": week, "month": month}[chosen]
        assert since is not None
        window.statusBar().showMessage(self.tr("Taking back from the central server…"))
        # page after page from the server (seconds, or a timeout when the link drops): not on
        # the thread the counter saves on
        window.slow_tasks.run(lambda: window.session.take_back(since, self.read_so_far.emit),
                          self._on_taken_back, self._on_failed)

    def _on_read_so_far(self, count: int) -> None:
        self.window.statusBar().showMessage(self.tr(
            "Taking back from the central server… %1 application(s) so far").replace(
                "%1", str(count)))

    def _on_failed(self, exc: BaseException) -> None:
        from khidmat_desk.gui.errors import known_text
        from khidmat_desk.sync.errors import SyncError

        window = self.window
        window.statusBar().clearMessage()
        if not isinstance(exc, SyncError):
            window._on_failed(exc)
            return
        window._messages.warning(self.tr("Take back from the central server"), self.tr(
            "Nothing more was taken back: %1\n\nWhat was taken back before this stays. Take "
            "back again when the link is up: what is already here is not taken twice.")
            .replace("%1", known_text(exc)))

    def _on_taken_back(self, done: Any) -> None:
        window = self.window
        text = self.tr("The central server holds %1 application(s) of this counter from %2 "
                       "on. %3 were added here or brought up to date (%4 record versions, %5 "
                       "printed copies); nothing is sent again.") \
            .replace("%1", str(done.held)).replace("%2", day_text(done.since)) \
            .replace("%3", str(done.applications)).replace("%4", str(done.versions)) \
            .replace("%5", str(done.prints))
        if done.numbers_carried_on:
            days = self.tr("; ").join(
                f"{day_text(day)}: {isolate_numbers(f'{last + 1:04d}')}"
                for day, last in sorted(done.numbers_carried_on.items()))
            text += "\n\n" + self.tr("Tracking numbers go on after those the server holds: "
                                     "%1.").replace("%1", days)
        window.statusBar().showMessage(self.tr("Taken back from the central server: %1 "
                                               "application(s).").replace(
                                                   "%1", str(done.applications)), 15000)
        if done.applications:
            window.refresh_queue()  # today's list and the services' counts
        # the status bar's "take back from the server" goes once the days are taken back
        window._tasks.run(window.session.sync_status, window._on_sync_reported,
                          window._on_failed)
        if done.clashes:
            text += "\n\n" + self.tr(
                "Not taken back: %1. Each of these numbers was given here again to another "
                "application after the loss, so two citizens hold receipts with it. Tell the "
                "central server's staff.").replace(
                    "%1", ", ".join(isolate_numbers(n) for n in done.clashes))
            window._messages.warning(self.tr("Taken back from the central server"), text)
            return
        window._messages.info(self.tr("Taken back from the central server"), text)
