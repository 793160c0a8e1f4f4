"""Audit events found by the record they are about.

`audit verify` compares every application and account with the newest audit event about it;
this index finds those events without scanning the whole trail.

Revision ID: 0006_audit_entity
Revises: 0009_day_close
Create Date: 2026-11-30
"""

from __future__ import annotations

from alembic import op

revision: str = "0006_audit_entity"
down_revision: str | None = "0009_day_close"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_index("ix_audit_event_entity", "audit_event", ["entity_type", "entity_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_audit_event_entity", table_name="audit_event")
