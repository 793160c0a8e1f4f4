"""The syncer outlives this computer's problems: a database busy with another program or a
full disk inside a pass ends that pass with a report saying what is wrong (the status bar
shows it), and the next passes go on until the problem is gone."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from backup_helpers import fill_disk, small_disk
from sqlalchemy import func, select
from sync_helpers import FAST, Central, Counter, drain

from khidmat_central.schema import Record
from khidmat_desk.app.sync import make_syncer
from khidmat_desk.store.db import Database, open_database, sqlite_url
from khidmat_desk.sync.status import SyncReport


@pytest.fixture
def held_lock(tmp_path: Path) -> Iterator[Callable[[Path], sqlite3.Connection]]:
    """Another program holding the write lock of a counter's database."""
    held: list[sqlite3.Connection] = []

    def hold(path: Path) -> sqlite3.Connection:
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        connection.execute("BEGIN IMMEDIATE")
        held.append(connection)
        return connection

    yield hold
    for connection in held:
        connection.close()


def _impatient(counter: Counter) -> tuple[Database, object]:
    """The same counter database opened with a short busy timeout, and a syncer on it."""
    db = open_database(counter.db.url, busy_timeout_ms=100, migrate=False)
    return db, make_syncer(counter.settings, db, tuning=FAST, timeout_seconds=0.5)


def test_a_busy_database_ends_the_pass_with_a_message_and_sync_resumes(
        central: Central, counters: Callable[..., Counter],
        held_lock: Callable[[Path], sqlite3.Connection]) -> None:
    counter = counters(central.url, central.token())
    counter.submit(3)
    db, syncer = _impatient(counter)
    try:
        lock = held_lock(Path(str(counter.db.path)))
        report = syncer.run_once()  # type: ignore[attr-defined]
        assert report.problem is not None and "busy" in report.problem
        assert report.error == report.problem and report.pending == 3
        assert syncer.delay_seconds > 0  # type: ignore[attr-defined]
        lock.execute("ROLLBACK")
        reports = drain(syncer)  # type: ignore[arg-type]
        assert reports[-1].problem is None and reports[-1].outbox_empty
    finally:
        syncer.close()  # type: ignore[attr-defined]
        db.dispose()
    assert _records(central) == 3


def test_the_sync_thread_lives_through_a_busy_database(
        central: Central, counters: Callable[..., Counter],
        held_lock: Callable[[Path], sqlite3.Connection]) -> None:
    counter = counters(central.url, central.token())
    counter.submit(2)
    db, syncer = _impatient(counter)
    reports: list[SyncReport] = []
    lock = held_lock(Path(str(counter.db.path)))
    thread = threading.Thread(target=syncer.run_forever,  # type: ignore[attr-defined]
                              kwargs={"on_report": reports.append})
    thread.start()
    try:
        _wait_for(lambda: sum(1 for r in reports if r.problem) >= 3)
        assert thread.is_alive()
        lock.execute("ROLLBACK")
        _wait_for(lambda: bool(reports) and reports[-1].problem is None
                  and reports[-1].outbox_empty)
    finally:
        syncer.stop()  # type: ignore[attr-defined]
        thread.join(10)
        db.dispose()
    assert not thread.is_alive()
    assert _records(central) == 2


def test_a_full_disk_ends_the_pass_with_a_message_and_sync_resumes(
        central: Central, counters: Callable[..., Counter], tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", size="4m") as disk:
        counter = counters(central.url, central.token(),
                           db_url=sqlite_url(disk / "khidmat.sqlite3"))
        counter.submit(3)
        raw = sqlite3.connect(str(counter.db.path))
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # every later write must grow the file
        raw.close()
        filler = fill_disk(disk)
        report = counter.syncer.run_once()
        assert report.problem is not None and "disk is full" in report.problem
        filler.unlink()
        reports = drain(counter.syncer)
        assert reports[-1].problem is None and reports[-1].outbox_empty
    assert _records(central) == 3


def test_the_status_bar_says_what_is_wrong() -> None:
    from khidmat_desk.gui.sync_panel import link_text

    report = SyncReport(pushed=0, duplicates=0, rejected=0, pulled=0, pending=4, quarantined=0,
                        online=True, last_success=None, next_attempt=None,
                        error="Sync is waiting: The disk is full",
                        problem="Sync is waiting: The disk is full")
    text, colour = link_text(report)
    assert "disk is full" in text and "online" not in text and "4 waiting" in text
    assert colour == "#b00020"


def _wait_for(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.02)


def _records(central: Central) -> int:
    with central.db.read() as session:
        return int(session.execute(select(func.count()).select_from(Record)).scalar_one())
