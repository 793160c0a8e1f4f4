"""`khidmat-desk sync` and `export`, and `khidmat-central`: exit codes, messages, real runs."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cli_helpers import cli_init
from intake_helpers import counter_context, intake
from sqlalchemy import delete, select, update
from sync_helpers import CLI_PASSWORD as PASSWORD
from sync_helpers import FRIDAY, Central, Run

from khidmat_central import cli as central_cli
from khidmat_central.schema import Record, Token
from khidmat_central.tokens import token_hash
from khidmat_desk.app.applications import submit_application
from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.auth.users import authenticate
from khidmat_desk.core.catalogue import Tariff
from khidmat_desk.store.db import open_database


def submit(folder: Path, tariff: Tariff, count: int, *, now: datetime = FRIDAY) -> list[str]:
    db = open_database(CounterSettings.load(folder).database_url)
    try:
        ctx = counter_context(db, authenticate(db, "incharge", PASSWORD), tariff, counter=7)
        return [submit_application(ctx, intake("police-verification"), now=now).tracking_number
                for _ in range(count)]
    finally:
        db.dispose()


def test_sync_needs_setting_up_first(run: Run, data_dir: Path) -> None:
    code, _, err = run("sync", "--once", "--data-dir", str(data_dir))
    assert code == 2
    assert "no central server is set" in err and len(err.strip().splitlines()) == 1


def test_setup_refuses_plain_http_to_another_machine(run: Run, data_dir: Path) -> None:
    code, _, err = run("sync", "--setup", "--server", "http://sync.punjabpolice.gov.pk",
                       "--token-stdin", "--data-dir", str(data_dir), stdin="kd1_x\n")
    assert code == 2 and "--server" in err and "HTTPS" in err
    assert CounterSettings.load(data_dir).get("sync_server") == ""
    code, _, err = run("sync", "--setup", "--server", "https://sync.example.pk",
                       "--data-dir", str(data_dir))
    assert code == 2 and err.startswith("khidmat-desk: error: --token-stdin")


def test_once_verify_and_the_exit_codes(run: Run, data_dir: Path, central: Central,
                                        tariff: Tariff) -> None:
    token = central.token()
    code, out, err = run("sync", "--setup", "--server", central.url, "--token-stdin",
                         "--data-dir", str(data_dir), stdin=token + "\n")
    assert code == 0, err
    assert "protected files" in out and token not in out
    assert token not in (data_dir / "settings.json").read_text()
    tracking = submit(data_dir, tariff, 3)
    code, out, err = run("sync", "--once", "--data-dir", str(data_dir))
    assert (code, err) == (0, "")
    assert out.startswith("sent 3, already there 0, refused 0") and "waiting 0" in out
    code, out, _ = run("sync", "--verify", "--date", "2026-03-06", "--data-dir", str(data_dir))
    assert code == 0 and "holds all 3 record versions" in out
    with central.db.write() as session:  # the server loses one record
        session.execute(delete(Record).where(Record.tracking_number == tracking[1]))
    code, out, err = run("sync", "--verify", "--date", "2026-03-06", "--data-dir",
                         str(data_dir))
    assert code == 1
    assert f"missing on the server: {tracking[1]} version 1" in out
    assert "not in the outbox either" in out and "missing 1 of 3" in err


def test_once_exits_3_while_the_server_cannot_be_reached(
        run: Run, data_dir: Path, tariff: Tariff) -> None:
    run("sync", "--setup", "--server", "http://127.0.0.1:9", "--token-stdin",
        "--data-dir", str(data_dir), stdin="kd1_unused\n")
    submit(data_dir, tariff, 2)
    code, out, _ = run("sync", "--once", "--data-dir", str(data_dir))
    assert code == 3
    assert "waiting 2" in out and "offline" in out and "cannot reach" in out


def test_the_token_variable_wins_over_the_stored_token(
        run: Run, data_dir: Path, central: Central, tariff: Tariff,
        monkeypatch: pytest.MonkeyPatch) -> None:
    stored = central.token()
    assert run("sync", "--setup", "--server", central.url, "--token-stdin",
               "--data-dir", str(data_dir), stdin=stored + "\n")[0] == 0
    with central.db.write() as session:  # the central staff revoke it
        session.execute(update(Token).where(Token.token_hash == token_hash(stored))
                        .values(revoked_at=datetime.now(UTC)))
    submit(data_dir, tariff, 1)
    code, out, _ = run("sync", "--once", "--data-dir", str(data_dir))
    assert code == 3 and "refused this counter's token" in out
    monkeypatch.setenv("KHIDMAT_SYNC_TOKEN", central.token())
    code, out, _ = run("sync", "--once", "--data-dir", str(data_dir))
    assert code == 0 and out.startswith("sent 1")


def test_export_and_central_import_of_a_bundle(run: Run, data_dir: Path, central: Central,
                                               tariff: Tariff, tmp_path: Path) -> None:
    submit(data_dir, tariff, 4)
    out_file = tmp_path / "usb" / "lhr01.bundle"
    code, out, err = run("export", "--format", "bundle", "--out", str(out_file), "--user",
                         "incharge", "--password-stdin", "--data-dir", str(data_dir),
                         stdin=PASSWORD + "\n")
    assert code == 0, err
    assert "4 records" in out
    public_key = out.rsplit("signed by key ", 1)[1].strip()
    tariff_file = tmp_path / "province-tariff.json"
    tariff_file.write_text(json.dumps({"fees": tariff.fees}), "utf-8")
    db_args = ["--db", central.db.url, "--tariff", str(tariff_file)]
    code, _, err = run("import", str(out_file), *db_args, program=central_cli.main)
    assert code == 2 and "does not know" in err
    code, out, _ = run("key", "add", "--centre", "LHR01", "--counter", "7", public_key,
                       "--db", central.db.url, program=central_cli.main)
    assert code == 0
    code, out, _ = run("import", str(out_file), *db_args, program=central_cli.main)
    assert (code, out.strip()) == (0, "bundle of LHR01 counter 7: 4 accepted, "
                                      "0 already there, 0 rejected")


def test_central_commands(run: Run, central: Central, tmp_path: Path,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KHIDMAT_CENTRAL_DB", central.db.url)
    code, out, err = run("token", "add", "--centre", "lhr01", "--counter", "3",
                         program=central_cli.main)
    assert code == 0 and out.startswith("kd1_") and "only once" in err
    with central.db.read() as session:
        from khidmat_central.schema import Token

        stored = session.scalars(select(Token.token_hash)).all()
    assert out.strip() not in stored and len(stored) == 1
    code, _, err = run("token", "add", "--centre", "lhr01", program=central_cli.main)
    assert code == 2 and err.startswith("khidmat-central: error: --counter")
    code, _, err = run("status", "set", "LHR01-260306-07-0001-X", "verified",
                       program=central_cli.main)
    assert code == 2 and "has reached the server" in err
    code, out, _ = run("report", "--date", "2026-03-06", program=central_cli.main)
    assert code == 0 and json.loads(out)["total_applications"] == 0
    monkeypatch.delenv("KHIDMAT_CENTRAL_DB")
    code, _, err = run("report", "--date", "2026-03-06", program=central_cli.main)
    assert code == 2 and "--db" in err


def test_central_entry_point_runs_as_a_program() -> None:
    done = subprocess.run([sys.executable, "-m", "khidmat_central.cli", "--help"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "serve" in done.stdout




def test_without_a_keyring_the_variable_is_the_way(
        run: Run, tmp_path: Path, central: Central, tariff: Tariff, no_keyring: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "service"
    init = ["init", "--data-dir", str(folder), "--centre-code", "lhr01", "--centre-name",
            "Liberty Market Khidmat Markaz", "--district", "lahore", "--counter", "7", "--user",
            "incharge", "--password-stdin"]
    code, _, err = run(*init, stdin=PASSWORD + "\n")
    assert code == 1 and "No system keyring" in err  # the signing key has nowhere safe to go
    assert not (folder / "settings.json").exists()
    code, _, err = run(*init, "--secret-store", "file", stdin=PASSWORD + "\n")
    assert code == 0, err
    monkeypatch.setenv("KHIDMAT_SYNC_TOKEN", central.token())
    code, out, err = run("sync", "--setup", "--server", central.url, "--data-dir", str(folder))
    assert code == 0 and "KHIDMAT_SYNC_TOKEN" in out
    assert not (folder / "secrets" / "sync-token").exists()
    submit(folder, tariff, 2)
    code, out, _ = run("sync", "--once", "--data-dir", str(folder))
    assert code == 0 and out.startswith("sent 2")


def test_quarantine_list_and_requeue_are_for_the_in_charge(
        run: Run, data_dir: Path, central: Central, tariff: Tariff) -> None:
    from khidmat_central.schema import Owner
    from khidmat_desk.auth.users import create_user

    run("sync", "--setup", "--server", central.url, "--token-stdin", "--data-dir",
        str(data_dir), stdin=central.token() + "\n")
    db = open_database(CounterSettings.load(data_dir).database_url)
    with db.write() as session:
        create_user(session, "officer1", "Asma Bibi", "officer", "officer-pass-1")
    db.dispose()
    [tracking] = submit(data_dir, tariff, 1)
    with central.db.read() as session:
        assert session.execute(select(Record.id)).first() is None
    uuid = _uuid_of(data_dir, tracking)
    with central.db.write() as session:
        session.add(Owner(uuid=uuid, centre_code="ISB02"))
    code, out, _ = run("sync", "--once", "--data-dir", str(data_dir))
    assert code == 3 and "refused 1" in out and "set aside 1" in out
    code, _, err = run("sync", "--quarantined", "--user", "officer1", "--password-stdin",
                       "--data-dir", str(data_dir), stdin="officer-pass-1\n")
    assert code == 1 and "Only the in-charge" in err
    code, out, _ = run("sync", "--quarantined", "--user", "incharge", "--password-stdin",
                       "--data-dir", str(data_dir), stdin=PASSWORD + "\n")
    assert code == 0 and tracking in out and "belongs to another centre" in out
    entry_id = out.split("\t", 1)[0]
    code, _, err = run("sync", "--requeue", "999", "--user", "incharge", "--password-stdin",
                       "--data-dir", str(data_dir), stdin=PASSWORD + "\n")
    assert code == 2 and err.startswith("khidmat-desk: error: --requeue")
    with central.db.write() as session:
        session.execute(delete(Owner).where(Owner.uuid == uuid))
    code, out, _ = run("sync", "--requeue", entry_id, "--user", "incharge", "--password-stdin",
                       "--data-dir", str(data_dir), stdin=PASSWORD + "\n")
    assert code == 0 and "back in the queue" in out
    code, out, _ = run("sync", "--once", "--data-dir", str(data_dir))
    assert code == 0 and out.startswith("sent 1")


def _uuid_of(folder: Path, tracking: str) -> str:
    from khidmat_desk.app.applications import get_application

    db = open_database(CounterSettings.load(folder).database_url)
    try:
        return get_application(db, tracking).uuid
    finally:
        db.dispose()


def test_take_back_after_the_counter_is_set_up_again(run: Run, data_dir: Path, tmp_path: Path,
                                                     central: Central, tariff: Tariff) -> None:
    token = central.token()
    run("sync", "--setup", "--server", central.url, "--token-stdin", "--data-dir",
        str(data_dir), stdin=token + "\n")
    sent = submit(data_dir, tariff, 2)
    assert run("sync", "--once", "--data-dir", str(data_dir))[0] == 0
    again = tmp_path / "set-up-again"  # the disk died: counter 7 set up afresh
    cli_init(run, again, PASSWORD, centre="lhr01")
    run("sync", "--setup", "--server", central.url, "--token-stdin", "--data-dir", str(again),
        stdin=token + "\n")

    code, out, err = run("sync", "--take-back", "--from", "2026-03-06", "--user", "incharge",
                         "--password-stdin", "--data-dir", str(again), stdin=PASSWORD + "\n")

    assert (code, err) == (0, "")
    assert "holds 2 application(s) of this counter with a version made from 2026-03-06 on; " \
           "2 added here" in out
    assert "tracking numbers go on past those the server holds: 06-03-2026: 0003" in out
    assert submit(again, tariff, 1)[0].split("-")[3] == "0003"
    assert run("sync", "--once", "--data-dir", str(again))[0] == 0  # nothing refused
    code, out, err = run("sync", "--take-back", "--from", "2099-01-01", "--user", "incharge",
                         "--password-stdin", "--data-dir", str(again), stdin=PASSWORD + "\n")
    assert code == 2 and "--from" in err and "after today" in err
    assert sent[-1].split("-")[3] == "0002"  # the lost counter's last number, carried past
