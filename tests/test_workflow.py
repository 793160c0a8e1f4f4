"""Every (current, new) status pair for every role, with and without a reason and a finding."""

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
    VERIFIER,
    VOIDED,
    FindingRequiredError,
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
ROLE_SETS = [frozenset({OFFICER}), frozenset({VERIFIER}), frozenset({IN_CHARGE}),
             frozenset({OFFICER, VERIFIER})]


def expected_allowed(current: str, new: str, roles: frozenset[str], reason: str | None,
                     with_finding: bool = False) -> bool:
    has_reason = bool(reason and reason.strip())
    decides = IN_CHARGE in roles or VERIFIER in roles
    if (current, new) in FORWARD:
        if new in (VERIFIED, REJECTED):
            return decides and with_finding and (new != REJECTED or has_reason)
        return OFFICER in roles or IN_CHARGE in roles
    if new == VOIDED and current in VOIDABLE:
        return IN_CHARGE in roles and has_reason
    return False


@pytest.mark.parametrize("current,new", list(itertools.product(STATUSES, STATUSES)))
@pytest.mark.parametrize("roles", ROLE_SETS, ids=lambda r: "+".join(sorted(r)))
@pytest.mark.parametrize("reason", [None, "   ", "documents were forged"])
@pytest.mark.parametrize("with_finding", [False, True])
def test_every_pair(current: str, new: str, roles: frozenset[str], reason: str | None,
                    with_finding: bool) -> None:
    if expected_allowed(current, new, roles, reason, with_finding):
        check_transition(current, new, roles, reason, with_finding=with_finding)
        return
    with pytest.raises(WorkflowError) as caught:
        check_transition(current, new, roles, reason, with_finding=with_finding)
    message = str(caught.value)
    assert workflow.LABELS[new] in message
    if not isinstance(caught.value, FindingRequiredError):
        assert workflow.LABELS[current] in message


def test_an_officer_cannot_verify_and_a_verifier_needs_the_finding() -> None:
    with pytest.raises(RoleNotAllowedError, match="Only a verifier or the in-charge"):
        check_transition(IN_VERIFICATION, VERIFIED, OFFICER, None, with_finding=True)
    with pytest.raises(FindingRequiredError, match="only with the police finding"):
        check_transition(IN_VERIFICATION, VERIFIED, VERIFIER, None)
    check_transition(IN_VERIFICATION, VERIFIED, VERIFIER, None, with_finding=True)
    with pytest.raises(RoleNotAllowedError, match="Only an officer or the in-charge"):
        check_transition(VERIFIED, READY, VERIFIER, None)


def test_who_may_record_a_finding() -> None:
    assert workflow.may_record_finding(IN_VERIFICATION, VERIFIER)
    assert workflow.may_record_finding(SUBMITTED, {OFFICER, VERIFIER})
    assert workflow.may_record_finding(VERIFIED, IN_CHARGE)  # decided centrally, no finding
    assert not workflow.may_record_finding(VERIFIED, IN_CHARGE, has_finding=True)
    assert not workflow.may_record_finding(IN_VERIFICATION, OFFICER)
    assert not workflow.may_record_finding(READY, IN_CHARGE)


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


@pytest.mark.parametrize("new,role", [(REJECTED, VERIFIER), (VOIDED, IN_CHARGE)])
def test_missing_reason_is_asked_for(new: str, role: str) -> None:
    with pytest.raises(WorkflowError, match="needs a reason"):
        check_transition(IN_VERIFICATION, new, role, "", with_finding=True)


def test_unknown_status_and_role_are_named() -> None:
    with pytest.raises(WorkflowError, match="'lost' is not a status"):
        check_transition(SUBMITTED, "lost", OFFICER, None)
    with pytest.raises(WorkflowError, match="'clerk' is not a role"):
        check_transition(SUBMITTED, IN_VERIFICATION, "clerk", None)


def test_allowed_next_matches_check_transition() -> None:
    for current, roles in itertools.product(STATUSES, ROLE_SETS):
        offered = set(allowed_next(current, roles))
        accepted = {new for new in STATUSES
                    if expected_allowed(current, new, roles, "a reason")}
        assert offered == accepted, (current, roles)


def test_final_statuses_have_no_way_out() -> None:
    assert {DELIVERED, VOIDED} == workflow.FINAL_STATUSES
    for status in workflow.FINAL_STATUSES:
        assert workflow.next_statuses(status) == ()
