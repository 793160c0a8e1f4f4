"""The CLI's exit-code contract: 0 success, 2 bad input (one line naming the field or argument),
1 any other failure. Every command maps its known errors to one of these."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from khidmat_desk.errors import KnownError

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2


class CommandError(KnownError):
    """A failure the command can explain in one line."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    @property
    def exit_code(self) -> int:
        return EXIT_BAD_INPUT if self.bad_input else EXIT_FAILURE


class BadInput(CommandError):  # noqa: N818 - read as "bad input" in every command module
    bad_input = True


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit 2."""

    def error(self, message: str) -> NoReturn:
        program = self.prog.split()[0]
        sys.stderr.write(f"{self.prog}: error: {message} (see '{program} --help')\n")
        sys.exit(EXIT_BAD_INPUT)
