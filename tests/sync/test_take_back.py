"""Taking back from the central server what a lost database held: real server, real files."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from printing_helpers import WHEN, set_up_centre, verify_application
from sqlalchemy import func, select
from sync_helpers import CENTRE, FRIDAY, Central, Counter, drain

from khidmat_desk.app import printing
from khidmat_desk.app.applications import get_application
from khidmat_desk.app.applications.reads import applicant_by_id
from khidmat_desk.app.audit import check_audit_trail
from khidmat_desk.app.take_back import take_back_from_central
from khidmat_desk.auth.users import PermissionDenied, UserInfo
from khidmat_desk.printing.signing import Signer
from khidmat_desk.store.models import AuditEvent, OutboxEntry, PrintRecord
from khidmat_desk.sync.errors import BadReply
from khidmat_desk.sync.protocol import centre_day
from khidmat_desk.sync.status import current_status

DAY = centre_day(FRIDAY)


def _lost_counter(central: Central, counters: Callable[..., Counter],
                  make_user: Callable[..., UserInfo]) -> tuple[Counter, Counter, UserInfo]:
    """Counter 7 of LHR01 took three applications, verified and printed one and sent it all;
    then its disk died. The PC set up again as counter 7 has an empty database."""
    token = central.token()
    old = counters(central.url, token)
    signer = Signer.generate()
    set_up_centre(old.db, signer, centre=CENTRE, counter=7)
    made = old.submit(3)
    head = make_user(old.db, "nadia.iqbal", "in-charge")
    verify_application(old.db, made[0].tracking_number, head)
    printing.print_document(old.db, made[0].tracking_number, "verification-letter", user=head,
                            signer=signer, now=WHEN, counter=7,
                            base_url="https://verify.punjabpolice.gov.pk")
    assert drain(old.syncer)[-1].outbox_empty
    again = counters(central.url, token, number=7, folder="set-up-again")
    return old, again, make_user(again.db, "nadia.iqbal", "in-charge")


def test_a_counter_set_up_again_takes_back_what_it_sent(
        central: Central, counters: Callable[..., Counter],
        make_user: Callable[..., UserInfo]) -> None:
    old, again, head = _lost_counter(central, counters, make_user)
    seen: list[int] = []

    done = take_back_from_central(again.db, again.settings, head, since=DAY,
                                  progress=seen.append)

    assert (done.held, done.applications, done.prints, done.clashes) == (3, 3, 1, ())
    assert done.numbers_carried_on == {DAY: 3}
    assert seen == [3]
    for made in old.submitted:
        was = get_application(old.db, made.tracking_number)
        now = get_application(again.db, made.tracking_number)
        assert (now.uuid, now.status, now.version, now.answers, now.fee_total, now.documents,
                now.payment, now.officer) == (was.uuid, was.status, was.version, was.answers,
                                              was.fee_total, was.documents, was.payment,
                                              was.officer)
        assert [(h.from_status, h.to_status, h.user, h.at, h.version) for h in now.history] \
            == [(h.from_status, h.to_status, h.user, h.at, h.version) for h in was.history]
        assert (now.finding is None) == (was.finding is None)
        assert now.applicant == was.applicant is not None  # its next version says who, too
    person = old.submitted[0]
    holder = get_application(old.db, person.tracking_number).applicant
    assert holder is not None  # a returning citizen is prefilled at this PC's counter again
    profile = applicant_by_id(again.db, holder.id_type, holder.id_number)
    assert profile is not None and profile.name == \
        get_application(old.db, person.tracking_number).name
    assert done.versions == sum(len(get_application(old.db, m.tracking_number).history)
                                for m in old.submitted)
    assert get_application(again.db, old.submitted[0].tracking_number).finding.outcome \
        == "verified"
    with again.db.read() as session:
        assert session.scalar(select(func.count()).select_from(OutboxEntry)) == 0
        assert session.scalar(select(func.count()).where(
            AuditEvent.action == "application-recovered")) == 3
        copy = session.scalars(select(PrintRecord)).one()
        assert (copy.document_key, copy.copy_no) == ("verification-letter", 1)
    [history] = printing.print_history(again.db, old.submitted[0].tracking_number)
    assert (history.printed_by, history.reason) == ("not known", printing.TAKEN_BACK)
    assert check_audit_trail(again.db).ok  # every record taken back matches its audit event
    # the next application of that day goes on after the numbers on citizens' receipts
    assert again.submit(1)[0].tracking_number.split("-")[3] == "0004"
    # taking back twice changes nothing
    twice = take_back_from_central(again.db, again.settings, head, since=DAY)
    assert (twice.held, twice.applications, twice.versions, twice.prints) == (3, 0, 0, 0)


def test_only_the_in_charge_takes_back_and_only_the_counters_own(
        central: Central, counters: Callable[..., Counter],
        make_user: Callable[..., UserInfo]) -> None:
    _old, again, head = _lost_counter(central, counters, make_user)
    with pytest.raises(PermissionDenied):
        take_back_from_central(again.db, again.settings, again.officer, since=DAY)
    other = counters(central.url, central.token(counter=8), number=8)
    other_head = make_user(other.db, "nadia.iqbal", "in-charge")
    assert take_back_from_central(other.db, other.settings, other_head, since=DAY).held == 0
    # days before the loss are not asked for
    later = take_back_from_central(again.db, again.settings, head, since=DAY + timedelta(1))
    assert later.held == 1  # the one verified later (23 November) only


def test_a_number_given_again_before_the_take_back_is_named_not_merged(
        central: Central, counters: Callable[..., Counter],
        make_user: Callable[..., UserInfo]) -> None:
    _old, again, head = _lost_counter(central, counters, make_user)
    clash = again.submit(1)[0].tracking_number  # 0001 again, on a new citizen's receipt

    done = take_back_from_central(again.db, again.settings, head, since=DAY)

    assert done.clashes == (clash,)
    assert (done.held, done.applications) == (3, 2)
    assert get_application(again.db, clash).uuid == again.submitted[0].uuid
    assert again.submit(1)[0].tracking_number.split("-")[3] == "0004"


def _page(**changes: Any) -> dict[str, Any]:
    from sync_helpers import sample_record

    record = {**sample_record("0193a1b2-0000-7000-8000-000000000001").to_payload(), **changes}
    return {"applications": [{"uuid": record["uuid"], "versions": [record], "documents": []}],
            "next": record["uuid"], "more": False}


def test_what_the_server_answers_is_read_as_the_declared_records() -> None:
    from khidmat_desk.app.take_back import _read_page

    held, following, more = _read_page(_page(), CENTRE, "")
    assert len(held) == 1 and not more and following == held[0].record["uuid"]
    with pytest.raises(BadReply, match="ISB01"):
        _read_page(_page(centre_code="ISB01"), CENTRE, "")
    with pytest.raises(BadReply, match="version"):
        _read_page(_page(version=2), CENTRE, "")
    with pytest.raises(BadReply, match="fee_total"):
        _read_page(_page(fee_total="500"), CENTRE, "")


def test_a_counter_set_up_again_goes_on_after_the_numbers_the_server_holds(
        central: Central, counters: Callable[..., Counter],
        make_user: Callable[..., UserInfo]) -> None:
    """Nobody took anything back yet: the first sync pass of the new PC, before its first
    application, learns the numbers the server holds, so none is handed out a second time."""
    token = central.token()
    old = counters(central.url, token)
    now = datetime.now(UTC)
    old.submit(3, now=now)
    assert drain(old.syncer)[-1].outbox_empty
    again = counters(central.url, token, number=7, folder="set-up-again")
    first = again.syncer.run_once()  # the counter starts: its first pass
    assert first.error is None and first.summary().endswith(
        "the server holds applications this database lacks: the in-charge takes them back "
        "(sync --take-back)")

    made = again.submit(1, now=now + timedelta(seconds=10))[0]

    assert made.tracking_number.split("-")[3] == "0004"
    report = drain(again.syncer)[-1]
    assert report.outbox_empty and report.quarantined == 0  # nothing refused by the server
    with again.db.read() as session:
        raised = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "numbers-carried-on")).one()
    assert (raised.actor, raised.entity_id) == ("central.server", f"{CENTRE}/7")
    assert raised.details["last_issued"] == 3
    assert check_audit_trail(again.db).ok
    today = made.tracking_number.split("-")[1]
    day = date(2000 + int(today[:2]), int(today[2:4]), int(today[4:]))
    assert current_status(again.db).numbers_behind == {day.isoformat(): 3}  # said at the counter
    head = make_user(again.db, "nadia.iqbal", "in-charge")
    assert take_back_from_central(again.db, again.settings, head, since=day).applications == 3
    assert current_status(again.db).numbers_behind is None  # taken back: nothing more to say


def test_the_servers_numbers_are_read_as_declared() -> None:
    from khidmat_desk.sync.numbers import read_numbers

    since, until = DAY - timedelta(days=1), DAY
    answer = {"centre_code": CENTRE, "numbers": [
        {"counter": 7, "day": DAY.isoformat(), "last": 12},
        {"counter": 7, "day": "2026-01-01", "last": 40}]}  # a day not asked for: left alone
    assert read_numbers(answer, since, until) == {(CENTRE, 7, DAY): 12}
    for wrong in ({"counter": 7, "day": DAY.isoformat(), "last": 9999},
                  {"counter": True, "day": DAY.isoformat(), "last": 3},
                  {"counter": 7, "day": "06-03-2026", "last": 3}):
        with pytest.raises(BadReply, match="numbers could not be read"):
            read_numbers({"centre_code": CENTRE, "numbers": [wrong]}, since, until)


def test_the_first_day_there_is_asks_for_everything_and_is_answered(central: Central) -> None:
    import httpx

    from khidmat_desk.sync import protocol

    headers = {"Authorization": f"Bearer {central.token()}"}
    for path in (protocol.NUMBERS_PATH, protocol.HELD_PATH):
        answer = httpx.get(central.url + path, params={"from": "0001-01-01"}, headers=headers)
        assert answer.status_code == 200, answer.text
