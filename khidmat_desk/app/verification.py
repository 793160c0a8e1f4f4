"""Checking a document's QR payload: VALID only if the signature, the key and the centre agree."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from khidmat_desk.printing.signing import (
    PayloadContent,
    PayloadError,
    check_signature,
    cnic_digest,
    parse_payload,
)

log = logging.getLogger("khidmat.printing")

#: A public key file that does not say whose it is vouches for no centre in particular.
ANY_CENTRE = "*"


@dataclass(frozen=True)
class Verification:
    valid: bool
    reason: str  # why it is invalid, or what was checked
    content: PayloadContent | None  # None when the text is not a payload at all
    cnic_matches: bool | None = None  # None when no CNIC was given to compare


def verify_payload(text: str, keys: dict[str, tuple[str, Ed25519PublicKey]],
                   cnic: str | None = None) -> Verification:
    """``keys``: key id -> (centre code, public key), from the database or an exported file;
    centre ``ANY_CENTRE`` accepts the key for whichever centre the payload names."""
    try:
        content, signature, body = parse_payload(text.strip("\r\n"))
    except PayloadError as exc:
        return Verification(False, str(exc), None)
    known = keys.get(content.key_id)
    if known is None:
        return Verification(False, f"signed with key {content.key_id}, which is not a key this "
                            "PC knows; check it with that centre's exported public key", content)
    centre, public = known
    if centre not in (ANY_CENTRE, content.centre_code):
        return Verification(False, f"key {content.key_id} belongs to centre {centre}, not "
                            f"{content.centre_code}", content)
    if not check_signature(public, signature, body):
        log.info("a payload for %s failed its signature check", content.tracking_number)
        return Verification(False, "the signature does not match: the content was changed",
                            content)
    matches = None
    if cnic is not None:
        matches = cnic_digest(content.tracking_number, cnic) == content.cnic_digest
    signer = content.centre_code if centre == ANY_CENTRE else centre
    return Verification(True, f"signed by centre {signer} with key {content.key_id}", content,
                        matches)
