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
    problems += _station_problems(service.code, service.all_fields())
    return problems


def _holder_keys(service: Service) -> tuple[tuple[str, str], ...]:
    return (("primary_cnic", service.primary_cnic), ("primary_id_type", service.primary_id_type),
            ("primary_foreign_id", service.primary_foreign_id),
            ("primary_name", service.primary_name), ("primary_name_ur", service.primary_name_ur),
            ("primary_mobile", service.primary_mobile))


def _station_problems(code: str, scope: tuple[Field, ...]) -> list[str]:
    """Each police-station field follows a district field of the same scope (top level or
    one group's row)."""
    kinds = {f.key: f.type for f in scope}
    problems = []
    for f in scope:
        if f.type is FieldType.GROUP:
            problems += _station_problems(code, f.fields)
        elif f.type is FieldType.POLICE_STATION and kinds.get(f.district_field) \
                is not FieldType.DISTRICT:
            problems.append(f"{code}: police station '{f.key}' must name its district field "
                            f"(district_field='{f.district_field}' is not a district here)")
    return problems
