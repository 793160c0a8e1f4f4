"""Printable registers: what was forwarded to which police station (for their acknowledgement)
and the documents ready but not collected."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak
from sqlalchemy import select

from khidmat_desk.core import clock
from khidmat_desk.core.shifts import Period
from khidmat_desk.reports import queries
from khidmat_desk.reports.categories import service_title
from khidmat_desk.reports.figures import OpenLine
from khidmat_desk.reports.pdfkit import build, heading, local, para, signatures, table
from khidmat_desk.reports.summary import open_line
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import Centre


@dataclass(frozen=True)
class Forwarded:
    tracking_number: str
    service: str
    name: str
    taken_at: datetime
    sent_at: datetime
    expected_on: date


def forwarding_register(db: Database, period: Period) -> dict[str, list[Forwarded]]:
    """Applications sent for verification in the period, by police station."""
    with db.read() as session:
        rows = queries.forwarded(session, period)
    stations: dict[str, list[Forwarded]] = defaultdict(list)
    for row in rows:
        stations[row.police_station].append(Forwarded(
            row.tracking_number, service_title(row.service_code), row.display_name,
            row.created_at, row.at, row.expected_on))
    return dict(sorted(stations.items()))


def forwarding_pdf(db: Database, period: Period, *, centre: str) -> bytes:
    """One section per police station, each with its acknowledgement lines."""
    stations = forwarding_register(db, period)
    story: list[Flowable] = [
        para(f"Forwarding register — {centre}", "title"),
        para(f"Applications sent for verification, {period.label} "
             f"({local(period.start)} to {local(period.end)}).", "subtitle")]
    if not stations:
        story.append(para("Nothing was sent for verification in this period.", "body"))
    for index, (station, items) in enumerate(stations.items()):
        if index:
            story.append(PageBreak())
        story += [heading(f"{station} — {len(items)} application(s)"),
                  table(("#", "Tracking number", "Service", "Applicant", "Taken", "Sent",
                         "Due"),
                        [(n, f.tracking_number, f.service, f.name, local(f.taken_at),
                          local(f.sent_at), f"{f.expected_on:%d-%m-%Y}")
                         for n, f in enumerate(items, start=1)],
                        [8 * mm, 36 * mm, 34 * mm, 36 * mm, 22 * mm, 22 * mm, 20 * mm]),
                  signatures("Sent by (centre)", f"Received at {station}")]
    return build(story, title=f"Forwarding register {period.label}",
                 footer=f"Forwarding register {period.label}")


def uncollected_pdf(db: Database, *, centre: str, now: datetime | None = None) -> bytes:
    """Every application ready for collection, longest waiting first."""
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    with db.read() as session:
        items = [open_line(row) for row in queries.uncollected(session)]
    today = clock.local(moment).date()
    story: list[Flowable] = [
        para(f"Documents ready but not collected — {centre}", "title"),
        para(f"As of {local(moment)}: {len(items)} application(s).", "subtitle"),
        table(("#", "Tracking number", "Service", "Applicant", "Police station", "Ready since",
               "Days waiting"),
              [(n, i.tracking_number, i.service, i.name, i.police_station, local(i.since),
                _waiting(i, today)) for n, i in enumerate(items, start=1)],
              [8 * mm, 36 * mm, 34 * mm, 36 * mm, 30 * mm, 24 * mm, 14 * mm],
              empty="Nothing is waiting to be collected."),
        signatures("Centre in-charge")]
    return build(story, title="Uncollected documents", footer=f"Uncollected documents "
                 f"{today:%d-%m-%Y}")


def _waiting(item: OpenLine, today: date) -> int:
    since = item.since or item.created_at
    return (today - clock.local(since).date()).days


def centre_name(db: Database) -> str:
    with db.read() as session:
        row = session.execute(select(Centre.code, Centre.name)).first()
    return f"{row.name} ({row.code})" if row else ""
