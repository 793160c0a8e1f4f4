"""What one application brings to the counter: the answers, the documents received, the queue
token and how the fee was paid. The wizard produces it; `submit_application` saves it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from khidmat_desk.core.conditions import holds
from khidmat_desk.core.fields import DocumentRequirement, Service
from khidmat_desk.core.issues import Issue

if TYPE_CHECKING:
    from khidmat_desk.core.validation import ValidationResult

DEFAULT_PAYMENT = "cash"


@dataclass(frozen=True)
class Intake:
    service_code: str
    answers: Mapping[str, Any]
    documents_received: tuple[str, ...] = ()
    token_no: str | None = None
    payment_method: str = DEFAULT_PAYMENT
    #: The wizard's judgement of these answers at its review step: the save takes it instead
    #: of checking again when it holds for them (`ValidationResult.holds_for`), else checks.
    judgement: ValidationResult | None = field(default=None, compare=False, repr=False)


def applicable_documents(service: Service,
                         answers: Mapping[str, Any]) -> tuple[DocumentRequirement, ...]:
    """The checklist for these (normalised) answers: documents whose condition holds."""
    return tuple(d for d in service.documents if holds(d.when, answers))


def missing_documents(service: Service, answers: Mapping[str, Any],
                      received: Collection[str]) -> tuple[Issue, ...]:
    """One issue for each required document of the checklist that was not received."""
    return tuple(Issue(f"documents.{d.key}", d.label, "has not been received")
                 for d in applicable_documents(service, answers)
                 if d.required and d.key not in received)
