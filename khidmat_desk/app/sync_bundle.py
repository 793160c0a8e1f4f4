"""Exporting the outbox as a signed bundle, for a link that stays down for days.

Only the in-charge may do it (it carries personal data out on a stick), and it is audited.
The entries stay in the outbox: they leave only when the server acknowledges them, which
happens on the first successful sync after the central server imported the bundle.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from khidmat_desk.app.confidential import is_confidential
from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.app.sync import bundle_key
from khidmat_desk.auth.users import UserInfo, require_role
from khidmat_desk.core.workflow import IN_CHARGE
from khidmat_desk.store import outbox
from khidmat_desk.store.audit import append_event
from khidmat_desk.store.db import Database
from khidmat_desk.sync import bundle
from khidmat_desk.sync.protocol import CENTRE_TIME

log = logging.getLogger("khidmat.sync")


@dataclass(frozen=True)
class BundleExport:
    path: Path
    entries: int
    size_bytes: int
    public_key: str


def export_bundle(db: Database, settings: CounterSettings, user: UserInfo, out: Path, *,
                  date_from: date | None = None, date_to: date | None = None,
                  now: datetime | None = None) -> BundleExport:
    """Write every entry not yet acknowledged (optionally of centre days in a range)."""
    require_role(user, IN_CHARGE)
    when = now or datetime.now(UTC)
    key = bundle_key(settings)
    with db.read() as session:
        items = outbox.unacknowledged(session, created_from=_start_of(date_from),
                                      created_before=_start_of(date_to, next_day=True))
    size = bundle.write_bundle(out, items, centre_code=str(settings.get("centre_code")),
                               counter=int(settings.get("counter")), key=key, now=when,
                               confidential=_confidential,
                               seal_to=str(settings.get("central_seal_key")) or None)
    public_key = bundle.public_key_hex(key)
    with db.write() as session:
        append_event(session, actor=user.username, action="bundle-exported",
                     entity_type="bundle", entity_id=out.name, at=when, details={
                         "entries": len(items), "from": _text(date_from),
                         "to": _text(date_to), "public_key": public_key})
    log.info("bundle of %d entries written to %s by %s", len(items), out, user.username)
    return BundleExport(out, len(items), size, public_key)


def _confidential(item: outbox.OutboxItem) -> bool:
    """A record of a confidential service (an application or an issued copy of its paper)."""
    return is_confidential(str(item.payload.get("service_code", "")))


def _start_of(day: date | None, *, next_day: bool = False) -> datetime | None:
    if day is None:
        return None
    chosen = day + timedelta(days=1) if next_day else day
    return datetime.combine(chosen, time(), tzinfo=CENTRE_TIME).astimezone(UTC)


def _text(day: date | None) -> str | None:
    return day.isoformat() if day else None
