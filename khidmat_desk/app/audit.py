"""The audit trail's use cases: sign a checkpoint of the chain, check trail and records, and
read it (the in-charge: who did what, to what, when).

`record_checkpoint` is what the in-charge's day close calls (and `audit checkpoint` runs):
it signs the chain's head with the centre's key, so history rewritten later with the hashes
recomputed no longer matches a signature the editor cannot make.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from khidmat_desk.app.keys import SECRET_NAME, KeyProblem, current_key, load_signer
from khidmat_desk.auth.secrets import SecretStore, SecretsUnavailable
from khidmat_desk.auth.users import IN_CHARGE, UserInfo, require_role
from khidmat_desk.core import clock
from khidmat_desk.printing.signing import Signer, public_key_pem
from khidmat_desk.store.audit import ChainReport, Checkpoint, append_checkpoint, verify_chain
from khidmat_desk.store.audit_state import RecordsReport, verify_records
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import Application, AuditEvent, table_of

log = logging.getLogger("khidmat.audit")


@dataclass(frozen=True)
class AuditCheck:
    """Both halves of `audit verify`: the chain itself, and the records against the chain."""

    chain: ChainReport
    records: RecordsReport
    #: Set when the database's centre key is not the one this PC holds (it was replaced).
    key_problem: str | None = None
    #: Set when this PC's copy of the key could not be read to confirm the database's.
    key_note: str | None = None

    @property
    def empty(self) -> bool:
        """No event at all: a set-up centre always has some, so the database was replaced."""
        return self.chain.ok and self.chain.checked == 0

    @property
    def ok(self) -> bool:
        return self.chain.ok and self.records.ok and not self.empty and not self.key_problem


def record_checkpoint(db: Database, store: SecretStore, centre_code: str, *, user: UserInfo,
                      now: datetime | None = None) -> Checkpoint:
    """In-charge: sign the audit chain's current head with the centre's key (day close)."""
    require_role(user, IN_CHARGE)
    signer = load_signer(db, store, centre_code)
    when = (now or datetime.now(UTC)).astimezone(UTC)
    with db.write() as session:
        return append_checkpoint(session, private_key=signer.private_key,
                                 key_id=signer.key_id, centre_code=centre_code,
                                 actor=user.username, at=when)


def checkpoint_at_close(db: Database, store: SecretStore, centre_code: str, *,
                        user: UserInfo) -> tuple[Checkpoint | None, str]:
    """The checkpoint a day or shift close signs once it is stored. The close stands even when
    the key cannot be read here: the checkpoint is then missing, and the message says why."""
    try:
        checkpoint = record_checkpoint(db, store, centre_code, user=user)
    except (KeyProblem, SecretsUnavailable) as exc:
        log.warning("no audit checkpoint at the close: %s", exc)
        return None, f"the audit trail was not signed at this close: {exc}"
    return checkpoint, (f"audit trail signed at event {checkpoint.head.sequence} "
                        f"(key {checkpoint.key_id})")


def check_audit_trail(db: Database, store: SecretStore | None = None,
                      centre_code: str = "") -> AuditCheck:
    """Walk the chain, then recompute every record's digest; one consistent snapshot.

    Checkpoints are checked with the public keys in the database; with ``store`` the centre's
    current key there is first confirmed against the private key this PC holds, so a key
    slipped into the database to re-sign rewritten history is caught.
    """
    problem, note = _confirm_centre_key(db, store, centre_code) if store else (None, None)
    with db.read() as session:
        chain = verify_chain(session)
        records = verify_records(session) if chain.ok else RecordsReport()
    if not records.ok:
        log.error("audit: %d records do not match the trail; first: %s", records.found,
                  records.problems[0])
    return AuditCheck(chain, records, problem, note)


def _confirm_centre_key(db: Database, store: SecretStore,
                        centre_code: str) -> tuple[str | None, str | None]:
    unconfirmed = ("the centre's key could not be read on this PC, so checkpoint signatures "
                   "were checked against the keys in the database only")
    try:
        secret = store.get(SECRET_NAME)
    except SecretsUnavailable:
        return None, unconfirmed
    current = current_key(db, centre_code)
    if secret is None or current is None:
        return None, unconfirmed
    held = Signer.from_secret(secret)
    if held.key_id != current.key_id or public_key_pem(held.public_key) != current.public_pem:
        log.error("the database names key %s as the centre's; this PC holds %s",
                  current.key_id, held.key_id)
        return (f"the database names key {current.key_id} as the centre's key, but this PC "
                f"holds key {held.key_id}: the key in the database was replaced"), None
    return None, None


@dataclass(frozen=True)
class AuditLine:
    """One event of the trail as the in-charge reads it."""

    sequence: int
    at: datetime
    actor: str
    action: str
    entity_type: str
    entity_id: str
    details: dict[str, Any]

    @property
    def detail_text(self) -> str:
        """The details on one line as people read them: no digests of a record's state, no
        tracking number (``about`` says it), yes/no, lists joined."""
        return "; ".join(f"{key.replace('_', ' ')}: {_readable(value)}"
                         for key, value in self.details.items()
                         if key not in ("state", "tracking_number") and value is not None)

    @property
    def about(self) -> str:
        """What the event is about, as people name it: an application by its tracking number
        (its events are filed under its uuid), anything else by its own name."""
        tracking = self.details.get("tracking_number")
        return str(tracking) if isinstance(tracking, str) and tracking else self.entity_id


@dataclass(frozen=True)
class AuditQuery:
    day: date | None = None  # a centre day; None: any
    actor: str = ""  # who did it (a user name, "central.server", "command-line"); "": anyone
    action: str = ""  # "": any
    about: str = ""  # a tracking number, a user name, a counter ("LHR01/3"); "": anything
    before: int | None = None  # only events older than this one (the next page)
    limit: int = 200


@dataclass(frozen=True)
class AuditPage:
    lines: tuple[AuditLine, ...]
    more: bool  # older events match too: ask again with ``before`` the last one's sequence


def read_audit_trail(db: Database, user: UserInfo, query: AuditQuery) -> AuditPage:
    """The in-charge reads the trail, newest first: who did what, to what, when. Read only;
    whether the trail is intact is `check_audit_trail`'s question."""
    require_role(user, IN_CHARGE)
    table = _EVENT.c
    statement = select(*_LINE)
    if query.day is not None:
        statement = statement.where(table.at >= clock.day_start(query.day),
                                    table.at < clock.day_start(query.day + timedelta(days=1)))
    if query.actor.strip():
        statement = statement.where(table.actor == query.actor.strip())
    if query.action.strip():
        statement = statement.where(table.action == query.action.strip())
    if query.before is not None:
        statement = statement.where(table.id < query.before)
    with db.read() as session:
        if query.about.strip():
            statement = statement.where(*_about(session, table, query.about))
        rows = session.execute(statement.order_by(table.id.desc())
                               .limit(max(1, query.limit) + 1)).all()
    lines = tuple(_line(row) for row in rows[:max(1, query.limit)])
    return AuditPage(lines, more=len(rows) > max(1, query.limit))


def _about(session: Session, table: Any, about: str) -> tuple[Any, ...]:
    """What events about ``about`` are filed under: an application's (found by its tracking
    number) under its uuid, read through the events' index by record; anything else (a user
    name, a counter) under its own name."""
    text = about.strip()
    uuid = session.scalar(select(Application.uuid).where(
        Application.tracking_number == text.upper()))
    if uuid:
        return table.entity_type == "application", table.entity_id == uuid
    return (table.entity_id.in_([text, text.upper()]),)


#: What the in-charge should see today even when nobody mentions it: refused and locked
#: sign-ins, accounts changed, a closed day changed or reopened, numbers carried on, a backup
#: put back, the link set up again, records sent again, applications taken back or imported,
#: a counter's key trusted.
ATTENTION = (
    "login-failed", "login-refused", "account-locked", "user-created", "user-roles-changed",
    "user-switched-off", "user-switched-on", "user-unlocked", "password-changed",
    "day-override", "day-reopened", "numbers-carried-on", "database.restored", "sync-set-up",
    "outbox-requeued", "application-recovered", "application-imported", "counter-key-trusted",
    "signing-key.created",
)
#: How far back the day's list looks, in events: a busy centre writes a few thousand a day,
#: so today is always inside, and the minute's refresh never reads a year of history.
ATTENTION_WINDOW = 50_000


def attention_events(db: Database, user: UserInfo, start: datetime, end: datetime, *,
                     limit: int = 200) -> tuple[AuditLine, ...]:
    """The events of ``[start, end)`` that need the in-charge's eye (ATTENTION), newest first,
    among the newest ATTENTION_WINDOW events of the trail."""
    require_role(user, IN_CHARGE)
    table = _EVENT.c
    with db.read() as session:
        newest = session.scalar(select(table.id).order_by(table.id.desc()).limit(1)) or 0
        rows = session.execute(
            select(*_LINE)
            .where(table.id > newest - ATTENTION_WINDOW, table.action.in_(ATTENTION),
                   table.at >= start, table.at < end)
            .order_by(table.id.desc()).limit(limit)).all()
    return tuple(_line(row) for row in rows)


_EVENT = table_of(AuditEvent)
#: An event's columns as an `AuditLine` holds them.
_LINE = (_EVENT.c.id, _EVENT.c.at, _EVENT.c.actor, _EVENT.c.action, _EVENT.c.entity_type,
         _EVENT.c.entity_id, _EVENT.c.details)


def _line(row: Any) -> AuditLine:
    return AuditLine(row.id, row.at, row.actor, row.action, row.entity_type, row.entity_id,
                     dict(row.details or {}))


def _readable(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)

