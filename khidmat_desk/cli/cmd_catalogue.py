"""`services`: the catalogue, as a table or complete machine-readable JSON."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from khidmat_desk.cli.arguments import Commands, add_command, add_json_flag
from khidmat_desk.cli.context import data_dir_of
from khidmat_desk.core import clock

if TYPE_CHECKING:
    from khidmat_desk.core.catalogue import Tariff
    from khidmat_desk.core.fields import Service


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    parser = add_command(commands, common, "services", run_services,
                         help="list the service catalogue",
                         description="List every service with its fee and SLA.")
    add_json_flag(parser, "print the whole catalogue (fields, rules, documents, examples) as JSON")


def _tariff(args: argparse.Namespace) -> Tariff:
    """The centre's tariff when run in a centre's data folder (its clock too), else the shipped
    one."""
    from khidmat_desk.app.settings import CounterSettings
    from khidmat_desk.core.catalogue import load_tariff

    data_dir = data_dir_of(args)
    if not data_dir.is_dir():
        return load_tariff()
    settings = CounterSettings.load(data_dir)
    clock.set_centre_zone(str(settings.get("timezone")))
    return load_tariff(settings.tariff_override)


def run_services(args: argparse.Namespace) -> int:
    from khidmat_desk.core.catalogue import all_services, sla_days
    from khidmat_desk.core.display import format_money
    from khidmat_desk.core.export import catalogue_json

    tariff = _tariff(args)
    if args.json:
        json.dump(catalogue_json(tariff, clock.today()), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    rows = [("CODE", "SERVICE", "FEE", "SLA", "FIELDS")]
    for service in all_services():
        fee = tariff.fee(service.fee.key)
        fee_text = "by choice" if service.fee.by or service.fee.per else format_money(fee or 0)
        days = sla_days(service, tariff)
        rows.append((service.code, service.title, fee_text,
                     "same day" if days == 0 else f"{days} d", str(_count_fields(service))))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = (cell.ljust(w) for cell, w in zip(row, widths, strict=False))
        sys.stdout.write("  ".join(cells).rstrip() + "\n")
    return 0


def _count_fields(service: Service) -> int:
    return sum(1 + len(f.fields) for f in service.all_fields())
