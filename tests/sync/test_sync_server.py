"""The reference central server's HTTP API: tokens, limits, centre rules, report, OpenAPI."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from datetime import timedelta

import httpx
import pytest
from sync_helpers import FRIDAY, Central, Counter, drain, record_entry

from khidmat_central import tokens
from khidmat_desk.app.applications import change_status
from khidmat_desk.sync import protocol

_SEQUENCE = iter(range(1, 10_000))


def entry(centre: str = "LHR01", **changes: object) -> dict[str, object]:
    return {**record_entry(centre=centre, sequence=next(_SEQUENCE)), **changes}


def push(central: Central, token: str, entries: list[object], **kwargs: object
         ) -> httpx.Response:
    return httpx.post(central.url + protocol.PUSH_PATH, headers={
        "Authorization": f"Bearer {token}"}, json={"batch_id": "b", "entries": entries},
        **kwargs)  # type: ignore[arg-type]


def test_no_token_no_entry(central: Central) -> None:
    response = push(central, "kd1_not-a-token", [entry()])
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_each_entry_is_judged_on_its_own(central: Central) -> None:
    token = central.token()
    good = entry()
    bad_version = entry(version=0)
    foreign = entry(centre="ISB02")
    mismatched = entry()
    mismatched["payload"] = {**mismatched["payload"], "version": 5}  # type: ignore[dict-item]
    results = push(central, token, [good, bad_version, "junk", foreign, mismatched, good]
                   ).json()["results"]
    assert [r["result"] for r in results] == ["accepted", "rejected", "rejected", "rejected",
                                             "rejected", "duplicate"]
    assert "whole number" in results[1]["reason"]
    assert "only send records of centre LHR01" in results[3]["reason"]
    changed = {**good, "payload": {**good["payload"], "token_no": "A12"}}  # type: ignore[dict-item]
    [again] = push(central, token, [changed]).json()["results"]
    assert again["result"] == "rejected" and "different content" in again["reason"]


def test_limits_and_damaged_bodies(central: Central) -> None:
    token = central.token()
    headers = {"Authorization": f"Bearer {token}", "Content-Encoding": "gzip"}
    bomb = gzip.compress(b"[" + b" " * (protocol.SERVER_MAX_BYTES + 10) + b"]")
    assert httpx.post(central.url + protocol.PUSH_PATH, content=bomb,
                      headers=headers).status_code == 413
    assert httpx.post(central.url + protocol.PUSH_PATH, content=b"not gzip",
                      headers=headers).status_code == 400
    too_many = [entry() for _ in range(protocol.SERVER_MAX_ENTRIES + 1)]
    assert push(central, token, too_many).status_code == 413
    assert push(central, token, {"x": 1}).status_code == 400  # type: ignore[arg-type]


def test_a_reader_token_reads_the_report_but_cannot_push(central: Central) -> None:
    reader = tokens.add_token(central.db, role=tokens.READER)
    assert push(central, reader, [entry()]).status_code == 403
    report = httpx.get(central.url + protocol.REPORT_PATH, params={"date": "2026-03-06"},
                       headers={"Authorization": f"Bearer {reader}"})
    assert report.status_code == 200 and report.json()["total_applications"] == 0


def test_the_daily_report_counts_each_application_once(
        central: Central, counters: Callable[..., Counter]) -> None:
    first = counters(central.url, central.token(counter=1), number=1)
    second = counters(central.url, central.token(centre="RWP02", counter=1), number=1,
                      centre="RWP02")
    made = first.submit(3)
    second.submit(2)
    second.submit(1, now=FRIDAY + timedelta(days=1))
    change_status(first.db, made[0].tracking_number, "in-verification", user=first.officer)
    drain(first.syncer)
    drain(second.syncer)
    reader = tokens.add_token(central.db, role=tokens.READER)
    report = httpx.get(central.url + protocol.REPORT_PATH, params={"date": "2026-03-06"},
                       headers={"Authorization": f"Bearer {reader}",
                                "Accept-Encoding": "gzip"}).json()
    assert report["total_applications"] == 5
    assert report["total_fees_pkr"] == 5 * 500
    assert report["by_centre"] == [
        {"centre_code": "LHR01", "applications": 3, "fees_pkr": 1500},
        {"centre_code": "RWP02", "applications": 2, "fees_pkr": 1000}]
    [service] = report["by_service"]
    assert service["title"] and service["applications"] == 5


def test_the_api_describes_itself(central: Central) -> None:
    spec = httpx.get(central.url + "/openapi.json").json()
    assert {protocol.PUSH_PATH, protocol.CHANGES_PATH, protocol.RECONCILE_PATH,
            protocol.REPORT_PATH} <= set(spec["paths"])
    body = spec["paths"][protocol.PUSH_PATH]["post"]["requestBody"]
    assert "entries" in json.dumps(body)


@pytest.mark.parametrize("since", [-1, "x"])
def test_bad_pull_cursors_are_refused(central: Central, since: object) -> None:
    response = httpx.get(central.url + protocol.CHANGES_PATH, params={"since": since},
                         headers={"Authorization": f"Bearer {central.token()}"})
    assert response.status_code == 422
