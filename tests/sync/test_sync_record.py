"""The application record is one declared type: what the counter writes on submit and on a
status change, what the server reads, and what docs/sync-protocol.md lists."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from intake_helpers import counter_context, intake
from sqlalchemy import select, text
from sync_helpers import FRIDAY, sample_record

from khidmat_desk.app.applications import change_status, get_application, submit_application
from khidmat_desk.app.applications.record import sync_record
from khidmat_desk.auth.users import UserInfo
from khidmat_desk.core.catalogue import SERVICE_CODES, Tariff
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import OutboxEntry
from khidmat_desk.sync.protocol import RECORD_FIELDS, ApplicationRecord, RecordError

DOC = Path(__file__).resolve().parents[2] / "docs" / "sync-protocol.md"


def _payloads(db: Database) -> list[dict[str, Any]]:
    with db.read() as session:
        return list(session.scalars(select(OutboxEntry.payload).order_by(OutboxEntry.id)))


def test_submit_and_status_change_write_the_same_declared_record(
        db: Database, officer: UserInfo, in_charge: UserInfo, tariff: Tariff) -> None:
    result = submit_application(counter_context(db, officer, tariff), intake(
        "police-verification", token_no="A-9"), now=FRIDAY)
    change_status(db, result.tracking_number, "in-verification", user=in_charge)
    change_status(db, result.tracking_number, "voided", user=in_charge, reason="duplicate")
    first, second, third = (ApplicationRecord.from_payload(p) for p in _payloads(db))
    for record, payload in zip((first, second, third), _payloads(db), strict=True):
        assert sorted(payload) == sorted(RECORD_FIELDS)  # a JSON object: PostgreSQL sorts keys
        assert record.to_payload() == payload  # nothing lost or added either way
    assert [r.version for r in (first, second, third)] == [1, 2, 3]
    assert (third.status, third.status_change.from_status, third.status_change.reason,
            third.status_change.by) == ("voided", "in-verification", "duplicate", "nadia.iqbal")
    same = ("uuid", "tracking_number", "answers", "applicant", "payment", "documents_received",
            "officer", "token_no", "created_at", "expected_on")
    assert {k: getattr(first, k) for k in same} == {k: getattr(third, k) for k in same}
    detail = get_application(db, result.tracking_number)
    assert third.updated_at == detail.updated_at and third.officer == detail.officer == "asif.khan"


@pytest.mark.parametrize("service_code", SERVICE_CODES)
def test_submit_queues_the_record_sync_record_makes_of_what_it_saved(
        db: Database, officer: UserInfo, tariff: Tariff, service_code: str) -> None:
    result = submit_application(counter_context(db, officer, tariff), intake(
        service_code, token_no="B-1"))
    (queued,) = _payloads(db)
    saved = get_application(db, result.tracking_number)
    assert queued == sync_record(saved).to_payload()
    if db.is_sqlite:  # the stored text is json.dumps of the values, as the columns spell them
        with db.read() as session:
            row_text = session.execute(text("SELECT answers FROM application")).scalar_one()
            payload_text = session.execute(text("SELECT payload FROM outbox_entry")).scalar_one()
        assert row_text == json.dumps(saved.answers)
        assert payload_text == json.dumps(sync_record(saved).to_payload())


@pytest.mark.parametrize(("change", "named"), [
    (lambda p: p.pop("answers"), "answers must be a JSON object"),
    (lambda p: p.update(counter="7"), "counter must be a whole number"),
    (lambda p: p.update(status="lost"), "status 'lost' is not one of"),
    (lambda p: p.update(expected_on="10-03-2026"), "expected_on must be a date"),
    (lambda p: p["payment"].update(at="2026-03-06T10:00"), "payment.at must carry a time zone"),
    (lambda p: p["documents_received"][0].pop("label"), "documents_received[0].label must be"),
    (lambda p: p["status_change"].update(version=True), "status_change.version must be a whole"),
])
def test_a_malformed_record_names_its_field(change: Any, named: str) -> None:
    payload = sample_record("0193a000-0000-7000-8000-000000000001").to_payload()
    change(payload)
    with pytest.raises(RecordError, match=re.escape(named)):
        ApplicationRecord.from_payload(payload)


def test_the_protocol_document_lists_every_field() -> None:
    text = DOC.read_text("utf-8")
    section = text.split("## The application record", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE)
    assert tuple(listed) == RECORD_FIELDS
