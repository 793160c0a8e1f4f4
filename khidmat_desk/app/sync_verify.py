"""Reconciliation: prove the central server holds every record version this counter made.

For one centre day, the counter's own versions (from its status history: one row per
version) are counted and digested per counter, and compared with the server's figures.
Only where they differ are the server's (uuid, version) lists fetched, to name what is
missing. Versions made elsewhere (another counter's own database) are not this counter's
to prove and are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.app.sync import transport_config
from khidmat_desk.store import outbox
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import Application, OutboxEntry, StatusChange
from khidmat_desk.sync.errors import BadReply
from khidmat_desk.sync.protocol import CENTRE_TIME, version_digest
from khidmat_desk.sync.transport import Transport


@dataclass(frozen=True)
class MissingVersion:
    tracking_number: str
    uuid: str
    version: int
    where: str  # what the counter knows about it: waiting, set aside, or nothing

    def describe(self) -> str:
        return f"{self.tracking_number} version {self.version} ({self.uuid}): {self.where}"


@dataclass(frozen=True)
class VerifyResult:
    day: date
    checked: int
    missing: tuple[MissingVersion, ...]

    @property
    def complete(self) -> bool:
        return not self.missing


def verify_day(db: Database, settings: CounterSettings, day: date, *,
               timeout_seconds: float = 20.0) -> VerifyResult:
    local = _local_versions(db, str(settings.get("centre_code")), day)
    transport = Transport(transport_config(settings, timeout_seconds=timeout_seconds))
    try:
        remote = _remote_buckets(transport.reconcile(day.isoformat()))
        missing: list[tuple[str, int, str]] = []
        for counter, versions in sorted(local.items()):
            pairs = {(u, v) for u, v, _ in versions}
            if remote.get(counter) == (len(pairs), version_digest(pairs)):
                continue
            held = _remote_keys(transport.reconcile_keys(day.isoformat(), counter))
            missing += sorted(v for v in versions if (v[0], v[1]) not in held)
    finally:
        transport.close()
    checked = sum(len(v) for v in local.values())
    return VerifyResult(day, checked, _explain(db, missing))


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(), tzinfo=CENTRE_TIME).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(), tzinfo=CENTRE_TIME).astimezone(UTC)
    return start, end


def _local_versions(db: Database, centre_code: str,
                    day: date) -> dict[int, list[tuple[str, int, str]]]:
    start, end = _day_bounds(day)
    with db.read() as session:
        rows = session.execute(
            select(Application.counter, Application.uuid, StatusChange.version,
                   Application.tracking_number)
            .join(Application, Application.id == StatusChange.application_id)
            .where(StatusChange.at >= start, StatusChange.at < end,
                   Application.centre_code == centre_code)).all()
    found: dict[int, list[tuple[str, int, str]]] = {}
    for row in rows:
        found.setdefault(row.counter, []).append((row.uuid, row.version, row.tracking_number))
    return found


def _remote_buckets(document: dict[str, Any]) -> dict[int, tuple[int, str]]:
    try:
        return {int(b["counter"]): (int(b["count"]), str(b["digest"]))
                for b in document["counters"]}
    except (KeyError, TypeError, ValueError) as exc:
        raise BadReply(f"the central server's reconciliation could not be read ({exc})") from exc


def _remote_keys(document: dict[str, Any]) -> set[tuple[str, int]]:
    try:
        return {(str(u), int(v)) for u, v in document["keys"]}
    except (KeyError, TypeError, ValueError) as exc:
        raise BadReply(f"the central server's list of records could not be read ({exc})") from exc


def _explain(db: Database, missing: list[tuple[str, int, str]]) -> tuple[MissingVersion, ...]:
    if not missing:
        return ()
    with db.read() as session:
        rows = session.execute(select(OutboxEntry.uuid, OutboxEntry.version,
                                      OutboxEntry.quarantine_reason,
                                      OutboxEntry.quarantined_at)
                               .where(OutboxEntry.uuid.in_({u for u, _, _ in missing}))).all()
        counts = outbox.counts(session)
    queued = {(r.uuid, r.version): r for r in rows}
    result = []
    for uuid, version, tracking in missing:
        entry = queued.get((uuid, version))
        if entry is None:
            where = "not in the outbox either: report this to the central server's staff"
        elif entry.quarantined_at is not None:
            where = f"set aside, the server refused it: {entry.quarantine_reason}"
        else:
            where = f"waiting in the outbox ({counts.pending} entries waiting)"
        result.append(MissingVersion(tracking, uuid, version, where))
    return tuple(result)
