"""`finding`: record the police finding on an application, or show it and the choices."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from khidmat_desk.cli.arguments import Commands, add_command, add_json_flag, iso_day
from khidmat_desk.cli.context import add_auth_arguments, open_context, sign_in
from khidmat_desk.cli.errors import BadInput
from khidmat_desk.cli.output import print_json, stamp


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    finding = add_command(
        commands, common, "finding", run_finding,
        help="record the police finding (verifier, in-charge)",
        description="With --outcome, record what the police found: the application becomes "
                    "verified or rejected. Without it, show the finding recorded and the record "
                    "statuses this service's finding can take.")
    finding.add_argument("tracking", metavar="TRACKING")
    finding.add_argument("--outcome", choices=["verified", "rejected"])
    finding.add_argument("--record-status", metavar="KEY",
                         help="what the record shows (see the list without --outcome)")
    finding.add_argument("--reference", default="", metavar="TEXT",
                         help="CRO / police-station report number (crime report: FIR no./year)")
    finding.add_argument("--reference-date", type=iso_day, metavar="YYYY-MM-DD")
    finding.add_argument("--remark", default="", metavar="TEXT",
                         help="remark; for a rejection, the reason printed on the letter")
    finding.add_argument("--override-reason", metavar="TEXT",
                         help="in-charge only: why you decide on an application you took in")
    add_json_flag(finding)
    add_auth_arguments(finding, required=False)


def run_finding(args: argparse.Namespace) -> int:
    from khidmat_desk.app.applications import get_application

    if args.outcome is None:
        if args.record_status or args.user:
            raise BadInput("--outcome: give verified or rejected to record a finding")
        with open_context(args) as ctx:
            detail = get_application(ctx.db, args.tracking)
        _show(detail, args.json)
        return 0
    if not args.record_status:
        raise BadInput("--record-status: say what the record shows (run without --outcome "
                       "to see the choices)")
    with open_context(args) as ctx:
        _precheck(ctx, args)
        user = sign_in(ctx, args)
        from khidmat_desk.app.findings import record_finding

        result = record_finding(
            ctx.db, args.tracking, user=user, outcome=args.outcome,
            record_status=args.record_status, reference=args.reference,
            reference_date=args.reference_date, remark=args.remark,
            override_reason=args.override_reason)
    if args.json:
        print_json(result)
    else:
        sys.stdout.write(f"{result.tracking_number}  {result.outcome}  {result.record_status}  "
                         f"(version {result.version})\n")
    return 0


def _precheck(ctx: Any, args: argparse.Namespace) -> None:
    """Check the finding before signing in, so a refused command writes nothing."""
    from khidmat_desk.app.applications import centre_date, get_application, utc_moment
    from khidmat_desk.core.findings import FindingError, check_finding

    detail = get_application(ctx.db, args.tracking)
    try:
        check_finding(detail.service_code, outcome=args.outcome,
                      record_status=args.record_status, reference_no=args.reference,
                      reference_date=args.reference_date, remark=args.remark,
                      today=centre_date(utc_moment(None)))
    except FindingError as exc:
        field, _, problem = str(exc).partition(": ")
        raise BadInput(f"--{field.replace(' ', '-')}: {problem}") from exc


def _show(detail: Any, as_json: bool) -> None:
    from khidmat_desk.core.findings import finding_kind

    kind = finding_kind(detail.service_code)
    if as_json:
        print_json({"tracking_number": detail.tracking_number, "status": detail.status,
                    "finding": detail.finding, "reference_label": kind.reference_label,
                    "record_statuses": kind.statuses})
        return
    out = sys.stdout
    out.write(f"{detail.tracking_number}  {detail.status}\n")
    found = detail.finding
    if found is None:
        out.write("  no finding recorded yet\n")
    else:
        when = f" of {found.reference_date:%Y-%m-%d}" if found.reference_date else ""
        out.write(f"  {found.outcome}: {found.record_status_label}; {kind.reference_label} "
                  f"{found.reference or '-'}{when}; recorded by {found.recorded_by} "
                  f"{stamp(found.recorded_at)}\n")
        if found.remark:
            out.write(f"  remark: {found.remark}\n")
        if found.override_reason:
            out.write(f"  decided on their own intake, because: {found.override_reason}\n")
    out.write(f"record statuses ({kind.reference_label}):\n")
    for status in kind.statuses:
        out.write(f"  {status.key:22} {status.label} — {' or '.join(status.outcomes)}\n")
