"""The record of one issued copy of a document, as the outbox carries it to the central server.

The public verification page answers from these: the signed payload (every fact the page
states, identity numbers only as salted checks), which copy it is, when it was printed, and
the centre's public key so the server can check the signature itself. A later copy of the same
document replaces the earlier ones; a voided application revokes them (the application record
says so). Each copy is its own record (a new uuid, version 1): a copy never changes once
printed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from khidmat_desk.sync.protocol import DOCUMENT_KIND

KIND = DOCUMENT_KIND


@dataclass(frozen=True)
class DocumentIssue:
    uuid: str
    centre_code: str
    counter: int
    tracking_number: str
    application_uuid: str
    service_code: str
    document_key: str
    copy_no: int
    printed_at: str  # ISO 8601, UTC
    payload: str  # the signed payload (PKM2 ...), without the page's address
    public_key: str  # the signing key's raw public key, base64url
    version: int = 1

    def to_payload(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> DocumentIssue:
        """The record in a pushed entry; ValueError naming what is missing or malformed."""
        try:
            values = {name: payload[name] for name in cls.__dataclass_fields__}
        except KeyError as exc:
            raise ValueError(f"a document record needs {exc}") from exc
        for name in ("counter", "copy_no", "version"):
            if not isinstance(values[name], int) or isinstance(values[name], bool) \
                    or not 0 < values[name] < 2**31:
                raise ValueError(f"{name} must be a whole number from 1")
        for name in set(values) - {"counter", "copy_no", "version"}:
            if not isinstance(values[name], str) or not values[name] \
                    or len(values[name]) > 8000:
                raise ValueError(f"{name} must be text of 1 to 8000 characters")
        return cls(**values)
