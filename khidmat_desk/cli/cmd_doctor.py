"""`doctor`: one line per check (OK / WARN / FAIL); exit 0 all OK, 3 warnings only, 1 a FAIL."""

from __future__ import annotations

import argparse
import sys

from khidmat_desk.cli.arguments import Commands, add_command
from khidmat_desk.cli.context import data_dir_of

EXIT_WARNINGS = 3


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    doctor = add_command(
        commands, common, "doctor", run_doctor,
        help="check this counter: versions, data folder, database, secrets, printers, central "
             "server, outbox, backups, free disk")
    doctor.add_argument("--timeout", type=float, default=5.0, metavar="SECONDS",
                        help="how long to wait for the central server (default 5)")


def run_doctor(args: argparse.Namespace) -> int:
    from khidmat_desk.app.doctor import FAIL, OK, diagnose
    from khidmat_desk.app.logs import setup_logging
    from khidmat_desk.app.settings import CounterSettings

    data_dir = data_dir_of(args)
    settings = CounterSettings.load(data_dir)
    if data_dir.is_dir():
        setup_logging(data_dir, verbose=getattr(args, "verbose", False))
    report = diagnose(settings, network_timeout=args.timeout)
    sys.stdout.write(report.text() + "\n")
    return {OK: 0, FAIL: 1}.get(report.worst, EXIT_WARNINGS)
