"""Applications the backup lacks, taken back from the database it replaces.

A damaged database is rarely damaged everywhere: the applications saved after the backup was
taken usually still read. Before a restore moves the replaced database aside, what it holds
from shortly before the backup on is read (read-only) as a day bundle carries it, with its
record versions not yet sent to the central server. After the restore those applications are
merged in as a day bundle's are (what the backup holds is left as it is; what it lacks is
added: new applications, later versions, printed copies, findings), each with an audit event
``application-recovered``, and their unsent versions are queued again exactly as they were.
When the replaced database cannot be read, nothing is taken and the applications must be
typed again from their papers, as before.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import String, create_engine, select, type_coerce
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from khidmat_desk.errors import KnownError
from khidmat_desk.store.db import Database
from khidmat_desk.store.prepared import JsonText

log = logging.getLogger("khidmat.backup")

#: Read from this long before the backup was taken: what the backup already holds is merged
#: as nothing, so the margin costs nothing but covers a backup file touched after its copy.
MARGIN = timedelta(hours=1)
OUTBOX_KIND = "application"
#: The audit action of an application taken back (from a replaced database or the server).
RECOVERED = "application-recovered"


@dataclass(frozen=True)
class Salvage:
    """What the replaced database yielded: applications as a day bundle carries them, and
    their record versions still waiting for the central server (as queued)."""

    records: tuple[dict[str, Any], ...]
    queued: tuple[tuple[str, int, JsonText, datetime], ...]  # (uuid, version, payload, queued)


@dataclass(frozen=True)
class Recovered:
    applications: int  # added or brought up to date
    queued: int  # record versions queued again for the central server
    problem: str = ""  # why nothing was recovered, when something went wrong


def read_salvage(database: Path, since: datetime) -> Salvage | None:
    """What ``database`` holds of the applications changed or printed from ``since`` (less
    MARGIN) on; None when it cannot be read."""
    from khidmat_desk.app.day_bundle import records_touched
    from khidmat_desk.store.models import OutboxEntry, table_of

    if not database.exists():
        return Salvage((), ())
    # a file: address (spaces and Windows drive letters spelled as SQLite reads them)
    engine = create_engine(f"sqlite:///{database.resolve().as_uri()}?mode=ro&uri=true")
    try:
        with Session(engine) as session:
            records = records_touched(session, since - MARGIN,
                                      datetime.now(UTC) + timedelta(days=1))
            outbox = table_of(OutboxEntry)
            uuids = [r["uuid"] for r in records]
            # each payload as it was spelled when it was queued, byte for byte
            raw = type_coerce(outbox.c.payload, String).label("raw")
            queued = tuple((row.uuid, int(row.version), JsonText(json.loads(row.raw), row.raw),
                            row.created_at)
                           for row in session.execute(
                               select(outbox.c.uuid, outbox.c.version, raw, outbox.c.created_at)
                               .where(outbox.c.kind == OUTBOX_KIND, outbox.c.uuid.in_(uuids))
                               .order_by(outbox.c.id)))
    except (SQLAlchemyError, sqlite3.Error, KeyError, ValueError, TypeError) as exc:  # json too
        log.warning("nothing can be recovered from %s: %s", database, exc)
        return None
    finally:
        engine.dispose()
    log.info("%s still holds %d applications changed since %s (%d versions unsent)", database,
             len(records), since, len(queued))
    return Salvage(tuple(records), queued)


def merge_salvage(db: Database, salvage: Salvage, actor: str, when: datetime) -> Recovered:
    """Add to ``db`` what it lacks of the salvaged applications, audited, and queue their
    unsent versions again; a failure leaves ``db`` as it was and says why."""
    from khidmat_desk.app.day_bundle import Colleagues, merge_audited
    from khidmat_desk.store import outbox

    try:
        with db.write() as session:
            users = Colleagues(session, when, actor, reason="named by an application "
                               "recovered from a replaced database; cannot sign in here")
            _, recovered = merge_audited(session, salvage.records, users, when,
                                         action=RECOVERED,
                                         came="recovered from the replaced database")
            waiting = _queued_here(session, {uuid for uuid, *_ in salvage.queued})
            again = [entry for entry in salvage.queued if entry[:2] not in waiting]
            for uuid, version, payload, queued_at in again:
                outbox.enqueue(session, uuid=uuid, version=version, kind=OUTBOX_KIND,
                               payload=payload, now=queued_at)
    except (KnownError, SQLAlchemyError, KeyError, ValueError, TypeError) as exc:
        log.exception("the applications of the replaced database could not be recovered")
        return Recovered(0, 0, str(exc))
    log.warning("%d applications recovered from the replaced database by %s; %d versions "
                "queued again", recovered, actor, len(again))
    return Recovered(recovered, len(again))


def _queued_here(session: Session, uuids: set[str]) -> set[tuple[str, int]]:
    """The (uuid, version) pairs already waiting in this database's outbox."""
    from khidmat_desk.store.models import OutboxEntry, table_of

    outbox = table_of(OutboxEntry)
    return {(row.uuid, int(row.version)) for row in session.execute(
        select(outbox.c.uuid, outbox.c.version)
        .where(outbox.c.kind == OUTBOX_KIND, outbox.c.uuid.in_(uuids)))}
