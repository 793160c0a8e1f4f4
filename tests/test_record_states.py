"""The digest a save records is made from the values it writes, not read back; it must be,
byte for byte, what `verify_records` recomputes from the rows: for every service, paid and
free, with documents, a returning citizen, a token, a photograph, printed copies and status
changes, on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import io
import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from intake_helpers import counter_context, intake
from PIL import Image
from sqlalchemy import select

from khidmat_desk.app.applications import change_status, submit_application
from khidmat_desk.app.photos import attach_photo
from khidmat_desk.app.printing import print_receipt
from khidmat_desk.auth.users import UserInfo
from khidmat_desk.core.catalogue import Tariff, all_services, get_service
from khidmat_desk.core.intake import applicable_documents
from khidmat_desk.core.validation import validate_answers
from khidmat_desk.store.audit_state import STATE_KEY, application_state, verify_records
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import AuditEvent


def _recorded(db: Database, uuid: str) -> tuple[str, str]:
    """(action, state) of the application's newest audit event."""
    with db.read() as session:
        event = session.execute(
            select(AuditEvent.action, AuditEvent.details)
            .where(AuditEvent.entity_type == "application", AuditEvent.entity_id == uuid)
            .order_by(AuditEvent.id.desc()).limit(1)).one()
    return str(event.action), str(event.details[STATE_KEY])


def _recomputed(db: Database, uuid: str) -> str:
    with db.read() as session:
        return application_state(session, uuid)


def _every_document(service_code: str) -> tuple[str, ...]:
    service = get_service(service_code)
    answers = validate_answers(service, service.example).answers
    return tuple(d.key for d in applicable_documents(service, answers))


@pytest.mark.parametrize("service_code", [s.code for s in all_services()])
def test_a_saved_applications_recorded_state_is_its_rows_digest(
        db: Database, officer: UserInfo, tariff: Tariff, service_code: str) -> None:
    ctx = counter_context(db, officer, tariff)
    first = submit_application(ctx, intake(service_code))
    # The same citizen again, every document of the checklist, a token and card payment.
    again = submit_application(ctx, intake(service_code, documents=_every_document(service_code),
                                           token_no="A-17", payment_method="card"))
    for saved in (first, again):
        action, state = _recorded(db, saved.uuid)
        assert action == "application-submitted"
        assert state == _recomputed(db, saved.uuid)
    with db.read() as session:
        report = verify_records(session)
    assert report.ok and report.not_covered == 0, report.problems


def test_states_hold_through_photo_prints_and_status_changes(
        db: Database, officer: UserInfo, in_charge: UserInfo, tariff: Tariff) -> None:
    ctx = counter_context(db, officer, tariff)
    # A moment given in the centre's own zone is stored and digested as the same UTC instant.
    karachi = timezone(timedelta(hours=5))
    saved = submit_application(ctx, intake("character-certificate"),
                               now=datetime.now(UTC).astimezone(karachi))
    assert _recorded(db, saved.uuid)[1] == _recomputed(db, saved.uuid)
    change_status(db, saved.tracking_number, "in-verification", user=officer)
    picture = io.BytesIO()
    Image.new("RGB", (300, 400), (180, 150, 150)).save(picture, "JPEG")
    attach_photo(db, saved.tracking_number, picture.getvalue(), user=officer)
    print_receipt(db, saved.tracking_number, user=officer)
    print_receipt(db, saved.tracking_number, user=officer, reason="Paper jammed")
    change_status(db, saved.tracking_number, "voided", user=in_charge, reason="typed twice")
    assert _recorded(db, saved.uuid) == ("status-changed", _recomputed(db, saved.uuid))
    with db.read() as session:
        report = verify_records(session)
    assert report.ok and report.not_covered == 0, report.problems


def _reference_digest(app: Any, applicant: Any, changes: Any, payments: Any, documents: Any,
                      prints: Any, photos: Any = (), findings: Any = (), **_: Any) -> str:
    """The record digest as first defined: json.dumps of the whole material at once. Digests
    recorded by earlier versions of the counter were made this way and must still verify."""
    def iso(moment: datetime | None) -> str | None:
        if moment is None:
            return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC).isoformat(timespec="microseconds")

    def day(value: Any) -> Any:
        return value if value is None or isinstance(value, str) else value.isoformat()

    material: dict[str, Any] = {
        "application": [
            app["uuid"], app["tracking_number"], app["centre_code"], app["counter"],
            app["service_code"], app["status"], app["answers"], app["version"],
            app["officer_id"], app["token_no"], app["fee_total"], day(app["expected_on"]),
            app["display_name"], iso(app["created_at"]), iso(app["updated_at"])],
        "applicant": None if applicant is None else list(applicant),
        "status_changes": sorted(
            [c["version"], c["from_status"], c["to_status"], c["reason"], c["user_id"],
             iso(c["at"])] for c in changes),
        "payments": sorted(
            ([iso(p["at"]), p["amount_pkr"], p["method"], p["received_by"], p["items"]]
             for p in payments), key=lambda p: json.dumps(p, sort_keys=True)),
        "documents": sorted([d["doc_key"], d["label"]] for d in documents),
        "prints": sorted(
            ([p["document_key"], p["copy_no"], p["format"], p["user_id"], p["reason"],
              iso(p["printed_at"]), p.get("state"), p.get("destination"),
              iso(p.get("settled_at"))] for p in prints),
            key=lambda p: (p[0], p[1], p[5] or "")),
        "photos": sorted(
            [hashlib.sha256(p["jpeg"]).hexdigest(), p["sha256"], p["added_by"],
             iso(p["added_at"])] for p in photos),
    }
    found = sorted(
        [f["outcome"], f["record_status"], f["reference"], day(f["reference_date"]),
         f["remark"], f["override_reason"], f["recorded_by"], iso(f["recorded_at"]),
         f["version"]] for f in findings)
    if found:
        material["findings"] = found
    text = json.dumps(material, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_the_digest_is_spelled_as_it_always_was(
        db: Database, officer: UserInfo, tariff: Tariff, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every digest `verify_records` makes of a demo centre (every service, many versions) and
    of counter saves with a photograph and prints equals the first definition's."""
    from khidmat_desk.app.demo import build_demo
    from khidmat_desk.store import audit_state

    build_demo(db, applications=120, days=3, seed=5)
    ctx = counter_context(db, officer, tariff)
    saved = submit_application(ctx, intake("character-certificate", token_no="\u0627\u0628"))
    print_receipt(db, saved.tracking_number, user=officer)
    compared = []
    fast = audit_state.application_digest

    def both(*args: Any, **kwargs: Any) -> str:
        digest = fast(*args, **kwargs)
        assert digest == _reference_digest(*args, **kwargs)
        compared.append(digest)
        return digest

    monkeypatch.setattr(audit_state, "application_digest", both)
    with db.read() as session:
        report = verify_records(session)
    assert report.ok and len(compared) == 121, report.problems
    # A police finding (only the use case that records one writes it) and odd values.
    finding = {"outcome": "clear", "record_status": "no-record", "reference": "SB/12/\u06f1",
               "reference_date": date(2026, 3, 1), "remark": "\u0635\u0627\u0641", "version": 3,
               "override_reason": None, "recorded_by": "v.one",
               "recorded_at": datetime(2026, 3, 2, 9, 30, tzinfo=UTC)}
    app = {"uuid": "u", "tracking_number": "t", "centre_code": "LHR01", "counter": 1,
           "service_code": "s", "status": "verified", "answers": {"b": [1, 2.5], "a": None,
                                                                   "\u0646\u0627\u0645": "x"},
           "version": 3, "officer_id": 1, "token_no": None, "fee_total": 0,
           "expected_on": "2026-03-05", "display_name": "A \"quoted\" name",
           "created_at": datetime(2026, 3, 1), "updated_at": datetime(2026, 3, 2, tzinfo=UTC)}
    payments = [{"at": datetime(2026, 3, 1, tzinfo=UTC), "amount_pkr": n, "method": "cash",
                 "received_by": 1, "items": [{"key": "k", "label": "\u0641\u06cc\u0633"}]}
                for n in (500, 1500)]
    for found in ([], [finding], [finding, {**finding, "version": 2}]):
        args = (app, ("cnic", "35202-1234567-1"), [], payments, [], [], [], found)
        assert fast(*args) == _reference_digest(*args)


def test_version_digests_equal_the_whole_records_digest() -> None:
    """The bulk writer's digests of versions made one after another, with what stays the same
    spelled once, equal `application_digest` of each version: with and without a payment,
    with findings, prints and photographs, Urdu values, and changes added out of order."""
    from khidmat_desk.store.audit_state import VersionDigests, answers_text, application_digest

    answers = {"b": [1, 2.5], "a": None, "\u0646\u0627\u0645": "\u0627\u062d\u0645\u062f"}
    app = {"uuid": "u", "tracking_number": "t", "centre_code": "LHR01", "counter": 1,
           "service_code": "s", "status": "submitted", "answers": answers, "version": 1,
           "officer_id": 1, "token_no": "\u0627\u0628", "fee_total": 500,
           "expected_on": date(2026, 3, 5), "display_name": "A \"quoted\" name",
           "created_at": datetime(2026, 3, 1, 9, tzinfo=timezone(timedelta(hours=5))),
           "updated_at": datetime(2026, 3, 1, 4, tzinfo=UTC)}
    payments = [{"at": datetime(2026, 3, 1, tzinfo=UTC), "amount_pkr": 500, "method": "cash",
                 "received_by": 1, "items": [{"label": "\u0641\u06cc\u0633", "key": "k"}]}]
    documents = [{"doc_key": "z", "label": "Z"}, {"doc_key": "a", "label": "\u0634"}]
    prints = [{"document_key": "receipt", "copy_no": n, "format": "a4", "user_id": 1,
               "reason": None, "printed_at": datetime(2026, 3, 1, 10, n, tzinfo=UTC),
               "state": "printed", "destination": "Printer", "settled_at": None}
              for n in (2, 1)]
    photos = [{"jpeg": b"\xff\xd8 photo", "sha256": "x", "added_by": 1,
               "added_at": datetime(2026, 3, 1, 10, tzinfo=UTC)}]
    finding = {"outcome": "clear", "record_status": "no-record", "reference": "SB/1",
               "reference_date": date(2026, 3, 2), "remark": "\u0635\u0627\u0641",
               "version": 3, "override_reason": None, "recorded_by": "v.one",
               "recorded_at": datetime(2026, 3, 2, 9, 30, tzinfo=UTC)}
    for applicant, paid, printed, pictures in ((("cnic", "3520212345671"), payments, [], []),
                                                (None, [], prints, photos)):
        digests = VersionDigests(applicant, paid, documents, printed, pictures,
                                 answers=answers_text(answers))
        changes: list[dict[str, Any]] = []
        found: list[dict[str, Any]] = []
        for version, (old, new) in enumerate([(None, "submitted"), ("submitted", "in-review"),
                                              ("in-review", "verified")], start=1):
            at = datetime(2026, 3, 1, 9, tzinfo=UTC) + timedelta(hours=version)
            app.update(status=new, version=version, updated_at=at)
            changes.append({"version": version, "from_status": old, "to_status": new,
                            "reason": None if old is None else "\u0648\u062c\u06c1",
                            "user_id": 1, "at": at})
            if version == 3:
                found.append(finding)
            expected = application_digest(app, applicant, changes, paid, documents, printed,
                                          pictures, found)
            assert digests.digest(app, changes, found) == expected
        # A change that sorts before the others (an earlier version recorded late).
        changes.append({"version": 0, "from_status": "x", "to_status": "y", "reason": None,
                        "user_id": 2, "at": datetime(2026, 2, 1, tzinfo=UTC)})
        assert digests.digest(app, changes, found) == application_digest(
            app, applicant, changes, paid, documents, printed, pictures, found)


def test_a_demo_centre_passes_audit_verify(run: Any, tmp_path: Path) -> None:
    """The demo writes in bulk, with the digests made in worker processes: `audit verify`
    checks its chain and recomputes every record's digest from the rows."""
    folder = tmp_path / "demo"
    code, _, err = run("demo", "--data-dir", str(folder), "--applications", "400")
    assert code == 0, err
    code, out, err = run("audit", "verify", "--data-dir", str(folder))
    assert code == 0, err
    # 400 applications and the demo's six accounts (in-charge, verifier, four officers), every
    # one vouched for.
    assert "intact" in out and "406 records match it" in out, out
