"""`doctor`: what a support call needs to know about this counter, each line OK, WARN or FAIL.

Versions, the data folder, the database (size, schema, integrity), the secret store, printers,
the central server (reachable, token accepted), the outbox, the last backup and free disk.
Nothing here changes anything; the central server is asked one read-only question.
The same report is shown by the command line and by the counter's *Help → Diagnostics*.
"""

from __future__ import annotations

import logging
import platform
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from khidmat_desk import __version__
from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.core import clock

if TYPE_CHECKING:
    from khidmat_desk.sync.transport import ServerClock

log = logging.getLogger("khidmat.doctor")

OK, WARN, FAIL = "OK", "WARN", "FAIL"
_RANK = {OK: 0, WARN: 1, FAIL: 2}
#: free disk below these is a warning / a failure (a day's saves need far less)
FREE_WARN_BYTES = 1_000_000_000
FREE_FAIL_BYTES = 200_000_000


@dataclass(frozen=True)
class Finding:
    topic: str
    level: str
    detail: str


@dataclass(frozen=True)
class DoctorReport:
    findings: tuple[Finding, ...]

    @property
    def worst(self) -> str:
        return max((f.level for f in self.findings), key=_RANK.__getitem__, default=OK)

    def text(self) -> str:
        """Plain text, one line per finding: what goes into a support message."""
        width = max((len(f.topic) for f in self.findings), default=0)
        lines = [f"{f.level:<4}  {f.topic:<{width}}  {f.detail}" for f in self.findings]
        return "\n".join([*lines, f"overall: {self.worst}"])


def diagnose(settings: CounterSettings, *, printers: Callable[[], list[str]] | None = None,
             network_timeout: float = 5.0, now: datetime | None = None) -> DoctorReport:
    """Every check, in order; a check that itself breaks is a FAIL line, never a traceback."""
    when = now or datetime.now(UTC)
    server_clock: list[ServerClock] = []  # the central server's clock, when it answered
    checks: list[tuple[str, Callable[[], Finding | list[Finding]]]] = [
        ("versions", _versions),
        ("data folder", lambda: _data_folder(settings)),
        ("database", lambda: _database(settings)),
        ("secret store", lambda: _secret_store(settings)),
        ("printers", lambda: _printers(printers)),
        ("central server", lambda: _central(settings, network_timeout, server_clock)),
        ("PC clock", lambda: _pc_clock(settings, when, server_clock)),
        ("outbox", lambda: _outbox(settings, when)),
        ("last backup", lambda: _last_backup(settings, when)),
        ("free disk", lambda: _free_disk(settings)),
    ]
    findings: list[Finding] = []
    for topic, check in checks:
        try:
            found = check()
        except Exception as exc:  # a broken check is reported as such and logged in full
            log.exception("doctor check '%s' failed", topic)
            found = Finding(topic, FAIL, f"the check itself failed: {type(exc).__name__}: {exc}")
        findings += found if isinstance(found, list) else [found]
    return DoctorReport(tuple(findings))


def _versions() -> Finding:
    parts = [f"khidmat-desk {__version__}", f"Python {platform.python_version()}",
             f"SQLite {sqlite3.sqlite_version}"]
    for name, label in (("PySide6-Essentials", "Qt for Python"), ("SQLAlchemy", "SQLAlchemy"),
                        ("reportlab", "reportlab")):
        try:
            parts.append(f"{label} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{label} (not installed)")
    frozen = " (installed program)" if getattr(sys, "frozen", False) else ""
    return Finding("versions", OK, ", ".join(parts) + f" on {platform.platform()}{frozen}")


def _data_folder(settings: CounterSettings) -> Finding:
    folder = settings.data_dir
    if not folder.is_dir():
        return Finding("data folder", FAIL, f"{folder} does not exist")
    probe = folder / ".doctor-probe"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        return Finding("data folder", FAIL, f"{folder} cannot be written: {exc.strerror}")
    if not settings.initialised:
        return Finding("data folder", FAIL, f"{folder}: no centre is set up")
    return Finding("data folder", OK, f"{folder} (centre {settings.get('centre_code')}, "
                                      f"counter {settings.get('counter')})")


def _database(settings: CounterSettings) -> list[Finding]:
    from khidmat_desk.app.backup import database_file, database_is_local
    from khidmat_desk.store.backup import integrity_problems, schema_revision
    from khidmat_desk.store.migrate import head_revision, known_revisions

    if not database_is_local(settings):
        return [_server_database(settings)]
    path = database_file(settings)
    if not path.exists():
        return [Finding("database", FAIL, f"{path} does not exist")]
    size = path.stat().st_size + _size(Path(f"{path}-wal"))
    findings = [Finding("database", OK, f"{path} ({size / 1e6:,.1f} MB)")]
    revision, head = schema_revision(path), head_revision()
    if revision == head:
        findings.append(Finding("schema", OK, f"{revision} (current)"))
    elif revision in known_revisions():
        findings.append(Finding("schema", WARN, f"{revision}; upgraded to {head} at next start "
                                                "(after a backup)"))
    else:
        findings.append(Finding("schema", FAIL, f"{revision or 'none'}: not a schema this "
                                                "version knows (written by a newer version?)"))
    problems = integrity_problems(path, quick=True)
    findings.append(Finding("integrity", FAIL, "; ".join(problems[:3])) if problems
                    else Finding("integrity", OK, "quick check passed"))
    return findings


def _server_database(settings: CounterSettings) -> Finding:
    from sqlalchemy.engine import make_url

    from khidmat_desk.store.db import open_database

    shown = make_url(settings.database_url).render_as_string(hide_password=True)
    db = open_database(settings.database_url, migrate=False)
    try:
        with db.read():
            pass
    finally:
        db.dispose()
    return Finding("database", OK, f"{shown} (server; back it up there)")


def _secret_store(settings: CounterSettings) -> Finding:
    import keyring

    backend = type(keyring.get_keyring())
    name = f"{backend.__module__}.{backend.__name__}"
    store = str(settings.get("secret_store"))
    if store == "file":
        return Finding("secret store", WARN, f"protected files in {settings.data_dir / 'secrets'} "
                                             f"(the documented fallback); keyring backend {name}")
    if backend.__module__.startswith("keyring.backends.fail"):
        return Finding("secret store", FAIL, "the system keyring is set but no keyring backend "
                                             "works on this PC")
    return Finding("secret store", OK, f"system keyring ({name})")


def cups_printers() -> list[str] | None:
    """The print system's queues without Qt (CUPS's ``lpstat -e``); None where there is none."""
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return None
    listed = subprocess.run([lpstat, "-e"], capture_output=True, text=True, timeout=10,  # noqa: S603 - fixed program and arguments
                            check=False)
    return [line.strip() for line in listed.stdout.splitlines() if line.strip()]


def _printers(printers: Callable[[], list[str]] | None) -> Finding:
    found = printers() if printers is not None else cups_printers()
    if found is None:
        return Finding("printers", WARN, "not checked here (Help → Diagnostics in the counter "
                                         "window lists them)")
    if not found:
        return Finding("printers", WARN, "no printer installed; documents can be saved as PDF")
    return Finding("printers", OK, ", ".join(found))


def _central(settings: CounterSettings, timeout: float,
             server_clock: list[ServerClock]) -> list[Finding]:
    from khidmat_desk.app.sync import transport_config
    from khidmat_desk.app.sync_check import TokenMismatch, same_counter, whose_token
    from khidmat_desk.sync.errors import RequestRefused, SyncError, SyncNotConfigured
    from khidmat_desk.sync.transport import Transport

    if not settings.get("sync_server"):
        return [Finding("central server", WARN, "not set up (khidmat-desk sync --setup ...)")]
    try:
        config = transport_config(settings, timeout_seconds=timeout)
    except SyncNotConfigured as exc:
        return [Finding("central server", FAIL, str(exc))]
    transport = Transport(config)
    try:
        try:
            transport.health()
        except SyncError as exc:
            return [Finding("central server", FAIL, f"{config.server} not reachable: {exc}")]
        reachable = Finding("central server", OK, f"{config.server} reachable")
        server_clock += [transport.server_clock] if transport.server_clock else []
        try:
            centre, counter = whose_token(transport.token_facts())
            same_counter(settings, centre, counter)
        except TokenMismatch as exc:
            return [reachable, Finding("sync token", FAIL, str(exc))]
        except RequestRefused:  # a server without the question: the token is tried instead
            try:
                transport.changes(0, 1)
            except SyncError as exc:
                return [reachable, Finding("sync token", FAIL, f"not accepted: {exc}")]
            return [reachable, Finding("sync token", OK, "accepted by the server")]
        except SyncError as exc:
            return [reachable, Finding("sync token", FAIL, f"not accepted: {exc}")]
        whose = "any counter" if counter is None else f"counter {counter}"
        return [reachable, Finding("sync token", OK,
                                   f"accepted by the server as {centre} {whose}'s")]
    finally:
        transport.close()


def _pc_clock(settings: CounterSettings, now: datetime,
              server_clock: list[ServerClock]) -> Finding:
    from dataclasses import replace

    from khidmat_desk.app.clock_check import check_clock
    from khidmat_desk.store.db import open_database

    db = open_database(settings.database_url, migrate=False)
    try:
        found = check_clock(db, now)
    finally:
        db.dispose()
    if server_clock:  # asked just now: better than what the sync last heard
        found = replace(found, server_ahead_seconds=server_clock[0].ahead_seconds(now),
                        server_measured_at=now)
    shown = f"{clock.local(now):%d-%m-%Y %H:%M} centre time"
    if found.problem is not None:
        return Finding("PC clock", WARN, str(found.problem))
    if found.server_ahead_seconds is not None and found.server_measured_at == now:
        return Finding("PC clock", OK, f"{shown}; "
                                       f"{clock.span_text(found.server_ahead_seconds)} from the "
                                       "central server's")
    return Finding("PC clock", OK, f"{shown}; not behind this counter's records")


def _outbox(settings: CounterSettings, now: datetime) -> list[Finding]:
    from khidmat_desk.store import outbox
    from khidmat_desk.store.db import open_database
    from khidmat_desk.sync import state

    db = open_database(settings.database_url, migrate=False)
    try:
        with db.read() as session:
            counts = outbox.counts(session)
            oldest = outbox.waiting(session, limit=1)
            behind = state.read_all(session).get(state.NUMBERS_BEHIND) or {}
    finally:
        db.dispose()
    found = [_waiting(counts, oldest, now)]
    if behind:  # a PC set up again: the server holds applications this database lacks
        days = ", ".join(f"{date.fromisoformat(day):%d-%m-%Y} up to {last:04d}"
                         for day, last in sorted(behind.items()))
        found.append(Finding("central records", WARN, (
            f"the central server holds applications of this counter this database lacks "
            f"({days}); the in-charge takes them back: Centre, then Take back from the "
            "central server, or khidmat-desk sync --take-back")))
    return found


def _waiting(counts: Any, oldest: Sequence[Any], now: datetime) -> Finding:
    detail = f"{counts.pending} waiting, {counts.quarantined} set aside"
    if oldest:
        age = now - oldest[0].created_at
        detail += f"; oldest from {clock.local(oldest[0].created_at):%d-%m-%Y %H:%M}"
        if age > timedelta(days=1):
            return Finding("outbox", WARN, detail + " (more than a day old)")
    if counts.quarantined:
        return Finding("outbox", WARN, detail + " (the in-charge should look at them)")
    return Finding("outbox", OK, detail)


def _last_backup(settings: CounterSettings, now: datetime) -> Finding:
    from khidmat_desk.app.backup import database_is_local, list_backups

    if not database_is_local(settings):
        return Finding("last backup", WARN, "the database is on a server: back it up there")
    newest = next(iter(list_backups(settings)), None)
    if newest is None:
        return Finding("last backup", WARN, f"none in {settings.backup_dir}")
    detail = (f"{newest.path.name} ({newest.reason}, "
              f"{clock.local(newest.taken_at):%d-%m-%Y %H:%M}, {newest.size / 1e6:,.1f} MB)")
    hours = max(1, int(settings.get("backup_every_hours")))
    if now - newest.taken_at > timedelta(hours=2 * hours):
        return Finding("last backup", WARN, detail + " — older than expected")
    return Finding("last backup", OK, detail)


def _free_disk(settings: CounterSettings) -> Finding:
    usage = shutil.disk_usage(settings.data_dir)
    detail = f"{usage.free / 1e9:,.1f} GB free of {usage.total / 1e9:,.1f} GB"
    if usage.free < FREE_FAIL_BYTES:
        return Finding("free disk", FAIL, detail + ": free space now, saving will soon stop")
    if usage.free < FREE_WARN_BYTES:
        return Finding("free disk", WARN, detail)
    return Finding("free disk", OK, detail)


def _size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0
