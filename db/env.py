"""Alembic environment for Khidmat Desk.

Migrations run only from ``khidmat_desk.store.migrate``, which passes an open connection in
``config.attributes["connection"]`` (already inside the transaction that holds the migration
lock). There is no alembic.ini and no offline (SQL script) mode.
"""

from __future__ import annotations

from alembic import context

from khidmat_desk.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None or context.is_offline_mode():
    raise RuntimeError(
        "run database migrations through khidmat_desk.store.migrate.upgrade(); "
        "it passes the connection to use"
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
