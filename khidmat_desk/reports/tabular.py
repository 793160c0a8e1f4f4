"""The day summary as rows: one list per sheet, shared by the XLSX and CSV exports."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from khidmat_desk.core import clock
from khidmat_desk.reports.figures import ApplicationLine, DaySummary

APPLICATION_HEADER = ("Tracking number", "Taken at", "Service", "Category", "Status",
                      "Applicant", "Counter", "Officer", "Fee (Rs)", "Paid (Rs)",
                      "Payment method", "Payment taken by", "Expected on")
METHODS = ("cash", "card", "online")


def local(moment: datetime | None) -> str:
    return "" if moment is None else clock.local(moment).strftime("%Y-%m-%d %H:%M")


def application_row(line: ApplicationLine) -> tuple[Any, ...]:
    return (line.tracking_number, local(line.created_at), line.service, line.category,
            line.status, line.name, line.counter, line.officer, line.fee_total, line.paid,
            line.method, line.received_by, line.expected_on.isoformat())


def sheets(summary: DaySummary) -> Iterator[tuple[str, tuple[str, ...], list[tuple[Any, ...]]]]:
    """(sheet name, header, rows) for every sheet except the applications themselves."""
    yield ("By service", ("Category", "Service", "Applications", "Paid (Rs)"),
           [(_category(summary, t.key), t.label, t.applications, t.fees)
            for t in summary.by_service])
    yield ("By officer", ("Officer", "Name", "Applications", *(f"{m} (Rs)" for m in METHODS),
                          "Cash refunded (Rs)", "Cash expected (Rs)"),
           [(o.officer, o.full_name, o.applications,
             *(o.paid_by_method.get(m, 0) for m in METHODS), o.cash_refunded, o.cash_expected)
            for o in summary.by_officer])
    yield ("Fees", ("Payment method", "Paid (Rs)", "Refunded (Rs)", "Net (Rs)"),
           [(m, summary.paid_by_method.get(m, 0), summary.refunded_by_method.get(m, 0),
             summary.paid_by_method.get(m, 0) - summary.refunded_by_method.get(m, 0))
            for m in sorted(set(METHODS) | set(summary.paid_by_method))]
           + [("total", summary.paid_total, summary.refunded_total,
               summary.paid_total - summary.refunded_total)])
    yield ("Reprints and voids", ("What", "Tracking number", "At", "By", "Reason",
                                  "Document / refund"),
           [("reprint", r.tracking_number, local(r.at), r.by, r.reason,
             f"{r.document} copy {r.copy_no}") for r in summary.reprints]
           + [("void", v.tracking_number, local(v.at), v.by, v.reason,
               f"Rs {v.refund} {v.method}".strip() if v.refund else "") for v in summary.voids])
    yield ("Overdue", ("Tracking number", "Service", "Applicant", "Status", "Police station",
                       "Taken at", "Expected on", "Days overdue"),
           [(o.tracking_number, o.service, o.name, o.status, o.police_station,
             local(o.created_at), o.expected_on.isoformat(), o.days_over(summary.as_of))
            for o in summary.overdue])
    yield ("Late records", ("Tracking number", "Kind", "Version", "Closed day", "Made at",
                            "Noted at", "What"),
           [(late.tracking_number, late.kind, late.version, late.closed_period,
             local(late.made_at), local(late.noted_at), late.what) for late in summary.late])


def _category(summary: DaySummary, service_code: str) -> str:
    for line in summary.applications:
        if line.service_code == service_code:
            return line.category
    return ""
