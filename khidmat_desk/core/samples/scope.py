"""Where a sample answer is being made: the top level of a service or one row of a group."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from khidmat_desk.core.fields import Field
from khidmat_desk.core.samples.people import Person


@dataclass
class Scope:
    fields: tuple[Field, ...]
    top: dict[str, Any] | None  # the top-level answers, for a group row
    group: str | None  # the group's key, for a group row
    values: dict[str, Any] = field(default_factory=dict)  # answers made so far
    choices: dict[str, Any] = field(default_factory=dict)  # decided before anything else
    people: dict[str, Person] = field(default_factory=dict)  # by key prefix

    def lookup(self, key: str) -> Any:
        """An answer here, a choice here, then (in a row) the top-level answer."""
        for source in (self.values, self.choices, self.top or {}):
            if key in source:
                return source[key]
        return None
