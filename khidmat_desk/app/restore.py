"""Putting a backup back in place of the counter's database: checked first, never while the
counter runs, the replaced database kept aside, and the restore written to the audit trail.

The in-charge proves who they are against the backup being restored (the damaged database may
not be readable at all); a failed sign-in leaves everything as it was.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from khidmat_desk.app.backup import (
    check_backup_file,
    database_file,
    ensure_counter_closed,
    set_aside_current,
)
from khidmat_desk.app.running import CounterLock
from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.core.workflow import Role
from khidmat_desk.store.backup import copy_database, fsync_folder

if TYPE_CHECKING:
    from khidmat_desk.store.db import Database

log = logging.getLogger("khidmat.backup")

STAGING_SUFFIX = ".restoring"


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    replaced_kept_at: Path | None
    schema_revision: str


def restore_backup(settings: CounterSettings, backup: Path, *, username: str, password: str,
                   now: datetime | None = None, held: CounterLock | None = None
                   ) -> RestoreResult:
    """Replace the counter's database with ``backup`` (in-charge only).

    ``held`` is the counter's own lock when the counter itself restores at its start, before
    its database is opened; anyone else (``khidmat-desk restore``) needs the counter closed.
    """
    from khidmat_desk.auth.users import authenticate, require_role
    from khidmat_desk.store.db import Database, open_database, sqlite_url
    from khidmat_desk.store.migrate import upgrade

    ensure_counter_closed(settings, held)
    backup = backup.resolve()
    revision = check_backup_file(backup)
    target = database_file(settings)
    staged = target.with_name(target.name + STAGING_SUFFIX)
    copy_database(backup, staged)
    try:
        staged_db = Database(sqlite_url(staged))
        try:
            upgrade(staged_db.engine, None)  # an older backup: the backup file is its copy
            user = authenticate(staged_db, username, password, now=now)
            require_role(user, Role.IN_CHARGE)
        finally:
            staged_db.dispose()
    except BaseException:
        _remove_with_journals(staged)
        raise
    ensure_counter_closed(settings, held)  # once more: the copy and the sign-in took a while
    kept = set_aside_current(settings, now)
    staged.replace(target)
    fsync_folder(target.parent)
    log.warning("database restored from %s by %s (replaced copy kept at %s)", backup,
                user.username, kept)
    db = open_database(settings.database_url, backup_dir=settings.backup_dir)
    try:
        _audit_restore(db, user.username, backup, kept, revision, now)
    finally:
        db.dispose()
    return RestoreResult(backup, kept, revision)


def _audit_restore(db: Database, actor: str, backup: Path, kept: Path | None, revision: str,
                   now: datetime | None) -> None:
    from khidmat_desk.store.audit import append_event

    with db.write() as session:
        append_event(session, actor=actor, action="database.restored", entity_type="database",
                     entity_id=backup.name,
                     details={"from": str(backup), "replaced_kept_at": str(kept or ""),
                              "backup_schema": revision},
                     at=(now or datetime.now(UTC)))


def _remove_with_journals(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
