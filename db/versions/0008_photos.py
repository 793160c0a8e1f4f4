"""Photographs kept with their application, for the documents that print one.

One photo per application (a retake replaces it): the reduced JPEG and its SHA-256, which the
document prints beside the picture so the signed content covers it.

Revision ID: 0008_photos
Revises: 0012_print_delivery
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0008_photos"
down_revision: str | None = "0012_print_delivery"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "photo",
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("jpeg", sa.LargeBinary(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("added_by", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["application_id"], ["application.id"],
                                name="fk_photo_application_id_application"),
        sa.ForeignKeyConstraint(["added_by"], ["app_user.id"],
                                name="fk_photo_added_by_app_user"),
        sa.PrimaryKeyConstraint("application_id", name="pk_photo"),
    )


def downgrade() -> None:
    op.drop_table("photo")
