"""Every counter of the centre on the in-charge's PC, when each counter keeps its own SQLite.

A counter writes its working day as a signed day bundle (gzip: a header line with the signer's
Ed25519 key and signature, then the body). The body holds every application the day touched
(taken, moved along, voided or printed that day) as it stands now, with its whole status
history, payment, documents, printed copies and police finding. The in-charge's PC imports it:
what it does not hold yet is added, what it holds is left as it is, so importing the same bundle
twice changes nothing. Every application and colleague's account an import adds to or changes
gets its own audit event carrying the digest of what now stands (as a save does), so `audit
verify` on the in-charge's PC vouches for imported records too. Imported versions that fall in a
day the in-charge already closed are flagged as late there. Imported records are not queued for
the central server: each counter sends its own. The in-charge trusts a counter by its key
(shown by the export), typed on the first import of that counter's bundles: the key is then
remembered on this PC (an audit event, so the trail says who trusted which key and when) and
later bundles of that counter are checked against it. A bundle signed by another key is refused
until the in-charge types that counter's new key (a counter set up again), which replaces the
remembered one, audited as well.
"""

from __future__ import annotations

import base64
import gzip
import json
import logging
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from khidmat_desk.app import day_close
from khidmat_desk.app.day_reports import period_of
from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.app.sync import bundle_key
from khidmat_desk.auth.users import UserInfo, require_role
from khidmat_desk.core.catalogue import UnknownServiceError, get_service
from khidmat_desk.core.clock import utc_moment
from khidmat_desk.core.fields import Service
from khidmat_desk.core.records import applicant_profile, police_station, search_keys
from khidmat_desk.core.workflow import IN_CHARGE, OFFICER
from khidmat_desk.errors import KnownError
from khidmat_desk.files import write_chosen_file
from khidmat_desk.store import search
from khidmat_desk.store.audit import append_event
from khidmat_desk.store.audit_state import STATE_KEY, application_states, user_state
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import (
    Applicant,
    Application,
    AuditEvent,
    Centre,
    DocumentReceived,
    Finding,
    Payment,
    PrintRecord,
    StatusChange,
    User,
    table_of,
)
from khidmat_desk.sync.bundle import public_key_hex
from khidmat_desk.sync.protocol import version_digest

log = logging.getLogger("khidmat.day_bundle")

FORMAT = "khidmat-day-bundle"
FORMAT_VERSION = 1
_NO_LOGIN = "!"  # no password hash matches: an imported colleague cannot sign in here
APP, CHANGE, PAY = table_of(Application), table_of(StatusChange), table_of(Payment)
DOC, PRINT, USER = table_of(DocumentReceived), table_of(PrintRecord), table_of(User)
FINDING, PERSON = table_of(Finding), table_of(Applicant)


KEY_TRUSTED = "counter-key-trusted"  # audit action: the key this PC trusts for a counter
_KEY_PATTERN = re.compile(r"[0-9a-f]{64}")


class DayBundleError(KnownError):
    """A day bundle that cannot be written, trusted or imported; ``str()`` says why."""

    bad_input = True


class CounterKeyError(DayBundleError):
    """The bundle's counter has no key on this PC yet, or its bundle is signed by another key
    than the one remembered: the in-charge must type the key the counter's export showed."""

    def __init__(self, message: str, counter: int) -> None:
        super().__init__(message)
        self.counter = counter


@dataclass(frozen=True)
class DayBundleWritten:
    path: Path
    counter: int
    day: date
    applications: int
    versions: int
    public_key: str


@dataclass(frozen=True)
class DayBundleImported:
    counter: int
    day: date
    applications_added: int
    versions_added: int
    prints_added: int
    late: int


# ---------------------------------------------------------------------------------------------
# Export, on a counter
# ---------------------------------------------------------------------------------------------


def export_day_bundle(db: Database, settings: CounterSettings, user: UserInfo, *, day: date,
                      out: Path, now: datetime | None = None) -> DayBundleWritten:
    require_role(user, IN_CHARGE)
    when = utc_moment(now)
    period = period_of(db, day)
    with db.read() as session:
        records = records_touched(session, period.start, period.end)
    key = bundle_key(settings)
    versions = [(r["uuid"], h["version"]) for r in records for h in r["history"]]
    body = json.dumps({
        "centre_code": str(settings.get("centre_code")), "counter": int(settings.get("counter")),
        "day": day.isoformat(), "created_at": when.isoformat(), "records": records,
        "digest": version_digest(versions)}, ensure_ascii=False,
        separators=(",", ":"), default=str).encode("utf-8")
    header = json.dumps({"format": FORMAT, "version": FORMAT_VERSION, "alg": "ed25519",
                         "public_key": public_key_hex(key),
                         "signature": base64.b64encode(key.sign(body)).decode()})
    write_chosen_file(out, gzip.compress(header.encode() + b"\n" + body))
    with db.write() as session:
        append_event(session, actor=user.username, action="day-bundle-exported",
                     entity_type="day_bundle", entity_id=day.isoformat(), at=when,
                     details={"applications": len(records), "file": out.name})
    log.info("day bundle of %s: %d applications written to %s", day, len(records), out)
    return DayBundleWritten(out, int(settings.get("counter")), day, len(records), len(versions),
                            public_key_hex(key))


def records_touched(session: Session, start: datetime, end: datetime) -> list[dict[str, Any]]:
    """Every application changed or printed in ``[start, end)``, whole (status history,
    payments, documents, printed copies, finding), as a day bundle carries it."""
    touched = select(CHANGE.c.application_id).where(CHANGE.c.at >= start, CHANGE.c.at < end)
    printed = select(PRINT.c.application_id).where(PRINT.c.printed_at >= start,
                                                   PRINT.c.printed_at < end)
    ids = sorted(set(session.scalars(touched.union(printed))))
    if not ids:
        return []
    names = {r.id: r.username for r in session.execute(select(USER.c.id, USER.c.username))}
    history, payments, documents, prints = (defaultdict(list) for _ in range(4))
    for r in session.execute(select(CHANGE).where(CHANGE.c.application_id.in_(ids))
                             .order_by(CHANGE.c.version)):
        history[r.application_id].append({
            "version": r.version, "from": r.from_status, "to": r.to_status,
            "reason": r.reason, "by": names[r.user_id], "at": _iso(r.at)})
    for r in session.execute(select(PAY).where(PAY.c.application_id.in_(ids))):
        payments[r.application_id].append({
            "amount_pkr": r.amount_pkr, "method": r.method, "received_by": names[r.received_by],
            "at": _iso(r.at), "items": r.items})
    for r in session.execute(select(DOC).where(DOC.c.application_id.in_(ids))):
        documents[r.application_id].append({"key": r.doc_key, "label": r.label})
    for r in session.execute(select(PRINT).where(PRINT.c.application_id.in_(ids))):
        prints[r.application_id].append({
            "document_key": r.document_key, "format": r.format, "copy_no": r.copy_no,
            "by": names.get(r.user_id) if r.user_id else None, "reason": r.reason,
            "printed_at": _iso(r.printed_at), "state": r.state,
            "settled_at": _iso(r.settled_at) if r.settled_at else None})
    findings = {r.application_id: {
        "outcome": r.outcome, "record_status": r.record_status, "reference": r.reference,
        "reference_date": r.reference_date.isoformat() if r.reference_date else None,
        "remark": r.remark, "override_reason": r.override_reason,
        "by": names[r.recorded_by], "at": _iso(r.recorded_at), "version": r.version}
        for r in session.execute(select(FINDING).where(FINDING.c.application_id.in_(ids)))}
    rows = session.execute(select(APP).where(APP.c.id.in_(ids)).order_by(APP.c.id))
    return [{
        "uuid": a.uuid, "tracking_number": a.tracking_number, "centre_code": a.centre_code,
        "counter": a.counter, "service_code": a.service_code, "status": a.status,
        "answers": a.answers, "version": a.version, "officer": names[a.officer_id],
        "token_no": a.token_no, "fee_total": a.fee_total,
        "expected_on": a.expected_on.isoformat(), "display_name": a.display_name,
        "created_at": _iso(a.created_at), "updated_at": _iso(a.updated_at),
        "history": history[a.id], "payments": payments[a.id], "documents": documents[a.id],
        "prints": prints[a.id], "finding": findings.get(a.id)} for a in rows]


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


# ---------------------------------------------------------------------------------------------
# Import, on the in-charge's PC
# ---------------------------------------------------------------------------------------------


def normal_key(text: str) -> str:
    """A counter's public key as typed (spaces between groups, any case) in its one spelling."""
    key = "".join(text.split()).lower()
    if not _KEY_PATTERN.fullmatch(key):
        raise DayBundleError("A counter's key is 64 letters and digits (0-9, a-f), as its "
                             "export showed it.")
    return key


def trusted_counter_key(session: Session, counter: int) -> str | None:
    """The key this PC trusts for ``counter``'s bundles (the last one the in-charge typed)."""
    details = session.scalar(
        select(AuditEvent.details)
        .where(AuditEvent.entity_type == "counter", AuditEvent.entity_id == str(counter),
               AuditEvent.action == KEY_TRUSTED)
        .order_by(AuditEvent.id.desc()).limit(1))
    return None if details is None else str(details["public_key"])


def _unpack(path: Path) -> tuple[dict[str, Any], bytes, dict[str, Any]]:
    """Header, signed body and the body read (not yet trusted) of the bundle at ``path``."""
    try:
        header_line, body = gzip.decompress(Path(path).read_bytes()).split(b"\n", 1)
        header = json.loads(header_line)
        document = json.loads(body)
        int(document["counter"])
    except (OSError, EOFError, ValueError, KeyError, TypeError) as exc:
        raise DayBundleError.told("{path} is not a day bundle or is damaged ({problem})",
                                  path=path, problem=exc) from exc
    if not isinstance(header, dict) or header.get("format") != FORMAT \
            or header.get("version") != FORMAT_VERSION:
        raise DayBundleError.told("{path} is not a version {version} day bundle", path=path,
                                  version=FORMAT_VERSION)
    return header, body, document


def _check(path: Path, header: dict[str, Any], body: bytes, document: dict[str, Any],
           key: str) -> None:
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(key)).verify(
            base64.b64decode(header["signature"]), body)
    except (InvalidSignature, KeyError, ValueError, TypeError) as exc:
        raise DayBundleError.told("{path} has a bad signature: it was changed after it was "
                                  "written", path=path) from exc
    versions = [(r["uuid"], h["version"]) for r in document["records"] for h in r["history"]]
    if version_digest(versions) != document["digest"]:
        raise DayBundleError.told("{path} is incomplete: its records do not match its digest",
                                  path=path)


def import_day_bundle(db: Database, user: UserInfo, path: Path, *,
                      trusted_key: str | None = None,
                      now: datetime | None = None) -> DayBundleImported:
    """Add what the bundle holds that this PC does not. ``trusted_key``: the counter's key as
    its export showed it, needed the first time and when the counter's key changed; without it
    the key remembered for the bundle's counter is used."""
    require_role(user, IN_CHARGE)
    when = utc_moment(now)
    header, body, document = _unpack(path)
    counter = int(document["counter"])  # claimed, not trusted: it only picks the key to check
    with db.read() as session:
        remembered = trusted_counter_key(session, counter)
    try:
        key = normal_key(trusted_key) if trusted_key else remembered
    except DayBundleError as exc:  # mistyped: asked again, as a key that does not match is
        raise CounterKeyError.retold(exc, counter) from exc
    if key is None:
        raise CounterKeyError.told(
            "This PC does not know counter {counter}'s key yet. Give the key that counter "
            "{counter}'s export showed; it is remembered for that counter's next bundles.",
            counter, counter=counter)
    # The file's own key is never shown: copied from a message, it would vouch for any file.
    if header.get("public_key") != key and trusted_key:
        raise CounterKeyError.told(
            "The key given is not the one {name} is signed with. Check it against what "
            "counter {counter}'s export showed and give it again.", counter,
            name=Path(path).name, counter=counter)
    if header.get("public_key") != key:
        raise CounterKeyError.told(
            "{name} is signed by another key than the one this PC knows for counter "
            "{counter}. If counter {counter} was set up again, give its new key as its export "
            "showed it; otherwise do not import this file.", counter, name=Path(path).name,
            counter=counter)
    _check(path, header, body, document, key)
    with db.write() as session:
        centre = session.scalar(select(Centre.code))
        if centre != document["centre_code"]:
            raise DayBundleError.told("{path} is centre {theirs}'s, this PC holds centre "
                                      "{ours}", path=path, theirs=document["centre_code"],
                                      ours=centre)
        if key != remembered:
            append_event(session, actor=user.username, action=KEY_TRUSTED,
                         entity_type="counter", entity_id=str(counter), at=when,
                         details={"public_key": key, "replaces": remembered})
        totals, _ = merge_audited(session, document["records"],
                                  Colleagues(session, when, user.username), when,
                                  action="application-imported", also=("counter",))
        totals = totals[:4]
        append_event(session, actor=user.username, action="day-bundle-imported",
                     entity_type="day_bundle", entity_id=document["day"], at=when, details={
                         "counter": document["counter"], "applications": totals[0],
                         "versions": totals[1], "prints": totals[2], "late": totals[3]})
    result = DayBundleImported(counter, date.fromisoformat(document["day"]), *totals)
    log.info("day bundle of counter %d, %s imported: %s", result.counter, result.day, result)
    return result


class Colleagues:
    """Local user ids by name; a colleague from another counter gets an account that cannot
    sign in here, so their records keep their name (``reason`` says where the name came
    from, in the account's audit event)."""

    def __init__(self, session: Session, when: datetime, actor: str,
                 reason: str = "named by an imported day bundle; cannot sign in here") -> None:
        self.session, self.when, self.actor, self.reason = session, when, actor, reason
        self.ids: dict[str, int] = {r.username: int(r.id) for r in session.execute(
            select(USER.c.id, USER.c.username))}

    def id_of(self, username: str) -> int:
        if username not in self.ids:
            self.ids[username] = int(self.session.execute(insert(USER).returning(USER.c.id), {
                "username": username, "full_name": username, "role": OFFICER,
                "password_hash": _NO_LOGIN, "failed_attempts": 0, "active": False,
                "created_at": self.when, "updated_at": self.when}).scalar_one())
            append_event(self.session, actor=self.actor, action="user-imported",
                         entity_type="user", entity_id=username, at=self.when, details={
                             "reason": self.reason,
                             STATE_KEY: user_state(self.session, username)})
        return self.ids[username]


def merge_audited(session: Session, records: Iterable[dict[str, Any]], users: Colleagues,
                  when: datetime, *, action: str, came: str = "", also: tuple[str, ...] = (),
                  extra: dict[str, Any] | None = None) -> tuple[list[int], int]:
    """`merge_record` each record, then one audit event ``action`` (by ``users.actor``) for
    every application it added or changed, carrying the record's tracking number, version,
    the keys ``also`` and ``extra``, and the digest of the application as it now stands (all
    read in one pass). Returns the totals of `merge_record`'s counts and how many
    applications changed."""
    totals = [0, 0, 0, 0, 0]
    changed: list[dict[str, Any]] = []
    for record in records:
        added = merge_record(session, record, users, when, came=came)
        totals = [a + b for a, b in zip(totals, added, strict=True)]
        if any(added[:3]) or added[4]:
            changed.append(record)
    if not changed:
        return totals, 0
    session.flush()
    states = application_states(session.connection(), session.execute(
        select(APP).where(APP.c.uuid.in_([r["uuid"] for r in changed]))).all())
    for record in changed:
        append_event(session, actor=users.actor, action=action, entity_type="application",
                     entity_id=record["uuid"], at=when, details={
                         "tracking_number": record["tracking_number"],
                         **{key: record[key] for key in also},
                         "version": record["version"], **(extra or {}),
                         STATE_KEY: states[record["uuid"]]})
    return totals, len(changed)


def merge_record(session: Session, record: dict[str, Any], users: Colleagues,
                 when: datetime, *, came: str = "") -> tuple[int, int, int, int, int]:
    """Add what this database lacks of one application: (new app, versions, prints, late,
    finding). ``came`` says how a version came, for the late records ("imported from counter
    2" by default)."""
    existing = session.execute(select(APP.c.id, APP.c.version)
                               .where(APP.c.uuid == record["uuid"])).first()
    new_app = existing is None
    if existing is None:
        _refuse_a_taken_number(session, record)
        app_id = _insert_application(session, record, users)
        _insert_payments_and_documents(session, app_id, record, users)
    else:
        app_id = existing.id
        if existing.version < record["version"]:
            session.execute(update(APP).where(APP.c.id == app_id).values(
                status=record["status"], version=record["version"],
                updated_at=_moment(record["updated_at"])))
    have = set(session.scalars(select(CHANGE.c.version).where(CHANGE.c.application_id == app_id)))
    versions = late = 0
    for change in record["history"]:
        if change["version"] in have:
            continue
        at = _moment(change["at"])
        session.execute(insert(CHANGE), {
            "application_id": app_id, "from_status": change["from"], "to_status": change["to"],
            "reason": change["reason"], "user_id": users.id_of(change["by"]), "at": at,
            "version": change["version"]})
        versions += 1
        late += day_close.note_if_late(
            session, uuid=record["uuid"], version=change["version"], kind="application",
            tracking_number=record["tracking_number"], made_at=at, noted_at=when,
            what=f"{came or 'imported from counter ' + str(record['counter'])} after the "
                 f"close ({change['from'] or 'new'} -> {change['to']})")
    prints = _insert_prints(session, app_id, record, users)
    return int(new_app), versions, prints, late, _insert_finding(session, app_id, record, users)


def _refuse_a_taken_number(session: Session, record: dict[str, Any]) -> None:
    """A tracking number this PC already gave another application: two PCs were set up as the
    same counter. Nothing of the bundle is imported (the whole import is one transaction)."""
    if session.scalar(select(APP.c.id).where(
            APP.c.tracking_number == record["tracking_number"])) is not None:
        raise DayBundleError.told(
            "{number} in this bundle is another application here: this PC and the one that "
            "wrote the bundle both work as counter {counter}. Nothing was imported; give one "
            "of them another counter number (its settings), then export again.",
            number=record["tracking_number"], counter=record["counter"])


def _insert_finding(session: Session, app_id: int, record: dict[str, Any],
                    users: Colleagues) -> int:
    """The police finding, when the bundle has one and this PC does not (one per
    application); bundles written before findings were carried have none."""
    found = record.get("finding")
    if not found or session.scalar(select(FINDING.c.id)
                                   .where(FINDING.c.application_id == app_id)) is not None:
        return 0
    session.execute(insert(FINDING), {
        "application_id": app_id, "outcome": found["outcome"],
        "record_status": found["record_status"], "reference": found["reference"],
        "reference_date": (date.fromisoformat(found["reference_date"])
                           if found["reference_date"] else None),
        "remark": found["remark"], "override_reason": found["override_reason"],
        "recorded_by": users.id_of(found["by"]), "recorded_at": _moment(found["at"]),
        "version": found["version"]})
    return 1


def _insert_application(session: Session, record: dict[str, Any], users: Colleagues) -> int:
    try:
        service: Service | None = get_service(record["service_code"])
    except UnknownServiceError:
        service = None
    app_id = int(session.execute(insert(APP).returning(APP.c.id), {
        "uuid": record["uuid"], "tracking_number": record["tracking_number"],
        "centre_code": record["centre_code"], "counter": record["counter"],
        "service_code": record["service_code"], "status": record["status"],
        "answers": record["answers"], "version": record["version"],
        "applicant_id": _person_of(session, service, record) if service else None,
        "officer_id": users.id_of(record["officer"]), "token_no": record["token_no"],
        "fee_total": record["fee_total"],
        "expected_on": date.fromisoformat(record["expected_on"]),
        "display_name": record["display_name"], "created_at": _moment(record["created_at"]),
        "updated_at": _moment(record["updated_at"]),
        "police_station": police_station(service, record["answers"]) if service else None,
    }).scalar_one())
    if service is not None:
        search.write_keys(session, app_id, search_keys(service, record["answers"]))
    else:
        log.warning("%s is of a service this PC does not know; it is found by its tracking "
                    "number only", record["tracking_number"])
    return app_id


def _person_of(session: Session, service: Service, record: dict[str, Any]) -> int | None:
    """The main person's profile (prefill by CNIC at this PC's counter): made from the record
    when this PC has none; one it has is left as it is (it may be newer than the record)."""
    profile = applicant_profile(service, record["answers"])
    if profile is None:
        return None
    key = {"id_type": profile.id_type, "id_number": profile.id_number}
    found = session.scalar(select(PERSON.c.id).filter_by(**key))
    if found is not None:
        return int(found)
    seen = _moment(record["created_at"])
    return int(session.execute(insert(PERSON).returning(PERSON.c.id), {
        **key, "name": profile.name, "name_ur": profile.name_ur or "",
        "mobile": profile.mobile or "", "details": profile.details, "first_seen_at": seen,
        "last_seen_at": seen}).scalar_one())


def _insert_payments_and_documents(session: Session, app_id: int, record: dict[str, Any],
                                   users: Colleagues) -> None:
    for payment in record["payments"]:
        session.execute(insert(PAY), {
            "application_id": app_id, "amount_pkr": payment["amount_pkr"],
            "method": payment["method"], "received_by": users.id_of(payment["received_by"]),
            "at": _moment(payment["at"]), "items": payment["items"]})
    if record["documents"]:
        session.execute(insert(DOC), [{"application_id": app_id, "doc_key": d["key"],
                                       "label": d["label"]} for d in record["documents"]])


def _insert_prints(session: Session, app_id: int, record: dict[str, Any],
                   users: Colleagues) -> int:
    """Copies this PC lacks, each known by document, copy number and when it was sent (a
    failed attempt may share its copy number with the copy that followed it)."""
    have = {(r.document_key, r.copy_no, r.printed_at) for r in session.execute(
        select(PRINT.c.document_key, PRINT.c.copy_no, PRINT.c.printed_at)
        .where(PRINT.c.application_id == app_id))}
    added = 0
    for copy in record["prints"]:
        printed_at = _moment(copy["printed_at"])
        if (copy["document_key"], copy["copy_no"], printed_at) in have:
            continue
        session.execute(insert(PRINT), {
            "application_id": app_id, "document_key": copy["document_key"],
            "format": copy["format"], "copy_no": copy["copy_no"],
            "user_id": users.id_of(copy["by"]) if copy["by"] else None,
            "reason": copy["reason"], "printed_at": printed_at, "state": copy["state"],
            "settled_at": _moment(copy["settled_at"]) if copy["settled_at"] else None})
        added += 1
    return added


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)
