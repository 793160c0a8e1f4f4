"""Argument types shared by the command lines (the counter's and the central server's)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import TypeAlias


def iso_day(text: str) -> date:
    """A ``YYYY-MM-DD`` argument; anything else is a usage error naming the value."""
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-03-14") from exc


def add_json_flag(parser: argparse.ArgumentParser, help: str = "print the result as JSON") -> None:
    """``--json``: the command prints what it would show as JSON instead of text."""
    parser.add_argument("--json", action="store_true", help=help)


#: Where sub-commands are added: the command line's, or a command's own actions.
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
#: What a command runs: the parsed arguments in, the exit code out.
Handler = Callable[[argparse.Namespace], int]


def add_command(commands: Commands, common: argparse.ArgumentParser, name: str,
                handler: Handler, *, help: str,
                description: str | None = None) -> argparse.ArgumentParser:
    """A command with the options every command takes (`common`) that runs `handler`."""
    parser = commands.add_parser(name, parents=[common], help=help, description=description)
    parser.set_defaults(handler=handler)
    return parser


def add_command_group(commands: Commands, common: argparse.ArgumentParser, name: str, *,
                      help: str, dest: str, metavar: str = "ACTION",
                      description: str | None = None) -> Commands:
    """A command that only groups others (``audit verify``, ``token add``): one must be named."""
    group = commands.add_parser(name, parents=[common], help=help, description=description)
    return group.add_subparsers(dest=dest, metavar=metavar, required=True)
