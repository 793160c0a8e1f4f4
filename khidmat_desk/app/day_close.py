"""Closing a shift or working day, reopening it, and the lock a close puts on its span.

A close records who and when, the day's figures and the digest of its record versions, and the
cash: expected (from payments, less refunds of voids) against counted, for the centre and,
where counted, per officer; a difference needs an explanation. It then locks the span: a void
of an application made in a closed span needs the in-charge's override with a reason (audited),
and any record version that still reaches a closed span (a counter that saved after the close,
a power cut) is flagged as late; it is never moved to another day. Each close and reopen is a
new version of the close record, audited and sent to the central server through the outbox.

A centre with one shift closes the day directly; with several, each shift is closed by its
in-charge and the day is closed once all its shifts are, as their sum.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update
from sqlalchemy.orm import Session

from khidmat_desk.app.shifts import plan_in
from khidmat_desk.auth.users import UserInfo, require_role
from khidmat_desk.core.clock import utc_moment
from khidmat_desk.core.shifts import WHOLE_DAY, Period, ShiftError, ShiftPlan
from khidmat_desk.core.workflow import IN_CHARGE
from khidmat_desk.errors import BadInputError
from khidmat_desk.reports.figures import CloseFigures, DaySummary
from khidmat_desk.reports.summary import stored_close, summarise
from khidmat_desk.store import outbox
from khidmat_desk.store.audit import append_event
from khidmat_desk.store.db import Database, connection_of
from khidmat_desk.store.models import AuditHead, Centre, DayClose, LateRecord, table_of
from khidmat_desk.store.prepared import Prepared
from khidmat_desk.store.sequences import uuid7

log = logging.getLogger("khidmat.close")

OUTBOX_KIND = "day-close"
CLOSED, REOPENED = "closed", "reopened"
MAX_TEXT = 500
CLOSE = table_of(DayClose)


class CloseError(BadInputError):
    """A close, reopen or locked change that cannot be done; ``str()`` says what to do."""


class DayLocked(CloseError):  # noqa: N818 - read as "the day is locked"
    """A change to a closed day or shift without the in-charge's override."""


@dataclass(frozen=True)
class OfficerCount:
    officer: str
    full_name: str
    expected: int
    counted: int | None

    @property
    def difference(self) -> int | None:
        return None if self.counted is None else self.counted - self.expected


@dataclass(frozen=True)
class CloseResult:
    period: Period
    version: int
    closed_by: str
    closed_at: datetime
    applications: int
    versions: int
    digest: str
    cash_expected: int
    cash_counted: int
    officers: tuple[OfficerCount, ...]
    summary: DaySummary | None  # None for a day summed from its closed shifts

    @property
    def difference(self) -> int:
        return self.cash_counted - self.cash_expected


# ---------------------------------------------------------------------------------------------
# Closing
# ---------------------------------------------------------------------------------------------


def close_period(db: Database, user: UserInfo, *, day: date, shift: str = WHOLE_DAY,
                 cash_counted: int | None, officer_cash: Mapping[str, int] | None = None,
                 explanation: str = "", deposit_ref: str = "",
                 now: datetime | None = None) -> CloseResult:
    """Close one shift of ``day`` or the whole working day; locks it (see the module)."""
    require_role(user, IN_CHARGE)
    when = utc_moment(now)
    with db.write() as session:
        _wait_for_writers(session)
        plan = plan_in(session)
        period = _period(plan, day, shift)
        if period.start > when:
            raise CloseError.told("{period} has not begun yet; it cannot be closed.", "--date",
                                  period=period.label)
        existing = _close_row(session, period)
        if existing is not None and existing.state == CLOSED:
            raise CloseError.told("{period} was already closed by {user} at {moment} UTC; reopen "
                                  "it first to close it again.", "--date", period=period.label,
                                  user=existing.closed_by,
                                  moment=f"{existing.closed_at:%Y-%m-%d %H:%M}")
        if period.shift == WHOLE_DAY and not plan.single:
            result = _close_from_shifts(session, plan, period, user, cash_counted, explanation,
                                        deposit_ref, when, existing)
        else:
            result = _close_counted(session, period, user, cash_counted, officer_cash or {},
                                    explanation, deposit_ref, when, existing)
    log.info("%s closed by %s: %d applications, cash expected %d counted %d", period.label,
             user.username, result.applications, result.cash_expected, result.cash_counted)
    return result


def _wait_for_writers(session: Session) -> None:
    """Take the audit chain's lock first: every save takes it too, so no save of the span can
    commit between the figures being read and the close being stored (on PostgreSQL as on
    SQLite, whose write transactions are already one at a time)."""
    session.execute(select(AuditHead.id).with_for_update()).all()


def _period(plan: ShiftPlan, day: date, shift: str) -> Period:
    try:
        if shift and plan.single:
            plan.index_of(shift)  # a one-shift centre closes the day directly
            shift = WHOLE_DAY
        return plan.period(day, shift)
    except ShiftError as exc:
        raise CloseError.retold(exc, "--shift") from exc


def _close_counted(session: Session, period: Period, user: UserInfo, counted: int | None,
                   officer_cash: Mapping[str, int], explanation: str, deposit_ref: str,
                   when: datetime, existing: Any) -> CloseResult:
    if counted is None:
        raise CloseError.told("give the cash counted for {period}.", "--cash",
                              period=period.label)
    summary = summarise(session, period, now=when)
    officers = _officer_counts(summary, officer_cash)
    _check_cash(summary.cash_expected, counted, officers, explanation)
    figures = _figures(summary, officers)
    result = CloseResult(period, 1 if existing is None else existing.version + 1,
                         user.username, when, summary.total_applications, summary.versions,
                         summary.digest, summary.cash_expected, counted, officers, summary)
    _store(session, result, figures, explanation, deposit_ref, existing)
    return result


def _close_from_shifts(session: Session, plan: ShiftPlan, period: Period, user: UserInfo,
                       counted: int | None, explanation: str, deposit_ref: str,
                       when: datetime, existing: Any) -> CloseResult:
    if counted is not None:
        raise CloseError("the cash of a day with shifts is counted at each shift's close; "
                         "leave out --cash to close the day as the sum of its shifts.", "--cash")
    shifts = [_close_row(session, p) for p in plan.periods(period.day)]
    still_open = [name for name, row in zip(plan.names, shifts, strict=True)
                  if row is None or row.state != CLOSED]
    if still_open:
        raise CloseError.told("close the {shifts} shift of {day} first; the day is closed as "
                              "the sum of its closed shifts.", "--shift",
                              shifts=", ".join(still_open), day=period.day)
    summary = summarise(session, period, now=when)
    expected = sum(row.cash_expected for row in shifts)
    total = sum(row.cash_counted for row in shifts)
    figures = _figures(summary, ())
    figures["shifts"] = {row.shift: {"cash_expected": row.cash_expected,
                                     "cash_counted": row.cash_counted, "digest": row.digest}
                         for row in shifts}
    result = CloseResult(period, 1 if existing is None else existing.version + 1,
                         user.username, when, summary.total_applications, summary.versions,
                         summary.digest, expected, total, (), summary)
    why = explanation or "; ".join(row.explanation for row in shifts if row.explanation)
    _store(session, result, figures, why, deposit_ref, existing)
    return result


def _officer_counts(summary: DaySummary,
                    officer_cash: Mapping[str, int]) -> tuple[OfficerCount, ...]:
    known = {o.officer: o for o in summary.by_officer}
    unknown = sorted(set(officer_cash) - set(known))
    if unknown:
        raise CloseError.told("{unknown} took no payment in this period; the officers who did "
                              "are: {known}.", "--officer-cash", unknown=", ".join(unknown),
                              known=", ".join(known) or "none")
    return tuple(OfficerCount(o.officer, o.full_name, o.cash_expected,
                              officer_cash.get(o.officer)) for o in summary.by_officer)


def cash_uneven(expected: int, counted: int | None, officers: Iterable[OfficerCount]) -> bool:
    """Whether a count needs its explanation: the centre's cash counted, or any officer's who
    was counted, differs from what the payments say."""
    return (counted is not None and counted != expected) or any(o.difference for o in officers)


def _check_cash(expected: int, counted: int, officers: tuple[OfficerCount, ...],
                explanation: str) -> None:
    if counted < 0:
        raise CloseError("the cash counted cannot be negative.", "--cash")
    if cash_uneven(expected, counted, officers) and not explanation.strip():
        raise CloseError.told("the cash counted (Rs {counted}) differs from the cash expected "
                              "(Rs {expected}) or an officer's count differs; explain the "
                              "difference.", "--explanation", counted=f"{counted:,}",
                              expected=f"{expected:,}")
    if len(explanation) > MAX_TEXT:
        raise CloseError.told("keep the explanation under {most} characters.", "--explanation",
                              most=MAX_TEXT)


def _figures(summary: DaySummary, officers: tuple[OfficerCount, ...]) -> dict[str, Any]:
    """The counts the close keeps and sends: no personal data, only figures."""
    return {
        "applications": summary.total_applications,
        "by_category": {t.label: t.applications for t in summary.by_category},
        "by_service": {t.key: t.applications for t in summary.by_service},
        "by_status": dict(summary.by_status),
        "paid_by_method": dict(summary.paid_by_method),
        "refunded_by_method": dict(summary.refunded_by_method),
        "voids": len(summary.voids), "reprints": len(summary.reprints),
        "late_records": len(summary.late), "drafts_open": len(summary.drafts),
        "versions": summary.versions,
        "officers": [{"officer": o.officer, "expected": o.expected, "counted": o.counted}
                     for o in officers],
    }


def _store(session: Session, result: CloseResult, figures: dict[str, Any], explanation: str,
           deposit_ref: str, existing: Any) -> None:
    values = {
        "version": result.version, "state": CLOSED, "starts_at": result.period.start,
        "ends_at": result.period.end, "closed_by": result.closed_by,
        "closed_at": result.closed_at, "digest": result.digest,
        "cash_expected": result.cash_expected, "cash_counted": result.cash_counted,
        "explanation": explanation.strip() or None,
        "deposit_ref": deposit_ref.strip()[:60] or None, "figures": figures}
    if existing is None:
        row = DayClose(uuid=uuid7(), centre_code=session.scalar(select(Centre.code)) or "",
                       day=result.period.day, shift=result.period.shift, **values)
        session.add(row)
        session.flush()
        stored = row
    else:
        session.execute(update(DayClose).where(DayClose.id == existing.id).values(**values))
        stored = session.get_one(DayClose, existing.id)
        session.refresh(stored)
    _send(session, stored, "day-closed", result.closed_at, {
        "applications": result.applications, "versions": result.versions,
        "digest": result.digest, "cash_expected": result.cash_expected,
        "cash_counted": result.cash_counted})


# ---------------------------------------------------------------------------------------------
# Reopening, listing
# ---------------------------------------------------------------------------------------------


def reopen_period(db: Database, user: UserInfo, *, day: date, shift: str = WHOLE_DAY,
                  reason: str, now: datetime | None = None) -> CloseFigures:
    """Lift the lock of a closed day or shift, with a reason; it can then be closed again."""
    require_role(user, IN_CHARGE)
    why = " ".join(reason.split())
    if not why:
        raise CloseError("say why the day is reopened.", "--reason")
    when = utc_moment(now)
    with db.write() as session:
        plan = plan_in(session)
        period = _period(plan, day, shift)
        row = _close_row(session, period)
        if row is None or row.state != CLOSED:
            raise CloseError.told("{period} is not closed.", "--date", period=period.label)
        if period.shift != WHOLE_DAY:
            whole = _close_row(session, plan.period(day))
            if whole is not None and whole.state == CLOSED:
                raise CloseError.told("the whole day {day} is closed; reopen the day first, then "
                                      "its shift.", "--shift", day=day)
        session.execute(update(DayClose).where(DayClose.id == row.id).values(
            state=REOPENED, version=row.version + 1, reopened_by=user.username,
            reopened_at=when, reopen_reason=why[:MAX_TEXT]))
        stored = session.get_one(DayClose, row.id)
        session.refresh(stored)
        _send(session, stored, "day-reopened", when, {"reason": why[:MAX_TEXT]})
        info = stored_close(stored)
    log.info("%s reopened by %s: %s", period.label, user.username, why)
    return info


def list_closes(db: Database, *, day_from: date, day_to: date) -> tuple[CloseFigures, ...]:
    with db.read() as session:
        rows = session.scalars(select(DayClose).where(DayClose.day >= day_from,
                                                      DayClose.day <= day_to)
                               .order_by(DayClose.day, DayClose.starts_at)).all()
        return tuple(stored_close(row) for row in rows)


def _close_row(session: Session, period: Period) -> Any:
    return session.execute(select(CLOSE).where(CLOSE.c.day == period.day,
                                               CLOSE.c.shift == period.shift)
                           .with_for_update()).one_or_none()


def _send(session: Session, row: DayClose, action: str, when: datetime,
          details: dict[str, Any]) -> None:
    """Audit event and outbox entry for this version of the close record."""
    actor = row.reopened_by if action == "day-reopened" and row.reopened_by else row.closed_by
    append_event(session, actor=actor, action=action, entity_type="day_close",
                 entity_id=row.uuid, at=when,
                 details={"day": row.day.isoformat(), "shift": row.shift,
                          "version": row.version, **details})
    outbox.enqueue(session, uuid=row.uuid, version=row.version, kind=OUTBOX_KIND,
                   payload=close_payload(row), now=when)


def close_payload(row: DayClose) -> dict[str, Any]:
    """The close as the central server receives it: figures only, no personal data."""
    def iso(moment: datetime | None) -> str | None:
        return None if moment is None else moment.astimezone(UTC).isoformat(
            timespec="microseconds")

    return {
        "uuid": row.uuid, "version": row.version, "centre_code": row.centre_code,
        "day": row.day.isoformat(), "shift": row.shift, "state": row.state,
        "starts_at": iso(row.starts_at), "ends_at": iso(row.ends_at),
        "closed_by": row.closed_by, "closed_at": iso(row.closed_at), "digest": row.digest,
        "cash_expected": row.cash_expected, "cash_counted": row.cash_counted,
        "explanation": row.explanation, "deposit_ref": row.deposit_ref,
        "figures": row.figures, "reopened_by": row.reopened_by,
        "reopened_at": iso(row.reopened_at), "reopen_reason": row.reopen_reason,
    }


# ---------------------------------------------------------------------------------------------
# The lock: overrides and late records
# ---------------------------------------------------------------------------------------------


_IN_CLOSED_SPAN = (CLOSE.c.ends_at > bindparam("moment", type_=CLOSE.c.ends_at.type),
                   CLOSE.c.starts_at <= bindparam("moment"), CLOSE.c.state == CLOSED)
_CLOSED_SPAN_AT = (select(CLOSE.c.id, CLOSE.c.day, CLOSE.c.shift, CLOSE.c.closed_at)
                   .where(*_IN_CLOSED_SPAN).order_by(CLOSE.c.shift).limit(1))
#: Asked on every save and status change, so run straight on the driver: almost always the
#: answer is "no closed span", and only then is the full row read through SQLAlchemy.
_ANY_CLOSED_SPAN_AT = Prepared(select(CLOSE.c.id).where(*_IN_CLOSED_SPAN).limit(1))


def closed_span_at(session: Session | Connection, moment: datetime) -> Any:
    """The closed day or shift whose span holds ``moment``, or None.

    Asked of the database every time (inside the caller's transaction), so a close made by
    another counter or process is seen at once."""
    connection = connection_of(session)
    if _ANY_CLOSED_SPAN_AT.scalar(connection, {"moment": moment}) is None:
        return None
    return connection.execute(_CLOSED_SPAN_AT, {"moment": moment}).first()


def require_override(session: Session, *, made_at: datetime, tracking_number: str,
                     user: UserInfo, override_reason: str | None, change: str,
                     when: datetime) -> None:
    """A change to a record made in a closed span needs the in-charge's reason; audited."""
    span = closed_span_at(session, made_at)
    if span is None:
        return
    label = f"{span.day}" + (f" ({span.shift} shift)" if span.shift else "")
    why = " ".join((override_reason or "").split())
    if user.role != IN_CHARGE or not why:
        raise DayLocked.told("{number} belongs to {period}, which is closed: {change} changes "
                             "that day's figures. The in-charge may do it with an override "
                             "reason, or reopen the day.", "--override-reason",
                             number=tracking_number, period=label, change=change)
    append_event(session, actor=user.username, action="day-override",
                 entity_type="day_close", entity_id=str(span.id), at=when,
                 details={"day": str(span.day), "shift": span.shift,
                          "tracking_number": tracking_number, "change": change,
                          "reason": why[:MAX_TEXT]})
    log.warning("override of closed %s by %s for %s: %s", label, user.username,
                tracking_number, why)


def note_if_late(session: Session | Connection, *, uuid: str, version: int, kind: str,
                 tracking_number: str, made_at: datetime, noted_at: datetime,
                 what: str) -> bool:
    """Flag a record version made in a closed span; True when it was late."""
    span = closed_span_at(session, made_at)
    if span is None:
        return False
    connection_of(session).execute(insert(LateRecord).values(
        close_id=span.id, uuid=uuid, version=version, kind=kind,
        tracking_number=tracking_number, made_at=made_at, noted_at=noted_at,
        what=what[:MAX_TEXT]))
    log.warning("%s version %d reached closed %s late", tracking_number, version, span.day)
    return True
