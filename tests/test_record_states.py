"""The digest a save records is made from the values it writes, not read back; it must be,
byte for byte, what `verify_records` recomputes from the rows: for every service, paid and
free, with documents, a returning citizen, a token, a photograph, printed copies and status
changes, on SQLite and PostgreSQL."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta, timezone

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
