"""Saving applications in tests the way the counter does: a counter context and an intake."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from khidmat_desk.app.context import CounterContext
from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.auth.users import UserInfo
from khidmat_desk.core.catalogue import Tariff, get_service, load_tariff
from khidmat_desk.core.intake import Intake, applicable_documents
from khidmat_desk.core.validation import validate_answers
from khidmat_desk.store.db import Database

#: A data folder that is never created: these contexts read shipped layouts only.
NO_FOLDER = Path(tempfile.gettempdir()) / "khidmat-tests-no-data-folder"


def counter_context(db: Database, user: UserInfo | None, tariff: Tariff | None = None, *,
                    centre_code: str = "LHR01", counter: int = 7,
                    data_dir: Path | None = None) -> CounterContext:
    """What a counter has open, over an existing database, with ``user`` signed in."""
    settings = CounterSettings.load(data_dir or NO_FOLDER)
    settings.set("centre_code", centre_code)
    settings.set("counter", counter)
    return CounterContext(settings, db, tariff or load_tariff(), user=user)


def required_documents(service_code: str, answers: Mapping[str, Any]) -> tuple[str, ...]:
    """The required documents of the checklist these answers call for."""
    service = get_service(service_code)
    normalised = validate_answers(service, answers).answers
    return tuple(d.key for d in applicable_documents(service, normalised) if d.required)


def intake(service_code: str, answers: Mapping[str, Any] | None = None, *,
           documents: Iterable[str] | None = None, token_no: str | None = None,
           payment_method: str = "cash") -> Intake:
    """An intake of the service's example (or ``answers``), with every required document
    received unless ``documents`` says which."""
    chosen = dict(get_service(service_code).example if answers is None else answers)
    received = required_documents(service_code, chosen) if documents is None else documents
    return Intake(service_code, chosen, tuple(received), token_no, payment_method)
