"""Recording the police finding: who may, segregation of duties, the in-charge's reason, what is
audited and what the central server is sent."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from intake_helpers import counter_context, intake
from sqlalchemy import select, text

from khidmat_desk.app.applications import change_status, get_application, submit_application
from khidmat_desk.app.findings import FindingRefused, record_finding
from khidmat_desk.auth.users import AccountDisabled, PermissionDenied, UserInfo, set_active
from khidmat_desk.core.catalogue import Tariff
from khidmat_desk.core.findings import FindingError, check_finding, finding_kind
from khidmat_desk.core.workflow import FindingRequiredError, RoleNotAllowedError
from khidmat_desk.store.audit import verify_chain
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import AuditEvent, Finding, OutboxEntry

WHEN = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
PCC = "character-certificate"


def submit(db: Database, officer: UserInfo, tariff: Tariff, code: str = PCC) -> str:
    return submit_application(counter_context(db, officer, tariff, counter=2), intake(code),
                              now=WHEN).tracking_number


def record(db: Database, tracking: str, user: UserInfo, **changes: Any) -> Any:
    values: dict[str, Any] = {"outcome": "verified", "record_status": "not-involved",
                              "reference": "CRO 1123/2026", "reference_date": date(2026, 11, 22),
                              "remark": "", "now": WHEN + timedelta(hours=1)}
    return record_finding(db, tracking, user=user, **{**values, **changes})


def count(db: Database, model: Any) -> int:
    with db.read() as session:
        return len(session.execute(select(model)).all())


def test_a_verifier_records_the_finding_and_it_is_audited_and_sent(
        db: Database, officer: UserInfo, verifier: UserInfo, tariff: Tariff) -> None:
    tracking = submit(db, officer, tariff)
    result = record(db, tracking, verifier, record_status="case-pending",
                    remark="Under trial, Sessions Court Lahore")
    # submitted -> in-verification -> verified: two versions, walked in one transaction
    assert (result.outcome, result.record_status, result.version) == ("verified",
                                                                      "case-pending", 3)
    detail = get_application(db, tracking)
    assert detail.status == "verified"
    assert [h.to_status for h in detail.history] == ["submitted", "in-verification",
                                                     "verified"]
    found = detail.finding
    assert found is not None
    assert (found.record_status_label, found.reference, found.reference_date,
            found.recorded_by, found.override_reason) == (
        "Case pending (under trial)", "CRO 1123/2026", date(2026, 11, 22), "bilal.ahmed", None)
    with db.read() as session:
        payloads = session.scalars(select(OutboxEntry.payload).order_by(OutboxEntry.id)).all()
        events = session.execute(select(AuditEvent.action, AuditEvent.details)
                                 .order_by(AuditEvent.id)).all()
        assert verify_chain(session).ok
    last = payloads[-1]
    assert (last["status"], last["version"]) == ("verified", 3)
    assert last["finding"]["record_status"] == "case-pending"
    assert last["finding"]["reference"] == "CRO 1123/2026"
    assert last["finding"]["recorded_by"] == "bilal.ahmed"
    assert payloads[0]["finding"] is None
    details = dict(events)["finding-details"]
    assert details["record_status"] == "case-pending" and details["segregation_override"] is None
    assert "finding-recorded" in dict(events)


def test_an_officer_is_refused_by_the_use_case(
        db: Database, officer: UserInfo, make_user: Any, tariff: Tariff) -> None:
    other = make_user(db, "sana.javed", "officer")
    tracking = submit(db, officer, tariff)
    before = count(db, AuditEvent)
    with pytest.raises(PermissionDenied, match=r"Only a verifier or the in-charge can do this\. "
                                               r"You are signed in as Sana Javed"):
        record(db, tracking, other)
    with pytest.raises(RoleNotAllowedError, match="Only a verifier or the in-charge"):
        change_status(db, tracking, "in-verification", user=officer)
        change_status(db, tracking, "verified", user=officer)
    assert count(db, Finding) == 0
    assert count(db, AuditEvent) == before + 1  # only the step into verification


def test_verified_and_rejected_need_the_finding(
        db: Database, officer: UserInfo, verifier: UserInfo, tariff: Tariff) -> None:
    tracking = submit(db, officer, tariff)
    change_status(db, tracking, "in-verification", user=officer)
    for status in ("verified", "rejected"):
        with pytest.raises(FindingRequiredError, match="only with the police finding"):
            change_status(db, tracking, status, user=verifier, reason="seen")


def test_who_took_it_in_does_not_decide_on_it(
        db: Database, make_user: Any, verifier: UserInfo, tariff: Tariff) -> None:
    both = make_user(db, "usman.butt", "officer")
    from khidmat_desk.auth.users import set_roles

    head = make_user(db, "nadia.iqbal", "in-charge")
    set_roles(db, "usman.butt", {"officer", "verifier"}, by=head)
    both = UserInfo(both.id, both.username, both.full_name, frozenset({"officer", "verifier"}))
    tracking = submit(db, both, tariff)
    with pytest.raises(PermissionDenied, match=r"You took in application .* yourself, so you "
                                               r"cannot record its finding"):
        record(db, tracking, both)
    assert get_application(db, tracking).status == "submitted"
    record(db, tracking, verifier)  # someone else may
    assert get_application(db, tracking).status == "verified"


def test_the_in_charge_decides_on_their_own_intake_only_with_a_reason(
        db: Database, in_charge: UserInfo, tariff: Tariff) -> None:
    tracking = submit(db, in_charge, tariff)
    with pytest.raises(FindingRefused, match="only with a reason"):
        record(db, tracking, in_charge)
    with pytest.raises(FindingRefused, match="only with a reason"):
        record(db, tracking, in_charge, override_reason="   ")
    result = record(db, tracking, in_charge, override_reason="the only verifier is on leave")
    assert result.override
    found = get_application(db, tracking).finding
    assert found is not None and found.override_reason == "the only verifier is on leave"
    with db.read() as session:
        details = session.scalars(select(AuditEvent.details)
                                  .where(AuditEvent.action == "finding-details")).one()
    assert details["segregation_override"] == "the only verifier is on leave"


def test_a_rejection_needs_its_reason_and_the_status_must_fit_the_outcome(
        db: Database, officer: UserInfo, verifier: UserInfo, tariff: Tariff) -> None:
    tracking = submit(db, officer, tariff)
    with pytest.raises(FindingError, match="remark: a rejection needs the reason"):
        record(db, tracking, verifier, outcome="rejected", record_status="wanted")
    with pytest.raises(FindingError, match="'not-involved' cannot be recorded as rejected"):
        record(db, tracking, verifier, outcome="rejected", remark="x")
    with pytest.raises(FindingError, match="reference: type the CRO"):
        record(db, tracking, verifier, reference=" ")
    record(db, tracking, verifier, outcome="rejected", record_status="wanted",
           remark="Proclaimed offender, PS Gulberg")
    detail = get_application(db, tracking)
    assert detail.status == "rejected"
    assert detail.history[-1].reason == "Proclaimed offender, PS Gulberg"


def test_a_finding_is_recorded_once(
        db: Database, officer: UserInfo, verifier: UserInfo, in_charge: UserInfo,
        tariff: Tariff) -> None:
    tracking = submit(db, officer, tariff)
    record(db, tracking, verifier)
    with pytest.raises(FindingRefused, match="recorded once and not changed"):
        record(db, tracking, in_charge, outcome="rejected", record_status="wanted",
               remark="changed my mind")
    change_status(db, tracking, "ready", user=officer)
    assert count(db, Finding) == 1


def test_a_decision_taken_centrally_can_be_given_its_finding(
        db: Database, officer: UserInfo, verifier: UserInfo, tariff: Tariff) -> None:
    """The central server's 'verified' arrives without the record status: the verifier adds
    it, with the same outcome, as a new version."""
    from khidmat_desk.app.applications import apply_status_change, locked_application_by_uuid
    from khidmat_desk.app.sync_changes import _central_account

    tracking = submit(db, officer, tariff)
    uuid = get_application(db, tracking).uuid
    with db.write() as session:
        central = _central_account(session, WHEN)
        for step in ("in-verification", "verified"):
            row = locked_application_by_uuid(session, uuid)
            apply_status_change(session, row, step, user=central, reason=None, when=WHEN)
    with pytest.raises(FindingRefused, match="No finding can be recorded"):
        record(db, tracking, verifier, outcome="rejected", record_status="wanted", remark="x")
    result = record(db, tracking, verifier)
    detail = get_application(db, tracking)
    assert (detail.status, detail.version, result.version) == ("verified", 4, 4)
    assert detail.finding is not None and detail.history[-1].from_status == "verified"


def test_a_switched_off_verifier_is_refused_at_once(
        db: Database, officer: UserInfo, verifier: UserInfo, in_charge: UserInfo,
        tariff: Tariff) -> None:
    tracking = submit(db, officer, tariff)
    set_active(db, "bilal.ahmed", False, by=in_charge)
    with pytest.raises(AccountDisabled, match="switched off"):
        record(db, tracking, verifier)  # signed in before; refused at the next action


def test_crime_report_outcomes_take_an_fir_number(
        db: Database, officer: UserInfo, verifier: UserInfo, tariff: Tariff) -> None:
    tracking = submit(db, officer, tariff, "crime-report")
    with pytest.raises(FindingError, match=r"FIR no\./year"):
        record(db, tracking, verifier, record_status="fir-registered", reference="twelve")
    record(db, tracking, verifier, record_status="fir-registered", reference="0812/26")
    found = get_application(db, tracking).finding
    assert found is not None and found.reference == "812/2026"


def test_every_kind_offers_both_outcomes_and_reads_on_paper() -> None:
    today = date(2026, 11, 30)
    for code in ("character-certificate", "vehicle-verification", "crime-report",
                 "lost-report"):
        kind = finding_kind(code)
        for outcome in ("verified", "rejected"):
            assert kind.for_outcome(outcome), (code, outcome)
        for status in kind.statuses:
            assert status.label and status.statement and status.statement_ur
            checked = check_finding(code, outcome=status.outcomes[0], record_status=status.key,
                                    reference_no="5/2026", reference_date=None,
                                    remark="because", today=today)
            assert checked.status == status


def test_a_finding_or_a_role_changed_behind_the_counters_back_is_found(
        db: Database, officer: UserInfo, verifier: UserInfo, tariff: Tariff) -> None:
    from sqlalchemy import text

    from khidmat_desk.store.audit_state import verify_records

    tracking = submit(db, officer, tariff)
    record(db, tracking, verifier, record_status="case-pending")
    with db.read() as session:
        assert verify_records(session).ok
    with db.write() as session:  # a pending case quietly becomes a clean record
        session.execute(text("UPDATE finding SET record_status = 'not-involved'"))
        session.execute(text(
            "INSERT INTO user_role (user_id, role) SELECT id, 'in-charge' FROM app_user "
            "WHERE username = :name"), {"name": officer.username})
    with db.read() as session:
        report = verify_records(session)
    assert report.found == 2, report.problems
    assert any(tracking in p and "finding" in p for p in report.problems)
    assert any(f"account '{officer.username}'" in p for p in report.problems)


def test_the_verifiers_list_holds_what_awaits_a_finding_and_nothing_else(
        db: Database, officer: UserInfo, verifier: UserInfo, in_charge: UserInfo,
        tariff: Tariff) -> None:
    from khidmat_desk.app.centre_view import CentreFilter, centre_applications

    awaiting = CentreFilter(awaiting_finding=True)
    older, newer = submit(db, officer, tariff), submit(db, officer, tariff, "police-verification")
    decided = submit(db, officer, tariff)
    record(db, decided, verifier)
    secret = submit(db, officer, tariff, "women-violence-report")

    def listed(user: UserInfo, filters: CentreFilter = awaiting) -> list[str]:
        return [r.summary.tracking_number for r in centre_applications(
            db, by=user, centre_code="LHR01", filters=filters, now=WHEN)]

    assert listed(verifier) == [older, newer]  # oldest first; decided and confidential out
    assert listed(in_charge) == [older, newer, secret]  # the in-charge sees the report too
    with pytest.raises(PermissionDenied):
        listed(verifier, CentreFilter())  # the whole centre is the in-charge's
    with pytest.raises(PermissionDenied):
        listed(officer)


def test_the_list_names_a_station_of_the_centres_own_district_by_its_name(
        db: Database, officer: UserInfo, in_charge: UserInfo, tariff: Tariff) -> None:
    from khidmat_desk.app.centre_view import CentreFilter, centre_applications
    from khidmat_desk.store.models import Centre

    with db.write() as session:
        if session.get(Centre, "LHR01") is None:
            session.add(Centre(code="LHR01", name="Liberty Market", district="Lahore"))
    here, away = submit(db, officer, tariff), submit(db, officer, tariff)
    with db.write() as session:
        session.execute(text("UPDATE application SET police_station = 'City (Lodhran)' "
                             "WHERE tracking_number = :t"), {"t": away})
    rows = {r.summary.tracking_number: r for r in centre_applications(
        db, by=in_charge, centre_code="LHR01", filters=CentreFilter(), now=WHEN)}
    assert rows[here].police_station.endswith(" (Lahore)")
    assert rows[here].station_here == rows[here].police_station[:-len(" (Lahore)")]
    assert (rows[away].police_station, rows[away].station_here) == ("City (Lodhran)",) * 2
