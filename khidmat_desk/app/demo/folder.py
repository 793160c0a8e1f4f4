"""Where a demo may be built: only a new folder, or one that an earlier demo built.

The demo creates staff accounts whose passwords are printed in the README and invents
applications that would be queued for the central server. On a real centre's data folder
that is a way in and a way to lose the truth, whatever the centre's code is (the README's own
example is the demo's ``LHR01``). So a demo folder is marked in its settings (``demo``), and a
folder holding anything else — a set-up centre, a database, any file — is refused.
"""

from __future__ import annotations

from pathlib import Path

from khidmat_desk.app.settings import CounterSettings, SettingsError
from khidmat_desk.errors import KnownError


class DemoRefused(KnownError, ValueError):  # noqa: N818 - read as a message
    """The folder is not one a demo may be built in; the text says why."""

    bad_input = True


def check_demo_folder(data_dir: Path) -> bool:
    """True when ``data_dir`` holds an earlier demo (add to it), False when it is new or empty;
    raise `DemoRefused` for anything else."""
    if not data_dir.exists():
        return False
    if not data_dir.is_dir():
        raise DemoRefused(f"{data_dir} is a file, not a folder")
    if not any(data_dir.iterdir()):
        return False
    try:
        settings = CounterSettings.load(data_dir)
    except SettingsError as exc:
        raise DemoRefused(f"{data_dir} holds damaged settings ({exc}); demo data goes in a "
                          "new, empty folder") from exc
    if settings.initialised and settings.is_demo:
        return True
    if settings.initialised:
        raise DemoRefused(f"{data_dir} holds the real centre {settings.get('centre_code')}; "
                          "demo data goes in a new, empty folder")
    raise DemoRefused(f"{data_dir} is not empty and holds no demo centre; demo data goes in "
                      "a new, empty folder")
