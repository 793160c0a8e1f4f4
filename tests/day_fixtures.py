"""A hand-computed day at centre LHR01, shared by the close, report and export tests.

Friday 6 March 2026, centre time (UTC+5), one shift (midnight to midnight):

| time  | officer     | service               | paid        |
|-------|-------------|-----------------------|-------------|
| 10:00 | asif.khan   | police verification   | 500 cash    |
| 10:30 | asif.khan   | police verification   | 500 cash  (voided at 16:00 by the in-charge) |
| 11:15 | asif.khan   | character certificate | 1000 card   |
| 14:05 | bilal.ahmed | police verification   | 500 cash    |
| 14:40 | bilal.ahmed | police verification   | 500 online  |

plus one application on Thursday 19:00 and one on Saturday 00:30 (outside the day). At 17:00
10:00 and 14:05 go to the police station (in verification); 14:05 is verified at 17:30 and
ready at 17:40. The 10:00 receipt is printed at 10:01 and reprinted at 12:00 ("Printer
jammed"). Bilal leaves a draft open at 18:00.

So: 5 applications; by hour 10h 2, 11h 1, 14h 2; paid cash 1,500, card 1,000, online 500;
refunded cash 500 (the void); cash expected 1,000 = asif 1,000 - 500 + bilal 500.
Record versions of the day: 5 submits + 1 void + 2 sent + verified + ready = 10.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from intake_helpers import counter_context, intake

from khidmat_desk.app.applications import (
    SubmitResult,
    change_status,
    save_draft,
    submit_application,
)
from khidmat_desk.app.findings import record_finding
from khidmat_desk.app.printing import print_receipt
from khidmat_desk.auth.users import UserInfo, create_user
from khidmat_desk.core import clock
from khidmat_desk.core.catalogue import Tariff, get_service
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import Centre

FRIDAY = date(2026, 3, 6)
GPV, PCC = "police-verification", "character-certificate"
PASSWORD = "correct horse 1"


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=clock.centre_zone())


@dataclass
class Day:
    db: Database
    tariff: Tariff
    asif: UserInfo
    bilal: UserInfo
    nadia: UserInfo  # the in-charge
    apps: dict[str, SubmitResult]

    def submit(self, user: UserInfo, when: str, service: str = GPV, method: str = "cash",
               **answers: Any) -> SubmitResult:
        context = counter_context(self.db, user, self.tariff,
                                  counter=7 if user.username == "asif.khan" else 8)
        return submit_application(
            context, intake(service, {**get_service(service).example, **answers},
                            payment_method=method), now=local(when))


def make_centre(db: Database) -> tuple[UserInfo, UserInfo, UserInfo]:
    with db.write() as session:
        session.add(Centre(code="LHR01", name="Police Khidmat Markaz, Liberty", district="Lahore"))
    return make_staff(db)


def make_day(db: Database, tariff: Tariff) -> Day:
    asif, bilal, nadia = make_centre(db)
    return fill_day(Day(db, tariff, asif, bilal, nadia, {}))


def make_staff(db: Database) -> tuple[UserInfo, UserInfo, UserInfo]:
    """The three accounts of the day, in a centre set up already (by `init`)."""
    with db.write() as session:
        return (create_user(session, "asif.khan", "Asif Khan", "officer", PASSWORD),
                create_user(session, "bilal.ahmed", "Bilal Ahmed", "officer", PASSWORD),
                create_user(session, "nadia.iqbal", "Nadia Iqbal", "in-charge", PASSWORD))


def fill_day(day: Day) -> Day:
    db, asif, bilal, nadia = day.db, day.asif, day.bilal, day.nadia
    day.apps["thursday"] = day.submit(bilal, "2026-03-05T19:00")
    day.apps["a1"] = day.submit(asif, "2026-03-06T10:00")
    day.apps["a2"] = day.submit(asif, "2026-03-06T10:30")
    day.apps["a3"] = day.submit(asif, "2026-03-06T11:15", PCC, "card")
    day.apps["b1"] = day.submit(bilal, "2026-03-06T14:05")
    day.apps["b2"] = day.submit(bilal, "2026-03-06T14:40", method="online")
    change_status(db, day.apps["a2"].tracking_number, "voided", user=nadia,
                  reason="Entered twice by mistake", now=local("2026-03-06T16:00"))
    for key in ("a1", "b1"):  # sent to the police station at 17:00
        change_status(db, day.apps[key].tracking_number, "in-verification", user=asif,
                      now=local("2026-03-06T17:00"))
    record_finding(db, day.apps["b1"].tracking_number, user=nadia, outcome="verified",
                   record_status="not-involved", reference="SP 42/2026",
                   reference_date=date(2026, 3, 6), now=local("2026-03-06T17:30"))
    change_status(db, day.apps["b1"].tracking_number, "ready", user=nadia,
                  now=local("2026-03-06T17:40"))
    for copy_at in ("10:01", "12:00"):  # the second copy is a reprint
        print_receipt(db, day.apps["a1"].tracking_number, user=asif,
                      reason="Printer jammed" if copy_at == "12:00" else None,
                      now=local(f"2026-03-06T{copy_at}"))
    save_draft(db, user=bilal, service_code=GPV, wizard_state={"answers": {"name": "Half"}},
               step="applicant",
               now=local("2026-03-06T18:00"))
    day.apps["saturday"] = day.submit(bilal, "2026-03-07T00:30")
    return day
