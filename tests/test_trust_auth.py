"""Attacks on sign-in: refused commands leave no trace, a password typed as the user name is
not kept, and the answers do not tell which accounts exist."""

from __future__ import annotations

from pathlib import Path

import pytest
from trust_helpers import (
    IN_CHARGE_PASSWORD,
    OFFICER_PASSWORD,
    Run,
    apply,
    make_centre,
    snapshot,
    sql,
)

from khidmat_desk.core.catalogue import get_service


@pytest.fixture
def centre(run: Run, tmp_path: Path) -> Path:
    return make_centre(run, tmp_path / "centre")


def test_a_refused_apply_writes_nothing(run: Run, centre: Path) -> None:
    before = snapshot(centre)
    unknown_key = {**get_service("fir-copy").example, "no_such_field": "x"}
    attempts = [
        apply(run, centre, "fir-copy", unknown_key),
        apply(run, centre, "fir-copy", None, "--token", "7" * 500),
        apply(run, centre, "fir-copy", None, "--documents", "no-such-document"),
    ]
    assert [code for code, _, _ in attempts] == [2, 2, 2], attempts
    assert snapshot(centre) == before


def test_an_officers_refused_action_leaves_no_login_event(run: Run, centre: Path) -> None:
    code, out, err = apply(run, centre, "fir-copy")
    assert code == 0, err
    tracking = out.strip()
    before = snapshot(centre)
    refused = [
        run("status", tracking, "--data-dir", str(centre), "--set", "voided", "--reason",
            "duplicate", "--user", "officer1", "--password-stdin",
            stdin=OFFICER_PASSWORD + "\n"),
        run("audit", "checkpoint", "--data-dir", str(centre), "--user", "officer1",
            "--password-stdin", stdin=OFFICER_PASSWORD + "\n"),
        run("sync", "--quarantined", "--data-dir", str(centre), "--user", "officer1",
            "--password-stdin", stdin=OFFICER_PASSWORD + "\n"),
    ]
    assert all(code != 0 for code, _, _ in refused), refused
    assert snapshot(centre) == before


def test_a_successful_command_records_its_sign_in(run: Run, centre: Path) -> None:
    code, _, err = apply(run, centre, "fir-copy")
    assert code == 0, err
    actions = [row[0] for row in sql(centre, "SELECT action FROM audit_event ORDER BY id")]
    assert actions[-2:] == ["application-submitted", "login"]


def test_a_password_typed_as_the_user_name_is_not_kept(run: Run, centre: Path) -> None:
    secret = "MySecret-Passw0rd"
    code, _, err = apply(run, centre, "fir-copy", None, user=secret, password=secret)
    assert code == 2
    assert secret.lower() not in err.lower()
    events = sql(centre, "SELECT actor, entity_id, details FROM audit_event "
                         "WHERE action = 'login-failed'")
    assert events and all(secret.lower() not in str(e).lower() for e in events)
    log = (centre / "logs" / "khidmat.log").read_text("utf-8")
    assert secret.lower() not in log.lower() and secret not in log


def test_a_locked_account_answers_exactly_as_an_unknown_one(run: Run, centre: Path) -> None:
    def answer(user: str) -> tuple[int, str]:
        code, _, err = apply(run, centre, "fir-copy", None, user=user, password="wrong-guess")
        return code, err.replace(user, "NAME")

    for _ in range(5):
        answer("officer1")
    locked = answer("officer1")
    unknown = [answer("nobody.here") for _ in range(6)]
    assert all(a == locked for a in unknown)
    # and the right password while locked reads the same too
    code, _, err = apply(run, centre, "fir-copy", None)
    assert (code, err) == locked


def test_the_in_charge_still_sees_who_is_locked(run: Run, centre: Path) -> None:
    for _ in range(5):
        apply(run, centre, "fir-copy", None, password="wrong-guess")
    events = [row[0] for row in sql(centre, "SELECT action FROM audit_event "
                                            "WHERE entity_id = 'officer1'")]
    assert "account-locked" in events
    assert sql(centre, "SELECT locked_until IS NOT NULL FROM app_user "
                       "WHERE username = 'officer1'")[0][0] == 1


def test_failed_sign_ins_still_count_when_the_command_is_refused(run: Run,
                                                                 centre: Path) -> None:
    apply(run, centre, "fir-copy", None, user="incharge", password="wrong-guess")
    assert sql(centre, "SELECT failed_attempts FROM app_user "
                       "WHERE username = 'incharge'")[0][0] == 1
    code, _, err = apply(run, centre, "fir-copy", None, user="incharge",
                         password=IN_CHARGE_PASSWORD)
    assert code == 0, err
    assert sql(centre, "SELECT failed_attempts FROM app_user "
                       "WHERE username = 'incharge'")[0][0] == 0
