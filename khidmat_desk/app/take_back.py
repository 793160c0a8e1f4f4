"""Applications taken back from the central server, after this counter's database was lost.

The server holds every version of every application the counter sent, and every copy of a
document it issued. When the counter's database is gone (a dead disk, a backup days old, a PC
set up again as the same counter), the in-charge takes back what the server holds of the days
since the loss: each application is merged in as a day bundle's is (what this database holds
is left as it is; what it lacks is added: the application, later versions, printed copies, the
police finding), each with an audit event ``application-recovered``, and nothing is queued
for the server again (it has them). The daily numbers go on past the highest the server holds,
so no tracking number on a citizen's receipt is handed out again.

The server is trusted as it is for status changes (its address and token are the counter's
own), but what it answers is read as the declared record types: a version that does not read,
another centre's application, a tracking number that is not the record's own, or versions
with a gap are refused, and nothing of a page that does not read is merged. Photographs and
drafts never reach the server and cannot come back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select

from khidmat_desk.app.print_content import RECEIPT
from khidmat_desk.app.printing import DOCUMENT_FORMAT, TAKEN_BACK
from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.app.sync import transport_config
from khidmat_desk.auth.users import UserInfo, require_role
from khidmat_desk.core.tracking import TrackingNumberError, parse_tracking_number
from khidmat_desk.core.workflow import IN_CHARGE
from khidmat_desk.store.db import Database
from khidmat_desk.store.sequences import IssuedNumbers, carry_numbers_on
from khidmat_desk.sync.errors import BadReply
from khidmat_desk.sync.protocol import ApplicationRecord, RecordError, utc_iso
from khidmat_desk.sync.transport import Transport

log = logging.getLogger("khidmat.backup")

#: Applications asked for at a time (the server gives at most 200).
PAGE = 100
CAME = "taken back from the central server"


@dataclass(frozen=True)
class TakenBack:
    since: date
    held: int = 0  # applications the server holds of those days
    applications: int = 0  # added here or brought up to date
    versions: int = 0  # status history rows added
    prints: int = 0  # printed copies added
    #: numbers the server holds that this database gave other applications since the loss
    clashes: tuple[str, ...] = ()
    numbers_carried_on: dict[date, int] = field(default_factory=dict)  # this counter's days


@dataclass(frozen=True)
class _Held:
    """One application as the server holds it, as a day bundle carries it."""

    record: dict[str, Any]
    number: tuple[str, int, date, int]  # centre, counter, day, sequence


def take_back_from_central(db: Database, settings: CounterSettings, user: UserInfo, *,
                           since: date, now: datetime | None = None,
                           timeout_seconds: float = 20.0,
                           progress: Callable[[int], None] | None = None) -> TakenBack:
    """Merge in what the server holds of the applications with a version made on ``since``
    or later (centre days); in-charge only. ``progress`` hears the applications read so far."""
    require_role(user, IN_CHARGE)
    centre = str(settings.get("centre_code"))
    counter = int(settings.get("counter"))
    when = now or datetime.now(UTC)
    totals = [0, 0, 0, 0]  # held, applications, versions, prints
    clashes: list[str] = []
    numbers: IssuedNumbers = {}
    transport = Transport(transport_config(settings, timeout_seconds=timeout_seconds))
    try:
        after, more = "", True
        while more:
            page = transport.held(since.isoformat(), after, PAGE)
            held, after, more = _read_page(page, centre, after)
            *merged, clashed = _merge(db, held, user.username, when)
            totals = [t + m for t, m in zip(totals, (len(held), *merged), strict=True)]
            clashes += clashed
            for h in held:
                key = h.number[:3]
                numbers[key] = max(numbers.get(key, 0), h.number[3])
            if progress is not None:
                progress(totals[0])
    finally:
        transport.close()
    raised = _settle(db, numbers, since, when)
    result = TakenBack(since, totals[0], totals[1], totals[2], totals[3],
                       clashes=tuple(clashes), numbers_carried_on={
        day: value for (c, n, day), value in raised.items() if (c, n) == (centre, counter)})
    log.warning("%s took back from the central server %d of the %d applications it holds "
                "since %s (%d versions, %d printed copies)", user.username,
                result.applications, result.held, since, result.versions, result.prints)
    for number in clashes:
        log.error("%s is held by the central server and is another application here: the "
                  "number was given again after the loss; that application was not taken back",
                  number)
    return result


def last_restored_backup_day(db: Database) -> date | None:
    """The day of the backup put back last on this PC (from the audit trail), if any: what was
    sent from then on is what a restore lost."""
    from khidmat_desk.store.models import AuditEvent

    with db.read() as session:
        details = session.scalar(select(AuditEvent.details)
                                 .where(AuditEvent.action == "database.restored")
                                 .order_by(AuditEvent.id.desc()).limit(1))
    day = details.get("backup_day") if isinstance(details, dict) else None
    return date.fromisoformat(day) if isinstance(day, str) else None


def _read_page(page: dict[str, Any], centre: str, after: str) -> tuple[list[_Held], str, bool]:
    """The page's applications, each read as the declared records; BadReply when one does
    not read (nothing of the page is merged)."""
    try:
        items, following, more = page["applications"], str(page["next"]), bool(page["more"])
        held = [_read_one(item, centre) for item in items]
    except (KeyError, TypeError, ValueError, RecordError, TrackingNumberError) as exc:
        raise BadReply(f"the central server's records could not be read ({exc})") from exc
    if more and (not held or following <= after):
        raise BadReply("the central server's records could not be read (the next page does "
                       "not move on)")
    return held, following, more


def _read_one(item: dict[str, Any], centre: str) -> _Held:
    versions = [ApplicationRecord.from_payload(p) for p in item["versions"]]
    if not versions:
        raise ValueError(f"application {item['uuid']} has no versions")
    first, last = versions[0], versions[-1]
    number = parse_tracking_number(first.tracking_number)
    for n, record in enumerate(versions, start=1):
        if record.centre_code != centre:
            raise ValueError(f"{record.tracking_number} is an application of "
                             f"{record.centre_code}, not of {centre}")
        if (record.uuid, record.version, record.tracking_number) != (
                item["uuid"], n, first.tracking_number):
            raise ValueError(f"{record.tracking_number} version {record.version} came where "
                             f"version {n} of {first.tracking_number} belongs")
    if (number.centre, number.counter) != (centre, first.counter):
        raise ValueError(f"{first.tracking_number} is not a number of {centre} counter "
                         f"{first.counter}")
    copies = [_copy(c) for c in item["documents"]]
    return _Held(_bundle_record(versions, copies, last),
                 (number.centre, number.counter, number.day, number.sequence))


def _copy(item: dict[str, Any]) -> dict[str, Any]:
    """One printed copy as the server names it: document, copy number, when."""
    key, copy_no, printed_at = item["document_key"], item["copy_no"], item["printed_at"]
    if not (isinstance(key, str) and 0 < len(key) <= 60 and isinstance(copy_no, int)
            and 0 < copy_no < 2**31 and isinstance(printed_at, str)):
        raise ValueError(f"a printed copy is named as {key!r} copy {copy_no!r}")
    return {"document_key": key, "copy_no": copy_no,
            "printed_at": utc_iso(datetime.fromisoformat(printed_at))}


def _bundle_record(versions: list[ApplicationRecord], copies: list[dict[str, Any]],
                   last: ApplicationRecord) -> dict[str, Any]:
    """The application as a day bundle carries it (``day_bundle.records_touched``)."""
    paid = versions[0].payment
    found = last.finding
    return {
        "uuid": last.uuid, "tracking_number": last.tracking_number,
        "centre_code": last.centre_code, "counter": last.counter,
        "service_code": last.service_code, "status": last.status, "answers": last.answers,
        "version": last.version, "officer": last.officer, "token_no": last.token_no,
        "fee_total": last.fee_total, "expected_on": last.expected_on.isoformat(),
        "display_name": last.display_name, "created_at": utc_iso(last.created_at),
        "updated_at": utc_iso(last.updated_at),
        "history": [{"version": r.version, "from": r.status_change.from_status,
                     "to": r.status_change.to_status, "reason": r.status_change.reason,
                     "by": r.status_change.by, "at": utc_iso(r.status_change.at)}
                    for r in versions],
        "payments": [] if paid is None else [{
            **{k: v for k, v in paid.to_payload().items() if k != "at"},
            "at": utc_iso(paid.at)}],
        "documents": [{"key": d.key, "label": d.label} for d in last.documents_received],
        "prints": [{**c, "format": _format_of(c["document_key"]), "by": None,
                    "reason": TAKEN_BACK, "state": "delivered", "settled_at": None}
                   for c in copies],
        "finding": None if found is None else {
            "outcome": found.outcome, "record_status": found.record_status,
            "reference": found.reference,
            "reference_date": found.reference_date.isoformat() if found.reference_date else None,
            "remark": found.remark, "override_reason": found.override_reason,
            "by": found.recorded_by, "at": utc_iso(found.recorded_at), "version": found.version},
    }


def _format_of(document_key: str) -> str:
    return "thermal" if document_key == RECEIPT else DOCUMENT_FORMAT


def _merge(db: Database, held: list[_Held], actor: str,
           when: datetime) -> tuple[int, int, int, list[str]]:
    """One page in one transaction: (applications, versions, prints) added, and the numbers
    not taken back because this database gave them to other applications."""
    from khidmat_desk.app.day_bundle import Colleagues, merge_audited
    from khidmat_desk.app.recovery import RECOVERED
    from khidmat_desk.store.models import Application

    with db.write() as session:
        taken = {number: uuid for number, uuid in session.execute(
            select(Application.tracking_number, Application.uuid).where(
                Application.tracking_number.in_([h.record["tracking_number"] for h in held])))}
        clashes = [h.record["tracking_number"] for h in held
                   if taken.get(h.record["tracking_number"], h.record["uuid"])
                   != h.record["uuid"]]
        users = Colleagues(session, when, actor, reason="named by an application taken back "
                           "from the central server; cannot sign in here")
        totals, changed = merge_audited(
            session, [h.record for h in held if h.record["tracking_number"] not in clashes],
            users, when, action=RECOVERED, came=CAME, extra={"from": "central server"})
    return changed, totals[1], totals[2], clashes


def _settle(db: Database, numbers: IssuedNumbers, since: date,
            when: datetime) -> IssuedNumbers:
    """After the last page, in one transaction: the daily numbers go on past the server's
    (what was raised is returned), and the days this take back covered are no longer said
    to be behind the server."""
    from khidmat_desk.sync import state

    with db.write() as session:
        raised = carry_numbers_on(session, numbers)
        behind = state.read_all(session).get(state.NUMBERS_BEHIND) or {}
        left = {day: last for day, last in behind.items() if date.fromisoformat(day) < since}
        if left != behind:
            state.write(session, {state.NUMBERS_BEHIND: left or None}, now=when)
    return raised
