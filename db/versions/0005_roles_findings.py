"""Roles and findings: several roles per person, and the police finding of each application.

Revision ID: 0005_roles_findings
Revises: 0006_audit_entity
Create Date: 2026-11-30

``user_role`` holds every role a person has (officer, verifier, in-charge); each existing
account keeps the role it had. ``app_user.role`` stays and keeps the highest one, so nothing
that reads it breaks. ``finding`` records what the verifier found: verified or rejected, the
record status, the CRO / police-station reference and date, a remark, and the in-charge's reason
when they decide on an application they took in themselves.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005_roles_findings"
down_revision: str | None = "0006_audit_entity"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "user_role",
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("role", sa.String(12), nullable=False),
        sa.PrimaryKeyConstraint("user_id", "role", name="pk_user_role"),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"],
                                name="fk_user_role_user_id_app_user"),
    )
    op.execute("INSERT INTO user_role (user_id, role) SELECT id, role FROM app_user")
    op.create_table(
        "finding",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("application_id", sa.Integer, nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("record_status", sa.String(40), nullable=False),
        sa.Column("reference", sa.String(80), nullable=False),
        sa.Column("reference_date", sa.Date, nullable=True),
        sa.Column("remark", sa.Text, nullable=False),
        sa.Column("override_reason", sa.Text, nullable=True),
        sa.Column("recorded_by", sa.Integer, nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_finding"),
        sa.ForeignKeyConstraint(["application_id"], ["application.id"],
                                name="fk_finding_application_id_application"),
        sa.ForeignKeyConstraint(["recorded_by"], ["app_user.id"],
                                name="fk_finding_recorded_by_app_user"),
        sa.UniqueConstraint("application_id", name="uq_finding_application_id"),
    )


def downgrade() -> None:
    op.drop_table("finding")
    op.drop_table("user_role")
