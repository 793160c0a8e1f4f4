"""Settings of this counter, each declared once, stored as JSON in the data directory.

The database holds what the centre shares (centre, users, applications); this file holds what
belongs to this PC: which counter it is, where its database is, how long before it locks.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from khidmat_desk.core.clock import DEFAULT_ZONE, UnknownTimeZoneError, zone_named
from khidmat_desk.errors import KnownError
from khidmat_desk.files import write_atomically

log = logging.getLogger("khidmat.settings")

DATA_DIR_ENV = "KHIDMAT_DATA_DIR"
SETTINGS_FILE = "settings.json"
DATABASE_FILE = "khidmat.sqlite3"


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    label: str
    choices: tuple[Any, ...] = ()  # the allowed values, when the setting is one of a few
    minimum: int | None = None  # the smallest allowed number


ZONE_CHECK = "zone"  # choices marker: the value must name a time zone


SETTINGS: tuple[Setting, ...] = (
    Setting("centre_code", str, "", "Centre code"),
    Setting("counter", int, 0, "Counter number of this PC", minimum=0),
    Setting("database_url", str, "", "Database URL (empty: the SQLite file in the data folder)"),
    Setting("timezone", str, DEFAULT_ZONE, "Time zone of the centre", choices=(ZONE_CHECK,)),
    Setting("idle_lock_minutes", int, 5, "Lock the counter after this many idle minutes",
            minimum=1),
    Setting("language", str, "en", "Language of the counter (en or ur)", choices=("en", "ur")),
    Setting("receipt_printer", str, "",
            "Printer for receipts (empty: the system's default; 'pdf-folder': save as PDF files)"),
    Setting("document_printer", str, "",
            "Printer for certificates, letters and reports (same choices as receipts)"),
    Setting("receipt_format", str, "thermal", "Receipt paper: thermal (80 mm roll) or a4",
            choices=("thermal", "a4")),
    Setting("after_submit", str, "print",
            "After an application is saved: print the receipt, preview it, or nothing",
            choices=("print", "preview", "nothing")),
    Setting("secret_store", str, "keyring",
            "Where secrets are kept: keyring (the system's) or file (protected files, fallback)",
            choices=("keyring", "file")),
    Setting("sync_server", str, "",
            "Central server address (https://...; plain http only for this machine)"),
    Setting("sync_ca_bundle", str, "",
            "CA certificates file for a central server with a private certificate authority"),
    Setting("backups_keep", int, 10,
            "How many automatic backups of the database to keep: this many day-close copies "
            "and this many others (start, periodic, manual); the oldest go first"),
    Setting("backup_every_hours", int, 4,
            "Back the database up this often while the counter runs (0: only at start and "
            "day close)"),
    Setting("central_seal_key", str, "",
            "The central server's public sealing key (hex): confidential records in offline "
            "bundles are sealed to it"),
    Setting("public_verify_url", str, "",
            "Public address of the central server's verification pages, printed in QR codes "
            "(empty: QR codes carry only the signed content)"),
    Setting("demo", bool, False,
            "A demo centre of invented data (made by 'khidmat-desk demo'; never syncs to a "
            "real central server)"),
)
_BY_KEY = {s.key: s for s in SETTINGS}


class SettingsError(KnownError, ValueError):
    pass


class DatabaseMissing(SettingsError):  # noqa: N818 - read as a message
    """A set-up centre whose database file is gone or empty."""


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("khidmat-desk", appauthor=False))


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--data-dir wins, then KHIDMAT_DATA_DIR, then the platform's per-user data folder."""
    chosen = explicit or os.environ.get(DATA_DIR_ENV)
    return Path(chosen).expanduser().resolve() if chosen else default_data_dir()


@dataclass
class CounterSettings:
    data_dir: Path
    values: dict[str, Any]

    @classmethod
    def load(cls, data_dir: Path) -> CounterSettings:
        path = data_dir / SETTINGS_FILE
        values = {s.key: s.default for s in SETTINGS}
        if path.exists():
            try:
                stored = json.loads(path.read_text("utf-8"))
            except (OSError, ValueError, RecursionError) as exc:
                raise SettingsError(f"{path} is damaged ({exc}); restore it from a backup") from exc
            values.update({k: _coerce(k, v) for k, v in stored.items() if k in _BY_KEY})
        return cls(data_dir, values)

    def get(self, key: str) -> Any:
        return self.values[_BY_KEY[key].key]

    def set(self, key: str, value: Any) -> None:
        if key not in _BY_KEY:
            raise SettingsError(f"unknown setting '{key}'")
        self.values[key] = _coerce(key, value)

    def save(self) -> None:
        """Write atomically: a power cut leaves the old file or the new one, never half of one."""
        text = json.dumps(self.values, indent=2, sort_keys=True)
        write_atomically(self.data_dir / SETTINGS_FILE, text.encode("utf-8"))

    @property
    def initialised(self) -> bool:
        return bool(self.values["centre_code"]) and int(self.values["counter"]) > 0

    @property
    def database_url(self) -> str:
        url = str(self.values["database_url"])
        return url or f"sqlite:///{self.data_dir / DATABASE_FILE}"

    @property
    def is_demo(self) -> bool:
        return bool(self.values["demo"])

    @property
    def database_file(self) -> Path | None:
        """The SQLite file, or None when the centre uses a database server."""
        if not self.values["database_url"]:  # the usual case, answered before SQLAlchemy
            return self.data_dir / DATABASE_FILE  # is imported (it is checked at start-up)
        from sqlalchemy.engine import make_url

        url = make_url(self.database_url)
        if url.get_backend_name() != "sqlite" or not url.database:
            return None
        return Path(url.database)

    def check_database(self) -> None:
        """Raise `DatabaseMissing` when this centre's SQLite file is gone or empty: opening it
        would silently start a new, empty database in its place."""
        path = self.database_file
        if path is None:
            return
        if not path.is_file() or path.stat().st_size == 0:
            raise DatabaseMissing(
                f"the database of centre {self.values['centre_code']} ({path}) is missing or "
                "empty; restore it from a backup (the 'backups' folder holds copies made before "
                "upgrades) — nothing was created in its place")

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def templates_dir(self) -> Path:
        """The centre's replacements for the shipped document layouts, if any."""
        return self.data_dir / "templates"

    @property
    def tariff_override(self) -> Path:
        return self.data_dir / "tariff.json"


def _coerce(key: str, value: Any) -> Any:
    """The value as the setting's type, or `SettingsError` saying what is allowed."""
    setting = _BY_KEY[key]
    if setting.type is bool:
        if not isinstance(value, bool):
            raise SettingsError(f"setting '{key}' must be true or false")
        return value
    try:
        coerced = setting.type(value)
    except (TypeError, ValueError) as exc:
        raise SettingsError(f"setting '{key}' must be {setting.type.__name__}") from exc
    if setting.choices == (ZONE_CHECK,):
        try:
            zone_named(coerced)
        except UnknownTimeZoneError as exc:
            raise SettingsError(str(exc)) from exc
    elif setting.choices and coerced not in setting.choices:
        raise SettingsError(f"setting '{key}' must be one of: "
                            f"{', '.join(map(str, setting.choices))} (not '{coerced}')")
    if setting.minimum is not None and coerced < setting.minimum:
        raise SettingsError(f"setting '{key}' must be at least {setting.minimum}")
    return coerced
