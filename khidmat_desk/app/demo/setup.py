"""The demo centre's fixtures: the centre, its counters, an in-charge and one officer a counter.

Made through the same functions a real set-up uses (accounts through `create_user`, so the
passwords are hashed and the creation is audited), and only when absent, so running the demo
again on the same database adds applications without duplicating anyone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from khidmat_desk.auth.users import UserInfo, create_user, roles_of
from khidmat_desk.core import workflow
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import Centre, Counter, User

#: Documented sign-in details of the demo centre (synthetic data only, never a real centre).
DEMO_IN_CHARGE = "incharge"
DEMO_IN_CHARGE_PASSWORD = "incharge-demo-1"  # noqa: S105 - published on purpose, demo only
DEMO_OFFICER_PASSWORD = "officer-demo-1"  # noqa: S105 - published on purpose, demo only
DEMO_VERIFIER = "verifier"
DEMO_VERIFIER_PASSWORD = "verifier-demo-1"  # noqa: S105 - published on purpose, demo only
VERIFIER_FULL_NAME = "Tariq Mahmood"
_FULL_NAMES = ("Asif Khan", "Sana Javed", "Bilal Ahmed", "Hina Malik", "Usman Butt",
               "Ayesha Qureshi", "Kamran Awan", "Rabia Sheikh")
IN_CHARGE_FULL_NAME = "Nadia Iqbal"


def officer_username(counter: int) -> str:
    return f"officer{counter}"


@dataclass(frozen=True)
class Staff:
    """Who works at the demo centre: the officer of each counter, the verifier who records the
    police findings, and the in-charge."""

    in_charge: UserInfo
    officers: dict[int, UserInfo]  # by counter number
    verifier: UserInfo


def ensure_centre(db: Database, *, code: str, name: str, district: str, counters: int,
                  at: datetime) -> Staff:
    with db.write() as session:
        if session.get(Centre, code) is None:
            session.add(Centre(code=code, name=name, district=district))
        known = set(session.scalars(select(Counter.number).where(Counter.centre_code == code)))
        for number in range(1, counters + 1):
            if number not in known:
                session.add(Counter(centre_code=code, number=number, name=f"Counter {number}"))
        session.flush()
        in_charge = _account(session, DEMO_IN_CHARGE, IN_CHARGE_FULL_NAME, workflow.IN_CHARGE,
                             DEMO_IN_CHARGE_PASSWORD, at)
        officers = {
            n: _account(session, officer_username(n), _full_name(n), workflow.OFFICER,
                        DEMO_OFFICER_PASSWORD, at)
            for n in range(1, counters + 1)}
        verifier = _account(session, DEMO_VERIFIER, VERIFIER_FULL_NAME, workflow.VERIFIER,
                            DEMO_VERIFIER_PASSWORD, at)
    return Staff(in_charge, officers, verifier)


def _full_name(counter: int) -> str:
    if counter <= len(_FULL_NAMES):
        return _FULL_NAMES[counter - 1]
    return f"Counter {counter} Officer"


def _account(session: Session, username: str, full_name: str, role: str, password: str,
             at: datetime) -> UserInfo:
    user = session.scalars(select(User).where(User.username == username)).first()
    if user is not None:
        return UserInfo(user.id, user.username, user.full_name, roles_of(session, user))
    return create_user(session, username, full_name, role, password, now=at)
