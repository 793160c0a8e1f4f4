"""Known failures of the layers below, turned into one-line messages with the right exit code.

Every `KnownError` is a one-line message; bad input (exit 2) is prefixed with the argument it
came from when one names it (the error's own ``argument``, or the table below).
"""

from __future__ import annotations

import logging

from khidmat_desk.cli.errors import BadInput, CommandError
from khidmat_desk.errors import KnownError


def _arguments() -> tuple[tuple[type[KnownError], str], ...]:
    """Which argument each kind of bad input came from, most specific first."""
    from khidmat_desk.app.applications import ApplicationNotFound
    from khidmat_desk.auth.users import AccountLocked, BadCredentials
    from khidmat_desk.core.catalogue import UnknownServiceError
    from khidmat_desk.core.records import EmptyQueryError
    from khidmat_desk.core.tracking import TrackingNumberError
    from khidmat_desk.core.workflow import WorkflowError

    return ((ApplicationNotFound, "TRACKING"), (UnknownServiceError, "SERVICE"),
            (TrackingNumberError, "tracking number"), (EmptyQueryError, "QUERY"),
            (BadCredentials, "--user/password"), (AccountLocked, "--user/password"),
            (WorkflowError, "--set"))

log = logging.getLogger("khidmat.cli")

def translate_error(exc: Exception, data_dir: str | None = None) -> CommandError | None:
    if isinstance(exc, CommandError) or not isinstance(exc, KnownError):
        return None
    from khidmat_desk.store.errors import DatabaseCorruptError

    if isinstance(exc, DatabaseCorruptError):
        return CommandError(_damaged_database(data_dir) or str(exc))
    if not exc.bad_input:
        return CommandError(str(exc))
    argument = getattr(exc, "argument", None) or next(
        (name for kind, name in _arguments() if isinstance(exc, kind)), None)
    return BadInput(f"{argument}: {exc}" if argument else str(exc))


def _damaged_database(data_dir: str | None) -> str | None:
    """When the counter's own database fails its check: what to do, naming the last backup."""
    from khidmat_desk.app.backup import check_health
    from khidmat_desk.app.settings import CounterSettings, resolve_data_dir

    try:
        health = check_health(CounterSettings.load(resolve_data_dir(data_dir)))
    except Exception:  # the plain message is still right; logged with its traceback
        log.exception("could not look for the last good backup")
        return None
    return None if health.ok else health.message
