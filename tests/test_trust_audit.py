"""Attacks on the audit trail: records edited, deleted or added behind the counter's back,
history rewritten with the hashes recomputed, a database deleted or emptied."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from intake_helpers import counter_context, intake
from sqlalchemy import text
from trust_helpers import IN_CHARGE_PASSWORD, Run, apply, make_centre, sql

from khidmat_desk.auth.users import UserInfo
from khidmat_desk.core.catalogue import Tariff
from khidmat_desk.store.audit import ChainHead, canonical_json, chain_head
from khidmat_desk.store.db import Database


@pytest.fixture
def centre(run: Run, tmp_path: Path) -> Path:
    folder = make_centre(run, tmp_path / "centre")
    for service in ("police-verification", "character-certificate", "fir-copy"):
        code, _, err = apply(run, folder, service)
        assert code == 0, err
    return folder


def verify(run: Run, folder: Path) -> tuple[int, str, str]:
    return run("audit", "verify", "--data-dir", str(folder))


def tracking_numbers(folder: Path) -> list[str]:
    return [row[0] for row in sql(folder, "SELECT tracking_number FROM application ORDER BY id")]


def test_an_untouched_centre_checks_out(run: Run, centre: Path) -> None:
    code, out, err = verify(run, centre)
    assert code == 0, err
    assert "audit chain intact" in out and "records match it" in out


@pytest.mark.parametrize(("what", "statement"), [
    ("application row", "UPDATE application SET fee_total = 0 WHERE id = 1"),
    ("application answers", "UPDATE application SET answers = json_set(answers, '$.name', "
                            "'Someone Else') WHERE id = 1"),
    ("application status", "UPDATE application SET status = 'verified' WHERE id = 1"),
    ("status history", "UPDATE status_change SET user_id = 1 WHERE application_id = 1"),
    ("status history added", "INSERT INTO status_change (application_id, from_status, "
                             "to_status, reason, user_id, at, version) SELECT application_id, "
                             "'submitted', 'verified', NULL, 1, at, 2 FROM status_change "
                             "WHERE application_id = 1"),
    ("payment", "UPDATE payment SET amount_pkr = 1 WHERE application_id = 1"),
    ("payment deleted", "DELETE FROM payment WHERE application_id = 1"),
    ("documents", "DELETE FROM document_received WHERE application_id = 1"),
    ("applicant swapped", "UPDATE applicant SET id_number = '3520299999991' WHERE id = "
                          "(SELECT applicant_id FROM application WHERE id = 1)"),
])
def test_an_edited_record_is_found(run: Run, centre: Path, what: str, statement: str) -> None:
    first = tracking_numbers(centre)[0]
    sql(centre, statement)
    code, _, err = verify(run, centre)
    assert code == 1, what
    assert f"application {first} was changed" in err


def test_a_deleted_application_is_found(run: Run, centre: Path) -> None:
    second = tracking_numbers(centre)[1]
    for table in ("application_key", "payment", "document_received", "status_change",
                  "print_record", "outbox_entry"):
        column = "uuid" if table == "outbox_entry" else "application_id"
        key = "(SELECT uuid FROM application WHERE id = 2)" if table == "outbox_entry" else "2"
        sql(centre, f"DELETE FROM {table} WHERE {column} = {key}")
    sql(centre, "DELETE FROM application WHERE id = 2")
    code, _, err = verify(run, centre)
    assert code == 1
    assert f"application {second} is in the audit trail but its record was deleted" in err


def test_an_application_added_behind_the_counters_back_is_found(run: Run,
                                                               centre: Path) -> None:
    columns = ("tracking_number, centre_code, counter, service_code, status, answers, version, "
               "applicant_id, officer_id, token_no, fee_total, expected_on, display_name, "
               "created_at, updated_at")
    sql(centre, f"INSERT INTO application (uuid, {columns}) SELECT "
                f"'0190a000-0000-7000-8000-000000000001', 'LHR01-261130-07-9999-X', "
                f"centre_code, counter, service_code, status, answers, version, applicant_id, "
                f"officer_id, token_no, fee_total, expected_on, display_name, created_at, "
                f"updated_at FROM application WHERE id = 1")
    code, _, err = verify(run, centre)
    assert code == 1 and "has no audit event: it was added outside the counter" in err


def test_an_account_promoted_behind_the_counters_back_is_found(run: Run, centre: Path) -> None:
    sql(centre, "UPDATE app_user SET role = 'in-charge' WHERE username = 'officer1'")
    code, _, err = verify(run, centre)
    assert code == 1 and "account 'officer1' was changed outside the counter" in err


@pytest.mark.parametrize("statement", [
    "DELETE FROM print_record",
    "UPDATE print_record SET state = 'failed'",  # the next copy would not say DUPLICATE
    "UPDATE print_record SET copy_no = 7",
])
def test_a_printed_copy_removed_or_edited_is_found(run: Run, centre: Path, tmp_path: Path,
                                                   statement: str) -> None:
    tracking = tracking_numbers(centre)[0]
    code, _, err = run("print", "receipt", tracking, "--data-dir", str(centre), "--out",
                       str(tmp_path / "receipt.pdf"))
    assert code == 0, err
    assert verify(run, centre)[0] == 0
    sql(centre, statement)
    code, _, err = verify(run, centre)
    assert code == 1 and f"application {tracking} was changed" in err


def _rewrite_history(folder: Path, event_id: int, change: dict[str, Any]) -> None:
    """Edit one event and recompute every hash after it, and the head: the chain alone then
    checks out again."""
    with sqlite3.connect(folder / "khidmat.sqlite3") as con:
        rows = con.execute("SELECT id, at, actor, action, entity_type, entity_id, details, "
                           "prev_hash FROM audit_event WHERE id >= ? ORDER BY id",
                           (event_id,)).fetchall()
        running = rows[0][7]
        for number, at, actor, action, entity_type, entity_id, details, _ in rows:
            values = {"actor": actor, "details": json.loads(details)}
            if number == event_id:
                values.update(change)
            moment = datetime.fromisoformat(at).replace(tzinfo=UTC)
            fields = {"at": moment.isoformat(timespec="microseconds"),
                      "actor": values["actor"], "action": action, "entity_type": entity_type,
                      "entity_id": entity_id, "details": values["details"]}
            digest = hashlib.sha256((running + canonical_json(fields)).encode()).hexdigest()
            con.execute("UPDATE audit_event SET actor = ?, details = ?, prev_hash = ?, hash = ? "
                        "WHERE id = ?", (values["actor"], json.dumps(values["details"]),
                                         running, digest, number))
            running = digest
        con.execute("UPDATE audit_head SET last_hash = ?", (running,))


def test_history_rewritten_with_the_chain_recomputed_fails_the_signed_checkpoint(
        run: Run, centre: Path) -> None:
    code, out, err = run("audit", "checkpoint", "--data-dir", str(centre), "--user", "incharge",
                         "--password-stdin", stdin=IN_CHARGE_PASSWORD + "\n")
    assert code == 0, err
    assert "audit checkpoint signed" in out
    code, out, _ = verify(run, centre)
    assert code == 0 and "1 signed checkpoints" in out
    first_submission = sql(centre, "SELECT min(id) FROM audit_event "
                                   "WHERE action = 'application-submitted'")[0][0]
    _rewrite_history(centre, first_submission, {"actor": "incharge"})
    code, _, err = verify(run, centre)
    assert code == 1
    assert "signed checkpoint" in err and "history was rewritten" in err


def test_a_forged_checkpoint_signature_is_refused(run: Run, centre: Path) -> None:
    run("audit", "checkpoint", "--data-dir", str(centre), "--user", "incharge",
        "--password-stdin", stdin=IN_CHARGE_PASSWORD + "\n")
    checkpoint = sql(centre, "SELECT id, details FROM audit_event "
                             "WHERE action = 'audit-checkpoint'")[0]
    details = json.loads(checkpoint[1])
    details["sequence"] -= 1  # claim it signed an earlier head
    _rewrite_history(centre, checkpoint[0], {"details": details})
    code, _, err = verify(run, centre)
    assert code == 1 and "checkpoint" in err


def test_only_the_in_charge_signs_a_checkpoint(run: Run, centre: Path) -> None:
    before = sql(centre, "SELECT count(*) FROM audit_event")[0][0]
    code, _, err = run("audit", "checkpoint", "--data-dir", str(centre), "--user", "officer1",
                       "--password-stdin", stdin="officer-pass-1\n")
    assert code == 1 and "in-charge" in err
    assert sql(centre, "SELECT count(*) FROM audit_event")[0][0] == before


def test_a_deleted_database_is_an_error_and_is_not_recreated(run: Run, centre: Path) -> None:
    (centre / "khidmat.sqlite3").unlink()
    for leftover in ("khidmat.sqlite3-wal", "khidmat.sqlite3-shm"):
        (centre / leftover).unlink(missing_ok=True)
    code, out, err = verify(run, centre)
    assert code == 1 and "intact" not in out
    assert "missing or empty" in err
    assert not (centre / "khidmat.sqlite3").exists()


def test_an_emptied_database_file_is_an_error(run: Run, centre: Path) -> None:
    (centre / "khidmat.sqlite3").write_bytes(b"")
    code, _, err = verify(run, centre)
    assert code == 1 and "missing or empty" in err
    assert (centre / "khidmat.sqlite3").stat().st_size == 0


def test_a_database_with_no_audit_events_is_an_error(run: Run, centre: Path) -> None:
    sql(centre, "DELETE FROM audit_event")
    sql(centre, "UPDATE audit_head SET last_id = 0, last_hash = ?", "0" * 64)
    code, out, err = verify(run, centre)
    assert code == 1 and "intact" not in out
    assert "audit trail is empty" in err


def test_the_chain_head_is_public_and_moves_with_every_event(run: Run, centre: Path) -> None:
    from khidmat_desk.app.settings import CounterSettings
    from khidmat_desk.store.db import open_database

    db = open_database(CounterSettings.load(centre).database_url)
    try:
        head = chain_head(db)
        last = sql(centre, "SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1")[0]
        assert head == ChainHead(last[0], last[1])
        apply(run, centre, "fir-copy")
        assert chain_head(db).sequence > head.sequence
    finally:
        db.dispose()


def test_a_key_slipped_into_the_database_to_resign_history_is_caught(run: Run,
                                                                    centre: Path) -> None:
    """The editor makes a key of their own, puts it in the database as the centre's and signs
    a checkpoint of rewritten history with it: the key this PC holds does not match."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from khidmat_desk.printing.signing import key_id_of, public_key_text

    forged = Ed25519PrivateKey.generate()
    key_id = key_id_of(forged.public_key())
    sql(centre, "UPDATE signing_key SET key_id = ?, public_key = ?", key_id,
        public_key_text(forged.public_key()))
    code, _, err = verify(run, centre)
    assert code == 1 and "the key in the database was replaced" in err


def test_record_digests_hold_on_every_database(db: Database, officer: UserInfo,
                                               in_charge: UserInfo, tariff: Tariff) -> None:
    """The same checks on SQLite and PostgreSQL (JSON, time zones and numbers read back)."""
    from khidmat_desk.app.applications import change_status, submit_application
    from khidmat_desk.store.audit_state import verify_records

    saved = [submit_application(counter_context(db, officer, tariff),
                                intake("police-verification")) for _ in range(3)]
    change_status(db, saved[0].tracking_number, "in-verification", user=officer)
    change_status(db, saved[0].tracking_number, "voided", user=in_charge,
                  reason="typed twice \u202e")
    with db.read() as session:
        report = verify_records(session)
    assert report.ok and report.checked == 5 and report.not_covered == 0, report.problems
    with db.write() as session:
        session.execute(text("UPDATE payment SET amount_pkr = amount_pkr + 1"))
    with db.read() as session:
        report = verify_records(session)
    assert report.found == 3


def test_a_photograph_swapped_behind_the_counters_back_is_found(tmp_path: Path) -> None:
    """Another face on a certificate: the photo's bytes (and its recorded digest) changed in
    the database after it was attached."""
    import io

    from PIL import Image

    from khidmat_desk.app.applications import change_status, submit_application
    from khidmat_desk.app.photos import attach_photo
    from khidmat_desk.auth.users import create_user
    from khidmat_desk.core.catalogue import load_tariff
    from khidmat_desk.store.audit_state import verify_records
    from khidmat_desk.store.db import open_database, sqlite_url

    def picture(shade: int) -> bytes:
        out = io.BytesIO()
        Image.new("RGB", (300, 400), (shade, 150, 150)).save(out, "JPEG")
        return out.getvalue()

    db = open_database(sqlite_url(tmp_path / "counter.sqlite3"))
    try:
        with db.write() as session:
            officer = create_user(session, "asif.khan", "Asif Khan", "officer", "correct horse 1")
        saved = submit_application(counter_context(db, officer, load_tariff()),
                                   intake("character-certificate"))
        change_status(db, saved.tracking_number, "in-verification", user=officer)
        attach_photo(db, saved.tracking_number, picture(200), user=officer)
        with db.read() as session:
            assert verify_records(session).ok
        other = picture(20)
        with db.write() as session:
            session.execute(text("UPDATE photo SET jpeg = :jpeg, sha256 = :digest"),
                            {"jpeg": other, "digest": hashlib.sha256(other).hexdigest()})
        with db.read() as session:
            report = verify_records(session)
        assert report.found == 1 and saved.tracking_number in report.problems[0]
    finally:
        db.dispose()
