"""The central server's tables, created with ``create_all`` when the server first opens a database.

Why no migrations here: the schema only ever gained tables (``central_audit_anchor`` came
after the first release), and ``create_all`` creates what is missing and never changes a
table, so an older central database gains the new table the next time the server opens it.
The day an existing table must change, an Alembic folder of its own (like the counter's
``db/``) takes over with this schema as its baseline.

Idempotency lives in the schema: ``record`` is unique on (uuid, version), and ``owner`` pins
each uuid to the centre that sent it first, both written with ``ON CONFLICT DO NOTHING`` so
two counters racing with the same record cannot both insert it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Date,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from khidmat_desk.store.models import NAMING, UtcDateTime


class CentralBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Token(CentralBase):
    """A counter's (or a report reader's) bearer token; only its sha256 is kept."""

    __tablename__ = "central_token"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(10))  # counter | reader
    centre_code: Mapped[str | None] = mapped_column(String(8))
    counter: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class Owner(CentralBase):
    """Which centre a record uuid belongs to: the first centre that sent it."""

    __tablename__ = "central_owner"
    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    centre_code: Mapped[str] = mapped_column(String(8))


class _StoredVersion:
    """What every stored version of a pushed record keeps: whose version it is, the payload
    as canonical JSON text (sorted keys; hashed and stored from one encoding), and when and
    over which token or bundle it came."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(30))
    centre_code: Mapped[str] = mapped_column(String(8))
    payload_json: Mapped[str] = mapped_column(Text)
    payload_hash: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    received_via: Mapped[str] = mapped_column(String(40))


class Record(_StoredVersion, CentralBase):
    """One version of one record, exactly once."""

    __tablename__ = "central_record"
    __table_args__ = (
        UniqueConstraint("uuid", "version"),
        Index("ix_central_record_reconcile", "centre_code", "day", "counter"),
        Index("ix_central_record_report", "day", "version"),
        Index("ix_central_record_tracking", "tracking_number"),
    )
    counter: Mapped[int] = mapped_column(Integer)
    service_code: Mapped[str] = mapped_column(String(40))
    tracking_number: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(20))
    fee_total: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    day: Mapped[date] = mapped_column(Date)


class DayCloseRecord(_StoredVersion, CentralBase):
    """One version of a centre's day or shift close (figures only), exactly once."""

    __tablename__ = "central_day_close"
    __table_args__ = (
        UniqueConstraint("uuid", "version"),
        Index("ix_central_day_close_day", "day", "centre_code"),
    )
    day: Mapped[date] = mapped_column(Date)
    shift: Mapped[str] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(10))


class StatusUpdate(CentralBase):
    """A status set on the verifying side; ``id`` is the cursor counters pull by."""

    __tablename__ = "central_status_update"
    __table_args__ = (Index("ix_central_status_update_centre", "centre_code", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36))
    tracking_number: Mapped[str] = mapped_column(String(32))
    centre_code: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)
    set_by: Mapped[str] = mapped_column(String(60))
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class BundleKey(CentralBase):
    """A counter's Ed25519 public key for offline bundles, registered over its token."""

    __tablename__ = "central_bundle_key"
    __table_args__ = (UniqueConstraint("public_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    centre_code: Mapped[str] = mapped_column(String(8))
    counter: Mapped[int] = mapped_column(Integer)
    public_key: Mapped[str] = mapped_column(String(64))
    registered_at: Mapped[datetime] = mapped_column(UtcDateTime)


class AuditAnchor(CentralBase):
    """A counter's audit chain head as it sent it with a push: the history, never overwritten.

    ``verdict`` is ``anchored`` for a head that follows the one before it, or why not
    (``backwards``: fewer events than already anchored; ``fork``: a different event where an
    anchored one was). Only anchored heads are what later heads are checked against.
    """

    __tablename__ = "central_audit_anchor"
    __table_args__ = (Index("ix_central_audit_anchor_counter", "centre_code", "counter", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    centre_code: Mapped[str] = mapped_column(String(8))
    counter: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer)
    head_hash: Mapped[str] = mapped_column(String(64))
    verdict: Mapped[str] = mapped_column(String(12))
    reason: Mapped[str | None] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)


def table(model: type[CentralBase]) -> Table:
    return model.__table__  # type: ignore[return-value]
