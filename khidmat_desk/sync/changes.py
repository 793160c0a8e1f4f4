"""Status changes from the central server (the verifying police station's decisions).

They arrive in the order the server recorded them, each with a cursor; the counter applies a
page and stores the page's cursor in one transaction, so each change is applied exactly once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from khidmat_desk.sync.errors import BadReply


@dataclass(frozen=True)
class RemoteChange:
    cursor: int
    uuid: str
    tracking_number: str
    status: str
    reason: str | None
    set_by: str
    at: datetime


@dataclass(frozen=True)
class ChangesPage:
    changes: tuple[RemoteChange, ...]
    next_cursor: int
    more: bool


class ChangeApplier(Protocol):
    """Applies a page of changes and stores ``next_cursor`` in the same transaction.

    Returns how many changes moved a local application (the rest were not this counter's
    or already there).
    """

    def __call__(self, changes: Sequence[RemoteChange], next_cursor: int) -> int: ...


def parse_changes_page(document: dict[str, Any], since: int) -> ChangesPage:
    try:
        changes = tuple(_change(item) for item in document["changes"])
        next_cursor = int(document["next"])
        more = bool(document.get("more", False))
    except (KeyError, TypeError, ValueError) as exc:
        raise BadReply(f"the central server's list of status changes could not be read "
                       f"({exc})") from exc
    if next_cursor < since or any(c.cursor <= since or c.cursor > next_cursor for c in changes):
        raise BadReply("the central server's list of status changes went backwards")
    return ChangesPage(changes, next_cursor, more)


def _change(item: dict[str, Any]) -> RemoteChange:
    at = datetime.fromisoformat(str(item["at"]))
    if at.tzinfo is None:
        raise ValueError("a change time without a time zone")
    return RemoteChange(cursor=int(item["cursor"]), uuid=str(item["uuid"]),
                        tracking_number=str(item["tracking_number"]),
                        status=str(item["status"]), reason=item.get("reason"),
                        set_by=str(item.get("set_by") or "central"), at=at)
