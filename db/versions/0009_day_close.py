"""The in-charge's day: shift times, day and shift closes, late records; reprints by time.

Revision ID: 0009_day_close
Revises: 0008_photos
Create Date: 2026-11-30

``centre_shift`` holds the centre's shifts by start time (none: one shift, midnight to
midnight). ``day_close`` records each close (who, when, figures, digest, cash) and locks its
span while its state is ``closed``. ``late_record`` flags record versions that reached a closed
span afterwards; they stay on their own day. The index on ``print_record.printed_at`` lets a
day's reprints be read without scanning years of prints; the two on ``application`` by status
read the open work (overdue by SLA date, uncollected longest waiting first) without sorting.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0009_day_close"
down_revision: str | None = "0008_photos"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "centre_shift",
        sa.Column("centre_code", sa.String(8), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.String(20), nullable=False),
        sa.Column("starts", sa.String(5), nullable=False),
        sa.PrimaryKeyConstraint("centre_code", "position", name="pk_centre_shift"),
        sa.UniqueConstraint("centre_code", "name", name="uq_centre_shift_centre_code_name"),
    )
    op.create_table(
        "day_close",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("centre_code", sa.String(8), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("shift", sa.String(20), nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_by", sa.String(40), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("cash_expected", sa.Integer, nullable=False),
        sa.Column("cash_counted", sa.Integer, nullable=False),
        sa.Column("explanation", sa.Text, nullable=True),
        sa.Column("deposit_ref", sa.String(60), nullable=True),
        sa.Column("figures", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"),
                  nullable=False),
        sa.Column("reopened_by", sa.String(40), nullable=True),
        sa.Column("reopened_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reopen_reason", sa.Text, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_day_close"),
        sa.UniqueConstraint("uuid", name="uq_day_close_uuid"),
        sa.UniqueConstraint("centre_code", "day", "shift",
                            name="uq_day_close_centre_code_day_shift"),
    )
    op.create_index("ix_day_close_ends_at", "day_close", ["ends_at"])
    op.create_table(
        "late_record",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("close_id", sa.Integer, nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("tracking_number", sa.String(32), nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("noted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("what", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_late_record"),
        sa.ForeignKeyConstraint(["close_id"], ["day_close.id"],
                                name="fk_late_record_close_id_day_close"),
        sa.UniqueConstraint("uuid", "version", "kind",
                            name="uq_late_record_uuid_version_kind"),
    )
    op.create_index("ix_late_record_close_id", "late_record", ["close_id"])
    op.create_index("ix_late_record_noted_at", "late_record", ["noted_at"])
    op.create_index("ix_print_record_printed_at", "print_record", ["printed_at"])
    op.create_index("ix_application_status_expected_on", "application",
                    ["status", "expected_on"])
    op.create_index("ix_application_status_updated_at", "application",
                    ["status", "updated_at"])


def downgrade() -> None:
    op.drop_index("ix_application_status_updated_at", table_name="application")
    op.drop_index("ix_application_status_expected_on", table_name="application")
    op.drop_index("ix_print_record_printed_at", table_name="print_record")
    op.drop_index("ix_late_record_noted_at", table_name="late_record")
    op.drop_index("ix_late_record_close_id", table_name="late_record")
    op.drop_table("late_record")
    op.drop_index("ix_day_close_ends_at", table_name="day_close")
    op.drop_table("day_close")
    op.drop_table("centre_shift")
