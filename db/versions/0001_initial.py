"""The first schema: centres, users, applicants, applications and their search keys, payments,
documents, status history, the audit chain, the outbox and the daily counter sequences.

Revision ID: 0001
Revises:
Create Date: 2026-01-05

Hand-written: it must run on SQLite and PostgreSQL alike, so it uses only portable types
(JSON becomes JSONB on PostgreSQL; search keys compare by code point with collation "C").
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

GENESIS_HASH = "0" * 64


def _json() -> sa.types.TypeEngine[object]:
    return sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _when() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    _reference_tables()
    _people_tables()
    _application_tables()
    _bookkeeping_tables()


def _reference_tables() -> None:
    op.create_table(
        "centre",
        sa.Column("code", sa.String(8), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("district", sa.String(60), nullable=False),
        sa.PrimaryKeyConstraint("code", name="pk_centre"),
    )
    op.create_table(
        "counter",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("centre_code", sa.String(8), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("name", sa.String(60), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_counter"),
        sa.ForeignKeyConstraint(["centre_code"], ["centre.code"],
                                name="fk_counter_centre_code_centre"),
        sa.UniqueConstraint("centre_code", "number", name="uq_counter_centre_code_number"),
    )


def _people_tables() -> None:
    op.create_table(
        "app_user",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("username", sa.String(40), nullable=False),
        sa.Column("full_name", sa.String(80), nullable=False),
        sa.Column("role", sa.String(12), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("failed_attempts", sa.Integer, nullable=False),
        sa.Column("locked_until", _when(), nullable=True),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", _when(), nullable=False),
        sa.Column("updated_at", _when(), nullable=False),
        sa.Column("last_login_at", _when(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_app_user"),
        sa.UniqueConstraint("username", name="uq_app_user_username"),
    )
    op.create_table(
        "applicant",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("id_type", sa.String(20), nullable=False),
        sa.Column("id_number", sa.String(20), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("name_ur", sa.String(120), nullable=False),
        sa.Column("mobile", sa.String(20), nullable=False),
        sa.Column("details", _json(), nullable=False),
        sa.Column("first_seen_at", _when(), nullable=False),
        sa.Column("last_seen_at", _when(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_applicant"),
        sa.UniqueConstraint("id_type", "id_number", name="uq_applicant_id_type_id_number"),
    )


def _application_tables() -> None:
    op.create_table(
        "application",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("tracking_number", sa.String(32), nullable=False),
        sa.Column("centre_code", sa.String(8), nullable=False),
        sa.Column("counter", sa.Integer, nullable=False),
        sa.Column("service_code", sa.String(40), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("answers", _json(), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("applicant_id", sa.Integer, nullable=True),
        sa.Column("officer_id", sa.Integer, nullable=False),
        sa.Column("token_no", sa.String(20), nullable=True),
        sa.Column("fee_total", sa.Integer, nullable=False),
        sa.Column("expected_on", sa.Date, nullable=False),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("created_at", _when(), nullable=False),
        sa.Column("updated_at", _when(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_application"),
        sa.ForeignKeyConstraint(["applicant_id"], ["applicant.id"],
                                name="fk_application_applicant_id_applicant"),
        sa.ForeignKeyConstraint(["officer_id"], ["app_user.id"],
                                name="fk_application_officer_id_app_user"),
        sa.UniqueConstraint("uuid", name="uq_application_uuid"),
        sa.UniqueConstraint("tracking_number", name="uq_application_tracking_number"),
    )
    op.create_index("ix_application_created_at", "application", ["created_at"])
    op.create_index("ix_application_status", "application", ["status"])
    op.create_index("ix_application_applicant", "application", ["applicant_id", "service_code"])
    _application_key_table()
    _application_children()


def _application_key_table() -> None:
    op.create_table(
        "application_key",
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("value", sa.String(200).with_variant(sa.String(200, collation="C"),
                                                       "postgresql"), nullable=False),
        sa.Column("application_id", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("kind", "value", "application_id", name="pk_application_key"),
        sa.ForeignKeyConstraint(["application_id"], ["application.id"], ondelete="CASCADE",
                                name="fk_application_key_application_id_application"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_application_key_recent", "application_key",
                    ["kind", "application_id", "value"])
    op.create_index("ix_application_key_application_id", "application_key", ["application_id"])


def _application_children() -> None:
    op.create_table(
        "status_change",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("application_id", sa.Integer, nullable=False),
        sa.Column("from_status", sa.String(20), nullable=True),
        sa.Column("to_status", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("at", _when(), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_status_change"),
        sa.ForeignKeyConstraint(["application_id"], ["application.id"],
                                name="fk_status_change_application_id_application"),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"],
                                name="fk_status_change_user_id_app_user"),
    )
    op.create_index("ix_status_change_application_id", "status_change", ["application_id"])
    op.create_table(
        "payment",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("application_id", sa.Integer, nullable=False),
        sa.Column("amount_pkr", sa.Integer, nullable=False),
        sa.Column("method", sa.String(20), nullable=False),
        sa.Column("received_by", sa.Integer, nullable=False),
        sa.Column("at", _when(), nullable=False),
        sa.Column("items", _json(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_payment"),
        sa.ForeignKeyConstraint(["application_id"], ["application.id"],
                                name="fk_payment_application_id_application"),
        sa.ForeignKeyConstraint(["received_by"], ["app_user.id"],
                                name="fk_payment_received_by_app_user"),
    )
    op.create_index("ix_payment_application_id", "payment", ["application_id"])
    op.create_table(
        "document_received",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("application_id", sa.Integer, nullable=False),
        sa.Column("doc_key", sa.String(40), nullable=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_document_received"),
        sa.ForeignKeyConstraint(["application_id"], ["application.id"],
                                name="fk_document_received_application_id_application"),
        sa.UniqueConstraint("application_id", "doc_key",
                            name="uq_document_received_application_id_doc_key"),
    )


def _bookkeeping_tables() -> None:
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer, autoincrement=False, nullable=False),
        sa.Column("at", _when(), nullable=False),
        sa.Column("actor", sa.String(40), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("entity_type", sa.String(40), nullable=False),
        sa.Column("entity_id", sa.String(64), nullable=False),
        sa.Column("details", _json(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_event"),
    )
    head = op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer, autoincrement=False, nullable=False),
        sa.Column("last_id", sa.Integer, nullable=False),
        sa.Column("last_hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_head"),
    )
    op.bulk_insert(head, [{"id": 1, "last_id": 0, "last_hash": GENESIS_HASH}])
    op.create_table(
        "outbox_entry",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("payload", _json(), nullable=False),
        sa.Column("created_at", _when(), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", _when(), nullable=True),
        sa.Column("last_error", sa.Text, nullable=True),
        sa.Column("quarantined_at", _when(), nullable=True),
        sa.Column("quarantine_reason", sa.Text, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_outbox_entry"),
        sa.UniqueConstraint("uuid", "version", "kind", name="uq_outbox_entry_uuid_version_kind"),
    )
    op.create_table(
        "counter_sequence",
        sa.Column("centre_code", sa.String(8), nullable=False),
        sa.Column("counter", sa.Integer, nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("last_value", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("centre_code", "counter", "day", name="pk_counter_sequence"),
    )


def downgrade() -> None:
    for table in ("counter_sequence", "outbox_entry", "audit_head", "audit_event",
                  "document_received", "payment", "status_change", "application_key",
                  "application", "applicant", "app_user", "counter", "centre"):
        op.drop_table(table)
