"""`init` (a real centre) and `demo` (a ready synthetic centre to try the counter on)."""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from khidmat_desk.app.logs import setup_logging
from khidmat_desk.app.private import make_private
from khidmat_desk.app.settings import DATABASE_FILE, CounterSettings
from khidmat_desk.cli.arguments import Commands, add_command
from khidmat_desk.cli.context import check_database_present, data_dir_of, read_password
from khidmat_desk.cli.errors import BadInput, CommandError

if TYPE_CHECKING:
    from khidmat_desk.store.db import Database

log = logging.getLogger("khidmat.cli")


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    init = add_command(
        commands, common, "init", run_init, help="set up a centre on this PC",
        description="Create the centre, this PC's counter and the first in-charge.")
    init.add_argument("--centre-code", required=True, metavar="CODE", help="e.g. LHR01")
    init.add_argument("--centre-name", required=True, metavar="NAME")
    init.add_argument("--district", required=True, metavar="DISTRICT")
    init.add_argument("--counter", required=True, type=int, metavar="N",
                      help="this PC's counter number (1-99)")
    init.add_argument("--user", required=True, metavar="NAME", help="the in-charge's user name")
    init.add_argument("--full-name", metavar="NAME", help="the in-charge's full name")
    init.add_argument("--password-stdin", action="store_true",
                      help="read the in-charge's password from standard input")
    init.add_argument("--secret-store", choices=("keyring", "file"), default="keyring",
                      help="where this counter keeps its secrets: the system keyring (default) "
                           "or, where none exists, protected files readable only by this user")

    demo = add_command(
        commands, common, "demo", run_demo, help="create a synthetic demo centre",
        description="Officers, an in-charge and applications across all services and statuses.")
    demo.add_argument("--applications", type=int, default=2000, metavar="N")
    demo.add_argument("--days", type=int, default=30, metavar="D")
    demo.add_argument("--seed", type=int, default=1, metavar="S")


def _refuse_initialised(data_dir: Path) -> None:
    settings = CounterSettings.load(data_dir) if data_dir.is_dir() else None
    if settings is not None and settings.initialised:
        raise BadInput(f"--data-dir: {data_dir} already holds centre "
                       f"{settings.get('centre_code')} (counter {settings.get('counter')}); "
                       "choose an empty folder")


def run_init(args: argparse.Namespace) -> int:
    from khidmat_desk.app.centre import CentreSetupError, check_centre_input, init_centre
    from khidmat_desk.auth.passwords import check_password_strength

    data_dir = data_dir_of(args)
    _refuse_initialised(data_dir)
    try:
        code, name, district = check_centre_input(args.centre_code, args.centre_name,
                                                  args.district, args.counter)
    except CentreSetupError as exc:
        raise BadInput(str(exc)) from exc
    password = read_password(args, prompt="In-charge password: ", confirm=True)
    problem = check_password_strength(password)
    if problem:
        raise BadInput(f"password: {problem}")
    with _created_or_removed(data_dir) as settings:
        from khidmat_desk.store.db import open_database

        make_private(data_dir)
        db = open_database(settings.database_url, backup_dir=settings.backup_dir)
        try:
            info = init_centre(db, code=code, name=name, district=district, counter=args.counter,
                               username=args.user, full_name=args.full_name or args.user,
                               password=password)
            key_id = _signing_key(db, data_dir, args.secret_store, info.code, info.in_charge)
        except (CentreSetupError, ValueError) as exc:
            raise BadInput(str(exc)) from exc
        finally:
            db.dispose()
        settings.set("centre_code", info.code)
        settings.set("counter", info.counter)
        settings.set("secret_store", args.secret_store)
        settings.save()
    setup_logging(data_dir)
    log.info("initialised centre %s in %s", info.code, data_dir)
    sys.stdout.write(f"Centre {info.code} ({info.name}, {info.district}) is ready: counter "
                     f"{info.counter}, in-charge '{info.in_charge}', signing key {key_id}. "
                     f"Data folder: {data_dir}\n")
    return 0


def _signing_key(db: Database, data_dir: Path, backend: str, centre_code: str,
                 actor: str) -> str:
    """The centre's signing key pair; a PC with no keyring fails here, before anything is kept,
    with the message naming the protected-file fallback."""
    from khidmat_desk.app.keys import ensure_signing_key
    from khidmat_desk.auth.secrets import SecretStore, SecretsUnavailable

    try:
        return ensure_signing_key(db, SecretStore(data_dir, backend), centre_code,
                                  actor=actor).key_id
    except SecretsUnavailable as exc:
        raise CommandError(str(exc)) from exc


def _demo_signing_key(db: Database, settings: CounterSettings, centre_code: str) -> str:
    """A demo centre signs too; with no keyring it uses the protected file store and says so
    (demo data is synthetic, and the setting records the choice)."""
    from khidmat_desk.app.keys import ensure_signing_key
    from khidmat_desk.auth.secrets import FILE, SecretStore, SecretsUnavailable

    backend = str(settings.get("secret_store"))
    try:
        key = ensure_signing_key(db, SecretStore(settings.data_dir, backend), centre_code,
                                 actor="demo")
        return f"signing key {key.key_id}"
    except SecretsUnavailable:
        if backend == FILE:
            raise
        log.warning("no keyring on this PC: the demo signing key goes to the protected files")
    settings.set("secret_store", FILE)
    key = ensure_signing_key(db, SecretStore(settings.data_dir, FILE), centre_code,
                             actor="demo")
    return f"signing key {key.key_id} (no keyring here: kept in protected files)"


class _created_or_removed:  # noqa: N801 - used as a context manager
    """Create the data folder's database; on failure remove whatever this command created."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.existed = data_dir.exists()
        self.before: set[Path] = set(data_dir.iterdir()) if self.existed else set()

    def __enter__(self) -> CounterSettings:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return CounterSettings.load(self.data_dir)

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        if exc is None:
            return
        if not self.existed:
            shutil.rmtree(self.data_dir, ignore_errors=True)
            return
        for path in set(self.data_dir.iterdir()) - self.before:
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)


def run_demo(args: argparse.Namespace) -> int:
    from khidmat_desk.app.demo import DEMO_CENTRE_CODE, DEMO_PASSWORDS, build_demo
    from khidmat_desk.app.demo.folder import DemoRefused, check_demo_folder
    from khidmat_desk.store.db import open_database

    if args.applications < 0 or args.days < 1:
        raise BadInput("--applications must be 0 or more and --days 1 or more")
    data_dir = data_dir_of(args)
    try:
        earlier = check_demo_folder(data_dir)
    except DemoRefused as exc:
        raise BadInput(f"--data-dir: {exc}") from exc
    started = time.perf_counter()
    with _created_or_removed(data_dir) as settings:
        make_private(data_dir)
        if earlier:
            check_database_present(settings)
        settings.set("demo", True)  # marked before anything is written
        settings.save()
        db = open_database(settings.database_url, backup_dir=settings.backup_dir)
        try:
            summary = build_demo(db, applications=args.applications, days=args.days,
                                 seed=args.seed)
            key_note = _demo_signing_key(db, settings, DEMO_CENTRE_CODE)
        finally:
            db.dispose()
        settings.set("centre_code", DEMO_CENTRE_CODE)
        settings.set("counter", 1)
        settings.save()
    setup_logging(data_dir)
    elapsed = time.perf_counter() - started
    sys.stdout.write(f"Demo centre {DEMO_CENTRE_CODE} ready in {data_dir}: {summary}, "
                     f"{key_note} ({elapsed:.1f} s)\nSign in with: "
                     + ", ".join(f"{u} / {p}" for u, p in DEMO_PASSWORDS.items()) + "\n")
    return 0


__all__ = ["DATABASE_FILE", "register"]
