"""Offline bundles: the outbox on a USB stick when the link stays down for days.

A bundle is one gzip file: a header line (format, the signer's Ed25519 public key, the
signature) followed by the signed body (centre, counter, range, entries and their digest).
The signature covers the body's exact bytes, so nothing has to be re-encoded to check it.
The central server imports it with the same idempotent rules as a push, once it knows the
public key (the counter registers it over its token on every successful sync; the key can
also be added by hand). The counter's next successful sync then finds those entries already
there ("duplicate") and clears them.
"""

from __future__ import annotations

import base64
import gzip
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from khidmat_desk.errors import KnownError
from khidmat_desk.files import write_chosen_file
from khidmat_desk.store.outbox import OutboxItem
from khidmat_desk.sync import protocol, seal

FORMAT = "khidmat-bundle"
FORMAT_VERSION = 1
#: The secret holding the key bundles are signed with. The centre's certificate signing key
#: ("signing-key") can take its place by changing this one name.
BUNDLE_KEY_SECRET = "bundle-key"  # noqa: S105 - the name of a secret, not a secret


class BundleError(KnownError):
    """A bundle that cannot be written or trusted; ``str()`` says what to do."""


@dataclass(frozen=True)
class Bundle:
    centre_code: str
    counter: int
    created_at: datetime
    public_key: str
    entries: tuple[dict[str, Any], ...]


def public_key_hex(key: Ed25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(serialization.Encoding.Raw,
                                        serialization.PublicFormat.Raw)
    return raw.hex()


def private_key_text(key: Ed25519PrivateKey) -> str:
    raw = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                            serialization.NoEncryption())
    return raw.hex()


def private_key_from_text(text: str) -> Ed25519PrivateKey:
    """A key kept as 64 hex digits (ours) or as PEM (PKCS#8)."""
    stripped = text.strip()
    if stripped.startswith("-----BEGIN"):
        key = serialization.load_pem_private_key(stripped.encode(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise BundleError("the stored signing key is not an Ed25519 key")
        return key
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(stripped))


def write_bundle(path: Path, items: Sequence[OutboxItem], *, centre_code: str, counter: int,
                 key: Ed25519PrivateKey, now: datetime | None = None,
                 confidential: Callable[[OutboxItem], bool] | None = None,
                 seal_to: str | None = None) -> int:
    """Write ``items`` to ``path`` atomically, signed; returns the file's size in bytes.
    Items ``confidential`` says are so are sealed to the central server's key ``seal_to``
    (hex); without that key such items cannot leave on a stick and nothing is written."""
    secret = [i for i in items if confidential is not None and confidential(i)]
    if secret and not seal_to:
        raise BundleError(
            f"{len(secret)} confidential record(s) must be sealed for the central server, "
            "and its sealing key is not set here; set it with 'khidmat-desk sync --setup "
            "--seal-key KEY' (the central server's operator has it), or send them over the "
            "link")
    sealed = {id(i) for i in secret}
    entries = []
    for item in items:
        entry = json.loads(protocol.encode_entry(item.uuid, item.version, item.kind,
                                                 item.payload, item.created_at))
        entries.append(seal.seal(entry, seal_to or "") if id(item) in sealed else entry)
    body = json.dumps({
        "centre_code": centre_code, "counter": counter,
        "created_at": protocol.iso(now or datetime.now(UTC)), "entry_count": len(entries),
        "digest": protocol.version_digest((e["uuid"], e["version"]) for e in entries),
        "entries": entries}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    header = json.dumps({"format": FORMAT, "version": FORMAT_VERSION, "alg": "ed25519",
                         "public_key": public_key_hex(key),
                         "signature": base64.b64encode(key.sign(body)).decode()})
    return write_chosen_file(Path(path), gzip.compress(header.encode() + b"\n" + body))


def read_bundle(path: Path) -> Bundle:
    """Open and check a bundle: format, signature, entry count and digest."""
    try:
        raw = gzip.decompress(Path(path).read_bytes())
        header_line, body = raw.split(b"\n", 1)
        header = json.loads(header_line)
    except (OSError, EOFError, ValueError, gzip.BadGzipFile) as exc:
        raise BundleError(f"{path} is not a Khidmat Desk bundle or is damaged ({exc})") from exc
    if header.get("format") != FORMAT or header.get("version") != FORMAT_VERSION:
        raise BundleError(f"{path} is not a version {FORMAT_VERSION} Khidmat Desk bundle")
    _check_signature(header, body, path)
    document = json.loads(body)
    entries = tuple(document["entries"])
    if len(entries) != document["entry_count"] or document["digest"] != protocol.version_digest(
            (e["uuid"], e["version"]) for e in entries):
        raise BundleError(f"{path} is incomplete: its entries do not match its digest")
    return Bundle(centre_code=str(document["centre_code"]), counter=int(document["counter"]),
                  created_at=datetime.fromisoformat(document["created_at"]),
                  public_key=str(header["public_key"]), entries=entries)


def _check_signature(header: dict[str, Any], body: bytes, path: Path) -> None:
    try:
        public = Ed25519PublicKey.from_public_bytes(bytes.fromhex(header["public_key"]))
        public.verify(base64.b64decode(header["signature"]), body)
    except (InvalidSignature, KeyError, ValueError, TypeError) as exc:
        raise BundleError(f"{path} has a bad signature: it was changed after it was "
                          "written, or was not written by Khidmat Desk") from exc
