"""The signed QR payload: what a document says about itself, signed with the centre's key.

Format 2 (written today) signs every fact the page states::

    PKM2|key|tracking|service|document|issued|copy|centre|salt|facts|signature

``facts`` is the document's content — every answer the layout prints, the tables of periods
and districts, the validity, the status — as compact JSON (``[[key, value], ...]``; a table's
value is its column keys then its rows), deflated and in unpadded base64url. Identity numbers
are not in it: each is replaced by a slow salted check (see ``idcheck``) under its key with a
``#`` appended, so a clerk can test the card in front of them but nobody can compute the
number from the code. The signature is Ed25519 over everything before the last ``|``.

Format 1 (``PKM1|key|tracking|service|name|issued|status|centre|cnic-digest|signature``)
signed only the header and a fast CNIC digest. Nothing writes it any more; documents printed
with it still verify, and say which facts they do not cover.

A decoded signature is re-encoded and compared, so no changed character, not even a spare bit
of base64, can pass. The QR code may carry the payload after a web address (``URL#payload``)
so that a phone opens the public verification page while this program still checks the
payload offline.
"""

from __future__ import annotations

import base64
import hashlib
import json
import zlib
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from khidmat_desk.core.validators import compact_id

FORMAT = "PKM1"
FORMAT_2 = "PKM2"
SEPARATOR = "|"
_FIELD_COUNT = 10
_FIELD_COUNT_2 = 11
#: A fact whose key ends so holds an identity check, not the number.
ID_MARK = "#"
#: The fact holding the SHA-256 of the photograph a document prints (the page shows its start).
PHOTO_FACT = "photo_sha256"
#: Facts bigger than this once inflated are refused (a hostile code cannot exhaust memory).
_MAX_FACTS_BYTES = 64 * 1024
#: Table values are lists of rows of text; anything else in a payload is not ours.
FactValue = str | tuple[tuple[str, ...], ...]


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


@dataclass(frozen=True)
class Fact:
    """One thing a document states: an answer's key and its printed text, or a table."""

    key: str
    value: FactValue

    @property
    def is_id_check(self) -> bool:
        return self.key.endswith(ID_MARK)

    @property
    def field_key(self) -> str:
        return self.key.removesuffix(ID_MARK)


@dataclass(frozen=True)
class SignedDocument:
    """The content of a format-2 payload: the header and every fact on the page."""

    key_id: str
    tracking_number: str
    service_code: str
    document_key: str
    issued_on: str  # ISO date
    copy_no: int
    centre_code: str
    salt: str  # base64url of the per-document random salt of the identity checks
    facts: tuple[Fact, ...]

    def fact(self, key: str) -> Fact | None:
        return next((f for f in self.facts if f.key == key), None)

    def text_of(self, key: str) -> str:
        found = self.fact(key)
        return found.value if found is not None and isinstance(found.value, str) else ""

    def id_checks(self) -> tuple[Fact, ...]:
        return tuple(f for f in self.facts if f.is_id_check)

    @property
    def salt_bytes(self) -> bytes:
        return unb64(self.salt)


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
        """A format-1 payload: kept only to show that documents printed with it still verify."""
        if content.key_id != self.key_id:
            raise ValueError("the payload names another key")
        body = _body(content)
        return body + SEPARATOR + b64(self.private_key.sign(body.encode("utf-8")))

    def sign_document(self, document: SignedDocument) -> str:
        """A format-2 payload covering every fact of ``document``."""
        if document.key_id != self.key_id:
            raise ValueError("the payload names another key")
        body = document_body(document)
        return body + SEPARATOR + b64(self.private_key.sign(body.encode("utf-8")))


def _clean(value: str) -> str:
    """A field can never hold the separator or a line break."""
    return " ".join(value.replace(SEPARATOR, "/").split())


def _body(content: PayloadContent) -> str:
    return SEPARATOR.join((FORMAT, *(_clean(f) for f in content.fields())))


def document_body(document: SignedDocument) -> str:
    """The signed text of a format-2 payload (everything before the signature)."""
    header = (document.key_id, document.tracking_number, document.service_code,
              document.document_key, document.issued_on, str(document.copy_no),
              document.centre_code)
    return SEPARATOR.join((FORMAT_2, *(_clean(f) for f in header), document.salt,
                           encode_facts(document.facts)))


def encode_facts(facts: tuple[Fact, ...]) -> str:
    items = [[f.key, f.value if isinstance(f.value, str) else [list(r) for r in f.value]]
             for f in facts]
    text = json.dumps(items, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return b64(packer.compress(text) + packer.flush())


def decode_facts(text: str) -> tuple[Fact, ...]:
    """The facts of a payload; PayloadError for anything this program did not write."""
    inflater = zlib.decompressobj(-15)
    try:
        raw = inflater.decompress(unb64(text), _MAX_FACTS_BYTES)
        if inflater.unconsumed_tail or not inflater.eof:
            raise PayloadError("the document's content is damaged or too large")
        items = json.loads(raw.decode("utf-8"))
    except (zlib.error, ValueError, RecursionError) as exc:
        raise PayloadError("the document's content is not readable") from exc
    if not isinstance(items, list):
        raise PayloadError("the document's content is not readable")
    return tuple(_fact(item) for item in items)


def _fact(item: Any) -> Fact:
    if (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)):
        key, value = item
        if isinstance(value, str):
            return Fact(key, value)
        if isinstance(value, list) and all(
                isinstance(row, list) and all(isinstance(c, str) for c in row)
                for row in value):
            return Fact(key, tuple(tuple(row) for row in value))
    raise PayloadError("the document's content is not readable")


def parse_document(text: str) -> tuple[SignedDocument, bytes, str]:
    """(document, signature, signed body) of a format-2 payload, or PayloadError."""
    parts = text.split(SEPARATOR)
    if len(parts) != _FIELD_COUNT_2 or parts[0] != FORMAT_2:
        raise PayloadError("this is not a Khidmat Markaz document code")
    if not parts[6].isdigit() or str(int(parts[6])) != parts[6]:
        raise PayloadError("the copy number has been altered")
    unb64(parts[8])  # the salt must be exactly as written
    key_id, tracking, service, document_key, issued = parts[1:6]
    document = SignedDocument(key_id, tracking, service, document_key, issued, int(parts[6]),
                              parts[7], parts[8], decode_facts(parts[9]))
    signature = unb64(parts[10])
    if len(signature) != 64:
        raise PayloadError("the signature has been altered")
    return document, signature, text.rsplit(SEPARATOR, 1)[0]


def payload_of_qr(text: str) -> str:
    """The signed payload of a QR text: the text itself, or what follows '#' in a web address."""
    stripped = text.strip("\r\n")
    if stripped.startswith(("https://", "http://")) and "#" in stripped:
        return stripped.split("#", 1)[1]
    return stripped


def short_code(signature: bytes) -> str:
    """8 letters and digits printed beside the QR code: with the tracking number they open
    the document on the public verification page. Taken from the signature, so only someone
    holding the document (or its code) knows them; 40 bits cannot be guessed online."""
    digest = hashlib.sha256(b"khidmat-verification-code|" + signature).digest()
    return base64.b32encode(digest[:5]).decode("ascii")


def format_short_code(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


def parse_payload(text: str) -> tuple[PayloadContent, bytes, str]:
    """(content, signature, signed body) of a format-1 payload, or PayloadError."""
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


# ---------------------------------------------------------------------------------------------
# The public pages a QR code opens
# ---------------------------------------------------------------------------------------------

#: Paths of the central server's public pages (khidmat_central.public serves them).
PUBLIC_VERIFY_PATH = "/v"
PUBLIC_STATUS_PATH = "/s"


def status_code(application_uuid: str) -> str:
    """The code a receipt's status lookup asks for beside the tracking number: taken from the
    application's uuid, which only the counter and the central server know (never printed)."""
    digest = hashlib.sha256(f"khidmat-status-code|{application_uuid}".encode()).digest()
    return base64.b32encode(digest[:5]).decode("ascii")


def public_url(base_url: str, path: str, tracking_number: str, code: str) -> str:
    query = urlencode({"t": tracking_number, "c": code})
    return f"{base_url.rstrip('/')}{path}?{query}"


def qr_text(payload: str, base_url: str | None, tracking_number: str, code: str) -> str:
    """What the QR code holds: the page's address (a phone opens it) then ``#`` and the signed
    payload (this program checks it offline); the bare payload when no address is set."""
    if not base_url:
        return payload
    return public_url(base_url, PUBLIC_VERIFY_PATH, tracking_number, code) + "#" + payload


def signature_of(payload: str) -> bytes:
    return unb64(payload.rsplit(SEPARATOR, 1)[-1])
