"""The police station on an application's row names its district too: "Civil Lines (Lahore)".

Revision ID: 0014_station_district
Revises: 0013_police_station
Create Date: 2026-12-01

Five districts have a Civil Lines police station, four a Kotwali, two a Gulberg: by name
alone the day summary counted them as one station, and the forwarding register of a centre
that takes applications from more than one district sent them under one heading. The row now
keeps the station with the district its answers name beside it, and existing rows are filled
again from their answers (each station field's district field is the one of the same prefix
at this revision: ``present_police_station`` -> ``present_district``).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision: str = "0014_station_district"
down_revision: str | None = "0013_police_station"
branch_labels: str | None = None
depends_on: str | None = None


def _station_fields() -> dict[str, tuple[str, ...]]:
    """The station fields as 0013 lists them: the same services, in the same order."""
    path = Path(__file__).with_name("0013_police_station.py")
    spec = importlib.util.spec_from_file_location("khidmat_migration_0013", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return dict(module._STATION_FIELDS)


def _text(application: sa.TableClause, key: str) -> sa.ColumnElement[str]:
    return sa.func.nullif(sa.func.trim(application.c.answers[key].as_string()), "")


def upgrade() -> None:
    application = sa.table("application", sa.column("service_code", sa.String),
                           sa.column("answers", sa.JSON),
                           sa.column("police_station", sa.String))
    for code, keys in _station_fields().items():
        named = []
        for key in keys:
            station = _text(application, key)
            district = _text(application, key[:-len("police_station")] + "district")
            named.append(sa.case((district.is_(None), station),
                                 else_=station + " (" + district + ")"))
        op.execute(application.update().where(application.c.service_code == code)
                   .values(police_station=named[0] if len(named) == 1
                           else sa.func.coalesce(*named)))


def downgrade() -> None:
    application = sa.table("application", sa.column("service_code", sa.String),
                           sa.column("answers", sa.JSON),
                           sa.column("police_station", sa.String))
    for code, keys in _station_fields().items():
        named = [_text(application, key) for key in keys]
        op.execute(application.update().where(application.c.service_code == code)
                   .values(police_station=named[0] if len(named) == 1
                           else sa.func.coalesce(*named)))
