"""Bearer tokens: printed once when made, only their sha256 kept.

A token is 32 random bytes, so a plain sha256 is enough to keep it unguessable from the
database; a slow password hash would only slow every request down.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from khidmat_central.schema import Token
from khidmat_desk.store.db import Database

COUNTER, READER = "counter", "reader"
#: A counter whose centre keeps one database for all its counters: its outbox holds every
#: counter's records, so its token may send records of any counter of its centre.
SHARED = "shared-db"
COUNTER_ROLES = (COUNTER, SHARED)


@dataclass(frozen=True)
class Caller:
    """Who is asking: a counter of one centre, or a reader of the province's report."""

    token_id: int
    role: str
    centre_code: str | None
    counter: int | None

    @property
    def label(self) -> str:
        if self.role == READER:
            return f"reader token {self.token_id}"
        return f"{self.centre_code}/counter {self.counter}"

    @property
    def sends_any_counter(self) -> bool:
        return self.role == SHARED


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def add_token(db: Database, *, role: str, centre_code: str | None = None,
              counter: int | None = None) -> str:
    """Make a token and return it; it cannot be shown again."""
    if role in COUNTER_ROLES and (not centre_code or not counter or counter < 1):
        raise ValueError("a counter token needs a centre code and a counter number of 1 or more")
    token = "kd1_" + secrets.token_urlsafe(32)
    with db.write() as session:
        session.add(Token(token_hash=token_hash(token), role=role,
                          centre_code=centre_code.upper() if centre_code else None,
                          counter=counter if role in COUNTER_ROLES else None,
                          created_at=datetime.now(UTC)))
    return token


def shares_database(db: Database, centre_code: str, counter: int) -> bool:
    """Whether this counter's token is one for a centre that shares one database."""
    with db.read() as session:
        return session.execute(select(Token.id).where(
            Token.centre_code == centre_code, Token.counter == counter, Token.role == SHARED,
            Token.revoked_at.is_(None)).limit(1)).first() is not None


def authenticate(db: Database, token: str) -> Caller | None:
    with db.read() as session:
        row = session.execute(select(Token).where(Token.token_hash == token_hash(token),
                                                  Token.revoked_at.is_(None))).scalar_one_or_none()
        if row is None:
            return None
        return Caller(row.id, row.role, row.centre_code, row.counter)
