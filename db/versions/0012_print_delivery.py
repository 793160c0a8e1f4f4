"""Printing: a copy counts once it reached paper (or a file), not when it was sent.

Revision ID: 0012_print_delivery
Revises: 0004_sync
Create Date: 2026-11-30

A print record is now written when a copy is sent (``pending``), becomes ``delivered`` when the
printer took it or the file was written, and ``failed`` when the officer gave up on it. A failed
attempt keeps its row for the record but gives its copy number back, so the citizen's first real
receipt is copy 1 and nobody invents reasons for copies nobody received. Rows printed before this
change were counted as copies then and stay ``delivered``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0012_print_delivery"
down_revision: str | None = "0004_sync"
branch_labels: str | None = None
depends_on: str | None = None

_LIVE = "state != 'failed'"


def upgrade() -> None:
    with op.batch_alter_table("print_record") as batch:
        batch.add_column(sa.Column("state", sa.String(10), nullable=False,
                                   server_default="delivered"))
        batch.add_column(sa.Column("destination", sa.Text, nullable=True))
        batch.add_column(sa.Column("settled_at", sa.DateTime(timezone=True), nullable=True))
        batch.drop_constraint("uq_print_record_application_id_document_key_copy_no",
                              type_="unique")
    op.create_index("uq_print_record_live_copy", "print_record",
                    ["application_id", "document_key", "copy_no"], unique=True,
                    sqlite_where=sa.text(_LIVE), postgresql_where=sa.text(_LIVE))


def downgrade() -> None:
    op.execute("DELETE FROM print_record WHERE state = 'failed'")
    op.drop_index("uq_print_record_live_copy", table_name="print_record")
    with op.batch_alter_table("print_record") as batch:
        batch.create_unique_constraint("uq_print_record_application_id_document_key_copy_no",
                                       ["application_id", "document_key", "copy_no"])
        batch.drop_column("settled_at")
        batch.drop_column("destination")
        batch.drop_column("state")
