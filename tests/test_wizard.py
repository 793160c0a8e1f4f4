"""The wizard state machine, driven without any screen."""

from __future__ import annotations

from datetime import date

import pytest

from khidmat_desk.core.catalogue import get_service, load_tariff
from khidmat_desk.core.wizard import (
    DOCUMENTS_STEP,
    REVIEW_STEP,
    StepIncompleteError,
    Wizard,
    complete_documents,
)

TODAY = date(2026, 11, 23)
GPV = get_service("police-verification")


def new_wizard(**answers: object) -> Wizard:
    return Wizard(GPV, answers=dict(answers), tariff=load_tariff(), today=TODAY)


def test_fresh_wizard_starts_on_the_first_step_and_refuses_next() -> None:
    wizard = new_wizard()
    state = wizard.state()
    assert state.current == "applicant" and state.previous_step is None
    assert state.steps[-2:] == (DOCUMENTS_STEP, REVIEW_STEP)
    assert not state.may_advance and not state.may_submit
    with pytest.raises(StepIncompleteError) as refused:
        wizard.next()
    assert "Applicant name: is required" in str(refused.value)
    assert wizard.current == "applicant"


def test_walk_through_to_submit() -> None:
    wizard = new_wizard(**GPV.example)
    visited = [wizard.current]
    while wizard.state().next_step:
        if wizard.current == DOCUMENTS_STEP:
            with pytest.raises(StepIncompleteError):
                wizard.next()
            complete_documents(wizard)
        wizard.next()
        visited.append(wizard.current)
    assert visited == ["applicant", "addresses", "purpose", "representative", DOCUMENTS_STEP,
                       REVIEW_STEP]
    assert wizard.may_submit()
    assert wizard.state().fee is not None


def test_conditional_document_appears_with_its_condition() -> None:
    wizard = new_wizard(**GPV.example)
    assert "authority_letter" not in [d.key for d in wizard.documents()]
    wizard.set("on_behalf", True)
    assert "authority_letter" in [d.key for d in wizard.documents()]


def test_back_and_go_to() -> None:
    wizard = new_wizard(**GPV.example)
    wizard.next()
    wizard.next()
    assert wizard.back().current == "addresses"
    assert wizard.go_to("applicant").current == "applicant"
    with pytest.raises(StepIncompleteError) as refused:
        wizard.go_to(REVIEW_STEP)
    assert refused.value.step == DOCUMENTS_STEP
    complete_documents(wizard)
    assert wizard.go_to(REVIEW_STEP).current == REVIEW_STEP


def test_go_to_forward_over_an_incomplete_step_is_refused() -> None:
    wizard = new_wizard(**{k: v for k, v in GPV.example.items() if k != "purpose"})
    with pytest.raises(StepIncompleteError) as refused:
        wizard.go_to(REVIEW_STEP)
    assert refused.value.step == "purpose"


def test_field_issues_for_inline_validation() -> None:
    wizard = new_wizard(cnic="123")
    assert wizard.field_issues("cnic") == ()  # cnic only applies once an ID type is chosen
    wizard.set("id_type", "cnic")
    assert [i.field for i in wizard.field_issues("cnic")] == ["cnic"]


def test_conditional_fields_appear_on_their_step() -> None:
    wizard = new_wizard(**GPV.example)
    keys = [f.key for f in wizard.step("representative").fields]
    assert keys == ["on_behalf"]
    wizard.set("on_behalf", True)
    keys = [f.key for f in wizard.step("representative").fields]
    assert "rep_cnic" in keys


def test_draft_round_trip_resumes_on_the_same_step() -> None:
    wizard = new_wizard(**GPV.example)
    wizard.next()
    wizard.set_document("affidavit", True)
    draft = wizard.to_draft()
    resumed = Wizard.from_draft(GPV, draft, today=TODAY)
    assert resumed.current == "addresses"
    assert resumed.answers == wizard.answers
    assert resumed.documents_received == {"affidavit"}


def test_review_shows_formatted_values() -> None:
    wizard = new_wizard(**GPV.example)
    rows = {row.key: row.value for section in wizard.review() for row in section.rows}
    assert rows["cnic"] == "35202-1234567-1"
    assert rows["mobile"] == "0300-1234567"
    assert rows["relation"] == "Son of"
