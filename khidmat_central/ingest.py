"""Taking records in, idempotently: the same (uuid, version) twice is stored once.

Each entry is judged on its own, so one bad record never holds back the others in its batch:
first what it claims about itself (`claims`), then what the server already holds — a version
comes after the one before it, by a step the workflow allows, and never changes the record's
tracking number, counter, service or fee; a tracking number belongs to one record; a uuid to
the centre that sent it first.

The unique constraint decides, not a lookup first: rows go in with ``ON CONFLICT DO NOTHING
RETURNING``; what came back was accepted, what did not was already there. A stored version
with the same content is a ``duplicate``; with different content it is ``rejected`` (a record
version never changes once written).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from khidmat_central.claims import Claim, EntryRefusedError, Sender, check_entry
from khidmat_central.public import ingest_documents
from khidmat_central.schema import Owner, Record, table
from khidmat_central.tariffs import CentralTariff, load_central_tariff
from khidmat_desk.store.db import Database
from khidmat_desk.sync.protocol import ACCEPTED, DOCUMENT_KIND, DUPLICATE, REJECTED

log = logging.getLogger("khidmat.central.ingest")

RECORD, OWNER = table(Record), table(Owner)

__all__ = ["EntryRefusedError", "Sender", "ingest"]

#: What a version must keep from the version before it.
_FIXED = ("tracking_number", "counter", "service_code", "fee_total")


def ingest(db: Database, entries: Sequence[Any], sender: Sender,
           tariff: CentralTariff | None = None) -> list[dict[str, Any]]:
    """A verdict for every entry, in order: accepted, duplicate or rejected with a reason."""
    rules = tariff or load_central_tariff()
    verdicts: list[dict[str, Any] | None] = [None] * len(entries)
    documents = [i for i, e in enumerate(entries)
                 if isinstance(e, dict) and e.get("kind") == DOCUMENT_KIND]
    if documents:  # issued copies, for the public verification pages
        answers = ingest_documents(db, [entries[i] for i in documents], sender)
        for index, verdict in zip(documents, answers, strict=True):
            verdicts[index] = verdict
    claims: list[tuple[int, Claim]] = []
    now = datetime.now(UTC)
    for index, entry in enumerate(entries):
        if verdicts[index] is not None:
            continue
        try:
            claims.append((index, check_entry(entry, sender, rules, now)))
        except EntryRefusedError as exc:
            verdicts[index] = _verdict(entry, REJECTED, str(exc))
    if claims:
        with db.write() as session:
            _store(session, entries, claims, sender, verdicts)
    refused = sum(1 for v in verdicts if v is not None and v["result"] == REJECTED)
    if refused:
        log.warning("%s: %d of %d entries refused", sender.via, refused, len(entries))
    return [v if v is not None else _verdict(entries[i], REJECTED, "not processed")
            for i, v in enumerate(verdicts)]


class _Known:
    """What the server holds for a batch's records, plus what this batch has added so far."""

    def __init__(self, session: Session, claims: list[tuple[int, Claim]]) -> None:
        uuids = sorted({c.uuid for _, c in claims})
        self.versions: dict[tuple[str, int], dict[str, Any]] = {
            (r.uuid, r.version): r._asdict() for r in session.execute(
                select(RECORD.c.uuid, RECORD.c.version, RECORD.c.status, RECORD.c.payload_hash,
                       *[RECORD.c[name] for name in _FIXED])
                .where(RECORD.c.uuid.in_(uuids)))}
        numbers = sorted({c.tracking_number for _, c in claims})
        self.tracking: dict[str, str] = {
            r.tracking_number: r.uuid for r in session.execute(
                select(RECORD.c.tracking_number, RECORD.c.uuid)
                .where(RECORD.c.tracking_number.in_(numbers), RECORD.c.version == 1))}

    def judge(self, claim: Claim) -> str | None:
        """None when the claim fits what is held; otherwise the reason it does not."""
        held = self.versions.get(claim.key)
        if held is not None:
            return None if held["payload_hash"] == claim.payload_hash else (
                f"version {claim.version} of this record is already stored with different "
                "content; a changed record needs a new version")
        owner = self.tracking.get(claim.tracking_number)
        if owner is not None and owner != claim.uuid:
            return f"tracking number {claim.tracking_number} already belongs to another record"
        if claim.version == 1:
            return None
        before = self.versions.get((claim.uuid, claim.version - 1))
        if before is None:
            return (f"version {claim.version - 1} of this record has not reached the server; "
                    "versions are taken in order")
        if before["status"] != claim.from_status:
            return (f"version {claim.version} changes the status from '{claim.from_status}', "
                    f"but version {claim.version - 1} is '{before['status']}'")
        changed = [name for name in _FIXED if before[name] != getattr(claim, name)]
        if changed:
            return f"a new version cannot change the record's {', '.join(changed)}"
        return None

    def add(self, claim: Claim) -> None:
        self.versions[claim.key] = {"status": claim.status, "payload_hash": claim.payload_hash,
                                    **{name: getattr(claim, name) for name in _FIXED}}
        if claim.version == 1:
            self.tracking[claim.tracking_number] = claim.uuid


def _store(session: Session, entries: Sequence[Any], claims: list[tuple[int, Claim]],
           sender: Sender, verdicts: list[dict[str, Any] | None]) -> None:
    foreign = _foreign_uuids(session, {c.uuid for _, c in claims}, sender.centre_code)
    known = _Known(session, claims)
    fresh: dict[tuple[str, int], tuple[int, Claim]] = {}
    for index, claim in claims:
        if claim.uuid in foreign:
            verdicts[index] = _verdict(entries[index], REJECTED,
                                       "this record belongs to another centre")
            continue
        held = known.versions.get(claim.key)
        reason = known.judge(claim)
        if reason is not None:
            verdicts[index] = _verdict(entries[index], REJECTED, reason)
        elif held is not None:
            verdicts[index] = _verdict(entries[index], DUPLICATE)
        else:
            known.add(claim)
            fresh[claim.key] = (index, claim)
    if not fresh:
        return
    connection = session.connection()
    insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
    inserted = {(r.uuid, r.version) for r in connection.execute(
        insert(RECORD).on_conflict_do_nothing(index_elements=["uuid", "version"])
        .returning(RECORD.c.uuid, RECORD.c.version),
        [fresh[key][1].row for key in sorted(fresh)])}  # one order: no deadlock between senders
    raced = _stored_hashes(session, [k for k in fresh if k not in inserted])
    for key, (index, claim) in fresh.items():
        if key in inserted:
            verdicts[index] = _verdict(entries[index], ACCEPTED)
        elif raced.get(key) == claim.payload_hash:
            verdicts[index] = _verdict(entries[index], DUPLICATE)
        else:
            verdicts[index] = _verdict(entries[index], REJECTED, (
                f"version {key[1]} of this record is already stored with different "
                "content; a changed record needs a new version"))


def _foreign_uuids(session: Session, uuids: set[str], centre_code: str) -> set[str]:
    """Claim new uuids for this centre; return the ones another centre claimed first."""
    connection = session.connection()
    insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
    connection.execute(insert(OWNER).on_conflict_do_nothing(index_elements=["uuid"]),
                       [{"uuid": u, "centre_code": centre_code} for u in sorted(uuids)])
    owners = connection.execute(select(OWNER.c.uuid, OWNER.c.centre_code)
                                .where(OWNER.c.uuid.in_(uuids)))
    return {row.uuid for row in owners if row.centre_code != centre_code}


def _stored_hashes(session: Session,
                   keys: list[tuple[str, int]]) -> dict[tuple[str, int], str]:
    if not keys:
        return {}
    rows = session.execute(select(RECORD.c.uuid, RECORD.c.version, RECORD.c.payload_hash)
                           .where(tuple_(RECORD.c.uuid, RECORD.c.version).in_(keys)))
    return {(r.uuid, r.version): r.payload_hash for r in rows}


def _verdict(entry: Any, result: str, reason: str | None = None) -> dict[str, Any]:
    """The verdict, echoing only what the counter can have sent (never raw hostile values)."""
    source = entry if isinstance(entry, dict) else {}
    verdict = {"uuid": _echo_text(source.get("uuid")), "version": _echo_int(source.get("version")),
               "kind": _echo_text(source.get("kind")), "result": result}
    if reason is not None:
        verdict["reason"] = reason
    return verdict


def _echo_text(value: Any) -> str | None:
    if isinstance(value, str) and len(value) <= 64 and value.isascii() and value.isprintable():
        return value
    return None


def _echo_int(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**53:
        return value
    return None
