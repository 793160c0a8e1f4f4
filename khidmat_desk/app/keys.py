"""The centre's signing key: created at set-up, private half in the secret store, public half in
the database (so QR codes are checked offline, and the central server can be sent the key).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from khidmat_desk.auth.secrets import SecretStore
from khidmat_desk.errors import KnownError
from khidmat_desk.printing.signing import (
    Signer,
    key_id_of,
    public_key_from_text,
    public_key_pem,
    public_key_text,
)
from khidmat_desk.store.audit import append_event
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import SigningKey

log = logging.getLogger("khidmat.keys")

#: Name of the private key in the secret store.
SECRET_NAME = "signing-key"  # noqa: S105 - the name of the secret, not a secret


class KeyProblem(KnownError):  # noqa: N818 - public name, read as a message
    """The signing key is missing or does not match; ``str()`` says what the in-charge can do."""


@dataclass(frozen=True)
class KeyInfo:
    key_id: str
    centre_code: str
    created_at: datetime
    public_pem: str


def create_signing_key(session: Session, store: SecretStore, centre_code: str, *,
                       actor: str, now: datetime | None = None) -> KeyInfo:
    """A new key pair: private half to the secret store first, so a refused keyring leaves
    nothing behind; the public half and an audit event in the caller's transaction."""
    when = now or datetime.now(UTC)
    signer = Signer.generate()
    store.put(SECRET_NAME, signer.secret_text())
    session.add(SigningKey(key_id=signer.key_id, centre_code=centre_code,
                           public_key=public_key_text(signer.public_key), created_at=when,
                           retired_at=None))
    append_event(session, actor=actor, action="signing-key.created", entity_type="centre",
                 entity_id=centre_code, at=when, details={"key_id": signer.key_id})
    log.info("signing key %s created for %s (%s)", signer.key_id, centre_code, store.describe())
    return KeyInfo(signer.key_id, centre_code, when, public_key_pem(signer.public_key))


def load_signer(db: Database, store: SecretStore, centre_code: str) -> Signer:
    """The centre's private key, checked against the public key the database holds."""
    current = current_key(db, centre_code)
    secret = store.get(SECRET_NAME)
    if current is None or secret is None:
        raise KeyProblem.told(
            "Centre {centre} has no signing key on this PC, so certificates cannot be signed. "
            "The in-charge creates one with 'khidmat-desk keys create'.", centre=centre_code)
    signer = Signer.from_secret(secret)
    if signer.key_id != current.key_id:
        raise KeyProblem.told(
            "The signing key kept on this PC ({kept}) is not the centre's key ({centre}). "
            "Restore the right key or have the in-charge create a new one.",
            kept=signer.key_id, centre=current.key_id)
    return signer


def current_key(db: Database, centre_code: str) -> KeyInfo | None:
    with db.read() as session:
        row = session.scalars(select(SigningKey).where(
            SigningKey.centre_code == centre_code, SigningKey.retired_at.is_(None))
            .order_by(SigningKey.created_at.desc())).first()
        if row is None:
            return None
        return KeyInfo(row.key_id, row.centre_code, row.created_at,
                       public_key_pem(public_key_from_text(row.public_key)))


def known_public_keys(db: Database) -> dict[str, tuple[str, Ed25519PublicKey]]:
    """Every public key this database holds, retired ones too (old certificates stay valid):
    key id -> (centre code, key)."""
    with db.read() as session:
        rows = session.execute(select(SigningKey.key_id, SigningKey.centre_code,
                                      SigningKey.public_key)).all()
    keys = {}
    for row in rows:
        public = public_key_from_text(row.public_key)
        if key_id_of(public) == row.key_id:
            keys[row.key_id] = (row.centre_code, public)
        else:
            log.error("signing key row %s does not match its public key; ignored", row.key_id)
    return keys


def replace_signing_key(db: Database, store: SecretStore, centre_code: str, *, actor: str,
                        now: datetime | None = None) -> KeyInfo:
    """Retire the current key (its certificates stay verifiable) and create a new one."""
    when = now or datetime.now(UTC)
    with db.write() as session:
        for row in session.scalars(select(SigningKey).where(
                SigningKey.centre_code == centre_code, SigningKey.retired_at.is_(None))):
            row.retired_at = when
        return create_signing_key(session, store, centre_code, actor=actor, now=when)


def ensure_signing_key(db: Database, store: SecretStore, centre_code: str, *,
                       actor: str) -> KeyInfo:
    """The centre's key, created if it has none yet (set-up and demo call this)."""
    existing = current_key(db, centre_code)
    if existing is not None and store.get(SECRET_NAME) is not None:
        return existing
    if existing is not None:
        return replace_signing_key(db, store, centre_code, actor=actor)
    with db.write() as session:
        return create_signing_key(session, store, centre_code, actor=actor)
