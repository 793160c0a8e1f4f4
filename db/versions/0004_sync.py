"""Sync state: the pull cursor and the link's last known state, kept beside the outbox.

The pull cursor is written in the same transaction as the status changes it covers, so a
change from the central server is applied exactly once however the sync is interrupted.
The rest (last success, next attempt, last error) lets the status bar read the link state
with one small query instead of asking the network. The index on ``status_change.at`` lets
reconciliation read one day's record versions without scanning years of history.

Revision ID: 0004_sync
Revises: 0003_print_log
Create Date: 2026-02-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004_sync"
down_revision: str | None = "0003_print_log"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "sync_state",
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("value", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"),
                  nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_sync_state"),
    )
    op.create_index("ix_status_change_at", "status_change", ["at"])


def downgrade() -> None:
    op.drop_index("ix_status_change_at", table_name="status_change")
    op.drop_table("sync_state")
