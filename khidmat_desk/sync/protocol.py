"""The sync protocol's shapes, shared by the counter and the reference central server.

See docs/sync-protocol.md. A push carries outbox entries ``{uuid, version, kind, payload,
created_at}`` and an id of its own; the reply names, for every entry, ``accepted``,
``duplicate`` or ``rejected`` with a reason, and echoes the batch id so a reply can never be
taken for the answer to another request.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from khidmat_desk.sync.errors import BadReply, InsecureServerUrl

PROTOCOL_VERSION = 1
PUSH_PATH = "/v1/push"
CHANGES_PATH = "/v1/changes"
RECONCILE_PATH = "/v1/reconcile"
RECONCILE_KEYS_PATH = "/v1/reconcile/keys"
BUNDLE_KEY_PATH = "/v1/keys/bundle"
HEALTH_PATH = "/v1/health"
REPORT_PATH = "/v1/report/daily"

ACCEPTED, DUPLICATE, REJECTED = "accepted", "duplicate", "rejected"
RESULTS = (ACCEPTED, DUPLICATE, REJECTED)
#: Record kinds the protocol carries today.
KINDS: tuple[str, ...] = ("application",)

#: Client-side bounds of one push; the server refuses more than SERVER_MAX_* per request.
MAX_BATCH_ENTRIES = 500
MAX_BATCH_BYTES = 1_000_000
SERVER_MAX_ENTRIES = 2000
SERVER_MAX_BYTES = 16_000_000

#: Days (reconciliation, the daily report) are the centre's calendar days.
CENTRE_TIME = ZoneInfo("Asia/Karachi")

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
    lines = sorted(f"{uuid}:{version}" for uuid, version in pairs)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def check_server_url(url: str) -> str:
    """The server's base URL without a trailing slash; HTTPS unless the server is this machine."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise InsecureServerUrl(
            f"'{url}' is not a server address; give one like https://sync.example.pk")
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise InsecureServerUrl(
            f"'{url}' uses plain HTTP; the central server must be reached over HTTPS "
            "(plain HTTP is allowed only for a server on this machine)")
    if parts.query or parts.fragment:
        raise InsecureServerUrl(f"'{url}' must not have a query or fragment")
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
