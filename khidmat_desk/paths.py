"""The one way to reach shipped data: resources (fonts, templates, tariff, reference lists,
translations) and the Alembic migrations, wherever Khidmat Desk runs from.

* a source checkout (or an editable install): the top-level ``resources/`` and ``db/`` folders,
  which are the source of truth;
* an installed wheel: the same folders, mapped into the package by the build configuration
  (``setup.py``) as ``khidmat_desk/_resources`` and ``khidmat_desk/_migrations``, found with
  ``importlib.resources``;
* a frozen build (PyInstaller, ``installer.spec``): the same two names inside the program
  folder, under ``sys._MEIPASS``.
"""

from __future__ import annotations

import sys
from functools import cache
from importlib import resources
from pathlib import Path

from khidmat_desk.errors import KnownError

_PACKAGE_DIR = Path(__file__).resolve().parent

#: top-level folder in the checkout -> its name inside the installed package
SHIPPED_FOLDERS = {"resources": "_resources", "db": "_migrations"}


class MissingShippedDataError(KnownError, FileNotFoundError):
    """The installation is incomplete: reinstall the program (the data folder is untouched)."""


def shipped_folder_candidates(name: str) -> list[Path]:
    """Where ``name`` ('resources' or 'db') is looked for, in order (shown by ``doctor``)."""
    packaged = SHIPPED_FOLDERS[name]
    candidates = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / "khidmat_desk" / packaged)
    checkout = _PACKAGE_DIR.parent
    if (checkout / "pyproject.toml").is_file():
        candidates.append(checkout / name)
    candidates.append(Path(str(resources.files("khidmat_desk").joinpath(packaged))))
    return candidates


@cache
def shipped_folder(name: str) -> Path:
    """The folder holding the shipped ``resources`` or ``db`` data of this installation."""
    candidates = shipped_folder_candidates(name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise MissingShippedDataError(
        f"the program's '{name}' folder is missing (looked in "
        f"{', '.join(str(c) for c in candidates)}); reinstall Khidmat Desk")


def resource_path(*parts: str) -> Path:
    """A file under the top-level ``resources/`` folder (fonts, data, templates...)."""
    return shipped_folder("resources").joinpath(*parts)


def migrations_path() -> Path:
    """The Alembic script folder (top-level ``db/``)."""
    return shipped_folder("db")
