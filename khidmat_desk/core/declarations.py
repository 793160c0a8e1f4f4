"""Conventions a service declares, checked when its module is loaded.

Code reads these names instead of slicing keys ("the district of ``x_police_station`` is
``x_district``"); a misspelt name in a declaration would otherwise lose a line from a
certificate or a list of police stations without a word.
"""

from __future__ import annotations

from khidmat_desk.core.fields import Field, FieldType, Service


def declaration_problems(service: Service) -> list[str]:
    """What is wrong with the service's declared names; empty when all is well."""
    fields = service.field_map()
    problems = [f"{service.code}: {name} names '{key}', which is not one of its fields"
                for name, key in _holder_keys(service) if key not in fields]
    problems += _link_problems(service.code, service.all_fields())
    problems += [f"{service.code}: field '{f.key}' is copied from '{f.same_as}', which is no "
                 f"{f.type.value} field of the service" for f in service.all_fields()
                 if f.same_as and (fields.get(f.same_as) is None
                                   or fields[f.same_as].type is not f.type)]
    return problems


def _holder_keys(service: Service) -> tuple[tuple[str, str], ...]:
    return (("primary_cnic", service.primary_cnic), ("primary_id_type", service.primary_id_type),
            ("primary_foreign_id", service.primary_foreign_id),
            ("primary_name", service.primary_name), ("primary_name_ur", service.primary_name_ur),
            ("primary_mobile", service.primary_mobile))


#: Links a field declares to another field of its scope: (the link, the kind of field that
#: must declare it (None: any field that sets it), what the linked field must be, its name).
_LINKS: tuple[tuple[str, FieldType | None, FieldType, str], ...] = (
    ("district_field", FieldType.POLICE_STATION, FieldType.DISTRICT, "district"),
    ("id_type_field", None, FieldType.ENUM, "identity document"),
    ("guardian_field", None, FieldType.TEXT, "guardian's name"),
    ("province_field", None, FieldType.ENUM, "province"),
)


def _link_problems(code: str, scope: tuple[Field, ...]) -> list[str]:
    """Each declared link names a field of the right kind in the same scope (top level or one
    group's row); a police station always names its district field."""
    kinds = {f.key: f.type for f in scope}
    problems = []
    for f in scope:
        if f.type is FieldType.GROUP:
            problems += _link_problems(code, f.fields)
            continue
        for link, owner, target, name in _LINKS:
            value = getattr(f, link)
            if (f.type is owner or (owner is None and value)) and kinds.get(value) is not target:
                what = "police station" if owner is FieldType.POLICE_STATION else "field"
                problems.append(f"{code}: {what} '{f.key}' must name its {name} field "
                                f"({link}='{value}' is no {name} field here)")
    return problems
