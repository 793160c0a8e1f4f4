"""`doctor` asks the real central server on loopback whether it is there and takes the token."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sync_helpers import Central, Counter

from khidmat_desk.app.doctor import FAIL, OK, WARN, diagnose


def _finding(report: object, topic: str) -> tuple[str, str]:
    found = next(f for f in report.findings if f.topic == topic)  # type: ignore[attr-defined]
    return found.level, found.detail


def test_doctor_reaches_the_server_and_checks_the_token(
        central: Central, counters: Callable[..., Counter],
        monkeypatch: pytest.MonkeyPatch) -> None:
    counter = counters(central.url, central.token())
    counter.submit(2, now=datetime.now(UTC))
    report = diagnose(counter.settings, network_timeout=2.0)
    assert _finding(report, "central server") == (OK, f"{central.url} reachable")
    assert _finding(report, "sync token")[0] == OK
    level, detail = _finding(report, "outbox")
    assert level == OK and detail.startswith("2 waiting, 0 set aside; oldest from")
    monkeypatch.setenv("KHIDMAT_SYNC_TOKEN", "not-a-token-the-server-gave")
    refused = diagnose(counter.settings, network_timeout=2.0)
    assert _finding(refused, "sync token")[0] == FAIL
    assert refused.worst == FAIL


def test_doctor_says_when_the_server_is_down(central: Central,
                                             counters: Callable[..., Counter]) -> None:
    counter = counters(central.url, central.token())
    central.server.stop()
    level, detail = _finding(diagnose(counter.settings, network_timeout=1.0), "central server")
    assert level == FAIL and "not reachable" in detail


def test_doctor_says_when_the_server_holds_applications_this_database_lacks(
        central: Central, counters: Callable[..., Counter]) -> None:
    token = central.token()
    old = counters(central.url, token)
    old.submit(2, now=datetime.now(UTC))
    old.syncer.run_once()
    again = counters(central.url, token, number=7, folder="set-up-again")
    assert _finding(diagnose(again.settings, network_timeout=2.0), "outbox")[0] == OK
    again.syncer.run_once()  # learns the server's numbers: goes on after them
    level, detail = _finding(diagnose(again.settings, network_timeout=2.0), "central records")
    assert level == WARN and "up to 0002" in detail and "sync --take-back" in detail
