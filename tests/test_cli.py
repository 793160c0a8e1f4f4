"""The command line: exit codes, one-line messages naming the field, nothing written on failure."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cli_helpers import cli_init

from khidmat_desk import __version__
from khidmat_desk.core.catalogue import SERVICE_CODES, get_service

PASSWORD = "incharge-pass-1"
OFFICER_PASSWORD = "officer-pass-1"

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def data_dir(tmp_path: Path, run: Run) -> Path:
    folder = tmp_path / "centre"
    assert "Centre LHR01" in cli_init(run, folder, PASSWORD, centre="lhr01")
    _add_officer(folder)
    return folder


def _add_officer(folder: Path) -> None:
    from khidmat_desk.app.settings import CounterSettings
    from khidmat_desk.auth.users import create_user
    from khidmat_desk.store.db import open_database

    db = open_database(CounterSettings.load(folder).database_url)
    with db.write() as session:
        create_user(session, "officer1", "Asma Bibi", "officer", OFFICER_PASSWORD)
    db.dispose()


def snapshot(folder: Path) -> dict[str, list[Any]]:
    """Every row of every table, to prove a failed command wrote nothing."""
    with sqlite3.connect(folder / "khidmat.sqlite3") as con:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: con.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}


def answers_file(tmp_path: Path, answers: dict[str, Any], name: str = "answers.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(answers, ensure_ascii=False), "utf-8")
    return str(path)


def apply(run: Run, folder: Path, tmp_path: Path, service: str,
          answers: dict[str, Any], *extra: str, password: str = OFFICER_PASSWORD,
          user: str = "officer1") -> tuple[int, str, str]:
    return run("apply", service, "--data-dir", str(folder), "--answers",
               answers_file(tmp_path, answers), "--user", user, "--password-stdin", *extra,
               stdin=password + "\n")


def test_version(run: Run) -> None:
    with pytest.raises(SystemExit) as done:
        run("--version")
    assert done.value.code == 0


def test_entry_point_runs_as_a_program(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("khidmat-desk")
    out = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=False)
    assert (out.returncode, out.stdout.strip()) == (0, f"khidmat-desk {__version__}")
    bad = subprocess.run([str(exe), "find", "x", "--data-dir", str(tmp_path / "none")],
                         capture_output=True, text=True, check=False)
    assert bad.returncode == 2
    assert bad.stderr.count("\n") == 1 and "--data-dir" in bad.stderr
    assert not (tmp_path / "none").exists()


def test_init_creates_centre_settings_and_in_charge(data_dir: Path) -> None:
    settings = json.loads((data_dir / "settings.json").read_text())
    assert (settings["centre_code"], settings["counter"]) == ("LHR01", 7)
    rows = snapshot(data_dir)
    assert rows["centre"] == [("LHR01", "Liberty Market Khidmat Markaz", "Lahore")]
    assert any("in-charge" in row for row in rows["app_user"])


@pytest.mark.parametrize(("option", "value", "named"), [
    ("--district", "Karachi", "--district"),
    ("--centre-code", "L", "--centre-code"),
    ("--counter", "0", "--counter"),
])
def test_init_bad_input_names_the_argument_and_writes_nothing(
        run: Run, tmp_path: Path, option: str, value: str, named: str) -> None:
    args = {"--centre-code": "LHR01", "--centre-name": "Liberty", "--district": "Lahore",
            "--counter": "1", "--user": "incharge", option: value}
    folder = tmp_path / "new"
    code, _, err = run("init", "--data-dir", str(folder), *[x for kv in args.items() for x in kv],
                       "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 2
    assert err.startswith("khidmat-desk: error: " + named) and err.count("\n") == 1
    assert not folder.exists()


def test_init_weak_password_is_refused(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "new"
    code, _, err = run("init", "--data-dir", str(folder), "--centre-code", "LHR01",
                       "--centre-name", "Liberty", "--district", "Lahore", "--counter", "1",
                       "--user", "incharge", "--password-stdin", stdin="abc\n")
    assert code == 2 and "password" in err
    assert not folder.exists()


def test_init_twice_is_refused_and_changes_nothing(run: Run, data_dir: Path) -> None:
    before = snapshot(data_dir)
    code, _, err = run("init", "--data-dir", str(data_dir), "--centre-code", "RWP01",
                       "--centre-name", "Saddar", "--district", "Rawalpindi", "--counter", "1",
                       "--user", "boss", "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 2 and "--data-dir" in err and "LHR01" in err
    assert snapshot(data_dir) == before


def test_services_lists_all_fifteen(run: Run) -> None:
    code, out, _ = run("services")
    assert code == 0
    for service_code in SERVICE_CODES:
        assert service_code in out


def test_services_json_is_complete(run: Run) -> None:
    code, out, _ = run("services", "--json")
    data = json.loads(out)
    assert code == 0 and len(data["services"]) == 15
    assert all(f["step"] for s in data["services"] for f in s["fields"])


@pytest.mark.parametrize("service_code", SERVICE_CODES)
def test_every_service_example_applies(run: Run, data_dir: Path, tmp_path: Path,
                                       service_code: str) -> None:
    code, out, err = apply(run, data_dir, tmp_path, service_code,
                           get_service(service_code).example)
    assert code == 0, err
    tracking = out.strip()
    assert tracking.startswith("LHR01-") and "-07-" in tracking
    found = run("find", tracking, "--data-dir", str(data_dir), "--json")
    assert found[0] == 0
    assert json.loads(found[1])["items"][0]["service_code"] == service_code


def test_apply_invalid_answers_names_the_field_and_writes_nothing(
        run: Run, data_dir: Path, tmp_path: Path) -> None:
    before = snapshot(data_dir)
    answers = {**get_service("police-verification").example, "cnic": "35202-123"}
    code, out, err = apply(run, data_dir, tmp_path, "police-verification", answers)
    assert code == 2 and out == ""
    assert "CNIC" in err and "13 digits" in err and err.count("\n") == 1
    assert snapshot(data_dir) == before


def test_apply_requires_documents_like_the_wizard(run: Run, data_dir: Path,
                                                   tmp_path: Path) -> None:
    before = snapshot(data_dir)
    code, _, err = apply(run, data_dir, tmp_path, "police-verification",
                         get_service("police-verification").example, "--documents", "none")
    assert code == 2 and "has not been received" in err
    assert snapshot(data_dir) == before


@pytest.mark.parametrize(("content", "message"), [
    (None, "cannot read"), ("{not json", "not valid JSON"), ("[1, 2]", "one JSON object")])
def test_apply_bad_answers_file(run: Run, data_dir: Path, tmp_path: Path,
                                content: str | None, message: str) -> None:
    path = tmp_path / "bad.json"
    if content is not None:
        path.write_text(content)
    code, _, err = run("apply", "police-verification", "--data-dir", str(data_dir), "--answers",
                       str(path), "--user", "officer1", "--password-stdin",
                       stdin=OFFICER_PASSWORD + "\n")
    assert code == 2 and err.startswith("khidmat-desk: error: --answers") and message in err


def test_apply_unknown_service(run: Run, data_dir: Path, tmp_path: Path) -> None:
    code, _, err = apply(run, data_dir, tmp_path, "passport-renewal", {})
    assert code == 2 and "SERVICE" in err and "passport-renewal" in err


def test_wrong_password_then_lockout(run: Run, data_dir: Path, tmp_path: Path) -> None:
    example = get_service("lost-report").example
    for _ in range(4):
        code, _, err = apply(run, data_dir, tmp_path, "lost-report", example, password="nope")
        assert code == 2 and "password" in err
    code, _, err = apply(run, data_dir, tmp_path, "lost-report", example, password="nope")
    assert code in (1, 2)
    code, _, err = apply(run, data_dir, tmp_path, "lost-report", example)
    # locked: the same answer as a wrong password, so it does not tell the account exists
    assert code == 2 and "locked" in err.lower()
    assert snapshot(data_dir)["application"] == []


def test_a_switched_off_account_is_a_one_line_refusal(run: Run, data_dir: Path,
                                                    tmp_path: Path) -> None:
    from khidmat_desk.app.settings import CounterSettings
    from khidmat_desk.auth.users import authenticate, set_active
    from khidmat_desk.store.db import open_database

    db = open_database(CounterSettings.load(data_dir).database_url)
    try:
        set_active(db, "officer1", False, by=authenticate(db, "incharge", PASSWORD))
    finally:
        db.dispose()
    code, out, err = apply(run, data_dir, tmp_path, "lost-report",
                           get_service("lost-report").example)
    assert (code, out) == (1, "")
    assert err == "khidmat-desk: error: This account has been switched off. Ask the in-charge.\n"


def test_commands_need_an_initialised_data_dir(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    code, _, err = run("find", "Imran", "--data-dir", str(folder))
    assert code == 2 and "--data-dir" in err
    assert not folder.exists()


def test_find_by_each_kind_and_mistyped_tracking(run: Run, data_dir: Path,
                                                 tmp_path: Path) -> None:
    tracking = apply(run, data_dir, tmp_path, "police-verification",
                     get_service("police-verification").example)[1].strip()
    folder = str(data_dir)
    for query in (tracking, tracking.lower().replace("-", ""), "35202-1234567-1",
                  "0300 1234567", "imran", "Muhammad Im", "محمد"):
        code, out, err = run("find", query, "--data-dir", folder)
        assert code == 0, (query, err)
        assert tracking in out, query
    typo = tracking[:-3] + ("8" if tracking[-3] != "8" else "9") + tracking[-2:]
    code, _, err = run("find", typo, "--data-dir", folder)
    assert code == 2 and "check character" in err
    code, _, err = run("find", "Zzyzx", "--data-dir", folder)
    assert code == 1 and "no application" in err


def test_status_workflow_and_roles(run: Run, data_dir: Path, tmp_path: Path) -> None:
    tracking = apply(run, data_dir, tmp_path, "character-certificate",
                     get_service("character-certificate").example)[1].strip()
    folder = str(data_dir)

    def set_status(status: str, *extra: str, user: str = "officer1",
                   password: str = OFFICER_PASSWORD) -> tuple[int, str, str]:
        return run("status", tracking, "--data-dir", folder, "--set", status, *extra,
                   "--user", user, "--password-stdin", stdin=password + "\n")

    before = snapshot(data_dir)
    code, _, err = set_status("delivered")
    assert code == 2 and "submitted" in err and "delivered" in err
    assert snapshot(data_dir) == before
    assert set_status("in-verification")[0] == 0
    code, _, err = set_status("voided", "--reason", "duplicate entry")
    assert code == 1 and "in-charge" in err
    assert set_status("voided", "--reason", "duplicate entry", user="incharge",
                      password=PASSWORD)[0] == 0
    code, out, _ = run("status", tracking, "--data-dir", folder)
    assert code == 0 and "voided" in out and "duplicate entry" in out


def test_fir_copy_handover_is_recorded_from_the_command_line(run: Run, data_dir: Path,
                                                             tmp_path: Path) -> None:
    tracking = apply(run, data_dir, tmp_path, "fir-copy",
                     get_service("fir-copy").example)[1].strip()
    folder = str(data_dir)
    facts = {"pages": 4, "attested_by_name": "Ghulam Mustafa",
             "attested_by_rank": "Moharrir (Head Constable)", "attested_on": "2024-01-02"}
    answers = tmp_path / "handover.json"

    def hand_over(**changes: object) -> tuple[int, str, str]:
        answers.write_text(json.dumps({**facts, **changes}), "utf-8")
        return run("handover", tracking, "--answers", str(answers), "--cnic",
                   "35202-1234567-1", "--data-dir", folder, "--user", "incharge",
                   "--password-stdin", stdin=PASSWORD + "\n")

    code, _, err = hand_over()
    assert code == 2 and "submitted" in err, "only a copy that is ready can be handed over"
    signed_in = ("--data-dir", folder, "--user", "incharge", "--password-stdin")
    assert run("status", tracking, "--set", "in-verification", *signed_in,
               stdin=PASSWORD + "\n")[0] == 0
    assert run("finding", tracking, "--outcome", "verified", "--record-status",
               "nothing-adverse", "--reference", "PS Gulberg 5/2024", *signed_in,
               stdin=PASSWORD + "\n")[0] == 0
    assert run("status", tracking, "--set", "ready", *signed_in, stdin=PASSWORD + "\n")[0] == 0
    code, _, err = hand_over(pages="many")
    assert code == 2 and "Pages of the attested copy" in err
    code, out, err = hand_over()
    assert code == 0 and "delivered" in out, err
    code, out, _ = run("status", tracking, "--data-dir", folder)
    assert "delivered" in out


def test_audit_verify_detects_tampering(run: Run, data_dir: Path, tmp_path: Path) -> None:
    apply(run, data_dir, tmp_path, "fir-copy", get_service("fir-copy").example)
    code, out, _ = run("audit", "verify", "--data-dir", str(data_dir))
    assert code == 0 and "intact" in out
    with sqlite3.connect(data_dir / "khidmat.sqlite3") as con:
        first = con.execute("SELECT min(id) FROM audit_event").fetchone()[0]
        con.execute("UPDATE audit_event SET actor='someone' WHERE id=?", (first + 1,))
    code, _, err = run("audit", "verify", "--data-dir", str(data_dir))
    assert code == 1 and f"event {first + 1}" in err
