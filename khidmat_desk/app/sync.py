"""Sync use cases: set it up, build the syncer, read its status, handle quarantined entries.

The token lives in the OS keyring (secret ``sync-token``); ``KHIDMAT_SYNC_TOKEN`` wins where it
is set, for service installs and CI with no keyring. Quarantine work is the in-charge's:
the role is checked here, not only by hiding a button.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from khidmat_desk.app.logs import hide
from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.app.sync_changes import remote_change_applier
from khidmat_desk.auth.secrets import SecretStore, SecretsUnavailable
from khidmat_desk.auth.users import UserInfo, require_role
from khidmat_desk.core.workflow import IN_CHARGE
from khidmat_desk.errors import KnownError
from khidmat_desk.store import outbox
from khidmat_desk.store.audit import append_event
from khidmat_desk.store.db import Database
from khidmat_desk.sync import bundle, protocol, seal
from khidmat_desk.sync.client import Syncer, SyncTuning
from khidmat_desk.sync.errors import SyncNotConfigured
from khidmat_desk.sync.status import SyncStatus, current_status
from khidmat_desk.sync.transport import Transport, TransportConfig

log = logging.getLogger("khidmat.sync")

TOKEN_SECRET = "sync-token"  # noqa: S105 - the name of a secret, not a secret
TOKEN_ENV = "KHIDMAT_SYNC_TOKEN"  # noqa: S105 - the name of a variable


@dataclass(frozen=True)
class QuarantinedEntry:
    """A record the server refused, with its reason, for the in-charge's list."""

    entry_id: int
    uuid: str
    version: int
    kind: str
    tracking_number: str
    reason: str
    quarantined_at: datetime


@dataclass(frozen=True)
class PendingEntry:
    """A record waiting to be sent, with how often it was tried and the last failure."""

    entry_id: int
    kind: str
    tracking_number: str
    version: int
    attempts: int
    last_error: str | None
    created_at: datetime


class QuarantineError(KnownError):
    """A requeue that cannot be done; ``str()`` says why."""

    bad_input = True


def secret_store(settings: CounterSettings) -> SecretStore:
    return SecretStore(settings.data_dir, str(settings.get("secret_store")))


def setup_sync(settings: CounterSettings, *, server: str, token: str | None,
               ca_bundle: str | None = None, public_url: str | None = None,
               seal_key: str | None = None,
               check: Callable[[TransportConfig], None] | None = None) -> str:
    """Check and save the server address (settings) and token (keyring); returns where the
    token is kept. ``token`` None keeps the server only: the token comes from
    ``KHIDMAT_SYNC_TOKEN`` (a service install with no keyring). ``check`` is given the link
    as it would be used before anything is saved: what it raises, nothing is saved."""
    url = protocol.check_server_url(server)
    refuse_real_server_for_demo(settings, url)
    public = protocol.check_server_url(public_url) if public_url else None
    try:
        sealing = seal.check_public_hex(seal_key) if seal_key else None
    except seal.SealError as exc:
        raise SyncNotConfigured(str(exc)) from exc
    if token is not None:
        check_token(token)
    if ca_bundle and not Path(ca_bundle).is_file():
        raise SyncNotConfigured(f"the CA bundle {ca_bundle} does not exist")
    if check is not None:
        # no new token: the one the counter uses now (the variable's, else the one kept)
        used = token.strip() if token is not None else load_token(settings)
        check(TransportConfig(server=url, token=used,
                              ca_bundle=Path(ca_bundle) if ca_bundle else None,
                              timeout_seconds=10.0))
    store = secret_store(settings)
    where = f"the {TOKEN_ENV} variable"
    if token is not None:
        hide(token)
        store.put(TOKEN_SECRET, token.strip())
        where = store.describe()
    settings.set("sync_server", url)
    if public is not None:
        settings.set("public_verify_url", public)
    if sealing is not None:
        settings.set("central_seal_key", sealing)
    if ca_bundle is not None:
        settings.set("sync_ca_bundle", str(Path(ca_bundle).resolve()) if ca_bundle else "")
    settings.save()
    log.info("sync set up for %s; token kept in %s", url, where)
    return where


#: What a token is made of: letters, digits and punctuation of the English keyboard.
_TOKEN = re.compile(r"[\x21-\x7e]{1,512}")


def check_token(token: str) -> None:
    """SyncNotConfigured unless ``token`` could be a token: not empty, not a page, and typed
    with the keyboard in English (an Urdu letter in it cannot even be sent)."""
    if not token.strip():
        raise SyncNotConfigured("the token is empty; paste the token the central server gave")
    if not _TOKEN.fullmatch(token.strip()):
        raise SyncNotConfigured(
            "this is not a token: a token is one word of English letters, digits and signs; "
            "paste it again with the keyboard in English")


def refuse_real_server_for_demo(settings: CounterSettings, server: str) -> None:
    """A demo centre's invented records must never reach a real central server: it may only
    sync with a server on this PC (a training or test server)."""
    if not settings.is_demo:
        return
    host = urlsplit(server).hostname or ""
    if not protocol.is_loopback(host):
        log.warning("refused to sync the demo centre with %s", host)
        raise SyncNotConfigured(
            f"this is a demo centre of invented data; it syncs only with a server on this PC, "
            f"never with {host or server}")


def load_token(settings: CounterSettings) -> str:
    """``KHIDMAT_SYNC_TOKEN`` if set, else the stored secret; a clear error if neither."""
    from_env = os.environ.get(TOKEN_ENV, "").strip()
    if from_env:
        hide(from_env)
        check_token(from_env)
        return from_env
    try:
        token = secret_store(settings).get(TOKEN_SECRET)
    except SecretsUnavailable as exc:
        raise SyncNotConfigured(f"{exc} Or set {TOKEN_ENV} for this service.") from exc
    if not token:
        raise SyncNotConfigured("no sync token is stored; run 'khidmat-desk sync --setup "
                                "--server URL --token-stdin' with the token from the server")
    hide(token)
    return token


def transport_config(settings: CounterSettings, *, timeout_seconds: float = 20.0
                     ) -> TransportConfig:
    server = str(settings.get("sync_server"))
    if not server:
        raise SyncNotConfigured("no central server is set; run 'khidmat-desk sync --setup "
                                "--server URL --token-stdin'")
    refuse_real_server_for_demo(settings, server)
    ca_bundle = str(settings.get("sync_ca_bundle"))
    return TransportConfig(server=server, token=load_token(settings),
                           ca_bundle=Path(ca_bundle) if ca_bundle else None,
                           timeout_seconds=timeout_seconds)


def make_syncer(settings: CounterSettings, db: Database, *, tuning: SyncTuning | None = None,
                timeout_seconds: float = 20.0) -> Syncer:
    """The counter's syncer; the server and token are read when it first connects."""

    def connect() -> Transport:
        return Transport(transport_config(settings, timeout_seconds=timeout_seconds))

    def public_key() -> str | None:
        try:
            return bundle.public_key_hex(bundle_key(settings))
        except SecretsUnavailable as exc:
            log.warning("no bundle key: %s", exc)
            return None

    return Syncer(db, connect, remote_change_applier(db), tuning=tuning,
                  bundle_public_key=public_key)


def bundle_key(settings: CounterSettings) -> Ed25519PrivateKey:
    """This counter's bundle signing key, made on first use and kept as a secret."""
    store = secret_store(settings)
    text = store.get(bundle.BUNDLE_KEY_SECRET)
    if text:
        return bundle.private_key_from_text(text)
    key = Ed25519PrivateKey.generate()
    store.put(bundle.BUNDLE_KEY_SECRET, bundle.private_key_text(key))
    return key


def sync_status(db: Database) -> SyncStatus:
    """Pending and quarantined counts, link state, last success: from the database alone."""
    return current_status(db)


def list_pending(db: Database, *, limit: int = 200) -> tuple[PendingEntry, ...]:
    """The oldest records still waiting for the server (any officer may look)."""
    with db.read() as session:
        items = outbox.waiting(session, limit=limit)
    return tuple(PendingEntry(i.id, i.kind, str(i.payload.get("tracking_number", "")),
                              i.version, i.attempts, i.last_error, i.created_at) for i in items)


def list_quarantined(db: Database, user: UserInfo) -> tuple[QuarantinedEntry, ...]:
    require_role(user, IN_CHARGE)
    with db.read() as session:
        rows = outbox.quarantined(session)
    return tuple(QuarantinedEntry(item.id, item.uuid, item.version, item.kind,
                                  str(item.payload.get("tracking_number", "")), reason, at)
                 for item, reason, at in rows)


def requeue(db: Database, user: UserInfo, entry_id: int, *, now: datetime | None = None) -> None:
    """Put a quarantined entry back in the queue, after the cause was fixed; audited."""
    require_role(user, IN_CHARGE)
    when = now or datetime.now(UTC)
    with db.write() as session:
        found = outbox.is_quarantined(session, entry_id)
        if found is None:
            raise QuarantineError.told("There is no outbox entry {entry}; it may have been "
                                       "sent already. Refresh the list.", entry=entry_id)
        if not found:
            raise QuarantineError.told("Outbox entry {entry} is not set aside; it is already "
                                       "waiting to be sent.", entry=entry_id)
        outbox.release(session, entry_id)
        append_event(session, actor=user.username, action="outbox-requeued",
                     entity_type="outbox_entry", entity_id=entry_id, details={}, at=when)
    log.info("outbox entry %s requeued by %s", entry_id, user.username)
