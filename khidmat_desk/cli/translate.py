"""Known failures of the layers below, turned into one-line messages with the right exit code."""

from __future__ import annotations

from khidmat_desk.cli.errors import BadInput, CommandError


def translate_error(exc: Exception) -> CommandError | None:
    from khidmat_desk.app.applications import ApplicationError, ApplicationNotFound, InvalidRequest
    from khidmat_desk.app.settings import SettingsError
    from khidmat_desk.auth import users
    from khidmat_desk.core.catalogue import TariffError, UnknownServiceError
    from khidmat_desk.core.findings import FindingError
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
    if isinstance(exc, users.BadCredentials):
        return BadInput(f"--user/password: {exc}")
    if isinstance(exc, users.InvalidAccountDetails | users.UnknownUser):
        return BadInput(str(exc))
    if isinstance(exc, users.AuthError):  # locked, switched off, not allowed
        return CommandError(str(exc))
    if isinstance(exc, FindingError):
        return BadInput(str(exc))
    if isinstance(exc, RoleNotAllowedError):
        return CommandError(str(exc))
    if isinstance(exc, WorkflowError):
        return BadInput(f"--set: {exc}")
    if isinstance(exc, SettingsError | TariffError):
        return CommandError(str(exc))
    if isinstance(exc, store_errors.StoreError):
        return CommandError(str(exc))
    if isinstance(exc, ApplicationError):  # a refusal explained to the officer
        return CommandError(str(exc))
    return None
