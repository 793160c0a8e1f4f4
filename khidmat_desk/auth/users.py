"""User accounts: create, log in (with lockout), unlock, change passwords, check roles.

A person holds one or more roles (officer, verifier, in-charge; see ``core.workflow``). The
roles are read from the database at sign-in and again by every privileged use case
(`acting_user`), so an account switched off or stripped of a role while signed in is refused
at its next action, not at its next sign-in.

Failed logins are committed even though the login fails: the counter of wrong passwords and
the lock must survive the error being raised. Every login, refusal and lock is an audit event.
An unknown user name gets the same answer, after the same delay, as a wrong password, and a
locked account the same answer again, so the login window cannot be used to find out which
accounts exist. A name that matches no account is not written anywhere (officers sometimes type
their password into the name field): the event says only that the name was unknown.
Every event about an account carries the digest of the account as it then stood
(`store.audit_state`), so `audit verify` notices an account changed behind the counter's back.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from khidmat_desk.auth.passwords import (
    check_password_strength,
    dummy_hash,
    hash_password,
    needs_rehash,
    verify_password,
)
from khidmat_desk.core.issues import Said
from khidmat_desk.core.validators import clean_free_text
from khidmat_desk.core.workflow import (
    IN_CHARGE,
    OFFICER,
    ROLES,
    VERIFIER,
    Role,
    main_role,
    may_act_as,
    role_holders,
    role_set,
    roles_text,
)
from khidmat_desk.errors import KnownError
from khidmat_desk.store.audit import append_event
from khidmat_desk.store.audit_state import STATE_KEY, user_state
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import User, UserRole

log = logging.getLogger("khidmat.auth")

MAX_FAILURES = 5
LOCK_DURATION = timedelta(minutes=15)
_USERNAME = re.compile(r"[a-z][a-z0-9._-]{2,39}")
#: Who a failed sign-in with a name matching no account is recorded as (never the name typed).
UNKNOWN_NAME = "(unknown name)"
#: One answer for a wrong password, an unknown name and a locked account, as a template so the
#: counter can say it in its own language.
_REFUSED = Said.of(
    "The user name or password is wrong, or the account is locked. Check the Caps Lock key and "
    "type them again. After {failures} wrong passwords in a row an account is locked for "
    "{minutes} minutes; the in-charge can unlock it sooner.",
    {"failures": MAX_FAILURES, "minutes": int(LOCK_DURATION.total_seconds() // 60)})


@dataclass(frozen=True)
class UserInfo:
    """Who is logged in: handed to every use case that records or checks the actor.

    ``roles`` may be given as one role name; it is kept as a set.
    """

    id: int
    username: str
    full_name: str
    roles: frozenset[Role]

    def __post_init__(self) -> None:
        object.__setattr__(self, "roles", frozenset(Role(r) for r in role_set(self.roles)))

    @property
    def role(self) -> str:
        """The highest role held, for one-word labels."""
        return main_role(self.roles)

    def may(self, role: str) -> bool:
        """Whether this person may do ``role``'s work (the in-charge may do anyone's)."""
        return may_act_as(self.roles, role)


@dataclass(frozen=True)
class UserAccount:
    """One line of the in-charge's user list."""

    id: int
    username: str
    full_name: str
    roles: frozenset[str]
    active: bool
    locked_until: datetime | None
    failed_attempts: int
    last_login_at: datetime | None

    @property
    def role(self) -> str:
        return main_role(self.roles)


class AuthError(KnownError):
    """A refused login or account change; ``str()`` is the message for the officer."""


class BadCredentials(AuthError):  # noqa: N818 - public name used by the GUI and CLI
    """Wrong user name or password. ``remaining`` is for logs: the message never reveals it,
    because an unknown user name (``remaining`` None) must read exactly the same."""

    bad_input = True

    def __init__(self, remaining: int | None) -> None:
        self.remaining = remaining
        super().__init__(str(_REFUSED))
        self.said = _REFUSED


class AccountLocked(AuthError):  # noqa: N818 - public name used by the GUI and CLI
    """A locked account. ``until`` is for logs and the in-charge: the message is the same as
    for a wrong password, or five tries at any name would tell which accounts exist."""

    bad_input = True  # one answer, one exit status, as for a wrong password

    def __init__(self, until: datetime) -> None:
        self.until = until
        super().__init__(str(_REFUSED))
        self.said = _REFUSED


class AccountDisabled(AuthError):  # noqa: N818 - public name used by the GUI and CLI
    def __init__(self) -> None:
        super().__init__("This account has been switched off. Ask the in-charge.")


class PermissionDenied(AuthError):  # noqa: N818 - public name used by the GUI and CLI
    pass


class UnknownUser(AuthError):  # noqa: N818 - public name used by the GUI and CLI
    bad_input = True

    def __init__(self, username: str) -> None:
        said = Said.of("There is no user '{name}'.", {"name": username})
        super().__init__(str(said))
        self.said = said


class InvalidAccountDetails(AuthError):  # noqa: N818 - public name used by the GUI and CLI
    """A new user or password that breaks the rules; the message says which rule and
    ``field`` which answer breaks it (``username``, ``full_name``, ``password``), when one does."""

    bad_input = True

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


def require_role(user: UserInfo, role: str) -> None:
    """Raise `PermissionDenied` unless ``user`` may do ``role``'s work (the in-charge may do
    everyone's)."""
    if user.may(role):
        return
    log.warning("%s (%s) was refused an action needing %s", user.username,
                roles_text(user.roles), role)
    raise PermissionDenied.told(
        "Only {who} can do this. You are signed in as {name} ({roles}); ask the in-charge.",
        who=role_holders(role), name=user.full_name, roles=roles_text(user.roles))


def _utc_now(now: datetime | None) -> datetime:
    return now.astimezone(UTC) if now is not None else datetime.now(UTC)


def normalize_username(username: str) -> str:
    return username.strip().lower()


def check_password_rules(password: str, username: str = "") -> None:
    problem = check_password_strength(password)
    if problem is not None:
        raise InvalidAccountDetails.saying(problem, "password")
    if username and password.strip().lower() == username:
        raise InvalidAccountDetails("The password cannot be the same as the user name.",
                                    "password")


def check_roles(roles: str | Iterable[str]) -> frozenset[str]:
    """The roles as a set; at least one, each one of `ROLES`."""
    chosen = role_set(roles)
    unknown = sorted(chosen - set(ROLES))
    if unknown or not chosen:
        raise InvalidAccountDetails.told(
            "'{unknown}' is not a role; give one or more of: {roles}.",
            unknown=", ".join(unknown) or "no role", roles=", ".join(ROLES))
    return chosen


def _check_new_account(username: str, full_name: str) -> None:
    if not _USERNAME.fullmatch(username):
        raise InvalidAccountDetails(
            "The user name must be 3 to 40 characters: small English letters, digits, dots, "
            "hyphens or underscores, starting with a letter (for example 'asif.khan').",
            "username")
    if not 2 <= len(full_name.strip()) <= 80:
        raise InvalidAccountDetails("The full name must be 2 to 80 characters.", "full_name")


def create_user(session: Session, username: str, full_name: str, role: str | Iterable[str],
                password: str, *, created_by: UserInfo | None = None,
                now: datetime | None = None) -> UserInfo:
    """Add an account with one or more roles inside the caller's transaction.

    ``created_by`` None is only for setting up the very first account of a new database.
    """
    when = _utc_now(now)
    name = normalize_username(username)
    full_name = clean_free_text(full_name)
    if created_by is not None:
        require_role(created_by, IN_CHARGE)
    _check_new_account(name, full_name)
    roles = check_roles(role)
    check_password_rules(password, name)
    if session.scalar(select(User.id).where(User.username == name)) is not None:
        raise InvalidAccountDetails.told("The user name '{name}' is already taken; choose "
                                         "another.", "username", name=name)
    user = User(username=name, full_name=full_name.strip(), role=main_role(roles),
                password_hash=hash_password(password), failed_attempts=0, active=True,
                created_at=when, updated_at=when)
    session.add(user)
    session.flush()
    session.add_all(UserRole(user_id=user.id, role=r) for r in sorted(roles))
    session.flush()
    append_event(session, actor=created_by.username if created_by else "setup",
                 action="user-created", entity_type="user", entity_id=name,
                 details={"role": main_role(roles), "roles": sorted(roles),
                          STATE_KEY: user_state(session, name)}, at=when)
    return _info(session, user)


def authenticate(db: Database, username: str, password: str, *,
                 now: datetime | None = None, record_success: bool = True) -> UserInfo:
    """Log in, or raise `BadCredentials` / `AccountLocked` / `AccountDisabled`.

    Failures are always recorded (they count towards the lockout). With ``record_success``
    False a right password writes nothing: a command signs in, and records the sign-in with
    `record_sign_in` only once it has done its work, so a refused command leaves no trace.
    """
    when = _utc_now(now)
    name = normalize_username(username)[:40]
    with db.write() as session:
        outcome = _attempt_login(session, name, password, when, record_success)
    if isinstance(outcome, AuthError):
        raise outcome
    return outcome


def record_sign_in(db: Database, user: UserInfo, *, via: str,
                   now: datetime | None = None) -> None:
    """Record a sign-in checked earlier with ``record_success=False``: the failure count is
    cleared and a login event written, as `authenticate` does at once for the counter window."""
    when = _utc_now(now)
    with db.write() as session:
        account = _existing(session, user.username)
        account.failed_attempts, account.locked_until = 0, None
        account.last_login_at = when
        _login_event(session, account.username, "login", {"via": via}, when)


def _attempt_login(session: Session, name: str, password: str, when: datetime,
                   record_success: bool) -> UserInfo | AuthError:
    user = session.scalars(select(User).where(User.username == name).with_for_update()).first()
    if user is None:
        verify_password(password, dummy_hash())
        _login_event(session, UNKNOWN_NAME, "login-failed",
                     {"reason": "no account has the name typed"}, when)
        return BadCredentials(None)
    if user.locked_until is not None and user.locked_until > when:
        verify_password(password, dummy_hash())  # as long as any other answer takes
        _login_event(session, name, "login-refused", {"reason": "locked"}, when)
        return AccountLocked(user.locked_until)
    if not verify_password(password, user.password_hash):
        if user.locked_until is not None:  # the lock ran out: count afresh
            user.locked_until, user.failed_attempts = None, 0
        return _count_failure(session, user, when)
    if not user.active:
        _login_event(session, name, "login-refused", {"reason": "account switched off"}, when)
        return AccountDisabled()
    if not record_success:
        return _info(session, user)
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.failed_attempts, user.last_login_at, user.locked_until = 0, when, None
    _login_event(session, name, "login", {}, when)
    return _info(session, user)


def _count_failure(session: Session, user: User, when: datetime) -> AuthError:
    user.failed_attempts += 1
    user.updated_at = when
    if user.failed_attempts >= MAX_FAILURES:
        user.locked_until = when + LOCK_DURATION
        log.warning("account %s locked after %d failures", user.username, user.failed_attempts)
        _login_event(session, user.username, "account-locked",
                     {"failures": user.failed_attempts}, when)
        return AccountLocked(user.locked_until)
    _login_event(session, user.username, "login-failed",
                 {"reason": "wrong password", "failures": user.failed_attempts}, when)
    return BadCredentials(MAX_FAILURES - user.failed_attempts)


def _login_event(session: Session, name: str, action: str, details: dict[str, object],
                 when: datetime) -> None:
    state = user_state(session, name) if name != UNKNOWN_NAME else None
    append_event(session, actor=name, action=action, entity_type="user", entity_id=name,
                 details=details if state is None else {**details, STATE_KEY: state}, at=when)


def _account_event(session: Session, by: UserInfo, action: str, name: str,
                   details: dict[str, object], when: datetime) -> None:
    append_event(session, actor=by.username, action=action, entity_type="user", entity_id=name,
                 details={**details, STATE_KEY: user_state(session, name)}, at=when)


def unlock_user(db: Database, username: str, *, by: UserInfo, now: datetime | None = None) -> None:
    require_role(by, IN_CHARGE)
    when = _utc_now(now)
    with db.write() as session:
        acting_user(session, by, IN_CHARGE)
        user = _existing(session, username)
        user.locked_until, user.failed_attempts, user.updated_at = None, 0, when
        _account_event(session, by, "user-unlocked", user.username, {}, when)


def set_password(db: Database, username: str, new_password: str, *, by: UserInfo,
                 current_password: str | None = None, now: datetime | None = None) -> None:
    """Officers change their own password (giving the current one); the in-charge resets any."""
    when = _utc_now(now)
    name = normalize_username(username)
    if by.username != name:
        require_role(by, IN_CHARGE)
    check_password_rules(new_password, name)
    with db.write() as session:
        acting_user(session, by, None if by.username == name else IN_CHARGE)
        user = _existing(session, name)
        if not by.may(IN_CHARGE) and not verify_password(current_password or "",
                                                        user.password_hash):
            raise InvalidAccountDetails("The current password is wrong; nothing was changed.")
        user.password_hash, user.updated_at = hash_password(new_password), when
        user.failed_attempts, user.locked_until = 0, None
        _account_event(session, by, "password-changed", name,
                       {"reset_by_in_charge": by.username != name}, when)


def set_active(db: Database, username: str, active: bool, *, by: UserInfo,
               now: datetime | None = None) -> None:
    """Switch an account off (someone left) or on again; accounts are never deleted.

    The last active in-charge cannot be switched off: nobody could administer the centre.
    """
    require_role(by, IN_CHARGE)
    when = _utc_now(now)
    with db.write() as session:
        acting_user(session, by, IN_CHARGE)
        user = _existing(session, username)
        if not active and user.id == by.id:
            raise InvalidAccountDetails("You cannot switch off your own account.")
        if not active and user.active and IN_CHARGE in roles_of(session, user):
            check_not_last_in_charge(session, user)
        user.active, user.updated_at = active, when
        _account_event(session, by, "user-switched-on" if active else "user-switched-off",
                       user.username, {}, when)


def set_roles(db: Database, username: str, roles: str | Iterable[str], *, by: UserInfo,
              now: datetime | None = None) -> frozenset[str]:
    """Give an account exactly these roles; the last active in-charge keeps theirs."""
    require_role(by, IN_CHARGE)
    chosen = check_roles(roles)
    when = _utc_now(now)
    with db.write() as session:
        acting_user(session, by, IN_CHARGE)
        user = _existing(session, username)
        before = roles_of(session, user)
        if IN_CHARGE in before and IN_CHARGE not in chosen and user.active:
            check_not_last_in_charge(session, user)
        write_roles(session, user, chosen)
        user.updated_at = when
        _account_event(session, by, "user-roles-changed", user.username,
                       {"before": sorted(before), "after": sorted(chosen)}, when)
    return chosen


def list_users(db: Database) -> tuple[UserAccount, ...]:
    with db.read() as session:
        users = session.scalars(select(User).order_by(User.username)).all()
        extra = _extra_roles(session)
        return tuple(UserAccount(
            id=u.id, username=u.username, full_name=u.full_name,
            roles=frozenset({u.role} | extra.get(u.id, set())), active=u.active,
            locked_until=u.locked_until, failed_attempts=u.failed_attempts,
            last_login_at=u.last_login_at) for u in users)


def _extra_roles(session: Session) -> dict[int, set[str]]:
    held: dict[int, set[str]] = {}
    for user_id, role in session.execute(select(UserRole.user_id, UserRole.role)):
        held.setdefault(user_id, set()).add(role)
    return held


def roles_of(session: Session, user: User) -> frozenset[Role]:
    """Every role ``user`` holds: the ``user_role`` rows and the account's own main role."""
    rows = session.scalars(select(UserRole.role).where(UserRole.user_id == user.id))
    return frozenset(Role(r) for r in {user.role, *rows})


def write_roles(session: Session, user: User, roles: frozenset[str]) -> None:
    """Replace ``user``'s roles (inside the caller's transaction)."""
    for row in session.scalars(select(UserRole).where(UserRole.user_id == user.id)):
        session.delete(row)
    session.flush()
    session.add_all(UserRole(user_id=user.id, role=r) for r in sorted(roles))
    user.role = main_role(roles)
    session.flush()


def check_not_last_in_charge(session: Session, user: User) -> None:
    """Refuse to leave the centre without an active in-charge other than ``user``."""
    others = session.scalars(select(User).where(User.active.is_(True), User.id != user.id))
    if not any(IN_CHARGE in roles_of(session, other) for other in others):
        raise InvalidAccountDetails.told(
            "{name} ({username}) is the last in-charge who can sign in; nobody could run the "
            "centre without one. Add another in-charge first.", name=user.full_name,
            username=user.username)


def acting_user(session: Session, by: UserInfo, role: str | None = None) -> UserInfo:
    """The signed-in person as the database knows them now: refused if their account has
    been switched off since they signed in, or (with ``role``) no longer allows the work."""
    user = session.get(User, by.id)
    if user is None or user.username != by.username:
        raise UnknownUser(by.username)
    if not user.active:
        log.warning("%s acted after their account was switched off", by.username)
        raise AccountDisabled()
    current = _info(session, user)
    if role is not None:
        require_role(current, role)
    return current


def has_users(db: Database) -> bool:
    """False on a brand-new database: the first-run setup must create the in-charge."""
    with db.read() as session:
        return bool(session.scalar(select(func.count()).select_from(User)))


def _existing(session: Session, username: str) -> User:
    name = normalize_username(username)
    user = session.scalars(select(User).where(User.username == name).with_for_update()).first()
    if user is None:
        raise UnknownUser(name)
    return user


def _info(session: Session, user: User) -> UserInfo:
    return UserInfo(id=user.id, username=user.username, full_name=user.full_name,
                    roles=roles_of(session, user))


__all__ = [
    "IN_CHARGE", "OFFICER", "VERIFIER", "AccountDisabled", "AccountLocked", "AuthError",
    "BadCredentials", "InvalidAccountDetails", "PermissionDenied", "UnknownUser", "UserAccount",
    "UserInfo", "acting_user", "authenticate", "check_not_last_in_charge",
    "check_password_rules", "check_roles", "create_user", "has_users", "list_users",
    "record_sign_in", "require_role", "roles_of", "set_active", "set_password", "set_roles",
    "unlock_user", "write_roles",
]
