"""One demo application's whole record: the row, its payment, documents and every version.

Built the way `submit_application` and `change_status` build theirs (the same payload
function, the same audit details and hashed fields), but for every version at once: what
happened after the submission is known from the plan. Only the database ids and the links of
the audit chain are left to the writer, which alone knows them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any, TypeAlias

from khidmat_desk.app.applications import (
    OUTBOX_KIND,
    ApplicationDetail,
    PaymentInfo,
    StatusChangeInfo,
    add_working_days,
    sync_record,
)
from khidmat_desk.app.demo import findings, spell
from khidmat_desk.app.demo.plan import StatusEvent, status_events, uuid7_at
from khidmat_desk.core import clock, workflow
from khidmat_desk.core.catalogue import Tariff, sla_days
from khidmat_desk.core.fields import Service
from khidmat_desk.core.records import ApplicantProfile, SearchKind, police_station
from khidmat_desk.core.workflow import Status
from khidmat_desk.store.audit import hashed_fields as audit_fields
from khidmat_desk.store.audit_state import STATE_KEY, VersionDigests, answers_text
from khidmat_desk.sync.protocol import RecordApplicant, RecordDocument

PAYMENT_METHODS = ("cash", "card", "online")
PAYMENT_WEIGHTS = (90.0, 7.0, 3.0)


@dataclass(frozen=True)
class Person:
    """A member of staff as the records name them."""

    id: int
    username: str


@dataclass(frozen=True)
class Setting:
    """What every record of a demo shares."""

    centre_code: str
    tariff: Tariff
    in_charge: Person
    now_local: datetime
    unsent_since: datetime  # aware: versions from then on wait in the outbox
    verifier: Person  # records every finding: never the officer who took the application in


#: An audit event waiting for its place in the chain: (moment, material, row, outbox entry or
#: None). `material` is the canonical JSON its hash covers after the previous hash.
Logged: TypeAlias = tuple[datetime, str, dict[str, Any], dict[str, Any] | None]
@dataclass
class Record:
    """Everything one application writes, less ids (filled in by the writer)."""

    app: dict[str, Any]
    keys: list[tuple[SearchKind, str]]
    payment: dict[str, Any] | None
    documents: list[dict[str, Any]]
    changes: list[dict[str, Any]]
    events: list[Logged]
    profile: ApplicantProfile | None
    created_at: datetime
    checked: bool
    findings: list[dict[str, Any]] = field(default_factory=list)  # rows, less the app's id
    digests: VersionDigests | None = None  # of the record's versions, made by `tell`


@dataclass(frozen=True)
class Intake:
    """One application as taken at the counter."""

    service: Service
    local: datetime
    answers: dict[str, Any]
    officer: Person
    counter: int
    tracking_number: str
    token_no: str | None
    name: str
    keys: list[tuple[SearchKind, str]]
    profile: ApplicantProfile | None
    fee_total: int
    fee_items: list[dict[str, Any]]
    documents: list[dict[str, str]]


def tell(intake: Intake, setting: Setting, rng: random.Random, ids: random.Random,
         checked: bool) -> Record:
    """The record of one application from submission to `setting.now_local`."""
    created = _aware(intake.local)
    sla = sla_days(intake.service, setting.tariff)
    expected_on: date = add_working_days(intake.local.date(), sla)
    app = {
        "uuid": uuid7_at(created, ids), "tracking_number": intake.tracking_number,
        "centre_code": setting.centre_code, "counter": intake.counter,
        "service_code": intake.service.code, "status": workflow.SUBMITTED,
        "answers": intake.answers, "version": 1, "officer_id": intake.officer.id,
        "token_no": intake.token_no, "fee_total": intake.fee_total, "expected_on": expected_on,
        "display_name": intake.name, "created_at": created, "updated_at": created,
        "police_station": police_station(intake.service, intake.answers)}
    documents = [{"doc_key": d["key"], "label": d["label"]} for d in intake.documents]
    record = Record(app, sorted({(k, v) for k, v in intake.keys if v}),
                    _payment(intake, created, rng), documents, [], [], intake.profile,
                    created, checked)
    profile = intake.profile
    record.digests = VersionDigests(
        None if profile is None else (profile.id_type, profile.id_number),
        [] if record.payment is None else [record.payment], documents,
        answers=answers_text(intake.answers))
    _version(record, intake, setting, None, StatusEvent(intake.local, workflow.SUBMITTED, False))
    for event in status_events(rng, intake.local, sla, expected_on, setting.now_local):
        _version(record, intake, setting, record.app["status"], event)
    return record


def _payment(intake: Intake, at: datetime, rng: random.Random) -> dict[str, Any] | None:
    """A paid service's payment; a free one records none, as a save does."""
    if intake.fee_total <= 0:
        return None
    return {"amount_pkr": intake.fee_total,
            "method": rng.choices(PAYMENT_METHODS, PAYMENT_WEIGHTS)[0],
            "received_by": intake.officer.id, "at": at, "items": intake.fee_items}


def _version(record: Record, intake: Intake, setting: Setting, old: str | None,
             event: StatusEvent) -> None:
    """One version: status history row, audit event, and outbox entry if not yet sent."""
    app, at = record.app, _aware(event.at)
    user = setting.in_charge if event.by_in_charge else intake.officer
    action = "application-submitted" if old is None else "status-changed"
    reason = event.reason
    if event.to in workflow.FINDING_STATUSES:  # the verifier records what the police found
        user, action = setting.verifier, findings.FINDING_RECORDED
        record.findings.append(findings.demo_finding(
            app["service_code"], app["tracking_number"], event.to, at, event.reason or "",
            verifier_id=user.id, version=app["version"] + 1))
        reason = findings.change_reason(app["service_code"], record.findings[-1])
    if old is not None:
        app.update(status=event.to, version=app["version"] + 1, updated_at=at)
    record.changes.append({"from_status": old, "to_status": event.to, "reason": reason,
                           "user_id": user.id, "at": at, "version": app["version"]})
    details = {"tracking_number": app["tracking_number"], "service_code": app["service_code"],
               "version": app["version"], "from": old, "to": event.to, "reason": reason,
               STATE_KEY: _state(record)}
    row = {"at": at, "actor": user.username, "action": action, "entity_type": "application",
           "entity_id": app["uuid"], "details": details}
    material = spell.canonical(audit_fields(at, user.username, action, "application",
                                            app["uuid"], details))
    outbox = None
    if at >= setting.unsent_since:
        change = StatusChangeInfo(None if old is None else Status(old), Status(event.to),
                                  reason, user.username, at, app["version"])
        payload = sync_record(_as_read(record, intake, change, setting)).to_payload()
        outbox = {"uuid": app["uuid"], "version": app["version"], "kind": OUTBOX_KIND,
                  "payload": payload, "created_at": at, "attempts": 0}
    record.events.append((at, material, row, outbox))
    if action == findings.FINDING_RECORDED:
        _log(record, at, user, findings.FINDING_DETAILS,
             findings.details_event(app["tracking_number"], record.findings[-1]))


def _log(record: Record, at: datetime, user: Person, action: str,
         details: dict[str, Any]) -> None:
    """An audit event about the application that changes nothing in it (no outbox entry)."""
    uuid = record.app["uuid"]
    row = {"at": at, "actor": user.username, "action": action, "entity_type": "application",
           "entity_id": uuid, "details": details}
    material = spell.canonical(audit_fields(at, user.username, action, "application", uuid,
                                            details))
    record.events.append((at, material, row, None))


def _state(record: Record) -> str:
    """The digest `submit_application` / `change_status` would record for this version."""
    assert record.digests is not None  # made with the record
    return record.digests.digest(record.app, record.changes, record.findings)


def _as_read(record: Record, intake: Intake, change: StatusChangeInfo,
             setting: Setting) -> ApplicationDetail:
    """The application as a read would return it at this version (what the record is built
    from on the counter)."""
    app, paid, profile = record.app, record.payment, intake.profile
    return ApplicationDetail(
        uuid=app["uuid"], tracking_number=app["tracking_number"],
        centre_code=app["centre_code"], counter=app["counter"],
        service_code=app["service_code"], status=Status(app["status"]), version=app["version"],
        name=app["display_name"], answers=app["answers"], token_no=app["token_no"],
        fee_total=app["fee_total"], expected_on=app["expected_on"],
        created_at=app["created_at"], updated_at=app["updated_at"],
        officer=intake.officer.username,
        payment=None if paid is None else PaymentInfo(
            paid["amount_pkr"], paid["method"], intake.officer.username, paid["at"],
            tuple(paid["items"])),
        documents=tuple(RecordDocument(d["key"], d["label"]) for d in intake.documents),
        history=(change,),
        applicant=None if profile is None else RecordApplicant(profile.id_type, profile.id_number),
        finding=None if not record.findings else findings.finding_info(
            app["service_code"], record.findings[-1], setting.verifier.username))


#: The centre's offset from UTC by zone, local day and hour, where one offset holds for the
#: whole hour (None where it changes within it). A demo's moments fall in a few hundred hours.
_OFFSETS: dict[tuple[tzinfo, date, int], timedelta | None] = {}


def _aware(local: datetime) -> datetime:
    """`clock.from_wall`, with the zone's rules consulted once per local hour."""
    key = (clock.centre_zone(), local.date(), local.hour)
    offset = _OFFSETS.get(key, _UNKNOWN)
    if offset is _UNKNOWN:
        offset = _OFFSETS[key] = _hour_offset(local.replace(minute=0, second=0, microsecond=0))
    if offset is None:  # a change of offset within the hour: the zone decides
        return clock.from_wall(local)
    return (local - offset).replace(tzinfo=UTC)


#: Not looked up yet (None means "changes within the hour").
_UNKNOWN = timedelta.min


def _hour_offset(start: datetime) -> timedelta | None:
    """The offset from `start` to the next hour when it is the same at both ends."""
    first = start - clock.from_wall(start).replace(tzinfo=None)
    end = start + timedelta(hours=1)
    return first if end - clock.from_wall(end).replace(tzinfo=None) == first else None
