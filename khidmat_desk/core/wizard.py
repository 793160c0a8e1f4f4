"""The intake wizard as a state machine, with no screen in it.

Given a service and the answers so far it says which step is current, which comes next, what is
missing or invalid, and whether the application may be submitted. The Qt pages only render this
state and send the officer's input back; the CLI and the tests drive it directly.

Every service gets its own declared steps, then a documents-and-fee step, then a review step.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from khidmat_desk.core.catalogue import FeeQuote, Tariff, quote_fee
from khidmat_desk.core.conditions import holds
from khidmat_desk.core.display import format_value
from khidmat_desk.core.fields import DocumentRequirement, Field, Service
from khidmat_desk.core.intake import (
    DEFAULT_PAYMENT,
    Intake,
    applicable_documents,
    missing_documents,
)
from khidmat_desk.core.issues import Issue, IssueLevel
from khidmat_desk.core.validation import ValidationResult, validate_answers

DOCUMENTS_STEP = "documents"
REVIEW_STEP = "review"


@dataclass(frozen=True)
class WizardStep:
    key: str
    title: str
    title_ur: str
    kind: str  # fields | documents | review
    fields: tuple[Field, ...] = ()


@dataclass(frozen=True)
class ReviewRow:
    key: str
    label: str
    value: str


@dataclass(frozen=True)
class ReviewSection:
    step: str
    title: str
    rows: tuple[ReviewRow, ...]


@dataclass(frozen=True)
class WizardState:
    service_code: str
    current: str
    index: int
    steps: tuple[str, ...]
    next_step: str | None
    previous_step: str | None
    issues: tuple[Issue, ...]  # the current step's errors and warnings
    may_advance: bool
    may_submit: bool
    fee: FeeQuote | None


class StepIncompleteError(ValueError):
    """Next was refused; `issues` says why, field by field."""

    def __init__(self, step: str, issues: tuple[Issue, ...]) -> None:
        super().__init__("; ".join(str(i) for i in issues))
        self.step = step
        self.issues = issues


@dataclass
class Wizard:
    service: Service
    answers: dict[str, Any] = field(default_factory=dict)
    documents_received: set[str] = field(default_factory=set)
    tariff: Tariff | None = None
    today: date | None = None
    now: datetime | None = None
    current: str = ""
    token_no: str = ""
    payment_method: str = DEFAULT_PAYMENT
    _result: ValidationResult | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        if not self.current:
            self.current = self.steps()[0].key

    # -- answers ---------------------------------------------------------------------------

    def set(self, key: str, value: Any) -> None:
        self.answers[key] = value
        self._result = None

    def update(self, values: Mapping[str, Any]) -> None:
        self.answers.update(values)
        self._result = None

    def set_document(self, key: str, received: bool) -> None:
        (self.documents_received.add if received else self.documents_received.discard)(key)

    def validate(self) -> ValidationResult:
        if self._result is None:
            self._result = validate_answers(self.service, self._supplied(), today=self.today,
                                            now=self.now)
        return self._result

    def _supplied(self) -> dict[str, Any]:
        """The answers to this service's fields (the steps show no others)."""
        fields = self.service.fields_by_key
        return {k: v for k, v in self.answers.items() if k in fields}

    # -- steps -----------------------------------------------------------------------------

    def steps(self) -> tuple[WizardStep, ...]:
        result = self.validate()
        out = []
        for step in self.service.steps:
            if not holds(step.when, result.answers):
                continue
            shown = tuple(f for f in step.fields if f.key in result.applicable)
            if shown:
                out.append(WizardStep(step.key, step.title, step.title_ur, "fields", shown))
        out.append(WizardStep(DOCUMENTS_STEP, "Documents and fee", "دستاویزات اور فیس",
                              "documents"))
        out.append(WizardStep(REVIEW_STEP, "Review", "جائزہ", "review"))
        return tuple(out)

    def step_keys(self) -> tuple[str, ...]:
        return tuple(s.key for s in self.steps())

    def step(self, key: str) -> WizardStep:
        for s in self.steps():
            if s.key == key:
                return s
        raise KeyError(f"step '{key}' does not apply to these answers")

    def step_issues(self, key: str) -> tuple[Issue, ...]:
        if key == DOCUMENTS_STEP:
            return self._document_issues()
        if key == REVIEW_STEP:
            return self.validate().issues + self._document_issues()
        keys = [f.key for f in self.step(key).fields]
        return self.validate().issues_for(keys)

    def field_issues(self, key: str) -> tuple[Issue, ...]:
        """What to show under one input when the officer leaves it."""
        return self.validate().issues_for([key])

    def step_complete(self, key: str) -> bool:
        return not any(i.level == IssueLevel.ERROR for i in self.step_issues(key))

    # -- navigation ------------------------------------------------------------------------

    def next(self) -> WizardState:
        keys = self._ensure_current()
        problems = tuple(i for i in self.step_issues(self.current) if i.level == IssueLevel.ERROR)
        if problems:
            raise StepIncompleteError(self.current, problems)
        index = keys.index(self.current)
        if index + 1 < len(keys):
            self.current = keys[index + 1]
        return self.state()

    def back(self) -> WizardState:
        keys = self._ensure_current()
        index = keys.index(self.current)
        if index > 0:
            self.current = keys[index - 1]
        return self.state()

    def go_to(self, key: str) -> WizardState:
        """Jump to a step: backwards always, forwards only over complete steps."""
        keys = self._ensure_current()
        if key not in keys:
            raise KeyError(f"step '{key}' does not apply to these answers")
        for earlier in keys[: keys.index(key)]:
            ahead = earlier != self.current and keys.index(earlier) >= keys.index(self.current)
            if ahead and not self.step_complete(earlier):
                raise StepIncompleteError(earlier, self.step_issues(earlier))
        if keys.index(key) > keys.index(self.current) and not self.step_complete(self.current):
            raise StepIncompleteError(self.current, self.step_issues(self.current))
        self.current = key
        return self.state()

    def may_submit(self) -> bool:
        return self.validate().ok and not self._document_issues()

    def state(self) -> WizardState:
        keys = self._ensure_current()
        index = keys.index(self.current)
        issues = self.step_issues(self.current)
        return WizardState(
            service_code=self.service.code,
            current=self.current,
            index=index,
            steps=keys,
            next_step=keys[index + 1] if index + 1 < len(keys) else None,
            previous_step=keys[index - 1] if index > 0 else None,
            issues=issues,
            may_advance=not any(i.level == IssueLevel.ERROR for i in issues),
            may_submit=self.may_submit(),
            fee=self.fee(),
        )

    def _ensure_current(self) -> tuple[str, ...]:
        """A step can stop applying when an answer changes; fall back to the nearest earlier one."""
        keys = self.step_keys()
        if self.current not in keys:
            declared = [s.key for s in self.service.steps] + [DOCUMENTS_STEP, REVIEW_STEP]
            position = declared.index(self.current) if self.current in declared else 0
            earlier = [k for k in declared[:position] if k in keys]
            self.current = earlier[-1] if earlier else keys[0]
        return keys

    # -- documents, fee, review --------------------------------------------------------------

    def documents(self) -> tuple[DocumentRequirement, ...]:
        return applicable_documents(self.service, self.validate().answers)

    def _document_issues(self) -> tuple[Issue, ...]:
        return missing_documents(self.service, self.validate().answers, self.documents_received)

    def fee(self) -> FeeQuote | None:
        if self.tariff is None:
            return None
        return quote_fee(self.service, self.validate().answers, self.tariff)

    def review(self, *, urdu: bool = False) -> tuple[ReviewSection, ...]:
        """What the review page lists, step by step; ``urdu``: titles, labels and choices in
        Urdu where the service gives them."""
        answers = self.validate().answers
        sections = []
        for s in self.steps():
            if s.kind != "fields":
                continue
            rows = tuple(ReviewRow(f.key, (f.label_ur if urdu else "") or f.label,
                                   format_value(f, answers.get(f.key), urdu=urdu))
                         for f in s.fields if f.key in answers)
            sections.append(ReviewSection(s.key, (s.title_ur if urdu else "") or s.title, rows))
        return tuple(sections)

    # -- drafts ----------------------------------------------------------------------------

    def to_draft(self) -> dict[str, Any]:
        """The whole wizard state, JSON-safe, as a draft keeps it."""
        return {"answers": dict(self.answers), "documents": sorted(self.documents_received),
                "step": self.current, "token_no": self.token_no,
                "payment_method": self.payment_method}

    @classmethod
    def from_draft(cls, service: Service, draft: Mapping[str, Any], **kw: Any) -> Wizard:
        wizard = cls(service, answers=dict(draft.get("answers") or {}),
                     documents_received=set(draft.get("documents") or ()),
                     token_no=str(draft.get("token_no") or ""),
                     payment_method=str(draft.get("payment_method") or DEFAULT_PAYMENT), **kw)
        wizard.current = str(draft.get("step") or wizard.current)
        wizard._ensure_current()
        return wizard

    def intake(self) -> Intake:
        """What is to be saved: the answers as typed with the judgement the review step shows
        of them (the save takes it when it still holds, and checks again when it does not:
        an answer to a field the service does not have is refused there), the documents
        ticked, the token and the payment method."""
        return Intake(self.service.code, dict(self.answers), tuple(sorted(self.documents_received)),
                      self.token_no.strip() or None, self.payment_method or DEFAULT_PAYMENT,
                      judgement=self.validate())


def complete_documents(wizard: Wizard, keys: Iterable[str] | None = None) -> None:
    """Tick every applicable document (or the given ones): used by scripted intake."""
    for doc in wizard.documents():
        if keys is None or doc.key in keys:
            wizard.set_document(doc.key, True)
