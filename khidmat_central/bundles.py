"""Importing a counter's offline bundle with the same idempotent rules as a push."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from khidmat_central import keys, tokens
from khidmat_central.ingest import Sender, ingest
from khidmat_central.tariffs import CentralTariff, load_central_tariff
from khidmat_desk.store.db import Database
from khidmat_desk.sync import seal
from khidmat_desk.sync.bundle import BundleError, read_bundle
from khidmat_desk.sync.protocol import ACCEPTED, DUPLICATE, REJECTED

log = logging.getLogger("khidmat.central.bundles")
_CHUNK = 1000


class BundleRejected(Exception):  # noqa: N818 - public name, read as a message
    """The whole bundle was refused (damaged, unsigned, unknown key); nothing was imported."""


@dataclass(frozen=True)
class ImportOutcome:
    centre_code: str
    counter: int
    verdicts: tuple[dict[str, Any], ...]

    def count(self, result: str) -> int:
        return Counter(v["result"] for v in self.verdicts)[result]

    def rejected_lines(self) -> list[str]:
        return [f"{v['uuid']} v{v['version']}: {v.get('reason')}"
                for v in self.verdicts if v["result"] == REJECTED]

    def summary(self) -> str:
        return (f"bundle of {self.centre_code} counter {self.counter}: "
                f"{self.count(ACCEPTED)} accepted, {self.count(DUPLICATE)} already there, "
                f"{self.count(REJECTED)} rejected")


def import_bundle(db: Database, path: Path,
                  tariff: CentralTariff | None = None,
                  seal_key: X25519PrivateKey | None = None) -> ImportOutcome:
    """Import a bundle; ``seal_key`` opens its sealed (confidential) records."""
    try:
        bundle = read_bundle(path)
        keys.check_known(db, bundle.centre_code, bundle.counter, bundle.public_key)
        entries = _opened(bundle.entries, seal_key)
    except (BundleError, keys.UnknownKey, seal.SealError) as exc:
        raise BundleRejected(str(exc)) from exc
    sender = Sender(bundle.centre_code, bundle.counter,
                    f"bundle {bundle.centre_code}/{bundle.counter}",
                    any_counter=tokens.shares_database(db, bundle.centre_code, bundle.counter))
    rules = tariff or load_central_tariff()
    verdicts: list[dict[str, Any]] = []
    for start in range(0, len(entries), _CHUNK):
        verdicts += ingest(db, entries[start:start + _CHUNK], sender, rules)
    outcome = ImportOutcome(bundle.centre_code, bundle.counter, tuple(verdicts))
    log.info("imported %s: %s", path, outcome.summary())
    return outcome


def _opened(entries: tuple[dict[str, Any], ...],
            seal_key: X25519PrivateKey | None) -> list[dict[str, Any]]:
    """The entries with sealed payloads opened; the whole bundle waits if it cannot be."""
    sealed = sum(1 for e in entries if seal.is_sealed(e))
    if sealed and seal_key is None:
        raise seal.SealError(f"the bundle holds {sealed} sealed confidential record(s); import "
                             "it with --seal-key FILE (the server's sealing key)")
    return [seal.unseal(e, seal_key) if seal_key is not None and seal.is_sealed(e) else e
            for e in entries]
