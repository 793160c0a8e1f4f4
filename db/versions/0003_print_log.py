"""Printing: the log of every print and reprint, and the centre's public signing keys.

Revision ID: 0003_print_log
Revises: 0002
Create Date: 2026-01-19

Every printed copy is a row (who, when, which document, copy number), so a reprint can say
DUPLICATE with its copy number and the in-charge can see who printed what. The public half of
each centre signing key is kept here so a QR code can be checked offline and the key can be
sent to the central server; the private half never enters the database.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003_print_log"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "print_record",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("application_id", sa.Integer, nullable=False),
        sa.Column("document_key", sa.String(60), nullable=False),
        sa.Column("format", sa.String(10), nullable=False),
        sa.Column("copy_no", sa.Integer, nullable=False),
        sa.Column("user_id", sa.Integer, nullable=True),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("printed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_print_record"),
        sa.ForeignKeyConstraint(["application_id"], ["application.id"],
                                name="fk_print_record_application_id_application"),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"],
                                name="fk_print_record_user_id_app_user"),
        sa.UniqueConstraint("application_id", "document_key", "copy_no",
                            name="uq_print_record_application_id_document_key_copy_no"),
    )
    op.create_table(
        "signing_key",
        sa.Column("key_id", sa.String(16), nullable=False),
        sa.Column("centre_code", sa.String(8), nullable=False),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("key_id", name="pk_signing_key"),
    )
    op.create_index("ix_signing_key_centre_code", "signing_key", ["centre_code"])


def downgrade() -> None:
    op.drop_index("ix_signing_key_centre_code", table_name="signing_key")
    op.drop_table("signing_key")
    op.drop_table("print_record")
