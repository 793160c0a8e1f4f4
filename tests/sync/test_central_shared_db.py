"""Counters that share one centre database push each other's records: only with a token made for
that (``token add --shared-database``), and still only records of their own centre whose
tracking numbers name the counter the record says made it."""

from __future__ import annotations

from typing import Any

import httpx
from sync_helpers import FRIDAY, Central, record_entry

from khidmat_central import tokens
from khidmat_desk.core.tracking import make_tracking_number
from khidmat_desk.sync import protocol


def push(central: Central, token: str, entries: list[Any]) -> list[tuple[str, str]]:
    response = httpx.post(central.url + protocol.PUSH_PATH, json={
        "batch_id": "s", "entries": entries}, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.text
    return [(r["result"], r.get("reason") or "") for r in response.json()["results"]]


def test_a_shared_database_token_sends_every_counter_of_its_centre(central: Central) -> None:
    shared = tokens.add_token(central.db, role=tokens.SHARED, centre_code="LHR01", counter=7)
    own, neighbours = record_entry(counter=7, sequence=1), record_entry(counter=8, sequence=1)
    lying = record_entry(counter=9, tracking_number=str(  # counter 9 with counter 8's number
        make_tracking_number("LHR01", FRIDAY.date(), 8, 2)))
    other_centre = record_entry(centre="RWP02", counter=8, sequence=1)
    results = push(central, shared, [own, neighbours, lying, other_centre])
    assert results[:2] == [("accepted", ""), ("accepted", "")]
    assert results[2][0] == "rejected" and "another centre or counter" in results[2][1]
    assert results[3][0] == "rejected" and "only send records of centre LHR01" in results[3][1]


def test_an_ordinary_counter_token_sends_only_its_own_counter(central: Central) -> None:
    results = push(central, central.token(counter=7), [record_entry(counter=8, sequence=1)])
    assert results[0][0] == "rejected" and "belongs to counter 7" in results[0][1]
