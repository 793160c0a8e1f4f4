"""`close`, `reopen`, `report` and `shifts` from the command line: output, exit codes, roles."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from cli_helpers import cli_init
from day_fixtures import PASSWORD, Day, fill_day, make_staff

from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.core.catalogue import Tariff
from khidmat_desk.store.db import open_database

Run = Callable[..., tuple[int, str, str]]
FRIDAY = "2026-03-06"


@pytest.fixture
def centre(tmp_path: Path, run: Run, tariff: Tariff) -> tuple[Path, Day]:
    """A centre set up with `init`, holding the hand-computed Friday of day_fixtures."""
    folder = tmp_path / "centre"
    cli_init(run, folder, "incharge-pass-1")
    db = open_database(CounterSettings.load(folder).database_url)
    try:
        asif, bilal, nadia = make_staff(db)
        day = fill_day(Day(db, tariff, asif, bilal, nadia, {}))
    finally:
        db.dispose()
    return folder, day


def as_user(folder: Path, name: str, *argv: str) -> tuple[str, ...]:
    return (*argv, "--data-dir", str(folder), "--user", name, "--password-stdin")


def test_close_prints_expected_counted_and_difference(centre: tuple[Path, Day],
                                                       run: Run) -> None:
    folder, _ = centre
    code, out, err = run(*as_user(folder, "nadia.iqbal", "close", "--date", FRIDAY, "--cash",
                                  "900", "--officer-cash", "asif.khan=500", "--officer-cash",
                                  "bilal.ahmed=400", "--explanation", "Rs 100 short in drawer",
                                  "--deposit", "NBP-7781"), stdin=PASSWORD + "\n")
    assert code == 0, err
    assert "2026-03-06 closed by nadia.iqbal (version 1): 5 applications" in out
    assert "bilal.ahmed: expected Rs 500, counted Rs 400, difference Rs -100" in out
    assert "cash expected: Rs 1,000" in out
    assert "cash counted:  Rs 900" in out
    assert "difference:    Rs -100" in out
    assert "audit trail signed at event" in out  # the close signs the chain's head
    backups = sorted((folder / "backups").glob("*-day-close-*.sqlite3"))
    assert len(backups) == 1 and f"backup written to {backups[0]}" in out  # and backs up
    code, out, err = run("audit", "verify", "--data-dir", str(folder))
    assert code == 0 and "1 signed checkpoints" in out, err
    code, _, err = run(*as_user(folder, "nadia.iqbal", "close", "--date", FRIDAY, "--cash",
                                "900"), stdin=PASSWORD + "\n")
    assert code == 2 and "--date: 2026-03-06 was already closed" in err


def test_close_and_reopen_are_refused_to_an_officer(centre: tuple[Path, Day], run: Run) -> None:
    folder, _ = centre
    code, out, err = run(*as_user(folder, "asif.khan", "close", "--date", FRIDAY, "--cash",
                                  "1000"), stdin=PASSWORD + "\n")
    assert (code, out) == (1, "")
    assert "Only the in-charge can do this" in err
    code, _, err = run(*as_user(folder, "asif.khan", "reopen", "--date", FRIDAY, "--reason",
                                "x"), stdin=PASSWORD + "\n")
    assert code == 1 and "Only the in-charge" in err


def test_bad_input_names_the_option(centre: tuple[Path, Day], run: Run,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    folder, _ = centre
    code, _, err = run(*as_user(folder, "nadia.iqbal", "close", "--date", FRIDAY, "--cash",
                                "900"), stdin=PASSWORD + "\n")
    assert code == 2 and "--explanation:" in err
    code, _, err = run(*as_user(folder, "nadia.iqbal", "close", "--date", FRIDAY),
                       stdin=PASSWORD + "\n")
    assert code == 2 and "--cash:" in err
    for argv, words in ((("--date", "06-03-2026", "--cash", "1"), "not a date"),
                        (("--date", FRIDAY, "--cash", "-5"), "negative")):
        with pytest.raises(SystemExit) as exited:
            run(*as_user(folder, "nadia.iqbal", "close", *argv), stdin=PASSWORD + "\n")
        assert exited.value.code == 2
        assert words in capsys.readouterr().err
    code, _, err = run(*as_user(folder, "nadia.iqbal", "close", "--date", FRIDAY, "--shift",
                                "night", "--cash", "1"), stdin=PASSWORD + "\n")
    assert code == 2 and "--shift: 'night' is not a shift" in err


def test_reopen_then_a_locked_void_needs_the_override(centre: tuple[Path, Day],
                                                      run: Run) -> None:
    folder, day = centre
    assert run(*as_user(folder, "nadia.iqbal", "close", "--date", FRIDAY, "--cash", "1000"),
               stdin=PASSWORD + "\n")[0] == 0
    tracking = day.apps["b2"].tracking_number
    code, _, err = run(*as_user(folder, "nadia.iqbal", "status", tracking, "--set", "voided",
                                "--reason", "Withdrawn"), stdin=PASSWORD + "\n")
    assert code == 2 and "--override-reason:" in err and "closed" in err
    code, out, err = run(*as_user(folder, "nadia.iqbal", "status", tracking, "--set", "voided",
                                  "--reason", "Withdrawn", "--override-reason",
                                  "Refunded from today's cash"), stdin=PASSWORD + "\n")
    assert code == 0, err
    assert "voided" in out
    code, out, err = run(*as_user(folder, "nadia.iqbal", "reopen", "--date", FRIDAY,
                                  "--reason", "Recount"), stdin=PASSWORD + "\n")
    assert code == 0, err
    assert "2026-03-06 reopened by nadia.iqbal (version 2)" in out
    code, _, err = run(*as_user(folder, "nadia.iqbal", "reopen", "--date", FRIDAY,
                                "--reason", "Again"), stdin=PASSWORD + "\n")
    assert code == 2 and "is not closed" in err


def test_report_writes_csv_xlsx_pdf_and_registers(centre: tuple[Path, Day], run: Run,
                                                   tmp_path: Path) -> None:
    folder, day = centre
    for fmt in ("csv", "xlsx", "pdf"):
        code, out, err = run(*as_user(folder, "nadia.iqbal", "report", "--date", FRIDAY,
                                      "--format", fmt, "--out", str(tmp_path / f"day.{fmt}")),
                             stdin=PASSWORD + "\n")
        assert code == 0, err
        assert f"day report of 2026-03-06 written: {tmp_path / f'day.{fmt}'}" in out
        assert "5 applications" in out
    with (tmp_path / "day.csv").open(encoding="utf-8-sig", newline="") as handle:
        numbers = [row["Tracking number"] for row in csv.DictReader(handle)]
    assert numbers == [day.apps[k].tracking_number for k in ("a1", "a2", "a3", "b1", "b2")]
    book = openpyxl.load_workbook(tmp_path / "day.xlsx", read_only=True)
    assert book.sheetnames[0] == "Applications" and len(book.sheetnames) == 7
    book.close()
    assert (tmp_path / "day.pdf").read_bytes().startswith(b"%PDF")
    code, out, err = run(*as_user(folder, "nadia.iqbal", "report", "--date", FRIDAY,
                                  "--format", "pdf", "--register", "forwarding", "--out",
                                  str(tmp_path / "fwd.pdf")), stdin=PASSWORD + "\n")
    assert code == 0 and "forwarding register of 2026-03-06" in out, err
    code, _, err = run(*as_user(folder, "nadia.iqbal", "report", "--date", FRIDAY, "--format",
                                "csv", "--register", "uncollected", "--out",
                                str(tmp_path / "u.csv")), stdin=PASSWORD + "\n")
    assert code == 2 and "--format:" in err
    code, _, err = run(*as_user(folder, "bilal.ahmed", "report", "--date", FRIDAY, "--format",
                                "csv", "--out", str(tmp_path / "b.csv")), stdin=PASSWORD + "\n")
    assert code == 1 and "Only the in-charge" in err and not (tmp_path / "b.csv").exists()


def test_shifts_are_shown_and_set_by_the_in_charge(centre: tuple[Path, Day], run: Run) -> None:
    folder, _ = centre
    code, out, _ = run("shifts", "--data-dir", str(folder))
    assert (code, out) == (0, "day\t00:00-00:00\n")
    code, _, err = run(*as_user(folder, "asif.khan", "shifts", "--set", "day=08:00"),
                       stdin=PASSWORD + "\n")
    assert code == 1 and "Only the in-charge" in err
    code, out, err = run(*as_user(folder, "nadia.iqbal", "shifts", "--set",
                                  "day=08:00,night=20:00"), stdin=PASSWORD + "\n")
    assert code == 0, err
    assert out == "day\t08:00-20:00\nnight\t20:00-08:00\n"
    code, _, err = run(*as_user(folder, "nadia.iqbal", "shifts", "--set", "day=8am"),
                       stdin=PASSWORD + "\n")
    assert code == 2 and "--set:" in err and "not a time" in err


def test_a_counters_day_bundle_is_imported_once(centre: tuple[Path, Day], run: Run,
                                                tmp_path: Path, tariff: Tariff) -> None:
    folder, _ = centre
    office = tmp_path / "office"
    cli_init(run, office, PASSWORD, counter=1, user="nadia.iqbal")
    code, out, err = run(*as_user(folder, "nadia.iqbal", "export-day", "--date", FRIDAY,
                                  "--out", str(tmp_path / "c7.bundle")), stdin=PASSWORD + "\n")
    assert code == 0, err
    assert "day bundle of 2026-03-06 written" in out and "5 applications" in out
    key = out.strip().rsplit("key ", 1)[1]
    code, _, err = run(*as_user(office, "nadia.iqbal", "import-day", str(tmp_path / "c7.bundle")),
                       stdin=PASSWORD + "\n")
    assert code == 2 and "--key: This PC does not know counter 7's key yet" in err
    code, out, err = run(*as_user(office, "nadia.iqbal", "import-day", str(tmp_path / "c7.bundle"),
                                  "--key", key), stdin=PASSWORD + "\n")
    assert code == 0, err
    assert out.startswith("counter 7, 2026-03-06: 5 applications, 10 record versions")
    # the key is remembered: the next import needs none
    code, out, _ = run(*as_user(office, "nadia.iqbal", "import-day", str(tmp_path / "c7.bundle")),
                       stdin=PASSWORD + "\n")
    assert code == 0 and "0 applications, 0 record versions and 0 printed copies" in out
    code, _, err = run(*as_user(office, "nadia.iqbal", "import-day", str(tmp_path / "c7.bundle"),
                                "--key", "00" * 32), stdin=PASSWORD + "\n")
    assert code == 2 and "--key: The key given is not the one c7.bundle" in err
