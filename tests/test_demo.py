"""The demo centre: realistic volumes and statuses, written exactly as real saves write them."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from intake_helpers import counter_context, intake
from sqlalchemy import func, select

from khidmat_desk.app.applications import (
    SubmitResult,
    add_working_days,
    find_applications,
    get_application,
    submit_application,
)
from khidmat_desk.app.demo import (
    DEMO_CENTRE_CODE,
    DEMO_PASSWORDS,
    DemoSummary,
    _make_plan,
    build_demo,
)
from khidmat_desk.app.demo.plan import SERVICE_MIX
from khidmat_desk.auth.users import UserInfo, authenticate
from khidmat_desk.core import validators, workflow
from khidmat_desk.core.catalogue import get_service, load_tariff, sla_days
from khidmat_desk.core.clock import centre_zone
from khidmat_desk.core.findings import check_finding
from khidmat_desk.core.samples import NamePool, sample_answers
from khidmat_desk.core.tracking import parse_tracking_number
from khidmat_desk.core.validation import validate_answers
from khidmat_desk.store.audit import verify_chain
from khidmat_desk.store.audit_state import verify_records
from khidmat_desk.store.db import Database, open_database, sqlite_url
from khidmat_desk.store.models import (
    Applicant,
    Application,
    AuditEvent,
    Centre,
    CounterSequence,
    Finding,
    OutboxEntry,
    Payment,
    StatusChange,
    User,
)

#: Wednesday 19 November 2025, 15:30 in Lahore: the demo's "now".
CENTRE_TIME = centre_zone()
NOW = datetime(2025, 11, 19, 15, 30, tzinfo=CENTRE_TIME).astimezone(UTC)
TODAY = date(2025, 11, 19)
SIZE = 500


def _open(path: Path) -> Database:
    return open_database(sqlite_url(path / "counter.sqlite3"), backup_dir=path / "backups")


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Database]:
    db = _open(tmp_path)
    try:
        yield db
    finally:
        db.dispose()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, DemoSummary]]:
    db = _open(tmp_path_factory.mktemp("demo"))
    try:
        yield db, build_demo(db, applications=SIZE, days=30, seed=7, now=NOW)
    finally:
        db.dispose()


def _rows(db: Database, *columns: Any) -> list[Any]:
    with db.read() as session:
        return list(session.execute(select(*columns)))


def test_services_come_in_the_proportions_of_a_real_centre(
        demo: tuple[Database, DemoSummary]) -> None:
    db, summary = demo
    stored = Counter(code for (code,) in _rows(db, Application.service_code))
    assert sum(stored.values()) == SIZE and stored == Counter(summary.by_service)
    total = sum(SERVICE_MIX.values())
    for code in ("police-verification", "character-certificate", "tenant-registration"):
        expected = SIZE * SERVICE_MIX[code] / total
        assert abs(stored[code] - expected) < 4 * expected**0.5 + 5, (code, stored[code])
    assert len(stored) >= 10  # the rare services turn up too


def test_every_status_is_present_and_follows_the_workflow(
        demo: tuple[Database, DemoSummary]) -> None:
    db, summary = demo
    statuses = Counter(status for (status,) in _rows(db, Application.status))
    assert set(statuses) == set(workflow.STATUSES)
    assert statuses == Counter(summary.by_status)
    history: dict[int, list[Any]] = defaultdict(list)
    with db.read() as session:
        changes = session.execute(
            select(StatusChange.application_id, StatusChange.from_status,
                   StatusChange.to_status, StatusChange.reason, StatusChange.version,
                   StatusChange.at, User.role).join(User, User.id == StatusChange.user_id))
        for row in changes:
            history[row.application_id].append(row)
    for app in _rows(db, Application.id, Application.status, Application.version,
                     Application.updated_at):
        steps = sorted(history[app.id], key=lambda r: r.version)
        assert [s.version for s in steps] == list(range(1, app.version + 1))
        assert steps[0].from_status is None and steps[0].to_status == workflow.SUBMITTED
        for before, after in pairwise(steps):
            assert after.from_status == before.to_status and after.at >= before.at
            workflow.check_transition(
                after.from_status, after.to_status, after.role, after.reason,
                with_finding=after.to_status in workflow.FINDING_STATUSES)
        assert steps[-1].to_status == app.status and steps[-1].at == app.updated_at


def test_older_applications_are_further_along_than_todays(
        demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    today_start = datetime(2025, 11, 19, tzinfo=CENTRE_TIME)
    rows = _rows(db, Application.status, Application.created_at)
    todays = Counter(r.status for r in rows if r.created_at >= today_start)
    old = Counter(r.status for r in rows if r.created_at < today_start - timedelta(days=14))
    assert todays and set(todays) <= {workflow.SUBMITTED, workflow.IN_VERIFICATION,
                                      workflow.VERIFIED, workflow.READY, workflow.DELIVERED,
                                      workflow.VOIDED}
    assert todays[workflow.SUBMITTED] + todays[workflow.IN_VERIFICATION] > sum(todays.values()) / 2
    assert old[workflow.DELIVERED] > sum(old.values()) * 0.8


def test_arrivals_fall_in_opening_hours_and_busier_on_weekdays(
        demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    local = [r.created_at.astimezone(CENTRE_TIME) for r in _rows(db, Application.created_at)]
    assert all(8 <= moment.hour < 20 for moment in local)
    assert max(local) <= NOW
    by_weekday = Counter(moment.weekday() for moment in local)
    assert by_weekday[6] < min(by_weekday[d] for d in range(5))  # Sunday is quiet


def test_audit_chain_verifies(demo: tuple[Database, DemoSummary]) -> None:
    db, summary = demo
    with db.read() as session:
        report = verify_chain(session)
        total = session.scalar(select(func.count()).select_from(AuditEvent))
        actions = Counter(session.scalars(select(AuditEvent.action)))
        ats = list(session.scalars(select(AuditEvent.at).order_by(AuditEvent.id)))
    assert report.ok, report.reason
    assert report.checked == total == summary.audit_events + actions["user-created"]
    assert actions["application-submitted"] == SIZE and actions["login"] > 0
    assert ats[actions["user-created"]:] == sorted(ats[actions["user-created"]:])


def test_tracking_numbers_and_daily_sequences_agree(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    taken: dict[tuple[int, date], list[int]] = defaultdict(list)
    for row in _rows(db, Application.tracking_number, Application.counter,
                     Application.created_at):
        number = parse_tracking_number(row.tracking_number)
        assert str(number) == row.tracking_number and number.centre == DEMO_CENTRE_CODE
        assert number.counter == row.counter
        assert number.day == row.created_at.astimezone(CENTRE_TIME).date()
        taken[(number.counter, number.day)].append(number.sequence)
    recorded = {(r.counter, r.day): r.last_value
                for r in _rows(db, CounterSequence.counter, CounterSequence.day,
                               CounterSequence.last_value)}
    assert recorded == {key: max(values) for key, values in taken.items()}
    for values in taken.values():
        assert sorted(values) == list(range(1, len(values) + 1))


def test_stored_answers_are_what_validation_stores(demo: tuple[Database, DemoSummary]) -> None:
    db, summary = demo
    assert summary.validated == SIZE // 20
    rows = _rows(db, Application.service_code, Application.answers, Application.created_at,
                 Application.expected_on)
    tariff = load_tariff()
    for row in random.Random(1).sample(rows, 120):
        service = get_service(row.service_code)
        local = row.created_at.astimezone(CENTRE_TIME).replace(tzinfo=None)
        result = validate_answers(service, row.answers, today=local.date(), now=local)
        assert result.ok and result.answers == row.answers, [str(i) for i in result.issues]
        assert row.expected_on == add_working_days(local.date(), sla_days(service, tariff))


def test_payments_match_the_fee(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    fees = {r.id: r.fee_total for r in _rows(db, Application.id, Application.fee_total)}
    paid = {r.application_id: r.amount_pkr
            for r in _rows(db, Payment.application_id, Payment.amount_pkr)}
    assert paid == {app_id: fee for app_id, fee in fees.items() if fee > 0}
    assert paid  # police verification and character certificates are paid for


def test_returning_citizens_keep_one_applicant_record(demo: tuple[Database, DemoSummary]) -> None:
    db, summary = demo
    per_person = Counter(applicant for (applicant,) in _rows(db, Application.applicant_id)
                         if applicant is not None)
    repeats = sum(count - 1 for count in per_person.values())
    assert summary.returning_applicants == repeats
    assert SIZE * 0.04 < repeats < SIZE * 0.15
    assert len(_rows(db, Applicant.id)) == len(per_person)


def test_unsent_versions_wait_in_the_outbox(demo: tuple[Database, DemoSummary]) -> None:
    db, summary = demo
    start_of_today = datetime(2025, 11, 19, tzinfo=CENTRE_TIME)
    entries = _rows(db, OutboxEntry.uuid, OutboxEntry.version, OutboxEntry.payload,
                    OutboxEntry.created_at)
    assert len(entries) == summary.outbox_entries > 0
    versions = {r.uuid: r.version for r in _rows(db, Application.uuid, Application.version)}
    for entry in entries:
        assert entry.created_at >= start_of_today
        assert entry.payload["uuid"] == entry.uuid and entry.payload["version"] == entry.version
        assert entry.version <= versions[entry.uuid]
        assert entry.payload["status_change"]["version"] == entry.version


def test_demo_people_are_found_by_cnic_and_name(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    with db.read() as session:
        joined = session.execute(
            select(Application.tracking_number, Application.display_name, Applicant.id_number)
            .join(Applicant, Applicant.id == Application.applicant_id)
            .where(Applicant.id_type == "cnic")).all()
    for tracking, name, cnic in random.Random(3).sample(joined, 10):
        by_cnic = find_applications(db, validators.format_cnic(cnic))
        assert by_cnic.kind == "cnic" and tracking in {i.tracking_number for i in by_cnic.items}
        by_name = find_applications(db, name, limit=200)
        assert by_name.kind == "name" and tracking in {i.tracking_number for i in by_name.items}
        detail = get_application(db, tracking)
        assert detail.history[0].to_status == workflow.SUBMITTED


def test_the_demo_accounts_sign_in_with_the_documented_passwords(fresh: Database) -> None:
    db = fresh
    build_demo(db, applications=20, days=2, seed=1, now=NOW)
    for username, password in DEMO_PASSWORDS.items():
        user = authenticate(db, username, password, now=NOW + timedelta(minutes=1))
        assert user.username == username
    with db.read() as session:
        centre = session.get(Centre, DEMO_CENTRE_CODE)
        assert centre is not None and centre.district == "Lahore"
        logged_in = session.scalars(select(User.last_login_at)).all()
    assert all(at is not None for at in logged_in)


def save_sample(db: Database, user: UserInfo, code: str, *, seed: int, counter: int,
                after: timedelta) -> SubmitResult:
    """A generated application saved at a demo counter as an officer would, ``after`` NOW."""
    service = get_service(code)
    local = NOW.astimezone(CENTRE_TIME).replace(tzinfo=None)
    answers = sample_answers(service, random.Random(seed), today=TODAY, now=local,
                             names=NamePool.load())
    return submit_application(
        counter_context(db, user, centre_code=DEMO_CENTRE_CODE, counter=counter),
        intake(service.code, answers), now=NOW + after)


def test_a_later_save_continues_the_daily_sequence(fresh: Database) -> None:
    build_demo(fresh, applications=300, days=5, seed=11, now=NOW)
    user = authenticate(fresh, "officer1", DEMO_PASSWORDS["officer1"], now=NOW)
    with fresh.read() as session:
        last = session.scalar(select(CounterSequence.last_value).where(
            CounterSequence.counter == 1, CounterSequence.day == TODAY))
    assert last is not None and last > 0
    result = save_sample(fresh, user, "police-verification", seed=5, counter=1,
                         after=timedelta(minutes=5))
    number = parse_tracking_number(result.tracking_number)
    assert (number.day, number.counter, number.sequence) == (TODAY, 1, last + 1)
    with fresh.read() as session:
        assert verify_chain(session).ok


def test_a_second_demo_adds_to_the_first(fresh: Database) -> None:
    first = build_demo(fresh, applications=200, days=3, seed=1, now=NOW)
    second = build_demo(fresh, applications=150, days=3, seed=2, now=NOW + timedelta(hours=1))
    assert (first.applications, second.applications) == (200, 150)
    rows = _rows(fresh, Application.tracking_number)
    assert len(rows) == len({r.tracking_number for r in rows}) == 350
    assert len(_rows(fresh, User.id)) == 6  # 4 officers, the verifier, the in-charge: once each
    with fresh.read() as session:
        assert verify_chain(session).ok


def test_the_same_seed_makes_the_same_centre(tmp_path: Path) -> None:
    made = []
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        db = _open(tmp_path / name)
        try:
            build_demo(db, applications=120, days=4, seed=5, now=NOW)
            made.append(sorted((r.tracking_number, r.status, r.display_name)
                               for r in _rows(db, Application.tracking_number,
                                              Application.status, Application.display_name)))
        finally:
            db.dispose()
    assert made[0] == made[1]


def test_a_worker_process_makes_the_same_records(tmp_path: Path) -> None:
    made = []
    for workers in (0, 1):
        (tmp_path / str(workers)).mkdir()
        db = _open(tmp_path / str(workers))
        try:
            summary = build_demo(db, applications=90, days=2, seed=3, now=NOW, chunk_size=25,
                                 workers=workers)
            with db.read() as session:
                assert verify_chain(session).ok
            made.append((summary.by_status, sorted(
                (r.tracking_number, r.display_name) for r in
                _rows(db, Application.tracking_number, Application.display_name))))
        finally:
            db.dispose()
    assert made[0] == made[1]


def test_an_empty_demo_still_sets_up_the_centre(fresh: Database) -> None:
    summary = build_demo(fresh, applications=0, days=1, seed=1, now=NOW)
    assert summary.applications == 0 and summary.counters == 4
    assert "0 applications" in str(summary)
    with fresh.read() as session:
        assert verify_chain(session).ok
        assert session.get(Centre, DEMO_CENTRE_CODE) is not None


def test_a_busy_day_opens_more_counters() -> None:
    """A counter numbers at most 9,999 applications a day (four digits in the number)."""
    busy = _make_plan(30_000, 1, 1, "Lahore", 1, NOW, 0.1, 20, 5000)
    assert busy.counters >= 4 and sum(busy.counts) == 30_000


def test_bad_arguments_are_refused(fresh: Database) -> None:
    for wrong in ({"applications": -1}, {"days": 0}, {"chunk_size": 0}, {"repeat_share": 1.0}):
        arguments: dict[str, Any] = {"applications": 10, "days": 2, "seed": 1, "now": NOW,
                                     **wrong}
        with pytest.raises(ValueError):
            build_demo(fresh, **arguments)


def test_the_demo_runs_on_every_database(db: Database) -> None:
    """SQLite takes the driver's executemany; PostgreSQL (when configured) the Core path."""
    summary = build_demo(db, applications=150, days=3, seed=4, now=NOW)
    assert summary.applications == 150
    with db.read() as session:
        assert verify_chain(session).ok
        assert verify_records(session).ok  # the findings' digests too
        assert session.scalar(select(func.count()).select_from(Finding))
        found = session.execute(select(Application.tracking_number, Application.display_name)
                                .order_by(Application.id.desc())).first()
    assert found is not None
    assert find_applications(db, found.tracking_number).items[0].name == found.display_name
    officer = authenticate(db, "officer2", DEMO_PASSWORDS["officer2"], now=NOW)
    result = save_sample(db, officer, "fir-copy", seed=2, counter=2,
                         after=timedelta(minutes=1))
    assert get_application(db, result.tracking_number).status == workflow.SUBMITTED


# -- findings: every decision is the verifier's, with what the police found -----------------


def test_every_decision_has_the_verifiers_finding(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    with db.read() as session:
        verifier = session.scalars(select(User).where(User.username == "verifier")).one()
        decisions = session.execute(
            select(Application.id, Application.service_code, Application.officer_id,
                   StatusChange.to_status, StatusChange.user_id, StatusChange.version,
                   StatusChange.at, StatusChange.reason)
            .join(StatusChange, StatusChange.application_id == Application.id)
            .where(StatusChange.to_status.in_(sorted(workflow.FINDING_STATUSES)))).all()
        found = {f.application_id: f for f in session.scalars(select(Finding))}
        events = Counter(session.scalars(select(AuditEvent.action)))
    assert verifier.role == workflow.VERIFIER
    assert len(decisions) == len(found) > SIZE / 2
    assert {workflow.VERIFIED, workflow.REJECTED} <= {d.to_status for d in decisions}
    for decision in decisions:
        finding = found[decision.id]
        assert decision.user_id == finding.recorded_by == verifier.id != decision.officer_id
        assert (finding.outcome, finding.version, finding.recorded_at) == (
            decision.to_status, decision.version, decision.at)
        checked = check_finding(decision.service_code, outcome=finding.outcome,
                                record_status=finding.record_status,
                                reference_no=finding.reference,
                                reference_date=finding.reference_date, remark=finding.remark,
                                today=finding.recorded_at.astimezone(CENTRE_TIME).date())
        assert (checked.status.key, checked.reference, checked.reference_date,
                checked.remark) == (finding.record_status, finding.reference,
                                    finding.reference_date, finding.remark)
        assert decision.reason  # the remark of a rejection, the record status otherwise
    assert events["finding-recorded"] == events["finding-details"] == len(found)
    assert events["status-changed"] > 0


def test_demo_records_with_findings_pass_audit_verify(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    with db.read() as session:
        report = verify_records(session)
    assert report.ok, report


def test_sent_versions_after_a_decision_carry_the_finding(
        demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    with db.read() as session:
        findings = {uuid: (version, reference) for uuid, version, reference in session.execute(
            select(Application.uuid, Finding.version, Finding.reference)
            .join(Finding, Finding.application_id == Application.id))}
        entries = session.execute(select(OutboxEntry.uuid, OutboxEntry.version,
                                         OutboxEntry.payload)).all()
    carried = 0
    for entry in entries:
        decided = findings.get(entry.uuid)
        if decided is None or entry.version < decided[0]:
            assert entry.payload.get("finding") is None
            continue
        carried += 1
        assert entry.payload["finding"]["version"] == decided[0]
        assert entry.payload["finding"]["reference"] == decided[1]
        assert entry.payload["finding"]["recorded_by"] == "verifier"
    assert carried > 0


def test_a_demo_certificate_prints_the_record_status(fresh: Database) -> None:
    from printing_helpers import page_text

    from khidmat_desk.app import printing
    from khidmat_desk.core.findings import finding_kind
    from khidmat_desk.printing.signing import Signer

    build_demo(fresh, applications=80, days=12, seed=5, now=NOW)
    with fresh.read() as session:
        tracking, status = session.execute(
            select(Application.tracking_number, Finding.record_status)
            .join(Finding, Finding.application_id == Application.id)
            .where(Application.service_code == "character-certificate",
                   Finding.outcome == workflow.VERIFIED)).first()  # type: ignore[misc]
    officer = authenticate(fresh, "officer1", DEMO_PASSWORDS["officer1"], now=NOW)
    printed = printing.print_document(fresh, tracking, "character-certificate", user=officer,
                                      signer=Signer.generate(), now=NOW)
    text = " ".join(page_text(printed.pdf).split())
    label = finding_kind("character-certificate").status(status)
    assert label is not None
    assert "Police finding" in text and label.label in text
    assert "Recorded by Tariq Mahmood" in text
    with fresh.read() as session:
        assert verify_records(session).ok
