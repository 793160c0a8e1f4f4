"""Known database failures, each with words an officer can act on.

A locked SQLite file, a full disk or an unreachable centre server are facts of life at a
counter, not bugs: they become one of these exceptions (what happened + what to do) and the
GUI shows the message as it is. Anything not recognised here propagates unchanged, so the
crash handler logs it in full as a bug.
"""

from __future__ import annotations

import logging
import sqlite3

from sqlalchemy.exc import DBAPIError

from khidmat_desk.errors import KnownError

log = logging.getLogger("khidmat.store")


class StoreError(KnownError):
    """A known database problem; ``str()`` is the officer-facing message."""

    default_message = "The database could not complete the request. Nothing was saved."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default_message)


class DatabaseBusyError(StoreError):
    default_message = (
        "The database is busy with another counter or program and did not become free in "
        "time. Nothing was saved. Wait a few seconds and try again; if it keeps happening, "
        "close any other copy of Khidmat Desk on this computer."
    )


class DiskFullError(StoreError):
    default_message = (
        "The disk is full, so nothing was saved. Ask the in-charge to free space on this "
        "computer (or on the centre server), then save again."
    )


class DiskError(StoreError):
    default_message = (
        "The computer could not read or write the database file. Nothing was saved. Check "
        "that the disk is connected and working, then restart Khidmat Desk."
    )


class DatabaseReadOnlyError(StoreError):
    default_message = (
        "The database can only be read, not changed, so nothing was saved. Ask the in-charge "
        "to check the permissions of the data folder."
    )


class DatabaseCorruptError(StoreError):
    default_message = (
        "The database file is damaged. Stop working at this counter and call the in-charge: "
        "the last backup in the backups folder can be restored."
    )


class DatabaseUnavailableError(StoreError):
    default_message = (
        "The database cannot be opened or reached. If this counter uses the centre server, "
        "check the network cable and that the server is on; then try again."
    )


class WriteConflictError(StoreError):
    default_message = (
        "Another counter changed the same records at the same moment, so nothing was saved. "
        "Press Save again."
    )


class DatabaseTooNewError(StoreError):
    default_message = (
        "This database was written by a newer version of Khidmat Desk. Install the newer "
        "version on this computer before opening it."
    )


class DailyLimitReachedError(StoreError):
    default_message = (
        "This counter has used every tracking number for today (9,999). Use another counter "
        "for the rest of the day."
    )


# SQLite primary result codes (https://sqlite.org/rescode.html)
_SQLITE_ERRORS: dict[int, type[StoreError]] = {
    5: DatabaseBusyError,  # SQLITE_BUSY
    6: DatabaseBusyError,  # SQLITE_LOCKED
    8: DatabaseReadOnlyError,  # SQLITE_READONLY
    10: DiskError,  # SQLITE_IOERR
    11: DatabaseCorruptError,  # SQLITE_CORRUPT
    13: DiskFullError,  # SQLITE_FULL
    14: DatabaseUnavailableError,  # SQLITE_CANTOPEN
    26: DatabaseCorruptError,  # SQLITE_NOTADB
}
# PostgreSQL SQLSTATE codes (https://www.postgresql.org/docs/current/errcodes-appendix.html)
_PG_ERRORS: dict[str, type[StoreError]] = {
    "40001": WriteConflictError,  # serialization_failure
    "40P01": WriteConflictError,  # deadlock_detected
    "55P03": DatabaseBusyError,  # lock_not_available
    "53100": DiskFullError,  # disk_full
    "53200": DiskFullError,  # out_of_memory on the server: same advice, free resources
    "58030": DiskError,  # io_error
    "25006": DatabaseReadOnlyError,  # read_only_sql_transaction
    "57P01": DatabaseUnavailableError,  # admin_shutdown
    "57P03": DatabaseUnavailableError,  # cannot_connect_now
    "08000": DatabaseUnavailableError,
    "08001": DatabaseUnavailableError,
    "08003": DatabaseUnavailableError,
    "08006": DatabaseUnavailableError,
}


def known_error(exc: BaseException) -> StoreError | None:
    """The officer-facing error for a driver exception, or None when it is not a known one."""
    original = exc.orig if isinstance(exc, DBAPIError) else exc
    found = _classify_sqlite(original) or _classify_postgres(original)
    if found is None and isinstance(exc, DBAPIError) and exc.connection_invalidated:
        found = DatabaseUnavailableError
    if found is None:
        return None
    log.warning("database problem: %s (%s)", found.__name__, original)
    return found()


def _classify_sqlite(exc: BaseException | None) -> type[StoreError] | None:
    if not isinstance(exc, sqlite3.Error):
        return None
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _SQLITE_ERRORS:
        return _SQLITE_ERRORS[code & 0xFF]
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return DatabaseBusyError
    if "disk is full" in text:
        return DiskFullError
    return None


def _classify_postgres(exc: BaseException | None) -> type[StoreError] | None:
    if exc is None or not type(exc).__module__.startswith("psycopg"):
        return None
    state = getattr(exc, "sqlstate", None)
    if not isinstance(state, str):
        # no SQLSTATE: the server never answered (refused, timed out, connection dropped)
        return DatabaseUnavailableError if type(exc).__name__ == "OperationalError" else None
    if state in _PG_ERRORS:
        return _PG_ERRORS[state]
    if state.startswith("08"):
        return DatabaseUnavailableError
    return None
