"""Sealing confidential records in an offline bundle: readable by the central server only.

A bundle is signed, so nothing in it can be changed, but a stick that is lost or copied on the
way gives every record to whoever holds it. Records of confidential services (a survivor's
report) are therefore sealed to the central server's X25519 public key: a fresh key pair per
record, the shared secret through HKDF-SHA256 into an AES-256-GCM key, and the record's
(uuid, version, kind) as associated data so a sealed payload cannot be moved to another
entry. The bundle's signature then covers the sealed text. The central server keeps the
private half in a file only its own account can read (``khidmat-central seal-key create``).
"""

from __future__ import annotations

import base64
import json
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from khidmat_desk.errors import KnownError

SCHEME = "x25519-hkdf-sha256-aes256gcm"


class SealError(KnownError):
    """A sealing key or sealed record that cannot be used; ``str()`` says what to do."""

    bad_input = True


def new_key() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


def public_hex(key: X25519PrivateKey) -> str:
    return key.public_key().public_bytes(serialization.Encoding.Raw,
                                         serialization.PublicFormat.Raw).hex()


def private_text(key: X25519PrivateKey) -> str:
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption()).hex()


def private_from_text(text: str) -> X25519PrivateKey:
    try:
        return X25519PrivateKey.from_private_bytes(bytes.fromhex(text.strip()))
    except ValueError as exc:
        raise SealError("the sealing key file does not hold a key (64 hex digits)") from exc


def check_public_hex(text: str) -> str:
    key = text.strip().lower()
    if len(key) != 64 or any(c not in "0123456789abcdef" for c in key):
        raise SealError("a sealing key is 64 hex digits, as 'khidmat-central seal-key create' "
                        "printed it")
    return key


def is_sealed(entry: dict[str, Any]) -> bool:
    payload = entry.get("payload")
    return isinstance(payload, dict) and payload.get("sealed") == SCHEME


def seal(entry: dict[str, Any], central_public_hex: str) -> dict[str, Any]:
    """The entry with its payload sealed to the central server's key."""
    ephemeral = X25519PrivateKey.generate()
    peer = X25519PublicKey.from_public_bytes(bytes.fromhex(check_public_hex(central_public_hex)))
    label = _label(entry)
    nonce = os.urandom(12)
    plain = json.dumps(entry["payload"], ensure_ascii=False, separators=(",", ":")).encode()
    cipher = AESGCM(_key(ephemeral.exchange(peer), label)).encrypt(nonce, plain, label)
    return {**entry, "payload": {
        "sealed": SCHEME, "epk": public_hex(ephemeral),
        "nonce": base64.b64encode(nonce).decode(), "ct": base64.b64encode(cipher).decode()}}


def unseal(entry: dict[str, Any], key: X25519PrivateKey) -> dict[str, Any]:
    """The entry with its payload opened; SealError if the key is not the one it was sealed to."""
    sealed = entry["payload"]
    try:
        peer = X25519PublicKey.from_public_bytes(bytes.fromhex(str(sealed["epk"])))
        label = _label(entry)
        plain = AESGCM(_key(key.exchange(peer), label)).decrypt(
            base64.b64decode(str(sealed["nonce"])), base64.b64decode(str(sealed["ct"])), label)
        payload = json.loads(plain)
    except (InvalidTag, KeyError, ValueError, TypeError) as exc:
        raise SealError("a sealed record cannot be opened with this sealing key; use the key "
                        "whose public half the counter was given") from exc
    return {**entry, "payload": payload}


def _label(entry: dict[str, Any]) -> bytes:
    return f"{entry.get('uuid')}|{entry.get('version')}|{entry.get('kind')}".encode()


def _key(shared: bytes, label: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"khidmat-bundle-seal|" + label).derive(shared)
