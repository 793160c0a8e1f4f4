"""The day report for the file: figures, charts, cash, reprints and voids, open work, late
records and signature lines. Charts are reportlab's own (vector, no extra dependency)."""

from __future__ import annotations

import math

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from khidmat_desk.printing.fonts import SANS, SANS_BOLD
from khidmat_desk.reports.figures import DaySummary
from khidmat_desk.reports.pdfkit import (
    build,
    heading,
    local,
    para,
    rupees,
    signatures,
    table,
)
from khidmat_desk.reports.tabular import METHODS

BAR = colors.Color(0.18, 0.38, 0.6)
#: Long lists are cut here in the PDF (the XLSX has them all); the PDF says so.
MAX_LISTED = 60


def day_report_pdf(summary: DaySummary) -> bytes:
    period = summary.period
    story: list[Flowable] = [
        para(f"Day report — {summary.centre_name} ({summary.centre_code})", "title"),
        para(f"{period.label}: {local(period.start)} to {local(period.end)} (centre time). "
             f"Made {local(summary.generated_at)}; open work as of {summary.as_of:%d-%m-%Y}.",
             "subtitle"),
        Spacer(1, 4 * mm), _key_figures(summary), Spacer(1, 3 * mm),
        _charts(summary),
        heading("Applications by category"),
        table(("Category", "Applications", "Paid"),
              [(t.label, t.applications, rupees(t.fees)) for t in summary.by_category]
              + [("Total", summary.total_applications, rupees(summary.paid_total))],
              (110 * mm, 30 * mm, 40 * mm), numeric_from=1, total=True),
        heading("By officer"),
        table(("Officer", "Applications", *(m.title() for m in METHODS), "Cash refunded",
               "Cash expected"),
              [(f"{o.full_name} ({o.officer})", o.applications,
                *(rupees(o.paid_by_method.get(m, 0)) for m in METHODS),
                rupees(o.cash_refunded), rupees(o.cash_expected))
               for o in summary.by_officer], _mm(46, 22, 22, 22, 22, 24, 24), numeric_from=1),
        *_cash(summary), *_voids_and_reprints(summary), *_open_work(summary),
        heading("Late records"),
        para("Record versions that reached a closed day or shift after its close. They stay "
             "on the day they were made.", "note"),
        table(("Tracking number", "Closed day", "Made at", "Noted at", "What"),
              [(r.tracking_number, r.closed_period, local(r.made_at), local(r.noted_at), r.what)
               for r in summary.late], _mm(37, 32, 26, 26, 61)),
        heading("Drafts left open"),
        table(("Officer", "Service", "Last typed"),
              [(d.user, d.service, local(d.updated_at)) for d in summary.drafts],
              _mm(40, 90, 50)),
        para(f"{summary.versions} record versions in this period; digest "
             f"{summary.digest[:16]}…", "note"),
        signatures("Centre in-charge", "Cash received by (treasury / bank)"),
    ]
    return build(story, title=f"Day report {period.label}",
                 footer=f"{summary.centre_code} day report {period.label}")


def _mm(*widths: float) -> tuple[float, ...]:
    return tuple(w * mm for w in widths)


def _key_figures(summary: DaySummary) -> Flowable:
    pairs = [
        ("Applications", f"{summary.total_applications:,}"),
        ("Paid", rupees(summary.paid_total)),
        ("Refunded (voids)", rupees(summary.refunded_total)),
        ("Cash expected", rupees(summary.cash_expected)),
        ("Voids / reprints", f"{len(summary.voids)} / {len(summary.reprints)}"),
        ("Pending / overdue", f"{summary.pending_total} / {len(summary.overdue)}"),
        ("Ready, not collected", f"{summary.uncollected_total}"),
        ("Late records", f"{len(summary.late)}"),
    ]
    cells = [[para(label, "cell") for label, _ in pairs[i:i + 4]] for i in (0, 4)]
    values = [[para(value, "figure") for _, value in pairs[i:i + 4]] for i in (0, 4)]
    grid = Table([cells[0], values[0], cells[1], values[1]], colWidths=[45 * mm] * 4)
    grid.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, colors.grey),
                              ("LINEBELOW", (0, 1), (-1, 1), 0.3, colors.lightgrey)]))
    return grid


def _charts(summary: DaySummary) -> Flowable:
    drawing = Drawing(182 * mm, 62 * mm)
    hours = VerticalBarChart()
    hours.x, hours.y, hours.width, hours.height = 8 * mm, 8 * mm, 80 * mm, 44 * mm
    hours.data = [list(summary.by_hour)]
    hours.categoryAxis.categoryNames = [str(h) if h % 3 == 0 else "" for h in range(24)]
    hours.bars[0].fillColor = BAR
    _axes(hours)
    drawing.add(hours)
    drawing.add(String(8 * mm, 56 * mm, "Applications by hour", fontName=SANS_BOLD,
                       fontSize=8))
    top = summary.by_category[:8]
    services = HorizontalBarChart()
    services.x, services.y, services.width, services.height = 140 * mm, 8 * mm, 40 * mm, 44 * mm
    services.data = [[t.applications for t in reversed(top)] or [0]]
    services.categoryAxis.categoryNames = [_short(t.label) for t in reversed(top)] or [""]
    services.bars[0].fillColor = BAR
    _axes(services)
    drawing.add(services)
    drawing.add(String(100 * mm, 56 * mm, "Applications by category", fontName=SANS_BOLD,
                       fontSize=8))
    return drawing


def _short(label: str) -> str:
    """A category's name short enough to stand beside its bar."""
    text = label.split(" (")[0]
    return text if len(text) <= 30 else text[:29] + "…"


def _axes(chart: VerticalBarChart | HorizontalBarChart) -> None:
    top = max((max(series) for series in chart.data if series), default=0)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(top, 1)
    chart.valueAxis.valueStep = max(1, math.ceil(top / 5))
    chart.valueAxis.labels.fontName = SANS
    chart.valueAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.fontName = SANS
    chart.categoryAxis.labels.fontSize = 6.5
    chart.barSpacing = 0.5


def _cash(summary: DaySummary) -> list[Flowable]:
    out: list[Flowable] = [heading("Cash")]
    rows = [(m.title(), rupees(summary.paid_by_method.get(m, 0)),
             rupees(summary.refunded_by_method.get(m, 0)),
             rupees(summary.paid_by_method.get(m, 0) - summary.refunded_by_method.get(m, 0)))
            for m in METHODS]
    out.append(table(("Method", "Paid", "Refunded", "Net"), rows, _mm(50, 40, 40, 40),
                     numeric_from=1))
    close = summary.close
    if close is None:
        out.append(para("Not closed yet: the cash counted is recorded at the close.", "note"))
        return out
    state = "Closed" if close.state == "closed" else (
        f"Reopened by {close.reopened_by}: {close.reopen_reason}")
    out.append(Spacer(1, 2 * mm))
    out.append(table(
        ("Close", "Closed by", "Cash expected", "Cash counted", "Difference", "Deposit ref."),
        [(f"{state} (version {close.version})", f"{close.closed_by}, {local(close.closed_at)}",
          rupees(close.cash_expected), rupees(close.cash_counted), rupees(close.difference),
          close.deposit_ref or "—")], _mm(40, 40, 25, 25, 22, 28)))
    if close.explanation:
        out += [Spacer(1, 1.5 * mm), para(f"Explanation: {close.explanation}", "body")]
    counted = [(o, e, c) for o, e, c in close.officers if c is not None]
    if counted:
        names = {o.officer: f"{o.full_name} ({o.officer})" for o in summary.by_officer}
        out.append(Spacer(1, 1.5 * mm))
        out.append(table(("Officer", "Expected", "Counted", "Difference"),
                         [(names.get(o, o), rupees(e), rupees(c), rupees(c - e))
                          for o, e, c in counted],
                         _mm(60, 35, 35, 35), numeric_from=1))
    return out


def _voids_and_reprints(summary: DaySummary) -> list[Flowable]:
    return [
        heading("Voids and refunds"),
        table(("Tracking number", "Service", "Voided at", "By", "Reason", "Refund", "From"),
              [(v.tracking_number, v.service, local(v.at), v.by, v.reason,
                rupees(v.refund) if v.refund else "—", v.paid_to) for v in summary.voids],
              _mm(37, 30, 22, 20, 37, 16, 20)),
        heading("Reprints"),
        table(("Tracking number", "Document", "Copy", "At", "By", "Reason"),
              [(r.tracking_number, r.document, r.copy_no, local(r.at), r.by, r.reason)
               for r in summary.reprints], _mm(37, 34, 12, 24, 22, 53)),
    ]


def _open_work(summary: DaySummary) -> list[Flowable]:
    overdue = summary.overdue[:MAX_LISTED]
    more = len(summary.overdue) - len(overdue)
    return [
        heading("Pending and overdue by police station"),
        table(("Police station", "Pending", "Overdue"),
              [(s.police_station, s.pending, s.overdue) for s in summary.pending_by_station],
              _mm(110, 30, 30), numeric_from=1),
        heading("Overdue applications"),
        table(("Tracking number", "Service", "Applicant", "Status", "Police station",
               "Expected", "Days over"),
              [(o.tracking_number, o.service, o.name, o.status, o.police_station,
                f"{o.expected_on:%d-%m-%Y}", o.days_over(summary.as_of)) for o in overdue],
              _mm(37, 28, 30, 20, 28, 19, 14)),
        para(f"… and {more} more (all are in the spreadsheet).", "note") if more else
        Spacer(1, 2 * mm),
        para(f"Ready but not collected: {summary.uncollected_total} (see the uncollected-"
             "documents list).", "body"),
    ]
