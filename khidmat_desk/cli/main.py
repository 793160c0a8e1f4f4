"""Entry point: parse arguments, run one command, turn its outcome into an exit code.

Exit 0 on success; 2 on bad input with a one-line message on stderr that names the field or
argument; 1 on any other failure. Unexpected errors are logged in full and summarised in one line.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from khidmat_desk import __version__
from khidmat_desk.cli import (
    cmd_applications,
    cmd_audit,
    cmd_backup,
    cmd_catalogue,
    cmd_centre,
    cmd_day,
    cmd_doctor,
    cmd_findings,
    cmd_gui,
    cmd_print,
    cmd_setup,
    cmd_sync,
    cmd_users,
)
from khidmat_desk.cli.errors import EXIT_BAD_INPUT, EXIT_FAILURE, CommandError, OneLineParser
from khidmat_desk.cli.translate import translate_error

log = logging.getLogger("khidmat.cli")
PROG = "khidmat-desk"


def _common_options(*, inherited: bool) -> argparse.ArgumentParser:
    """--data-dir and --verbose, accepted before the command and after it.

    A command's own copy must not default the value: argparse would then overwrite the one
    given before the command with None, and the command would run on another data folder.
    """
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR",
                        default=argparse.SUPPRESS if inherited else None,
                        help="data folder of this counter (default: $KHIDMAT_DATA_DIR or the "
                             "per-user data folder)")
    common.add_argument("--verbose", action="store_true", help="also log to stderr",
                        default=argparse.SUPPRESS if inherited else False)
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common_options(inherited=True)
    parser = OneLineParser(prog=PROG, description="Khidmat Desk counter application.",
                           parents=[_common_options(inherited=False)])
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)
    for module in (cmd_setup, cmd_catalogue, cmd_applications, cmd_centre, cmd_findings,
                   cmd_users, cmd_audit, cmd_print, cmd_sync, cmd_backup, cmd_day, cmd_doctor,
                   cmd_gui):
        module.register(commands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    broken = _not_utf8(arguments)
    if broken is not None:
        sys.stderr.write(f"{PROG}: error: argument {broken + 1} is not valid UTF-8 text; "
                         "retype it\n")
        return EXIT_BAD_INPUT
    parser = build_parser()
    args = parser.parse_args(arguments)
    if not getattr(args, "handler", None):
        args.handler = cmd_gui.run_gui  # no command: open the counter
    try:
        return int(args.handler(args) or 0)
    except CommandError as exc:
        return _fail(exc)
    except BrokenPipeError:
        # The reader went away (`... | head`): nothing left to tell anyone; exit quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        log.info("standard output was closed by the reader")
        return EXIT_FAILURE
    except KeyboardInterrupt:
        sys.stderr.write(f"{PROG}: interrupted; nothing was saved by the unfinished step\n")
        return EXIT_FAILURE
    except Exception as exc:
        known = translate_error(exc, getattr(args, "data_dir", None))
        if known is not None:
            return _fail(known)
        log.exception("unexpected error in '%s'", args.command)
        sys.stderr.write(f"{PROG}: unexpected error: {type(exc).__name__}: {exc} "
                         "(details are in the log file)\n")
        return EXIT_FAILURE


def _not_utf8(arguments: Sequence[str]) -> int | None:
    """The position of the first argument that arrived as bytes that are not UTF-8 (Python
    keeps them as lone surrogates, which cannot be printed, logged or stored)."""
    for position, argument in enumerate(arguments):
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            return position
    return None


def _fail(exc: CommandError) -> int:
    log.info("command failed (%d): %s", exc.exit_code, exc.message)
    message = " ".join(exc.message.split())
    sys.stderr.write(f"{PROG}: error: {message}\n")
    return exc.exit_code


if __name__ == "__main__":
    sys.exit(main())
