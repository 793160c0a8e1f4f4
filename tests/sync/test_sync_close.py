"""A day's close travels through the outbox; the province's report counts closed days and leaves
out the fees of voided applications."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import httpx
from sqlalchemy import select
from sync_helpers import FRIDAY, Central, Counter, drain

from khidmat_central import tokens
from khidmat_central.schema import DayCloseRecord
from khidmat_desk.app.applications import change_status
from khidmat_desk.app.day_close import close_period, reopen_period
from khidmat_desk.store.models import Centre
from khidmat_desk.sync import protocol


def report(central: Central) -> dict[str, object]:
    reader = tokens.add_token(central.db, role=tokens.READER)
    answer: dict[str, object] = httpx.get(
        central.url + protocol.REPORT_PATH, params={"date": "2026-03-06"},
        headers={"Authorization": f"Bearer {reader}"}).json()
    return answer


def test_the_close_reaches_the_server_and_the_report_counts_it(
        central: Central, counters: Callable[..., Counter], make_user: Callable[..., object],
        ) -> None:
    counter = counters(central.url, central.token(counter=1), number=1)
    with counter.db.write() as session:
        session.add(Centre(code="LHR01", name="Police Khidmat Markaz", district="Lahore"))
    in_charge = make_user(counter.db, "nadia.iqbal", "in-charge")
    made = counter.submit(3)
    change_status(counter.db, made[1].tracking_number, "voided", user=in_charge,
                  reason="Entered twice", now=FRIDAY + timedelta(hours=2))
    evening = FRIDAY + timedelta(hours=10)
    close_period(counter.db, in_charge, day=FRIDAY.date(), cash_counted=1000,
                 now=evening)  # type: ignore[arg-type]
    drain(counter.syncer)
    figures = report(central)
    assert figures["total_applications"] == 3
    assert figures["voided_applications"] == 1
    assert figures["total_fees_pkr"] == 2 * 500  # the voided application's fee was returned
    assert (figures["closed_days"], figures["closed_centres"]) == (1, ["LHR01"])

    reopen_period(counter.db, in_charge, day=FRIDAY.date(), reason="Recount",
                  now=evening + timedelta(minutes=5))  # type: ignore[arg-type]
    drain(counter.syncer)
    drain(counter.syncer)  # sending again changes nothing
    assert report(central)["closed_days"] == 0
    with central.db.read() as session:
        stored = session.execute(select(DayCloseRecord.version, DayCloseRecord.state)
                                 .order_by(DayCloseRecord.version)).all()
    assert [(r.version, r.state) for r in stored] == [(1, "closed"), (2, "reopened")]
