"""One engine per database, and the two kinds of unit of work: ``write()`` and ``read()``
(``write_connection()`` is a write without the ORM session, for Core-only use cases).

SQLite: every write transaction starts with ``BEGIN IMMEDIATE`` (SQLAlchemy's documented
recipe: the driver's own transaction handling is switched off and we emit BEGIN ourselves), so
a second writer waits on ``busy_timeout`` at the start instead of failing later when its read
lock cannot be upgraded. WAL with ``synchronous=FULL``: a committed save survives a power cut.

PostgreSQL (``postgresql+psycopg://``) is used unchanged when a centre's counters share one
server; row locks taken by the use cases order concurrent writers there.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.pool import ConnectionPoolEntry

from khidmat_desk.store.errors import known_error

log = logging.getLogger("khidmat.store")

#: Key of a pooled SQLite connection's ``info`` naming the BEGIN its next transaction emits
#: when not ``BEGIN IMMEDIATE`` (set by `Database.read` for as long as the read lasts).
_BEGIN_MODE = "khidmat_begin"


def sqlite_url(path: Path | str) -> str:
    """The SQLAlchemy URL of a SQLite file (absolute, so the working directory never matters)."""
    return f"sqlite:///{Path(path).resolve()}"


class Database:
    """A database and its engine; the only way use cases reach it is ``write()`` /
    ``write_connection()`` / ``read()``."""

    def __init__(self, url: str, *, busy_timeout_ms: int = 5000) -> None:
        self.url = url
        self.engine = _make_engine(url, busy_timeout_ms)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        self._read_engine = self.engine
        if not self.is_sqlite:  # one snapshot for all the queries of a read, as on SQLite
            self._read_engine = self.engine.execution_options(
                isolation_level="REPEATABLE READ")

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a server database."""
        database = make_url(self.url).database
        return Path(database) if self.is_sqlite and database else None

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: committed when the block ends, rolled back if it raises.

        The session rides on a connection whose transaction we own (cheaper than letting a
        session manage it, which matters on the save path): pending ORM changes are flushed
        and then the connection commits.
        """
        with (_translated_errors(), self.engine.connect() as connection,
              connection.begin(),
              Session(bind=connection, expire_on_commit=False,
                      join_transaction_mode="rollback_only") as session):
            yield session
            session.flush()

    @contextmanager
    def write_connection(self) -> Iterator[Connection]:
        """One write transaction as `write` makes it, on the bare connection: for a use case
        that sends only Core statements (saving an application), which then skips setting up
        and closing an ORM session it would not use."""
        with (_translated_errors(), self.engine.connect() as connection,
              connection.begin()):
            yield connection

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A consistent read-only view; nothing done here is committed."""
        with (_translated_errors(), self._read_engine.connect() as connection,
              _deferred_begin(connection) if self.is_sqlite else nullcontext(),
              Session(bind=connection, expire_on_commit=False) as session):
            yield session  # closing the connection rolls the read transaction back

    def dispose(self) -> None:
        self.engine.dispose()

    def __repr__(self) -> str:
        return f"Database({make_url(self.url).render_as_string(hide_password=True)!r})"


def connection_of(session: Session | Connection) -> Connection:
    """The connection a unit of work runs on: a connection itself (`Database.write_connection`),
    or the one a session was bound to by `Database.write` or `Database.read` (already in their
    transaction), else the session's own.

    Asking the session each time (`Session.connection`) walks its transaction's state machine,
    several times the cost of a statement on the save path."""
    if isinstance(session, Connection):
        return session
    bind = session.bind
    if isinstance(bind, Connection) and not bind.closed:
        return bind
    return session.connection()


def open_database(url: str, *, migrate: bool = True, backup_dir: Path | None = None,
                  busy_timeout_ms: int = 5000) -> Database:
    """Open (and by default create or upgrade) the database at ``url``.

    A SQLite file at an older schema is copied into ``backup_dir`` (default: ``backups``
    beside the file) before it is upgraded.
    """
    database = Database(url, busy_timeout_ms=busy_timeout_ms)
    if migrate:
        from khidmat_desk.store.migrate import upgrade

        if backup_dir is None and database.path is not None:
            backup_dir = database.path.parent / "backups"
        try:
            with _translated_errors():
                upgrade(database.engine, backup_dir)
        except BaseException:
            database.dispose()
            raise
    log.info("opened %r", database)
    return database


@contextmanager
def _deferred_begin(connection: Connection) -> Iterator[None]:
    """A read's transaction starts with a plain (deferred) BEGIN: it takes no write lock."""
    info = connection.connection.info
    info[_BEGIN_MODE] = "BEGIN"
    try:
        yield
    finally:
        info.pop(_BEGIN_MODE, None)


@contextmanager
def _translated_errors() -> Iterator[None]:
    try:
        yield
    except DBAPIError as exc:
        known = known_error(exc)
        if known is None:
            raise
        raise known from exc


def _make_engine(url: str, busy_timeout_ms: int) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database in (None, "", ":memory:"):
            raise ValueError("a counter database must be a file; in-memory SQLite loses data")
        engine = create_engine(url, connect_args={"check_same_thread": False})
        _install_sqlite_hooks(engine, busy_timeout_ms)
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() != "psycopg":
        parsed = parsed.set(drivername="postgresql+psycopg")  # the driver we ship
    return create_engine(parsed, pool_pre_ping=True)


def _install_sqlite_hooks(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        # The driver must not open transactions itself: we emit BEGIN in the hook below.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
            _ensure_wal(cursor, busy_timeout_ms)
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA foreign_keys=ON")
        finally:
            cursor.close()

    dialect = engine.dialect

    def _begin(dbapi_connection: Any) -> None:
        """The dialect's own step that starts a transaction (a no-op for pysqlite, whose
        handling we switched off), given the pooled connection.

        Done here rather than in a ``begin`` event: any engine event makes SQLAlchemy dispatch
        events at every connect, begin, commit and close, which costs a save more than SQLite
        spends on BEGIN. Straight on the driver; errors are raised as SQLAlchemy's, as they
        would be through it, so a held lock still becomes "database busy"."""
        mode = dbapi_connection.info.get(_BEGIN_MODE, "BEGIN IMMEDIATE")
        try:
            dbapi_connection.driver_connection.execute(mode)
        except sqlite3.Error as exc:
            raise DBAPIError.instance(mode, (), exc, sqlite3.Error, dialect=dialect) from exc

    dialect.do_begin = _begin  # type: ignore[method-assign]


def _ensure_wal(cursor: Any, busy_timeout_ms: int) -> None:
    """Switch the file to WAL (a lasting property of the file), waiting out other openers.

    Changing the journal mode needs an exclusive lock and SQLite answers "locked" at once,
    without its busy handler, when another counter is opening the same new file; so wait here.
    """
    deadline = time.monotonic() + busy_timeout_ms / 1000
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            log.debug("waiting to switch the database to WAL: %s", exc)
            time.sleep(0.01)
