"""Layers point one way: nothing outside khidmat_desk/gui/ may import Qt."""

from __future__ import annotations

import ast
import os
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


def test_the_sign_in_window_shows_before_the_database_layer_is_imported(tmp_path: Path) -> None:
    """Start-up budget: the counter's sign-in window is on screen before SQLAlchemy (about
    a tenth of a second to import) is loaded; the database opens behind it."""
    from gui_driver import make_centre

    folder = tmp_path / "centre"
    make_centre(folder)
    code = ("import sys\nfrom pathlib import Path\n"
            "from PySide6.QtWidgets import QApplication\n"
            "from khidmat_desk.gui.app import run\n"
            "def shown():\n"
            "    print(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy')[:3],"
            " flush=True)\n"
            "    QApplication.quit()\n"
            "run(Path(sys.argv[1]), on_login_shown=shown)\n")
    out = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True,
                         text=True, check=False, cwd=PACKAGE.parent, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.splitlines()[:1] == ["[]"], out.stdout + out.stderr
