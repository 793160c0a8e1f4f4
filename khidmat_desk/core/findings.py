"""The police finding: which record statuses a service's verifier may record, and the rules a
finding must meet before it is saved.

The statuses and their printed wording are data (``resources/data/record_statuses.json``,
replaceable by a centre's own file of the same name in its data folder): the labels the
province uses have changed before and will change again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from khidmat_desk.core import reference, validators
from khidmat_desk.core.workflow import FINDING_STATUSES, LABELS, REJECTED, VERIFIED
from khidmat_desk.errors import KnownError

RECORD_STATUSES_FILE = "record_statuses.json"
DEFAULT_KIND = "default"
MAX_REFERENCE = 80
MAX_REMARK = 1000
#: How a status's reference is checked.
REFERENCE_RULES = ("required", "optional", "fir")


class FindingError(KnownError, ValueError):
    """A finding that breaks a rule; ``str()`` names the field and what to type instead, and
    ``field`` is that field's answer key ("" for the record-status file itself)."""

    bad_input = True
    field: str = ""


def _wrong(field: str, template: str, **args: Any) -> FindingError:
    """The error for one field of a finding, in words the counter can translate."""
    error = FindingError.told(template, **args)
    error.field = field
    return error


@dataclass(frozen=True)
class RecordStatus:
    key: str
    label: str
    label_ur: str
    outcomes: tuple[str, ...]
    reference: str  # one of REFERENCE_RULES
    statement: str
    statement_ur: str


@dataclass(frozen=True)
class FindingKind:
    key: str
    reference_label: str
    reference_label_ur: str
    statuses: tuple[RecordStatus, ...]
    status_label: str = "Record status"
    status_label_ur: str = "ریکارڈ کی حیثیت"

    def status(self, key: str) -> RecordStatus | None:
        return next((s for s in self.statuses if s.key == key), None)

    def for_outcome(self, outcome: str) -> tuple[RecordStatus, ...]:
        return tuple(s for s in self.statuses if outcome in s.outcomes)


@dataclass(frozen=True)
class FindingFacts:
    """A recorded finding, as the sync record carries it (`sync.protocol.RecordFinding`)."""

    outcome: str
    record_status: str
    record_status_label: str
    reference: str
    reference_date: date | None
    remark: str
    recorded_by: str  # user name
    recorded_at: datetime
    override_reason: str | None  # the in-charge deciding on their own intake, and why
    version: int


@dataclass(frozen=True)
class FindingInfo(FindingFacts):
    """A recorded finding, as the application view and printing see it."""

    recorded_by_name: str = field(kw_only=True)


@dataclass(frozen=True)
class CheckedFinding:
    outcome: str
    status: RecordStatus
    reference: str
    reference_date: date | None
    remark: str


def _parse_status(kind: str, entry: dict[str, Any]) -> RecordStatus:
    outcomes = tuple(entry.get("outcomes") or (VERIFIED, REJECTED))
    rule = entry.get("reference", "required")
    if set(outcomes) - FINDING_STATUSES or rule not in REFERENCE_RULES:
        raise FindingError(f"{RECORD_STATUSES_FILE}: status '{entry.get('key')}' of '{kind}' "
                           f"has outcomes {list(outcomes)} or reference '{rule}' not allowed")
    return RecordStatus(key=str(entry["key"]), label=str(entry["label"]),
                        label_ur=str(entry.get("label_ur", "")), outcomes=outcomes,
                        reference=rule, statement=str(entry.get("statement", "")),
                        statement_ur=str(entry.get("statement_ur", "")))


@cache
def _catalogue(path: Path) -> tuple[dict[str, str], dict[str, FindingKind]]:
    try:
        data = json.loads(path.read_text("utf-8"))
        kinds = {key: FindingKind(key, str(k.get("reference_label", "Reference")),
                                  str(k.get("reference_label_ur", "")),
                                  tuple(_parse_status(key, s) for s in k["statuses"]),
                                  str(k.get("status_label", "Record status")),
                                  str(k.get("status_label_ur", "ریکارڈ کی حیثیت")))
                 for key, k in data["kinds"].items()}
        services = {str(code): str(kind) for code, kind in data.get("services", {}).items()}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise FindingError(f"{path}: not a readable list of record statuses ({exc})") from exc
    missing = sorted({*services.values(), DEFAULT_KIND} - set(kinds))
    if missing:
        raise FindingError(f"{path}: no kind '{missing[0]}' is described")
    return services, kinds


def finding_kind(service_code: str) -> FindingKind:
    """The record statuses a verifier chooses from for this service."""
    services, kinds = _catalogue(reference.data_file(RECORD_STATUSES_FILE))
    return kinds[services.get(service_code, DEFAULT_KIND)]


def check_finding(service_code: str, *, outcome: str, record_status: str, reference_no: str,
                  reference_date: date | None, remark: str, today: date) -> CheckedFinding:
    """The finding cleaned up, or `FindingError` naming the first thing to correct."""
    if outcome not in FINDING_STATUSES:
        raise _wrong("outcome", "outcome: '{outcome}' is not a finding; it is '{verified}' "
                     "or '{rejected}'.", outcome=outcome, verified=VERIFIED, rejected=REJECTED)
    kind = finding_kind(service_code)
    status = kind.status(record_status)
    allowed = kind.for_outcome(outcome)
    if status is None or status not in allowed:
        names = ", ".join(f"'{s.key}' ({s.label})" for s in allowed)
        raise _wrong("record_status", "record status: '{status}' cannot be recorded as "
                     "{outcome} here; choose one of: {names}.", status=record_status,
                     outcome=LABELS[outcome], names=names)
    text = " ".join(reference_no.split())
    if status.reference == "fir":
        text = _fir(text, today)
    elif status.reference == "required" and not text:
        raise _wrong("reference", "reference: type the {what} the finding comes from.",
                     what=kind.reference_label)
    if len(text) > MAX_REFERENCE:
        raise _wrong("reference", "reference: at most {count} characters.",
                     count=MAX_REFERENCE)
    if reference_date is not None and reference_date > today:
        raise _wrong("reference_date", "reference date: cannot be later than today.")
    note = remark.strip()
    if outcome == REJECTED and not note:
        raise _wrong("remark", "remark: a rejection needs the reason, which is printed on "
                     "the letter to the citizen.")
    if len(note) > MAX_REMARK:
        raise _wrong("remark", "remark: at most {count} characters.", count=MAX_REMARK)
    return CheckedFinding(outcome, status, text, reference_date, note)


def _fir(text: str, today: date) -> str:
    checked = validators.check_fir(text, today=today)
    if not checked.ok or checked.value is None:
        problem = next((str(f.message) for f in checked.findings), "number is missing")
        raise _wrong("reference", "reference: the FIR no./year {problem}.", problem=problem)
    return str(checked.value)


def printed_statement(status: RecordStatus, finding: FindingInfo, *, urdu: bool = False) -> str:
    """The status's wording with the reference filled in."""
    text = status.statement_ur if urdu else status.statement
    when = finding.reference_date.strftime("%d-%m-%Y") if finding.reference_date else ""
    return text.replace("{reference}", finding.reference or "—").replace("{reference_date}",
                                                                         when)
