"""Helpers of the command-line tests: a centre made the way an in-charge makes one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

Run = Callable[..., tuple[int, str, str]]


def cli_init(run: Run, folder: Path, password: str, *, centre: str = "LHR01", counter: int = 7,
             user: str = "incharge", name: str = "Liberty Market Khidmat Markaz") -> str:
    """``khidmat-desk init`` with the secrets in a file (no keyring in CI); what it printed."""
    code, out, err = run("init", "--data-dir", str(folder), "--centre-code", centre,
                         "--centre-name", name, "--district", "Lahore", "--counter", str(counter),
                         "--user", user, "--secret-store", "file", "--password-stdin",
                         stdin=password + "\n")
    assert code == 0, err
    return out
