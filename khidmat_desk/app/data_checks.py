"""Checks of the centre's data files that need more than one layer to judge.

Layouts (`printing`) name the outputs and fields of services (`core`): a layout missing for an
output, or a misspelt field key in a layout, would otherwise drop a certificate or one of its
lines without a word. The checks run when the layouts are read, so a bad replacement file is
refused with its mistakes named instead of printing wrong documents.
"""

from __future__ import annotations

import re

from khidmat_desk.core.catalogue import all_services
from khidmat_desk.printing.document import STATEMENT_WORDS, printable_fields
from khidmat_desk.printing.templates import DocumentTemplate, TemplateError, Templates


def layout_problems(templates: Templates) -> list[str]:
    """Every output document of every service has a layout, and every field or table a layout
    names is a field of each service that issues it."""
    problems = []
    for service in all_services():
        fields = printable_fields(service)
        for output in service.outputs:
            layout = templates.documents.get(output.key)
            if layout is None:
                problems.append(f"no layout for '{output.key}' ({service.code})")
                continue
            problems += [f"layout '{output.key}' names '{key}', which is not a field of "
                         f"{service.code}" for key in _named(layout) if key not in fields]
    return problems


def _named(layout: DocumentTemplate) -> list[str]:
    """The answers a layout shows or tests: section fields and tables, {keys} in its
    statements (variants' too) and the fields a variant's condition looks at."""
    named = [key for section in layout.sections
             for key in (*section.fields, *((section.table,) if section.table else ()))]
    texts = [layout.statement, layout.statement_ur]
    for variant in layout.variants:
        named += list(variant.when)
        texts += [variant.statement or "", variant.statement_ur or ""]
    words = re.findall(r"{(\w+)}", " ".join(texts))
    return list(dict.fromkeys(named + [w for w in words if w not in STATEMENT_WORDS]))


def check_layouts(templates: Templates) -> Templates:
    """The layouts, or `TemplateError` naming every mistake found."""
    problems = layout_problems(templates)
    if problems:
        raise TemplateError("documents.json: " + "; ".join(problems))
    return templates
