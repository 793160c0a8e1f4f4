"""Printing results: JSON that round-trips dates, and plain aligned tables."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from typing import Any

from khidmat_desk.core import clock


def jsonable(obj: Any) -> Any:
    if is_dataclass(obj) and not isinstance(obj, type):
        return jsonable(asdict(obj))
    if isinstance(obj, dict):
        return {str(k): jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple | set | frozenset):
        return [jsonable(v) for v in obj]
    if isinstance(obj, datetime | date):
        return obj.isoformat()
    if hasattr(obj, "hex") and type(obj).__name__ == "UUID":
        return str(obj)
    return obj


def stamp(moment: datetime) -> str:
    """A stored moment as the command line shows it: centre time, sortable."""
    return clock.local(moment).strftime("%Y-%m-%d %H:%M")


def print_json(obj: Any) -> None:
    json.dump(jsonable(obj), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_result(as_json: bool, result: Any, line: str) -> None:
    """The whole result as JSON (``--json``), or the one line a person reads."""
    if as_json:
        print_json(result)
    else:
        sys.stdout.write(line + "\n")


def print_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    table = [list(header), *[list(r) for r in rows]]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for row in table:
        cells = (c.ljust(w) for c, w in zip(row, widths, strict=False))
        sys.stdout.write("  ".join(cells).rstrip() + "\n")


def warn(message: str) -> None:
    sys.stderr.write(f"warning: {message}\n")
