"""Bring a database to the schema this version of Khidmat Desk needs, safely, at start.

Fresh databases are created by running every migration (never ``create_all``), so a new
counter and a counter upgraded over years end with the same schema. A SQLite file at an older
revision is first copied with SQLite's online backup API, named after its revision, so an
upgrade that goes wrong can always be undone by putting the copy back.
An older database is checked (``PRAGMA integrity_check``) before anything is copied or
changed: a damaged file is refused, never migrated.
Only one process migrates at a time: the migration runs inside a ``BEGIN IMMEDIATE``
transaction on SQLite and under an advisory lock on PostgreSQL, and the revision is read
again once the lock is held.
"""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from khidmat_desk.core import clock
from khidmat_desk.paths import migrations_path
from khidmat_desk.store.backup import copy_database
from khidmat_desk.store.errors import DatabaseCorruptError, DatabaseTooNewError

log = logging.getLogger("khidmat.store.migrate")

#: Arbitrary constant naming the PostgreSQL advisory lock held while migrating.
_PG_MIGRATION_LOCK = 0x6B68_6D64


def head_revision() -> str:
    head = _scripts().get_current_head()
    if head is None:
        raise RuntimeError("no migrations found in the db/ folder")
    return head


def known_revisions() -> set[str]:
    """Every schema revision this version of Khidmat Desk can open (and upgrade)."""
    return {script.revision for script in _scripts().walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, backup_dir: Path | None, *, revision: str = "head") -> Path | None:
    """Migrate to ``revision`` (default: newest); returns the backup file made, if any."""
    scripts = _scripts()
    target = scripts.get_revision(revision)
    if target is None:
        raise RuntimeError(f"unknown migration revision {revision!r}")
    with engine.begin() as connection:
        _take_migration_lock(connection)
        current = MigrationContext.configure(connection).get_current_revision()
        if current == target.revision:
            return None
        _refuse_unknown(current)
        if current is not None:
            _refuse_damaged(connection)
        backup = None
        if current is not None and engine.dialect.name == "sqlite" and backup_dir is not None:
            backup = backup_sqlite(engine, backup_dir, label=f"rev{current}")
        log.info("migrating database from %s to %s", current or "empty", target.revision)
        command.upgrade(_config(connection), target.revision)
    return backup


def backup_sqlite(engine: Engine, backup_dir: Path, *, label: str) -> Path:
    """A consistent copy of the SQLite file, made while other connections keep working."""
    source_path = Path(str(engine.url.database))
    final = backup_dir / f"{source_path.stem}-{label}-{clock.file_stamp(clock.utc_now())}.sqlite3"
    copy_database(source_path, final)  # under its final name only once complete
    log.info("backed up %s to %s", source_path, final)
    return final


def _take_migration_lock(connection: Connection) -> None:
    # SQLite: the BEGIN IMMEDIATE emitted by engine.begin() already excludes other writers.
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                           {"key": _PG_MIGRATION_LOCK})


def _refuse_unknown(current: str | None) -> None:
    if current is not None and current not in known_revisions():
        log.error("database is at revision %s, unknown to this version", current)
        raise DatabaseTooNewError()


def _refuse_damaged(connection: Connection) -> None:
    """Check the file before changing it: migrating a damaged database spreads the damage,
    and the backup taken next would be damaged too."""
    if connection.dialect.name != "sqlite":
        return
    found = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check(20)")]
    if found != ["ok"]:
        log.error("database failed its integrity check before upgrading: %s", "; ".join(found))
        raise DatabaseCorruptError()


def _scripts() -> ScriptDirectory:
    return ScriptDirectory(str(migrations_path()))


def _config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_path()))
    config.attributes["connection"] = connection
    return config
