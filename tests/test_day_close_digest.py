"""The close's digest of a day's record versions, pinned to the way it was first computed.

The summary has the database spell each version as ``uuid:version`` and sorts those lines;
the first way read (uuid, version) pairs and spelt them in Python. Both must give the same
sha256 for the same day, on SQLite and PostgreSQL, two-digit versions included (``:10`` sorts
before ``:9`` as text).
"""

from __future__ import annotations

import hashlib

from day_fixtures import FRIDAY, local, make_day
from sqlalchemy import select

from khidmat_desk.app.day_close import close_period
from khidmat_desk.core.catalogue import Tariff
from khidmat_desk.core.shifts import ONE_SHIFT, Period
from khidmat_desk.reports.summary import day_summary
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import Application, StatusChange


def digest_as_first_computed(db: Database, period: Period) -> tuple[int, str]:
    """The versions made in ``period`` and their digest, read and spelt as they first were."""
    with db.read() as session:
        pairs = session.execute(
            select(Application.uuid, StatusChange.version)
            .join(Application, Application.id == StatusChange.application_id)
            .where(StatusChange.at >= period.start, StatusChange.at < period.end)).all()
    lines = sorted(f"{uuid}:{version}" for uuid, version in pairs)
    return len(pairs), hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def test_the_days_digest_is_the_one_first_computed(db: Database, tariff: Tariff) -> None:
    day = make_day(db, tariff)
    b2 = day.apps["b2"]
    with db.write() as session:  # versions 9 to 11 of one record, made on the day
        app_id = session.scalar(select(Application.id).where(Application.uuid == b2.uuid))
        session.add_all(StatusChange(application_id=app_id, from_status="submitted",
                                     to_status="submitted", reason=None,
                                     user_id=day.nadia.id, at=local(f"2026-03-06T18:{v:02}"),
                                     version=v) for v in (9, 10, 11))
    period = ONE_SHIFT.period(FRIDAY)
    expected = digest_as_first_computed(db, period)
    assert expected[0] == 13  # the fixture's ten versions and the three added

    summary = day_summary(db, period, now=local("2026-03-06T20:00"))
    assert (summary.versions, summary.digest) == expected
    result = close_period(db, day.nadia, day=FRIDAY, cash_counted=1000,
                          now=local("2026-03-06T20:30"))
    assert (result.versions, result.digest) == expected


def test_an_empty_day_has_the_digest_of_nothing(db: Database, tariff: Tariff) -> None:
    make_day(db, tariff)
    period = ONE_SHIFT.period(FRIDAY.replace(day=2))
    summary = day_summary(db, period, now=local("2026-03-06T20:00"))
    assert (summary.versions, summary.digest) == (0, hashlib.sha256(b"").hexdigest())
    assert (summary.versions, summary.digest) == digest_as_first_computed(db, period)
