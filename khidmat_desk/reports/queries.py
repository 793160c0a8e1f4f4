"""The queries behind the day summary; each reads one span of time through an index.

Applications by ``created_at``, status changes by ``at``, prints by ``printed_at`` and late
records by their close or ``noted_at``: a day's cost, whatever the size of the history. The
open applications (pending, ready) are read through the status index: they are the centre's
current work, which the SLAs keep small.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import String, and_, case, cast, func, literal, null, or_, select
from sqlalchemy.orm import Session

from khidmat_desk.core import workflow
from khidmat_desk.core.shifts import Period
from khidmat_desk.store.models import (
    PRINT_FAILED,
    Application,
    DayClose,
    Draft,
    LateRecord,
    Payment,
    PrintRecord,
    StatusChange,
    User,
    table_of,
)

APP = table_of(Application)
PAY = table_of(Payment)
CHANGE = table_of(StatusChange)
PRINT = table_of(PrintRecord)
USER = table_of(User)
CLOSE = table_of(DayClose)
LATE = table_of(LateRecord)
DRAFT = table_of(Draft)

#: Not yet ready for the citizen: these count as pending against the service's SLA.
NO_STATION = "(no police station named)"
OPEN_STATUSES: tuple[str, ...] = (workflow.SUBMITTED, workflow.IN_VERIFICATION,
                                  workflow.VERIFIED, workflow.REJECTED)


def applications(session: Session, period: Period) -> Sequence[Any]:
    """The period's applications with their payment; the summary unpacks these rows by
    position, so a column added goes at the end."""
    taker, receiver = USER.alias("taker"), USER.alias("receiver")
    return session.execute(
        select(APP.c.uuid, APP.c.tracking_number, APP.c.service_code, APP.c.status,
               APP.c.display_name, APP.c.counter, APP.c.created_at, APP.c.fee_total,
               APP.c.expected_on, taker.c.username.label("officer"),
               taker.c.full_name.label("officer_name"), PAY.c.amount_pkr, PAY.c.method,
               receiver.c.username.label("received_by"),
               receiver.c.full_name.label("receiver_name"))
        .select_from(APP.join(taker, taker.c.id == APP.c.officer_id)
                     .outerjoin(PAY, PAY.c.application_id == APP.c.id)
                     .outerjoin(receiver, receiver.c.id == PAY.c.received_by))
        .where(APP.c.created_at >= period.start, APP.c.created_at < period.end)
        .order_by(APP.c.created_at, APP.c.id)).all()


def voids(session: Session, period: Period) -> Sequence[Any]:
    """Voids made in the period, of applications from any day, with what was paid for them."""
    by, receiver = USER.alias("by"), USER.alias("receiver")
    return session.execute(
        select(APP.c.tracking_number, APP.c.service_code, by.c.username.label("by"),
               CHANGE.c.at, CHANGE.c.reason, PAY.c.amount_pkr, PAY.c.method,
               receiver.c.username.label("received_by"),
               receiver.c.full_name.label("receiver_name"))
        .select_from(CHANGE.join(APP, APP.c.id == CHANGE.c.application_id)
                     .join(by, by.c.id == CHANGE.c.user_id)
                     .outerjoin(PAY, PAY.c.application_id == APP.c.id)
                     .outerjoin(receiver, receiver.c.id == PAY.c.received_by))
        .where(CHANGE.c.at >= period.start, CHANGE.c.at < period.end,
               CHANGE.c.to_status == workflow.VOIDED)
        .order_by(CHANGE.c.at, CHANGE.c.id)).all()


def reprints(session: Session, period: Period) -> Sequence[Any]:
    return session.execute(
        select(APP.c.tracking_number, PRINT.c.document_key, PRINT.c.copy_no,
               func.coalesce(USER.c.username, "").label("by"), PRINT.c.printed_at,
               PRINT.c.reason)
        .select_from(PRINT.join(APP, APP.c.id == PRINT.c.application_id)
                     .outerjoin(USER, USER.c.id == PRINT.c.user_id))
        .where(PRINT.c.printed_at >= period.start, PRINT.c.printed_at < period.end,
               PRINT.c.copy_no > 1, PRINT.c.state != PRINT_FAILED)
        .order_by(PRINT.c.printed_at, PRINT.c.id)).all()


def station_column() -> Any:
    """The first police station an application names, kept on its row when it is saved."""
    return func.coalesce(APP.c.police_station, NO_STATION)


def open_by_station(session: Session, as_of: date) -> Sequence[Any]:
    """Pending applications and how many are past their SLA date, by police station."""
    station = station_column().label("police_station")
    late = func.sum(case((APP.c.expected_on < as_of, 1), else_=0))
    return session.execute(
        select(station, func.count().label("pending"), late.label("overdue"))
        .where(APP.c.status.in_(OPEN_STATUSES)).group_by(station)).all()


def overdue(session: Session, as_of: date) -> Sequence[Any]:
    """Pending applications past their SLA date, in the columns (and order) of
    `uncollected`: `summary.open_line` unpacks both by position."""
    return session.execute(
        select(APP.c.tracking_number, APP.c.service_code, APP.c.display_name, APP.c.status,
               station_column().label("police_station"), APP.c.created_at, APP.c.expected_on,
               null().label("since"))
        .where(APP.c.status.in_(OPEN_STATUSES), APP.c.expected_on < as_of)
        .order_by(APP.c.expected_on, APP.c.id)).all()


def uncollected(session: Session, *, limit: int | None = None,
                with_station: bool = True) -> Sequence[Any]:
    """Ready applications, longest waiting first. A ready application's newest version is the
    one that made it ready, so ``updated_at`` is when it became ready: no history is read."""
    station = station_column() if with_station else literal("")
    return session.execute(
        select(APP.c.tracking_number, APP.c.service_code, APP.c.display_name, APP.c.status,
               station.label("police_station"), APP.c.created_at,
               APP.c.expected_on, APP.c.updated_at.label("since"))
        .where(APP.c.status == workflow.READY)
        .order_by(APP.c.updated_at, APP.c.id).limit(limit)).all()


def count_uncollected(session: Session) -> int:
    return int(session.scalar(select(func.count()).where(APP.c.status == workflow.READY)) or 0)


def drafts(session: Session) -> Sequence[Any]:
    return session.execute(
        select(USER.c.username, DRAFT.c.service_code, DRAFT.c.updated_at)
        .select_from(DRAFT.join(USER, USER.c.id == DRAFT.c.user_id))
        .order_by(DRAFT.c.updated_at)).all()


def late_records(session: Session, period: Period) -> Sequence[Any]:
    """Late records of this day (any shift), and those noted during the period for other days."""
    return session.execute(
        select(LATE.c.tracking_number, LATE.c.kind, LATE.c.version, LATE.c.made_at,
               LATE.c.noted_at, LATE.c.what, CLOSE.c.day, CLOSE.c.shift)
        .select_from(LATE.join(CLOSE, CLOSE.c.id == LATE.c.close_id))
        .where(or_(CLOSE.c.day == period.day,
                   and_(LATE.c.noted_at >= period.start, LATE.c.noted_at < period.end)))
        .order_by(LATE.c.noted_at, LATE.c.id)).all()


def version_lines(session: Session, start: datetime, end: datetime) -> list[str]:
    """Every application version made in ``[start, end)``, spelt ``uuid:version`` by the
    database (the lines `protocol.version_lines_digest` hashes), in no particular order.

    The database joins the lines into one text: a day's tens of thousands of versions come
    back as one value, not as as many rows for Python to build and collect. The period's
    change ids come from the time index alone; the changes are then read in id order, the
    order they lie in the file, however far apart in time they were written (a bulk load or
    an imported day writes each record's versions together)."""
    line = APP.c.uuid + ":" + cast(CHANGE.c.version, String)
    in_period = select(CHANGE.c.id).where(CHANGE.c.at >= start, CHANGE.c.at < end)
    joined = session.scalar(
        select(func.aggregate_strings(line, "\n"))
        .select_from(CHANGE.join(APP, APP.c.id == CHANGE.c.application_id))
        .where(CHANGE.c.id.in_(in_period)))
    return joined.split("\n") if joined else []


def close_of(session: Session, period: Period) -> Any:
    return session.execute(select(CLOSE).where(CLOSE.c.day == period.day,
                                               CLOSE.c.shift == period.shift)).first()


def forwarded(session: Session, period: Period) -> Sequence[Any]:
    """Applications sent for verification in the period (their move to in-verification)."""
    return session.execute(
        select(APP.c.tracking_number, APP.c.service_code, APP.c.display_name,
               station_column().label("police_station"), APP.c.created_at,
               APP.c.expected_on, CHANGE.c.at)
        .select_from(CHANGE.join(APP, APP.c.id == CHANGE.c.application_id))
        .where(CHANGE.c.at >= period.start, CHANGE.c.at < period.end,
               CHANGE.c.to_status == workflow.IN_VERIFICATION)
        .order_by(CHANGE.c.at, CHANGE.c.id)).all()


def count_versions(session: Session, start: datetime, end: datetime) -> int:
    return int(session.scalar(select(func.count()).select_from(CHANGE)
                              .where(CHANGE.c.at >= start, CHANGE.c.at < end)) or 0)
