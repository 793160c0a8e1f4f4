"""Files written so that a power cut leaves the old version or the new one, never half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from khidmat_desk.errors import KnownError


class FileNotWritten(KnownError):  # noqa: N818 - read as "the file was not written"
    """A file the person asked for (a report, a bundle) could not be written; nothing was left
    half-written. ``str()`` names the file and why, in words to act on."""


def write_atomically(path: Path, data: bytes, *, mode: int | None = None) -> int:
    """Write to a temporary file beside ``path``, fsync it, then rename it into place.

    ``mode`` is set before any byte is written (a secret is never readable by others, not even
    for a moment). Returns the number of bytes written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
    try:
        if mode is not None:
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(data)


def write_chosen_file(path: Path, data: bytes) -> int:
    """``write_atomically`` for a file the person chose (a USB stick, a shared folder): a full
    disk, a stick pulled out or a folder they may not write to is said as `FileNotWritten`,
    not an unexpected error."""
    try:
        return write_atomically(path, data)
    except OSError as exc:
        raise FileNotWritten.told(
            "{path} could not be written ({problem}). Check that the folder exists and may be "
            "written to, that the disk or stick has room and is still plugged in, then try "
            "again.", path=path, problem=exc.strerror or exc) from exc
