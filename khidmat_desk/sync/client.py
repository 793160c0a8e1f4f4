"""The sender: pushes the outbox in order, pulls status changes, and keeps at it.

An entry leaves the outbox only when a reply *for this batch* names that exact (uuid,
version, kind) accepted or duplicate. Everything else — a dropped link, a timeout, a 500, a
damaged or stale reply — leaves the entry where it is, to be sent again; the server's
idempotent ingest makes the resend harmless. A rejected entry is quarantined with the
server's reason and the queue moves on.

`run_once` does one pass; `run_forever` repeats it: at once after `nudge()`, with backoff
and jitter after failures (never sooner than the server's Retry-After), and with a cheap
health probe while the link is down so the queue starts moving the moment it returns.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid as uuidlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from khidmat_desk.core.clock import CLOCK_TOLERANCE
from khidmat_desk.core.issues import Said
from khidmat_desk.store import outbox
from khidmat_desk.store.db import Database
from khidmat_desk.store.errors import StoreError
from khidmat_desk.sync import protocol, state
from khidmat_desk.sync.audit_anchor import ANCHORED_SEQUENCE, audit_claim
from khidmat_desk.sync.backoff import Backoff
from khidmat_desk.sync.changes import ChangeApplier, parse_changes_page
from khidmat_desk.sync.errors import (
    BadReply,
    BatchTooLarge,
    LinkDown,
    RequestRefused,
    ServerBusy,
    SyncError,
)
from khidmat_desk.sync.numbers import carry_on_after_server, numbers_on_server
from khidmat_desk.sync.status import SyncReport, current_status
from khidmat_desk.sync.transport import Transport

log = logging.getLogger("khidmat.sync")

#: What the status bar says when this computer stops the sync (the Urdu of each is in
#: resources/translations/messages_ur.json, like the checks' messages).
SYNC_WAITING = "Sync is waiting: {cause}"
SYNC_UNEXPECTED = ("Sync hit an unexpected error ({error}); it keeps trying. Details are in "
                   "the log file.")


@dataclass(frozen=True)
class SyncTuning:
    max_batch_entries: int = protocol.MAX_BATCH_ENTRIES
    max_batch_bytes: int = protocol.MAX_BATCH_BYTES
    backoff_base_seconds: float = 2.0
    backoff_cap_seconds: float = 300.0
    #: While the link is down, how often to check whether it is back.
    probe_seconds: float = 15.0
    #: With nothing to do, how often to look for new entries and status changes.
    idle_seconds: float = 30.0
    pull_page: int = 200


@dataclass
class _Progress:
    pushed: int = 0
    duplicates: int = 0
    rejected: int = 0
    pulled: int = 0


class Syncer:
    """One counter's sync; safe to drive from one worker thread (the GUI's or the CLI's)."""

    def __init__(self, db: Database, connect: Callable[[], Transport],
                 apply_changes: ChangeApplier, *, tuning: SyncTuning | None = None,
                 clock: Callable[[], datetime] | None = None, backoff: Backoff | None = None,
                 bundle_public_key: Callable[[], str | None] | None = None) -> None:
        self.db = db
        self.tuning = tuning or SyncTuning()
        self._connect = connect
        self._apply_changes = apply_changes
        self._clock = clock or (lambda: datetime.now(UTC))
        self._backoff = backoff or Backoff(self.tuning.backoff_base_seconds,
                                           self.tuning.backoff_cap_seconds)
        self._bundle_public_key = bundle_public_key
        self._transport: Transport | None = None
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._failures = 0
        self._online = True
        self._in_flight: list[int] = []
        self._not_before = 0.0  # monotonic time before which the server asked not to be called
        self._numbers_checked = False  # the server's numbers for this counter, once a run
        #: How long the loop waits before the next pass (after a failure; 0 after a success).
        self.delay_seconds = 0.0
        #: The last report read from the database (what to show when it cannot be read).
        self.last_report: SyncReport | None = None

    # -- one pass ------------------------------------------------------------------------

    def run_once(self) -> SyncReport:
        """Push everything due, then pull status changes.

        Never raises a `SyncError` (the link's problems) nor a `StoreError` (this computer's:
        the database busy with another program, the disk full): either ends the pass with
        a report naming the problem, and the next pass comes after the backoff.
        """
        progress = _Progress()
        try:
            return self._pass(progress)
        except StoreError as exc:
            return self._local_failure(exc, progress)

    def _pass(self, progress: _Progress) -> SyncReport:
        started = self._clock()
        wait = self._not_before - time.monotonic()
        if wait > 0:  # the server said when to come back: even a forced pass waits for it
            self.delay_seconds = wait
            return self._report(progress, f"the central server asked us to wait; next try "
                                          f"in {wait:.0f} seconds")
        try:
            transport = self._connected()
            # only this pass's answers tell the server's clock (a PC asleep in between would
            # stretch an old one: its monotonic clock stops while it sleeps)
            transport.server_clock = None
            if not self._numbers_checked:
                self._carry_on_after_server(transport)
            self._push_all(transport, progress)
            self._pull_all(transport, progress)
            if progress.pulled:  # the changes just applied are new versions: send them too
                self._push_all(transport, progress)
            self._register_bundle_key(transport)
        except SyncError as exc:
            self._record_failure(exc, started)
            return self._report(progress, str(exc))
        self._record_success(started)
        return self._report(progress, None)

    def _connected(self) -> Transport:
        if self._transport is None:
            self._transport = self._connect()
        return self._transport

    def close(self) -> None:
        if self._transport is not None:
            self._transport.close()
            self._transport = None

    def _push_all(self, transport: Transport, progress: _Progress) -> None:
        # The pass itself is the gate (the loop waits out the backoff, and a forced pass is
        # asked for), so entries held back by an earlier failure — perhaps of an earlier
        # process — are due now, oldest first.
        with self.db.write() as session:
            outbox.clear_backoff(session)
        max_bytes = self.tuning.max_batch_bytes
        while True:
            with self.db.read() as session:
                items = outbox.due_for_sending(session, now=self._clock(),
                                               limit=self.tuning.max_batch_entries)
            if not items:
                return
            encoded = [protocol.encode_stored_entry(i.uuid, i.version, i.kind, i.payload_json,
                                                    i.created_at) for i in items]
            count = protocol.take_batch(encoded, max_entries=self.tuning.max_batch_entries,
                                        max_bytes=max_bytes)
            try:
                self._push_batch(transport, items[:count], encoded[:count], progress)
            except BatchTooLarge as exc:
                if count == 1:
                    self._quarantine_one(items[0].id, f"too large for the server: {exc}")
                    progress.rejected += 1
                max_bytes = max(1, max_bytes // 2)

    def _push_batch(self, transport: Transport, batch: tuple[outbox.SendableEntry, ...],
                    encoded: list[bytes], progress: _Progress) -> None:
        batch_id = str(uuidlib.uuid4())
        ids = {(i.uuid, i.version, i.kind): i.id for i in batch}
        self._in_flight = list(ids.values())
        with self.db.read() as session:
            audit = audit_claim(session, state.read_all(session).get(ANCHORED_SEQUENCE))
        reply = transport.push(protocol.push_body(batch_id, encoded, audit))
        outcome = protocol.parse_push_reply(reply, batch_id, ids)
        now = self._clock()
        with self.db.write() as session:
            outbox.acknowledge(session, outcome.acknowledged)
            for key, reason in outcome.rejected.items():
                outbox.quarantine(session, ids[key], reason=reason, now=now)
            self._note_audit_verdict(session, outcome.audit, now)
        progress.pushed += len(outcome.accepted)
        progress.duplicates += len(outcome.duplicates)
        progress.rejected += len(outcome.rejected)
        if len(outcome.acknowledged) + len(outcome.rejected) < len(ids):
            raise BadReply("the central server's reply did not name every record sent")
        self._in_flight = []

    @staticmethod
    def _note_audit_verdict(session: Session, verdict: dict[str, Any] | None,
                            now: datetime) -> None:
        """Keep the sequence the server anchored; a flag from the server is logged loudly."""
        if verdict is None:
            return
        if verdict.get("result") != "anchored":
            log.error("the central server flagged this counter's audit trail (%s): %s",
                      verdict.get("result"), verdict.get("reason"))
        sequence = verdict.get("sequence")
        if isinstance(sequence, int) and not isinstance(sequence, bool):
            state.write(session, {ANCHORED_SEQUENCE: sequence}, now=now)

    def _quarantine_one(self, entry_id: int, reason: str) -> None:
        with self.db.write() as session:
            outbox.quarantine(session, entry_id, reason=reason, now=self._clock())

    def _pull_all(self, transport: Transport, progress: _Progress) -> None:
        with self.db.read() as session:
            cursor = int(state.read_all(session).get(state.PULL_CURSOR) or 0)
        while True:
            page = parse_changes_page(transport.changes(cursor, self.tuning.pull_page), cursor)
            if page.changes or page.next_cursor != cursor:
                progress.pulled += self._apply_changes(page.changes, page.next_cursor)
            cursor = page.next_cursor
            if not page.more or not page.changes:
                return

    def _carry_on_after_server(self, transport: Transport) -> None:
        """Once a run, before anything is pushed: no number the server holds for this counter
        is handed out again (see sync/numbers.py)."""
        carry_on_after_server(self.db, numbers_on_server(transport, self._clock()),
                              self._clock())
        self._numbers_checked = True

    def _register_bundle_key(self, transport: Transport) -> None:
        """Tell the server this counter's bundle key, once, over the authenticated link."""
        public_key = self._bundle_public_key() if self._bundle_public_key else None
        if not public_key:
            return
        with self.db.read() as session:
            if state.read_all(session).get(state.BUNDLE_KEY) == public_key:
                return
        try:
            transport.register_bundle_key(public_key)
        except RequestRefused as exc:
            log.warning("the central server did not take the bundle key: %s", exc)
            return
        with self.db.write() as session:
            state.write(session, {state.BUNDLE_KEY: public_key}, now=self._clock())

    # -- bookkeeping ---------------------------------------------------------------------

    def _record_failure(self, exc: SyncError, started: datetime) -> None:
        self._failures += 1
        self._online = not isinstance(exc, LinkDown)
        retry_after = exc.retry_after if isinstance(exc, ServerBusy) else None
        self.delay_seconds = self._backoff.delay(self._failures, retry_after)
        if retry_after is not None:
            self._not_before = time.monotonic() + self.delay_seconds
        retry_at = self._clock() + timedelta(seconds=self.delay_seconds)
        log.warning("sync failed (%d in a row), next try in %.1f s: %s", self._failures,
                    self.delay_seconds, exc)
        with self.db.write() as session:
            outbox.record_failure(session, self._in_flight, error=str(exc), retry_at=retry_at)
            state.write(session, {
                state.ONLINE: self._online, state.LAST_ATTEMPT: started,
                state.NEXT_ATTEMPT: retry_at, state.LAST_ERROR: str(exc),
                state.LAST_ERROR_KIND: type(exc).__name__,
                state.FAILURES: self._failures, **self._server_clock()}, now=self._clock())
        self._in_flight = []

    def _server_clock(self) -> dict[str, Any]:
        """How far this PC's clock is off the server's, from the pass's last answer: every
        paper and tracking number is dated by it (see app/clock_check.py)."""
        answer = self._transport.server_clock if self._transport is not None else None
        if answer is None:
            return {}
        now = self._clock()
        ahead = answer.ahead_seconds(now)
        if abs(ahead) > CLOCK_TOLERANCE.total_seconds():
            log.warning("this PC's clock is %+.0f seconds off the central server's", ahead)
        return state.clock_measured(ahead, now)

    def _local_failure(self, exc: StoreError, progress: _Progress) -> SyncReport:
        """The database could not be read or written: nothing can be recorded in it, so the
        state is kept here until the next pass, and the report says what is wrong."""
        self._failures += 1
        self._in_flight = []
        self.delay_seconds = self._backoff.delay(self._failures, None)
        said = Said.of(SYNC_WAITING, {"cause": str(exc)})
        problem = str(said)
        log.warning("sync pass stopped by the database (%d in a row), next try in %.1f s: %s",
                    self._failures, self.delay_seconds, exc)
        try:
            report = self._report(progress, problem)
        except StoreError as again:
            log.warning("sync status unreadable too: %s", again)
            last = self.last_report
            report = SyncReport(
                pushed=progress.pushed, duplicates=progress.duplicates,
                rejected=progress.rejected, pulled=progress.pulled,
                pending=last.pending if last else 0,
                quarantined=last.quarantined if last else 0, online=self._online,
                last_success=last.last_success if last else None,
                next_attempt=None, error=problem)
        return replace(report, problem=problem, problem_said=said)

    def _record_success(self, started: datetime) -> None:
        self._failures, self._online, self.delay_seconds = 0, True, 0.0
        with self.db.write() as session:
            state.write(session, {
                state.ONLINE: True, state.LAST_ATTEMPT: started,
                state.LAST_SUCCESS: self._clock(), state.NEXT_ATTEMPT: None,
                state.LAST_ERROR: None, state.LAST_ERROR_KIND: None, state.FAILURES: 0,
                **self._server_clock()}, now=self._clock())

    def _report(self, progress: _Progress, error: str | None) -> SyncReport:
        status = current_status(self.db)
        self.last_report = SyncReport(
            pushed=progress.pushed, duplicates=progress.duplicates,
            rejected=progress.rejected, pulled=progress.pulled, pending=status.pending,
            quarantined=status.quarantined, online=status.online,
            last_success=status.last_success, next_attempt=status.next_attempt, error=error,
            error_kind=status.last_error_kind if error else None,
            numbers_behind=status.numbers_behind,
            clock_ahead_seconds=status.clock_ahead_seconds)
        return self.last_report

    # -- the loop ------------------------------------------------------------------------

    def nudge(self) -> None:
        """Something changed (a save, the network came back): try now."""
        self._wake.set()

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()

    def run_forever(self, on_report: Callable[[SyncReport], None] | None = None) -> None:
        """Sync until `stop()`; each pass's report goes to ``on_report``."""
        self._stopping.clear()
        while not self._stopping.is_set():
            report = self._guarded_pass()
            if on_report is not None:
                on_report(report)
            if report.error is None:
                self._sleep(self.tuning.idle_seconds)
            else:
                self._wait_out_backoff()
        self.close()

    def _guarded_pass(self) -> SyncReport:
        """One pass that cannot end the loop: a bug is logged in full, shown, and retried."""
        try:
            return self.run_once()
        except Exception as exc:  # the loop must outlive any one pass; logged with traceback
            log.exception("unexpected error in a sync pass; trying again after a pause")
            self._failures += 1
            self.delay_seconds = self._backoff.delay(self._failures, None)
            said = Said.of(SYNC_UNEXPECTED, {"error": f"{type(exc).__name__}: {exc}"})
            problem = str(said)
            last = self.last_report
            return SyncReport(pushed=0, duplicates=0, rejected=0, pulled=0,
                              pending=last.pending if last else 0,
                              quarantined=last.quarantined if last else 0,
                              online=self._online,
                              last_success=last.last_success if last else None,
                              next_attempt=None, error=problem, problem=problem,
                              problem_said=said)

    def _wait_out_backoff(self) -> None:
        """Wait the backoff; while the link is down, probe it and end the wait when it is back."""
        deadline = time.monotonic() + self.delay_seconds
        while not self._stopping.is_set():
            left = deadline - time.monotonic()
            if left <= 0:
                return
            woken = self._sleep(min(left, self.tuning.probe_seconds))
            if not self._online and self._link_is_back():
                log.info("the link to the central server is back; sending now")
                return
            if woken and self._online and self._not_before <= time.monotonic():
                return  # nudged (a new save, "sync now") and nothing forbids trying

    def _link_is_back(self) -> bool:
        try:
            self._connected().health()
        except SyncError as exc:
            log.debug("link still down: %s", exc)
            return False
        return True

    def _sleep(self, seconds: float) -> bool:
        woken = self._wake.wait(max(0.0, seconds))
        self._wake.clear()
        return woken
