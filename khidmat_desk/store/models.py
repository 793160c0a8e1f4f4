"""The tables of a counter's database, shared by SQLite and PostgreSQL.

The schema itself is created and changed only by the Alembic scripts in ``db/versions``;
these classes describe it for queries, and a test checks that both agree.
Use cases never hand these objects to the GUI: they copy what is needed into frozen
dataclasses before the transaction ends.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

#: Constraint names are spelled out so migrations can refer to them on every database.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: JSON documents: JSONB on PostgreSQL (compact, indexable), JSON text on SQLite.
JsonDocument = JSON().with_variant(JSONB(), "postgresql")


def search_text(length: int) -> String:
    """Text compared by code point on every database, so prefix range scans use the index."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, on SQLite and PostgreSQL alike.

    SQLite has no time zone type; storing naive UTC text and re-attaching UTC on the way out
    keeps audit hashes and sync payloads identical whichever database wrote them.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"timestamps must carry a time zone, got naive {value!r}")
        utc = value.astimezone(UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

    def result_processor(self, dialect: Dialect,
                         coltype: Any) -> Callable[[Any], datetime | None] | None:
        """On SQLite, the naive UTC text `process_bind_param` stored is read with its zone in
        one parse: parsing, then attaching the zone with ``replace``, costs several times more
        (thousands of timestamps a day summary). Any other text, and other databases, go
        through `process_result_value`."""
        general = super().result_processor(dialect, coltype)
        if dialect.name != "sqlite" or general is None:
            return general
        fallback = general

        def process(value: Any) -> datetime | None:
            # "YYYY-MM-DD HH:MM:SS[.ffffff]", as stored: no zone of its own
            if isinstance(value, str) and (
                    len(value) == 19 or (value[19:20] == "." and value[20:].isdigit())):
                return datetime.fromisoformat(value + "+00:00")
            return fallback(value)

        return process


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def table_of(model: type[Base]) -> Table:
    """The Core table behind a model, for fast Core statements (typed as a Table)."""
    return cast(Table, model.__table__)


class Centre(Base):
    __tablename__ = "centre"
    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    district: Mapped[str] = mapped_column(String(60))


class Counter(Base):
    __tablename__ = "counter"
    __table_args__ = (UniqueConstraint("centre_code", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    centre_code: Mapped[str] = mapped_column(ForeignKey("centre.code"))
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(60), default="")


class User(Base):
    """A person who logs in. The table is ``app_user``: ``user`` is reserved in PostgreSQL."""

    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    full_name: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(12))
    password_hash: Mapped[str] = mapped_column(String(200))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class UserRole(Base):
    """One role a person holds; a person may hold several (officer and verifier, say).

    ``app_user.role`` keeps the person's highest role; the roles a person holds are these rows
    together with that one.
    """

    __tablename__ = "user_role"
    __table_args__ = (PrimaryKeyConstraint("user_id", "role"),)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    role: Mapped[str] = mapped_column(String(12))


class Applicant(Base):
    """The person behind applications, found by identity number to prefill the next visit."""

    __tablename__ = "applicant"
    __table_args__ = (UniqueConstraint("id_type", "id_number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    id_type: Mapped[str] = mapped_column(String(20))
    id_number: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(120))
    name_ur: Mapped[str] = mapped_column(String(120), default="")
    mobile: Mapped[str] = mapped_column(String(20), default="")
    details: Mapped[dict[str, Any]] = mapped_column(JsonDocument, default=dict)
    first_seen_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Application(Base):
    __tablename__ = "application"
    __table_args__ = (
        Index("ix_application_created_at", "created_at"),
        Index("ix_application_status", "status"),
        Index("ix_application_applicant", "applicant_id", "service_code"),
        #: The in-charge's open work: overdue by SLA date, uncollected longest waiting first.
        Index("ix_application_status_expected_on", "status", "expected_on"),
        Index("ix_application_status_updated_at", "status", "updated_at"),
        #: Open work by police station, read from the index alone.
        Index("ix_application_status_station", "status", "police_station", "expected_on"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    tracking_number: Mapped[str] = mapped_column(String(32), unique=True)
    centre_code: Mapped[str] = mapped_column(String(8))
    counter: Mapped[int] = mapped_column(Integer)
    service_code: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20))
    answers: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    version: Mapped[int] = mapped_column(Integer)
    applicant_id: Mapped[int | None] = mapped_column(ForeignKey("applicant.id"))
    officer_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    token_no: Mapped[str | None] = mapped_column(String(20))
    fee_total: Mapped[int] = mapped_column(Integer)
    expected_on: Mapped[date] = mapped_column(Date)
    display_name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    #: The first police station the answers name (`core.records.police_station`), or None.
    police_station: Mapped[str | None] = mapped_column(String(120))


class ApplicationKey(Base):
    """The search index: (kind, value) pairs such as ("cnic", "3520212345671").

    The primary key leads with (kind, value) for exact and prefix lookups; the second index
    walks one kind newest-first, which answers a very common name prefix without sorting.
    """

    __tablename__ = "application_key"
    __table_args__ = (
        PrimaryKeyConstraint("kind", "value", "application_id"),
        Index("ix_application_key_recent", "kind", "application_id", "value"),
        Index("ix_application_key_application_id", "application_id"),
        {"sqlite_with_rowid": False},
    )
    kind: Mapped[str] = mapped_column(String(10))
    value: Mapped[str] = mapped_column(search_text(200))
    application_id: Mapped[int] = mapped_column(
        ForeignKey("application.id", ondelete="CASCADE"))


class StatusChange(Base):
    __tablename__ = "status_change"
    #: By time: reconciliation reads one day's versions without scanning years of history.
    __table_args__ = (Index("ix_status_change_at", "at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer)


class Payment(Base):
    __tablename__ = "payment"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True)
    amount_pkr: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(20))
    received_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    items: Mapped[list[dict[str, Any]]] = mapped_column(JsonDocument)


class DocumentReceived(Base):
    __tablename__ = "document_received"
    __table_args__ = (UniqueConstraint("application_id", "doc_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"))
    doc_key: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(200))


class Finding(Base):
    """What the police found for one application: the decision, the record status (from
    ``record_statuses.json``), where it came from and a remark. One per application."""

    __tablename__ = "finding"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), unique=True)
    outcome: Mapped[str] = mapped_column(String(20))
    record_status: Mapped[str] = mapped_column(String(40))
    reference: Mapped[str] = mapped_column(String(80))
    reference_date: Mapped[date | None] = mapped_column(Date)
    remark: Mapped[str] = mapped_column(Text)
    override_reason: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer)


class AuditEvent(Base):
    """One link of the hash chain; ``id`` is assigned gap-free by the appender, not the database."""

    __tablename__ = "audit_event"
    #: The newest events about one record, for `audit verify`.
    __table_args__ = (Index("ix_audit_event_entity", "entity_type", "entity_id", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(40))
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(64))
    details: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """The single row naming the newest link; appenders lock it, which orders them."""

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_id: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))


class OutboxEntry(Base):
    """A record version waiting for the central server; the id is the sending order."""

    __tablename__ = "outbox_entry"
    __table_args__ = (UniqueConstraint("uuid", "version", "kind"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(30))
    payload: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    quarantined_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    quarantine_reason: Mapped[str | None] = mapped_column(Text)


class CounterSequence(Base):
    __tablename__ = "counter_sequence"
    __table_args__ = (PrimaryKeyConstraint("centre_code", "counter", "day"),)
    centre_code: Mapped[str] = mapped_column(String(8))
    counter: Mapped[int] = mapped_column(Integer)
    day: Mapped[date] = mapped_column(Date)
    last_value: Mapped[int] = mapped_column(Integer)


class Draft(Base):
    """A wizard in progress, saved as the officer types so a crash loses nothing."""

    __tablename__ = "draft"
    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), index=True)
    service_code: Mapped[str] = mapped_column(String(40))
    answers: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    step: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


#: A copy sent to a printer or file and not yet confirmed; it holds its copy number.
PRINT_PENDING = "pending"
#: The printer took it or the file was written: a copy exists.
PRINT_DELIVERED = "delivered"
#: It never reached paper and the officer gave up: kept for the record, the number is free.
PRINT_FAILED = "failed"
_LIVE_COPY = text("state != 'failed'")


class PrintRecord(Base):
    """One copy of a receipt or output document sent to paper; copy 2 onwards is a reprint.

    A copy is counted once it is pending or delivered; a failed attempt frees its number.
    """

    __tablename__ = "print_record"
    __table_args__ = (Index("uq_print_record_live_copy", "application_id", "document_key",
                            "copy_no", unique=True, sqlite_where=_LIVE_COPY,
                            postgresql_where=_LIVE_COPY),
                      Index("ix_print_record_printed_at", "printed_at"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"))
    document_key: Mapped[str] = mapped_column(String(60))
    format: Mapped[str] = mapped_column(String(10))
    copy_no: Mapped[int] = mapped_column(Integer)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    reason: Mapped[str | None] = mapped_column(Text)
    printed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    state: Mapped[str] = mapped_column(String(10), server_default=PRINT_DELIVERED)
    destination: Mapped[str | None] = mapped_column(Text)
    settled_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class Photo(Base):
    """The photograph a document prints, kept with its application: JPEG bytes as taken at
    the counter (reduced), and their SHA-256, which the document prints and signs."""

    __tablename__ = "photo"
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    jpeg: Mapped[bytes] = mapped_column(LargeBinary)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    added_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    added_at: Mapped[datetime] = mapped_column(UtcDateTime)


class SigningKey(Base):
    """The public half of a centre's Ed25519 key; QR codes name it by ``key_id``."""

    __tablename__ = "signing_key"
    __table_args__ = (Index("ix_signing_key_centre_code", "centre_code"),)
    key_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    centre_code: Mapped[str] = mapped_column(String(8))
    public_key: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    retired_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class SyncState(Base):
    """Named values of the sync (pull cursor, last success, next attempt), one row each."""

    __tablename__ = "sync_state"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[Any] = mapped_column(JsonDocument, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class CentreShift(Base):
    """One shift of the centre's working day, by its start time (see core.shifts)."""

    __tablename__ = "centre_shift"
    __table_args__ = (PrimaryKeyConstraint("centre_code", "position"),
                      UniqueConstraint("centre_code", "name"))
    centre_code: Mapped[str] = mapped_column(String(8))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(20))
    starts: Mapped[str] = mapped_column(String(5))  # HH:MM, centre time


class DayClose(Base):
    """The close of a working day or of one shift: who, when, the figures, the cash; it locks
    ``[starts_at, ends_at)`` while ``state`` is closed. Reopening and closing again make new
    versions of the same record (``uuid``), each sent to the central server."""

    __tablename__ = "day_close"
    __table_args__ = (UniqueConstraint("centre_code", "day", "shift"),
                      Index("ix_day_close_ends_at", "ends_at"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    version: Mapped[int] = mapped_column(Integer)
    centre_code: Mapped[str] = mapped_column(String(8))
    day: Mapped[date] = mapped_column(Date)
    shift: Mapped[str] = mapped_column(String(20))  # "" for the whole working day
    state: Mapped[str] = mapped_column(String(10))  # closed | reopened
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ends_at: Mapped[datetime] = mapped_column(UtcDateTime)
    closed_by: Mapped[str] = mapped_column(String(40))
    closed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    digest: Mapped[str] = mapped_column(String(64))
    cash_expected: Mapped[int] = mapped_column(Integer)
    cash_counted: Mapped[int] = mapped_column(Integer)
    explanation: Mapped[str | None] = mapped_column(Text)
    deposit_ref: Mapped[str | None] = mapped_column(String(60))
    figures: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    reopened_by: Mapped[str | None] = mapped_column(String(40))
    reopened_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    reopen_reason: Mapped[str | None] = mapped_column(Text)


class LateRecord(Base):
    """A record version that reached a closed day or shift after its close: flagged, not moved."""

    __tablename__ = "late_record"
    __table_args__ = (UniqueConstraint("uuid", "version", "kind"),
                      Index("ix_late_record_noted_at", "noted_at"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    close_id: Mapped[int] = mapped_column(ForeignKey("day_close.id"), index=True)
    uuid: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(30))
    tracking_number: Mapped[str] = mapped_column(String(32))
    made_at: Mapped[datetime] = mapped_column(UtcDateTime)
    noted_at: Mapped[datetime] = mapped_column(UtcDateTime)
    what: Mapped[str] = mapped_column(Text)
