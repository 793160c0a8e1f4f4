"""SQLite files copied and checked safely: the online backup API, integrity checks, and a
copy that either exists whole under its final name or not at all.

A copy is written to ``<name>.partial`` with SQLite's backup API (other connections keep
working meanwhile), flushed to disk, checked, and only then renamed to its final name; the
folder is flushed too, so a power cut never leaves a file that looks like a backup but is not
one. A full disk removes the partial file and raises ``DiskFullError``.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
from pathlib import Path

from khidmat_desk.store.errors import (
    DatabaseCorruptError,
    DiskError,
    DiskFullError,
    StoreError,
    known_error,
)

log = logging.getLogger("khidmat.store.backup")

PARTIAL_SUFFIX = ".partial"
#: pages copied per step of the backup API: other writers get the lock between steps
_PAGES_PER_STEP = 4096


class BackupFileError(StoreError):
    """A file offered as a backup that is not a usable Khidmat Desk database."""


def copy_database(source: Path, target: Path, *, check: bool = True) -> Path:
    """A consistent copy of the SQLite file ``source`` at ``target`` (never half of one)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    partial.unlink(missing_ok=True)
    try:
        _backup_api_copy(source, partial)
        _fsync_file(partial)
        if check:
            problems = integrity_problems(partial, quick=True)
            if problems:
                raise DatabaseCorruptError.told(
                    "The copy of {name} failed its check ({problem}): the database or the disk "
                    "is damaged, so this copy is no backup. Run 'khidmat-desk doctor' and call "
                    "the in-charge.", name=source.name, problem=problems[0])
        partial.replace(target)
        fsync_folder(target.parent)
    except BaseException as exc:
        partial.unlink(missing_ok=True)
        raise _as_store_error(exc) from exc
    log.info("copied %s to %s (%d bytes)", source, target, target.stat().st_size)
    return target


def integrity_problems(path: Path, *, quick: bool = False) -> list[str]:
    """What SQLite's integrity check finds wrong with the file (empty when it is sound).

    ``quick`` runs ``quick_check`` (no index-to-table cross-check: several times faster).
    A file that is not a database at all, or cannot be read, is one problem.
    """
    pragma = "quick_check" if quick else "integrity_check"
    if not path.is_file():
        return ["the file does not exist"]
    try:
        connection = sqlite3.connect(path)
    except sqlite3.Error as exc:
        return [f"cannot be opened: {exc}"]
    try:
        rows = connection.execute(f"PRAGMA {pragma}(20)").fetchall()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        connection.close()
    # SQLite may give several findings in one row, one a line, under a "*** in database
    # main ***" heading: one finding a line, so a message can name the first alone
    messages = [line.strip() for row in rows for line in str(row[0]).splitlines()
                if line.strip() and not line.startswith("***")]
    return [] if messages == ["ok"] else messages


def schema_revision(path: Path) -> str | None:
    """The Alembic revision recorded in a SQLite file, None when it has none."""
    connection = sqlite3.connect(path)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        connection.close()
    return str(row[0]) if row else None


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _backup_api_copy(source: Path, target: Path) -> None:
    if not source.is_file():
        raise FileNotFoundError(errno.ENOENT, "no such database file", str(source))
    source_db = sqlite3.connect(source)
    target_db = sqlite3.connect(target)
    try:
        source_db.backup(target_db, pages=_PAGES_PER_STEP)
        # one self-contained file: no -wal beside it is needed to read the copy
        target_db.execute("PRAGMA journal_mode=DELETE")
    finally:
        target_db.close()
        source_db.close()


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _as_store_error(exc: BaseException) -> BaseException:
    if isinstance(exc, StoreError) or not isinstance(exc, Exception):
        return exc
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError("The disk is full, so the backup was not made (nothing "
                             "half-written was left). Free space on this computer, then try "
                             "again.")
    if isinstance(exc, sqlite3.Error):
        known = known_error(exc)
        if isinstance(known, DiskFullError):
            return DiskFullError("The disk is full, so the backup was not made (nothing "
                                 "half-written was left). Free space on this computer, then "
                                 "try again.")
        if known is not None:
            return known
    if isinstance(exc, FileNotFoundError):
        return StoreError(f"There is no database at {exc.filename}, so there is nothing to copy.")
    if isinstance(exc, OSError):
        return DiskError(f"The backup could not be written: {exc.strerror or exc}.")
    return exc
