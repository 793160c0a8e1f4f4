"""Real processes on one SQLite file: killed in the middle of saving, and saving side by side.

Each child runs this file as a script: it submits applications in a loop and prints each
tracking number only after ``submit_application`` returned, i.e. after the commit. Whatever
a child printed must be in the database afterwards, however it died.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def child_main(path: str, counter: int, count: int, user_id: int, go_file: str) -> None:
    from khidmat_desk.app.applications import submit_application
    from khidmat_desk.app.context import CounterContext
    from khidmat_desk.app.settings import CounterSettings
    from khidmat_desk.auth.users import UserInfo
    from khidmat_desk.core.catalogue import Tariff, get_service
    from khidmat_desk.core.intake import Intake
    from khidmat_desk.core.workflow import Role
    from khidmat_desk.store.db import open_database, sqlite_url

    database = open_database(sqlite_url(path))
    service = get_service("police-verification")
    tariff = Tariff(fees={service.code: {"pkr": 500, "label": "Fee"}},
                    sla_days={service.code: 3})
    user = UserInfo(user_id, "asif.khan", "Asif Khan", Role.OFFICER)
    settings = CounterSettings.load(Path(path).parent / "no-folder")
    settings.set("centre_code", "LHR01")
    settings.set("counter", counter)
    ctx = CounterContext(settings, database, tariff, user=user)
    taken = Intake(service.code, service.example,
                   ("cnic_original", "cnic_copy", "affidavit", "photos"))
    print("ready", flush=True)
    while go_file and not Path(go_file).exists():  # start together with the other children
        time.sleep(0.001)
    for _ in range(count):
        result = submit_application(ctx, taken)
        print(result.tracking_number, flush=True)


def start_child(path: Path, counter: int, count: int, user_id: int,
                go_file: Path | None = None) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, __file__, str(path), str(counter), str(count), str(user_id),
         str(go_file or "")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)


def wait_ready(child: subprocess.Popen[str]) -> None:
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line.strip() == "ready", child.stderr.read() if child.stderr else line


@pytest.fixture
def counter_file(tmp_path: Path) -> tuple[Path, int]:
    """A migrated SQLite file with one officer; returns its path and the officer's id."""
    from khidmat_desk.auth.users import create_user
    from khidmat_desk.store.db import open_database, sqlite_url

    path = tmp_path / "counter.sqlite3"
    database = open_database(sqlite_url(path))
    with database.write() as session:
        user = create_user(session, "asif.khan", "Asif Khan", "officer", "correct horse 1")
    database.dispose()
    return path, user.id


def stored_tracking_numbers(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return [row[0] for row in connection.execute("SELECT tracking_number FROM application")]
    finally:
        connection.close()


@pytest.mark.slow
def test_a_killed_counter_keeps_every_save_it_reported(counter_file: tuple[Path, int]) -> None:
    path, user_id = counter_file
    rng = random.Random(2026)
    reported: list[str] = []
    for _ in range(4):
        child = start_child(path, 7, 1_000_000, user_id)
        wait_ready(child)
        assert child.stdout is not None
        for _ in range(rng.randint(5, 25)):
            reported.append(child.stdout.readline().strip())
        time.sleep(rng.uniform(0, 0.01))  # land somewhere inside the next save
        os.kill(child.pid, signal.SIGKILL)
        rest, _ = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL
        reported += [line for line in rest.splitlines() if line.strip()]
    stored = stored_tracking_numbers(path)
    assert set(reported) <= set(stored)
    assert len(stored) == len(set(stored))
    from sqlalchemy import text

    from khidmat_desk.store.audit import verify_chain
    from khidmat_desk.store.db import open_database, sqlite_url

    database = open_database(sqlite_url(path))
    try:
        with database.read() as session:
            report = verify_chain(session)
            queued = session.execute(text("SELECT count(*) FROM outbox_entry")).scalar_one()
    finally:
        database.dispose()
    assert report.ok, report.reason
    assert queued == len(stored)  # every save kept its outbox entry: nothing half-saved


def save_side_by_side(path: Path, user_id: int, go_file: Path) -> list[list[str]]:
    """Two children released at the same moment, 150 saves each; what each one printed."""
    children = [start_child(path, 7, 150, user_id, go_file) for _ in range(2)]
    for child in children:
        wait_ready(child)
    go_file.touch()
    printed = []
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        printed.append([line for line in out.splitlines() if line.strip()])
    go_file.unlink()
    return printed


def interleaved(printed: list[list[str]]) -> bool:
    """Neither child got one unbroken block of numbers: they really saved side by side."""
    sequences = [{int(number.split("-")[3]) for number in mine} for mine in printed]
    return all(max(s) - min(s) + 1 > len(s) for s in sequences)


@pytest.mark.slow
def test_two_processes_saving_at_once_never_share_a_number(
        counter_file: tuple[Path, int]) -> None:
    path, user_id = counter_file
    everything: list[str] = []
    overlapped = False
    for _ in range(3):  # a loaded machine may run one child before the other: try again
        printed = save_side_by_side(path, user_id, path.with_name("go"))
        everything += printed[0] + printed[1]
        assert len(everything) == len(set(everything))
        assert sorted(stored_tracking_numbers(path)) == sorted(everything)
        if interleaved(printed):
            overlapped = True
            break
    assert overlapped, "the two processes never saved at the same time"


if __name__ == "__main__":
    child_main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
