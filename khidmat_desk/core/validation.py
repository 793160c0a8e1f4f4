"""Checking a whole set of answers against a service's declarations.

One function, `validate_answers`, is the only judge of what may be saved: the wizard, the CLI's
`apply`, imports and the demo generator all call it. It normalises every value (CNIC without
dashes, mobile as +92..., dates as ISO), drops answers to fields that do not apply, and reports
each problem as an `Issue` whose message names the field in words an officer understands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from khidmat_desk.core import clock, reference, validators
from khidmat_desk.core.conditions import (
    Test,
    compile_condition,
    referenced_fields,
    resolve_date_bound,
    resolve_datetime_bound,
    resolve_int_bound,
)
from khidmat_desk.core.fields import Condition, Field, FieldType, Service
from khidmat_desk.core.issues import Issue, IssueLevel
from khidmat_desk.core.rules import check_rules
from khidmat_desk.core.validators import Checked, Finding, is_blank


@dataclass(frozen=True, eq=False)
class _Judged:
    """What a judgement was made of: the service, the day and moment it was made for, and the
    answers as they were given (their lists and objects copied, so that changing the caller's
    answers afterwards cannot change what was judged)."""

    service: Service
    answers: Mapping[str, Any]
    today: date
    now: datetime


@dataclass(frozen=True)
class ValidationResult:
    answers: dict[str, Any]
    issues: tuple[Issue, ...] = ()
    applicable: frozenset[str] = field(default_factory=frozenset)
    #: Set by `validate_answers` only; see `holds_for`.
    judged: _Judged | None = field(default=None, compare=False, repr=False)

    def holds_for(self, service: Service, answers: Mapping[str, Any], *, today: date,
                  now: datetime) -> bool:
        """Whether this is the result `validate_answers(service, answers, today=today,
        now=now)` gives, without checking again: it judged this very service's declarations
        and answers equal to these, on the same day, at this moment — or earlier, when the
        moment cannot matter: the service bounds no moment by "now", or bounds them only from
        above and nothing was found wrong (a moment not after an earlier "now" is not after
        a later one; an error may be one that time has since put right, and a lower bound may
        be passed). The save uses it to take the wizard's judgement made at the review step
        instead of repeating it."""
        judged = self.judged
        if not isinstance(judged, _Judged) or judged.service is not service \
                or judged.today != today:
            return False
        try:
            same_moment, earlier = judged.now == now, judged.now < now
        except TypeError:  # one moment with a zone, the other without
            return False
        plan = _plan_of(service)
        timeless = not plan.now_below and (not plan.now_above or self.ok)
        return (same_moment or (earlier and timeless)) and judged.answers == answers

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
    plan = _plan_of(service)
    issues: list[Issue] = [
        Issue(key, key, "is not a field of this service; remove it or check its spelling")
        for key in answers
        if key not in plan.known
    ]
    normalised: dict[str, Any] = {}
    # What conditions see: the provisional values, overridden by each value as it is checked.
    seen = _provisional(plan, answers, ctx)
    applicable: set[str] = set()
    for f in plan.fields:
        key = f.key
        if f.test is not None and not f.test(seen, None):
            seen.pop(key, None)  # a field that does not apply cannot switch others on
            continue
        applicable.add(key)
        value, found = _check_field(f, answers.get(key), ctx, normalised, key, f.label)
        if found:
            issues.extend(found)
        if value is not None:
            normalised[key] = value
            seen[key] = value
    issues.extend(check_rules(service, normalised, ctx.today, _has_error_on(issues)))
    return ValidationResult(normalised, tuple(issues), frozenset(applicable),
                            _Judged(service, _copied(answers), ctx.today, ctx.now))


def _copied(value: Any) -> Any:
    """Answers as given, their mappings and lists copied all the way down (the values inside
    are text, numbers, dates and the like, which cannot change)."""
    if isinstance(value, Mapping):
        return {key: _copied(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copied(item) for item in value]
    if isinstance(value, tuple):
        return tuple(_copied(item) for item in value)
    return value


# ---------------------------------------------------------------------------------------------
# Each service's declarations are turned once per process into what checking needs: per field
# its checker with the declared limits and options bound, and the fields conditions look at.
# The checks themselves are the `validators` functions, called with the same arguments.
# ---------------------------------------------------------------------------------------------

Check = Callable[[Any, "Context", Mapping[str, Any]], Checked]


@dataclass(frozen=True, eq=False)
class _FieldPlan:
    field: Field
    key: str
    label: str
    when: Condition | None
    #: `when` as a function of the answers (and the group row), None when always asked.
    test: Test | None
    required: bool
    is_group: bool
    is_boolean: bool
    #: A required yes/no (a declaration): it must be answered yes.
    must_confirm: bool
    check: Check
    #: Group members, and their keys.
    members: tuple[_FieldPlan, ...]
    member_keys: frozenset[str]
    #: The checker reads other answers (a police station reads its district's).
    reads_scope: bool


@dataclass(frozen=True, eq=False)
class _ServicePlan:
    fields: tuple[_FieldPlan, ...]
    known: frozenset[str]
    #: Top-level fields (not groups) that some condition looks at, in declaration order.
    looked_at: tuple[_FieldPlan, ...]
    #: Some field must come after "now", or not after it (see `ValidationResult.holds_for`).
    now_below: bool
    now_above: bool


_PLANS: dict[int, tuple[Service, _ServicePlan]] = {}
_MAX_PLANS = 256


def _plan_of(service: Service) -> _ServicePlan:
    found = _PLANS.get(id(service))
    if found is not None and found[0] is service:
        return found[1]
    plan = _make_plan(service)
    if len(_PLANS) >= _MAX_PLANS:
        _PLANS.clear()
    _PLANS[id(service)] = (service, plan)  # holding the service keeps its id from being reused
    return plan


def _make_plan(service: Service) -> _ServicePlan:
    fields = service.all_fields()
    members = [m for f in fields for m in f.fields]
    wanted = set().union(*(referenced_fields(f.when) for f in (*fields, *members)))
    plans = tuple(_field_plan(f) for f in fields)
    return _ServicePlan(
        fields=plans, known=frozenset(f.key for f in fields),
        looked_at=tuple(p for p in plans if p.key in wanted and not p.is_group),
        now_below=any(str(f.min) == "now" for f in (*fields, *members)),
        now_above=any(str(f.max) == "now" for f in (*fields, *members)))


def _field_plan(f: Field) -> _FieldPlan:
    members = tuple(_field_plan(m) for m in f.fields)
    return _FieldPlan(
        field=f, key=f.key, label=f.label, when=f.when,
        test=None if f.when is None else compile_condition(f.when), required=f.required,
        is_group=f.type is FieldType.GROUP, is_boolean=f.type is FieldType.BOOLEAN,
        must_confirm=f.type is FieldType.BOOLEAN and f.required,
        check=_checker(f), members=members, member_keys=frozenset(m.key for m in members),
        reads_scope=f.type in (FieldType.POLICE_STATION, FieldType.GROUP))


def _provisional(plan: _ServicePlan, answers: Mapping[str, Any],
                 ctx: Context) -> dict[str, Any]:
    """Normalised values of the fields that conditions look at, so a condition may look at a
    later field. Only those are checked here; every field is checked once more in order."""
    out: dict[str, Any] = {}
    for f in plan.looked_at:
        raw = answers.get(f.key)
        if not is_blank(raw):
            checked = f.check(raw, ctx, answers)
            if checked.ok:
                out[f.key] = checked.value
    return out


def _has_error_on(issues: list[Issue]) -> set[str]:
    return {i.field for i in issues if i.level == IssueLevel.ERROR}


def _check_field(
    f: _FieldPlan,
    raw: Any,
    ctx: Context,
    scope: Mapping[str, Any],
    path: str,
    label: str,
) -> tuple[Any, list[Issue]]:
    if f.is_group:
        return _check_group(f, raw, ctx, scope, path, label)
    if is_blank(raw):
        if not f.is_boolean:
            return None, [Issue(path, label, "is required")] if f.required else []
        raw = False  # an unticked box
    checked = f.check(raw, ctx, scope)
    if f.must_confirm and checked.value is False:
        return False, [Issue(path, label, "must be confirmed")]
    if not checked.findings:
        return checked.value, []
    issues = [Issue(path, label, fnd.message, fnd.level, fnd.said) for fnd in checked.findings]
    return (checked.value if checked.ok else None), issues


def _check_group(
    f: _FieldPlan, raw: Any, ctx: Context, scope: Mapping[str, Any], path: str, label: str
) -> tuple[Any, list[Issue]]:
    if is_blank(raw):
        raw = []
    if not isinstance(raw, list | tuple) or not all(isinstance(i, Mapping) for i in raw):
        return None, [Issue(path, label, "must be a list of rows")]
    rows = [row for row in raw if not all(is_blank(v) for v in row.values())]
    issues: list[Issue] = []
    group = f.field
    if len(rows) < group.min_items and (f.required or rows):
        issues.append(Issue(path, label, "needs at least one row") if group.min_items == 1 else
                      Issue.saying(path, label, "needs at least {least} rows",
                                   least=group.min_items))
    if len(rows) > group.max_items:
        issues.append(Issue.saying(path, label, "can have at most {most} rows",
                                   most=group.max_items))
    out = []
    for index, row in enumerate(rows):
        item, found = _check_item(f, row, ctx, scope, f"{path}[{index}]",
                                  f"{label}, row {index + 1}")
        issues.extend(found)
        out.append(item)
    return out, issues


def _check_item(
    group: _FieldPlan, row: Mapping[str, Any], ctx: Context, scope: Mapping[str, Any],
    path: str, label: str,
) -> tuple[dict[str, Any], list[Issue]]:
    issues = [Issue(f"{path}.{k}", f"{label}: {k}", "is not a column of this table")
              for k in row if k not in group.member_keys]
    item: dict[str, Any] = {}
    seen = dict(row)  # the row as typed, overridden by each value as it is checked
    for member in group.members:
        if member.test is not None and not member.test(scope, seen):
            continue
        value, found = _check_field(member, row.get(member.key), ctx,
                                    {**scope, **item} if member.reads_scope else scope,
                                    f"{path}.{member.key}", f"{label}: {member.label}")
        if found:
            issues.extend(found)
        if value is not None:
            item[member.key] = value
            seen[member.key] = value
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
    if not district:  # Civil Lines stands in five districts: the record names which
        return Checked(None, (Finding(IssueLevel.ERROR, "needs its district: choose the "
                                      "district first"),))
    canonical = reference.find_police_station(district, checked.value)
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

#: Bounds are resolved once per day (they are declared as text such as "today-120y").
_date_bounds = lru_cache(maxsize=1024, typed=True)(resolve_date_bound)
_int_bounds = lru_cache(maxsize=1024, typed=True)(resolve_int_bound)


def _date_bound(bound: object, today: date) -> date | None:
    try:
        return _date_bounds(bound, today)
    except TypeError:  # a bound that cannot be a key says what is wrong with it itself
        return resolve_date_bound(bound, today)


def _int_bound(bound: object, today: date) -> int | None:
    try:
        return _int_bounds(bound, today)
    except TypeError:
        return resolve_int_bound(bound, today)


def _checker(f: Field) -> Check:
    """What `check_value` does for this field, with the declaration's part worked out once."""
    kind = f.type
    if kind is FieldType.TEXT:
        low, high, pattern, hint, multiline = (f.min_length, f.effective_max_length(),
                                               f.pattern, f.pattern_hint, f.multiline)
        return lambda raw, ctx, scope: validators.check_text(
            raw, min_length=low, max_length=high, pattern=pattern, pattern_hint=hint,
            multiline=multiline)
    if kind is FieldType.URDU_TEXT:
        low, high, multiline = f.min_length, f.effective_max_length(), f.multiline
        return lambda raw, ctx, scope: validators.check_urdu_text(
            raw, min_length=low, max_length=high, multiline=multiline)
    if kind is FieldType.DATE:
        first, last = f.min, f.max
        return lambda raw, ctx, scope: validators.check_date(
            raw, min=_date_bound(first, ctx.today), max=_date_bound(last, ctx.today))
    if kind is FieldType.INTEGER:
        least, most = f.min, f.max

        def integer(raw: Any, ctx: Context, scope: Mapping[str, Any]) -> Checked:
            low, high = _int_bound(least, ctx.today), _int_bound(most, ctx.today)
            return validators.check_integer(
                raw, min=-validators.INTEGER_LIMIT if low is None else low,
                max=validators.INTEGER_LIMIT if high is None else high)
        return integer
    if kind is FieldType.MONEY:
        least, most = f.min, f.max

        def money(raw: Any, ctx: Context, scope: Mapping[str, Any]) -> Checked:
            high = _int_bound(most, ctx.today)
            return validators.check_money(raw, min=_int_bound(least, ctx.today),
                                          max=validators.MONEY_LIMIT if high is None else high)
        return money
    if kind is FieldType.ENUM:
        values = f.option_values()
        return lambda raw, ctx, scope: validators.check_enum(raw, values)
    if kind is FieldType.MULTI_ENUM:
        values = f.option_values()
        return lambda raw, ctx, scope: validators.check_multi_enum(raw, values)
    simple = _SIMPLE.get(kind)
    if simple is not None:
        return lambda raw, ctx, scope: simple(raw)
    return lambda raw, ctx, scope: check_value(f, raw, ctx, scope)


_SIMPLE: dict[FieldType, Callable[[Any], Checked]] = {
    FieldType.CNIC: validators.check_cnic,
    FieldType.MOBILE: validators.check_mobile,
    FieldType.EMAIL: validators.check_email,
    FieldType.PLATE: validators.check_plate,
    FieldType.CHASSIS: validators.check_chassis,
    FieldType.PASSPORT: validators.check_passport,
    FieldType.BOOLEAN: validators.check_boolean,
}
