"""Administration: only the in-charge adds accounts, changes roles, resets passwords and
switches accounts off; every change is audited; the last in-charge stays; a switched-off
account is told so clearly."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from khidmat_desk.app import admin
from khidmat_desk.auth.users import (
    AccountDisabled,
    AccountLocked,
    BadCredentials,
    InvalidAccountDetails,
    PermissionDenied,
    UserInfo,
    authenticate,
)
from khidmat_desk.store.audit import verify_chain
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import AuditEvent, User, UserRole

PASSWORD = "correct horse 1"


def audit(db: Database) -> list[tuple[str, str, str, dict[str, Any]]]:
    with db.read() as session:
        assert verify_chain(session).ok
        return [(e.actor, e.action, e.entity_id, e.details) for e in session.scalars(
            select(AuditEvent).order_by(AuditEvent.id))]


def test_the_in_charge_adds_a_verifier_who_can_sign_in(db: Database,
                                                       in_charge: UserInfo) -> None:
    made = admin.add_user(db, by=in_charge, username="Sana.Javed", full_name="Sana Javed",
                          roles={"officer", "verifier"}, password="verify-it-2026")
    assert made.username == "sana.javed" and made.roles == {"officer", "verifier"}
    signed_in = authenticate(db, "sana.javed", "verify-it-2026")
    assert signed_in.roles == {"officer", "verifier"} and signed_in.role == "verifier"
    assert signed_in.may("verifier") and signed_in.may("officer")
    assert not signed_in.may("in-charge")
    created = [e for e in audit(db) if e[1] == "user-created" and e[2] == "sana.javed"]
    assert created[0][0] == "nadia.iqbal"
    assert created[0][3]["roles"] == ["officer", "verifier"]


@pytest.mark.parametrize("action", ["add", "roles", "password", "disable", "enable", "list",
                                    "unlock"])
def test_an_officer_is_refused_every_administration(
        db: Database, officer: UserInfo, verifier: UserInfo, action: str) -> None:
    calls = {
        "add": lambda: admin.add_user(db, by=officer, username="new.one", full_name="New One",
                                      roles="officer", password="new-one-2026"),
        "roles": lambda: admin.set_user_roles(db, by=officer, username="asif.khan",
                                              roles={"in-charge"}),
        "password": lambda: admin.reset_password(db, by=officer, username="bilal.ahmed",
                                                 new_password="taken-over-1"),
        "disable": lambda: admin.disable_user(db, by=officer, username="bilal.ahmed"),
        "enable": lambda: admin.enable_user(db, by=officer, username="bilal.ahmed"),
        "list": lambda: admin.list_accounts(db, by=officer),
        "unlock": lambda: admin.unlock_user(db, by=officer, username="bilal.ahmed"),
    }
    before = audit(db)
    with pytest.raises(PermissionDenied, match=r"Only the in-charge can do this\. You are "
                                               r"signed in as Asif Khan \(officer\)"):
        calls[action]()
    assert audit(db) == before
    authenticate(db, "bilal.ahmed", PASSWORD)  # nothing was changed


def test_roles_change_and_are_audited(db: Database, in_charge: UserInfo,
                                      officer: UserInfo) -> None:
    roles = admin.set_user_roles(db, by=in_charge, username="asif.khan",
                                 roles={"officer", "verifier"})
    assert roles == {"officer", "verifier"}
    assert authenticate(db, "asif.khan", PASSWORD).roles == {"officer", "verifier"}
    admin.set_user_roles(db, by=in_charge, username="asif.khan", roles={"verifier"})
    assert authenticate(db, "asif.khan", PASSWORD).roles == {"verifier"}
    changes = [{k: v for k, v in e[3].items() if k != "state"}  # state: the account's digest
               for e in audit(db) if e[1] == "user-roles-changed"]
    assert changes == [{"before": ["officer"], "after": ["officer", "verifier"]},
                       {"before": ["officer", "verifier"], "after": ["verifier"]}]
    with pytest.raises(InvalidAccountDetails, match="'clerk' is not a role"):
        admin.set_user_roles(db, by=in_charge, username="asif.khan", roles={"clerk"})
    with pytest.raises(InvalidAccountDetails, match="'no role' is not a role"):
        admin.set_user_roles(db, by=in_charge, username="asif.khan", roles=set())


def test_the_last_in_charge_stays(db: Database, in_charge: UserInfo, make_user: Any) -> None:
    with pytest.raises(InvalidAccountDetails, match="own account"):
        admin.disable_user(db, by=in_charge, username="nadia.iqbal")
    with pytest.raises(InvalidAccountDetails, match="last in-charge who can sign in"):
        admin.set_user_roles(db, by=in_charge, username="nadia.iqbal", roles={"officer"})
    second = make_user(db, "kamran.awan", "in-charge")
    admin.disable_user(db, by=second, username="nadia.iqbal")  # another in-charge remains
    with pytest.raises(AccountDisabled):
        authenticate(db, "nadia.iqbal", PASSWORD)
    with pytest.raises(InvalidAccountDetails, match="last in-charge"):
        admin.set_user_roles(db, by=second, username="kamran.awan", roles={"verifier"})
    with db.read() as session:
        assert session.scalar(select(User.role).where(User.username == "kamran.awan")) \
            == "in-charge"


def test_a_switched_off_account_is_told_so_and_its_open_session_stops(
        db: Database, in_charge: UserInfo, officer: UserInfo, tariff: Any) -> None:
    from intake_helpers import counter_context, intake

    from khidmat_desk.app.applications import change_status, submit_application

    tracking = submit_application(counter_context(db, officer, tariff),
                                  intake("police-verification")).tracking_number
    admin.disable_user(db, by=in_charge, username="asif.khan")
    with pytest.raises(AccountDisabled):  # still signed in at the counter: the next step stops
        change_status(db, tracking, "in-verification", user=officer)
    with pytest.raises(AccountDisabled, match=r"This account has been switched off\. Ask the "
                                              r"in-charge\."):
        authenticate(db, "asif.khan", PASSWORD)
    with pytest.raises(BadCredentials):  # a wrong password does not reveal the state
        authenticate(db, "asif.khan", "not the password")
    admin.enable_user(db, by=in_charge, username="asif.khan")
    authenticate(db, "asif.khan", PASSWORD)
    actions = [e[1] for e in audit(db) if e[2] == "asif.khan"]
    assert "user-switched-off" in actions and "user-switched-on" in actions


def test_a_reset_password_works_and_the_old_one_does_not(
        db: Database, in_charge: UserInfo, officer: UserInfo) -> None:
    for _ in range(5):
        with pytest.raises((BadCredentials, AccountLocked)):
            authenticate(db, "asif.khan", "wrong wrong 1")
    admin.reset_password(db, by=in_charge, username="asif.khan", new_password="fresh-start-26")
    authenticate(db, "asif.khan", "fresh-start-26")  # also unlocked
    with pytest.raises(BadCredentials):
        authenticate(db, "asif.khan", PASSWORD)
    with pytest.raises(InvalidAccountDetails):
        admin.reset_password(db, by=in_charge, username="asif.khan", new_password="short")
    events = [e for e in audit(db) if e[1] == "password-changed"]
    assert events[-1][0] == "nadia.iqbal" and events[-1][3]["reset_by_in_charge"] is True


def test_an_in_charge_stripped_of_the_role_is_refused_at_once(
        db: Database, in_charge: UserInfo, make_user: Any) -> None:
    second = make_user(db, "kamran.awan", "in-charge")
    admin.set_user_roles(db, by=second, username="nadia.iqbal", roles={"officer"})
    with pytest.raises(PermissionDenied, match="Only the in-charge"):
        admin.add_user(db, by=in_charge, username="new.one", full_name="New One",
                       roles="officer", password="new-one-2026")  # signed in as in-charge


def test_the_central_account_is_not_listed(db: Database, in_charge: UserInfo) -> None:
    from datetime import UTC, datetime

    from khidmat_desk.app.sync_changes import _central_account

    with db.write() as session:
        _central_account(session, datetime.now(UTC))
    names = [a.username for a in admin.list_accounts(db, by=in_charge)]
    assert names == ["nadia.iqbal"]


def test_existing_accounts_keep_their_role_after_the_upgrade(db: Database,
                                                            officer: UserInfo) -> None:
    with db.read() as session:
        rows = session.execute(select(UserRole.role).join(User, User.id == UserRole.user_id)
                               .where(User.username == "asif.khan")).scalars().all()
    assert rows == ["officer"]


def test_accounts_made_before_roles_keep_their_role(tmp_path: Any) -> None:
    """A database from before several roles per person: each account's role is carried over."""
    from sqlalchemy import text

    from khidmat_desk.auth.passwords import hash_password
    from khidmat_desk.store import migrate
    from khidmat_desk.store.db import Database, open_database, sqlite_url

    url = sqlite_url(tmp_path / "counter.sqlite3")
    old = Database(url)
    migrate.upgrade(old.engine, None, revision="0004_sync")
    with old.engine.begin() as connection:
        for n, (name, role) in enumerate((("asif.khan", "officer"),
                                          ("nadia.iqbal", "in-charge")), start=1):
            connection.execute(text(
                "INSERT INTO app_user (id, username, full_name, role, password_hash, "
                "failed_attempts, active, created_at, updated_at) VALUES (:id, :name, :name, "
                ":role, :hash, 0, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"),
                {"id": n, "name": name, "role": role, "hash": hash_password(PASSWORD)})
    old.dispose()
    db = open_database(url, backup_dir=tmp_path / "backups")
    try:
        assert authenticate(db, "asif.khan", PASSWORD).roles == {"officer"}
        head = authenticate(db, "nadia.iqbal", PASSWORD)
        assert head.roles == {"in-charge"} and head.may("verifier")
    finally:
        db.dispose()
