"""Read-only answers: reconciliation for one centre, and the province's daily figures.

Both use the day the record version was made on the counter (centre time), so a counter can
compare its own records of a day with the server's, whatever day they arrived.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import and_, case, exists, func, select
from sqlalchemy.orm import Session

from khidmat_central.schema import DayCloseRecord, Record, table
from khidmat_desk.core.catalogue import UnknownServiceError, get_service
from khidmat_desk.store.db import Database
from khidmat_desk.sync.protocol import version_digest

RECORD = table(Record)
CLOSE = table(DayCloseRecord)


def reconcile(db: Database, centre_code: str, day: date) -> dict[str, Any]:
    """Per counter of the centre: how many record versions of ``day``, and their digest."""
    with db.read() as session:
        rows = session.execute(
            select(RECORD.c.counter, RECORD.c.uuid, RECORD.c.version)
            .where(RECORD.c.centre_code == centre_code, RECORD.c.day == day,
                   RECORD.c.kind == "application")).all()
    by_counter: dict[int, list[tuple[str, int]]] = {}
    for row in rows:
        by_counter.setdefault(row.counter, []).append((row.uuid, row.version))
    return {"date": day.isoformat(), "centre_code": centre_code, "counters": [
        {"counter": counter, "count": len(pairs), "digest": version_digest(pairs)}
        for counter, pairs in sorted(by_counter.items())]}


def reconcile_keys(db: Database, centre_code: str, day: date, counter: int) -> dict[str, Any]:
    with db.read() as session:
        rows = session.execute(
            select(RECORD.c.uuid, RECORD.c.version)
            .where(RECORD.c.centre_code == centre_code, RECORD.c.day == day,
                   RECORD.c.counter == counter, RECORD.c.kind == "application")
            .order_by(RECORD.c.uuid, RECORD.c.version)).all()
    return {"date": day.isoformat(), "counter": counter,
            "keys": [[row.uuid, row.version] for row in rows]}


def daily_report(db: Database, day: date) -> dict[str, Any]:
    """Applications received on ``day`` by service and centre, with fees: each counted once.

    An application is counted by its first version (made when it was submitted), so later
    status changes never count it again. An application voided since (any later version
    says voided) is still counted as received, but its fee is not: it was returned. Closed
    days: the centres whose newest close of the whole working day says closed.
    """
    later = RECORD.alias("later")
    voided = exists().where(and_(later.c.uuid == RECORD.c.uuid, later.c.status == "voided"))
    with db.read() as session:
        rows = session.execute(
            select(RECORD.c.centre_code, RECORD.c.service_code,
                   func.count().label("applications"),
                   func.coalesce(func.sum(case((voided, 0), else_=RECORD.c.fee_total)),
                                 0).label("fees"),
                   func.coalesce(func.sum(case((voided, 1), else_=0)), 0).label("voided"))
            .where(RECORD.c.day == day, RECORD.c.version == 1,
                   RECORD.c.kind == "application")
            .group_by(RECORD.c.centre_code, RECORD.c.service_code)
            .order_by(RECORD.c.centre_code, RECORD.c.service_code)).all()
        closed = _closed_centres(session, day)
    cells = [{"centre_code": r.centre_code, "service_code": r.service_code,
              "applications": int(r.applications), "fees_pkr": int(r.fees),
              "voided": int(r.voided)} for r in rows]
    return {
        "date": day.isoformat(), "generated_at": datetime.now(UTC).isoformat(),
        "total_applications": sum(c["applications"] for c in cells),
        "total_fees_pkr": sum(c["fees_pkr"] for c in cells),
        "voided_applications": sum(c["voided"] for c in cells),
        "closed_days": len(closed), "closed_centres": closed,
        "by_service": _totals(cells, "service_code", with_title=True),
        "by_centre": _totals(cells, "centre_code"),
        "by_centre_and_service": cells,
    }


def _closed_centres(session: Session, day: date) -> list[str]:
    """Centres whose whole working day ``day`` is closed (by the newest close version)."""
    rows = session.execute(select(CLOSE.c.centre_code, CLOSE.c.uuid, CLOSE.c.version,
                                  CLOSE.c.state)
                           .where(CLOSE.c.day == day, CLOSE.c.shift == "")).all()
    newest: dict[str, tuple[int, str, str]] = {}
    for row in rows:
        if row.uuid not in newest or newest[row.uuid][0] < row.version:
            newest[row.uuid] = (row.version, row.centre_code, row.state)
    return sorted({centre for _, centre, state in newest.values() if state == "closed"})


def _totals(cells: list[dict[str, Any]], key: str, *,
            with_title: bool = False) -> list[dict[str, Any]]:
    totals: dict[str, dict[str, Any]] = {}
    for cell in cells:
        total = totals.setdefault(cell[key], {key: cell[key], "applications": 0, "fees_pkr": 0,
                                              "voided": 0})
        total["applications"] += cell["applications"]
        total["fees_pkr"] += cell["fees_pkr"]
        total["voided"] += cell["voided"]
    if with_title:
        for code, total in totals.items():
            total["title"] = _title(code)
    return [totals[k] for k in sorted(totals)]


def _title(service_code: str) -> str:
    try:
        return get_service(service_code).title
    except UnknownServiceError:
        return service_code
