"""`sync` (set up, once, forever, verify, take back, quarantine) and `export --format bundle`.

`sync --once` exits 0 when the outbox is empty afterwards and 3 when entries remain
(offline, backing off, or set aside). `sync --verify` exits 0 only when the server holds
every record version of the day.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from khidmat_desk.app.context import CounterContext
from khidmat_desk.cli.arguments import Commands, add_command, iso_day
from khidmat_desk.cli.context import add_auth_arguments, open_context, sign_in
from khidmat_desk.cli.errors import BadInput, CommandError
from khidmat_desk.core import clock

if TYPE_CHECKING:
    from khidmat_desk.sync.status import SyncReport

EXIT_ENTRIES_REMAIN = 3
#: How far back ``sync --take-back`` reaches when it is not told.
TAKE_BACK_DAYS = 30


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    sync = add_command(commands, common, "sync", run_sync, help="send records to the central "
                       "server and fetch status changes (runs until stopped)")
    mode = sync.add_mutually_exclusive_group()
    mode.add_argument("--setup", action="store_true", help="store the server and token")
    mode.add_argument("--once", action="store_true", help="one pass, then a summary line")
    mode.add_argument("--verify", action="store_true",
                      help="check the server holds every record of a day")
    mode.add_argument("--take-back", action="store_true",
                      help="take back from the server the applications this counter sent, "
                           "after its database was lost (in-charge)")
    mode.add_argument("--quarantined", action="store_true",
                      help="list records the server refused (in-charge)")
    mode.add_argument("--requeue", type=int, metavar="ENTRY",
                      help="send a refused record again after fixing it (in-charge)")
    sync.add_argument("--server", metavar="URL", help="with --setup: the server's address")
    sync.add_argument("--token-stdin", action="store_true",
                      help="with --setup: read the token from standard input")
    sync.add_argument("--ca-bundle", metavar="FILE",
                      help="with --setup: CA certificates for a private certificate authority")
    sync.add_argument("--public-url", metavar="URL",
                      help="with --setup: the public address of the verification pages that "
                           "documents' QR codes open")
    sync.add_argument("--seal-key", metavar="KEY",
                      help="with --setup: the central server's public sealing key (hex), for "
                           "confidential records in offline bundles")
    sync.add_argument("--date", type=iso_day, metavar="YYYY-MM-DD",
                      help="with --verify: the centre day (default: today)")
    sync.add_argument("--from", dest="date_from", type=iso_day, metavar="YYYY-MM-DD",
                      help="with --take-back: the first centre day lost, such as the day of "
                           f"the backup put back (default: the last {TAKE_BACK_DAYS} days)")
    add_auth_arguments(sync, required=False)
    export = add_command(commands, common, "export", run_export,
                         help="export records for the central server (in-charge)")
    export.add_argument("--format", required=True, choices=["bundle"])
    export.add_argument("--out", required=True, type=Path, metavar="FILE")
    export.add_argument("--from", dest="date_from", type=iso_day, metavar="YYYY-MM-DD")
    export.add_argument("--to", dest="date_to", type=iso_day, metavar="YYYY-MM-DD")
    add_auth_arguments(export)


def run_sync(args: argparse.Namespace) -> int:
    from khidmat_desk.sync.errors import SyncNotConfigured

    with open_context(args) as ctx:
        try:
            if args.setup:
                return _setup(ctx, args)
            if args.quarantined or args.requeue is not None:
                return _quarantine(ctx, args)
            if args.verify:
                return _verify(ctx, args)
            if args.take_back:
                return _take_back(ctx, args)
            return _once(ctx) if args.once else _forever(ctx)
        except SyncNotConfigured as exc:
            raise BadInput(f"sync: {exc}") from exc


def _setup(ctx: CounterContext, args: argparse.Namespace) -> int:
    from khidmat_desk.app.sync import TOKEN_ENV
    from khidmat_desk.app.sync_check import TokenMismatch, set_up_link
    from khidmat_desk.auth.secrets import SecretsUnavailable
    from khidmat_desk.sync.errors import SyncNotConfigured, TokenRefused

    if not args.server:
        raise BadInput("--server: give the central server's address with --setup")
    token: str | None = None
    if args.token_stdin:
        token = sys.stdin.readline().strip()
    elif not os.environ.get(TOKEN_ENV, "").strip():
        raise BadInput("--token-stdin: pipe the token in (it is never taken as an argument), "
                       f"or set {TOKEN_ENV} where there is no keyring")
    try:
        done = set_up_link(ctx.settings, ctx.db, None, server=args.server, token=token,
                           ca_bundle=args.ca_bundle, public_url=args.public_url,
                           seal_key=args.seal_key)
    except TokenRefused as exc:
        here = f"{ctx.settings.get('centre_code')} counter {ctx.settings.get('counter')}"
        raise BadInput(f"--token-stdin: the central server refused this token, so nothing "
                       f"was saved: paste the whole token its staff gave for {here}") from exc
    except (SyncNotConfigured, TokenMismatch) as exc:
        raise BadInput(f"--server/--token-stdin: {exc}") from exc
    except SecretsUnavailable as exc:
        raise CommandError(f"{exc} Or set KHIDMAT_SYNC_TOKEN for this service.") from exc
    sys.stdout.write(f"sync set up: server {ctx.settings.get('sync_server')}; "
                     f"token kept in {done.where}\n")
    for line in done.check.lines() if done.check is not None else ():
        sys.stdout.write(line + "\n")
    if done.unchecked is not None:
        sys.stderr.write(f"warning: the central server could not be asked now "
                         f"({done.unchecked}); the address and token are kept: the counter "
                         "sends when the link is up, and 'khidmat-desk doctor' checks them "
                         "again\n")
    for (_, _, day), last in sorted(done.skipped_ahead.items()):
        sys.stderr.write(f"this PC has numbered nothing yet and the server could not say which "
                         f"of this counter's numbers it holds: tracking numbers of "
                         f"{day:%d-%m-%Y} go on from {last + 1:04d} (if this PC replaces a "
                         "lost one, take back from the server when the link is up: "
                         "'khidmat-desk sync --take-back')\n")
    return 0


def _once(ctx: CounterContext) -> int:
    from khidmat_desk.app.sync import make_syncer, transport_config

    transport_config(ctx.settings)  # a missing server or token is bad input, not "offline"
    syncer = make_syncer(ctx.settings, ctx.db)
    try:
        report = syncer.run_once()
    finally:
        syncer.close()
    sys.stdout.write(report.summary() + "\n")
    return 0 if report.outbox_empty else EXIT_ENTRIES_REMAIN


def _forever(ctx: CounterContext) -> int:
    from khidmat_desk.app.sync import make_syncer, transport_config

    transport_config(ctx.settings)
    syncer = make_syncer(ctx.settings, ctx.db)

    def stop(_signal: int, _frame: FrameType | None) -> None:
        syncer.stop()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    sys.stdout.write("syncing until stopped (Ctrl+C)\n")
    sys.stdout.flush()
    syncer.run_forever(on_report=_changes_only())
    return 0


def _changes_only() -> Callable[[SyncReport], None]:
    """Print a pass when it moved something or the link's state changed, not every idle look."""
    last: list[tuple[bool, str | None]] = []

    def show(report: SyncReport) -> None:
        moved = report.pushed or report.duplicates or report.rejected or report.pulled
        state = (report.online, report.error)
        if moved or last != [state]:
            _print_line(report.summary())
        last[:] = [state]

    return show


def _print_line(line: str) -> None:
    sys.stdout.write(f"{clock.now():%H:%M:%S} {line}\n")
    sys.stdout.flush()


def _verify(ctx: CounterContext, args: argparse.Namespace) -> int:
    from khidmat_desk.app.sync_verify import verify_day
    from khidmat_desk.sync.errors import SyncError
    from khidmat_desk.sync.protocol import centre_day

    day = args.date or centre_day(datetime.now(UTC))
    try:
        result = verify_day(ctx.db, ctx.settings, day)
    except SyncError as exc:
        raise CommandError(f"could not verify {day}: {exc}") from exc
    for missing in result.missing:
        sys.stdout.write(f"missing on the server: {missing.describe()}\n")
    if result.complete:
        sys.stdout.write(f"{day}: the central server holds all {result.checked} record "
                         "versions of this counter\n")
        return 0
    raise CommandError(f"{day}: the central server is missing {len(result.missing)} of "
                       f"{result.checked} record versions (listed above)")


def _take_back(ctx: CounterContext, args: argparse.Namespace) -> int:
    from khidmat_desk.app.take_back import take_back_from_central
    from khidmat_desk.sync.errors import SyncError
    from khidmat_desk.sync.protocol import centre_day

    user = sign_in(ctx, args)
    today = centre_day(datetime.now(UTC))
    since = args.date_from or today - timedelta(days=TAKE_BACK_DAYS)
    if since > today:
        raise BadInput(f"--from: {since} is after today ({today})")
    try:
        done = take_back_from_central(ctx.db, ctx.settings, user, since=since)
    except SyncError as exc:
        raise CommandError(f"nothing more was taken back: {exc}") from exc
    sys.stdout.write(
        f"the central server holds {done.held} application(s) of this counter with a version "
        f"made from {since} on; {done.applications} added here or brought up to date "
        f"({done.versions} version(s), {done.prints} printed copy(ies)); nothing is sent "
        "again\n")
    if done.numbers_carried_on:
        sys.stdout.write("tracking numbers go on past those the server holds: " + ", ".join(
            f"{day:%d-%m-%Y}: {value + 1:04d}"
            for day, value in sorted(done.numbers_carried_on.items())) + "\n")
    for number in done.clashes:
        sys.stdout.write(f"not taken back: {number} is another application here (the number "
                         "was given again after the loss)\n")
    if done.clashes:
        raise CommandError(f"{len(done.clashes)} application(s) the server holds were not "
                           "taken back (listed above): both citizens hold receipts with those "
                           "numbers; ask the central server's staff")
    return 0


def _quarantine(ctx: CounterContext, args: argparse.Namespace) -> int:
    from khidmat_desk.app.sync import QuarantineError, list_quarantined, requeue
    from khidmat_desk.cli.output import stamp

    user = sign_in(ctx, args)
    if args.requeue is not None:
        try:
            requeue(ctx.db, user, args.requeue)
        except QuarantineError as exc:
            raise BadInput(f"--requeue: {exc}") from exc
        sys.stdout.write(f"entry {args.requeue} is back in the queue\n")
        return 0
    entries = list_quarantined(ctx.db, user)
    for entry in entries:
        sys.stdout.write(f"{entry.entry_id}\t{entry.tracking_number}\tversion {entry.version}"
                         f"\t{stamp(entry.quarantined_at)}\t{entry.reason}\n")
    sys.stdout.write(f"{len(entries)} records set aside\n")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from khidmat_desk.app.sync_bundle import export_bundle
    from khidmat_desk.auth.secrets import SecretsUnavailable
    from khidmat_desk.files import FileNotWritten
    from khidmat_desk.sync.bundle import BundleError

    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise BadInput("--from: the first day is after the last day (--to)")
    with open_context(args) as ctx:
        try:
            user = sign_in(ctx, args)
            done = export_bundle(ctx.db, ctx.settings, user, args.out,
                                 date_from=args.date_from, date_to=args.date_to)
        except (SecretsUnavailable, BundleError) as exc:
            raise CommandError(f"the bundle was not written: {exc}") from exc
        except FileNotWritten as exc:
            raise BadInput(f"--out: {exc}") from exc
    sys.stdout.write(f"bundle written: {done.path} ({done.entries} records, "
                     f"{done.size_bytes} bytes); signed by key {done.public_key}\n")
    return 0
