"""`gui`: open the counter window (the default when no command is given)."""

from __future__ import annotations

import argparse

from khidmat_desk.cli.arguments import Commands, add_command
from khidmat_desk.cli.context import data_dir_of


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    gui = add_command(commands, common, "gui", run_gui, help="open the counter window")
    gui.add_argument("--check-start", action="store_true",
                     help="open the sign-in window, say so on stdout and quit (checks that an "
                          "installation can start the counter)")


def run_gui(args: argparse.Namespace) -> int:
    from khidmat_desk.gui.app import run, say_shown_and_quit

    if getattr(args, "check_start", False):
        return run(data_dir_of(args), on_login_shown=say_shown_and_quit)
    return run(data_dir_of(args))
