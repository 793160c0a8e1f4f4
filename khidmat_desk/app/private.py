"""The data folder is private to the user who runs the counter.

It holds full CNICs, addresses and narratives (database, its WAL and shared-memory files,
backups, logs): nobody else on the PC may read it. On POSIX the folder tree is 0700 and every
file 0600, and the process creates new files that way (umask 077), so a WAL file, a rotated log
or a backup made later is private from its first byte. On Windows the folder's access list is
replaced by one granting full control to this user and to the system account only, inherited by
everything inside.
"""

from __future__ import annotations

import csv
import io
import logging
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

from khidmat_desk.errors import KnownError

log = logging.getLogger("khidmat.settings")

DIR_MODE = 0o700
FILE_MODE = 0o600
_UMASK = 0o077
#: The local system account (backup and service tools run as it).
_SYSTEM_SID = "S-1-5-18"


class PrivacyError(KnownError, OSError):
    """The data folder could not be made private; the text says what to do."""


def make_private(data_dir: Path) -> None:
    """Make ``data_dir`` and everything in it readable by this user only, and keep new files so."""
    if sys.platform == "win32":
        _private_on_windows(data_dir)
    else:
        _private_on_posix(data_dir)


def _private_on_posix(data_dir: Path) -> None:
    os.umask(_UMASK)
    data_dir.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    _tighten(data_dir, DIR_MODE)
    for root, dirs, files in os.walk(data_dir):  # does not follow links to folders
        for name in dirs:
            _tighten(Path(root) / name, DIR_MODE)
        for name in files:
            _tighten(Path(root) / name, FILE_MODE)


def _tighten(path: Path, mode: int) -> None:
    try:
        info = path.lstat()
    except FileNotFoundError:
        return  # removed meanwhile (a rotated log, a finished backup)
    if stat.S_ISLNK(info.st_mode) or info.st_uid != os.getuid():
        return  # never follow a link out of the folder, nor touch another user's file
    if stat.S_IMODE(info.st_mode) & ~mode:
        path.chmod(stat.S_IMODE(info.st_mode) & mode)
        log.info("made %s private (was mode %o)", path, stat.S_IMODE(info.st_mode))


def _private_on_windows(data_dir: Path) -> None:
    """icacls: drop inherited entries, grant this user and SYSTEM full control to the folder
    and, through inheritance (OI)(CI), to everything created in it; existing children are
    reset to inherit (/T). Identities are given as SIDs, so a renamed account still works."""
    data_dir.mkdir(parents=True, exist_ok=True)
    icacls = _system_tool("icacls.exe")
    user_sid = _current_user_sid()
    commands = [
        [icacls, str(data_dir), "/inheritance:r",
         "/grant:r", f"*{user_sid}:(OI)(CI)F", "/grant:r", f"*{_SYSTEM_SID}:(OI)(CI)F"],
        [icacls, str(data_dir / "*"), "/reset", "/T", "/C", "/Q"],
    ]
    for command in commands:
        result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 - fixed tool, arguments are paths and SIDs
        if result.returncode != 0 and not (command[-1] == "/Q" and not any(data_dir.iterdir())):
            log.error("icacls failed (%d): %s", result.returncode, result.stderr.strip())
            raise PrivacyError(
                f"could not make {data_dir} private to this Windows user "
                f"({result.stderr.strip() or result.stdout.strip()}); ask the PC's "
                "administrator to give only this user access to the folder")


def _system_tool(name: str) -> str:
    root = os.environ.get("SYSTEMROOT", r"C:\Windows")
    candidate = Path(root) / "System32" / name
    found = str(candidate) if candidate.exists() else shutil.which(name)
    if found is None:
        raise PrivacyError(f"{name} is missing, so the data folder cannot be made private")
    return found


def _current_user_sid() -> str:
    whoami = _system_tool("whoami.exe")
    result = subprocess.run([whoami, "/user", "/fo", "csv", "/nh"], capture_output=True,  # noqa: S603 - fixed tool and arguments
                            text=True, check=False)
    rows = list(csv.reader(io.StringIO(result.stdout.strip())))
    if result.returncode != 0 or not rows or len(rows[0]) < 2 or not rows[0][1].startswith("S-"):
        log.error("whoami /user failed (%d): %s", result.returncode, result.stderr.strip())
        raise PrivacyError("could not find this Windows user's identity (whoami /user failed)")
    return rows[0][1]
