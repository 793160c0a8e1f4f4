"""The sync protocol's shapes, shared by the counter and the reference central server.

See docs/sync-protocol.md. A push carries outbox entries ``{uuid, version, kind, payload,
created_at}`` and an id of its own; the reply names, for every entry, ``accepted``,
``duplicate`` or ``rejected`` with a reason, and echoes the batch id so a reply can never be
taken for the answer to another request. An application's payload is an `ApplicationRecord`,
the one declared shape the counter writes and the server reads.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from khidmat_desk.core.clock import DEFAULT_ZONE
from khidmat_desk.core.findings import FindingFacts
from khidmat_desk.core.workflow import STATUSES
from khidmat_desk.sync.errors import BadReply, InsecureServerUrl

PROTOCOL_VERSION = 1
PUSH_PATH = "/v1/push"
CHANGES_PATH = "/v1/changes"
RECONCILE_PATH = "/v1/reconcile"
RECONCILE_KEYS_PATH = "/v1/reconcile/keys"
BUNDLE_KEY_PATH = "/v1/keys/bundle"
HEALTH_PATH = "/v1/health"
REPORT_PATH = "/v1/report/daily"
HELD_PATH = "/v1/held"
NUMBERS_PATH = "/v1/numbers"
TOKEN_PATH = "/v1/token"  # noqa: S105 - a route, not a secret

ACCEPTED, DUPLICATE, REJECTED = "accepted", "duplicate", "rejected"
RESULTS = (ACCEPTED, DUPLICATE, REJECTED)
#: An issued copy of a certificate, letter, report or slip (see sync/document_record.py).
DOCUMENT_KIND = "document"
#: A day's or shift's close (figures only; see app/day_close.py).
APPLICATION, DAY_CLOSE = "application", "day-close"
#: Record kinds the protocol carries today.
KINDS: tuple[str, ...] = (APPLICATION, DOCUMENT_KIND, DAY_CLOSE)

#: Client-side bounds of one push; the server refuses more than SERVER_MAX_* per request.
MAX_BATCH_ENTRIES = 500
MAX_BATCH_BYTES = 1_000_000
SERVER_MAX_ENTRIES = 2000
SERVER_MAX_BYTES = 16_000_000

#: Days in the protocol (reconciliation, the daily report, bundle ranges) are calendar days in
#: Punjab's time, on the counter and the server alike, whatever a counter's own clock setting.
CENTRE_TIME = ZoneInfo(DEFAULT_ZONE)

EntryKey = tuple[str, int, str]  # (uuid, version, kind)


def centre_day(moment: datetime) -> date:
    return moment.astimezone(CENTRE_TIME).date()


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds")


def encode_entry(uuid: str, version: int, kind: str, payload: dict[str, Any],
                 created_at: datetime) -> bytes:
    """One entry on the wire, encoded once (the batch is built by joining these)."""
    return json.dumps({"uuid": uuid, "version": version, "kind": kind, "payload": payload,
                       "created_at": iso(created_at)},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def encode_stored_entry(uuid: str, version: int, kind: str, payload_json: str,
                        created_at: datetime) -> bytes:
    """The same entry as `encode_entry`, splicing in the payload's stored JSON text as is."""
    head = json.dumps({"uuid": uuid, "version": version, "kind": kind,
                       "created_at": iso(created_at)}, separators=(",", ":"))
    return f'{head[:-1]},"payload":{payload_json}}}'.encode()


def push_body(batch_id: str, encoded_entries: Sequence[bytes],
              audit: dict[str, Any] | None = None) -> bytes:
    """The push document; ``audit`` is this database's audit chain head (see audit_anchor)."""
    outer: dict[str, Any] = {"protocol": PROTOCOL_VERSION, "batch_id": batch_id}
    if audit is not None:
        outer["audit"] = audit
    head = json.dumps(outer).encode()[:-1]
    return head + b',"entries":[' + b",".join(encoded_entries) + b"]}"


def take_batch(encoded: Sequence[bytes], *, max_entries: int, max_bytes: int) -> int:
    """How many of ``encoded`` (in order) fit one push; always at least one."""
    total = 0
    for count, entry in enumerate(encoded[:max_entries]):
        total += len(entry) + 1
        if total > max_bytes and count > 0:
            return count
    return min(len(encoded), max_entries)


@dataclass(frozen=True)
class PushOutcome:
    """The server's verdict on the entries of one batch, keyed by (uuid, version, kind)."""

    accepted: tuple[EntryKey, ...] = ()
    duplicates: tuple[EntryKey, ...] = ()
    rejected: dict[EntryKey, str] = field(default_factory=dict)
    #: The server's verdict on the audit head sent with the batch, when it gave one.
    audit: dict[str, Any] | None = None

    @property
    def acknowledged(self) -> tuple[EntryKey, ...]:
        return self.accepted + self.duplicates


def parse_push_reply(body: bytes, batch_id: str, sent: Iterable[EntryKey]) -> PushOutcome:
    """Read a push reply; only verdicts on entries of *this* batch count.

    A reply for another batch (a stale or duplicated response) or a body that is not the
    protocol's JSON raises `BadReply`: nothing is acknowledged on its word.
    """
    try:
        document = json.loads(body)
        if document.get("batch_id") != batch_id:
            raise BadReply("the central server's reply was for another batch; sending again")
        results = document["results"]
        if not isinstance(results, list):
            raise TypeError("results is not a list")
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise BadReply(f"the central server's reply could not be read ({exc})") from exc
    outcome = _verdicts(results, set(sent))
    audit = document.get("audit")
    if isinstance(audit, dict):
        outcome = replace(outcome, audit=audit)
    return outcome


def _verdicts(results: list[Any], sent: set[EntryKey]) -> PushOutcome:
    accepted: list[EntryKey] = []
    duplicates: list[EntryKey] = []
    rejected: dict[EntryKey, str] = {}
    for result in results:
        try:
            key = (str(result["uuid"]), int(result["version"]), str(result["kind"]))
            verdict = result["result"]
        except (TypeError, KeyError, ValueError):
            continue
        if key not in sent:
            continue
        if verdict == ACCEPTED:
            accepted.append(key)
        elif verdict == DUPLICATE:
            duplicates.append(key)
        elif verdict == REJECTED:
            rejected[key] = str(result.get("reason") or "refused without a reason")
    return PushOutcome(tuple(accepted), tuple(duplicates), rejected)


def version_digest(pairs: Iterable[tuple[str, int]]) -> str:
    """sha256 over the sorted ``uuid:version`` lines: equal digests, equal sets."""
    return version_lines_digest([f"{uuid}:{version}" for uuid, version in pairs])


def version_lines_digest(lines: list[str]) -> str:
    """`version_digest` of versions already spelt as ``uuid:version`` lines (a database can
    spell them while it reads them); sorts ``lines`` in place."""
    lines.sort()
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def check_server_url(url: str) -> str:
    """The server's base URL without a trailing slash; HTTPS unless the server is this machine."""
    typed = url.strip()
    shown = typed if len(typed) <= 80 else typed[:77] + "…"  # a pasted page is not said back
    parts = urlsplit(typed)
    if parts.scheme not in ("https", "http") or not parts.hostname \
            or any(c.isspace() or not c.isprintable() for c in typed) \
            or not _host_and_port_read(parts.hostname, parts):
        raise InsecureServerUrl(
            f"'{shown}' is not a server address; give one like https://sync.example.pk")
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise InsecureServerUrl(
            f"'{shown}' uses plain HTTP; the central server must be reached over HTTPS "
            "(plain HTTP is allowed only for a server on this machine)")
    if parts.query or parts.fragment:
        raise InsecureServerUrl(f"'{shown}' must not have a query or fragment")
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


def _host_and_port_read(host: str, parts: Any) -> bool:
    """Whether a name could be looked up (each label 1–63 letters, 253 in all) and the port
    is a number from 1 to 65535."""
    try:
        port = parts.port
        if host.strip("[]").count(":") < 2:  # not an IPv6 address: a name or IPv4
            host.encode("idna")
    except (UnicodeError, ValueError):
        return False
    return len(host) <= 253 and (port is None or 0 < port < 65536)


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


# ---------------------------------------------------------------------------------------------
# The application record: what one version of an application carries to the central server
# ---------------------------------------------------------------------------------------------


class RecordError(ValueError):
    """A payload that is not an application record; the message names the field."""


@dataclass(frozen=True)
class RecordApplicant:
    id_type: str
    id_number: str


@dataclass(frozen=True)
class RecordFeeItem:
    key: str
    label: str
    amount: int


@dataclass(frozen=True)
class RecordPayment:
    amount_pkr: int
    method: str
    received_by: str  # user name
    at: datetime
    items: tuple[RecordFeeItem, ...]

    def to_payload(self) -> dict[str, Any]:
        return {"amount_pkr": self.amount_pkr, "method": self.method,
                "received_by": self.received_by, "at": utc_iso(self.at),
                "items": [{"key": i.key, "label": i.label, "amount": i.amount}
                          for i in self.items]}


@dataclass(frozen=True)
class RecordDocument:
    key: str
    label: str


@dataclass(frozen=True)
class RecordFinding(FindingFacts):
    """The police finding recorded on the application (verified or rejected, and why)."""

    def to_payload(self) -> dict[str, Any]:
        return {"outcome": self.outcome, "record_status": self.record_status,
                "record_status_label": self.record_status_label, "reference": self.reference,
                "reference_date": (self.reference_date.isoformat()
                                   if self.reference_date else None),
                "remark": self.remark, "recorded_by": self.recorded_by,
                "recorded_at": utc_iso(self.recorded_at),
                "override_reason": self.override_reason, "version": self.version}


@dataclass(frozen=True)
class RecordStatusChange:
    """The change that made this version (``from`` is None for the first)."""

    from_status: str | None
    to_status: str
    reason: str | None
    by: str  # user name
    at: datetime
    version: int


@dataclass(frozen=True)
class ApplicationRecord:
    """The whole application at one version. ``to_payload`` is the JSON an outbox entry carries
    (and a bundle holds); ``from_payload`` reads one back, naming the first field that is wrong.
    docs/sync-protocol.md lists the fields."""

    uuid: str
    version: int
    tracking_number: str
    centre_code: str
    counter: int
    service_code: str
    status: str
    answers: dict[str, Any]
    display_name: str
    token_no: str | None
    fee_total: int
    expected_on: date
    created_at: datetime
    updated_at: datetime
    officer: str
    applicant: RecordApplicant | None
    payment: RecordPayment | None
    documents_received: tuple[RecordDocument, ...]
    status_change: RecordStatusChange
    finding: RecordFinding | None = None

    def to_payload(self) -> dict[str, Any]:
        """JSON-safe; times in UTC with microseconds, days as ISO dates."""
        return {
            "uuid": self.uuid, "version": self.version,
            "tracking_number": self.tracking_number, "centre_code": self.centre_code,
            "counter": self.counter, "service_code": self.service_code, "status": self.status,
            "answers": self.answers, "display_name": self.display_name,
            "token_no": self.token_no, "fee_total": self.fee_total,
            "expected_on": self.expected_on.isoformat(), "created_at": utc_iso(self.created_at),
            "updated_at": utc_iso(self.updated_at), "officer": self.officer,
            "applicant": None if self.applicant is None else {
                "id_type": self.applicant.id_type, "id_number": self.applicant.id_number},
            "payment": None if self.payment is None else self.payment.to_payload(),
            "documents_received": [{"key": d.key, "label": d.label}
                                   for d in self.documents_received],
            "status_change": {
                "from": self.status_change.from_status, "to": self.status_change.to_status,
                "reason": self.status_change.reason, "by": self.status_change.by,
                "at": utc_iso(self.status_change.at), "version": self.status_change.version},
            "finding": None if self.finding is None else self.finding.to_payload(),
        }

    @classmethod
    def from_payload(cls, payload: Any) -> ApplicationRecord:
        """The record in a payload; `RecordError` names the first field that is wrong."""
        p = _Fields(payload, "payload")
        return cls(
            uuid=p.text("uuid"), version=p.whole("version"),
            tracking_number=p.text("tracking_number"), centre_code=p.text("centre_code"),
            counter=p.whole("counter"), service_code=p.text("service_code"),
            status=p.choice("status", STATUSES), answers=p.mapping("answers"),
            display_name=p.text("display_name", empty=True),
            token_no=p.optional_text("token_no"), fee_total=p.whole("fee_total"),
            expected_on=p.day("expected_on"), created_at=p.moment("created_at"),
            updated_at=p.moment("updated_at"), officer=p.text("officer"),
            applicant=_applicant(p.optional_mapping("applicant")),
            payment=_payment(p.optional_mapping("payment")),
            documents_received=tuple(
                RecordDocument(d.text("key"), d.text("label"))
                for d in p.list_of("documents_received")),
            status_change=_status_change(_Fields(p.mapping("status_change"), "status_change")),
            finding=_finding(p.optional_mapping("finding")),
        )


#: The payload's field names, in order (docs/sync-protocol.md lists the same).
RECORD_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(ApplicationRecord))


def utc_iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _applicant(found: _Fields | None) -> RecordApplicant | None:
    return None if found is None else RecordApplicant(found.text("id_type"),
                                                      found.text("id_number"))


def _payment(found: _Fields | None) -> RecordPayment | None:
    if found is None:
        return None
    return RecordPayment(
        amount_pkr=found.whole("amount_pkr"), method=found.text("method"),
        received_by=found.text("received_by"), at=found.moment("at"),
        items=tuple(RecordFeeItem(i.text("key"), i.text("label"), i.whole("amount"))
                    for i in found.list_of("items")))


def _finding(found: _Fields | None) -> RecordFinding | None:
    if found is None:
        return None
    return RecordFinding(
        outcome=found.choice("outcome", ("verified", "rejected")),
        record_status=found.text("record_status"),
        record_status_label=found.text("record_status_label"),
        reference=found.text("reference", empty=True),
        reference_date=(None if found.value.get("reference_date") is None
                        else found.day("reference_date")),
        remark=found.text("remark", empty=True), recorded_by=found.text("recorded_by"),
        recorded_at=found.moment("recorded_at"),
        override_reason=found.optional_text("override_reason"),
        version=found.whole("version"))


def _status_change(found: _Fields) -> RecordStatusChange:
    return RecordStatusChange(
        from_status=found.optional_choice("from", STATUSES), to_status=found.choice("to", STATUSES),
        reason=found.optional_text("reason"), by=found.text("by"), at=found.moment("at"),
        version=found.whole("version"))


def _shown(value: Any) -> str:
    """A short text value quoted for a message (followed by a space); anything else, nothing:
    a reason never echoes a long or strange value back."""
    if isinstance(value, str) and len(value) <= 40 and value.isprintable():
        return f"'{value}' "
    return ""


class _Fields:
    """Typed reads of one JSON object's fields, each failure naming the field's path."""

    def __init__(self, value: Any, path: str) -> None:
        if not isinstance(value, dict):
            raise RecordError(f"{path} must be a JSON object")
        self.value, self.path = value, path

    def _name(self, key: str) -> str:
        return key if self.path == "payload" else f"{self.path}.{key}"

    def text(self, key: str, *, empty: bool = False) -> str:
        value = self.value.get(key)
        if not isinstance(value, str) or not (value or empty):
            raise RecordError(f"{self._name(key)} must be text")
        return value

    def optional_text(self, key: str) -> str | None:
        value = self.value.get(key)
        return None if value is None else self.text(key, empty=True)

    def whole(self, key: str) -> int:
        value = self.value.get(key)
        if not isinstance(value, int) or isinstance(value, bool):
            raise RecordError(f"{self._name(key)} must be a whole number")
        return value

    def choice(self, key: str, allowed: Sequence[str]) -> str:
        value = self.value.get(key)
        if value not in allowed:
            raise RecordError(f"{self._name(key)} {_shown(value)}is not one of: "
                              f"{', '.join(allowed)}")
        return str(value)

    def optional_choice(self, key: str, allowed: Sequence[str]) -> str | None:
        return None if self.value.get(key) is None else self.choice(key, allowed)

    def mapping(self, key: str) -> dict[str, Any]:
        value = self.value.get(key)
        if not isinstance(value, dict):
            raise RecordError(f"{self._name(key)} must be a JSON object")
        return value

    def optional_mapping(self, key: str) -> _Fields | None:
        value = self.value.get(key)
        return None if value is None else _Fields(value, self._name(key))

    def list_of(self, key: str) -> list[_Fields]:
        value = self.value.get(key)
        if not isinstance(value, list):
            raise RecordError(f"{self._name(key)} must be a list")
        return [_Fields(item, f"{self._name(key)}[{index}]") for index, item in enumerate(value)]

    def day(self, key: str) -> date:
        try:
            return date.fromisoformat(self.text(key))
        except ValueError as exc:
            raise RecordError(f"{self._name(key)} must be a date like 2026-03-06") from exc

    def moment(self, key: str) -> datetime:
        try:
            moment = datetime.fromisoformat(self.text(key))
        except ValueError as exc:
            raise RecordError(f"{self._name(key)} must be an ISO 8601 time") from exc
        if moment.tzinfo is None:
            raise RecordError(f"{self._name(key)} must carry a time zone")
        return moment
