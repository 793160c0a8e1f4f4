"""Putting a backup back in place of the counter's database: checked first, never while the
counter runs, the replaced database kept aside, and the restore written to the audit trail.

The in-charge proves who they are against the backup being restored (the damaged database may
not be readable at all); a failed sign-in leaves everything as it was. The tracking numbers
handed out after the backup are not handed out again, and what a damaged replaced database
still holds that the backup lacks is taken back from it (`khidmat_desk.app.recovery`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from khidmat_desk.app.backup import (
    check_backup_file,
    database_file,
    ensure_counter_closed,
    set_aside_current,
)
from khidmat_desk.app.recovery import Recovered, merge_salvage, read_salvage
from khidmat_desk.app.running import CounterLock
from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.core import clock
from khidmat_desk.core.workflow import Role
from khidmat_desk.store.backup import copy_database, fsync_folder, integrity_problems

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from khidmat_desk.store.sequences import IssuedNumbers

log = logging.getLogger("khidmat.backup")

STAGING_SUFFIX = ".restoring"
#: When the damaged database's numbers cannot be read, this counter's numbering of each day
#: from the backup's to today goes on this far past the backup's: numbers handed out after
#: the backup are on citizens' receipts (and perhaps at the central server) and are not
#: handed out again.
SKIP_AHEAD = 1000


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    replaced_kept_at: Path | None
    schema_revision: str
    #: daily numbers raised past the backup's: (centre, counter, day) → the last one issued
    numbers_carried_on: dict[tuple[str, int, date], int] = field(default_factory=dict)
    #: what was taken back from the replaced database (None: it did not read, or was sound)
    recovered: Recovered | None = None
    #: the replaced database passed its check: replaced on purpose, nothing taken back
    replaced_sound: bool = False
    #: the centre day the backup was taken: what the central server holds from then on can
    #: be taken back (``app.take_back``)
    backup_day: date | None = None

    def numbers_go_on(self) -> str:
        """Where each raised day's numbering goes on ("counter 3, 01-12-2026: 0006"), for the
        in-charge; empty when none was raised."""
        return ", ".join(f"counter {counter}, {day:%d-%m-%Y}: {value + 1:04d}"
                         for (_, counter, day), value in sorted(self.numbers_carried_on.items()))


def restore_backup(settings: CounterSettings, backup: Path, *, username: str, password: str,
                   now: datetime | None = None, held: CounterLock | None = None
                   ) -> RestoreResult:
    """Replace the counter's database with ``backup`` (in-charge only).

    ``held`` is the counter's own lock when the counter itself restores at its start, before
    its database is opened; anyone else (``khidmat-desk restore``) needs the counter closed.
    """
    from khidmat_desk.auth.users import PermissionDenied, authenticate
    from khidmat_desk.core.workflow import roles_text
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
            if not user.may(Role.IN_CHARGE):  # named for what was typed, not a sign-in
                raise PermissionDenied.told(
                    "Only the in-charge can put a backup back; {name} ({roles}) cannot. The "
                    "in-charge types their own user name and password.",
                    name=user.full_name, roles=roles_text(user.roles))
        finally:
            staged_db.dispose()
    except BaseException:
        _remove_with_journals(staged)
        raise
    ensure_counter_closed(settings, held)  # once more: the copy and the sign-in took a while
    issued = _numbers_handed_out(target)
    # Only a damaged database gives back what the backup lacks: a sound one replaced on
    # purpose (the in-charge going back to a backup) is kept aside as it is.
    sound = target.exists() and not integrity_problems(target, quick=True)
    salvage = read_salvage(target, _taken_at(backup)) if target.exists() and not sound \
        else None
    kept = set_aside_current(settings, now)
    staged.replace(target)
    fsync_folder(target.parent)
    log.warning("database restored from %s by %s (replaced copy kept at %s)", backup,
                user.username, kept)
    db = open_database(settings.database_url, backup_dir=settings.backup_dir)
    try:
        with db.write() as session:
            if issued is None:
                issued = _skipped_ahead(session, settings, _taken_on(backup), now)
            carried = _carry_on(session, issued)
            _audit_restore(session, user.username, backup, kept, revision, carried, now)
        recovered = None if salvage is None else \
            merge_salvage(db, salvage, user.username, clock.utc_moment(now))
    finally:
        db.dispose()
    return RestoreResult(backup, kept, revision, carried, recovered, sound, _taken_on(backup))


def _numbers_handed_out(database: Path) -> IssuedNumbers | None:
    """What the database being replaced had numbered (None: it cannot be read)."""
    from khidmat_desk.store.sequences import read_issued_numbers

    return read_issued_numbers(database) if database.exists() else {}


def _taken_at(backup: Path) -> datetime:
    return datetime.fromtimestamp(backup.stat().st_mtime, UTC)


def _taken_on(backup: Path) -> date:
    return clock.day_of(_taken_at(backup))


def _skipped_ahead(session: Session, settings: CounterSettings, since: date,
                   now: datetime | None) -> IssuedNumbers:
    """This counter's numbers of each day from ``since`` to today, SKIP_AHEAD past the
    restored ones."""
    from khidmat_desk.store.sequences import MAX_DAILY_SEQUENCE, numbers_of

    centre, counter = str(settings.get("centre_code")), int(settings.get("counter"))
    today = clock.day_of(clock.utc_moment(now))
    days = [since + timedelta(days=n) for n in range(max((today - since).days, 0) + 1)]
    restored = numbers_of(session, centre, counter, days)
    log.warning("the replaced database's numbers cannot be read: counter %s numbers on %s past "
                "the backup's, days %s to %s", counter, SKIP_AHEAD, since, today)
    return {(centre, counter, day): min(restored.get(day, 0) + SKIP_AHEAD, MAX_DAILY_SEQUENCE - 1)
            for day in days}


def _carry_on(session: Session, issued: IssuedNumbers) -> IssuedNumbers:
    from khidmat_desk.store.sequences import carry_numbers_on

    carried = carry_numbers_on(session, issued)
    for (centre, counter, day), value in carried.items():
        log.warning("after the restore, %s counter %s numbers %s on from %s", centre, counter,
                    day, value + 1)
    return carried


def _audit_restore(session: Session, actor: str, backup: Path, kept: Path | None,
                   revision: str, carried: IssuedNumbers, now: datetime | None) -> None:
    from khidmat_desk.store.audit import append_event

    append_event(session, actor=actor, action="database.restored", entity_type="database",
                 entity_id=backup.name,
                 details={"from": str(backup), "replaced_kept_at": str(kept or ""),
                          "backup_schema": revision, "backup_day": _taken_on(backup).isoformat(),
                          "numbers_carried_on": [
                              {"centre": centre, "counter": counter, "day": day.isoformat(),
                               "last_issued": value}
                              for (centre, counter, day), value in sorted(carried.items())]},
                 at=(now or datetime.now(UTC)))


def _remove_with_journals(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
