"""Counters' audit chain heads, kept where a local editor cannot rewrite them.

With every push a counter sends the head of its audit chain (the newest event's sequence
number and hash) and the hash it now has for the event the server anchored last time. The
server keeps every head it is sent, with a verdict:

* ``anchored`` — the chain only grew: the head is not behind the last anchored one and the
  counter still has the anchored event unchanged.
* ``backwards`` — fewer events than already anchored: events were deleted, or an old copy of
  the database is in use.
* ``fork`` — a different event where an anchored one was: history was edited and the chain
  recomputed, or an old copy of the database has grown new events.
* ``unconfirmed`` — the counter did not show the anchored event, so growth cannot be checked.

Only anchored heads move the anchor; the others are kept as flags for the operator
(``khidmat-central audit heads``). Records are still taken in: a doubtful audit trail is
something to look into, not a reason to lose a centre's applications.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from khidmat_central.schema import AuditAnchor, table
from khidmat_desk.store.audit import ChainHead
from khidmat_desk.store.db import Database

log = logging.getLogger("khidmat.central.anchors")

ANCHOR = table(AuditAnchor)
ANCHORED, BACKWARDS, FORK, UNCONFIRMED = "anchored", "backwards", "fork", "unconfirmed"
MAX_SEQUENCE = 2**31 - 1


class HeadMalformedError(ValueError):
    """The audit head sent with a push is not two fields of the right kind."""


@dataclass(frozen=True)
class HeadVerdict:
    result: str
    #: The newest anchored sequence after this push: the event the counter shows next time.
    anchored_sequence: int | None
    reason: str | None = None

    def as_reply(self) -> dict[str, Any]:
        reply: dict[str, Any] = {"result": self.result, "sequence": self.anchored_sequence}
        if self.reason:
            reply["reason"] = self.reason
        return reply


@dataclass(frozen=True)
class AnchoredHead:
    sequence: int
    hash: str
    verdict: str
    reason: str | None
    received_at: datetime


def parse_head(value: Any, name: str = "audit") -> ChainHead:
    """A head from the push document; `HeadMalformedError` if it is not one."""
    if not isinstance(value, dict):
        raise HeadMalformedError(f"{name} must be an object with sequence and hash")
    sequence, digest = value.get("sequence"), value.get("hash")
    if isinstance(sequence, float) and sequence.is_integer():
        sequence = int(sequence)  # JSON has one kind of number: 7.0 is the integer 7
    if not isinstance(sequence, int) or isinstance(sequence, bool) \
            or not 0 <= sequence <= MAX_SEQUENCE:
        raise HeadMalformedError(f"{name}.sequence must be a whole number from 0 to "
                                 f"{MAX_SEQUENCE}")
    if not (isinstance(digest, str) and len(digest) == 64
            and all(c in "0123456789abcdef" for c in digest)):
        raise HeadMalformedError(f"{name}.hash must be 64 lower-case hex digits")
    return ChainHead(sequence, digest)


def record_head(db: Database, centre_code: str, counter: int, head: ChainHead,
                shown: ChainHead | None, *, now: datetime | None = None) -> HeadVerdict:
    """Judge and keep the head a counter sent; ``shown`` is its copy of the anchored event."""
    with db.write() as session:
        history = session.execute(
            select(ANCHOR.c.sequence, ANCHOR.c.head_hash, ANCHOR.c.verdict, ANCHOR.c.reason)
            .where(ANCHOR.c.centre_code == centre_code, ANCHOR.c.counter == counter)
            .order_by(ANCHOR.c.id)).all()
        anchored = {row.sequence: row.head_hash for row in history if row.verdict == ANCHORED}
        last = max(anchored) if anchored else None
        result, reason = _judge(head, shown, anchored, last)
        newest = history[-1] if history else None
        same_as_newest = newest is not None and (newest.sequence, newest.head_hash,
                                                 newest.verdict) == (head.sequence, head.hash,
                                                                     result)
        if not same_as_newest:
            session.execute(ANCHOR.insert(), [{
                "centre_code": centre_code, "counter": counter, "sequence": head.sequence,
                "head_hash": head.hash, "verdict": result, "reason": reason,
                "received_at": now or datetime.now(UTC)}])
    if result != ANCHORED:
        log.warning("%s counter %d: audit head %d flagged %s: %s", centre_code, counter,
                    head.sequence, result, reason)
    return HeadVerdict(result, head.sequence if result == ANCHORED else last, reason)


def _judge(head: ChainHead, shown: ChainHead | None, anchored: dict[int, str],
           last: int | None) -> tuple[str, str | None]:
    if last is None:
        return ANCHORED, None
    if head.sequence < last:
        return BACKWARDS, (f"the audit trail ends at event {head.sequence}, before event "
                           f"{last} that was already anchored: events were deleted or an "
                           "old copy of the database is in use")
    if head.sequence == last:
        if head.hash != anchored[last]:
            return FORK, (f"event {last} differs from the one anchored: the audit trail "
                          "was rewritten, or an old copy of the database is in use")
        return ANCHORED, None
    if shown is None or shown.sequence not in anchored:
        return UNCONFIRMED, (f"the counter did not show an anchored event (the newest is "
                             f"{last}); its growth cannot be checked")
    if shown.hash != anchored[shown.sequence]:
        return FORK, (f"event {shown.sequence} differs from the one anchored: the audit trail "
                      "was rewritten, or an old copy of the database is in use")
    return ANCHORED, None


def heads(db: Database, centre_code: str, counter: int) -> list[AnchoredHead]:
    """Every head the counter has sent, oldest first, with its verdict."""
    with db.read() as session:
        rows = session.execute(
            select(ANCHOR).where(ANCHOR.c.centre_code == centre_code,
                                 ANCHOR.c.counter == counter).order_by(ANCHOR.c.id)).all()
    return [AnchoredHead(r.sequence, r.head_hash, r.verdict, r.reason, r.received_at)
            for r in rows]
