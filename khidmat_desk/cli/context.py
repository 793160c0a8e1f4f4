"""Opening a counter's data folder for one command: settings, database, tariff, signed-in user."""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from khidmat_desk.app.context import CounterContext
from khidmat_desk.app.logs import hide, setup_logging
from khidmat_desk.app.private import make_private
from khidmat_desk.app.settings import CounterSettings, DatabaseMissing, resolve_data_dir
from khidmat_desk.cli.errors import BadInput, CommandError

if TYPE_CHECKING:
    from khidmat_desk.auth.users import UserInfo

log = logging.getLogger("khidmat.cli")


class CommandContext(CounterContext):
    """The counter context of one command. A sign-in is checked when the command starts but
    recorded only when the command has succeeded, so a refused command leaves no trace."""

    def __exit__(self, *exc: object) -> None:
        try:
            if exc[1:2] in ((), (None,)) and self.user is not None:
                from khidmat_desk.auth.users import record_sign_in

                record_sign_in(self.db, self.user, via="command line")
        finally:
            self.close()


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
    make_private(data_dir)
    setup_logging(data_dir, verbose=getattr(args, "verbose", False))
    check_database_present(settings)
    return CommandContext.open(settings)


def check_database_present(settings: CounterSettings) -> None:
    """A set-up centre whose database file is gone is an error, never a new empty database."""
    try:
        settings.check_database()
    except DatabaseMissing as exc:
        raise CommandError(str(exc)) from exc


def read_password(args: argparse.Namespace, *, prompt: str = "Password: ",
                  confirm: bool = False) -> str:
    """One line from stdin with --password-stdin, else an interactive prompt (never an argument)."""
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        if not line:
            raise BadInput("--password-stdin: no password was given on standard input")
        hide(line.rstrip("\r\n"))
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise BadInput("password: no terminal to ask on; pass --password-stdin and pipe it in")
    password = getpass.getpass(prompt)
    hide(password)
    if confirm and getpass.getpass("Repeat the password: ") != password:
        raise BadInput("password: the two passwords differ")
    return password


def sign_in(ctx: CounterContext, args: argparse.Namespace) -> UserInfo:
    """The --user named with their password; failures count towards the lockout at once, the
    sign-in itself is recorded when the command has succeeded (a refused one writes nothing)."""
    from khidmat_desk.auth.users import authenticate

    if not getattr(args, "user", None):
        raise BadInput("--user: name the officer doing this")
    ctx.user = authenticate(ctx.db, args.user, read_password(args), record_success=False)
    return ctx.user


def add_auth_arguments(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    parser.add_argument("--user", required=required, metavar="NAME", help="user name")
    parser.add_argument("--password-stdin", action="store_true",
                        help="read the password from the first line of standard input")
