"""Shipped data outside the checkout: the wheel's layout, the frozen layout, the extras, and
the command with no arguments. (scripts/check-wheel and scripts/build-installer --check, run
by scripts/test, install and use the real wheel and the real frozen program end to end.)"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from khidmat_desk import paths

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built from a copy of the sources, so the build leaves nothing in the checkout."""
    out = tmp_path_factory.mktemp("wheel")
    source = tmp_path_factory.mktemp("source")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("khidmat_desk", "khidmat_central", *paths.SHIPPED_FOLDERS):
        shutil.copytree(ROOT / name, source / name, ignore=ignore)
    for name in ("setup.py", "pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "-w", str(out), str(source)], check=True, capture_output=True, cwd=source,
                   env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    (built,) = out.glob("khidmat_desk-*.whl")
    return built


@pytest.fixture
def clear_cache() -> Iterator[None]:
    paths.shipped_folder.cache_clear()
    yield
    paths.shipped_folder.cache_clear()


def test_the_wheel_carries_every_shipped_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {f"khidmat_desk/{paths.SHIPPED_FOLDERS[top]}/{p.relative_to(ROOT / top)}"
               for top in paths.SHIPPED_FOLDERS
               for p in (ROOT / top).rglob("*")
               if p.is_file() and "__pycache__" not in p.parts}
    assert shipped - names == set()
    assert "khidmat_desk/core/services/police_verification.py" in names  # a namespace package
    assert not any("__pycache__" in name for name in names)


def test_an_unpacked_wheel_finds_its_data_and_migrations(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = ("from khidmat_desk.paths import resource_path, migrations_path\n"
            "from khidmat_desk.core.catalogue import load_tariff\n"
            "from khidmat_desk.store.migrate import head_revision\n"
            "print(resource_path('fonts'), migrations_path(), sep='\\n')\n"
            "load_tariff(None); print(head_revision())\n")
    # the unpacked wheel first on the path, run from elsewhere: the checkout plays no part
    out = subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {str(site)!r})\n"
                          + code], capture_output=True, text=True, cwd=tmp_path, check=False)
    assert out.returncode == 0, out.stderr
    fonts, migrations, head = out.stdout.split()
    assert fonts == str(site / "khidmat_desk" / "_resources" / "fonts")
    assert migrations == str(site / "khidmat_desk" / "_migrations")
    assert head.startswith("00")


def test_a_frozen_build_reads_from_its_program_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clear_cache: None) -> None:
    for packaged in paths.SHIPPED_FOLDERS.values():
        (tmp_path / "khidmat_desk" / packaged).mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resource_path("fonts", "x.ttf") == (
        tmp_path / "khidmat_desk" / "_resources" / "fonts" / "x.ttf")
    assert paths.migrations_path() == tmp_path / "khidmat_desk" / "_migrations"


def test_a_checkout_reads_the_top_level_folders(clear_cache: None) -> None:
    assert paths.resource_path("data", "tariff.json") == ROOT / "resources" / "data" / "tariff.json"
    assert paths.migrations_path() == ROOT / "db"


def test_a_missing_folder_says_reinstall(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clear_cache: None) -> None:
    monkeypatch.setattr(paths, "shipped_folder_candidates", lambda name: [tmp_path / name])
    with pytest.raises(paths.MissingShippedDataError, match="reinstall"):
        paths.resource_path("fonts")


def test_the_counter_does_not_install_a_web_server() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    base = " ".join(project["dependencies"]).lower()
    assert "fastapi" not in base and "uvicorn" not in base
    central = " ".join(project["optional-dependencies"]["central"]).lower()
    assert "fastapi" in central and "uvicorn" in central


def test_the_central_server_runs_without_qt(tmp_path: Path) -> None:
    code = ("import sys\n"
            "for name in ('PySide6', 'shiboken6'): sys.modules[name] = None  # not installed\n"
            "from khidmat_central.cli import main\n"
            "from khidmat_central.api import create_app\n"
            "sys.exit(main(['token', 'add', '--centre', 'LHR01', '--counter', '1', "
            f"'--db', 'sqlite:///{tmp_path}/c.sqlite3']))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=False)
    assert out.returncode == 0, out.stderr
    assert len(out.stdout.strip()) >= 20  # the token, printed once


def _desk(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "khidmat_desk.cli.main", *args,
                           "--data-dir", str(data)], capture_output=True, text=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=120,
                          check=False)


def test_no_command_opens_the_counter(tmp_path: Path) -> None:
    out = _desk(data=tmp_path / "nothing-here")
    assert out.returncode == 2
    assert "No centre is set up" in out.stderr and "usage" not in out.stderr


@pytest.mark.slow
def test_the_counter_starts_to_the_sign_in_window(tmp_path: Path) -> None:
    data = tmp_path / "centre"
    assert _desk("demo", "--applications", "5", data=data).returncode == 0
    out = _desk("gui", "--check-start", data=data)
    assert out.returncode == 0, out.stderr
    assert out.stdout == "sign-in window shown\n"


def _fake_ldconfig(folder: Path, libraries: list[str]) -> Path:
    program = folder / "ldconfig"
    lines = "".join(f"\\t{name} (libc6,x86-64) => /usr/lib/{name}\\n" for name in libraries)
    program.write_text(f"#!/bin/sh\nprintf '{lines}'\n")
    program.chmod(0o755)
    return program


@pytest.mark.parametrize("platform", ["xcb", "offscreen"])
def test_start_names_the_missing_x_libraries_and_the_apt_line(tmp_path: Path,
                                                               platform: str) -> None:
    present = ["libglib-2.0.so.0", "libEGL.so.1", "libGL.so.1", "libfontconfig.so.1",
               "libxkbcommon.so.0", "libdbus-1.so.3", "libxcb-cursor.so.0",
               "libxcb-image.so.0", "libxcb-render-util.so.0", "libxcb-shape.so.0",
               "libxkbcommon-x11.so.0"]  # a fresh Debian lacks icccm and keysyms
    out = subprocess.run([str(ROOT / "scripts" / "check-screen-libs"), platform],
                         capture_output=True, text=True, check=False,
                         env={**os.environ, "LDCONFIG": str(_fake_ldconfig(tmp_path, present))})
    if platform == "offscreen":
        assert (out.returncode, out.stderr) == (0, "")
    else:
        assert out.returncode == 1
        assert "  apt-get install -y libxcb-icccm4 libxcb-keysyms1\n" in out.stderr
