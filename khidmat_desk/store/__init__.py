"""The local store: SQLAlchemy models, units of work, migrations, audit chain and outbox.

SQLite (WAL, synchronous=FULL) is the embedded default; the same code runs on PostgreSQL when
a centre's counters share one server.
"""

from khidmat_desk.store.db import Database, open_database, sqlite_url
from khidmat_desk.store.errors import StoreError
from khidmat_desk.store.sequences import uuid7

__all__ = ["Database", "StoreError", "open_database", "sqlite_url", "uuid7"]
