"""The in-charge's administration of the centre's accounts: add officers and verifiers, change
roles, reset passwords, unlock, switch accounts off and on again.

Every action is the in-charge's alone, checked here against the database (not only by the
screen that offers it), and audited. Accounts are never deleted, so every record keeps the
name of whoever made it; the last in-charge who can sign in cannot be switched off or lose the
role.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime

from khidmat_desk.app.sync_changes import CENTRAL_USERNAME
from khidmat_desk.auth import users
from khidmat_desk.auth.users import UserAccount, UserInfo, acting_user, require_role
from khidmat_desk.core.workflow import IN_CHARGE
from khidmat_desk.store.db import Database

log = logging.getLogger("khidmat.admin")


def list_accounts(db: Database, *, by: UserInfo) -> tuple[UserAccount, ...]:
    """Every account with its roles and state (names only; no password hashes)."""
    require_role(by, IN_CHARGE)
    with db.read() as session:
        acting_user(session, by, IN_CHARGE)
    return tuple(a for a in users.list_users(db) if a.username != CENTRAL_USERNAME)


def add_user(db: Database, *, by: UserInfo, username: str, full_name: str,
             roles: str | Iterable[str], password: str,
             now: datetime | None = None) -> UserInfo:
    """A new officer, verifier or in-charge (or several roles at once)."""
    require_role(by, IN_CHARGE)
    with db.write() as session:
        actor = acting_user(session, by, IN_CHARGE)
        created = users.create_user(session, username, full_name, roles, password,
                                    created_by=actor, now=now)
    log.info("%s added %s (%s)", by.username, created.username, ", ".join(sorted(created.roles)))
    return created


def set_user_roles(db: Database, *, by: UserInfo, username: str, roles: str | Iterable[str],
                   now: datetime | None = None) -> frozenset[str]:
    return users.set_roles(db, username, roles, by=by, now=now)


def reset_password(db: Database, *, by: UserInfo, username: str, new_password: str,
                   now: datetime | None = None) -> None:
    """The in-charge sets a new password for someone who forgot theirs (and unlocks them)."""
    require_role(by, IN_CHARGE)
    users.set_password(db, username, new_password, by=by, now=now)


def disable_user(db: Database, *, by: UserInfo, username: str,
                 now: datetime | None = None) -> None:
    """Switch an account off: its holder gets a clear refusal at the next sign-in or action."""
    users.set_active(db, username, False, by=by, now=now)


def enable_user(db: Database, *, by: UserInfo, username: str,
                now: datetime | None = None) -> None:
    users.set_active(db, username, True, by=by, now=now)


def unlock_user(db: Database, *, by: UserInfo, username: str,
                now: datetime | None = None) -> None:
    users.unlock_user(db, username, by=by, now=now)
