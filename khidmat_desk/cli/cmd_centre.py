"""`applications`: the in-charge's list of every counter's applications, with filters."""

from __future__ import annotations

import argparse
import sys

from khidmat_desk.cli.arguments import Commands, add_command, add_json_flag
from khidmat_desk.cli.context import add_auth_arguments, open_context, sign_in
from khidmat_desk.cli.errors import BadInput
from khidmat_desk.cli.output import print_json, print_table, stamp


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    parser = add_command(
        commands, common, "applications", run_applications,
        help="every counter's applications, filtered (in-charge); those awaiting a finding "
             "(verifier)",
        description="Newest first. QUERY is a tracking number, CNIC, mobile, plate or name, "
                    "as for 'find'; the filters narrow the list. With --awaiting-finding, "
                    "the verifiers' work list: submitted or in verification and no finding "
                    "yet, oldest first. Exit 1 when nothing matches.")
    parser.add_argument("query", nargs="?", default="", metavar="QUERY")
    parser.add_argument("--status", metavar="STATUS")
    parser.add_argument("--service", metavar="CODE")
    parser.add_argument("--officer", metavar="NAME", help="user name of who took it in")
    parser.add_argument("--counter", type=int, metavar="N")
    parser.add_argument("--overdue", action="store_true",
                        help="only those past their promised date and not ready yet")
    parser.add_argument("--awaiting-finding", action="store_true",
                        help="only those awaiting the police finding, oldest first")
    parser.add_argument("--limit", type=int, default=200, help="most rows (default 200)")
    add_json_flag(parser, "print the rows as JSON")
    add_auth_arguments(parser)


def run_applications(args: argparse.Namespace) -> int:
    from khidmat_desk.app.centre_view import CentreFilter, CentreViewError, centre_applications

    if args.limit < 1:
        raise BadInput("--limit: must be 1 or more")
    filters = CentreFilter(text=args.query, status=args.status, service_code=args.service,
                           officer=args.officer, counter=args.counter, overdue=args.overdue,
                           awaiting_finding=args.awaiting_finding, limit=args.limit)
    with open_context(args) as ctx:
        user = sign_in(ctx, args)
        try:
            rows = centre_applications(ctx.db, by=user, centre_code=ctx.centre_code,
                                       filters=filters)
        except CentreViewError as exc:
            raise BadInput(f"--{exc}") from exc
    if args.json:
        print_json(rows)
    else:
        print_table(("TRACKING", "SUBMITTED", "COUNTER", "OFFICER", "SERVICE", "STATUS",
                     "DUE", "POLICE STATION", "NAME"), [
            (r.summary.tracking_number, stamp(r.summary.created_at),
             str(r.summary.counter), r.officer, r.summary.service_code, r.summary.status,
             f"{r.summary.expected_on:%Y-%m-%d}" + (" OVERDUE" if r.overdue else ""),
             r.police_station or "-", r.summary.name) for r in rows])
    if not rows:
        sys.stderr.write("no application matches\n")
        return 1
    return 0

