"""Where an application may go next, and who may send it there.

submitted -> in-verification -> verified or rejected -> ready -> delivered.
"Ready" means the outcome (certificate, report, or the letter explaining a rejection) is ready
to hand over, so a rejected application also passes through ready to delivered. Delivered and
voided are final. Voiding is possible from any status that is not final, only by the
in-charge, and always with a reason; a rejection also needs a reason, because the citizen will
ask why.

Roles: the officer takes applications in and hands results over; the verifier records the
police finding, which is what makes an application verified or rejected; the in-charge may do
everything a verifier may, and voids. A person may hold several roles. Verified and rejected
are reached only by recording a finding (see ``app.findings``), never by a bare status change.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from khidmat_desk.core.issues import Said
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
    """What a user may do (a person may hold several): an officer takes applications in, a
    verifier records the police finding, the in-charge may do both and also void, reprint,
    close the day and manage users. In order of rank."""

    OFFICER = "officer"
    VERIFIER = "verifier"
    IN_CHARGE = "in-charge"


# The members under their short names, as the rest of the code reads them.
SUBMITTED, IN_VERIFICATION, VERIFIED, REJECTED = (
    Status.SUBMITTED, Status.IN_VERIFICATION, Status.VERIFIED, Status.REJECTED)
READY, DELIVERED, VOIDED = Status.READY, Status.DELIVERED, Status.VOIDED
OFFICER, VERIFIER, IN_CHARGE = Role.OFFICER, Role.VERIFIER, Role.IN_CHARGE

ROLES: tuple[Role, ...] = tuple(Role)
#: What each role may also do: the in-charge may do everything an officer or verifier may.
_IMPLIED: dict[str, frozenset[str]] = {
    OFFICER: frozenset({OFFICER}),
    VERIFIER: frozenset({VERIFIER}),
    IN_CHARGE: frozenset({OFFICER, VERIFIER, IN_CHARGE}),
}

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
#: Statuses set only by recording the police finding, by a verifier or the in-charge.
FINDING_STATUSES: frozenset[str] = frozenset({VERIFIED, REJECTED})

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


class FindingRequiredError(WorkflowError):
    """Verified and rejected are recorded with the police finding, not as a bare status."""


def role_set(roles: str | Iterable[str]) -> frozenset[str]:
    """``"officer"`` or ``{"officer", "verifier"}`` as a set of role names."""
    return frozenset({roles}) if isinstance(roles, str) else frozenset(roles)


def abilities(roles: str | Iterable[str]) -> frozenset[str]:
    """Every role whose work these roles may do (the in-charge's include the others')."""
    return frozenset().union(*(_IMPLIED.get(r, frozenset()) for r in role_set(roles)))


def may_act_as(roles: str | Iterable[str], role: str) -> bool:
    return role in abilities(roles)


def main_role(roles: str | Iterable[str]) -> Role:
    """The highest of these roles, for a one-word label: in-charge, then verifier, officer."""
    held = role_set(roles)
    return next((r for r in reversed(ROLES) if r in held), OFFICER)


def role_holders(role: str) -> str:
    """"the in-charge", "a verifier or the in-charge": who may do ``role``'s work."""
    if role == IN_CHARGE:
        return "the in-charge"
    return f"{'an' if role[0] in 'aeiou' else 'a'} {role} or the in-charge"


def roles_text(roles: str | Iterable[str]) -> str:
    """"officer, verifier" in the order of `ROLES`."""
    held = role_set(roles)
    return ", ".join(r for r in ROLES if r in held)


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


def role_for(new: str) -> str:
    """The role whose work setting ``new`` is."""
    if new in IN_CHARGE_ONLY:
        return IN_CHARGE
    return VERIFIER if new in FINDING_STATUSES else OFFICER


def allowed_next(current: str, roles: str | Iterable[str]) -> tuple[Status, ...]:
    """The statuses these roles may set next by a plain status change (the GUI's buttons);
    verified and rejected are not among them: they come with the finding."""
    return tuple(s for s in next_statuses(current)
                 if s not in FINDING_STATUSES and may_act_as(roles, role_for(s)))


#: Statuses at which a finding can be recorded: before the decision, or after a decision
#: taken elsewhere (the central server's) that came without one.
FINDING_FROM: tuple[str, ...] = (SUBMITTED, IN_VERIFICATION, VERIFIED, REJECTED)


def may_record_finding(current: str, roles: str | Iterable[str], *,
                       has_finding: bool = False) -> bool:
    """Whether these roles may record the finding now (one finding per application)."""
    return not has_finding and current in FINDING_FROM and may_act_as(roles, VERIFIER)


def check_transition(current: str, new: str, roles: str | Iterable[str], reason: str | None,
                     *, with_finding: bool = False) -> Status:
    """``new`` as a status, or `WorkflowError` unless ``roles`` may move an application from
    ``current`` to it; ``with_finding`` is True only for the status a recorded finding sets."""
    for status in (current, new):
        if status not in _NEXT:
            raise WorkflowError.told("'{status}' is not a status; the statuses are: "
                                     "{statuses}.", status=status, statuses=", ".join(STATUSES))
    unknown = sorted(role_set(roles) - set(ROLES))
    if unknown or not role_set(roles):
        raise WorkflowError.told("'{unknown}' is not a role; the roles are: {roles}.",
                                 unknown=", ".join(unknown), roles=", ".join(ROLES))
    if new not in next_statuses(current):
        raise WorkflowError.saying(_not_allowed(current, new))
    needed = role_for(new)
    if not may_act_as(roles, needed):
        raise RoleNotAllowedError.told("Only {who} can change an application from '{old}' to "
                                       "'{new}'.", who=role_holders(needed),
                                       old=LABELS[current], new=LABELS[new])
    if new in FINDING_STATUSES and not with_finding:
        raise FindingRequiredError.told(
            "An application becomes '{new}' only with the police finding: record what the "
            "police found, the reference and a remark (Record finding at the counter, or "
            "'khidmat-desk finding' on the command line).", new=LABELS[new])
    if new in REASON_REQUIRED and not (reason or "").strip():
        raise WorkflowError.told("Changing an application from '{old}' to '{new}' needs a "
                                 "reason; type why.", old=LABELS[current], new=LABELS[new])
    return Status(new)


def _not_allowed(current: str, new: str) -> Said:
    moves = {"old": LABELS[current], "new": LABELS[new]}
    if is_final(current):
        return Said.of("An application cannot go from '{old}' to '{new}'. '{old}' is final: "
                       "nothing can follow it.", moves)
    options = ", ".join(
        f"'{LABELS[s]}'" + (" (in-charge only)" if s in IN_CHARGE_ONLY else
                            " (with the finding)" if s in FINDING_STATUSES else "")
        for s in next_statuses(current))
    return Said.of("An application cannot go from '{old}' to '{new}'. From '{old}' it can go "
                   "to: {options}.", {**moves, "options": options})
