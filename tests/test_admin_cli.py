"""The in-charge's commands: `users`, `applications` (every counter) and `finding`, with their
refusals as one line and the exit codes of the command line."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_helpers import cli_init

from khidmat_desk.core.catalogue import get_service

PASSWORD = "incharge-pass-1"
Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def folder(tmp_path: Path, run: Run) -> Path:
    folder = tmp_path / "centre"
    cli_init(run, folder, PASSWORD, counter=2, name="Liberty Market")
    return folder


def as_in_charge(run: Run, folder: Path, *argv: str, second: str | None = None
                 ) -> tuple[int, str, str]:
    lines = PASSWORD + "\n" + (f"{second}\n" if second else "")
    return run(*argv, "--data-dir", str(folder), "--user", "incharge", "--password-stdin",
               stdin=lines)


def as_user(run: Run, folder: Path, user: str, password: str, *argv: str
            ) -> tuple[int, str, str]:
    return run(*argv, "--data-dir", str(folder), "--user", user, "--password-stdin",
               stdin=password + "\n")


def add(run: Run, folder: Path, name: str, roles: str, password: str) -> None:
    code, out, err = as_in_charge(run, folder, "users", "add", name, "--full-name",
                                  name.replace(".", " ").title(), "--role", roles,
                                  second=password)
    assert code == 0, err
    assert out.startswith(f"added {name} (")


def test_users_add_list_roles_and_disable(run: Run, folder: Path) -> None:
    add(run, folder, "asma.bibi", "officer", "officer-pass-1")
    add(run, folder, "bilal.ahmed", "officer,verifier", "verifier-pass-1")
    code, out, _ = as_in_charge(run, folder, "users", "list", "--json")
    listed = {a["username"]: a for a in json.loads(out)}
    assert listed["bilal.ahmed"]["roles"] == ["officer", "verifier"]
    assert listed["incharge"]["roles"] == ["in-charge"]
    code, out, _ = as_in_charge(run, folder, "users", "roles", "asma.bibi", "--role",
                                "verifier")
    assert (code, out) == (0, "asma.bibi: verifier\n")
    code, out, _ = as_in_charge(run, folder, "users", "disable", "asma.bibi")
    assert (code, out) == (0, "asma.bibi: disabled\n")
    code, _, err = as_user(run, folder, "asma.bibi", "officer-pass-1", "users", "list")
    assert code == 1
    assert err == "khidmat-desk: error: This account has been switched off. Ask the in-charge.\n"
    code, _, err = as_in_charge(run, folder, "users", "passwd", "asma.bibi",
                                second="renewed-pass-26")
    assert code == 0, err
    assert as_in_charge(run, folder, "users", "enable", "asma.bibi")[0] == 0
    code, _, err = as_user(run, folder, "asma.bibi", "renewed-pass-26", "users", "list")
    assert code == 1 and "signed in as Asma Bibi (verifier)" in err  # back, new password


def test_only_the_in_charge_administers(run: Run, folder: Path) -> None:
    add(run, folder, "asma.bibi", "officer", "officer-pass-1")
    code, _, err = run("users", "add", "new.one", "--full-name", "New One", "--role",
                       "in-charge", "--data-dir", str(folder), "--user", "asma.bibi",
                       "--password-stdin", stdin="officer-pass-1\nnew-pass-2026\n")
    assert code == 1
    assert "Only the in-charge can do this. You are signed in as Asma Bibi (officer)" in err
    code, _, err = as_user(run, folder, "asma.bibi", "officer-pass-1", "applications")
    assert code == 1 and "Only the in-charge" in err


def test_the_last_in_charge_cannot_be_switched_off_or_demoted(run: Run, folder: Path) -> None:
    code, _, err = as_in_charge(run, folder, "users", "disable", "incharge")
    assert code == 2 and "own account" in err
    code, _, err = as_in_charge(run, folder, "users", "roles", "incharge", "--role", "officer")
    assert code == 2 and "last in-charge who can sign in" in err


@pytest.mark.parametrize("argv,message", [
    (("users", "add", "x.y", "--role", "officer"), "--full-name"),
    (("users", "add", "x.y", "--full-name", "X Y", "--role", "boss"), "--role: 'boss'"),
    (("users", "disable"), "NAME:"),
    (("applications", "--status", "lost"), "'lost' is not a status"),
])
def test_bad_arguments_are_named(run: Run, folder: Path, argv: tuple[str, ...],
                                 message: str) -> None:
    code, _, err = as_in_charge(run, folder, *argv)
    assert code == 2 and message in err, err


def test_findings_and_the_centre_list_from_the_command_line(
        run: Run, folder: Path, tmp_path: Path) -> None:
    add(run, folder, "asma.bibi", "officer", "officer-pass-1")
    add(run, folder, "bilal.ahmed", "verifier", "verifier-pass-1")
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(get_service("character-certificate").example))
    made = []
    for _ in range(2):
        code, out, err = as_user(run, folder, "asma.bibi", "officer-pass-1", "apply",
                                 "character-certificate", "--answers", str(answers))
        assert code == 0, err
        made.append(out.strip())
    first, second = made
    code, _, err = as_user(run, folder, "asma.bibi", "officer-pass-1", "finding", first,
                           "--outcome", "verified", "--record-status", "not-involved",
                           "--reference", "CRO 1/2026")
    assert code == 1 and "Only a verifier or the in-charge" in err
    code, _, err = as_user(run, folder, "bilal.ahmed", "verifier-pass-1", "finding", first,
                           "--outcome", "rejected", "--record-status", "wanted",
                           "--reference", "CRO 2/2026")
    assert code == 2 and err.startswith("khidmat-desk: error: --remark: a rejection needs")
    code, out, err = as_user(run, folder, "bilal.ahmed", "verifier-pass-1", "finding", first,
                             "--outcome", "verified", "--record-status", "not-involved",
                             "--reference", "CRO 1/2026", "--reference-date", "2026-01-05")
    assert code == 0, err
    assert out == f"{first}  verified  not-involved  (version 3)\n"
    code, out, _ = run("finding", first, "--data-dir", str(folder))
    assert "verified: Not involved; CRO / police-station report no. CRO 1/2026 of " \
           "2026-01-05; recorded by bilal.ahmed" in out
    code, out, _ = as_in_charge(run, folder, "applications", "--status", "verified", "--json")
    rows = json.loads(out)
    assert [r["summary"]["tracking_number"] for r in rows] == [first]
    assert rows[0]["officer"] == "asma.bibi" and rows[0]["overdue"] is False
    code, out, _ = as_in_charge(run, folder, "applications", "--officer", "asma.bibi")
    assert code == 0 and first in out and second in out
    code, _, err = as_in_charge(run, folder, "applications", "--overdue")
    assert code == 1 and err == "no application matches\n"
