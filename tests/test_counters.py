"""The dashboard's counters: each counter's day, what of it waits for the central server, and
the day bundles imported on the in-charge's PC — read from a real database, in-charge only."""

from __future__ import annotations

from pathlib import Path

import pytest
from day_fixtures import FRIDAY, local, make_day
from sqlalchemy import select
from test_day_bundle import Pc, export, pcs  # noqa: F401 - the fixture

from khidmat_desk.app.counters import counter_board
from khidmat_desk.app.day_bundle import import_day_bundle
from khidmat_desk.auth.users import PermissionDenied
from khidmat_desk.core.catalogue import Tariff
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import OutboxEntry

EVENING = "2026-03-06T21:00"


def test_each_counter_shows_its_day_what_waits_and_its_bundle(
        pcs: dict[str, Pc], tariff: Tariff, tmp_path: Path) -> None:  # noqa: F811
    a, b, office = pcs["a"], pcs["b"], pcs["office"]
    for at in ("10:00", "11:30"):
        a.submit("asif.khan", f"2026-03-06T{at}", tariff)
    b.submit("bilal.ahmed", "2026-03-06T12:00", tariff)
    own = office.submit("nadia.iqbal", "2026-03-06T09:15", tariff)  # the office's own counter
    nadia = office.users["nadia.iqbal"]
    import_day_bundle(office.db, nadia, tmp_path / "a.bundle",
                      trusted_key=export(a, tmp_path / "a.bundle"))

    board = counter_board(office.db, nadia, now=local(EVENING))
    assert board.period.day == FRIDAY
    rows = {row.counter: row for row in board.counters}
    assert sorted(rows) == [1, 7]  # counter 8's bundle has not come in: it is not seen here
    assert own.startswith("LHR01-260306-01-")
    mine, seven = rows[1], rows[7]
    assert (mine.applications, mine.waiting, mine.set_aside) == (1, 1, 0)
    assert mine.last_saved == local("2026-03-06T09:15")
    assert mine.oldest_waiting is not None and mine.bundle_imported is None
    assert (seven.applications, seven.waiting) == (2, 0)  # counter 7 sends its own
    assert seven.last_saved == local("2026-03-06T11:30")
    assert seven.bundle_imported is not None
    assert board.online is None and board.last_sent is None  # this PC never tried

    on_a = counter_board(a.db, a.users["nadia.iqbal"], now=local(EVENING))
    assert [(r.counter, r.applications, r.waiting) for r in on_a.counters] == [(7, 2, 2)]
    with pytest.raises(PermissionDenied):
        counter_board(a.db, a.users["asif.khan"], now=local(EVENING))


def test_counters_sharing_one_database_are_all_seen(db: Database, tariff: Tariff) -> None:
    """Counters 7 and 8 save into one database (SQLite here, PostgreSQL at a centre whose
    counters share one): each one's day and outbox, and what the server set aside."""
    day = make_day(db, tariff)
    with db.write() as session:
        first = session.scalars(select(OutboxEntry).order_by(OutboxEntry.id)).first()
        assert first is not None
        first.quarantined_at = local("2026-03-06T18:00")
    board = counter_board(db, day.nadia, now=local("2026-03-06T20:00"))
    rows = {row.counter: row for row in board.counters}
    assert {n: rows[n].applications for n in (7, 8)} == {7: 3, 8: 2}
    assert sum(row.set_aside for row in rows.values()) == 1
    assert all(row.waiting + row.set_aside >= row.applications for row in rows.values())
    assert all(row.oldest_waiting is not None and row.last_saved is not None
               for row in rows.values())
