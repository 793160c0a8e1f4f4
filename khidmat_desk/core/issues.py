"""What a check finds wrong with an answer: the field it is about and a message for the officer.

Its own module so that field checks (`validation`) and cross-field rules (`rules`) can both
build issues without importing each other.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class IssueLevel(StrEnum):
    ERROR = "error"  # stops the save
    WARNING = "warning"  # asks for a second look; the save goes on


@dataclass(frozen=True)
class Said:
    """A message as a template and its arguments, so a screen can say it in the officer's
    language: the English template is the key of its translation (a changed wording needs a
    new translation, which the translation test asks for)."""

    template: str
    args: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, template: str, args: Mapping[str, Any] | None = None) -> Said:
        return cls(template, tuple((k, str(v)) for k, v in (args or {}).items()))

    def __str__(self) -> str:
        return self.template.format(**dict(self.args)) if self.args else self.template


@dataclass(frozen=True)
class Issue:
    field: str  # path: "cnic", "residences[1].to" (0-based index)
    label: str  # what the officer sees: "Districts and periods of residence, row 2: To"
    message: str
    level: IssueLevel = IssueLevel.ERROR
    said: Said | None = None  # the message's template and arguments (None: the message itself)

    @classmethod
    def saying(cls, field: str, label: str, template: str, level: IssueLevel = IssueLevel.ERROR,
               **args: Any) -> Issue:
        said = Said.of(template, args)
        return cls(field, label, str(said), level, said)

    @property
    def template(self) -> Said:
        return self.said or Said(self.message)

    def __str__(self) -> str:
        return f"{self.label}: {self.message}"

    @property
    def top_key(self) -> str:
        return self.field.split("[", 1)[0].split(".", 1)[0]
