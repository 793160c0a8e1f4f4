"""Setting up sync asks the central server first: whose token it is, its clock, the numbers it
holds. Real server on loopback, real files, the real command line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from intake_helpers import counter_context, intake
from sync_helpers import CENTRE, Central, Counter, Run, drain
from sync_helpers import CLI_PASSWORD as PASSWORD

from khidmat_central import tokens
from khidmat_desk.app.applications import submit_application
from khidmat_desk.app.clock_check import check_clock
from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.auth.users import authenticate
from khidmat_desk.core.catalogue import Tariff
from khidmat_desk.store.db import open_database
from khidmat_desk.sync import state
from khidmat_desk.sync.client import Syncer
from khidmat_desk.sync.protocol import CENTRE_TIME
from khidmat_desk.sync.status import current_status


def _setup(run: Run, folder: Path, url: str, token: str) -> tuple[int, str, str]:
    return run("sync", "--setup", "--server", url, "--token-stdin", "--data-dir", str(folder),
               stdin=token + "\n")


def _nothing_saved(folder: Path) -> bool:
    settings = CounterSettings.load(folder)
    secrets = folder / "secrets"
    return settings.get("sync_server") == "" and not any(
        "sync-token" in p.name for p in secrets.iterdir()) if secrets.exists() else True


def test_the_token_is_this_counters_or_nothing_is_saved(
        run: Run, data_dir: Path, central: Central) -> None:
    code, _, err = _setup(run, data_dir, central.url, central.token(counter=8))
    assert code == 2 and _nothing_saved(data_dir)
    assert "knows this token as LHR01 counter 8, and this PC is LHR01 counter 7" in err
    assert "token add --centre LHR01 --counter 7" in err
    code, _, err = _setup(run, data_dir, central.url, central.token(centre="ISB02", counter=7))
    assert code == 2 and "ISB02 counter 7" in err and _nothing_saved(data_dir)
    code, _, err = _setup(run, data_dir, central.url, "kd1_typed_wrong")
    assert code == 2 and _nothing_saved(data_dir)
    assert "refused this token, so nothing was saved" in err and "LHR01 counter 7" in err

    code, out, err = _setup(run, data_dir, central.url, central.token())
    assert (code, err) == (0, "")
    assert "the central server answered; the token is LHR01 counter 7" in out
    assert "clock" not in out  # a right clock goes without saying
    assert CounterSettings.load(data_dir).get("sync_server") == central.url


@pytest.mark.parametrize("typed", ["kd1_ab\u0627cd", "kd1 abc", "k" * 5000])
def test_what_cannot_be_a_token_is_refused_before_the_server_is_asked(
        run: Run, data_dir: Path, typed: str) -> None:
    """An Urdu letter typed with the keyboard in Urdu could not even be sent in a header."""
    code, _, err = _setup(run, data_dir, "http://127.0.0.1:9", typed)
    assert code == 2 and _nothing_saved(data_dir)
    assert "this is not a token" in err and "keyboard in English" in err


def test_a_shared_database_token_is_any_counters(run: Run, data_dir: Path,
                                                 central: Central) -> None:
    shared = tokens.add_token(central.db, role=tokens.SHARED, centre_code=CENTRE, counter=1)
    code, out, _ = _setup(run, data_dir, central.url, shared)
    assert code == 0 and "LHR01, any counter (a shared database's token)" in out


def test_a_server_out_of_reach_keeps_the_setup_and_says_so(run: Run, data_dir: Path) -> None:
    code, out, err = _setup(run, data_dir, "http://127.0.0.1:9", "kd1_whatever")
    assert code == 0 and "sync set up" in out
    assert "could not be asked now" in err and "cannot reach" in err
    assert CounterSettings.load(data_dir).get("sync_server") == "http://127.0.0.1:9"


def _submit_today(folder: Path, tariff: Tariff) -> str:
    db = open_database(CounterSettings.load(folder).database_url)
    try:
        ctx = counter_context(db, authenticate(db, "incharge", PASSWORD), tariff, counter=7)
        return submit_application(ctx, intake("police-verification")).tracking_number
    finally:
        db.dispose()


def test_a_pc_that_numbered_nothing_set_up_offline_skips_today_ahead(
        run: Run, data_dir: Path, tariff: Tariff) -> None:
    """It may replace a lost PC whose numbers of today are on receipts the server holds."""
    code, _, err = _setup(run, data_dir, "http://127.0.0.1:9", "kd1_whatever")
    assert code == 0 and "go on from 1001" in err and "sync --take-back" in err
    assert _submit_today(data_dir, tariff).split("-")[3] == "1001"
    code, _, err = _setup(run, data_dir, "http://127.0.0.1:9", "kd1_whatever")
    assert code == 0 and "go on from" not in err  # it has numbered now: its own count holds
    assert _submit_today(data_dir, tariff).split("-")[3] == "1002"


def test_a_pc_that_has_numbered_keeps_its_numbers_when_set_up_offline(
        run: Run, data_dir: Path, tariff: Tariff) -> None:
    assert _submit_today(data_dir, tariff).split("-")[3] == "0001"
    code, _, err = _setup(run, data_dir, "http://127.0.0.1:9", "kd1_whatever")
    assert code == 0 and "go on from" not in err
    assert _submit_today(data_dir, tariff).split("-")[3] == "0002"


def test_a_pc_set_up_again_goes_on_after_the_servers_numbers_at_setup(
        run: Run, data_dir: Path, central: Central,
        counters: Callable[..., Counter]) -> None:
    """Counter 7 sent three applications today, then its disk died: set up again, its first
    application must not reuse 0001 even before the counter window's first sync."""
    now = datetime.now(UTC)
    old = counters(central.url, central.token())
    old.submit(3, now=now)
    assert drain(old.syncer)[-1].outbox_empty
    code, out, err = _setup(run, data_dir, central.url, central.token())
    assert code == 0, err
    assert "tracking numbers go on" in out and "after 0003" in out
    assert "sync --take-back" in out
    settings = CounterSettings.load(data_dir)
    db = open_database(settings.database_url)
    try:
        behind = current_status(db).numbers_behind
        assert behind is not None and max(behind.values()) == 3
    finally:
        db.dispose()


def test_the_sync_measures_how_far_the_pc_clock_is_off(
        central: Central, counters: Callable[..., Counter]) -> None:
    counter = counters(central.url, central.token())
    assert counter.syncer.run_once().error is None  # a right clock: within a few seconds
    status = current_status(counter.db)
    assert status.clock_ahead_seconds is not None and abs(status.clock_ahead_seconds) < 5
    assert check_clock(counter.db).problem is None

    ahead = timedelta(hours=3)  # the same PC with its clock three hours fast
    fast = Syncer(counter.db, counter.syncer._connect, counter.syncer._apply_changes,
                  tuning=counter.syncer.tuning, clock=lambda: datetime.now(UTC) + ahead)
    try:
        report = fast.run_once()
    finally:
        fast.close()
    assert report.error is None and report.clock_ahead_seconds is not None
    assert abs(report.clock_ahead_seconds - ahead.total_seconds()) < 5
    assert "this PC's clock is 3 h ahead of the central server's: set it" in report.summary()
    problem = check_clock(counter.db, datetime.now(UTC) + ahead).problem  # the PC's clock
    assert problem is not None and "but the central server's says" in str(problem)


def test_doctor_names_the_token_and_the_clock(run: Run, data_dir: Path,
                                              central: Central) -> None:
    assert _setup(run, data_dir, central.url, central.token())[0] == 0
    code, out, _ = run("doctor", "--data-dir", str(data_dir))
    assert code == 3  # warnings only (the secret store here, the printers), no failure
    lines = {line.split()[1] + " " + line.split()[2]: line for line in out.splitlines()
             if len(line.split()) > 2}
    assert "accepted by the server as LHR01 counter 7's" in lines["sync token"]
    assert lines["PC clock"].startswith("OK") and "from the central server's" in \
        lines["PC clock"]


def test_doctor_and_the_counter_see_a_clock_gone_back(run: Run, data_dir: Path,
                                                     tariff: Tariff) -> None:
    """An application saved two days "later" than the PC's clock now says: the clock went
    back (a flat CMOS battery after a power cut). A fresh word from the central server that
    the clock is right outweighs the records; an old one does not."""
    later = datetime.now(UTC) + timedelta(days=2)
    db = open_database(CounterSettings.load(data_dir).database_url)
    try:
        ctx = counter_context(db, authenticate(db, "incharge", PASSWORD), tariff, counter=7)
        submit_application(ctx, intake("police-verification"), now=later)
        code, out, _ = run("doctor", "--data-dir", str(data_dir))
        assert code == 3
        clock_line = next(line for line in out.splitlines() if "PC clock" in line)
        assert clock_line.startswith("WARN") and "the clock has gone back" in clock_line
        assert f"holds a record of {later.astimezone(CENTRE_TIME):%d-%m-%Y %H:%M}" in clock_line

        def server_said(ahead: float, ago: timedelta) -> None:
            with db.write() as session:
                state.write(session, {state.CLOCK_AHEAD: ahead,
                                      state.CLOCK_MEASURED: datetime.now(UTC) - ago},
                            now=datetime.now(UTC))

        server_said(1.0, timedelta(minutes=5))
        assert check_clock(db).problem is None
        server_said(1.0, timedelta(days=1))
        assert "has gone back" in str(check_clock(db).problem)
        # what the server said three hours ago, before the clock was set right, is not heard
        server_said(10800.0, timedelta(hours=3))
        assert "has gone back" in str(check_clock(db).problem)
        server_said(1.0, timedelta(minutes=11))
        assert "has gone back" in str(check_clock(db).problem)
        server_said(-7200.0, timedelta(minutes=5))
        assert "but the central server's says" in str(check_clock(db).problem)
    finally:
        db.dispose()
