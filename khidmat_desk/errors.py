"""One family for every error an officer may see.

A `KnownError` is a fact of life at a counter (a wrong password, a mistyped tracking number, a
full disk, a server that is down): its ``str()`` is the whole message, in words an officer can
act on, and the counter window shows it as a warning while the command line prints it as one
line. ``bad_input`` marks a request that was wrong in itself (the command line exits 2 for it,
1 for the others). Anything that is not a `KnownError` is a bug: logged in full and shown once
in the crash dialog.
"""

from __future__ import annotations

from typing import ClassVar


class KnownError(Exception):
    """A problem an officer can act on; ``str()`` is the message."""

    #: True when the request itself was wrong (a value typed, an argument given).
    bad_input: ClassVar[bool] = False


def is_known(exc: BaseException) -> bool:
    return isinstance(exc, KnownError)
