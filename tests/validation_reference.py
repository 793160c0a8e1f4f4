"""The checking of answers as `core.validation` did it before its per-service plans: every
declaration read afresh on every call. Kept only as the yardstick the plans are compared with
(tests/test_validation_plans.py); the checkers themselves are the module's own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from khidmat_desk.core import clock
from khidmat_desk.core.conditions import holds, referenced_fields
from khidmat_desk.core.fields import Field, FieldType, Service
from khidmat_desk.core.issues import Issue, IssueLevel
from khidmat_desk.core.rules import check_rules
from khidmat_desk.core.validation import Context, ValidationResult, check_value
from khidmat_desk.core.validators import is_blank


def validate_answers(
    service: Service,
    answers: Mapping[str, Any],
    *,
    today: date | None = None,
    now: datetime | None = None,
) -> ValidationResult:
    if not isinstance(answers, Mapping):
        issue = Issue("", "Answers", "must be an object of field names and values")
        return ValidationResult(answers={}, issues=(issue,))
    now = now or clock.wall_now()
    ctx = Context(today=today or now.date(), now=now)
    fields = service.all_fields()
    known = {f.key for f in fields}
    issues: list[Issue] = [
        Issue(key, key, "is not a field of this service; remove it or check its spelling")
        for key in answers
        if key not in known
    ]
    normalised: dict[str, Any] = {}
    provisional = _provisional(fields, answers, ctx)
    applicable: set[str] = set()
    for f in fields:
        if f.when is not None and not holds(f.when, {**provisional, **normalised}):
            provisional.pop(f.key, None)  # a field that does not apply cannot switch others on
            continue
        applicable.add(f.key)
        value, found = _check_field(f, answers.get(f.key), ctx, normalised, f.key, f.label)
        issues.extend(found)
        if value is not None:
            normalised[f.key] = value
    issues.extend(check_rules(service, normalised, ctx.today, _has_error_on(issues)))
    return ValidationResult(normalised, tuple(issues), frozenset(applicable))


def _provisional(fields: Iterable[Field], answers: Mapping[str, Any],
                 ctx: Context) -> dict[str, Any]:
    """Normalised values of the fields that conditions look at, so a condition may look at a
    later field. Only those are checked here; every field is checked once more in order."""
    fields = tuple(fields)
    members = [m for f in fields for m in f.fields]
    wanted = set().union(*(referenced_fields(f.when) for f in (*fields, *members)))
    out: dict[str, Any] = {}
    for f in fields:
        if f.key in wanted and f.type is not FieldType.GROUP and not is_blank(answers.get(f.key)):
            checked = check_value(f, answers.get(f.key), ctx, answers)
            if checked.ok:
                out[f.key] = checked.value
    return out


def _has_error_on(issues: list[Issue]) -> set[str]:
    return {i.field for i in issues if i.level == IssueLevel.ERROR}


def _check_field(
    f: Field,
    raw: Any,
    ctx: Context,
    scope: Mapping[str, Any],
    path: str,
    label: str,
) -> tuple[Any, list[Issue]]:
    if f.type is FieldType.GROUP:
        return _check_group(f, raw, ctx, scope, path, label)
    if f.type is FieldType.BOOLEAN and is_blank(raw):
        raw = False
    if is_blank(raw):
        if f.required:
            return None, [Issue(path, label, "is required")]
        return None, []
    checked = check_value(f, raw, ctx, scope)
    if f.type is FieldType.BOOLEAN and f.required and checked.value is False:
        return False, [Issue(path, label, "must be confirmed")]
    issues = [Issue(path, label, fnd.message, fnd.level, fnd.said) for fnd in checked.findings]
    return (checked.value if checked.ok else None), issues


def _check_group(
    f: Field, raw: Any, ctx: Context, scope: Mapping[str, Any], path: str, label: str
) -> tuple[Any, list[Issue]]:
    if is_blank(raw):
        raw = []
    if not isinstance(raw, list | tuple) or not all(isinstance(i, Mapping) for i in raw):
        return None, [Issue(path, label, "must be a list of rows")]
    rows = [row for row in raw if not all(is_blank(v) for v in row.values())]
    issues: list[Issue] = []
    if len(rows) < f.min_items and (f.required or rows):
        issues.append(Issue(path, label, "needs at least one row") if f.min_items == 1 else
                      Issue.saying(path, label, "needs at least {least} rows",
                                   least=f.min_items))
    if len(rows) > f.max_items:
        issues.append(Issue.saying(path, label, "can have at most {most} rows",
                                   most=f.max_items))
    out = []
    for index, row in enumerate(rows):
        item, found = _check_item(f, row, ctx, scope, f"{path}[{index}]",
                                  f"{label}, row {index + 1}")
        issues.extend(found)
        out.append(item)
    return out, issues


def _check_item(
    group: Field, row: Mapping[str, Any], ctx: Context, scope: Mapping[str, Any], path: str,
    label: str,
) -> tuple[dict[str, Any], list[Issue]]:
    known = {m.key for m in group.fields}
    issues = [Issue(f"{path}.{k}", f"{label}: {k}", "is not a column of this table")
              for k in row if k not in known]
    item: dict[str, Any] = {}
    for member in group.fields:
        if member.when is not None and not holds(member.when, scope, {**row, **item}):
            continue
        value, found = _check_field(member, row.get(member.key), ctx, {**scope, **item},
                                    f"{path}.{member.key}", f"{label}: {member.label}")
        issues.extend(found)
        if value is not None:
            item[member.key] = value
    return item, issues
