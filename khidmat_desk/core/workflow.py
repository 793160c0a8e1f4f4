"""Where an application may go next, and who may send it there.

submitted -> in-verification -> verified or rejected -> ready -> delivered.
"Ready" means the outcome (certificate, report, or the letter explaining a rejection) is ready
to hand over, so a rejected application also passes through ready to delivered. Delivered and
voided are final. Voiding is possible from any status that is not final, only by the
in-charge, and always with a reason; a rejection also needs a reason, because the citizen will
ask why.
"""

from __future__ import annotations

from enum import StrEnum

from khidmat_desk.errors import KnownError


class Status(StrEnum):
    """Where an application is; the value is what the database and the sync record hold."""

    SUBMITTED = "submitted"
    IN_VERIFICATION = "in-verification"
    VERIFIED = "verified"
    REJECTED = "rejected"
    READY = "ready"
    DELIVERED = "delivered"
    VOIDED = "voided"


class Role(StrEnum):
    """What a user may do: an officer takes applications, the in-charge may also void, reprint
    without a reason of their own, close the day and manage users."""

    OFFICER = "officer"
    IN_CHARGE = "in-charge"


# The members under their short names, as the rest of the code reads them.
SUBMITTED, IN_VERIFICATION, VERIFIED, REJECTED = (
    Status.SUBMITTED, Status.IN_VERIFICATION, Status.VERIFIED, Status.REJECTED)
READY, DELIVERED, VOIDED = Status.READY, Status.DELIVERED, Status.VOIDED
OFFICER, IN_CHARGE = Role.OFFICER, Role.IN_CHARGE

ROLES: tuple[Role, ...] = tuple(Role)
STATUSES: tuple[Status, ...] = tuple(Status)
FINAL_STATUSES: frozenset[str] = frozenset({DELIVERED, VOIDED})

#: The forward path, one step at a time (voiding is added for every non-final status).
_NEXT: dict[str, tuple[Status, ...]] = {
    SUBMITTED: (IN_VERIFICATION,),
    IN_VERIFICATION: (VERIFIED, REJECTED),
    VERIFIED: (READY,),
    REJECTED: (READY,),
    READY: (DELIVERED,),
    DELIVERED: (),
    VOIDED: (),
}
#: Statuses that can only be set with a reason.
REASON_REQUIRED: frozenset[str] = frozenset({REJECTED, VOIDED})
#: Statuses only the in-charge may set.
IN_CHARGE_ONLY: frozenset[str] = frozenset({VOIDED})

LABELS: dict[str, str] = {
    SUBMITTED: "submitted",
    IN_VERIFICATION: "in verification",
    VERIFIED: "verified",
    REJECTED: "rejected",
    READY: "ready for collection",
    DELIVERED: "delivered",
    VOIDED: "voided",
}


class WorkflowError(KnownError, ValueError):
    """A status change that is not allowed; the message says what is allowed instead."""

    bad_input = True


class RoleNotAllowedError(WorkflowError):
    """The change exists, but only the in-charge may make it."""

    bad_input = False


def is_final(status: str) -> bool:
    return status in FINAL_STATUSES


def next_statuses(current: str) -> tuple[Status, ...]:
    """Every status reachable in one step from ``current``, whoever asks."""
    if current not in _NEXT:
        return ()
    forward = _NEXT[current]
    return forward if is_final(current) else (*forward, VOIDED)


def forward_path(current: str, target: str) -> tuple[Status, ...] | None:
    """The statuses from ``current`` (exclusive) to ``target`` by the shortest forward walk.

    None when ``target`` cannot be reached. Used for decisions taken elsewhere (a police
    station marking a submitted application verified has also taken it into verification).
    """
    paths: list[tuple[Status, ...]] = [()]
    seen = {current}
    while paths:
        path = paths.pop(0)
        for step in next_statuses(path[-1] if path else current):
            if step == target:
                return (*path, step)
            if step not in seen and step != VOIDED:
                seen.add(step)
                paths.append((*path, step))
    return None


def allowed_next(current: str, role: str) -> tuple[Status, ...]:
    """The statuses this role may set next (what the GUI offers as buttons)."""
    return tuple(s for s in next_statuses(current) if role == IN_CHARGE or s not in IN_CHARGE_ONLY)


def check_transition(current: str, new: str, role: str, reason: str | None) -> Status:
    """``new`` as a status, or `WorkflowError` unless ``role`` may move an application from
    ``current`` to it."""
    for status in (current, new):
        if status not in _NEXT:
            raise WorkflowError(f"'{status}' is not a status; the statuses are: "
                                f"{', '.join(STATUSES)}.")
    if role not in ROLES:
        raise WorkflowError(f"'{role}' is not a role; the roles are: {', '.join(ROLES)}.")
    if new not in next_statuses(current):
        raise WorkflowError(_not_allowed(current, new))
    if new in IN_CHARGE_ONLY and role != IN_CHARGE:
        raise RoleNotAllowedError(f"Only the in-charge can change an application from "
                                  f"'{LABELS[current]}' to '{LABELS[new]}'.")
    if new in REASON_REQUIRED and not (reason or "").strip():
        raise WorkflowError(f"Changing an application from '{LABELS[current]}' to "
                            f"'{LABELS[new]}' needs a reason; type why.")
    return Status(new)


def _not_allowed(current: str, new: str) -> str:
    start = f"An application cannot go from '{LABELS[current]}' to '{LABELS[new]}'."
    if is_final(current):
        return f"{start} '{LABELS[current].capitalize()}' is final: nothing can follow it."
    options = ", ".join(
        f"'{LABELS[s]}'" + (" (in-charge only)" if s in IN_CHARGE_ONLY else "")
        for s in next_statuses(current))
    return f"{start} From '{LABELS[current]}' it can go to: {options}."
