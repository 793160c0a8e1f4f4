"""The day close as the in-charge does it, from the counter window or the command line.

First the close itself (``close_period``: figures, cash, digest, the lock), then what makes it
hold afterwards: the audit trail's checkpoint signed with the centre's key, and a backup of the
database as it stood at the close (``backup_at_day_close``). Neither of the two can undo the
close: a key that cannot be read or a disk that is full leaves the day closed, and the result
says what is missing and why, so the in-charge can sign (`audit checkpoint`) or back up
(`backup`) once it is put right.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from khidmat_desk.app.audit import checkpoint_at_close
from khidmat_desk.app.backup import backup_at_day_close
from khidmat_desk.app.context import CounterContext
from khidmat_desk.app.day_close import CloseResult, close_period
from khidmat_desk.auth.users import UserInfo
from khidmat_desk.core.shifts import WHOLE_DAY
from khidmat_desk.errors import KnownError

log = logging.getLogger("khidmat.close")


@dataclass(frozen=True)
class SealedClose:
    close: CloseResult
    signed: bool
    checkpoint_note: str
    backup: Path | None
    backup_note: str


def close_and_seal(ctx: CounterContext, user: UserInfo, *, day: date, shift: str = WHOLE_DAY,
                   cash_counted: int | None, officer_cash: Mapping[str, int] | None = None,
                   explanation: str = "", deposit_ref: str = "") -> SealedClose:
    """Close ``day`` (or one shift of it), sign the audit trail, back the database up."""
    result = close_period(ctx.db, user, day=day, shift=shift, cash_counted=cash_counted,
                          officer_cash=officer_cash, explanation=explanation,
                          deposit_ref=deposit_ref)
    checkpoint, note = checkpoint_at_close(ctx.db, ctx.secret_store(), ctx.centre_code,
                                           user=user)
    backup, backup_note = _backup(ctx)
    return SealedClose(result, checkpoint is not None, note, backup, backup_note)


def _backup(ctx: CounterContext) -> tuple[Path | None, str]:
    try:
        path = backup_at_day_close(ctx.settings)
    except (OSError, KnownError) as exc:
        log.warning("no backup at the close: %s", exc)
        return None, f"no backup was taken at this close: {exc}"
    if path is None:
        return None, "the database is on the centre server: back the server up there"
    return path, f"backup written to {path}"
