"""Backups of the counter's database, its health at start, and putting a backup back.

Automatic backups are taken at start, every ``backup_every_hours`` while the counter runs, and
at day close (``backup_at_day_close``); the newest ``backups_keep`` day-close copies and as many
others are kept. Copies taken before a schema upgrade (``*-rev*``) and copies written elsewhere
with ``backup --out`` are never pruned. A centre whose counters share a PostgreSQL server backs
that server up instead.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from khidmat_desk.app.running import CounterLock, counter_is_running
from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.core.clock import file_stamp, from_file_stamp
from khidmat_desk.core.display import format_moment
from khidmat_desk.core.workflow import Role
from khidmat_desk.store.backup import (
    PARTIAL_SUFFIX,
    BackupFileError,
    copy_database,
    fsync_folder,
    integrity_problems,
    schema_revision,
)
from khidmat_desk.store.errors import StoreError

if TYPE_CHECKING:
    from khidmat_desk.auth.users import UserInfo

log = logging.getLogger("khidmat.backup")

#: why an automatic backup was taken; part of its file name
AUTOMATIC_REASONS = ("start", "periodic", "day-close", "manual")
DAY_CLOSE = "day-close"


class BackupNotPossibleError(StoreError):
    default_message = ("This counter's database is on the centre server: back the server up "
                       "there (pg_dump); the counter keeps no copy of its own.")


class DatabaseDamagedError(StoreError):
    """The integrity check at start failed; the message names the last good backup, and
    ``health`` says what failed and which backup (if any) can be put back."""

    def __init__(self, health: DatabaseHealth) -> None:
        super().__init__(health.message)
        self.health = health


class CounterIsOpenError(StoreError):
    default_message = ("Khidmat Desk is open on this computer. Close the counter window "
                       "(and any 'sync' command) before restoring a backup.")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    reason: str
    taken_at: datetime
    size: int


@dataclass(frozen=True)
class DatabaseHealth:
    ok: bool
    problems: tuple[str, ...]
    last_backup: BackupInfo | None

    @property
    def message(self) -> str:
        """What to tell the officer when the database is not sound."""
        offer = (f"The last backup is {self.last_backup.path} "
                 f"({format_moment(self.last_backup.taken_at)}); the in-charge "
                 f"can put it back with: khidmat-desk restore \"{self.last_backup.path}\""
                 if self.last_backup else "There is no backup to restore from.")
        return ("The database file is damaged (" + (self.problems[0] if self.problems else "?")
                + "). Stop working at this counter and call the in-charge. " + offer)


def database_file(settings: CounterSettings) -> Path:
    """The counter's SQLite file, or BackupNotPossibleError for a server database."""
    if not database_is_local(settings):
        raise BackupNotPossibleError()
    return Path(settings.database_url.removeprefix("sqlite:///"))


def take_backup(settings: CounterSettings, *, reason: str = "manual",
                out: Path | None = None, by: UserInfo | None = None,
                now: datetime | None = None) -> Path:
    """A consistent copy of the database, taken while the counter may be working.

    Without ``out`` it goes to the backups folder and old automatic copies are pruned. A copy
    written anywhere else (``out``) carries every citizen's data off the counter: it is an
    export, for the in-charge (``by``) only.
    """
    if reason not in AUTOMATIC_REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    if out is not None:
        from khidmat_desk.auth.users import PermissionDenied, require_role

        if by is None:
            raise PermissionDenied("A copy of the database written elsewhere needs the "
                                   "in-charge to sign in.")
        require_role(by, Role.IN_CHARGE)
    source = database_file(settings)
    when = (now or datetime.now(UTC)).astimezone(UTC)
    target = out or settings.backup_dir / f"{source.stem}-{reason}-{file_stamp(when)}.sqlite3"
    copy_database(source, target)
    if out is None:
        prune_backups(settings)
    log.info("%s backup written to %s", reason, target)
    return target


def backup_if_local(settings: CounterSettings, reason: str) -> Path | None:
    """An automatic backup; None (nothing to do) when the database is on a server."""
    try:
        return take_backup(settings, reason=reason)
    except BackupNotPossibleError:
        log.info("no local %s backup: the database is on a server", reason)
        return None


def backup_at_day_close(settings: CounterSettings) -> Path | None:
    """For the day close: a backup of the closed day (None for a server database)."""
    return backup_if_local(settings, DAY_CLOSE)


def periodic_backup(settings: CounterSettings, now: datetime | None = None) -> Path | None:
    """Called every few minutes while the counter runs: a backup when one is due."""
    if database_is_local(settings) and backup_due(settings, now):
        return take_backup(settings, reason="periodic", now=now)
    return None


def database_is_local(settings: CounterSettings) -> bool:
    return settings.database_url.startswith("sqlite:///")


def backup_due(settings: CounterSettings, now: datetime | None = None) -> bool:
    """True when the newest automatic backup is older than ``backup_every_hours``."""
    hours = int(settings.get("backup_every_hours"))
    if hours <= 0:
        return False
    newest = next(iter(list_backups(settings)), None)
    when = (now or datetime.now(UTC)).astimezone(UTC)
    return newest is None or when - newest.taken_at >= timedelta(hours=hours)


def list_backups(settings: CounterSettings) -> list[BackupInfo]:
    """The backups folder's copies (automatic and before-upgrade), newest first."""
    folder = settings.backup_dir
    found = []
    for path in folder.glob("*.sqlite3") if folder.is_dir() else ():
        info = _parse_name(path)
        if info is not None:
            found.append(info)
    return sorted(found, key=lambda info: info.taken_at, reverse=True)


def prune_backups(settings: CounterSettings) -> list[Path]:
    """Remove automatic copies beyond the newest ``backups_keep`` day-close copies and the
    newest ``backups_keep`` others (start, periodic, manual), and leftover partial files. The
    day-close copies are counted apart so that a morning of power cuts (a start backup each)
    cannot push the last days' closes out; at most twice ``backups_keep`` copies are kept."""
    keep = max(1, int(settings.get("backups_keep")))
    automatic = [b for b in list_backups(settings) if b.reason in AUTOMATIC_REASONS]
    removed = [b.path for b in automatic if b.reason == DAY_CLOSE][keep:]
    removed += [b.path for b in automatic if b.reason != DAY_CLOSE][keep:]
    removed += list(settings.backup_dir.glob(f"*{PARTIAL_SUFFIX}"))
    for path in removed:
        path.unlink(missing_ok=True)
        log.info("old backup removed: %s", path)
    return removed


def check_health(settings: CounterSettings, *, quick: bool = True) -> DatabaseHealth:
    """The integrity check run at start (quick by default); always sound for a server DB."""
    try:
        path = database_file(settings)
    except BackupNotPossibleError:
        return DatabaseHealth(True, (), None)
    problems = tuple(integrity_problems(path, quick=quick)) if path.exists() else ()
    if problems:
        log.error("database %s failed its integrity check: %s", path, "; ".join(problems))
    return DatabaseHealth(not problems, problems, last_good_backup(settings) if problems else None)


def require_healthy(settings: CounterSettings) -> None:
    """At start: raise DatabaseDamagedError (with what to do) unless the quick check passes."""
    health = check_health(settings)
    if not health.ok:
        raise DatabaseDamagedError(health)


def last_good_backup(settings: CounterSettings) -> BackupInfo | None:
    """The newest backup in the backups folder that passes the quick check."""
    for info in list_backups(settings):
        if not integrity_problems(info.path, quick=True):
            return info
        log.warning("backup %s fails its check; looking at an older one", info.path)
    return None


def check_backup_file(path: Path) -> str:
    """Refuse a file that is not a sound Khidmat Desk database; returns its schema revision."""
    from khidmat_desk.store.migrate import known_revisions

    problems = integrity_problems(path)
    if problems:
        raise BackupFileError.told("{path} is not a sound database ({problem}); nothing was "
                                   "restored. Choose another backup.", path=path,
                                   problem=problems[0])
    revision = schema_revision(path)
    if revision is None or revision not in known_revisions():
        raise BackupFileError.told("{path} is not a Khidmat Desk database this version can "
                                   "read (schema {revision}); nothing was restored.", path=path,
                                   revision=revision or "none")
    return revision


def ensure_counter_closed(settings: CounterSettings, held: CounterLock | None = None) -> None:
    """No counter may be open on the data folder; ``held`` is the caller's own lock on it (the
    counter restoring at its own start), which proves that no other one is."""
    if held is not None and held.holds(settings.data_dir):
        return
    if counter_is_running(settings.data_dir):
        raise CounterIsOpenError()


def set_aside_current(settings: CounterSettings, now: datetime | None = None) -> Path | None:
    """Move the current database (and its -wal/-shm) into the backups folder, untouched."""
    source = database_file(settings)
    if not source.exists():
        return None
    when = (now or datetime.now(UTC)).astimezone(UTC)
    settings.backup_dir.mkdir(parents=True, exist_ok=True)
    kept = settings.backup_dir / f"{source.stem}-replaced-{file_stamp(when)}.sqlite3"
    for suffix in ("-wal", "-shm", ""):  # the main file last: without it the others are moot
        part = source.with_name(source.name + suffix)
        if part.exists():
            part.replace(kept.with_name(kept.name + suffix))
    fsync_folder(settings.backup_dir)
    fsync_folder(source.parent)
    log.warning("database %s set aside as %s", source, kept)
    return kept


_NAME = re.compile(r"-(?P<reason>" + "|".join(map(re.escape, AUTOMATIC_REASONS))
                   + r"|rev\w+)-(?P<stamp>\d{8}-\d{6}-\d{6}(?:[+-]\d{4})?)$")


def _parse_name(path: Path) -> BackupInfo | None:
    """``<stem>-<reason>-<YYYYmmdd-HHMMSS-ffffff+zzzz>.sqlite3`` (`clock.file_stamp`), as
    written by this module and by
    the copy taken before a schema upgrade (reason ``rev<revision>``). Databases set aside by
    a restore (``-replaced-``) are not backups and are not listed."""
    match = _NAME.search(path.stem)
    if match is None:
        return None
    try:
        taken = from_file_stamp(match["stamp"])
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupInfo(path, match["reason"], taken, size)
