"""Opening the central database (SQLite file or PostgreSQL URL), creating its tables if new."""

from __future__ import annotations

import logging
import os

from khidmat_central import public  # noqa: F401 - its tables are created with the others
from khidmat_central.schema import CentralBase
from khidmat_desk.store.db import Database

log = logging.getLogger("khidmat.central")

DB_ENV = "KHIDMAT_CENTRAL_DB"


class CentralConfigError(Exception):
    """The server cannot start as asked; ``str()`` says what to change."""


def resolve_db_url(explicit: str | None) -> str:
    url = explicit or os.environ.get(DB_ENV)
    if not url:
        raise CentralConfigError(f"--db: name the central database (a URL such as "
                                 f"sqlite:////var/lib/khidmat/central.sqlite3), or set {DB_ENV}")
    return url


def open_central(url: str) -> Database:
    """The database at ``url`` with every table the server needs."""
    database = Database(url)
    try:
        CentralBase.metadata.create_all(database.engine)
    except BaseException:
        database.dispose()
        raise
    log.info("central database %r ready", database)
    return database
