"""Checking the link to the central server before trusting it: whose token this is (a token of
another centre or counter would have every record set aside), how far this PC's clock is off
the server's, and which of this counter's numbers the server already holds (a PC set up again
goes on after them at once, not at its first sync).

Run when sync is set up (`set_up_link`: the command line and the in-charge's *Centre → Central
server…*), and by `doctor`; three read-only questions to the server, and at most the daily
numbers raised here (audited, as the sync does).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.auth.users import UserInfo, require_role
from khidmat_desk.core import clock
from khidmat_desk.core.workflow import IN_CHARGE
from khidmat_desk.errors import KnownError
from khidmat_desk.store.audit import append_event
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import CounterSequence
from khidmat_desk.store.sequences import IssuedNumbers, carry_numbers_on
from khidmat_desk.sync import protocol, state
from khidmat_desk.sync.errors import (
    BadReply,
    SyncError,
    SyncNotConfigured,
    TokenRefused,
)
from khidmat_desk.sync.numbers import (
    audit_carried_on,
    carry_on_after_server,
    numbers_on_server,
)
from khidmat_desk.sync.transport import Transport, TransportConfig

log = logging.getLogger("khidmat.sync")


class TokenMismatch(KnownError):  # noqa: N818 - public name, read as a message
    """The server accepts the token, but it is another centre's or another counter's."""

    bad_input = True


@dataclass(frozen=True)
class LinkCheck:
    centre_code: str
    #: the token's counter; None for a shared database's token (any counter of the centre)
    counter: int | None
    #: how far this PC's clock is ahead of the server's (negative: behind); None: not said
    clock_ahead_seconds: float | None
    #: days whose numbering now goes on after the numbers the server holds
    numbers_carried_on: IssuedNumbers

    def lines(self) -> list[str]:
        """What the command line says of it, a line each."""
        whose = (f"{self.centre_code}, any counter (a shared database's token)"
                 if self.counter is None else f"{self.centre_code} counter {self.counter}")
        said = [f"the central server answered; the token is {whose}"]
        ahead = self.clock_ahead_seconds
        if ahead is not None and abs(ahead) > clock.CLOCK_TOLERANCE.total_seconds():
            said.append(f"warning: this PC's clock is {clock.span_text(ahead)} "
                        f"{'ahead of' if ahead > 0 else 'behind'} the central server's; every "
                        "paper is dated by it: set the PC's date and time")
        if self.numbers_carried_on:
            days = ", ".join(f"{day:%d-%m-%Y} after {last:04d}" for (_, _, day), last
                             in sorted(self.numbers_carried_on.items()))
            said.append(f"the server already holds applications of this counter: tracking "
                        f"numbers go on {days}; take them back with 'khidmat-desk sync "
                        "--take-back' (in-charge)")
        return said


def check_link(settings: CounterSettings, db: Database, config: TransportConfig, *,
               now: datetime | None = None) -> LinkCheck:
    """Ask the server whose token ``config`` carries and what it holds; SyncError when it
    cannot be asked, TokenMismatch when the token is not this counter's."""
    transport = Transport(config)
    try:
        centre, counter = whose_token(transport.token_facts())
        same_counter(settings, centre, counter)
        moment = clock.utc_moment(now)
        raised = carry_on_after_server(db, numbers_on_server(transport, moment), moment)
        answer = transport.server_clock
        ahead = answer.ahead_seconds(moment) if answer is not None else None
        if ahead is not None:
            with db.write() as session:
                state.write(session, state.clock_measured(ahead, moment), now=moment)
    finally:
        transport.close()
    log.info("link to %s checked: token of %s counter %s, clock %+.0f s", transport.server,
             centre, counter if counter is not None else "any", ahead or 0.0)
    return LinkCheck(centre, counter, ahead, raised)


def whose_token(facts: dict[str, Any]) -> tuple[str, int | None]:
    centre, counter = facts.get("centre_code"), facts.get("counter")
    if not isinstance(centre, str) or not centre or not (
            counter is None or (isinstance(counter, int) and not isinstance(counter, bool))):
        raise BadReply("the central server did not say whose token this is")
    return centre, counter


def same_counter(settings: CounterSettings, centre: str, counter: int | None) -> None:
    here_centre, here = str(settings.get("centre_code")), int(settings.get("counter"))
    if centre == here_centre and counter in (None, here):
        return
    whose = f"{centre} counter {counter}" if counter is not None else f"{centre}'s"
    log.warning("refused a token of %s for %s counter %s", whose, here_centre, here)
    raise TokenMismatch.told(
        "the central server knows this token as {whose}, and this PC is {centre} counter "
        "{counter}: records sent with it would be set aside. Ask the central server's staff "
        "for {centre} counter {counter}'s token (khidmat-central token add --centre {centre} "
        "--counter {counter})", whose=whose, centre=here_centre, counter=here)


#: How far ahead a counter that has numbered nothing starts today when the server cannot be
#: asked which of its numbers it holds (as a restore does when the old numbers do not read).
SKIP_AHEAD = 1000


@dataclass(frozen=True)
class LinkSetUp:
    where: str  # where the token is kept
    check: LinkCheck | None  # what the server said; None when it could not be asked
    unchecked: SyncError | None  # why it could not be asked (the link down, say)
    #: today's numbering moved past SKIP_AHEAD: this PC had numbered nothing and the server
    #: could not say what it holds (this PC may replace a lost one that numbered today)
    skipped_ahead: IssuedNumbers = field(default_factory=dict)


def set_up_link(settings: CounterSettings, db: Database, user: UserInfo | None, *,
                server: str, token: str | None, ca_bundle: str | None = None,
                public_url: str | None = None, seal_key: str | None = None,
                now: datetime | None = None) -> LinkSetUp:
    """Set sync up after asking the server (see `check_link`): a token it refuses
    (TokenRefused), another counter's (TokenMismatch) or a wrong address or file
    (SyncNotConfigured) saves nothing; a server out of reach keeps the setup, said in
    ``unchecked``. ``user`` is the in-charge at the counter (None: the command line, run by
    whoever administers this PC). Audited, without the token."""
    from khidmat_desk.app.sync import setup_sync

    if user is not None:
        require_role(user, IN_CHARGE)
    checked: list[LinkCheck] = []
    unchecked: list[SyncError] = []

    def check(config: TransportConfig) -> None:
        try:
            checked.append(check_link(settings, db, config, now=now))
        except (TokenRefused, SyncNotConfigured):
            raise
        except SyncError as exc:  # the link is down now: kept, the counter sends later
            log.warning("sync set up without asking the central server: %s", exc)
            unchecked.append(exc)

    where = setup_sync(settings, server=server, token=token, ca_bundle=ca_bundle,
                       public_url=public_url, seal_key=seal_key, check=check)
    moment = clock.utc_moment(now)
    actor = user.username if user is not None else "command-line"
    done = LinkSetUp(where, checked[0] if checked else None,
                     unchecked[0] if unchecked else None,
                     _skip_ahead_if_new(settings, db, actor, moment) if unchecked else {})
    with db.write() as session:
        append_event(session, actor=actor, action="sync-set-up", entity_type="counter",
                     entity_id=f"{settings.get('centre_code')}/{settings.get('counter')}",
                     at=moment, details={
                         "server": str(settings.get("sync_server")),
                         "token_kept_in": where,
                         "server_asked": done.check is not None,
                         "token_of": None if done.check is None else
                         f"{done.check.centre_code}/{done.check.counter or 'any'}"})
    return done


def _skip_ahead_if_new(settings: CounterSettings, db: Database, actor: str,
                       now: datetime) -> IssuedNumbers:
    """A PC that has numbered nothing, set up while the server cannot be asked, may replace a
    lost PC whose numbers of today are on citizens' receipts: today's go on past SKIP_AHEAD.
    A PC that has numbered before keeps its numbers (its own database knows them)."""
    centre, counter = str(settings.get("centre_code")), int(settings.get("counter"))
    today = protocol.centre_day(now)
    with db.write() as session:
        if session.scalar(select(func.count()).select_from(CounterSequence).where(
                CounterSequence.centre_code == centre, CounterSequence.counter == counter)):
            return {}
        raised = carry_numbers_on(session, {(centre, counter, today): SKIP_AHEAD})
        for key, last in raised.items():
            audit_carried_on(session, key, last, now, actor=actor,
                             why="set up while the central server could not be asked which "
                                 "numbers it holds; this PC had numbered none")
    log.warning("%s counter %s numbers today from %04d: set up while the central server "
                "could not be asked", centre, counter, SKIP_AHEAD + 1)
    return raised

