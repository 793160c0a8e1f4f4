"""The whole catalogue as plain JSON-ready data, for `khidmat-desk services --json`.

Other tools generate forms and test data from this, so it says everything the validator knows:
types, bounds (relative date bounds resolved for today and also given as written), the accepted
pattern of each identifier type, conditions, rules, documents, fees and a valid example.
"""

from __future__ import annotations

from dataclasses import fields as dc_fields
from dataclasses import is_dataclass
from datetime import date
from typing import Any

from khidmat_desk.core import reference
from khidmat_desk.core.catalogue import Tariff, all_services, quote_fee, sla_days
from khidmat_desk.core.conditions import resolve_date_bound
from khidmat_desk.core.fields import Field, FieldType, Service

#: What each identifier type accepts (before normalisation), for form generators.
TYPE_PATTERNS: dict[FieldType, str] = {
    FieldType.CNIC: r"^\d{5}-?\d{7}-?\d$",
    FieldType.MOBILE: r"^(?:\+92|0092|92|0)?3\d{2}-?\d{7}$",
    FieldType.PLATE: r"^[A-Z]{1,4}[- ]?(?:\d{2}[- ])?\d{1,4}$",
    FieldType.CHASSIS: r"^[A-Z0-9-]{5,20}$",
    FieldType.FIR: r"^\d{1,5}/(\d{2}|\d{4})$",
    FieldType.PASSPORT: r"^[A-Z0-9]{5,20}$",
    FieldType.EMAIL: r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
}
#: How each type's value is stored after normalisation.
TYPE_NORMAL_FORMS: dict[FieldType, str] = {
    FieldType.CNIC: "13 digits, no dashes",
    FieldType.MOBILE: "+923XXXXXXXXX",
    FieldType.PLATE: "upper case, single dashes (LEB-8979)",
    FieldType.DATE: "YYYY-MM-DD",
    FieldType.DATETIME: "YYYY-MM-DDTHH:MM",
    FieldType.FIR: "number/4-digit year (5/2023)",
    FieldType.COUNTRY: "ISO 3166-1 alpha-2 code",
    FieldType.MONEY: "whole rupees (integer)",
}


def catalogue_json(tariff: Tariff, today: date) -> dict[str, Any]:
    return {
        "services": [service_json(s, tariff, today) for s in all_services()],
        "field_types": [t.value for t in FieldType],
        "reference": {
            "police_stations": {d.name: list(reference.police_stations(d.name))
                                for d in reference.districts()},
        },
        "as_of": today.isoformat(),
    }


def service_json(service: Service, tariff: Tariff, today: date) -> dict[str, Any]:
    quote = quote_fee(service, service.example, tariff)
    return {
        "code": service.code,
        "title": service.title,
        "title_ur": service.title_ur,
        "short_title": service.short_title,
        "group": service.group,
        "description": service.description,
        "shortcut": service.shortcut,
        "fee": {
            "rule": _plain(service.fee),
            "base": tariff.fee(service.fee.key),
            "schedule": {k: tariff.fee(k) for k in tariff.fees
                         if k == service.fee.key or k.startswith(service.fee.key + "/")},
            "example_total": quote.total,
        },
        "sla_days": sla_days(service, tariff),
        "documents": [_plain(d) for d in service.documents],
        "outputs": [_plain(o) for o in service.outputs],
        "steps": [{"key": s.key, "title": s.title, "title_ur": s.title_ur,
                   "when": _plain(s.when)} for s in service.steps],
        "fields": [field_json(f, today, step=step.key)
                   for step in service.steps for f in step.fields],
        "rules": [{"rule": type(r).__name__, **_plain(r)} for r in service.rules],
        "primary": {"cnic": service.primary_cnic, "name": service.primary_name,
                    "mobile": service.primary_mobile},
        "example": service.example,
    }


def field_json(f: Field, today: date, *, step: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"key": f.key, "type": f.type.value, "required": f.required,
                           "label": f.label, "label_ur": f.label_ur}
    if step is not None:
        out["step"] = step
    _add_bounds(out, f, today)
    max_length = f.effective_max_length()
    if max_length is not None:
        out["max_length"] = max_length
    if f.min_length is not None:
        out["min_length"] = f.min_length
    pattern = f.pattern or TYPE_PATTERNS.get(f.type)
    if pattern:
        out["pattern"] = pattern
    if f.type in TYPE_NORMAL_FORMS:
        out["stored_as"] = TYPE_NORMAL_FORMS[f.type]
    options = _options(f)
    if options is not None:
        out["options"] = options
    if f.type is FieldType.GROUP:
        out["fields"] = [field_json(m, today) for m in f.fields]
        out["min_items"], out["max_items"] = f.min_items, f.max_items
    for flag in ("multiline", "searchable_name", "confidential"):
        if getattr(f, flag):
            out[flag] = True
    if f.help:
        out["help"] = f.help
    if f.when is not None:
        out["when"] = f.when.to_json()
    return out


def _add_bounds(out: dict[str, Any], f: Field, today: date) -> None:
    for name in ("min", "max"):
        bound = getattr(f, name)
        if bound is None:
            continue
        if f.type in (FieldType.DATE, FieldType.DATETIME):
            resolved = resolve_date_bound("today" if bound == "now" else bound, today)
            out[name] = resolved.isoformat() if resolved else None
            if str(bound).startswith(("today", "now")):
                out[f"{name}_relative"] = bound
        else:
            out[name] = bound


def _options(f: Field) -> list[dict[str, str]] | None:
    if f.type in (FieldType.ENUM, FieldType.MULTI_ENUM):
        return [{"value": o.value, "label": o.label, "label_ur": o.label_ur} for o in f.options]
    if f.type is FieldType.DISTRICT:
        return [{"value": d.name, "label": d.name, "label_ur": d.name_ur}
                for d in reference.districts()]
    if f.type is FieldType.COUNTRY:
        return [{"value": c.code, "label": c.name} for c in reference.countries()]
    return None


def _plain(obj: Any) -> Any:
    """Dataclasses (conditions included) as JSON-ready dicts, dropping empty members."""
    if obj is None:
        return None
    if hasattr(obj, "to_json"):
        return obj.to_json()
    if is_dataclass(obj) and not isinstance(obj, type):
        out = {}
        for member in dc_fields(obj):
            value = getattr(obj, member.name)
            if value in (None, "", (), []):
                continue
            out[member.name] = _plain(value)
        return out
    if isinstance(obj, tuple | list):
        return [_plain(v) for v in obj]
    return obj


__all__ = ["catalogue_json", "field_json", "service_json"]
