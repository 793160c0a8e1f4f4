"""A centre on disk with a few saved applications, for the backup, restore and crash tests."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from khidmat_desk.app.applications import submit_application
from khidmat_desk.app.centre import init_centre
from khidmat_desk.app.context import CounterContext
from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.auth.users import authenticate
from khidmat_desk.core.catalogue import get_service, load_tariff
from khidmat_desk.core.intake import Intake
from khidmat_desk.store.db import Database, open_database

PASSWORD = "incharge-pass-1"
SERVICE = "character-certificate"


def make_centre(folder: Path, *, counter: int = 3, password: str = PASSWORD) -> CounterSettings:
    """A centre as `khidmat-desk init` leaves it: settings and a migrated database, with the
    in-charge's account signing in with ``password``."""
    folder.mkdir(parents=True, exist_ok=True)
    settings = CounterSettings.load(folder)
    db = open_database(settings.database_url, backup_dir=settings.backup_dir)
    try:
        init_centre(db, code="LHR01", name="Liberty Market", district="Lahore", counter=counter,
                    username="incharge", full_name="Saima Aslam", password=password)
    finally:
        db.dispose()
    settings.set("centre_code", "LHR01")
    settings.set("counter", counter)
    settings.set("secret_store", "file")  # as `init --secret-store file` on a PC with no keyring
    settings.save()
    return settings


def save_applications(db: Database, settings: CounterSettings, count: int) -> list[str]:
    """Save ``count`` applications as the in-charge; their tracking numbers."""
    user = authenticate(db, "incharge", PASSWORD)
    service = get_service(SERVICE)
    ctx = CounterContext(settings, db, load_tariff(), user=user)
    intake = Intake(SERVICE, service.example,
                    documents_received=tuple(d.key for d in service.documents))
    return [submit_application(ctx, intake).tracking_number for _ in range(count)]


def count_rows(db: Database, table: str) -> int:
    from sqlalchemy import text

    with db.read() as session:
        return int(session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


@contextmanager
def small_disk(mount_point: Path, size: str = "3m") -> Iterator[Path]:
    """A real small file system (tmpfs), so 'disk full' is the kernel's own ENOSPC.
    Skips the test where mounting is not permitted (needs root, as in CI)."""
    mount_point.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs",
                              str(mount_point)], capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {mounted.stderr.decode().strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def fill_disk(folder: Path, leave: int = 0) -> Path:
    """Fill the file system holding ``folder`` until about ``leave`` bytes are free."""
    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize
    filler = folder / "filler"
    with contextlib.suppress(OSError):  # full to the last block: that is what was asked for
        filler.write_bytes(b"\0" * max(0, free - leave))
    return filler
