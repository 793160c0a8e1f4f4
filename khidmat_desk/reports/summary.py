"""The day summary: one consistent read of a working day (or shift), added up in Python.

Fees are what was paid in the period, by method and by the officer who took the payment. A
voided application's fee counts as returned to the citizen by the drawer that took it: the void
is listed with its refund, in the period the void was made, and the cash expected from an
officer is what they took in cash less what was refunded from their drawer.

Pending, overdue and uncollected applications are the centre's open work as it stands when
the summary is made (``as_of``), whichever day the summary is for.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from khidmat_desk.core import clock
from khidmat_desk.core.shifts import Period, period_label
from khidmat_desk.reports import queries
from khidmat_desk.reports.categories import (
    Category,
    category_of,
    load_categories,
    service_title,
    service_title_ur,
)
from khidmat_desk.reports.figures import (
    ApplicationLine,
    CloseFigures,
    DaySummary,
    DraftLine,
    LateLine,
    OfficerCash,
    OpenLine,
    ReprintLine,
    StationLoad,
    Tally,
    VoidLine,
)
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import Centre
from khidmat_desk.sync.protocol import version_lines_digest

#: The summary lists this many of the documents waiting longest (all are counted); the
#: uncollected-documents register lists every one.
LISTED_UNCOLLECTED = 200


def day_summary(db: Database, period: Period, *, now: datetime | None = None,
                categories_dir: Path | None = None, with_digest: bool = True) -> DaySummary:
    """Everything the in-charge reads about ``period``, from one snapshot of the database."""
    with db.read() as session:
        return summarise(session, period, now=now, categories_dir=categories_dir,
                         with_digest=with_digest)


def summarise(session: Session, period: Period, *, now: datetime | None = None,
              categories_dir: Path | None = None, with_digest: bool = True) -> DaySummary:
    """The summary read inside the caller's transaction (the day close uses its own).

    ``with_digest`` False counts the period's record versions without reading them to digest
    them (the dashboard's refresh); the close and the reports digest them.
    """
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    as_of = clock.local(moment).date()
    categories = load_categories(categories_dir)
    centre = session.execute(select(Centre.code, Centre.name)).first()
    rows = queries.applications(session, period)
    void_rows = queries.voids(session, period)
    late_rows = queries.late_records(session, period)
    if with_digest:
        lines_read = queries.version_lines(session, period.start, period.end)
        versions, digest = len(lines_read), version_lines_digest(lines_read)
    else:
        versions, digest = queries.count_versions(session, period.start, period.end), ""
    names = _Names(categories)
    lines = tuple(_line(row, names) for row in rows)
    void_lines = tuple(_void(row) for row in void_rows)
    return DaySummary(
        centre_code=centre.code if centre else "", centre_name=centre.name if centre else "",
        period=period, generated_at=moment, as_of=as_of, applications=lines,
        by_category=_tallies(lines, lambda line: (line.category, line.category),
                             names.categories_ur),
        by_service=_tallies(lines, lambda line: (line.service_code, line.service),
                            names.titles_ur),
        by_officer=_officers(rows, void_rows),
        by_hour=_hours(lines),
        paid_by_method=_sum_by((line.method, line.paid) for line in lines if line.paid),
        refunded_by_method=_sum_by((v.method, v.refund) for v in void_lines if v.refund),
        voids=void_lines,
        reprints=tuple(ReprintLine(r.tracking_number, r.document_key, r.copy_no, r.by,
                                   r.printed_at, r.reason or "")
                       for r in queries.reprints(session, period)),
        pending_by_station=_stations(queries.open_by_station(session, as_of)),
        overdue=tuple(open_line(row) for row in queries.overdue(session, as_of)),
        uncollected=tuple(open_line(row) for row in queries.uncollected(
            session, limit=LISTED_UNCOLLECTED, with_station=False)),
        uncollected_total=queries.count_uncollected(session),
        drafts=tuple(DraftLine(d.username, service_title(d.service_code), d.updated_at)
                     for d in queries.drafts(session)),
        late=tuple(LateLine(r.tracking_number, r.kind, r.version, period_label(r.day, r.shift),
                            r.made_at, r.noted_at, r.what) for r in late_rows),
        versions=versions, digest=digest,
        by_status=dict(sorted(Counter(line.status for line in lines).items())),
        close=None if (closed := queries.close_of(session, period)) is None
        else stored_close(closed),
    )


def stored_close(row: Any) -> CloseFigures:
    """A ``day_close`` row (read by the ORM or as a plain row) as the one shape of a close."""
    officers = tuple((str(o["officer"]), int(o["expected"]), o.get("counted"))
                     for o in (row.figures or {}).get("officers", []))
    return CloseFigures(row.day, row.shift, row.state, row.version, row.closed_by,
                        row.closed_at, row.cash_expected, row.cash_counted, row.digest,
                        row.explanation or "", row.deposit_ref or "", officers,
                        row.reopened_by or "", row.reopen_reason or "")


class _Names:
    """Service titles and categories, looked up once per service rather than once per row."""

    def __init__(self, categories: tuple[Category, ...]) -> None:
        self.categories = categories
        self.known: dict[str, tuple[str, str]] = {}
        #: For the Urdu counter: each service title's Urdu, and each category label's.
        self.titles_ur: dict[str, str] = {}
        self.categories_ur: dict[str, str] = {}

    def of(self, service_code: str) -> tuple[str, str]:
        """(title, category label) of a service."""
        if service_code not in self.known:
            title = service_title(service_code)
            category = category_of(service_code, self.categories)
            self.known[service_code] = (title, category.label)
            self.titles_ur[title] = service_title_ur(service_code)
            self.categories_ur[category.label] = category.label_ur
        return self.known[service_code]


def _line(row: Any, names: _Names) -> ApplicationLine:
    # unpacked by position (a row's attributes cost a lookup each, thousands of rows a day):
    # the columns of `queries.applications`, in its order
    (uuid, tracking_number, service_code, status, display_name, counter, created_at,
     fee_total, expected_on, officer, _, amount_pkr, method, received_by, _) = row
    service, category = names.of(service_code)
    return ApplicationLine(
        tracking_number=tracking_number, uuid=uuid, service_code=service_code,
        service=service, category=category, status=status, name=display_name,
        counter=counter, officer=officer, created_at=created_at, fee_total=fee_total,
        paid=amount_pkr or 0, method=method or "", received_by=received_by or "",
        expected_on=expected_on)


def _tallies(lines: Sequence[ApplicationLine], key: Any,
             urdu: dict[str, str]) -> tuple[Tally, ...]:
    counts: dict[tuple[str, str], list[int]] = {}
    for line in lines:
        cell = counts.setdefault(key(line), [0, 0])
        cell[0] += 1
        cell[1] += line.paid
    ordered = sorted(counts.items(), key=lambda item: (-item[1][0], item[0][1]))
    return tuple(Tally(k, label, n, fees, urdu.get(label, ""))
                 for (k, label), (n, fees) in ordered)


def _officers(rows: Sequence[Any], void_rows: Sequence[Any]) -> tuple[OfficerCash, ...]:
    names: dict[str, str] = {}
    taken: Counter[str] = Counter()
    paid: dict[str, Counter[str]] = defaultdict(Counter)
    refunded: Counter[str] = Counter()
    for *_, officer, officer_name, amount_pkr, method, received_by, receiver_name in rows:
        names[officer] = officer_name
        taken[officer] += 1
        if amount_pkr:
            names[received_by] = receiver_name
            paid[received_by][method] += amount_pkr
    for row in void_rows:
        if row.amount_pkr and row.method == "cash":
            names[row.received_by] = row.receiver_name
            refunded[row.received_by] += row.amount_pkr
    return tuple(
        OfficerCash(officer=name, full_name=names[name], applications=taken[name],
                    paid_by_method=dict(sorted(paid[name].items())),
                    cash_received=paid[name]["cash"], cash_refunded=refunded[name])
        for name in sorted(names))


def _hours(lines: Sequence[ApplicationLine]) -> tuple[int, ...]:
    hours = [0] * 24
    for line in lines:
        hours[clock.local(line.created_at).hour] += 1
    return tuple(hours)


def _sum_by(pairs: Any) -> dict[str, int]:
    total: Counter[str] = Counter()
    for key, amount in pairs:
        total[key] += amount
    return dict(sorted(total.items()))


def _void(row: Any) -> VoidLine:
    return VoidLine(row.tracking_number, service_title(row.service_code), row.by, row.at,
                    row.reason or "", row.amount_pkr or 0, row.method or "",
                    row.received_by or "")


def open_line(row: Any) -> OpenLine:
    """A row of `queries.overdue` or `queries.uncollected` (both select these columns in this
    order; unpacked by position, as `_line` is)."""
    (tracking_number, service_code, display_name, status, station, created_at, expected_on,
     since) = row
    return OpenLine(tracking_number, service_title(service_code), display_name, status,
                    station, created_at, expected_on, since)


def _stations(rows: Sequence[Any]) -> tuple[StationLoad, ...]:
    loads = [StationLoad(r.police_station, int(r.pending), int(r.overdue or 0)) for r in rows]
    return tuple(sorted(loads, key=lambda s: (-s.overdue, -s.pending, s.police_station)))
