"""`audit verify`: check the hash chain and the records against it; `audit checkpoint`: sign it;
`audit list`: read it (in-charge)."""

from __future__ import annotations

import argparse
import sys

from khidmat_desk.cli.arguments import (
    Commands,
    add_command,
    add_command_group,
    add_json_flag,
    iso_day,
)
from khidmat_desk.cli.context import add_auth_arguments, open_context, sign_in
from khidmat_desk.cli.errors import CommandError


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    actions = add_command_group(commands, common, "audit", help="check the audit trail",
                                dest="audit_command")
    add_command(
        actions, common, "verify", run_verify,
        help="check the hash chain, its signed checkpoints and every record against it; "
             "exit 1 naming the first problem")
    checkpoint = add_command(
        actions, common, "checkpoint", run_checkpoint,
        help="in-charge: sign the chain's newest link with the centre's key")
    add_auth_arguments(checkpoint)
    listing = add_command(
        actions, common, "list", run_list,
        help="in-charge: read the trail, newest first: who did what, to what, when",
        description="Each event in centre time: who (a user, central.server, command-line), "
                    "what, about what (a tracking number, a user, a counter) and its details.")
    listing.add_argument("--date", type=iso_day, metavar="YYYY-MM-DD", help="one centre day")
    listing.add_argument("--by", default="", metavar="NAME", help="who did it")
    listing.add_argument("--action", default="", help="what was done (as listed, e.g. login)")
    listing.add_argument("--about", default="", metavar="WHAT",
                         help="a tracking number, a user name or a counter (LHR01/3)")
    listing.add_argument("--limit", type=int, default=50, help="at most this many (50)")
    listing.add_argument("--before", type=int, metavar="N",
                         help="only events older than event N (the next page)")
    add_json_flag(listing)
    add_auth_arguments(listing)


def run_verify(args: argparse.Namespace) -> int:
    from khidmat_desk.app.audit import check_audit_trail

    with open_context(args) as ctx:
        result = check_audit_trail(ctx.db, ctx.secret_store(), ctx.centre_code)
    chain, records = result.chain, result.records
    if result.key_problem:
        raise CommandError(f"audit: {result.key_problem}")
    if not chain.ok:
        raise CommandError(f"audit chain broken at event {chain.first_broken_id} "
                           f"({chain.reason}); {chain.checked} events checked before it")
    if result.empty:
        raise CommandError("the audit trail is empty, but this centre was set up: the database "
                           "was replaced or emptied; restore it from a backup")
    if not records.ok:
        more = f" (and {records.found - 1} more)" if records.found > 1 else ""
        raise CommandError(f"records do not match the audit trail: {records.problems[0]}{more}")
    anchor = ("no signed checkpoint yet" if chain.last_checkpoint is None else
              f"{chain.checkpoints} signed checkpoints, the newest at event "
              f"{chain.last_checkpoint.head.sequence} "
              f"({chain.last_checkpoint.at:%Y-%m-%d %H:%M} UTC)")
    uncovered = (f"; {records.not_covered} recorded before record digests existed"
                 if records.not_covered else "")
    note = f" (note: {result.key_note})" if result.key_note else ""
    sys.stdout.write(f"audit chain intact: {chain.checked} events checked; {records.checked} "
                     f"records match it{uncovered}; {anchor}{note}\n")
    return 0


def run_checkpoint(args: argparse.Namespace) -> int:
    from khidmat_desk.app.audit import record_checkpoint

    with open_context(args) as ctx:
        user = sign_in(ctx, args)
        checkpoint = record_checkpoint(ctx.db, ctx.secret_store(), ctx.centre_code, user=user)
    sys.stdout.write(f"audit checkpoint signed: event {checkpoint.head.sequence} "
                     f"{checkpoint.head.hash} (key {checkpoint.key_id})\n")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from khidmat_desk.app.audit import AuditQuery, read_audit_trail
    from khidmat_desk.cli.errors import BadInput
    from khidmat_desk.cli.output import print_json, stamp

    if not 1 <= args.limit <= 10_000:
        raise BadInput("--limit: give a number from 1 to 10000")
    with open_context(args) as ctx:
        user = sign_in(ctx, args)
        page = read_audit_trail(ctx.db, user, AuditQuery(
            day=args.date, actor=args.by, action=args.action, about=args.about,
            before=args.before, limit=args.limit))
    if args.json:
        print_json({"events": page.lines, "more": page.more})
        return 0
    for line in page.lines:
        sys.stdout.write(f"{line.sequence:>8}  {stamp(line.at)}  {line.actor:<14}  "
                         f"{line.action:<22}  {line.about}  {line.detail_text}".rstrip()
                         + "\n")
    if page.more:
        sys.stdout.write(f"(older events too: --before {page.lines[-1].sequence})\n")
    elif not page.lines:
        sys.stdout.write("no event matches\n")
    return 0

