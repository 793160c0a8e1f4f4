"""Checking a whole set of answers against a service's declarations.

One function, `validate_answers`, is the only judge of what may be saved: the wizard, the CLI's
`apply`, imports and the demo generator all call it. It normalises every value (CNIC without
dashes, mobile as +92..., dates as ISO), drops answers to fields that do not apply, and reports
each problem as an `Issue` whose message names the field in words an officer understands.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from khidmat_desk.core import clock, reference, validators
from khidmat_desk.core.conditions import (
    holds,
    referenced_fields,
    resolve_date_bound,
    resolve_datetime_bound,
    resolve_int_bound,
)
from khidmat_desk.core.fields import Field, FieldType, Service
from khidmat_desk.core.issues import Issue, IssueLevel
from khidmat_desk.core.rules import check_rules
from khidmat_desk.core.validators import Checked, Finding, is_blank


@dataclass(frozen=True)
class ValidationResult:
    answers: dict[str, Any]
    issues: tuple[Issue, ...] = ()
    applicable: frozenset[str] = field(default_factory=frozenset)

    @property
    def errors(self) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if i.level == IssueLevel.ERROR)

    @property
    def warnings(self) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if i.level == IssueLevel.WARNING)

    @property
    def ok(self) -> bool:
        return not self.errors

    def issues_for(self, keys: Iterable[str]) -> tuple[Issue, ...]:
        wanted = set(keys)
        return tuple(i for i in self.issues if i.top_key in wanted)


@dataclass(frozen=True)
class Context:
    today: date
    now: datetime


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


def check_value(f: Field, raw: Any, ctx: Context, scope: Mapping[str, Any]) -> Checked:
    """One non-blank value of a non-group field, normalised."""
    checker = _CHECKERS.get(f.type)
    if checker is None:
        raise ValueError(f"field type {f.type} has no checker")
    result: Checked = checker(f, raw, ctx, scope)
    return result


def _text(f: Field, raw: Any, ctx: Context, scope: Mapping[str, Any]) -> Checked:
    return validators.check_text(
        raw, min_length=f.min_length, max_length=f.effective_max_length(), pattern=f.pattern,
        pattern_hint=f.pattern_hint, multiline=f.multiline,
    )


def _urdu(f: Field, raw: Any, ctx: Context, scope: Mapping[str, Any]) -> Checked:
    return validators.check_urdu_text(
        raw, min_length=f.min_length, max_length=f.effective_max_length(), multiline=f.multiline
    )


def _date(f: Field, raw: Any, ctx: Context, scope: Mapping[str, Any]) -> Checked:
    return validators.check_date(
        raw, min=resolve_date_bound(f.min, ctx.today), max=resolve_date_bound(f.max, ctx.today)
    )


def _datetime(f: Field, raw: Any, ctx: Context, scope: Mapping[str, Any]) -> Checked:
    return validators.check_datetime(
        raw,
        min=resolve_datetime_bound(f.min, ctx.now, upper=False),
        max=resolve_datetime_bound(f.max, ctx.now, upper=True),
    )


def _integer(f: Field, raw: Any, ctx: Context, scope: Mapping[str, Any]) -> Checked:
    """A field declared without bounds still keeps to `validators.INTEGER_LIMIT`."""
    low, high = resolve_int_bound(f.min, ctx.today), resolve_int_bound(f.max, ctx.today)
    return validators.check_integer(
        raw, min=-validators.INTEGER_LIMIT if low is None else low,
        max=validators.INTEGER_LIMIT if high is None else high)


def _money(f: Field, raw: Any, ctx: Context, scope: Mapping[str, Any]) -> Checked:
    """A field declared without an upper bound still keeps to `validators.MONEY_LIMIT`."""
    high = resolve_int_bound(f.max, ctx.today)
    return validators.check_money(raw, min=resolve_int_bound(f.min, ctx.today),
                                  max=validators.MONEY_LIMIT if high is None else high)


def _district(f: Field, raw: Any, ctx: Context, scope: Mapping[str, Any]) -> Checked:
    found = reference.find_district(str(raw)) if isinstance(raw, str) else None
    if found is None:
        problem = Finding(IssueLevel.ERROR, "is not a district of Punjab; pick one from the list")
        return Checked(None, (problem,))
    return Checked(found.name)


def _police_station(f: Field, raw: Any, ctx: Context, scope: Mapping[str, Any]) -> Checked:
    checked = validators.check_text(raw, min_length=2, max_length=f.effective_max_length(),
                                    pattern=None, pattern_hint="", multiline=False)
    if not checked.ok:
        return checked
    district = scope.get(f.district_field)
    canonical = reference.find_police_station(district, checked.value) if district else None
    return Checked(canonical or checked.value, checked.findings)


def _country(f: Field, raw: Any, ctx: Context, scope: Mapping[str, Any]) -> Checked:
    found = reference.find_country(str(raw)) if isinstance(raw, str) else None
    if found is None:
        return Checked(None, (Finding(IssueLevel.ERROR,
                                      "is not a country; pick one from the list"),))
    return Checked(found.code)


def _options(f: Field, raw: Any, ctx: Context, scope: Mapping[str, Any]) -> Checked:
    if f.type is FieldType.MULTI_ENUM:
        return validators.check_multi_enum(raw, f.option_values())
    return validators.check_enum(raw, f.option_values())


def _simple(check: Any) -> Any:
    return lambda f, raw, ctx, scope: check(raw)


_CHECKERS: dict[FieldType, Any] = {
    FieldType.TEXT: _text,
    FieldType.URDU_TEXT: _urdu,
    FieldType.CNIC: _simple(validators.check_cnic),
    FieldType.MOBILE: _simple(validators.check_mobile),
    FieldType.EMAIL: _simple(validators.check_email),
    FieldType.DATE: _date,
    FieldType.DATETIME: _datetime,
    FieldType.ENUM: _options,
    FieldType.MULTI_ENUM: _options,
    FieldType.INTEGER: _integer,
    FieldType.MONEY: _money,
    FieldType.DISTRICT: _district,
    FieldType.POLICE_STATION: _police_station,
    FieldType.COUNTRY: _country,
    FieldType.PLATE: _simple(validators.check_plate),
    FieldType.CHASSIS: _simple(validators.check_chassis),
    FieldType.FIR: lambda f, raw, ctx, scope: validators.check_fir(raw, today=ctx.today),
    FieldType.PASSPORT: _simple(validators.check_passport),
    FieldType.BOOLEAN: _simple(validators.check_boolean),
}
