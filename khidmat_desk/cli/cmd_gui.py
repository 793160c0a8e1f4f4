"""`gui`: open the counter window (the default when no command is given)."""

from __future__ import annotations

import argparse

from khidmat_desk.cli.context import data_dir_of


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser],
             common: argparse.ArgumentParser) -> None:
    gui = commands.add_parser("gui", parents=[common], help="open the counter window")
    gui.add_argument("--check-start", action="store_true",
                     help="open the sign-in window, say so on stdout and quit (checks that an "
                          "installation can start the counter)")
    gui.set_defaults(handler=run_gui)


def run_gui(args: argparse.Namespace) -> int:
    from khidmat_desk.gui.app import run, say_shown_and_quit

    if getattr(args, "check_start", False):
        return run(data_dir_of(args), on_login_shown=say_shown_and_quit)
    return run(data_dir_of(args))
