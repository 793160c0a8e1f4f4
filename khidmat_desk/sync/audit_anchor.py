"""The audit chain head a push carries, so the central server keeps it out of local reach.

Each push names the head of this database's audit chain (the newest event's sequence number
and hash) and this database's hash of the event the server anchored last time (the server
names it in its reply). A database restored from an old copy, with events deleted, or with
history edited and the chain recomputed, then shows the server a head that goes backwards or
an anchored event that changed — and the server flags it where no one at the centre can
rewrite the flag. See docs/sync-protocol.md.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from khidmat_desk.store.audit import GENESIS_HASH
from khidmat_desk.store.models import AuditEvent, AuditHead

#: sync_state key: the newest event sequence the server said it anchored.
ANCHORED_SEQUENCE = "audit_anchored_sequence"


def audit_claim(session: Session, anchored_sequence: Any) -> dict[str, Any] | None:
    """``{"sequence", "hash", "anchor"}`` for the push document; None without a chain."""
    head = session.execute(select(AuditHead.last_id, AuditHead.last_hash)).first()
    if head is None:
        return None
    claim: dict[str, Any] = {"sequence": int(head.last_id), "hash": head.last_hash}
    if isinstance(anchored_sequence, int) and not isinstance(anchored_sequence, bool) \
            and anchored_sequence >= 0:
        claim["anchor"] = {"sequence": anchored_sequence,
                           "hash": _event_hash(session, anchored_sequence)}
    return claim


def _event_hash(session: Session, sequence: int) -> str:
    if sequence == 0:
        return GENESIS_HASH
    found = session.execute(select(AuditEvent.hash).where(AuditEvent.id == sequence)
                            ).scalar_one_or_none()
    # A deleted event is shown as the genesis hash: never what the server anchored, so the
    # server sees that the event it anchored is gone.
    return found if found is not None else GENESIS_HASH
