"""Drafts: the intake wizard's answers saved as the officer types, so a crash loses nothing.

Revision ID: 0002
Revises: 0001
Create Date: 2026-01-12
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "draft",
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("service_code", sa.String(40), nullable=False),
        sa.Column("answers", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"),
                  nullable=False),
        sa.Column("step", sa.String(40), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("uuid", name="pk_draft"),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], name="fk_draft_user_id_app_user"),
    )
    op.create_index("ix_draft_user_id", "draft", ["user_id"])


def downgrade() -> None:
    op.drop_index("ix_draft_user_id", table_name="draft")
    op.drop_table("draft")
