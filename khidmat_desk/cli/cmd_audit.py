"""`audit verify`: check the hash chain and the records against it; `audit checkpoint`: sign it."""

from __future__ import annotations

import argparse
import sys

from khidmat_desk.cli.arguments import Commands, add_command, add_command_group
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
