"""``khidmat-central``: serve, tokens, status changes, bundle import, bundle keys, the report.

Exit 0 on success, 2 on bad input (one line naming the argument), 1 on any other failure;
``audit heads`` exits 3 when any head of the counter was flagged.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from khidmat_central.limits import RateLimit
from khidmat_central.store import CentralConfigError, open_central, resolve_db_url
from khidmat_central.tariffs import CentralTariff, load_central_tariff, resolve_tariff_path
from khidmat_desk.cli.arguments import Commands, add_command, add_command_group, iso_day
from khidmat_desk.cli.errors import EXIT_BAD_INPUT, EXIT_FAILURE, OneLineParser
from khidmat_desk.store.db import Database

log = logging.getLogger("khidmat.central")
PROG = "khidmat-central"


class CentralCommandError(Exception):
    def __init__(self, message: str, exit_code: int = EXIT_FAILURE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="URL", help="central database URL "
                        "(default: $KHIDMAT_CENTRAL_DB)")
    parser = OneLineParser(prog=PROG, description="Khidmat reference central server.",
                     parents=[common])
    commands: Commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=OneLineParser)
    serve = add_command(commands, common, "serve", _serve, help="run the HTTP API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument("--tls-cert", metavar="FILE", help="certificate chain (PEM) for HTTPS")
    serve.add_argument("--tls-key", metavar="FILE", help="private key (PEM) for HTTPS")
    serve.add_argument("--tariff", metavar="FILE", help="tariff override the fees are checked "
                       "against (default: $KHIDMAT_CENTRAL_TARIFF, else the shipped tariff)")
    serve.add_argument("--rate", type=_positive, default=RateLimit.per_second, metavar="N",
                       help="requests per second each token may make on average")
    serve.add_argument("--burst", type=_positive, default=RateLimit.burst, metavar="N",
                       help="requests a token may make at once before --rate applies")
    _register_token(commands, common)
    _register_status(commands, common)
    _register_key(commands, common)
    _register_audit(commands, common)
    imported = add_command(commands, common, "import", _import, help="import an offline bundle")
    imported.add_argument("file", metavar="FILE", type=Path)
    imported.add_argument("--tariff", metavar="FILE", help="as for serve")
    imported.add_argument("--seal-key", metavar="FILE", type=Path,
                          help="the server's sealing key, to open confidential records")
    sealing_actions = add_command_group(
        commands, common, "seal-key", dest="seal_command",
        help="the key confidential records in bundles are sealed to")
    create = add_command(sealing_actions, common, "create", _seal_key_create,
                         help="make the key; prints the public half for "
                              "counters ('sync --setup --seal-key')")
    create.add_argument("--out", required=True, metavar="FILE", type=Path)
    report = add_command(commands, common, "report", _report, help="print the daily report")
    report.add_argument("--date", required=True, type=iso_day)
    return parser


def _register_token(commands: Commands, common: argparse.ArgumentParser) -> None:
    actions = add_command_group(commands, common, "token", help="make access tokens",
                                dest="token_command")
    add = add_command(actions, common, "add", _token_add, help="make a token and print it once")
    add.add_argument("--centre", metavar="CODE")
    add.add_argument("--counter", type=int, metavar="N")
    add.add_argument("--reader", action="store_true",
                     help="a token that may only read the daily report")
    add.add_argument("--shared-database", action="store_true",
                     help="for a counter whose centre keeps one database for all its counters: "
                          "it sends every counter's records")


def _register_status(commands: Commands, common: argparse.ArgumentParser) -> None:
    actions = add_command_group(commands, common, "status", help="record status changes",
                                dest="status_command")
    set_ = add_command(actions, common, "set", _status_set, help="set an application's status")
    set_.add_argument("tracking", metavar="TRACKING")
    set_.add_argument("status", metavar="STATUS")
    set_.add_argument("--reason")
    set_.add_argument("--by", default="verifying office", help="who decided")


def _register_key(commands: Commands, common: argparse.ArgumentParser) -> None:
    actions = add_command_group(commands, common, "key", help="counters' bundle keys",
                                dest="key_command")
    add = add_command(actions, common, "add", _key_add, help="trust a counter's bundle key")
    add.add_argument("--centre", required=True, metavar="CODE")
    add.add_argument("--counter", required=True, type=int, metavar="N")
    add.add_argument("public_key", metavar="PUBLIC_KEY")


def _register_audit(commands: Commands, common: argparse.ArgumentParser) -> None:
    actions = add_command_group(commands, common, "audit", help="counters' audit chain heads",
                                dest="audit_command")
    shown = add_command(actions, common, "heads", _audit_heads,
                        help="the audit heads a counter sent, with their verdicts")
    shown.add_argument("--centre", required=True, metavar="CODE")
    shown.add_argument("--counter", required=True, type=_positive, metavar="N")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of 1 or more")
    return value


def _tariff(args: argparse.Namespace) -> CentralTariff:
    from khidmat_desk.core.catalogue import TariffError

    try:
        return load_central_tariff(resolve_tariff_path(args.tariff))
    except TariffError as exc:
        raise CentralCommandError(f"--tariff: {exc}", EXIT_BAD_INPUT) from exc


def _open(args: argparse.Namespace) -> Database:
    try:
        return open_central(resolve_db_url(args.db))
    except CentralConfigError as exc:
        raise CentralCommandError(str(exc), EXIT_BAD_INPUT) from exc


def _serve(args: argparse.Namespace) -> int:
    from khidmat_central.server import serve

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    if bool(args.tls_cert) != bool(args.tls_key):
        raise CentralCommandError("--tls-cert/--tls-key: give both, or neither for a server "
                                  "that only this machine reaches", EXIT_BAD_INPUT)
    tariff = _tariff(args)
    db = _open(args)
    try:
        serve(db, args.host, args.port, tls_cert=args.tls_cert, tls_key=args.tls_key,
              tariff=tariff, rate_limit=RateLimit(float(args.rate), args.burst))
    finally:
        db.dispose()
    return 0


def _token_add(args: argparse.Namespace) -> int:
    from khidmat_central import tokens

    if args.reader:
        role, centre, counter = tokens.READER, None, None
    else:
        if not args.centre:
            raise CentralCommandError("--centre: name the centre of the counter", EXIT_BAD_INPUT)
        if not args.counter or args.counter < 1:
            raise CentralCommandError("--counter: give the counter number (1 or more)",
                                      EXIT_BAD_INPUT)
        role = tokens.SHARED if args.shared_database else tokens.COUNTER
        centre, counter = args.centre, args.counter
    db = _open(args)
    try:
        token = tokens.add_token(db, role=role, centre_code=centre, counter=counter)
    finally:
        db.dispose()
    sys.stdout.write(f"{token}\n")
    sys.stderr.write("This token is shown only once; the server keeps only its hash.\n")
    return 0


def _status_set(args: argparse.Namespace) -> int:
    from khidmat_central.status import StatusRefusedError, set_status

    db = _open(args)
    try:
        done = set_status(db, args.tracking.strip().upper(), args.status, set_by=args.by,
                          reason=args.reason)
    except StatusRefusedError as exc:
        raise CentralCommandError(f"STATUS: {exc}", EXIT_BAD_INPUT) from exc
    finally:
        db.dispose()
    sys.stdout.write(f"{done.tracking_number}: {done.from_status} -> {done.to_status} "
                     f"(change {done.cursor})\n")
    return 0


def _key_add(args: argparse.Namespace) -> int:
    from khidmat_central import keys

    db = _open(args)
    try:
        keys.register(db, args.centre, args.counter, args.public_key)
    except ValueError as exc:
        raise CentralCommandError(f"PUBLIC_KEY: {exc}", EXIT_BAD_INPUT) from exc
    finally:
        db.dispose()
    sys.stdout.write(f"bundle key trusted for {args.centre.upper()} counter {args.counter}\n")
    return 0


def _import(args: argparse.Namespace) -> int:
    from khidmat_central.bundles import import_bundle

    tariff = _tariff(args)
    key = _read_seal_key(args.seal_key) if args.seal_key else None
    db = _open(args)
    try:
        outcome = import_bundle(db, args.file, tariff, seal_key=key)
    finally:
        db.dispose()
    for line in outcome.rejected_lines():
        sys.stdout.write(f"  rejected {line}\n")
    sys.stdout.write(outcome.summary() + "\n")
    return 0


def _seal_key_create(args: argparse.Namespace) -> int:
    from khidmat_desk.sync import seal

    key = seal.new_key()
    try:
        descriptor = os.open(args.out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise CentralCommandError(f"--out: cannot create {args.out} ({exc.strerror or exc}); "
                                  "an existing key is never overwritten", EXIT_BAD_INPUT) from exc
    with os.fdopen(descriptor, "w") as out:
        out.write(seal.private_text(key) + "\n")
    sys.stdout.write(f"{seal.public_hex(key)}\n")
    sys.stderr.write(f"Sealing key written to {args.out} (readable by this account only); "
                     "give the line above to every centre's in-charge.\n")
    return 0


def _read_seal_key(path: Path) -> X25519PrivateKey:
    from khidmat_desk.sync import seal

    try:
        if os.name == "posix" and path.stat().st_mode & 0o077:
            raise CentralCommandError(f"--seal-key: {path} can be read by other accounts; "
                                      f"make it private (chmod 600 {path})", EXIT_BAD_INPUT)
        return seal.private_from_text(path.read_text("ascii"))
    except (OSError, seal.SealError) as exc:
        raise CentralCommandError(f"--seal-key: {exc}", EXIT_BAD_INPUT) from exc


def _audit_heads(args: argparse.Namespace) -> int:
    from khidmat_central.anchors import ANCHORED, heads

    centre = args.centre.strip().upper()
    db = _open(args)
    try:
        found = heads(db, centre, args.counter)
    finally:
        db.dispose()
    if not found:
        sys.stdout.write(f"{centre} counter {args.counter} has sent no audit head yet\n")
        return 0
    for head in found:
        note = f"  {head.reason}" if head.reason else ""
        sys.stdout.write(f"{head.received_at:%Y-%m-%d %H:%M:%S} UTC  event {head.sequence:>8}  "
                         f"{head.hash[:16]}…  {head.verdict}{note}\n")
    flagged = sum(1 for head in found if head.verdict != ANCHORED)
    sys.stdout.write(f"{len(found)} heads, {flagged} flagged\n")
    return 3 if flagged else 0


def _report(args: argparse.Namespace) -> int:
    from khidmat_central.reports import daily_report

    db = _open(args)
    try:
        sys.stdout.write(json.dumps(daily_report(db, args.date), indent=2) + "\n")
    finally:
        db.dispose()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return EXIT_BAD_INPUT
    try:
        return int(args.handler(args))
    except CentralCommandError as exc:
        sys.stderr.write(f"{PROG}: error: {exc}\n")
        return exc.exit_code
    except Exception as exc:
        from khidmat_central.bundles import BundleRejected

        if isinstance(exc, BundleRejected):
            sys.stderr.write(f"{PROG}: error: {exc}\n")
            return EXIT_BAD_INPUT
        log.exception("unexpected error in '%s'", args.command)
        sys.stderr.write(f"{PROG}: unexpected error: {type(exc).__name__}: {exc}\n")
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
