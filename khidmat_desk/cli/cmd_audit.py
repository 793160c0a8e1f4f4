"""`audit verify`: walk the audit hash chain and name the first broken link."""

from __future__ import annotations

import argparse
import sys

from khidmat_desk.cli.context import open_context
from khidmat_desk.cli.errors import CommandError


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser],
             common: argparse.ArgumentParser) -> None:
    audit = commands.add_parser("audit", parents=[common], help="check the audit trail")
    actions = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = actions.add_parser("verify", parents=[common],
                                help="check the hash chain; exit 1 naming the first broken link")
    verify.set_defaults(handler=run_verify)


def run_verify(args: argparse.Namespace) -> int:
    from khidmat_desk.store.audit import verify_chain

    with open_context(args) as ctx, ctx.db.read() as session:
        report = verify_chain(session)
    if not report.ok:
        raise CommandError(f"audit chain broken at event {report.first_broken_id} "
                           f"({report.reason}); {report.checked} events checked before it")
    sys.stdout.write(f"audit chain intact: {report.checked} events checked\n")
    return 0
