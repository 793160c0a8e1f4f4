"""Known failures of the layers below, turned into one-line messages with the right exit code.

Every `KnownError` is a one-line message; bad input (exit 2) is prefixed with the argument it
came from when one names it.
"""

from __future__ import annotations

from khidmat_desk.cli.errors import BadInput, CommandError
from khidmat_desk.errors import KnownError


def _arguments() -> tuple[tuple[type[KnownError], str], ...]:
    """Which argument each kind of bad input came from, most specific first."""
    from khidmat_desk.app.applications import ApplicationNotFound
    from khidmat_desk.auth.users import BadCredentials
    from khidmat_desk.core.catalogue import UnknownServiceError
    from khidmat_desk.core.records import EmptyQueryError
    from khidmat_desk.core.tracking import TrackingNumberError
    from khidmat_desk.core.workflow import WorkflowError

    return ((ApplicationNotFound, "TRACKING"), (UnknownServiceError, "SERVICE"),
            (TrackingNumberError, "tracking number"), (EmptyQueryError, "QUERY"),
            (BadCredentials, "--user/password"), (WorkflowError, "--set"))


def translate_error(exc: Exception) -> CommandError | None:
    if isinstance(exc, CommandError) or not isinstance(exc, KnownError):
        return None
    if not exc.bad_input:
        return CommandError(str(exc))
    argument = next((name for kind, name in _arguments() if isinstance(exc, kind)), None)
    return BadInput(f"{argument}: {exc}" if argument else str(exc))
