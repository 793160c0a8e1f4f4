"""Password hashing, accounts, login with lockout, and role checks, on a real database."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from khidmat_desk.auth import passwords
from khidmat_desk.auth.users import (
    AccountDisabled,
    AccountLocked,
    BadCredentials,
    InvalidAccountDetails,
    PermissionDenied,
    UnknownUser,
    UserInfo,
    authenticate,
    create_user,
    has_users,
    list_users,
    require_role,
    set_active,
    set_password,
    unlock_user,
)
from khidmat_desk.store.audit import verify_chain
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import AuditEvent, User

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
MakeUser = Callable[..., UserInfo]
PASSWORD = "correct horse 1"


# --- passwords ---------------------------------------------------------------------------------


def test_hash_is_scrypt_with_stored_parameters_and_random_salt() -> None:
    first = passwords.hash_password("s3cret-pass")
    second = passwords.hash_password("s3cret-pass")
    scheme, n, r, p, _salt, _digest = first.split("$")
    assert (scheme, int(n), int(r), int(p)) == ("scrypt", 2**15, 8, 1)
    assert first != second  # different salts
    assert passwords.verify_password("s3cret-pass", first)
    assert passwords.verify_password("s3cret-pass", second)
    assert not passwords.verify_password("s3cret-pasS", first)
    assert not passwords.needs_rehash(first)


def test_weaker_old_hashes_still_verify_and_ask_for_rehash() -> None:
    import base64

    salt = b"0123456789abcdef"
    weak = hashlib.scrypt(b"old-password", salt=salt, n=2**10, r=8, p=1, dklen=32)
    encoded = (f"scrypt${2**10}$8$1${base64.b64encode(salt).decode()}$"
               f"{base64.b64encode(weak).decode()}")
    assert passwords.verify_password("old-password", encoded)
    assert passwords.needs_rehash(encoded)


@pytest.mark.parametrize("garbage", ["", "bcrypt$x", "scrypt$3$8$1$AA==$AA==",
                                     "scrypt$x$8$1$AA==$AA==", "scrypt$1024$8$1$!!$AA=="])
def test_malformed_hash_never_verifies(garbage: str) -> None:
    assert not passwords.verify_password("anything", garbage)
    assert passwords.needs_rehash(garbage)


def test_password_strength_messages() -> None:
    assert str(passwords.check_password_strength("short")) == (
        "The password must have at least 8 characters.")
    assert str(passwords.check_password_strength("        ")) == (
        "The password cannot be only spaces.")
    assert passwords.check_password_strength("x" * 300) is not None
    assert passwords.check_password_strength("long enough") is None


# --- accounts ----------------------------------------------------------------------------------


def test_create_user_and_list(db: Database) -> None:
    assert not has_users(db)
    with db.write() as session:
        info = create_user(session, "  Asif.Khan ", "Asif Khan", "officer", PASSWORD, now=T0)
    assert info == UserInfo(info.id, "asif.khan", "Asif Khan", "officer")
    assert has_users(db)
    [account] = list_users(db)
    assert (account.username, account.active, account.failed_attempts) == ("asif.khan", True, 0)


@pytest.mark.parametrize("username,full_name,role,password,message", [
    ("ab", "Asif Khan", "officer", PASSWORD, "3 to 40 characters"),
    ("1asif", "Asif Khan", "officer", PASSWORD, "starting with a letter"),
    ("asif khan", "Asif Khan", "officer", PASSWORD, "3 to 40 characters"),
    ("asif", "A", "officer", PASSWORD, "full name"),
    ("asif", "Asif Khan", "admin", PASSWORD,
     "'admin' is not a role; give one or more of: officer, verifier, in-charge"),
    ("asif", "Asif Khan", "officer", "short", "at least 8 characters"),
    ("asif.khan", "Asif Khan", "officer", "ASIF.KHAN", "same as the user name"),
])
def test_account_rules_have_clear_messages(db: Database, username: str, full_name: str,
                                           role: str, password: str, message: str) -> None:
    with pytest.raises(InvalidAccountDetails, match=message), db.write() as session:
        create_user(session, username, full_name, role, password)
    assert not has_users(db)


def test_duplicate_username_is_refused(db: Database, make_user: MakeUser) -> None:
    make_user(db, "asif.khan", "officer")
    with pytest.raises(InvalidAccountDetails, match="already taken"), db.write() as session:
        create_user(session, "ASIF.KHAN", "Another Asif", "officer", PASSWORD)


def test_only_in_charge_creates_users(db: Database, make_user: MakeUser) -> None:
    officer = make_user(db, "asif.khan", "officer")
    with pytest.raises(PermissionDenied, match="Only the in-charge"), db.write() as session:
        create_user(session, "bilal", "Bilal Ahmed", "officer", PASSWORD, created_by=officer)


# --- login -------------------------------------------------------------------------------------


def audit_actions(db: Database) -> list[str]:
    with db.read() as session:
        return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_login_succeeds_and_is_audited(db: Database, make_user: MakeUser) -> None:
    make_user(db, "asif.khan", "officer")
    user = authenticate(db, "Asif.Khan", PASSWORD, now=T0)
    assert user.username == "asif.khan" and user.role == "officer"
    assert audit_actions(db)[-1] == "login"
    with db.read() as session:
        assert session.scalar(select(User.last_login_at)) == T0


def test_failures_are_committed_and_lock_after_five(db: Database, make_user: MakeUser) -> None:
    make_user(db, "asif.khan", "officer")
    for attempt in range(1, 5):
        with pytest.raises(BadCredentials) as caught:
            authenticate(db, "asif.khan", "wrong password", now=T0 + timedelta(seconds=attempt))
        assert caught.value.remaining == 5 - attempt
        with db.read() as session:
            assert session.scalar(select(User.failed_attempts)) == attempt
    with pytest.raises(AccountLocked) as locked:
        authenticate(db, "asif.khan", "wrong password", now=T0 + timedelta(seconds=5))
    assert locked.value.until == T0 + timedelta(seconds=5, minutes=15)
    # the same words as a wrong password: a locked account does not tell that it exists
    assert str(locked.value) == str(BadCredentials(None))
    # Even the right password is refused while locked, and that is audited too.
    with pytest.raises(AccountLocked):
        authenticate(db, "asif.khan", PASSWORD, now=T0 + timedelta(minutes=10))
    assert audit_actions(db)[-6:] == ["login-failed"] * 4 + ["account-locked", "login-refused"]


def test_lock_expires_after_fifteen_minutes(db: Database, make_user: MakeUser) -> None:
    make_user(db, "asif.khan", "officer")
    for second in range(5):
        with pytest.raises((BadCredentials, AccountLocked)):
            authenticate(db, "asif.khan", "nope nope", now=T0 + timedelta(seconds=second))
    user = authenticate(db, "asif.khan", PASSWORD, now=T0 + timedelta(minutes=16))
    assert user.username == "asif.khan"
    with db.read() as session:
        row = session.scalars(select(User)).one()
        assert (row.failed_attempts, row.locked_until) == (0, None)


def test_success_resets_the_failure_count(db: Database, make_user: MakeUser) -> None:
    make_user(db, "asif.khan", "officer")
    for _ in range(4):
        with pytest.raises(BadCredentials):
            authenticate(db, "asif.khan", "nope nope", now=T0)
    authenticate(db, "asif.khan", PASSWORD, now=T0)
    for _ in range(4):
        with pytest.raises(BadCredentials):
            authenticate(db, "asif.khan", "nope nope", now=T0)


def test_unknown_user_reads_exactly_like_a_wrong_password(db: Database,
                                                          make_user: MakeUser) -> None:
    make_user(db, "asif.khan", "officer")
    with pytest.raises(BadCredentials) as unknown:
        authenticate(db, "nobody", PASSWORD, now=T0)
    with pytest.raises(BadCredentials) as wrong:
        authenticate(db, "asif.khan", "wrong password", now=T0)
    assert str(unknown.value) == str(wrong.value)
    assert "Caps Lock" in str(unknown.value)
    assert unknown.value.remaining is None
    assert audit_actions(db)[-2:] == ["login-failed", "login-failed"]


def test_switched_off_account_cannot_log_in(db: Database, make_user: MakeUser) -> None:
    boss = make_user(db, "nadia.iqbal", "in-charge")
    make_user(db, "asif.khan", "officer")
    set_active(db, "asif.khan", False, by=boss, now=T0)
    with pytest.raises(AccountDisabled, match="switched off"):
        authenticate(db, "asif.khan", PASSWORD, now=T0)
    set_active(db, "asif.khan", True, by=boss, now=T0)
    assert authenticate(db, "asif.khan", PASSWORD, now=T0).username == "asif.khan"
    with pytest.raises(InvalidAccountDetails, match="your own account"):
        set_active(db, "nadia.iqbal", False, by=boss)


def test_in_charge_unlocks(db: Database, make_user: MakeUser) -> None:
    boss = make_user(db, "nadia.iqbal", "in-charge")
    officer = make_user(db, "asif.khan", "officer")
    for _ in range(5):
        with pytest.raises((BadCredentials, AccountLocked)):
            authenticate(db, "asif.khan", "nope nope", now=T0)
    with pytest.raises(PermissionDenied):
        unlock_user(db, "asif.khan", by=officer)
    unlock_user(db, "asif.khan", by=boss, now=T0)
    assert authenticate(db, "asif.khan", PASSWORD, now=T0).id == officer.id
    with pytest.raises(UnknownUser, match="no user 'ghost'"):
        unlock_user(db, "ghost", by=boss)


def test_password_changes(db: Database, make_user: MakeUser) -> None:
    boss = make_user(db, "nadia.iqbal", "in-charge")
    officer = make_user(db, "asif.khan", "officer")
    with pytest.raises(InvalidAccountDetails, match="current password is wrong"):
        set_password(db, "asif.khan", "a new password", by=officer, current_password="nope")
    set_password(db, "asif.khan", "a new password", by=officer, current_password=PASSWORD)
    assert authenticate(db, "asif.khan", "a new password").id == officer.id
    with pytest.raises(PermissionDenied):
        set_password(db, "nadia.iqbal", "taken over!", by=officer)
    set_password(db, "asif.khan", "reset by boss", by=boss)
    assert authenticate(db, "asif.khan", "reset by boss").id == officer.id
    with pytest.raises(InvalidAccountDetails, match="at least 8"):
        set_password(db, "asif.khan", "short", by=boss)


def test_require_role() -> None:
    officer = UserInfo(1, "asif.khan", "Asif Khan", "officer")
    boss = UserInfo(2, "nadia.iqbal", "Nadia Iqbal", "in-charge")
    require_role(officer, "officer")
    require_role(boss, "officer")
    require_role(boss, "in-charge")
    with pytest.raises(PermissionDenied) as caught:
        require_role(officer, "in-charge")
    assert "Only the in-charge can do this" in str(caught.value)
    assert "Asif Khan (officer)" in str(caught.value)


def test_login_events_keep_the_chain_intact(db: Database, make_user: MakeUser) -> None:
    make_user(db, "asif.khan", "officer")
    with pytest.raises(BadCredentials):
        authenticate(db, "asif.khan", "bad one!", now=T0)
    authenticate(db, "asif.khan", PASSWORD, now=T0)
    with db.read() as session:
        report = verify_chain(session)
    assert report.ok and report.checked == 3
