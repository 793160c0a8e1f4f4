"""A violence-against-women report: only the officer who took it and the in-charge see or print
it; others, and commands run without signing in, find nothing under her name or number."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from printing_helpers import WHEN, apply_on_new_centre, page_text, set_up_centre, submit_example

from khidmat_desk.app import printing
from khidmat_desk.app.confidential import (
    HIDDEN_NAME,
    ConfidentialRecord,
    search_applications,
    todays_queue,
    view_application,
)
from khidmat_desk.auth.users import UserInfo
from khidmat_desk.core.catalogue import Tariff, get_service
from khidmat_desk.printing.signing import Signer
from khidmat_desk.store.db import Database

VAW = "women-violence-report"
EXAMPLE = get_service(VAW).example
Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def report(sqlite_db: Database, make_user: Callable[..., UserInfo],
           tariff: Tariff) -> tuple[Database, Signer, str, dict[str, UserInfo]]:
    signer = Signer.generate()
    set_up_centre(sqlite_db, signer)
    people = {"taker": make_user(sqlite_db, "asif.khan", "officer"),
              "other": make_user(sqlite_db, "bilal.ahmed", "officer"),
              "head": make_user(sqlite_db, "nadia.iqbal", "in-charge")}
    tracking = submit_example(sqlite_db, people["taker"], tariff, VAW)
    return sqlite_db, signer, tracking, people


def test_another_officer_sees_no_name_and_no_account(report: tuple[
        Database, Signer, str, dict[str, UserInfo]]) -> None:
    db, _, tracking, people = report
    hidden = view_application(db, tracking, people["other"])
    assert hidden.name == HIDDEN_NAME and hidden.payment is None
    assert hidden.answers == {} and hidden.status == "submitted"
    for allowed in (people["taker"], people["head"]):
        full = view_application(db, tracking, allowed)
        assert full.name == EXAMPLE["survivor_name"]
        assert full.answers["survivor_cnic"]
    assert view_application(db, tracking, None).name == HIDDEN_NAME


def test_search_lists_it_only_for_those_allowed(report: tuple[
        Database, Signer, str, dict[str, UserInfo]]) -> None:
    db, _, tracking, people = report
    for query in (EXAMPLE["survivor_name"], EXAMPLE["survivor_cnic"],
                  EXAMPLE["survivor_mobile"]):
        assert search_applications(db, query, people["other"]).items == ()
        assert search_applications(db, query, None).items == ()
        assert [s.tracking_number for s in
                search_applications(db, query, people["taker"]).items] == [tracking]
        assert [s.tracking_number for s in
                search_applications(db, query, people["head"]).items] == [tracking]
    [by_number] = search_applications(db, tracking, people["other"]).items
    assert by_number.name == HIDDEN_NAME
    [queued] = todays_queue(db, centre_code="LHR07", counter=3, user=people["other"], now=WHEN)
    assert queued.name == HIDDEN_NAME


def test_printing_needs_the_officer_who_took_it_or_the_in_charge(report: tuple[
        Database, Signer, str, dict[str, UserInfo]]) -> None:
    db, signer, tracking, people = report
    key = get_service(VAW).outputs[0].key
    with pytest.raises(ConfidentialRecord):
        printing.print_document(db, tracking, key, user=people["other"], signer=signer)
    with pytest.raises(ConfidentialRecord):
        printing.print_receipt(db, tracking, user=people["other"])
    with pytest.raises(ConfidentialRecord):
        printing.print_receipt(db, tracking, user=None)
    with pytest.raises(ConfidentialRecord):
        printing.preview_document(db, tracking, key, user=people["other"])
    assert printing.print_history(db, tracking) == ()  # a refusal writes nothing
    assert printing.print_document(db, tracking, key, user=people["taker"],
                                   signer=signer).copy_no == 1
    assert printing.print_document(db, tracking, key, user=people["head"],
                                   signer=signer).copy_no == 2


def test_the_command_line_without_sign_in_shows_nothing(run: Run, tmp_path: Path) -> None:
    folder, tracking = apply_on_new_centre(run, tmp_path, VAW, EXAMPLE)
    code, out, _ = run("find", EXAMPLE["survivor_name"], "--data-dir", str(folder))
    assert code == 1 and EXAMPLE["survivor_name"] not in out
    code, out, _ = run("status", tracking, "--json", "--data-dir", str(folder))
    assert code == 0 and EXAMPLE["survivor_name"] not in out and "34101" not in out
    code, _, err = run("print", "receipt", tracking, "--out", str(tmp_path / "r.pdf"),
                       "--data-dir", str(folder))
    assert code == 1 and "confidential" in err and not (tmp_path / "r.pdf").exists()
    code, _, err = run("print", "receipt", tracking, "--out", str(tmp_path / "r.pdf"),
                       "--data-dir", str(folder), "--user", "incharge", "--password-stdin",
                       stdin="incharge-pass-1\n")
    assert code == 0, err


def test_the_discreet_receipt_has_no_empty_name_row(report: tuple[
        Database, Signer, str, dict[str, UserInfo]]) -> None:
    db, _, tracking, people = report
    printed = printing.print_receipt(db, tracking, user=people["taker"])
    lines = [" ".join(line.split()) for line in page_text(printed.pdf).splitlines()]
    assert tracking in " ".join(lines)
    assert not [line for line in lines if line == "Name" or line.startswith("Name ")]
    assert EXAMPLE["survivor_name"] not in " ".join(lines)
    assert "Submitted" in " ".join(lines)  # the rows around it are still there
