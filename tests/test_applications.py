"""The application use cases against a real database: what is saved, found and changed."""

from __future__ import annotations

import json
import threading
import uuid as uuid_module
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from intake_helpers import counter_context, intake
from sqlalchemy import func, select
from thread_helpers import run_in_threads

from khidmat_desk.app.applications import (
    ApplicationNotFound,
    InvalidRequest,
    SubmitResult,
    ValidationFailed,
    add_working_days,
    applicant_by_id,
    change_status,
    discard_draft,
    find_applications,
    get_application,
    list_drafts,
    open_applications_for,
    save_draft,
    submit_application,
)
from khidmat_desk.app.findings import record_finding
from khidmat_desk.auth.users import UserInfo
from khidmat_desk.core.catalogue import Tariff, get_service
from khidmat_desk.core.records import EmptyQueryError, SearchKind
from khidmat_desk.core.tracking import TrackingNumberError, parse_tracking_number
from khidmat_desk.core.workflow import Role, Status, WorkflowError
from khidmat_desk.store.audit import verify_chain
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import (
    Applicant,
    Application,
    ApplicationKey,
    AuditEvent,
    CounterSequence,
    DocumentReceived,
    OutboxEntry,
    Payment,
    StatusChange,
)

GPV = "police-verification"
#: The four documents a police verification cannot be taken without.
REQUIRED = ("cnic_original", "cnic_copy", "affidavit", "photos")
#: Friday 6 March 2026, 10:00 in Lahore.
FRIDAY = datetime(2026, 3, 6, 5, 0, tzinfo=UTC)


def example(**changes: Any) -> dict[str, Any]:
    return {**get_service(GPV).example, **changes}


def submit(db: Database, user: UserInfo, tariff: Tariff, *, now: datetime = FRIDAY,
           counter: int = 7, service: str = GPV, answers: dict[str, Any] | None = None,
           application_uuid: str | None = None, documents_received: list[str] | None = None,
           **options: Any) -> SubmitResult:
    chosen = answers if answers is not None else example()
    return submit_application(counter_context(db, user, tariff, counter=counter),
                              intake(service, chosen, documents=documents_received, **options),
                              application_uuid=application_uuid, now=now)


def count(db: Database, model: Any) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


# --- submitting --------------------------------------------------------------------------------


def test_a_submit_saves_everything_together(db: Database, officer: UserInfo,
                                            tariff: Tariff) -> None:
    result = submit(db, officer, tariff, token_no=" A-017 ",
                    documents_received=[*REQUIRED, "authority_letter", "cnic_original"])
    assert result.tracking_number.startswith("LHR01-260306-07-0001-")
    assert parse_tracking_number(result.tracking_number).sequence == 1
    assert uuid_module.UUID(result.uuid).version == 7
    assert (result.fee_total, result.expected_on, result.warnings) == (500, date(2026, 3, 10), ())
    with db.read() as session:
        app = session.scalars(select(Application)).one()
        assert (app.status, app.version, app.token_no, app.display_name) == (
            "submitted", 1, "A-017", "Muhammad Imran")
        assert (app.answers["cnic"], app.answers["mobile"]) == ("3520212345671", "+923001234567")
        assert app.created_at == FRIDAY and app.officer_id == officer.id
        keys = set(session.execute(select(ApplicationKey.kind, ApplicationKey.value)).all())
        assert {("cnic", "3520212345671"), ("mobile", "+923001234567"),
                ("name", "muhammad imran"), ("name", "imran")} <= keys
        payment = session.scalars(select(Payment)).one()
        assert (payment.amount_pkr, payment.method, payment.received_by) == (500, "cash",
                                                                             officer.id)
        assert payment.items == [{"key": GPV, "label": "Police verification fee", "amount": 500}]
        documents = session.execute(select(DocumentReceived.doc_key)).scalars().all()
        assert sorted(documents) == sorted([*REQUIRED, "authority_letter"])
        change = session.scalars(select(StatusChange)).one()
        assert (change.from_status, change.to_status, change.version) == (None, "submitted", 1)
        event = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "application-submitted")).one()
        assert (event.actor, event.entity_id) == ("asif.khan", result.uuid)
        assert event.details["tracking_number"] == result.tracking_number
        entry = session.scalars(select(OutboxEntry)).one()
        assert (entry.uuid, entry.version, entry.kind) == (result.uuid, 1, "application")
        person = session.scalars(select(Applicant)).one()
        assert (person.id_type, person.id_number, app.applicant_id) == (
            "cnic", "3520212345671", person.id)
        assert verify_chain(session).ok


def test_the_outbox_payload_is_the_whole_record(db: Database, officer: UserInfo,
                                                tariff: Tariff) -> None:
    result = submit(db, officer, tariff, payment_method="card")
    with db.read() as session:
        payload = session.scalars(select(OutboxEntry.payload)).one()
    assert json.loads(json.dumps(payload)) == payload  # JSON-safe
    assert payload["uuid"] == result.uuid and payload["version"] == 1
    assert payload["tracking_number"] == result.tracking_number
    assert payload["status"] == "submitted" and payload["officer"] == "asif.khan"
    assert payload["answers"]["cnic"] == "3520212345671"
    assert payload["applicant"] == {"id_type": "cnic", "id_number": "3520212345671"}
    assert payload["payment"]["method"] == "card" and payload["payment"]["amount_pkr"] == 500
    assert [d["key"] for d in payload["documents_received"]] == list(REQUIRED)
    assert payload["documents_received"][-1] == {"key": "photos",
                                                 "label": "Two passport-size photographs"}
    assert payload["expected_on"] == "2026-03-10"
    assert payload["created_at"] == "2026-03-06T05:00:00.000000+00:00"
    assert payload["status_change"]["to"] == "submitted"


def test_the_tracking_date_is_the_centre_local_date(db: Database, officer: UserInfo,
                                                    tariff: Tariff) -> None:
    late_evening_utc = datetime(2026, 3, 7, 20, 30, tzinfo=UTC)  # 01:30 on the 8th in Lahore
    result = submit(db, officer, tariff, now=late_evening_utc)
    assert "-260308-" in result.tracking_number


def test_working_days_skip_sundays() -> None:
    friday = date(2026, 3, 6)
    assert add_working_days(friday, 0) == friday
    assert add_working_days(friday, 1) == date(2026, 3, 7)  # Saturday is a working day
    assert add_working_days(friday, 2) == date(2026, 3, 9)  # Sunday skipped
    assert add_working_days(date(2026, 3, 8), 1) == date(2026, 3, 9)  # from a Sunday
    for start in (date(2026, 3, 1) + timedelta(days=n) for n in range(7)):  # one of each day
        day, counted = start, []
        for _ in range(120):
            day += timedelta(days=1)
            if day.weekday() != 6:
                counted.append(day)
        assert [add_working_days(start, n) for n in range(1, 101)] == counted[:100]


def test_sequences_run_per_counter(db: Database, officer: UserInfo, tariff: Tariff) -> None:
    numbers = [submit(db, officer, tariff).tracking_number for _ in range(3)]
    other = submit(db, officer, tariff, counter=8).tracking_number
    assert [parse_tracking_number(n).sequence for n in numbers] == [1, 2, 3]
    assert parse_tracking_number(other).counter == 8
    assert parse_tracking_number(other).sequence == 1


def assert_nothing_written(db: Database) -> None:
    for model in (Application, CounterSequence, Payment, StatusChange, OutboxEntry, Applicant):
        assert count(db, model) == 0, model.__name__
    assert count(db, AuditEvent) == 2  # only the two accounts made by the fixtures


def test_invalid_answers_write_nothing(db: Database, officer: UserInfo, in_charge: UserInfo,
                                       tariff: Tariff) -> None:
    answers = example(cnic="123", mobile="")
    with pytest.raises(ValidationFailed) as caught:
        submit(db, officer, tariff, answers=answers)
    fields = {issue.field for issue in caught.value.result.errors}
    assert {"cnic", "mobile"} <= fields
    assert "was not saved" in str(caught.value)
    assert_nothing_written(db)


@pytest.mark.parametrize("options,message", [
    ({"payment_method": "cheque"}, "'cheque' is not a payment method"),
    ({"documents_received": ["passport"]}, "'passport' is not on the document checklist"),
    ({"counter": 0}, "This counter is not set up correctly"),
    ({"token_no": "T" * 30}, "at most 20 characters"),
])
def test_bad_request_values_are_named(db: Database, officer: UserInfo, in_charge: UserInfo,
                                      tariff: Tariff, options: dict[str, Any],
                                      message: str) -> None:
    with pytest.raises(InvalidRequest, match=message):
        submit(db, officer, tariff, **options)
    assert_nothing_written(db)


@pytest.mark.parametrize("left_out", REQUIRED)
def test_every_required_document_is_checked_by_the_save_itself(
        db: Database, officer: UserInfo, in_charge: UserInfo, tariff: Tariff,
        left_out: str) -> None:
    """Whoever calls (wizard, command line, a script), a police verification is not saved
    without each of its four required documents."""
    with pytest.raises(ValidationFailed) as refused:
        submit(db, officer, tariff, documents_received=[k for k in REQUIRED if k != left_out])
    assert [issue.field for issue in refused.value.result.errors] == [f"documents.{left_out}"]
    assert "has not been received" in str(refused.value)
    assert_nothing_written(db)



def test_a_free_service_records_no_payment(db: Database, officer: UserInfo) -> None:
    free = Tariff(fees={GPV: {"pkr": 0, "label": "Free"}}, sla_days={GPV: 0})
    result = submit(db, officer, free)
    assert (result.fee_total, result.expected_on) == (0, date(2026, 3, 6))
    assert count(db, Payment) == 0
    assert get_application(db, result.tracking_number).payment is None


def test_warnings_are_returned_and_do_not_block(db: Database, officer: UserInfo,
                                                tariff: Tariff) -> None:
    result = submit(db, officer, tariff, answers=example(gender="female"))  # odd CNIC digit
    assert [issue.field for issue in result.warnings] == ["cnic"]  # gender and CNIC disagree
    assert count(db, Application) == 1


def test_submitting_a_draft_twice_saves_once(db: Database, officer: UserInfo,
                                             tariff: Tariff) -> None:
    draft = save_draft(db, user=officer, service_code=GPV,
                       wizard_state={"answers": {"name": "Muhammad Im"}}, step="applicant",
                       now=FRIDAY)
    assert [d.uuid for d in list_drafts(db, officer)] == [draft]
    first = submit(db, officer, tariff, application_uuid=draft)
    again = submit(db, officer, tariff, application_uuid=draft)
    assert (again.uuid, again.tracking_number) == (draft, first.tracking_number)
    assert count(db, Application) == 1 and count(db, OutboxEntry) == 1
    assert list_drafts(db, officer) == ()


def test_drafts_are_saved_overwritten_and_discarded(db: Database, officer: UserInfo) -> None:
    key = save_draft(db, user=officer, service_code=GPV,
                     wizard_state={"answers": {"name": "Asif"}}, step="applicant", now=FRIDAY)
    state = {"answers": {"name": "Asif Khan", "cnic": "3"}, "documents": ["photos"],
             "token_no": "A-1", "payment_method": "card"}
    save_draft(db, user=officer, service_code=GPV, wizard_state=state, step="addresses",
               draft_uuid=key, now=FRIDAY + timedelta(minutes=1))
    [draft] = list_drafts(db, officer)
    assert (draft.wizard_state, draft.step, draft.updated_at) == (
        state, "addresses", FRIDAY + timedelta(minutes=1))
    discard_draft(db, key)
    assert list_drafts(db, officer) == ()


# --- finding -----------------------------------------------------------------------------------


@pytest.fixture
def three_people(db: Database, officer: UserInfo, tariff: Tariff) -> list[SubmitResult]:
    people = [
        example(),
        example(name="Imran Khan Niazi", name_ur="عمران خان", cnic="61101-7654321-3",
                mobile="0321-7654321"),
        example(name="Ayesha Imran", name_ur="عائشہ عمران", cnic="35202-1111111-2",
                gender="female", relation="w/o", mobile="+92 345 1112223"),
    ]
    return [submit(db, officer, tariff, answers=answers, now=FRIDAY + timedelta(minutes=i))
            for i, answers in enumerate(people)]


def names(found: Any) -> list[str]:
    return [item.name for item in found.items]


def test_find_by_tracking_number_as_typed(db: Database,
                                          three_people: list[SubmitResult]) -> None:
    number = three_people[1].tracking_number
    sloppy = number.lower().replace("-", " ")
    found = find_applications(db, sloppy)
    assert (found.kind, names(found)) == ("tracking", ["Imran Khan Niazi"])
    assert found.items[0].tracking_number == number


def test_a_mistyped_tracking_number_says_so(db: Database,
                                            three_people: list[SubmitResult]) -> None:
    number = three_people[0].tracking_number
    wrong = number[:-1] + ("A" if number[-1] != "A" else "B")
    with pytest.raises(TrackingNumberError) as caught:
        find_applications(db, wrong)
    assert caught.value.reason == "check"


def test_find_by_cnic_mobile_and_name(db: Database, three_people: list[SubmitResult]) -> None:
    assert names(find_applications(db, "61101-7654321-3")) == ["Imran Khan Niazi"]
    assert names(find_applications(db, "6110176543213")) == ["Imran Khan Niazi"]
    assert names(find_applications(db, "0345-1112223")) == ["Ayesha Imran"]
    found = find_applications(db, "imran")
    assert found.kind == "name"
    assert names(found) == ["Ayesha Imran", "Imran Khan Niazi", "Muhammad Imran"]  # newest first
    assert names(find_applications(db, "IMRAN KH")) == ["Imran Khan Niazi"]
    assert names(find_applications(db, "khan")) == ["Imran Khan Niazi"]
    assert names(find_applications(db, "عمران")) == ["Ayesha Imran", "Imran Khan Niazi",
                                                      "Muhammad Imran"]
    assert names(find_applications(db, "imran", limit=2)) == ["Ayesha Imran", "Imran Khan Niazi"]
    assert find_applications(db, "zubair").items == ()


def test_find_by_plate(db: Database, officer: UserInfo, tariff: Tariff) -> None:
    service = get_service("vehicle-verification")
    submit(db, officer, tariff, service=service.code, answers=dict(service.example))
    plate = next(value for kind, value in _keys(db) if kind == "plate")
    found = find_applications(db, plate.lower())
    assert found.kind == "plate" and len(found.items) == 1
    assert found.items[0].service_code == "vehicle-verification"


def _keys(db: Database) -> list[tuple[str, str]]:
    with db.read() as session:
        return [tuple(row) for row in session.execute(  # type: ignore[misc]
            select(ApplicationKey.kind, ApplicationKey.value))]


def test_an_empty_search_is_explained(db: Database) -> None:
    with pytest.raises(EmptyQueryError):
        find_applications(db, " a ")


# --- opening and changing ----------------------------------------------------------------------


def test_get_application_returns_the_whole_story(db: Database, officer: UserInfo,
                                                 tariff: Tariff) -> None:
    result = submit(db, officer, tariff)
    detail = get_application(db, result.tracking_number.lower())
    assert (detail.uuid, detail.status, detail.version, detail.officer) == (
        result.uuid, "submitted", 1, "asif.khan")
    assert detail.answers["guardian_name"] == "Abdul Rasheed"
    assert detail.payment is not None and detail.payment.received_by == "asif.khan"
    assert [d.key for d in detail.documents] == list(REQUIRED)
    assert [(h.from_status, h.to_status, h.user) for h in detail.history] == [
        (None, "submitted", "asif.khan")]
    assert detail.status is Status.SUBMITTED and detail.history[0].to_status is Status.SUBMITTED


def test_what_is_read_back_carries_the_declared_kinds(db: Database, officer: UserInfo,
                                                     tariff: Tariff) -> None:
    """Statuses, roles and search kinds come back as members of their enums, not bare text."""
    result = submit(db, officer, tariff)
    assert officer.role is Role.OFFICER
    found = find_applications(db, result.tracking_number)
    assert found.kind is SearchKind.TRACKING and found.items[0].status is Status.SUBMITTED
    assert find_applications(db, "Muhammad").kind is SearchKind.NAME


def test_an_unknown_tracking_number_is_not_found(db: Database, officer: UserInfo) -> None:
    from khidmat_desk.core.tracking import make_tracking_number

    missing = str(make_tracking_number("LHR01", date(2026, 3, 6), 7, 42))
    with pytest.raises(ApplicationNotFound, match="Check the number on the receipt"):
        get_application(db, missing)
    with pytest.raises(ApplicationNotFound):
        change_status(db, missing, "in-verification", user=officer)


def test_the_workflow_path_versions_and_queues_every_step(
        db: Database, officer: UserInfo, verifier: UserInfo, tariff: Tariff) -> None:
    number = submit(db, officer, tariff).tracking_number
    steps = [("in-verification", None), ("rejected", "fake affidavit"), ("ready", None),
             ("delivered", None)]
    for version, (status, reason) in enumerate(steps, start=2):
        at = FRIDAY + timedelta(hours=version)
        if status == "rejected":
            found = record_finding(db, number, user=verifier, outcome=status,
                                   record_status="not-verifiable", reference="",
                                   remark=str(reason), now=at)
            assert (found.outcome, found.version) == (status, version)
            continue
        changed = change_status(db, number, status, user=officer, reason=reason, now=at)
        assert (changed.to_status, changed.version) == (status, version)
    detail = get_application(db, number)
    assert (detail.status, detail.version) == ("delivered", 5)
    assert [h.to_status for h in detail.history] == [
        "submitted", "in-verification", "rejected", "ready", "delivered"]
    assert detail.history[2].reason == "fake affidavit"
    with db.read() as session:
        queued = session.execute(select(OutboxEntry.version, OutboxEntry.payload)
                                 .order_by(OutboxEntry.id)).all()
        assert verify_chain(session).ok
    assert [v for v, _ in queued] == [1, 2, 3, 4, 5]
    last = queued[-1].payload
    assert (last["status"], last["version"], last["officer"]) == ("delivered", 5, "asif.khan")
    assert last["payment"]["amount_pkr"] == 500
    assert last["status_change"]["from"] == "ready"
    assert last["answers"] == queued[0].payload["answers"]


def test_refused_changes_write_nothing(db: Database, officer: UserInfo, in_charge: UserInfo,
                                       tariff: Tariff) -> None:
    number = submit(db, officer, tariff).tracking_number
    before = (count(db, StatusChange), count(db, OutboxEntry), count(db, AuditEvent))
    with pytest.raises(WorkflowError, match="From 'submitted' it can go to"):
        change_status(db, number, "delivered", user=officer)
    with pytest.raises(WorkflowError, match="Only the in-charge"):
        change_status(db, number, "voided", user=officer, reason="duplicate")
    with pytest.raises(WorkflowError, match="needs a reason"):
        change_status(db, number, "voided", user=in_charge, reason="  ")
    assert (count(db, StatusChange), count(db, OutboxEntry), count(db, AuditEvent)) == before
    voided = change_status(db, number, "voided", user=in_charge, reason="entered twice")
    assert (voided.from_status, voided.to_status, voided.version) == ("submitted", "voided", 2)
    with pytest.raises(WorkflowError, match="final"):
        change_status(db, number, "in-verification", user=in_charge)


# --- the person behind applications ------------------------------------------------------------


def test_the_applicant_is_remembered_with_the_latest_details(
        db: Database, officer: UserInfo, tariff: Tariff) -> None:
    submit(db, officer, tariff)
    lost = get_service("lost-report")
    later = {**lost.example, **{k: v for k, v in example().items() if k in lost.field_map()}}
    later["mobile"] = "0333-9998887"
    submit(db, officer, tariff, service=lost.code, answers=later,
           now=FRIDAY + timedelta(days=30))
    assert count(db, Applicant) == 1
    profile = applicant_by_id(db, "cnic", "35202-1234567-1")
    assert profile is not None
    assert (profile.name, profile.mobile) == ("Muhammad Imran", "+923339998887")
    assert profile.details["present_district"] == "Lahore"  # kept from the first visit
    assert applicant_by_id(db, "cnic", "3520299999991") is None


def test_open_applications_for_the_same_person_and_service(
        db: Database, officer: UserInfo, verifier: UserInfo, tariff: Tariff) -> None:
    first = submit(db, officer, tariff)
    second = submit(db, officer, tariff, now=FRIDAY + timedelta(minutes=5))
    submit(db, officer, tariff, answers=example(cnic="35202-1111111-1"))
    character = get_service("character-certificate")
    submit(db, officer, tariff, service=character.code,
           answers={**character.example, "cnic": "35202-1234567-1"})
    found = open_applications_for(db, GPV, "35202-1234567-1")
    assert [s.tracking_number for s in found] == [second.tracking_number, first.tracking_number]
    change_status(db, second.tracking_number, "in-verification", user=officer)
    record_finding(db, second.tracking_number, user=verifier, outcome="rejected",
                   record_status="not-verifiable", reference="", remark="no")
    for status in ("ready", "delivered"):
        change_status(db, second.tracking_number, status, user=officer)
    found = open_applications_for(db, GPV, "3520212345671")
    assert [s.tracking_number for s in found] == [first.tracking_number]


def test_concurrent_submits_never_share_a_tracking_number(
        db: Database, officer: UserInfo, tariff: Tariff) -> None:
    numbers: list[str] = []
    lock = threading.Lock()

    def counter_at_work(counter: int) -> None:
        for _ in range(8):
            number = submit(db, officer, tariff, counter=counter).tracking_number
            with lock:
                numbers.append(number)

    assert run_in_threads(counter_at_work, [(c,) for c in (7, 7, 7, 8)]) == []
    assert len(numbers) == len(set(numbers)) == 32
    with db.read() as session:
        assert verify_chain(session).ok


def test_a_later_visit_without_mobile_keeps_the_known_one(db: Database) -> None:
    from khidmat_desk.app.applications.submit import _upsert_applicant
    from khidmat_desk.core.records import ApplicantProfile

    first = ApplicantProfile("cnic", "3520212345671", "Muhammad Imran", "محمد عمران",
                             "+923001234567", {"present_district": "Lahore", "gender": "male"})
    later = ApplicantProfile("cnic", "3520212345671", "Muhammad Imran Khan", None, None,
                             {"present_district": "Kasur", "email": "imran@example.com"})
    with db.write() as session:
        person = _upsert_applicant(session.connection(), first, FRIDAY)
    with db.write() as session:
        again = _upsert_applicant(session.connection(), later, FRIDAY + timedelta(days=3))
    assert again == person
    with db.read() as session:
        row = session.scalars(select(Applicant)).one()
    assert (row.name, row.name_ur, row.mobile) == ("Muhammad Imran Khan", "محمد عمران",
                                                   "+923001234567")
    assert row.details == {"present_district": "Kasur", "gender": "male",
                           "email": "imran@example.com"}
    assert (row.first_seen_at, row.last_seen_at) == (FRIDAY, FRIDAY + timedelta(days=3))
