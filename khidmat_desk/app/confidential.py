"""Confidential services: only the officer who took the report and the in-charge see it.

A violence-against-women report names a survivor and tells her account. Another officer at
the centre, or a command run without signing in, sees that such an application exists only
when they already hold its tracking number, and then with no name and no answers; a search by
her name, CNIC or mobile does not list it at all (the listing alone would tell the matter).
Printing its papers needs the officer who took it or the in-charge. These checks are made
here, in the use cases, for the counter window and the command line alike.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from sqlalchemy import select

from khidmat_desk.app.applications import (
    ApplicationDetail,
    ApplicationError,
    ApplicationSummary,
    FindResult,
    find_applications,
    get_application,
)
from khidmat_desk.app.applications.record import APP
from khidmat_desk.app.queue import todays_applications
from khidmat_desk.auth.users import UserInfo
from khidmat_desk.core.catalogue import SERVICE_CODES, get_service
from khidmat_desk.core.workflow import Role
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import User

log = logging.getLogger("khidmat.confidential")

#: What is shown instead of a confidential application's name.
HIDDEN_NAME = "Confidential"


class ConfidentialRecord(ApplicationError):  # noqa: N818 - read as a message, like the others
    """The application is confidential and this user did not take it."""


def is_confidential(service_code: str) -> bool:
    """The service's main person is confidential (today: the violence-against-women report)."""
    if service_code not in SERVICE_CODES:
        return False
    service = get_service(service_code)
    name = service.field_map().get(service.primary_name)
    return bool(name and name.confidential)


def may_see(user: UserInfo | None, officer_username: str) -> bool:
    if user is None:
        return False
    return user.role == Role.IN_CHARGE or user.username == officer_username


def check_may_see(user: UserInfo | None, detail: ApplicationDetail) -> None:
    """ConfidentialRecord unless ``user`` may see this application's details."""
    if is_confidential(detail.service_code) and not may_see(user, detail.officer):
        log.info("%s: confidential details refused to %s", detail.tracking_number,
                 user.username if user else "a command run without signing in")
        raise ConfidentialRecord.told(
            "{number} is confidential: only the officer who took it and the in-charge may see "
            "or print it. Ask one of them to sign in.", number=detail.tracking_number)


def view_application(db: Database, tracking: str, user: UserInfo | None) -> ApplicationDetail:
    """One application as ``user`` may see it: a confidential one they did not take shows
    its tracking number, service, status and dates only (every answer is part of the
    matter: the perpetrator, the violence, who reported it)."""
    return visible_detail(get_application(db, tracking), user)


def visible_detail(detail: ApplicationDetail, user: UserInfo | None) -> ApplicationDetail:
    if not is_confidential(detail.service_code) or may_see(user, detail.officer):
        return detail
    return replace(detail, name=HIDDEN_NAME, answers={}, token_no=None, payment=None,
                   documents=(), applicant=None)


def search_applications(db: Database, text: str, user: UserInfo | None, *,
                        limit: int = 50) -> FindResult:
    """`find_applications` as ``user`` may see it."""
    found = find_applications(db, text, limit=limit)
    items = _visible(db, found.items, user, by_tracking=found.kind == "tracking")
    return replace(found, items=items)


def todays_queue(db: Database, *, centre_code: str, counter: int, user: UserInfo | None,
                 now: datetime | None = None) -> tuple[ApplicationSummary, ...]:
    """Today's applications at this counter; confidential ones named only to those allowed."""
    items = todays_applications(db, centre_code=centre_code, counter=counter, now=now)
    return _visible(db, items, user, by_tracking=True)


def _visible(db: Database, items: Iterable[ApplicationSummary], user: UserInfo | None, *,
             by_tracking: bool) -> tuple[ApplicationSummary, ...]:
    items = tuple(items)
    secret = [s.uuid for s in items if is_confidential(s.service_code)]
    if not secret:
        return items
    officers = _officers(db, secret)
    shown = []
    for item in items:
        if item.uuid in officers and not may_see(user, officers[item.uuid]):
            if not by_tracking:
                continue  # listed under her name or number, it would tell the matter
            item = replace(item, name=HIDDEN_NAME)
        shown.append(item)
    return tuple(shown)


def _officers(db: Database, uuids: list[str]) -> dict[str, str]:
    with db.read() as session:
        rows = session.execute(select(APP.c.uuid, User.username)
                               .join(User, User.id == APP.c.officer_id)
                               .where(APP.c.uuid.in_(uuids)))
        return {row.uuid: row.username for row in rows}
