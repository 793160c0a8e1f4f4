"""What a check finds wrong with an answer: the field it is about and a message for the officer.

Its own module so that field checks (`validation`) and cross-field rules (`rules`) can both
build issues without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class IssueLevel(StrEnum):
    ERROR = "error"  # stops the save
    WARNING = "warning"  # asks for a second look; the save goes on


@dataclass(frozen=True)
class Issue:
    field: str  # path: "cnic", "residences[1].to" (0-based index)
    label: str  # what the officer sees: "Districts and periods of residence, row 2: To"
    message: str
    level: IssueLevel = IssueLevel.ERROR

    def __str__(self) -> str:
        return f"{self.label}: {self.message}"

    @property
    def top_key(self) -> str:
        return self.field.split("[", 1)[0].split(".", 1)[0]
