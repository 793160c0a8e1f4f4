"""Fixtures for the sync tests: a real central server on loopback, counters with real files.

The central server runs on SQLite under tmp_path and, when ``KHIDMAT_TEST_PG_URL`` is set, on
PostgreSQL too (a fresh schema per test).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cli_helpers import cli_init
from sync_helpers import CLI_PASSWORD, Central, Counter, Run, make_counter

from khidmat_central.server import ServerThread
from khidmat_central.store import open_central
from khidmat_central.tariffs import CentralTariff
from khidmat_desk.auth.users import UserInfo
from khidmat_desk.core.catalogue import Tariff


@pytest.fixture
def central(central_url: str, tariff: Tariff) -> Iterator[Central]:
    db = open_central(central_url)
    rules = CentralTariff(tariff)
    server = ServerThread(db, tariff=rules).start()
    holder = Central(db, server.url, server, rules)
    try:
        yield holder
    finally:
        holder.server.stop()
        db.dispose()


@pytest.fixture
def counters(tmp_path: Path, make_user: Callable[..., UserInfo],
             tariff: Tariff) -> Iterator[Callable[..., Counter]]:
    made: list[Counter] = []

    def factory(server_url: str, token: str, **options: Any) -> Counter:
        counter = make_counter(tmp_path, server_url, token, make_user, tariff, **options)
        made.append(counter)
        return counter

    yield factory
    for counter in made:
        counter.syncer.close()
        counter.db.dispose()


@pytest.fixture
def data_dir(tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A centre set up by `khidmat-desk init` (LHR01, counter 7), not syncing yet."""
    monkeypatch.delenv("KHIDMAT_SYNC_TOKEN", raising=False)
    folder = tmp_path / "centre"
    cli_init(run, folder, CLI_PASSWORD, centre="lhr01")
    return folder
