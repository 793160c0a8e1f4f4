"""`users`: the in-charge administers accounts (list, add, roles, passwd, unlock, disable,
enable). Every action signs the in-charge in with --user and their password; a new or reset
password is asked next (with --password-stdin: the second line of standard input)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from khidmat_desk.cli.arguments import Commands, add_command, add_json_flag
from khidmat_desk.cli.context import add_auth_arguments, open_context, read_password, sign_in
from khidmat_desk.cli.errors import BadInput
from khidmat_desk.cli.output import print_json, print_table, stamp

ACTIONS = ("list", "add", "roles", "passwd", "unlock", "disable", "enable")


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    parser = add_command(
        commands, common, "users", run_users, help="administer accounts (in-charge)",
        description="list; add NAME --full-name TEXT --role R[,R]; roles NAME --role R[,R]; "
                    "passwd NAME; unlock NAME; disable NAME; enable NAME. Roles: officer, "
                    "verifier, in-charge. With --password-stdin the first line is your "
                    "password and the second the new account's password.")
    parser.add_argument("action", choices=ACTIONS)
    parser.add_argument("username", nargs="?", metavar="NAME", help="the account acted on")
    parser.add_argument("--full-name", metavar="TEXT", help="with add: the person's name")
    parser.add_argument("--role", metavar="ROLE[,ROLE]",
                        help="with add and roles: officer, verifier, in-charge")
    add_json_flag(parser, "with list: JSON")
    add_auth_arguments(parser)


def _roles(text: str | None) -> tuple[str, ...]:
    from khidmat_desk.core.workflow import ROLES

    chosen = tuple(r.strip() for r in (text or "").split(",") if r.strip())
    if not chosen:
        raise BadInput(f"--role: give one or more of {', '.join(ROLES)}, separated by commas")
    unknown = [r for r in chosen if r not in ROLES]
    if unknown:
        raise BadInput(f"--role: '{unknown[0]}' is not a role; the roles are "
                       f"{', '.join(ROLES)}")
    return chosen


def _check_arguments(args: argparse.Namespace) -> None:
    if args.action != "list" and not args.username:
        raise BadInput(f"NAME: say whose account to {args.action}")
    if args.action == "add" and not (args.full_name or "").strip():
        raise BadInput("--full-name: give the person's full name")
    if args.action in ("add", "roles"):
        _roles(args.role)
    elif args.role or args.full_name:
        raise BadInput(f"--role/--full-name: not used with '{args.action}'")


def run_users(args: argparse.Namespace) -> int:
    from khidmat_desk.app import admin

    _check_arguments(args)
    with open_context(args) as ctx:
        by = sign_in(ctx, args)
        if args.action == "list":
            _show(admin.list_accounts(ctx.db, by=by), args.json)
            return 0
        name = args.username
        if args.action == "add":
            password = read_password(args, prompt=f"Password for {name}: ", confirm=True)
            made = admin.add_user(ctx.db, by=by, username=name, full_name=args.full_name,
                                  roles=_roles(args.role), password=password)
            _said(f"added {made.username} ({', '.join(_ordered(made.roles))})")
        elif args.action == "roles":
            roles = admin.set_user_roles(ctx.db, by=by, username=name, roles=_roles(args.role))
            _said(f"{name}: {', '.join(_ordered(roles))}")
        elif args.action == "passwd":
            password = read_password(args, prompt=f"New password for {name}: ", confirm=True)
            admin.reset_password(ctx.db, by=by, username=name, new_password=password)
            _said(f"{name}: password reset")
        else:
            action = {"unlock": admin.unlock_user, "disable": admin.disable_user,
                      "enable": admin.enable_user}[args.action]
            action(ctx.db, by=by, username=name)
            _said(f"{name}: {args.action}d")
    return 0


def _ordered(roles: Any) -> list[str]:
    from khidmat_desk.core.workflow import ROLES

    return [r for r in ROLES if r in roles]


def _said(line: str) -> None:
    sys.stdout.write(line + "\n")


def _show(accounts: Any, as_json: bool) -> None:
    if as_json:
        print_json([{**_row(a), "roles": _ordered(a.roles)} for a in accounts])
        return
    print_table(("USER", "NAME", "ROLES", "STATE", "LAST SIGN-IN"), [
        (a.username, a.full_name, ",".join(_ordered(a.roles)), _state(a),
         stamp(a.last_login_at) if a.last_login_at else "-") for a in accounts])


def _row(account: Any) -> dict[str, Any]:
    return {"username": account.username, "full_name": account.full_name,
            "active": account.active, "locked_until": account.locked_until,
            "last_login_at": account.last_login_at}


def _state(account: Any) -> str:
    if not account.active:
        return "switched off"
    from datetime import UTC, datetime

    locked = account.locked_until is not None and account.locked_until > datetime.now(UTC)
    return "locked" if locked else "active"
