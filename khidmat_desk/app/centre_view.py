"""The in-charge's view of the whole centre: every counter's applications, not only this PC's,
searched and filtered by status, service, officer, counter and overdue; and the verifiers'
work list, the applications still awaiting a police finding, oldest first.

Counters that share one database (PostgreSQL) all appear; a counter with its own SQLite shows
what it holds. Overdue means the service's promised date has passed and the result is not
ready yet. The whole list is the in-charge's; a verifier sees only what awaits a finding, and
not the confidential services' reports (only their officer and the in-charge see those). The
roles are checked here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Select, exists, select

from khidmat_desk.app.applications import ApplicationSummary, centre_date, summary_from_row
from khidmat_desk.app.applications.reads import find_applications
from khidmat_desk.app.confidential import is_confidential
from khidmat_desk.auth.users import UserInfo, acting_user, require_role
from khidmat_desk.core import workflow
from khidmat_desk.core.catalogue import SERVICE_CODES, get_service
from khidmat_desk.errors import KnownError
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import Centre, Finding, User
from khidmat_desk.store.search import APP, SUMMARY_COLUMNS

MAX_ROWS = 1000
#: Statuses whose result the citizen is still waiting for.
WAITING: tuple[str, ...] = (workflow.SUBMITTED, workflow.IN_VERIFICATION, workflow.VERIFIED,
                            workflow.REJECTED)


class CentreViewError(KnownError, ValueError):
    """A filter that names nothing that exists; ``str()`` says what does."""

    bad_input = True


@dataclass(frozen=True)
class CentreFilter:
    text: str = ""  # tracking number, CNIC, mobile, plate or name, as the search box takes
    status: str | None = None
    service_code: str | None = None
    officer: str | None = None  # user name of who took it in
    counter: int | None = None
    overdue: bool = False
    #: Only submitted or in-verification applications with no finding yet, oldest first:
    #: the verifiers' work list (a verifier may list nothing else).
    awaiting_finding: bool = False
    limit: int = 200


@dataclass(frozen=True)
class CentreRow:
    summary: ApplicationSummary
    officer: str
    overdue: bool
    #: Where the verification goes: the first police station the answers name, with its
    #: district ("" when they name none).
    police_station: str = ""
    #: The same as the centre reads it: a station of the centre's own district by its name
    #: alone ("Raiwind" at a Lahore centre), any other with its district ("City (Lodhran)").
    station_here: str = ""


def centre_applications(db: Database, *, by: UserInfo, centre_code: str,
                        filters: CentreFilter = CentreFilter(),
                        now: datetime | None = None) -> tuple[CentreRow, ...]:
    """Newest first (awaiting a finding: oldest first), at most ``filters.limit`` (up to
    `MAX_ROWS`)."""
    role = workflow.VERIFIER if filters.awaiting_finding else workflow.IN_CHARGE
    require_role(by, role)
    _check(filters)
    today = centre_date(now or datetime.now(UTC))
    limit = max(1, min(filters.limit, MAX_ROWS))
    uuids: list[str] | None = None
    if filters.text.strip():
        uuids = [s.uuid for s in find_applications(db, filters.text, limit=500).items]
    query = _query(filters, centre_code, today, uuids)
    with db.read() as session:
        acting = acting_user(session, by, role)
        if filters.awaiting_finding:
            query = _awaiting_finding(query, every_service=acting.may(workflow.IN_CHARGE))
        rows = session.execute(query.limit(limit)).all()
        district = session.scalar(select(Centre.district)
                                  .where(Centre.code == centre_code.strip().upper()))
    own = f" ({district})" if district else None
    return tuple(CentreRow(summary_from_row(r), r.username,
                           r.status in WAITING and r.expected_on < today,
                           r.police_station or "", _read_here(r.police_station or "", own))
                 for r in rows)


def _read_here(station: str, own: str | None) -> str:
    return station[:-len(own)] if own and station.endswith(own) else station


def _awaiting_finding(query: Select[Any], *, every_service: bool) -> Select[Any]:
    query = (query.where(APP.c.status.in_((workflow.SUBMITTED, workflow.IN_VERIFICATION)),
                         ~exists().where(Finding.application_id == APP.c.id))
             .order_by(None).order_by(APP.c.id))
    if not every_service:
        hidden = [code for code in SERVICE_CODES if is_confidential(code)]
        if hidden:
            query = query.where(APP.c.service_code.not_in(hidden))
    return query


def _check(filters: CentreFilter) -> None:
    if filters.status is not None and filters.status not in workflow.STATUSES:
        raise CentreViewError(f"status: '{filters.status}' is not a status; the statuses are: "
                              f"{', '.join(workflow.STATUSES)}.")
    if filters.service_code is not None:
        get_service(filters.service_code)  # names the services when unknown


def _query(filters: CentreFilter, centre_code: str, today: date,
           uuids: list[str] | None) -> Select[Any]:
    query = (select(*SUMMARY_COLUMNS, User.username, APP.c.police_station)
             .join(User, User.id == APP.c.officer_id)
             .where(APP.c.centre_code == centre_code.strip().upper())
             .order_by(APP.c.id.desc()))
    if uuids is not None:
        query = query.where(APP.c.uuid.in_(uuids))
    if filters.status:
        query = query.where(APP.c.status == filters.status)
    if filters.service_code:
        query = query.where(APP.c.service_code == filters.service_code)
    if filters.officer:
        query = query.where(User.username == filters.officer.strip().lower())
    if filters.counter is not None:
        query = query.where(APP.c.counter == filters.counter)
    if filters.overdue:
        query = query.where(APP.c.status.in_(WAITING), APP.c.expected_on < today)
    return query
