"""Cross-field rules: checks that need more than one answer (end after start, age, CNIC parity).

Rules only judge answers that are present and valid on their own, so an officer sees one
message per problem rather than a cascade.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, datetime
from typing import Any

from khidmat_desk.core import validators
from khidmat_desk.core.conditions import holds
from khidmat_desk.core.fields import (
    AgeRange,
    AtLeastOne,
    CheckDigit,
    CnicGender,
    DateOrder,
    DateWithin,
    Different,
    Field,
    Periods,
    Recent,
    Rule,
    Service,
)
from khidmat_desk.core.issues import Issue, IssueLevel


def check_rules(
    service: Service, answers: Mapping[str, Any], today: date, errored: set[str]
) -> list[Issue]:
    fields = service.fields_by_key
    issues: list[Issue] = []
    for rule in service.rules:
        issues.extend(_check(rule, answers, fields, today, errored))
    return issues


def _issue(path: str, label: str, template: str,
           level: IssueLevel = IssueLevel.ERROR, **args: Any) -> Issue:
    """An issue in words the officer's language can carry: ``template`` is never an f-string;
    its arguments fill it (a field label or a service's own sentence is translated too)."""
    return Issue.saying(path, label, template, level, **args)


def _scopes(
    group: str | None, answers: Mapping[str, Any], fields: Mapping[str, Field]
) -> Iterator[tuple[str, str, Mapping[str, Any], Mapping[str, Field]]]:
    """(path prefix, label prefix, values, field map) for the top level or each group row."""
    if group is None:
        yield "", "", answers, fields
        return
    group_field = fields[group]
    members = {m.key: m for m in group_field.fields}
    for index, row in enumerate(answers.get(group) or []):
        yield (f"{group}[{index}].", f"{group_field.label}, row {index + 1}: ", row, members)


def _check(
    rule: Rule, answers: Mapping[str, Any], fields: Mapping[str, Field], today: date,
    errored: set[str],
) -> list[Issue]:
    if isinstance(rule, DateOrder):
        return _date_order(rule, answers, fields, errored)
    if isinstance(rule, AgeRange):
        return _age_range(rule, answers, fields, today)
    if isinstance(rule, CnicGender):
        return _cnic_gender(rule, answers, fields)
    if isinstance(rule, Different):
        return _different(rule, answers, fields)
    if isinstance(rule, AtLeastOne):
        return _at_least_one(rule, answers, fields)
    if isinstance(rule, DateWithin):
        return _date_within(rule, answers, fields)
    if isinstance(rule, Periods):
        return _periods(rule, answers, fields, errored)
    if isinstance(rule, CheckDigit):
        return _check_digit(rule, answers, fields, errored)
    if isinstance(rule, Recent):
        return _recent(rule, answers, fields, today, errored)
    raise TypeError(f"unknown rule {rule!r}")


def _shown(value: str) -> str:
    """A stored ISO date or moment as the counter shows it (DD-MM-YYYY [HH:MM])."""
    moment = _as_moment(value)
    day = validators.show_date(moment.date())
    return f"{day} {moment:%H:%M}" if "T" in value else day


def _as_moment(value: str) -> datetime:
    return datetime.fromisoformat(value if "T" in value else value + "T00:00")


def _date_order(rule: DateOrder, answers: Mapping[str, Any], fields: Mapping[str, Field],
                errored: set[str]) -> list[Issue]:
    out = []
    for path, label, values, fmap in _scopes(rule.group, answers, fields):
        start, end = values.get(rule.start), values.get(rule.end)
        if start is None or end is None or not holds(rule.when, answers, values):
            continue
        if f"{path}{rule.end}" in errored or f"{path}{rule.start}" in errored:
            continue
        first, last = _as_moment(start), _as_moment(end)
        bad = last <= first if rule.strict else last < first
        if bad:
            template = "must be after {other} ({date})" if rule.strict \
                else "must not be before {other} ({date})"
            out.append(_issue(f"{path}{rule.end}", f"{label}{fmap[rule.end].label}", template,
                              other=fmap[rule.start].label, date=_shown(start)))
    return out


#: An age outside a rule's range, with the rule's own reason after it when it gives one.
_TOO_YOUNG = "the person must be at least {years} years old (is {age})."
_TOO_YOUNG_WHY = "the person must be at least {years} years old (is {age}). {reason}"
_TOO_OLD = "the person must be at most {years} years old (is {age})."
_TOO_OLD_WHY = "the person must be at most {years} years old (is {age}). {reason}"


def _age_range(rule: AgeRange, answers: Mapping[str, Any], fields: Mapping[str, Field],
               today: date) -> list[Issue]:
    born = answers.get(rule.dob)
    if born is None or not holds(rule.when, answers):
        return []
    age = validators.age_on(date.fromisoformat(born), today)
    label = fields[rule.dob].label
    why: dict[str, Any] = {"reason": rule.reason} if rule.reason else {}
    if rule.min_years is not None and age < rule.min_years:
        return [_issue(rule.dob, label, _TOO_YOUNG_WHY if rule.reason else _TOO_YOUNG,
                       years=rule.min_years, age=age, **why)]
    if rule.max_years is not None and age > rule.max_years:
        return [_issue(rule.dob, label, _TOO_OLD_WHY if rule.reason else _TOO_OLD,
                       years=rule.max_years, age=age, **why)]
    return []


def _cnic_gender(rule: CnicGender, answers: Mapping[str, Any],
                 fields: Mapping[str, Field]) -> list[Issue]:
    out = []
    for path, label, values, fmap in _scopes(rule.group, answers, fields):
        cnic, gender = values.get(rule.cnic), values.get(rule.gender)
        if not cnic or gender not in ("male", "female"):
            continue
        implied = validators.cnic_gender(cnic)
        if implied != gender:
            template = ("the last digit is odd, which NADRA gives to men, but the gender chosen "
                        "is female; check both") if implied == "male" else (
                "the last digit is even, which NADRA gives to women, but the gender chosen is "
                "male; check both")
            out.append(_issue(f"{path}{rule.cnic}", f"{label}{fmap[rule.cnic].label}",
                              template, IssueLevel.WARNING))
    return out


def _different(rule: Different, answers: Mapping[str, Any],
               fields: Mapping[str, Field]) -> list[Issue]:
    first, second = answers.get(rule.first), answers.get(rule.second)
    if first is None or first != second:
        return []
    if rule.message:
        return [_issue(rule.second, fields[rule.second].label, rule.message, rule.level)]
    return [_issue(rule.second, fields[rule.second].label, "must not be the same as {other}",
                   rule.level, other=fields[rule.first].label)]


def _at_least_one(rule: AtLeastOne, answers: Mapping[str, Any],
                  fields: Mapping[str, Field]) -> list[Issue]:
    answered = any(not validators.is_blank(answers.get(k)) for k in rule.keys)
    if not holds(rule.when, answers) or answered:
        return []
    first = fields[rule.keys[0]].label
    if rule.message:
        return [_issue(rule.keys[0], first, rule.message)]
    if len(rule.keys) == 1:
        return [_issue(rule.keys[0], first, "give {one}", one=first)]
    return [_issue(rule.keys[0], first, "give {one} or {other}", one=first,
                   other=" / ".join(fields[k].label for k in rule.keys[1:]))]


def _date_within(rule: DateWithin, answers: Mapping[str, Any],
                 fields: Mapping[str, Field]) -> list[Issue]:
    value, other = answers.get(rule.field), answers.get(rule.other)
    if value is None or other is None or not holds(rule.when, answers):
        return []
    days = (_as_moment(value) - _as_moment(other)).days
    too_early = rule.min_days is not None and days < rule.min_days
    too_late = rule.max_days is not None and days > rule.max_days
    if not (too_early or too_late):
        return []
    label, other_label = fields[rule.field].label, fields[rule.other].label
    if rule.message:
        return [_issue(rule.field, label, rule.message)]
    if too_early:
        return [_issue(rule.field, label, "must be at least {days} days after {other}",
                       days=rule.min_days, other=other_label)]
    return [_issue(rule.field, label, "must be at most {days} days after {other}",
                   days=rule.max_days, other=other_label)]


def _periods(rule: Periods, answers: Mapping[str, Any], fields: Mapping[str, Field],
             errored: set[str]) -> list[Issue]:
    born_text = answers.get(rule.dob) if rule.dob else None
    born = date.fromisoformat(born_text) if born_text and rule.dob not in errored else None
    out: list[Issue] = []
    seen: list[tuple[date, date, str]] = []
    for path, label, values, fmap in _scopes(rule.group, answers, fields):
        start, end = values.get(rule.start), values.get(rule.end)
        if start is None or f"{path}{rule.start}" in errored:
            continue
        first = _as_moment(start).date()
        last = _as_moment(end).date() if end and f"{path}{rule.end}" not in errored else first
        where = f"{label}{fmap[rule.start].label}"
        if born is not None and first < born:
            out.append(_issue(f"{path}{rule.start}", where,
                              "is before the date of birth ({born}); check the dates with the "
                              "citizen", rule.level, born=validators.show_date(born)))
        for other_first, other_last, other_label in seen:
            if first < other_last and other_first < last:  # a shared moving day is fine
                out.append(_issue(f"{path}{rule.start}", where,
                                  "overlaps {other} ({first} to {last}); check the dates with "
                                  "the citizen", rule.level, other=other_label.rstrip(": "),
                                  first=validators.show_date(other_first),
                                  last=validators.show_date(other_last)))
                break
        if last >= first:
            seen.append((first, last, label))
    return out


def luhn_ok(digits: str) -> bool:
    """The Luhn check used by IMEI numbers (and card numbers)."""
    if not digits.isdigit():
        return False
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def luhn_digit(body: str) -> str:
    """The digit that completes ``body`` so `luhn_ok` holds (the 15th digit of an IMEI)."""
    return next(d for d in "0123456789" if luhn_ok(body + d))


def _check_digit(rule: CheckDigit, answers: Mapping[str, Any], fields: Mapping[str, Field],
                 errored: set[str]) -> list[Issue]:
    if rule.scheme != "luhn":
        raise ValueError(f"unknown check-digit scheme {rule.scheme!r}")
    out: list[Issue] = []
    for path, label, values, fmap in _scopes(rule.group, answers, fields):
        value = values.get(rule.field)
        if not value or f"{path}{rule.field}" in errored:
            continue
        if not luhn_ok(str(value)):
            out.append(_issue(f"{path}{rule.field}", f"{label}{fmap[rule.field].label}",
                              "has a wrong check digit (the last one); a digit was probably "
                              "mistyped: read it again from the box or by dialling *#06#"))
    return out


def _recent(rule: Recent, answers: Mapping[str, Any], fields: Mapping[str, Field],
            today: date, errored: set[str]) -> list[Issue]:
    from khidmat_desk.core.conditions import resolve_date_bound

    value = answers.get(rule.field)
    if value is None or rule.field in errored or not holds(rule.when, answers):
        return []
    since = resolve_date_bound(rule.since, today)
    if since is None or _as_moment(value).date() >= since:
        return []
    return [_issue(rule.field, fields[rule.field].label, rule.message, rule.level)]
