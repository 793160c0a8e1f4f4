"""Every (current, new) status pair for both roles, with and without a reason."""

from __future__ import annotations

import itertools

import pytest

from khidmat_desk.core import workflow
from khidmat_desk.core.workflow import (
    DELIVERED,
    IN_CHARGE,
    IN_VERIFICATION,
    OFFICER,
    READY,
    REJECTED,
    STATUSES,
    SUBMITTED,
    VERIFIED,
    VOIDED,
    RoleNotAllowedError,
    WorkflowError,
    allowed_next,
    check_transition,
)

FORWARD = {
    (SUBMITTED, IN_VERIFICATION),
    (IN_VERIFICATION, VERIFIED),
    (IN_VERIFICATION, REJECTED),
    (VERIFIED, READY),
    (REJECTED, READY),
    (READY, DELIVERED),
}
VOIDABLE = {SUBMITTED, IN_VERIFICATION, VERIFIED, REJECTED, READY}


def expected_allowed(current: str, new: str, role: str, reason: str | None) -> bool:
    has_reason = bool(reason and reason.strip())
    if (current, new) in FORWARD:
        return new != REJECTED or has_reason
    if new == VOIDED and current in VOIDABLE:
        return role == IN_CHARGE and has_reason
    return False


@pytest.mark.parametrize("current,new", list(itertools.product(STATUSES, STATUSES)))
@pytest.mark.parametrize("role", [OFFICER, IN_CHARGE])
@pytest.mark.parametrize("reason", [None, "   ", "documents were forged"])
def test_every_pair(current: str, new: str, role: str, reason: str | None) -> None:
    if expected_allowed(current, new, role, reason):
        check_transition(current, new, role, reason)
        return
    with pytest.raises(WorkflowError) as caught:
        check_transition(current, new, role, reason)
    message = str(caught.value)
    assert workflow.LABELS[current] in message
    assert workflow.LABELS[new] in message


@pytest.mark.parametrize("current,new", sorted(
    pair for pair in itertools.product(STATUSES, STATUSES)
    if pair not in FORWARD and not (pair[1] == VOIDED and pair[0] in VOIDABLE)))
def test_refusal_names_what_is_allowed(current: str, new: str) -> None:
    with pytest.raises(WorkflowError) as caught:
        check_transition(current, new, IN_CHARGE, "a reason")
    message = str(caught.value)
    if workflow.is_final(current):
        assert "final" in message
    else:
        for status in workflow.next_statuses(current):
            assert workflow.LABELS[status] in message


def test_void_by_officer_says_in_charge_only() -> None:
    with pytest.raises(RoleNotAllowedError, match="Only the in-charge"):
        check_transition(READY, VOIDED, OFFICER, "citizen withdrew")


@pytest.mark.parametrize("new,role", [(REJECTED, OFFICER), (VOIDED, IN_CHARGE)])
def test_missing_reason_is_asked_for(new: str, role: str) -> None:
    with pytest.raises(WorkflowError, match="needs a reason"):
        check_transition(IN_VERIFICATION, new, role, "")


def test_unknown_status_and_role_are_named() -> None:
    with pytest.raises(WorkflowError, match="'lost' is not a status"):
        check_transition(SUBMITTED, "lost", OFFICER, None)
    with pytest.raises(WorkflowError, match="'clerk' is not a role"):
        check_transition(SUBMITTED, IN_VERIFICATION, "clerk", None)


def test_allowed_next_matches_check_transition() -> None:
    for current, role in itertools.product(STATUSES, (OFFICER, IN_CHARGE)):
        offered = set(allowed_next(current, role))
        accepted = {new for new in STATUSES
                    if expected_allowed(current, new, role, "a reason")}
        assert offered == accepted, (current, role)


def test_final_statuses_have_no_way_out() -> None:
    assert {DELIVERED, VOIDED} == workflow.FINAL_STATUSES
    for status in workflow.FINAL_STATUSES:
        assert workflow.next_statuses(status) == ()
