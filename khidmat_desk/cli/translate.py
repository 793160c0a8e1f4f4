"""Known failures of the layers below, turned into one-line messages with the right exit code."""

from __future__ import annotations

from khidmat_desk.cli.errors import BadInput, CommandError


def translate_error(exc: Exception) -> CommandError | None:
    from khidmat_desk.app.applications import ApplicationNotFound, InvalidRequest
    from khidmat_desk.app.settings import SettingsError
    from khidmat_desk.auth import users
    from khidmat_desk.core.catalogue import TariffError, UnknownServiceError
    from khidmat_desk.core.records import EmptyQueryError
    from khidmat_desk.core.tracking import TrackingNumberError
    from khidmat_desk.core.workflow import RoleNotAllowedError, WorkflowError
    from khidmat_desk.store import errors as store_errors

    if isinstance(exc, ApplicationNotFound):
        return BadInput(f"TRACKING: {exc}")
    if isinstance(exc, InvalidRequest):
        return BadInput(str(exc))
    if isinstance(exc, UnknownServiceError):
        return BadInput(f"SERVICE: {exc}")
    if isinstance(exc, TrackingNumberError):
        return BadInput(f"tracking number: {exc}")
    if isinstance(exc, EmptyQueryError):
        return BadInput(f"QUERY: {exc}")
    if isinstance(exc, users.BadCredentials | users.AccountLocked):
        # one answer, one exit status: which accounts exist is not told
        return BadInput(f"--user/password: {exc}")
    if isinstance(exc, users.PermissionDenied):
        return CommandError(str(exc))
    if isinstance(exc, RoleNotAllowedError):
        return CommandError(str(exc))
    if isinstance(exc, WorkflowError):
        return BadInput(f"--set: {exc}")
    if isinstance(exc, SettingsError | TariffError):
        return CommandError(str(exc))
    if isinstance(exc, store_errors.StoreError):
        return CommandError(str(exc))
    return None
