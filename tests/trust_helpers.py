"""A set-up centre driven through the command line, for the tests that attack it."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cli_helpers import cli_init

from khidmat_desk.core.catalogue import get_service

IN_CHARGE_PASSWORD = "incharge-pass-1"
OFFICER_PASSWORD = "officer-pass-1"

Run = Callable[..., tuple[int, str, str]]


def make_centre(run: Run, folder: Path) -> Path:
    """A centre with its in-charge ('incharge') and one officer ('officer1')."""
    from khidmat_desk.app.settings import CounterSettings
    from khidmat_desk.auth.users import create_user
    from khidmat_desk.store.db import open_database

    cli_init(run, folder, IN_CHARGE_PASSWORD)
    db = open_database(CounterSettings.load(folder).database_url)
    with db.write() as session:
        create_user(session, "officer1", "Asma Bibi", "officer", OFFICER_PASSWORD)
    db.dispose()
    return folder


def apply(run: Run, folder: Path, service: str, answers: dict[str, Any] | None = None,
          *extra: str, user: str = "officer1",
          password: str = OFFICER_PASSWORD) -> tuple[int, str, str]:
    path = folder.parent / f"answers-{service}.json"
    path.write_text(json.dumps(get_service(service).example if answers is None else answers,
                               ensure_ascii=False), "utf-8")
    return run("apply", service, "--data-dir", str(folder), "--answers", str(path),
               "--user", user, "--password-stdin", *extra, stdin=password + "\n")


def sql(folder: Path, statement: str, *params: Any) -> list[Any]:
    """What someone with the database file and the sqlite3 tool can do."""
    with sqlite3.connect(folder / "khidmat.sqlite3") as con:
        con.execute("PRAGMA foreign_keys=OFF")
        return con.execute(statement, params).fetchall()


def snapshot(folder: Path) -> dict[str, list[Any]]:
    """Every row of every table, to prove a refused command wrote nothing."""
    with sqlite3.connect(folder / "khidmat.sqlite3") as con:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: con.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}
