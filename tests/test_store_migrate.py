"""Migrations create every database, upgrade older ones after a backup, and match the models."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from thread_helpers import run_in_threads

from khidmat_desk.core.catalogue import get_service
from khidmat_desk.core.records import police_station
from khidmat_desk.store import migrate
from khidmat_desk.store.db import Database, open_database, sqlite_url
from khidmat_desk.store.errors import DatabaseTooNewError
from khidmat_desk.store.models import Base

OLD_REVISION = "0001"


def test_a_fresh_database_is_built_by_the_migrations(db: Database) -> None:
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    tables = set(inspect(db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert "alembic_version" in tables
    with db.read() as session:
        assert session.execute(text("SELECT last_id FROM audit_head")).scalar_one() == 0


def test_the_models_describe_exactly_what_the_migrations_built(db: Database) -> None:
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(
            connection, opts={"compare_type": True}), Base.metadata)
    assert differences == []


def make_old_database(url: str) -> None:
    """A database at revision 0001 holding one centre, as an older release left it."""
    old = Database(url)
    try:
        migrate.upgrade(old.engine, None, revision=OLD_REVISION)
        with old.write() as session:
            session.execute(text("INSERT INTO centre (code, name, district) "
                                 "VALUES ('LHR01', 'Liberty Market', 'Lahore')"))
    finally:
        old.dispose()


def test_an_older_sqlite_file_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "counter.sqlite3"
    make_old_database(sqlite_url(path))
    backups = tmp_path / "backups"
    database = open_database(sqlite_url(path), backup_dir=backups)
    try:
        assert migrate.current_revision(database.engine) == migrate.head_revision()
        assert "draft" in inspect(database.engine).get_table_names()
        with database.read() as session:
            assert session.execute(text("SELECT name FROM centre")).scalar_one() == (
                "Liberty Market")
    finally:
        database.dispose()
    [backup] = list(backups.iterdir())
    assert backup.name.startswith(f"counter-rev{OLD_REVISION}-")
    assert backup.suffix == ".sqlite3"
    copy = sqlite3.connect(backup)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (
            OLD_REVISION,)
        assert copy.execute("SELECT code FROM centre").fetchall() == [("LHR01",)]
        tables = {row[0] for row in copy.execute("SELECT name FROM sqlite_master")}
        assert "draft" not in tables
    finally:
        copy.close()


def test_an_older_database_upgrades_on_every_backend(db_url: str, tmp_path: Path) -> None:
    make_old_database(db_url)
    database = open_database(db_url, backup_dir=tmp_path / "backups")
    try:
        assert migrate.current_revision(database.engine) == migrate.head_revision()
        with database.read() as session:
            assert session.execute(text("SELECT code FROM centre")).scalar_one() == "LHR01"
    finally:
        database.dispose()
    made_backup = (tmp_path / "backups").exists()
    assert made_backup == db_url.startswith("sqlite")


def test_a_current_database_is_not_backed_up_again(tmp_path: Path) -> None:
    path = tmp_path / "counter.sqlite3"
    for _ in range(2):
        open_database(sqlite_url(path), backup_dir=tmp_path / "backups").dispose()
    assert not (tmp_path / "backups").exists()


def test_a_database_from_a_newer_release_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "counter.sqlite3"
    open_database(sqlite_url(path)).dispose()
    raw = sqlite3.connect(path)
    raw.execute("UPDATE alembic_version SET version_num = '0999'")
    raw.commit()
    raw.close()
    with pytest.raises(DatabaseTooNewError, match="newer version of Khidmat Desk"):
        open_database(sqlite_url(path))


def test_counters_starting_together_migrate_once(db_url: str) -> None:
    barrier = threading.Barrier(3)

    def start_counter() -> None:
        barrier.wait()
        open_database(db_url).dispose()

    assert run_in_threads(start_counter, [()] * 3) == []
    checked = Database(db_url)
    try:
        assert migrate.current_revision(checked.engine) == migrate.head_revision()
    finally:
        checked.dispose()


def _applications_at(db_url: str, revision: str,
                     rows: list[tuple[str, dict[str, str], str | None]]) -> None:
    """A database migrated up to ``revision`` holding one application for each of ``rows``
    (service, answers, the station expected on its row later)."""
    import json

    old = Database(db_url)
    try:
        migrate.upgrade(old.engine, None, revision=revision)
        with old.write() as session:
            session.execute(text(
                "INSERT INTO app_user (id, username, full_name, role, password_hash, "
                "failed_attempts, active, created_at, updated_at) VALUES (1, 'asif', 'Asif', "
                "'officer', '!', 0, true, '2026-03-06 05:00:00', '2026-03-06 05:00:00')"))
            for n, (code, answers, _) in enumerate(rows, 1):
                session.execute(text(
                    "INSERT INTO application (uuid, tracking_number, centre_code, counter, "
                    "service_code, status, answers, version, officer_id, fee_total, "
                    "expected_on, display_name, created_at, updated_at) VALUES (:uuid, "
                    ":tracking, 'LHR01', 1, :code, 'submitted', :answers, 1, 1, 0, "
                    "'2026-03-10', 'X', '2026-03-06 05:00:00', '2026-03-06 05:00:00')"),
                    {"uuid": f"u{n}", "tracking": f"T{n}", "code": code,
                     "answers": json.dumps(answers)})
    finally:
        old.dispose()


def _stations(db_url: str, tmp_path: Path) -> list[str | None]:
    database = open_database(db_url, backup_dir=tmp_path / "backups")
    try:
        with database.read() as session:
            return list(session.execute(text(
                "SELECT police_station FROM application ORDER BY uuid")).scalars().all())
    finally:
        database.dispose()


def test_applications_saved_before_the_station_column_get_their_station(db_url: str,
                                                                       tmp_path: Path) -> None:
    """0013_police_station fills the new column from the answers already saved: the first
    station in the service's field order, none when the answers name none."""
    rows: list[tuple[str, dict[str, str], str | None]] = [
        ("character-certificate", {"present_police_station": "Gulberg",
                                   "permanent_police_station": "Sadar"}, "Gulberg"),
        ("character-certificate", {"present_police_station": " ",
                                   "permanent_police_station": "Sadar"}, "Sadar"),
        ("tenant-registration", {"premises_police_station": "Model Town"}, "Model Town"),
        ("lost-report", {}, None),
    ]
    _applications_at(db_url, "0005_roles_findings", rows)
    assert _stations(db_url, tmp_path) == [station for _, _, station in rows]


def test_the_station_on_a_row_names_its_district(db_url: str, tmp_path: Path) -> None:
    """0014_station_district puts the district the answers name beside the station, as a
    save does now, so Civil Lines of Lahore and of Gujranwala are two stations."""
    rows: list[tuple[str, dict[str, str], str | None]] = [
        ("character-certificate", {"present_district": "Lahore",
                                   "present_police_station": "Civil Lines",
                                   "permanent_district": "Gujranwala",
                                   "permanent_police_station": "Civil Lines"},
         "Civil Lines (Lahore)"),
        ("character-certificate", {"present_police_station": " ",
                                   "permanent_district": "Gujranwala",
                                   "permanent_police_station": "Civil Lines"},
         "Civil Lines (Gujranwala)"),
        ("medico-legal", {"incident_district": "Lahore",
                          "incident_police_station": "Kotwali"}, "Kotwali (Lahore)"),
        ("tenant-registration", {"premises_police_station": "Model Town"}, "Model Town"),
        ("lost-report", {"present_district": "Lahore"}, None),
    ]
    _applications_at(db_url, "0013_police_station", rows)
    assert _stations(db_url, tmp_path) == [station for _, _, station in rows]
    service = get_service("character-certificate")
    assert police_station(service, rows[0][1]) == "Civil Lines (Lahore)"  # as a save keeps it
