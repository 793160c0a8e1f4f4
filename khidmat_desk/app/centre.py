"""Setting up a centre: its record, this PC's counter and the first in-charge.

`init` runs once per data folder. Everything is one transaction, so a failure leaves no half
centre behind; the CLI also removes a database file it created for a failed init.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from khidmat_desk.auth.users import create_user
from khidmat_desk.core import reference
from khidmat_desk.core.validators import clean_free_text
from khidmat_desk.errors import BadInputError
from khidmat_desk.store.audit import append_event
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import Centre, Counter

log = logging.getLogger("khidmat.centre")

CENTRE_CODE = re.compile(r"^[A-Z0-9]{2,8}$")
MAX_COUNTER = 99


class CentreSetupError(BadInputError, ValueError):
    """Bad set-up input, said after the option at fault."""

    def __init__(self, argument: str, message: str) -> None:
        super().__init__(f"{argument}: {message}", argument)


@dataclass(frozen=True)
class CentreInfo:
    code: str
    name: str
    district: str
    counter: int
    in_charge: str


def check_centre_input(code: str, name: str, district: str, counter: int) -> tuple[str, str, str]:
    """Normalised (code, name, district), or CentreSetupError naming the argument at fault."""
    code = code.strip().upper()
    if not CENTRE_CODE.match(code):
        raise CentreSetupError("--centre-code", "use 2 to 8 letters or digits, like LHR01")
    name = clean_free_text(name)
    if not 3 <= len(name) <= 120:
        raise CentreSetupError("--centre-name", "must be 3 to 120 characters")
    found = reference.find_district(district)
    if found is None:
        raise CentreSetupError("--district", f"'{district}' is not a district of Punjab")
    if not 1 <= counter <= MAX_COUNTER:
        raise CentreSetupError("--counter", f"must be a number from 1 to {MAX_COUNTER}")
    return code, name, found.name


def init_centre(db: Database, *, code: str, name: str, district: str, counter: int,
                username: str, full_name: str, password: str,
                now: datetime | None = None) -> CentreInfo:
    code, name, district = check_centre_input(code, name, district, counter)
    now = now or datetime.now(UTC)
    with db.write() as session:
        existing = session.scalars(select(Centre)).all()
        if existing:
            raise CentreSetupError("--data-dir", f"this database already holds centre "
                                   f"{existing[0].code}; use an empty data folder")
        session.add(Centre(code=code, name=name, district=district))
        session.add(Counter(centre_code=code, number=counter, name=f"Counter {counter}"))
        session.flush()
        user = create_user(session, username, full_name, "in-charge", password)
        append_event(session, actor=user.username, action="centre.init", entity_type="centre",
                     entity_id=code, details={"name": name, "district": district,
                                              "counter": counter}, at=now)
    log.info("centre %s initialised with counter %d and in-charge %s", code, counter, username)
    return CentreInfo(code, name, district, counter, user.username)
