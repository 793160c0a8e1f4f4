"""The in-charge's day: `close`, `reopen`, `report`, `shifts`, `export-day` and `import-day`.

Each is in-charge only (checked by the use case after `--user` signs in with
`--password-stdin`); exit codes as every command: 0 done, 2 bad input naming the option,
1 any other failure.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from khidmat_desk.cli.arguments import Commands, add_command, iso_day
from khidmat_desk.cli.context import add_auth_arguments, open_context, sign_in
from khidmat_desk.cli.errors import BadInput, CommandError

if TYPE_CHECKING:
    from khidmat_desk.app.context import CounterContext
    from khidmat_desk.app.day_close import CloseResult
    from khidmat_desk.auth.users import UserInfo
    from khidmat_desk.core.shifts import ShiftPlan

T = TypeVar("T")


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    close = add_command(
        commands, common, "close", run_close,
        help="close a shift or the day and count the cash (in-charge)",
        description="Records the day's figures and cash and locks the day. A centre with "
                    "shifts closes each shift with --shift and --cash, then the day without "
                    "either, as their sum.")
    _day_arguments(close)
    close.add_argument("--cash", type=_amount, metavar="AMOUNT",
                       help="cash counted, in whole rupees")
    close.add_argument("--officer-cash", action="append", default=[], metavar="NAME=AMOUNT",
                       help="cash counted from one officer's drawer (repeat per officer)")
    close.add_argument("--explanation", default="", metavar="TEXT",
                       help="why the cash counted differs from the cash expected")
    close.add_argument("--deposit", default="", metavar="REF",
                       help="treasury or bank deposit reference")
    add_auth_arguments(close)

    reopen = add_command(commands, common, "reopen", run_reopen,
                         help="lift the lock of a closed day or shift (in-charge)")
    _day_arguments(reopen)
    reopen.add_argument("--reason", required=True, metavar="TEXT", help="why it is reopened")
    add_auth_arguments(reopen)

    report = add_command(
        commands, common, "report", run_report,
        help="day report, spreadsheet, CSV or register (in-charge)")
    _day_arguments(report)
    report.add_argument("--format", required=True, choices=["pdf", "xlsx", "csv"])
    report.add_argument("--register", default="day", choices=["day", "forwarding", "uncollected"],
                        help="day (default), forwarding register or uncollected documents (PDF)")
    report.add_argument("--out", required=True, type=Path, metavar="PATH")
    add_auth_arguments(report)

    export_day = add_command(
        commands, common, "export-day", run_export_day,
        help="this counter's day as a signed day bundle for the in-charge's PC (in-charge)")
    export_day.add_argument("--date", required=True, type=iso_day, metavar="YYYY-MM-DD")
    export_day.add_argument("--out", required=True, type=Path, metavar="FILE")
    add_auth_arguments(export_day)
    import_day = add_command(
        commands, common, "import-day", run_import_day,
        help="import a counter's day bundle on the in-charge's PC (in-charge; twice is harmless)")
    import_day.add_argument("bundle", type=Path, metavar="FILE")
    import_day.add_argument("--key", metavar="HEX",
                            help="the counter's key, as its export-day printed it: needed the "
                                 "first time (it is then remembered for that counter) and when "
                                 "the counter's key changed")
    add_auth_arguments(import_day)

    shifts = add_command(commands, common, "shifts", run_shifts,
                         help="show or set the centre's shift times")
    shifts.add_argument("--set", dest="plan", metavar="NAME=HH:MM,...",
                        help="in-charge: shifts by start time, like day=08:00,night=20:00 "
                             "('' for one shift, midnight to midnight)")
    add_auth_arguments(shifts, required=False)


def _day_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", required=True, type=iso_day, metavar="YYYY-MM-DD",
                        help="the working day")
    parser.add_argument("--shift", default="", metavar="NAME", help="one shift of that day")


def _amount(text: str) -> int:
    try:
        value = int(text.replace(",", ""))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of rupees") from exc
    if value < 0:
        raise argparse.ArgumentTypeError("the cash counted cannot be negative")
    return value


def _officer_cash(items: list[str]) -> dict[str, int]:
    counted: dict[str, int] = {}
    for item in items:
        name, sep, amount = item.partition("=")
        try:
            counted[name.strip()] = _amount(amount) if sep else -1
        except argparse.ArgumentTypeError as exc:
            raise BadInput(f"--officer-cash: {exc}") from exc
        if not sep or not name.strip():
            raise BadInput(f"--officer-cash: '{item}' should be NAME=AMOUNT")
    return counted


def run_close(args: argparse.Namespace) -> int:
    from khidmat_desk.app.day_seal import close_and_seal

    counted = _officer_cash(args.officer_cash)
    with open_context(args) as ctx:
        user = sign_in(ctx, args)
        sealed = _translated(lambda: close_and_seal(
            ctx, user, day=args.date, shift=args.shift, cash_counted=args.cash,
            officer_cash=counted, explanation=args.explanation, deposit_ref=args.deposit))
        _print_close(sealed.close)
        (sys.stdout if sealed.signed else sys.stderr).write(sealed.checkpoint_note + "\n")
        (sys.stdout if sealed.backup else sys.stderr).write(sealed.backup_note + "\n")
    return 0


def _print_close(result: CloseResult) -> None:
    out = sys.stdout
    out.write(f"{result.period.label} closed by {result.closed_by} "
              f"(version {result.version}): {result.applications} applications, "
              f"{result.versions} record versions, digest {result.digest[:16]}\n")
    for officer in result.officers:
        counted = "not counted" if officer.counted is None else \
            f"counted Rs {officer.counted:,}, difference Rs {officer.difference:,}"
        out.write(f"  {officer.officer}: expected Rs {officer.expected:,}, {counted}\n")
    out.write(f"cash expected: Rs {result.cash_expected:,}\n"
              f"cash counted:  Rs {result.cash_counted:,}\n"
              f"difference:    Rs {result.difference:,}\n")


def run_reopen(args: argparse.Namespace) -> int:
    from khidmat_desk.app.day_close import reopen_period

    info = _signed_in(args, lambda ctx, user: reopen_period(
        ctx.db, user, day=args.date, shift=args.shift, reason=args.reason))
    label = f"{info.day}" + (f" ({info.shift} shift)" if info.shift else "")
    sys.stdout.write(f"{label} reopened by {info.reopened_by} (version {info.version}); "
                     "close it again when it is right\n")
    return 0


def run_report(args: argparse.Namespace) -> int:
    from khidmat_desk.app.day_reports import write_report

    done = _signed_in(args, lambda ctx, user: write_report(
        ctx.db, user, day=args.date, shift=args.shift, out=args.out, fmt=args.format,
        kind=args.register, data_dir=ctx.settings.data_dir))
    what = "day report" if done.kind == "day" else f"{done.kind} register"
    counted = f", {done.applications} applications" if done.kind == "day" else ""
    sys.stdout.write(f"{what} of {done.period.label} written: {done.path} "
                     f"({done.size_bytes:,} bytes{counted})\n")
    return 0


def run_export_day(args: argparse.Namespace) -> int:
    from khidmat_desk.app.day_bundle import export_day_bundle

    done = _signed_in(args, lambda ctx, user: export_day_bundle(
        ctx.db, ctx.settings, user, day=args.date, out=args.out))
    sys.stdout.write(f"day bundle of {args.date} written: {done.path} ({done.applications} "
                     f"applications taken, changed or printed that day, {done.versions} record "
                     f"versions); key {done.public_key}\n")
    return 0


def run_import_day(args: argparse.Namespace) -> int:
    from khidmat_desk.app.day_bundle import import_day_bundle

    done = _signed_in(args, lambda ctx, user: import_day_bundle(
        ctx.db, user, args.bundle, trusted_key=args.key))
    sys.stdout.write(f"counter {done.counter}, {done.day}: {done.applications_added} "
                     f"applications, {done.versions_added} record versions and "
                     f"{done.prints_added} printed copies added; {done.late} late\n")
    return 0


def run_shifts(args: argparse.Namespace) -> int:
    from khidmat_desk.app.shifts import set_shifts, shift_plan

    with open_context(args) as ctx:
        if args.plan is not None:
            user = sign_in(ctx, args)
            plan = _translated(lambda: set_shifts(ctx.db, user, args.plan))
        else:
            plan = shift_plan(ctx.db)
    _print_shifts(plan)
    return 0


def _print_shifts(plan: ShiftPlan) -> None:
    from khidmat_desk.core import clock

    for shift in plan.shifts:
        span = plan.period(clock.today(), shift.name)
        sys.stdout.write(f"{shift.name}\t{clock.local(span.start):%H:%M}-"
                         f"{clock.local(span.end):%H:%M}\n")


def _signed_in(args: argparse.Namespace, work: Callable[[CounterContext, UserInfo], T]) -> T:
    """Sign the --user in and do one of the day's use cases as them (see `_translated`)."""
    with open_context(args) as ctx:
        user = sign_in(ctx, args)
        return _translated(lambda: work(ctx, user))


def _translated(action: Callable[[], T]) -> T:
    """Known refusals of the day's use cases as one-line errors naming the option."""
    from khidmat_desk.app.day_bundle import CounterKeyError, DayBundleError
    from khidmat_desk.app.day_close import CloseError
    from khidmat_desk.app.day_reports import ReportError
    from khidmat_desk.core.shifts import ShiftError

    try:
        return action()
    except (CloseError, ReportError) as exc:
        raise BadInput(f"{exc.argument or '--date'}: {exc}") from exc
    except ShiftError as exc:
        raise BadInput(f"--set: {exc}") from exc
    except CounterKeyError as exc:
        raise BadInput(f"--key: {exc}") from exc
    except DayBundleError as exc:
        raise BadInput(f"FILE: {exc}") from exc
    except OSError as exc:
        raise CommandError(f"the file could not be written ({exc.strerror or exc})") from exc
