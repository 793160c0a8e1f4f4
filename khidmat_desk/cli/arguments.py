"""Argument types shared by the command lines (the counter's and the central server's)."""

from __future__ import annotations

import argparse
from datetime import date


def iso_day(text: str) -> date:
    """A ``YYYY-MM-DD`` argument; anything else is a usage error naming the value."""
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-03-14") from exc


def add_json_flag(parser: argparse.ArgumentParser, help: str = "print the result as JSON") -> None:
    """``--json``: the command prints what it would show as JSON instead of text."""
    parser.add_argument("--json", action="store_true", help=help)
