"""Daily numbers the central server holds for this counter: numbering goes on after them.

A counter whose database was lost and set up again (or put back from a backup whose numbers
could not be carried on) numbers each day from where its own database says. The central server
may already hold that day's applications under those numbers, on citizens' receipts, and
refuses a second application with one of them: it would be set aside, never to reach the
server. So before the first push of each run, the counter asks the server for the last number
it holds of this counter for yesterday and today, and goes on after it. Raising is audited
(``numbers-carried-on``, by the built-in ``central.server`` account), logged, and kept in the
sync's state (``numbers_behind_server``), which the counter shows until the in-charge takes
back from the central server what this database lacks.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from khidmat_desk.store.audit import append_event
from khidmat_desk.store.db import Database
from khidmat_desk.store.sequences import MAX_DAILY_SEQUENCE, IssuedNumbers, carry_numbers_on
from khidmat_desk.sync import protocol, state
from khidmat_desk.sync.errors import BadReply, RequestRefused

if TYPE_CHECKING:
    from khidmat_desk.sync.transport import Transport

log = logging.getLogger("khidmat.sync")

#: Who the audit trail names for numbers raised on the server's word.
ACTOR = "central.server"


def read_numbers(document: dict[str, Any], since: date, until: date) -> IssuedNumbers:
    """The server's answer as (centre, counter, day) → last number, days ``since`` to
    ``until`` only; BadReply when it does not read."""
    try:
        centre = document["centre_code"]
        if not isinstance(centre, str) or not centre:
            raise ValueError("centre_code")
        found: IssuedNumbers = {}
        for item in document["numbers"]:
            counter, day, last = item["counter"], date.fromisoformat(item["day"]), item["last"]
            if not all(isinstance(n, int) and not isinstance(n, bool) for n in (counter, last)) \
                    or not 1 <= counter <= 99 or not 1 <= last < MAX_DAILY_SEQUENCE:
                raise ValueError(f"counter {counter!r}, last {last!r}")
            if since <= day <= until:
                found[(centre, counter, day)] = last
    except (KeyError, TypeError, ValueError) as exc:
        raise BadReply(f"the central server's numbers could not be read ({exc})") from exc
    return found


def numbers_on_server(transport: Transport, now: datetime) -> IssuedNumbers:
    """The last numbers the server holds of this counter for yesterday and today (centre
    days); none from a server older than the question or an answer that does not read (the
    records still go: a refused one is set aside), which is logged."""
    today = protocol.centre_day(now)
    since = today - timedelta(days=1)
    try:
        return read_numbers(transport.numbers(since.isoformat()), since, today)
    except (RequestRefused, BadReply) as exc:
        log.warning("the central server did not say which numbers it holds: %s", exc)
        return {}


def carry_on_after_server(db: Database, held: IssuedNumbers, now: datetime) -> IssuedNumbers:
    """Raise this database's daily numbers to those the server holds; what was raised."""
    if not held:
        return {}
    with db.write() as session:
        raised = carry_numbers_on(session, held)
        for key, last in sorted(raised.items()):
            log.warning("the central server holds %s counter %s numbers up to %04d on %s, "
                        "which this database did not know: numbering goes on after them; the "
                        "in-charge should take back from the central server what this "
                        "database lacks", key[0], key[1], last, key[2])
            audit_carried_on(session, key, last, now, actor=ACTOR,
                             why="the central server holds these numbers")
        if raised:  # said at the counter until the in-charge takes them back
            behind = dict(state.read_all(session).get(state.NUMBERS_BEHIND) or {})
            for (_, _, day), last in raised.items():
                behind[day.isoformat()] = max(last, int(behind.get(day.isoformat(), 0)))
            state.write(session, {state.NUMBERS_BEHIND: behind}, now=now)
    return raised


def audit_carried_on(session: Session, key: tuple[str, int, date], last: int, now: datetime,
                     *, actor: str, why: str) -> None:
    """The audit event of a day's numbering moved on past ``last`` (``numbers-carried-on``)."""
    centre, counter, day = key
    append_event(session, actor=actor, action="numbers-carried-on", entity_type="counter",
                 entity_id=f"{centre}/{counter}", at=now,
                 details={"day": day.isoformat(), "last_issued": last, "why": why})
