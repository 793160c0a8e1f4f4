"""`gui`: open the counter window (the default when no command is given)."""

from __future__ import annotations

import argparse

from khidmat_desk.cli.context import data_dir_of


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser],
             common: argparse.ArgumentParser) -> None:
    gui = commands.add_parser("gui", parents=[common], help="open the counter window")
    gui.set_defaults(handler=run_gui)


def run_gui(args: argparse.Namespace) -> int:
    from khidmat_desk.gui.app import run

    return run(data_dir_of(args))
