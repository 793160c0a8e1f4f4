"""Attacks through the data folder: a demo over a real centre, a demo talking to the real
server, --data-dir ignored, files other users can read, logs that leak or can be forged."""

from __future__ import annotations

import json
import logging
import os
import stat
import sys
from pathlib import Path

import pytest
from trust_helpers import OFFICER_PASSWORD, Run, apply, make_centre, snapshot

from khidmat_desk.app.logs import LogScrubber, hide, scrub, setup_logging

POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def demo(run: Run, folder: Path, *extra: str) -> tuple[int, str, str]:
    return run("demo", "--data-dir", str(folder), "--applications", "20", "--days", "2",
               *extra)


# -- the demo --------------------------------------------------------------------------------


def test_demo_refuses_a_real_centre_even_with_the_demos_code(run: Run, tmp_path: Path) -> None:
    centre = make_centre(run, tmp_path / "centre")  # LHR01, the demo's own code
    before = snapshot(centre)
    code, _, err = demo(run, centre)
    assert code == 2 and "real centre LHR01" in err
    assert snapshot(centre) == before
    code, _, err = apply(run, centre, "fir-copy", None, user="officer1",
                         password=OFFICER_PASSWORD)
    assert code == 0, err
    code, _, err = apply(run, centre, "fir-copy", None, user="incharge",
                         password="incharge-demo-1")
    assert code == 2  # the README's demo passwords open nothing here


@pytest.mark.parametrize("leftover", ["khidmat.sqlite3", "notes.txt"])
def test_demo_refuses_a_folder_that_holds_something_else(run: Run, tmp_path: Path,
                                                         leftover: str) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / leftover).write_bytes(b"someone's data")
    code, _, err = demo(run, folder)
    assert code == 2 and "not empty" in err
    assert sorted(p.name for p in folder.iterdir()) == [leftover]


def test_demo_builds_a_new_folder_marked_as_a_demo_and_may_add_to_it(run: Run,
                                                                    tmp_path: Path) -> None:
    folder = tmp_path / "training"
    code, _, err = demo(run, folder)
    assert code == 0, err
    assert json.loads((folder / "settings.json").read_text("utf-8"))["demo"] is True
    code, _, err = demo(run, folder, "--seed", "2")
    assert code == 0, err


def test_a_demo_centre_never_syncs_with_a_real_server(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "training"
    assert demo(run, folder)[0] == 0
    code, _, err = run("sync", "--setup", "--server", "https://sync.punjabpolice.gov.pk",
                       "--token-stdin", "--data-dir", str(folder), stdin="kd1_token\n")
    assert code == 2 and "demo centre" in err
    settings = json.loads((folder / "settings.json").read_text("utf-8"))
    assert settings.get("sync_server", "") == ""
    # even when the address is put in the settings file by hand
    settings["sync_server"] = "https://sync.punjabpolice.gov.pk"
    (folder / "settings.json").write_text(json.dumps(settings), "utf-8")
    code, _, err = run("sync", "--once", "--data-dir", str(folder))
    assert code == 2 and "demo centre" in err
    code, _, err = run("sync", "--setup", "--server", "http://127.0.0.1:9", "--token-stdin",
                         "--data-dir", str(folder), stdin="kd1_token\n")
    assert code == 0, err  # a training server on this PC is fine


# -- --data-dir ------------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["before", "after"])
def test_data_dir_is_honoured_before_or_after_the_command(run: Run, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         where: str) -> None:
    centre = make_centre(run, tmp_path / "centre")
    other = make_centre(run, tmp_path / "other")
    monkeypatch.setenv("KHIDMAT_DATA_DIR", str(other))
    code, out, err = apply(run, centre, "fir-copy")
    assert code == 0, err
    tracking = out.strip()
    argv = (["--data-dir", str(centre), "status", tracking] if where == "before"
            else ["status", tracking, "--data-dir", str(centre)])
    code, out, err = run(*argv)
    assert code == 0, err
    assert tracking in out
    code, _, _ = run("status", tracking)  # the variable's folder does not have it
    assert code != 0


# -- a private folder ------------------------------------------------------------------------


def _modes(folder: Path) -> dict[str, int]:
    found = {".": stat.S_IMODE(folder.stat().st_mode)}
    for path in folder.rglob("*"):
        found[str(path.relative_to(folder))] = stat.S_IMODE(path.lstat().st_mode)
    return found


@POSIX_ONLY
def test_the_data_folder_is_private_to_the_user(run: Run, tmp_path: Path) -> None:
    os.umask(0o022)  # as a desktop session usually has it
    centre = make_centre(run, tmp_path / "centre")
    apply(run, centre, "fir-copy")
    modes = _modes(centre)
    assert {"khidmat.sqlite3", "logs/khidmat.log", "settings.json"} <= set(modes)
    for name, mode in modes.items():
        expected = 0o700 if (centre / name).is_dir() else 0o600
        assert mode & 0o077 == 0, f"{name} is {mode:o}"
        assert mode & expected == mode, f"{name} is {mode:o}"


@POSIX_ONLY
def test_an_open_folder_is_closed_again_with_wal_and_backups(run: Run, tmp_path: Path) -> None:
    centre = make_centre(run, tmp_path / "centre")
    (centre / "backups").mkdir(exist_ok=True)
    (centre / "backups" / "khidmat-rev0003.sqlite3").write_bytes(b"copy")
    for path in [centre, *centre.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    os.umask(0o022)
    code, _, err = apply(run, centre, "fir-copy")
    assert code == 0, err
    modes = _modes(centre)
    assert all(mode & 0o077 == 0 for mode in modes.values()), modes
    assert modes["backups/khidmat-rev0003.sqlite3"] == 0o600


@POSIX_ONLY
def test_the_write_ahead_log_and_shared_memory_files_are_private(run: Run,
                                                                 tmp_path: Path) -> None:
    from khidmat_desk.app.settings import CounterSettings
    from khidmat_desk.store.db import open_database

    centre = make_centre(run, tmp_path / "centre")
    os.umask(0o022)
    apply(run, centre, "fir-copy")
    db = open_database(CounterSettings.load(centre).database_url)
    try:
        with db.write() as session:  # keeps the WAL and its index open while we look
            session.connection().exec_driver_sql("UPDATE centre SET name = name")
            modes = _modes(centre)
    finally:
        db.dispose()
    assert modes["khidmat.sqlite3-wal"] == 0o600
    assert modes["khidmat.sqlite3-shm"] == 0o600


@POSIX_ONLY
def test_files_made_later_are_private_from_the_start(run: Run, tmp_path: Path) -> None:
    centre = make_centre(run, tmp_path / "centre")
    os.umask(0o022)
    apply(run, centre, "fir-copy")  # sets the process's umask again
    late = centre / "backups" / "later.sqlite3"
    late.parent.mkdir(exist_ok=True)
    late.write_bytes(b"x")
    assert stat.S_IMODE(late.stat().st_mode) == 0o600


def test_the_windows_access_list_commands(monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path) -> None:
    """What would run on Windows: inheritance cut, this user and SYSTEM only, by SID."""
    import subprocess

    from khidmat_desk.app import private

    calls: list[list[str]] = []

    class Done:
        def __init__(self, stdout: str) -> None:
            self.returncode, self.stdout, self.stderr = 0, stdout, ""

    def fake_run(command: list[str], **_: object) -> Done:
        calls.append(command)
        return Done('"pc\\asma","S-1-5-21-1-2-3-1001"\r\n' if "whoami" in command[0] else "")

    monkeypatch.setattr(subprocess, "run", fake_run)
    monkeypatch.setattr(private.shutil, "which", lambda name: f"C:/Windows/System32/{name}")
    private._private_on_windows(tmp_path / "centre")
    grant = calls[1]
    assert grant[2:] == ["/inheritance:r", "/grant:r", "*S-1-5-21-1-2-3-1001:(OI)(CI)F",
                         "/grant:r", "*S-1-5-18:(OI)(CI)F"]
    assert calls[2][-4:] == ["/reset", "/T", "/C", "/Q"]


# -- logs ------------------------------------------------------------------------------------


def test_logs_carry_no_cnic_password_or_token(run: Run, tmp_path: Path) -> None:
    centre = make_centre(run, tmp_path / "centre")
    apply(run, centre, "fir-copy", None, password="Wr0ng-guess-typed")
    hide("kd1_SecretSyncToken_123")
    log = logging.getLogger("khidmat.test")
    setup_logging(centre)
    log.info("looked up 35202-1234567-1 and 3520212345671")
    log.warning("server said 401 for Authorization: Bearer kd1_SecretSyncToken_123")
    log.warning("token kd1_SecretSyncToken_123 refused")
    try:
        raise ValueError("bad CNIC 35202-7654321-9 with token=abcdef123")
    except ValueError:
        log.exception("failed")
    text = (centre / "logs" / "khidmat.log").read_text("utf-8")
    for secret in ("1234567", "7654321", "SecretSyncToken", "abcdef123", "Wr0ng-guess-typed",
                   OFFICER_PASSWORD, "incharge-pass-1"):
        assert secret not in text, secret
    assert "[CNIC]" in text and "[hidden]" in text


def test_a_value_cannot_forge_a_log_line(tmp_path: Path) -> None:
    forged = ("Imran\n2026-11-30 10:00:00,000 INFO khidmat.auth [1] login incharge\r"
              "\u202e\x1b[2J")
    tmp_path.joinpath("logs").mkdir()
    setup_logging(tmp_path)
    logging.getLogger("khidmat.test").warning("name typed: %s", forged)
    try:
        raise RuntimeError(forged)
    except RuntimeError:
        logging.getLogger("khidmat.test").exception("while saving")
    lines = (tmp_path / "logs" / "khidmat.log").read_text("utf-8").splitlines()
    records = [line for line in lines if not line.startswith("  | ")]
    assert len(records) == 2
    assert all("\x1b" not in line and "\u202e" not in line and "\r" not in line
               for line in lines)
    assert "\\n2026-11-30 10:00:00,000 INFO" in records[0]


def test_scrub_keeps_ordinary_text() -> None:
    text = "LHR01-261130-07-0042-6 printed copy 2 for Muhammad Imran (محمد عمران)"
    assert scrub(text) == text
    assert LogScrubber().format(logging.makeLogRecord({"msg": text})) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("Authorization: Bearer abc.def", "Authorization: [hidden]"),
    ("Bearer kd1_abc", "Bearer [hidden]"),
    ("token=abc123 refused", "token=[hidden] refused"),
    ("password: hunter22", "password: [hidden]"),
    ("CNIC 35202-1234567-1 and 3520212345671.", "CNIC [CNIC] and [CNIC]."),
    ("its name, role, password or switch", "its name, role, password or switch"),
    ("line one\nline two\r\x1b[31m", "line one\\nline two\\r\\x1b[31m"),
])
def test_scrub_blanks_credentials_and_escapes_controls(text: str, expected: str) -> None:
    assert scrub(text) == expected


def test_log_times_are_the_centres_clock_with_its_offset_whatever_the_pc_zone(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The counter window on a PC set to New York and a command run in UTC write one file: each
    line's time is the centre's, offset shown."""
    import time
    from datetime import UTC, datetime

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        moment = datetime(2026, 12, 1, 5, 43, 17, 901000, tzinfo=UTC)
        record = logging.makeLogRecord({"msg": "saved", "created": moment.timestamp(),
                                        "msecs": 901.0, "levelname": "INFO",
                                        "name": "khidmat.test", "process": 7})
        line = LogScrubber("%(asctime)s %(levelname)s %(message)s").format(record)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert line == "2026-12-01 10:43:17,901+0500 INFO saved"
