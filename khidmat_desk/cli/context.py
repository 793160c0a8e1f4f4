"""Opening a counter's data folder for one command: settings, database, tariff, signed-in user."""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from khidmat_desk.app.context import CounterContext
from khidmat_desk.app.logs import setup_logging
from khidmat_desk.app.settings import CounterSettings, resolve_data_dir
from khidmat_desk.cli.errors import BadInput

if TYPE_CHECKING:
    from khidmat_desk.auth.users import UserInfo

log = logging.getLogger("khidmat.cli")


def data_dir_of(args: argparse.Namespace) -> Path:
    return resolve_data_dir(getattr(args, "data_dir", None))


def open_context(args: argparse.Namespace) -> CounterContext:
    """The counter context (settings, database upgraded after a backup if older, tariff,
    layouts) of an initialised data folder."""
    data_dir = data_dir_of(args)
    settings = CounterSettings.load(data_dir) if data_dir.is_dir() else None
    if settings is None or not settings.initialised:
        raise BadInput(
            f"--data-dir: no centre is set up in {data_dir}; run 'khidmat-desk init ...' "
            "or 'khidmat-desk demo' first")
    setup_logging(data_dir, verbose=getattr(args, "verbose", False))
    return CounterContext.open(settings)


def read_password(args: argparse.Namespace, *, prompt: str = "Password: ",
                  confirm: bool = False) -> str:
    """One line from stdin with --password-stdin, else an interactive prompt (never an argument)."""
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        if not line:
            raise BadInput("--password-stdin: no password was given on standard input")
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise BadInput("password: no terminal to ask on; pass --password-stdin and pipe it in")
    password = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat the password: ") != password:
        raise BadInput("password: the two passwords differ")
    return password


def sign_in(ctx: CounterContext, args: argparse.Namespace) -> UserInfo:
    """The --user named with their password; failures count towards the lockout."""
    from khidmat_desk.auth.users import authenticate

    if not getattr(args, "user", None):
        raise BadInput("--user: name the officer doing this")
    ctx.user = authenticate(ctx.db, args.user, read_password(args))
    return ctx.user


def add_auth_arguments(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    parser.add_argument("--user", required=required, metavar="NAME", help="user name")
    parser.add_argument("--password-stdin", action="store_true",
                        help="read the password from the first line of standard input")
