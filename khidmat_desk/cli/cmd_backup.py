"""`backup` and `restore`: copies of the counter's database, and putting one back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.cli.arguments import Commands, add_command
from khidmat_desk.cli.context import add_auth_arguments, data_dir_of, read_password
from khidmat_desk.cli.errors import BadInput

if TYPE_CHECKING:
    from khidmat_desk.auth.users import UserInfo


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    backup = add_command(
        commands, common, "backup", run_backup,
        help="copy the database now (into the backups folder, or to --out FILE)")
    backup.add_argument("--out", type=Path, metavar="FILE",
                        help="write the copy here instead (in-charge: --user, --password-stdin)")
    add_auth_arguments(backup, required=False)
    restore = add_command(
        commands, common, "restore", run_restore,
        help="in-charge: put a backup back in place of the database (the counter must be "
             "closed; the replaced database is kept in the backups folder)")
    restore.add_argument("file", type=Path, metavar="FILE", help="the backup to restore")
    add_auth_arguments(restore)


def _settings(args: argparse.Namespace) -> CounterSettings:
    """The data folder's settings; the database itself is not opened (it may be damaged)."""
    from khidmat_desk.app.logs import setup_logging

    data_dir = data_dir_of(args)
    settings = CounterSettings.load(data_dir) if data_dir.is_dir() else None
    if settings is None or not settings.initialised:
        raise BadInput(f"--data-dir: no centre is set up in {data_dir}")
    setup_logging(data_dir, verbose=getattr(args, "verbose", False))
    return settings


def run_backup(args: argparse.Namespace) -> int:
    from khidmat_desk.app.backup import take_backup

    settings = _settings(args)
    by = None
    if args.out is not None:
        if args.out.exists():
            raise BadInput(f"--out: {args.out} already exists; name a new file")
        by = _signed_in(args, settings)
    path = take_backup(settings, reason="manual", out=args.out, by=by)
    sys.stdout.write(f"backup written to {path} ({path.stat().st_size:,} bytes)\n")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from khidmat_desk.app.restore import restore_backup

    settings = _settings(args)
    if not args.file.is_file():
        raise BadInput(f"FILE: {args.file} does not exist")
    result = restore_backup(settings, args.file, username=args.user,
                            password=read_password(args))
    kept = (f"; the replaced database is kept at {result.replaced_kept_at}"
            if result.replaced_kept_at else "")
    sys.stdout.write(f"restored from {result.restored_from}{kept}\n")
    if result.numbers_carried_on:
        sys.stdout.write("tracking numbers go on past those handed out before the restore: "
                         f"{result.numbers_go_on()}\n")
    recovered = result.recovered
    if result.replaced_sound:
        sys.stdout.write("the replaced database passed its check, so nothing was taken back "
                         "from it: what was saved after the backup is in the copy kept aside\n")
    elif recovered is not None and recovered.problem:
        sys.stdout.write("nothing was taken back from the replaced database "
                         f"({recovered.problem}): enter what was saved after the backup again\n")
    elif recovered is not None and not recovered.applications:
        sys.stdout.write("the replaced database held no application newer than the backup\n")
    elif recovered is not None:
        sys.stdout.write(f"taken back from the replaced database: {recovered.applications} "
                         "application(s) saved or changed after the backup, "
                         f"{recovered.queued} version(s) queued again for the central server; "
                         "check them against their papers\n")
    if not result.replaced_sound and result.backup_day and settings.get("sync_server"):
        sys.stdout.write("what this counter sent to the central server from the backup's day "
                         "on can be taken back from it: khidmat-desk sync --take-back --from "
                         f"{result.backup_day} --user {args.user}\n")
    return 0


def _signed_in(args: argparse.Namespace, settings: CounterSettings) -> UserInfo:
    from khidmat_desk.auth.users import authenticate
    from khidmat_desk.store.db import open_database

    if not args.user:
        raise BadInput("--user: a copy written elsewhere (--out) needs the in-charge")
    db = open_database(settings.database_url, backup_dir=settings.backup_dir)
    try:
        return authenticate(db, args.user, read_password(args))
    finally:
        db.dispose()
