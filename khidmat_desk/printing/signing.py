"""The signed QR payload: what a certificate says about itself, signed with the centre's key.

``PKM1|key|tracking|service|name|issued|status|centre|cnic-digest|signature`` in UTF-8; the
signature is Ed25519 over everything before the last ``|``, in unpadded base64url. It is
short enough for a QR code a phone reads from a folded page, and it can be checked offline
with the centre's public key. The CNIC itself is not in the code: a digest of it salted with
the tracking number lets a clerk check the card in front of them without the QR handing out
the number. A decoded signature is re-encoded and compared, so no changed character, not even
a spare bit of base64, can pass.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from khidmat_desk.core.validators import compact_id

FORMAT = "PKM1"
SEPARATOR = "|"
_FIELD_COUNT = 10


class PayloadError(ValueError):
    """Not a payload this program wrote, or one that has been changed; the text says how."""


@dataclass(frozen=True)
class PayloadContent:
    key_id: str
    tracking_number: str
    service_code: str
    name: str
    issued_on: str  # ISO date
    status: str
    centre_code: str
    cnic_digest: str

    def fields(self) -> tuple[str, ...]:
        return (self.key_id, self.tracking_number, self.service_code, self.name,
                self.issued_on, self.status, self.centre_code, self.cnic_digest)


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64(text: str) -> bytes:
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except ValueError as exc:
        raise PayloadError("the signature is not readable") from exc
    if b64(data) != text:
        raise PayloadError("the signature has been altered")
    return data


def cnic_digest(tracking_number: str, id_number: str | None) -> str:
    """16 characters that match only this document's holder; '-' when there is no number."""
    digits = compact_id(id_number or "")
    if not digits:
        return "-"
    return b64(hashlib.sha256(f"{tracking_number}|{digits}".encode()).digest()[:12])


def key_id_of(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:8]


def public_key_text(public: Ed25519PublicKey) -> str:
    return b64(public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))


def public_key_from_text(text: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(unb64(text))


def public_key_pem(public: Ed25519PublicKey) -> str:
    return public.public_bytes(serialization.Encoding.PEM,
                               serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")


def public_key_from_pem(pem: bytes) -> Ed25519PublicKey:
    key = serialization.load_pem_public_key(pem)
    if not isinstance(key, Ed25519PublicKey):
        raise PayloadError("that file does not hold an Ed25519 public key")
    return key


@dataclass(frozen=True)
class Signer:
    """The centre's private key, in memory only while documents are printed."""

    private_key: Ed25519PrivateKey

    @classmethod
    def generate(cls) -> Signer:
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def from_secret(cls, text: str) -> Signer:
        return cls(Ed25519PrivateKey.from_private_bytes(unb64(text.strip())))

    def secret_text(self) -> str:
        return b64(self.private_key.private_bytes(
            serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
            serialization.NoEncryption()))

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self.private_key.public_key()

    @property
    def key_id(self) -> str:
        return key_id_of(self.public_key)

    def sign(self, content: PayloadContent) -> str:
        if content.key_id != self.key_id:
            raise ValueError("the payload names another key")
        body = _body(content)
        return body + SEPARATOR + b64(self.private_key.sign(body.encode("utf-8")))


def _clean(value: str) -> str:
    """A field can never hold the separator or a line break."""
    return " ".join(value.replace(SEPARATOR, "/").split())


def _body(content: PayloadContent) -> str:
    return SEPARATOR.join((FORMAT, *(_clean(f) for f in content.fields())))


def parse_payload(text: str) -> tuple[PayloadContent, bytes, str]:
    """(content, signature, signed body) of a payload, or PayloadError saying what is wrong."""
    parts = text.split(SEPARATOR)
    if len(parts) != _FIELD_COUNT or parts[0] != FORMAT:
        raise PayloadError("this is not a Khidmat Markaz document code")
    content = PayloadContent(*parts[1:9])
    signature = unb64(parts[9])
    if len(signature) != 64:
        raise PayloadError("the signature has been altered")
    return content, signature, text.rsplit(SEPARATOR, 1)[0]


def check_signature(public: Ed25519PublicKey, signature: bytes, body: str) -> bool:
    try:
        public.verify(signature, body.encode("utf-8"))
    except InvalidSignature:
        return False
    return True
