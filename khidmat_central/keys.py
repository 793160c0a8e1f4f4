"""Counters' bundle public keys: what lets the server trust an offline bundle."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from khidmat_central.schema import BundleKey, table
from khidmat_desk.store.db import Database

log = logging.getLogger("khidmat.central.keys")

KEYS = table(BundleKey)


class UnknownKey(Exception):  # noqa: N818 - public name, read as a message
    """A bundle signed by a key the server does not know for that counter."""


def register(db: Database, centre_code: str, counter: int, public_key: str) -> None:
    """Remember the key for this counter (registering it again changes nothing)."""
    key = public_key.strip().lower()
    if len(key) != 64 or any(c not in "0123456789abcdef" for c in key):
        raise ValueError("a public key is 64 hex digits")
    with db.write() as session:
        connection = session.connection()
        insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
        connection.execute(insert(KEYS).on_conflict_do_nothing(index_elements=["public_key"]),
                           [{"centre_code": centre_code.upper(), "counter": counter,
                             "public_key": key, "registered_at": datetime.now(UTC)}])
    log.info("bundle key %s… registered for %s/%d", key[:12], centre_code, counter)


def check_known(db: Database, centre_code: str, counter: int, public_key: str) -> None:
    with db.read() as session:
        row = session.execute(select(KEYS.c.centre_code, KEYS.c.counter)
                              .where(KEYS.c.public_key == public_key)).one_or_none()
    if row is None or (row.centre_code, row.counter) != (centre_code, counter):
        raise UnknownKey(
            f"the bundle is signed by a key the server does not know for {centre_code} "
            f"counter {counter}; register it with 'khidmat-central key add --centre "
            f"{centre_code} --counter {counter} {public_key}' after checking it with the "
            "centre, or let the counter sync once")
