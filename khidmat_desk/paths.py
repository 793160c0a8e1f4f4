"""Where shipped resources and migrations are, in a source checkout, a wheel or a frozen build."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def _top_level(name: str) -> Path:
    candidates = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / name)
    candidates.append(_PACKAGE_DIR.parent / name)  # source checkout or editable install
    candidates.append(_PACKAGE_DIR / f"_{name}")  # wheel: mapped into the package
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the '{name}' folder is missing from this installation")


def resource_path(*parts: str) -> Path:
    """A file under the top-level ``resources/`` folder (fonts, data, templates...)."""
    return _top_level("resources").joinpath(*parts)


def migrations_path() -> Path:
    """The Alembic script folder (top-level ``db/``)."""
    return _top_level("db")
