"""Layers point one way: nothing outside khidmat_desk/gui/ may import Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "khidmat_desk"
QT_ROOTS = {"PySide6", "shiboken6", "PyQt5", "PyQt6"}


def _non_gui_modules() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if "gui" not in p.relative_to(PACKAGE).parts]


def _imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_no_qt_import_outside_gui() -> None:
    offenders = {str(p.relative_to(PACKAGE)): sorted(_imported_roots(p) & QT_ROOTS)
                 for p in _non_gui_modules() if _imported_roots(p) & QT_ROOTS}
    assert offenders == {}


def test_importing_every_non_gui_module_loads_no_qt() -> None:
    """Catches indirect imports too (a dependency that pulls Qt in)."""
    names = sorted(
        ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        for p in _non_gui_modules()
    )
    code = ("import importlib, sys\n"
            f"for name in {names!r}:\n    importlib.import_module(name)\n"
            "loaded = sorted(m for m in sys.modules if m.split('.')[0] in "
            f"{sorted(QT_ROOTS)!r})\nprint(loaded)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=False, cwd=PACKAGE.parent)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
