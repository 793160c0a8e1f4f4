"""The police station an application names, on its row, for the in-charge's open-work figures.

Revision ID: 0013_police_station
Revises: 0005_roles_findings
Create Date: 2026-12-01

The day summary counts open applications by police station and lists the overdue ones with
theirs. Reading the station out of every open application's answers made that cost grow with
the backlog; the first station an application names (in its service's field order) is now kept
on its row when it is saved, with an index on (status, police_station, expected_on). Existing
rows are filled from their answers with the services' station fields as they stand at this
revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0013_police_station"
down_revision: str | None = "0005_roles_findings"
branch_labels: str | None = None
depends_on: str | None = None

#: Each service's police-station fields in the order its wizard asks them, at this revision.
_STATION_FIELDS: dict[str, tuple[str, ...]] = {
    "police-verification": ("present_police_station", "permanent_police_station"),
    "character-certificate": ("present_police_station", "permanent_police_station"),
    "tenant-registration": ("landlord_police_station", "tenant_permanent_police_station",
                            "premises_police_station"),
    "medico-legal": ("incident_police_station",),
    "vehicle-verification": ("present_police_station", "permanent_police_station"),
    "protection-assistance": ("present_police_station",),
    "lost-report": ("present_police_station", "permanent_police_station",
                    "lost_police_station"),
    "crime-report": ("present_police_station", "permanent_police_station",
                     "incident_police_station"),
    "fir-copy": ("present_police_station", "permanent_police_station", "fir_police_station"),
    "women-violence-report": ("survivor_police_station", "incident_police_station"),
    "employee-registration": ("employer_police_station", "employee_permanent_police_station"),
    "employee-verification": ("organisation_police_station",
                              "employee_permanent_police_station"),
    "driving-licence": ("present_police_station", "permanent_police_station"),
    "arms-licence": ("present_police_station", "permanent_police_station"),
    "community-policing": ("present_police_station", "permanent_police_station"),
}


def upgrade() -> None:
    with op.batch_alter_table("application") as batch:
        batch.add_column(sa.Column("police_station", sa.String(120), nullable=True))
    application = sa.table("application", sa.column("service_code", sa.String),
                           sa.column("answers", sa.JSON),
                           sa.column("police_station", sa.String))
    for code, keys in _STATION_FIELDS.items():
        named = [sa.func.nullif(sa.func.trim(application.c.answers[key].as_string()), "")
                 for key in keys]
        station = named[0] if len(named) == 1 else sa.func.coalesce(*named)
        op.execute(application.update().where(application.c.service_code == code)
                   .values(police_station=station))
    op.create_index("ix_application_status_station", "application",
                    ["status", "police_station", "expected_on"])


def downgrade() -> None:
    op.drop_index("ix_application_status_station", table_name="application")
    with op.batch_alter_table("application") as batch:
        batch.drop_column("police_station")
