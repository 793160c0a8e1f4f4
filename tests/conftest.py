"""Shared fixtures: real databases under tmp_path (and on PostgreSQL when one is given).

Store tests take the ``db`` fixture and run twice: on a SQLite file and, when the environment
variable ``KHIDMAT_TEST_PG_URL`` names a PostgreSQL database (``postgresql+psycopg://...``),
on that server in a fresh schema of its own that is dropped afterwards. Without the variable
the PostgreSQL run is skipped with a visible reason.
"""

from __future__ import annotations

import os

# Qt must never look for a display in tests; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import io
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from khidmat_desk.auth.users import UserInfo
    from khidmat_desk.core.catalogue import Tariff
    from khidmat_desk.store.db import Database

PG_URL_VARIABLE = "KHIDMAT_TEST_PG_URL"
PG_SKIP_REASON = (f"PostgreSQL variant: set {PG_URL_VARIABLE}="
                  "postgresql+psycopg://user@host:port/db to run it")
BACKENDS = ("sqlite", pytest.param("postgresql", marks=pytest.mark.postgres))


@pytest.fixture(autouse=True)
def _centre_clock_reset() -> Iterator[None]:
    """A test that opens a centre with another time zone leaves the default one behind."""
    yield
    from khidmat_desk.core import clock

    clock.set_centre_zone(clock.DEFAULT_ZONE)


def _pg_base_url() -> str | None:
    return os.environ.get(PG_URL_VARIABLE) or None


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    """A URL whose connections use a brand-new, empty PostgreSQL schema."""
    base = _pg_base_url()
    if base is None:
        pytest.skip(PG_SKIP_REASON)
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _fresh_url(request: pytest.FixtureRequest, sqlite_file: Path) -> str:
    """The URL of the backend a `BACKENDS` fixture runs on: `sqlite_file`, or a new schema."""
    if request.param == "sqlite":
        from khidmat_desk.store.db import sqlite_url

        return sqlite_url(sqlite_file)
    url: str = request.getfixturevalue("pg_schema_url")
    return url


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database URL: a SQLite file, then (if configured) a PostgreSQL schema."""
    return _fresh_url(request, tmp_path / "counter.sqlite3")


@pytest.fixture(params=BACKENDS)
def central_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same for the central server's database (the sync tests)."""
    return _fresh_url(request, tmp_path / "central.sqlite3")


@pytest.fixture
def db(db_url: str, tmp_path: Path) -> Iterator[Database]:
    """A migrated, empty counter database on every backend."""
    from khidmat_desk.store.db import open_database

    database = open_database(db_url, backup_dir=tmp_path / "backups")
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    """A migrated SQLite file, for behaviour that only a file has (pragmas, backups, crashes)."""
    from khidmat_desk.store.db import open_database, sqlite_url

    database = open_database(sqlite_url(tmp_path / "counter.sqlite3"))
    try:
        yield database
    finally:
        database.dispose()


#: Password of every account the fixtures create.
TEST_PASSWORD = "correct horse 1"


def _make_user(database: Database, username: str, role: str,
               password: str = TEST_PASSWORD) -> UserInfo:
    from khidmat_desk.auth.users import create_user

    with database.write() as session:
        return create_user(session, username, username.replace(".", " ").title(), role, password)


@pytest.fixture
def make_user() -> Callable[..., UserInfo]:
    """``make_user(db, "asif.khan", "officer")``: a real account, password ``TEST_PASSWORD``."""
    return _make_user


@pytest.fixture
def officer(db: Database) -> UserInfo:
    return _make_user(db, "asif.khan", "officer")


@pytest.fixture
def verifier(db: Database) -> UserInfo:
    return _make_user(db, "bilal.ahmed", "verifier")


@pytest.fixture
def in_charge(db: Database) -> UserInfo:
    return _make_user(db, "nadia.iqbal", "in-charge")


@pytest.fixture
def tariff() -> Tariff:
    """A small, explicit tariff, so fee and date assertions do not follow the shipped figures."""
    from khidmat_desk.core.catalogue import Tariff

    fees: dict[str, dict[str, Any]] = {
        "police-verification": {"pkr": 500, "label": "Police verification fee"},
        "character-certificate": {"pkr": 1000, "label": "Character certificate fee"},
    }
    return Tariff(fees=fees, sla_days={"police-verification": 3, "character-certificate": 5})


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """The headless case: the keyring library's own 'no backend' keyring."""
    import keyring
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


# -- the counter's windows -------------------------------------------------------------------


@pytest.fixture
def tasks() -> Iterator[Any]:
    """The counter's background worker; an error in a job fails the test."""
    from khidmat_desk.gui.tasks import TaskRunner

    runner = TaskRunner(on_error=lambda exc: pytest.fail(f"background error: {exc!r}"))
    yield runner
    runner.wait()


@pytest.fixture
def centre_folder(tmp_path: Path) -> Path:
    from gui_driver import make_centre

    make_centre(tmp_path / "centre")
    return tmp_path / "centre"


@pytest.fixture
def counter_session(centre_folder: Path, tasks: Any, qtbot: Any) -> Iterator[Any]:
    """Closed as the program closes: windows first (their drafts saved), then the database."""
    from PySide6.QtWidgets import QApplication

    from khidmat_desk.app.settings import CounterSettings
    from khidmat_desk.gui.session import CounterSession

    counter = CounterSession(CounterSettings.load(centre_folder))
    counter.open()
    yield counter
    for widget in QApplication.topLevelWidgets():
        widget.close()
    tasks.wait()
    counter.close()


@pytest.fixture
def session(counter_session: Any) -> Any:
    """The counter's session, as the GUI tests name it (a test may prepare its own)."""
    return counter_session


@pytest.fixture
def staffed_session(counter_session: Any) -> Any:
    """The counter's session with an officer (asma.bibi) and a verifier (bilal.ahmed)."""
    from khidmat_desk.auth.users import create_user

    with counter_session.db.write() as transaction:
        create_user(transaction, "asma.bibi", "Asma Bibi", "officer", "officer-pass-1")
        create_user(transaction, "bilal.ahmed", "Bilal Ahmed", "verifier", "verifier-pass-1")
    return counter_session


@pytest.fixture
def folder(centre_folder: Path) -> Path:
    """The centre's data folder, as the GUI tests name it."""
    return centre_folder


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
        ) -> Callable[..., tuple[int, str, str]]:
    """A command line run in-process: ``run(*argv, stdin=..., program=main)`` gives
    (exit code, stdout, stderr)."""
    from khidmat_desk.cli.main import main

    def _run(*argv: str, stdin: str = "", program: Callable[[list[str]], int] = main
             ) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = program(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return _run
