"""What one pushed entry claims, checked against the token that sent it and the tariff.

Everything a record says about itself is a claim: its centre and counter, its tracking number
(prefix, date, counter and check character), its fee, its status change. A counter is
trusted with nothing it could not have produced itself. The payload is read strictly as the
protocol's declared `ApplicationRecord` (the type the counter writes; a malformed one is
refused naming its field); then each claim is checked on that typed record, on its own,
before the entry goes anywhere near the database, and a refusal names the claim. The checks
that need what the server already holds (version order, transitions, fields that never
change between versions) are in `ingest`.

Every bound here is also what keeps hostile values away from the database and the JSON
encoder: versions and fees fit a 32-bit column, times are within this century, text is valid
Unicode and payloads are not nested deeper than a record ever is.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from khidmat_central.tariffs import CentralTariff
from khidmat_desk.core import workflow
from khidmat_desk.core.catalogue import UnknownServiceError, get_service, quote_fee
from khidmat_desk.core.tracking import (
    TrackingNumberError,
    check_character,
    parse_tracking_number,
)
from khidmat_desk.store.audit import canonical_json
from khidmat_desk.sync.protocol import (
    KINDS,
    ApplicationRecord,
    RecordError,
    RecordPayment,
    centre_day,
)

#: Largest version and fee the server stores (a 32-bit column on PostgreSQL).
MAX_VERSION = 2**31 - 1
#: No single application costs more than this many rupees; a bigger fee is a lie or a typo.
MAX_FEE_PKR = 10_000_000
#: A record is a few levels deep (payload -> payment -> items -> item); far deeper is an attack.
MAX_DEPTH = 12
#: Record times must fall in the years tracking numbers can name.
FIRST_YEAR, LAST_YEAR = 2000, 2099


_WEST, _EAST = timedelta(hours=12), timedelta(hours=14)
_CONTAINERS = frozenset({dict, list})
#: How many worked-out fees a tariff remembers (see `CentralTariff.quotes`).
_FEES_KEPT = 10_000
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.ASCII)
#: A tracking number exactly as counters write it: CENTRE-YYMMDD-CC-SSSS-K.
_TRACKING = re.compile(r"([A-Z0-9]{2,8})-(\d\d)(\d\d)(\d\d)-(\d\d)-(\d{4})-[A-Z0-9]", re.ASCII)


class EntryRefusedError(ValueError):
    """One entry that cannot be stored; the message goes back to the counter."""


@dataclass(frozen=True)
class Sender:
    """Whose records these are: the token's (or bundle key's) centre and counter."""

    centre_code: str
    counter: int
    via: str
    #: A counter on a database its centre shares: it sends every counter's records.
    any_counter: bool = False


@dataclass(frozen=True)
class Claim:
    """A well-formed entry of the sender's own, and the row it would be stored as."""

    uuid: str
    version: int
    status: str
    from_status: str | None
    tracking_number: str
    counter: int
    service_code: str
    fee_total: int
    payload_hash: str
    row: dict[str, Any]

    @property
    def key(self) -> tuple[str, int]:
        return (self.uuid, self.version)


def check_entry(entry: Any, sender: Sender, tariff: CentralTariff, now: datetime) -> Claim:
    """The claim of a well-formed entry of the sender's; `EntryRefusedError` naming what is not.

    The payload is read as the declared `ApplicationRecord`, the same type the counter writes;
    the claims are then checked on the typed record.
    """
    if not isinstance(entry, dict):
        raise EntryRefusedError("an entry must be a JSON object")
    uuid, version = _uuid(entry.get("uuid")), _version(entry.get("version"))
    kind, payload = entry.get("kind"), entry.get("payload")
    if kind not in KINDS:
        raise EntryRefusedError(f"kind must be one of: {', '.join(KINDS)}")
    if not isinstance(payload, dict):
        raise EntryRefusedError("payload must be a JSON object")
    if payload.get("uuid") != uuid or payload.get("version") != version:
        raise EntryRefusedError("the payload's uuid and version differ from the entry's")
    _check_depth(payload)
    text, encoded = _canonical(payload)
    created_at = _timestamp(entry.get("created_at"))
    record = _record(payload)
    counter = sender_counter(record.centre_code, record.counter, sender)
    tracking = tracking_of(record.tracking_number, sender.centre_code, counter)
    service_code = _service(record.service_code)
    from_status = _status_change(record)
    fee_total = _fee(record, service_code, tariff, sender.centre_code)
    day = centre_day(created_at)
    if version == 1 and not _same_day(tracking[1], created_at):
        raise EntryRefusedError(f"tracking number {tracking[0]} names another day than the "
                                f"record was made ({day})")
    digest = hashlib.sha256(encoded).hexdigest()
    row = {"uuid": uuid, "version": version, "kind": kind, "centre_code": sender.centre_code,
           "counter": counter, "service_code": service_code, "tracking_number": tracking[0],
           "status": record.status, "fee_total": fee_total, "payload_json": text,
           "payload_hash": digest, "created_at": created_at, "day": day,
           "received_at": now, "received_via": sender.via[:40]}
    return Claim(uuid, version, record.status, from_status, tracking[0], counter, service_code,
                 fee_total, digest, row)


def _record(payload: dict[str, Any]) -> ApplicationRecord:
    """The payload read strictly as the protocol's application record."""
    try:
        return ApplicationRecord.from_payload(payload)
    except RecordError as exc:
        raise EntryRefusedError(f"not an application record: {exc}") from exc


def _uuid(value: Any) -> str:
    if not isinstance(value, str) or _UUID.fullmatch(value) is None:
        raise EntryRefusedError("uuid must be a UUID written as 36 characters, lower case")
    return value


def _version(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_VERSION:
        raise EntryRefusedError(f"version must be a whole number from 1 to {MAX_VERSION}")
    return value


def _check_depth(value: Any, depth: int = 1) -> None:
    """Refuse a payload (a dict or list) nested deeper than `MAX_DEPTH`; stops at that depth."""
    if depth > MAX_DEPTH:
        raise EntryRefusedError(f"the record is nested more than {MAX_DEPTH} levels deep")
    for child in value.values() if type(value) is dict else value:
        if type(child) in _CONTAINERS:  # exact types: this is what the JSON parser makes
            _check_depth(child, depth + 1)


def _canonical(payload: dict[str, Any]) -> tuple[str, bytes]:
    """The stored text and its UTF-8 bytes (hashed); text that cannot be UTF-8 is refused."""
    text = canonical_json(payload)
    try:
        return text, text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise EntryRefusedError("the record holds text that is not valid Unicode "
                                "(a lone surrogate)") from exc


def _timestamp(value: Any) -> datetime:
    if not isinstance(value, str) or len(value) > 40:
        raise EntryRefusedError("created_at must be an ISO 8601 time")
    try:
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            raise EntryRefusedError("created_at must carry a time zone")
        moment = moment.astimezone(UTC)
        centre_day(moment)
    except (ValueError, OverflowError) as exc:
        if isinstance(exc, EntryRefusedError):
            raise
        raise EntryRefusedError("created_at must be an ISO 8601 time") from exc
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise EntryRefusedError(f"created_at must fall in the years {FIRST_YEAR} to {LAST_YEAR}")
    return moment


def _same_day(day: date, made: datetime) -> bool:
    """Whether ``day`` is the date of ``made`` somewhere on Earth (UTC-12 to UTC+14).

    The tracking number carries the date in the centre's own time zone, a counter setting the
    server does not know (Asia/Karachi almost always); a date outside that band is a lie.
    """
    return (made - _WEST).date() <= day <= (made + _EAST).date()


def sender_counter(centre_code: str, counter: int, sender: Sender) -> int:
    """The counter a record (or an issued copy) names, if the sender may send its records."""
    if centre_code != sender.centre_code:
        raise EntryRefusedError(f"this counter may only send records of centre "
                                f"{sender.centre_code}, not of another centre")
    if not 1 <= counter <= 99:
        raise EntryRefusedError("counter must be a counter number from 1 to 99")
    if counter != sender.counter and not sender.any_counter:
        raise EntryRefusedError(f"this token belongs to counter {sender.counter} of "
                                f"{sender.centre_code}; the record names another counter")
    return counter


def tracking_of(text: str, centre_code: str, counter: int) -> tuple[str, date]:
    """The number, written as counters write it, with its check character and date checked."""
    if len(text) > 32:
        raise EntryRefusedError("tracking_number must be text of at most 32 characters")
    match = _TRACKING.fullmatch(text)
    if match is None or check_character(text[:-2]) != text[-1]:
        _refuse_tracking(text)
    centre, year, month, day, number_counter, sequence = match.groups()  # type: ignore[union-attr]
    try:
        made_on = date(2000 + int(year), int(month), int(day))
    except ValueError as exc:
        raise EntryRefusedError("tracking_number is not a valid tracking number: its date "
                                "is not a date") from exc
    if int(sequence) == 0:
        raise EntryRefusedError("tracking_number is not a valid tracking number: sequence 0")
    if centre != centre_code or int(number_counter) != counter:
        raise EntryRefusedError(f"tracking number {text} belongs to another centre or "
                                f"counter than {centre_code} counter {counter}")
    return text, made_on


def _refuse_tracking(text: str) -> None:
    """Say why ``text`` is not a tracking number in the form counters write (the slow path)."""
    try:
        number = parse_tracking_number(text)
    except TrackingNumberError as exc:
        reason = "its check character is wrong" if exc.reason == "check" else "it is malformed"
        raise EntryRefusedError(f"tracking_number is not a valid tracking number: "
                                f"{reason}") from exc
    raise EntryRefusedError(f"tracking_number must be written as {number}")


def _service(value: str) -> str:
    if not value.isascii() or len(value) > 40:
        raise EntryRefusedError("service_code must be the code of a service")
    try:
        return get_service(value).code
    except UnknownServiceError as exc:
        raise EntryRefusedError(f"'{value}' is not a service this server knows") from exc


def _status_change(record: ApplicationRecord) -> str | None:
    """The status the record came from; the change must be one the workflow has."""
    status, change = record.status, record.status_change
    if change.to_status != status or change.version != record.version:
        raise EntryRefusedError("status_change must name this version and its status")
    before = change.from_status
    if record.version == 1:
        if status != workflow.SUBMITTED or before is not None:
            raise EntryRefusedError("version 1 of an application must be 'submitted'")
        return None
    if before is None or status not in workflow.next_statuses(before):
        raise EntryRefusedError(f"an application cannot go from '{before}' to '{status}'")
    if status in workflow.REASON_REQUIRED and not (change.reason or "").strip():
        raise EntryRefusedError(f"going to '{status}' needs a reason")
    return before


def _fee(record: ApplicationRecord, service_code: str, rules: CentralTariff,
         centre_code: str) -> int:
    """The fee, which for a new application must be the tariff's for its answers."""
    fee = record.fee_total
    if not 0 <= fee <= MAX_FEE_PKR:
        raise EntryRefusedError(f"fee_total must be a whole number of rupees from 0 to "
                                f"{MAX_FEE_PKR}")
    _check_payment(record.payment, fee)
    if record.version > 1:
        return fee  # compared with the version before it, in ingest
    try:
        expected = _expected_fee(service_code, record.answers, rules, centre_code)
    except (TypeError, ValueError, AttributeError, KeyError) as exc:
        raise EntryRefusedError("the fee cannot be worked out from the record's "
                                "answers") from exc
    if fee != expected:
        raise EntryRefusedError(f"fee_total {fee} is not the tariff's fee for this "
                                f"application ({expected})")
    return fee


def _expected_fee(service_code: str, answers: dict[str, Any], rules: CentralTariff,
                  centre_code: str) -> int:
    """The tariff's fee for these answers, remembered by the answers the fee depends on."""
    service, tariff = get_service(service_code), rules.for_centre(centre_code)
    rule = service.fee
    by = answers.get(rule.by) if rule.by else None
    per = answers.get(rule.per) if rule.per else None
    try:
        key = (centre_code, service_code, by, tuple(per) if isinstance(per, list) else per)
        hash(key)
    except TypeError:  # an unhashable answer: work it out without remembering it
        return quote_fee(service, answers, tariff).total
    known = rules.quotes
    if key not in known:
        if len(known) > _FEES_KEPT:
            known.clear()
        known[key] = quote_fee(service, answers, tariff).total
    return known[key]


def _check_payment(payment: RecordPayment | None, fee: int) -> None:
    if fee == 0:
        if payment is not None:
            raise EntryRefusedError("a free application cannot carry a payment")
        return
    if payment is None or payment.amount_pkr != fee:
        raise EntryRefusedError("the payment does not match fee_total")
