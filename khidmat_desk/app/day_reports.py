"""The in-charge's day summary, exports and registers, with the role checked here.

Exports are written atomically (a cancelled or failed export leaves no file) and report
progress through `Progress`, so the GUI can run them off its thread with a Cancel button.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from khidmat_desk.app.shifts import plan_in
from khidmat_desk.auth.users import UserInfo, require_role
from khidmat_desk.core.clock import utc_moment
from khidmat_desk.core.shifts import WHOLE_DAY, Period, ShiftError, ShiftPlan
from khidmat_desk.core.workflow import IN_CHARGE
from khidmat_desk.errors import BadInputError
from khidmat_desk.files import write_chosen_file
from khidmat_desk.reports.day_pdf import day_report_pdf
from khidmat_desk.reports.figures import DaySummary
from khidmat_desk.reports.progress import QUIET, Progress
from khidmat_desk.reports.registers import centre_name, forwarding_pdf, uncollected_pdf
from khidmat_desk.reports.spreadsheet import write_csv, write_xlsx
from khidmat_desk.reports.summary import day_summary
from khidmat_desk.store.audit import append_event
from khidmat_desk.store.db import Database

log = logging.getLogger("khidmat.reports")

FORMATS = ("pdf", "xlsx", "csv")
REGISTERS = ("day", "forwarding", "uncollected")


class ReportError(BadInputError):
    """A report that cannot be made as asked."""


@dataclass(frozen=True)
class ReportWritten:
    path: Path
    kind: str
    format: str
    period: Period
    applications: int
    size_bytes: int


def period_of(db: Database, day: date, shift: str = WHOLE_DAY) -> Period:
    """The span of a working day or one of its shifts, from the centre's shift times."""
    with db.read() as session:
        plan = plan_in(session)
    return _period_in(plan, day, shift)


def _period_in(plan: ShiftPlan, day: date, shift: str) -> Period:
    try:
        if shift and plan.single:
            plan.index_of(shift)
            shift = WHOLE_DAY
        return plan.period(day, shift)
    except ShiftError as exc:
        raise ReportError.retold(exc, "--shift") from exc


def live_summary(db: Database, user: UserInfo, *, day: date | None = None,
                 shift: str = WHOLE_DAY, data_dir: Path | None = None,
                 now: datetime | None = None) -> DaySummary:
    """The dashboard's figures: today's working day (or ``day``) as it stands now (the versions
    are counted; the close and the reports also digest them)."""
    require_role(user, IN_CHARGE)
    moment = utc_moment(now)
    with db.read() as session:
        plan = plan_in(session)
    period = _period_in(plan, plan.working_day(moment) if day is None else day, shift)
    return day_summary(db, period, now=moment, categories_dir=data_dir, with_digest=False)


@dataclass(frozen=True)
class ClosePreview:
    """What the close dialog shows before the in-charge counts the cash: the period's figures
    and its close as stored (``summary.close``), and the centre's shifts (none when it runs
    one shift, whose day is closed directly)."""

    shifts: tuple[str, ...]
    current_shift: str
    summary: DaySummary


def close_preview(db: Database, user: UserInfo, *, day: date | None = None,
                  shift: str | None = None, now: datetime | None = None) -> ClosePreview:
    """The figures of ``day`` (default: the working day now) and ``shift`` (default: the shift
    running now at a centre with shifts, else the whole day) as a close would count them."""
    require_role(user, IN_CHARGE)
    moment = utc_moment(now)
    with db.read() as session:
        plan = plan_in(session)
    current = plan.locate(moment)
    chosen = (WHOLE_DAY if plan.single else current.shift) if shift is None else shift
    summary = day_summary(db, _period_in(plan, day or current.day, chosen), now=moment,
                          with_digest=False)
    return ClosePreview(() if plan.single else plan.names,
                        WHOLE_DAY if plan.single else current.shift, summary)


def write_report(db: Database, user: UserInfo, *, day: date, out: Path, fmt: str,
                 kind: str = "day", shift: str = WHOLE_DAY, data_dir: Path | None = None,
                 progress: Progress = QUIET, now: datetime | None = None) -> ReportWritten:
    """Write the day report (PDF, XLSX or CSV) or a register (PDF) to ``out``; audited."""
    require_role(user, IN_CHARGE)
    if kind not in REGISTERS:
        raise ReportError(f"'{kind}' is not a report; choose one of {', '.join(REGISTERS)}.",
                          "--register")
    if fmt not in FORMATS or (kind != "day" and fmt != "pdf"):
        raise ReportError("registers are printed as PDF; the day report as pdf, xlsx or csv.",
                          "--format")
    moment = utc_moment(now)
    period = period_of(db, day, shift)
    count = 0
    if kind == "forwarding":
        size = write_chosen_file(out, forwarding_pdf(db, period, centre=centre_name(db)))
    elif kind == "uncollected":
        size = write_chosen_file(out, uncollected_pdf(db, centre=centre_name(db), now=moment))
    else:
        summary = day_summary(db, period, now=moment, categories_dir=data_dir)
        count = summary.total_applications
        size = _write_day(summary, out, fmt, progress)
    with db.write() as session:
        append_event(session, actor=user.username, action="report-exported",
                     entity_type="report", entity_id=kind, at=moment,
                     details={"day": period.day.isoformat(), "shift": period.shift,
                              "format": fmt, "file": out.name, "applications": count})
    log.info("%s report of %s written to %s by %s", kind, period.label, out, user.username)
    return ReportWritten(out, kind, fmt, period, count, size)


def _write_day(summary: DaySummary, out: Path, fmt: str, progress: Progress) -> int:
    if fmt == "xlsx":
        return write_xlsx(summary, out, progress)
    if fmt == "csv":
        return write_csv(summary, out, progress)
    progress.step(0, 1)
    return write_chosen_file(out, day_report_pdf(summary))
