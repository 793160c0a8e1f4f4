"""The central server checks what a record says about itself against the token that sent it.

Each test performs an attack a counter (or whoever holds its token) could make and shows that
it fails: the entry is refused with a reason naming the claim, the rest of the batch goes in,
and nothing the attack sent changes what the province sees.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sync_helpers import (
    CENTRE,
    FRIDAY,
    Central,
    Counter,
    drain,
    next_version,
    record_entry,
    record_payment,
)

from khidmat_central import tokens
from khidmat_central.limits import RateLimit
from khidmat_central.schema import Record
from khidmat_central.server import ServerThread
from khidmat_central.status import set_status
from khidmat_desk.core.tracking import make_tracking_number
from khidmat_desk.sync import protocol
from khidmat_desk.sync.errors import ServerBusy
from khidmat_desk.sync.transport import Transport, TransportConfig


def push(central: Central, token: str, entries: list[Any], *, url: str | None = None,
         batch_id: str = "b1") -> httpx.Response:
    body = json.dumps({"batch_id": batch_id, "entries": entries})
    return httpx.post((url or central.url) + protocol.PUSH_PATH, content=body.encode(
        "utf-8", "surrogatepass"), headers={"Authorization": f"Bearer {token}",
                                            "Content-Type": "application/json"})


def verdicts(response: httpx.Response) -> list[tuple[str, str]]:
    assert response.status_code == 200, response.text
    return [(r["result"], r.get("reason") or "") for r in response.json()["results"]]


def stored(central: Central) -> int:
    with central.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(Record)) or 0)


def test_a_record_claiming_another_centres_tracking_number_is_refused(
        central: Central, counters: Callable[..., Counter]) -> None:
    """The attack of the issue: RWP02 pushes LHR01's tracking number to steal its decisions."""
    real = counters(central.url, central.token(counter=7))
    [made] = real.submit(1)
    drain(real.syncer)
    attacker = central.token(centre="RWP02", counter=7)
    own_centre = record_entry(centre="RWP02", tracking_number=made.tracking_number)
    claims_lhr = record_entry(centre="RWP02")
    claims_lhr["payload"] = {**claims_lhr["payload"], "centre_code": CENTRE,  # type: ignore[dict-item]
                             "tracking_number": made.tracking_number}
    results = verdicts(push(central, attacker, [own_centre, claims_lhr]))
    assert results[0] == ("rejected", f"tracking number {made.tracking_number} belongs to "
                                      "another centre or counter than RWP02 counter 7")
    assert results[1][0] == "rejected" and "only send records of centre RWP02" in results[1][1]
    done = set_status(central.db, made.tracking_number, "verified", set_by="PS Gulberg")
    real_page = httpx.get(central.url + protocol.CHANGES_PATH, headers={
        "Authorization": f"Bearer {central.token(counter=7)}"}).json()
    assert [c["cursor"] for c in real_page["changes"]] == [done.cursor]
    stolen = httpx.get(central.url + protocol.CHANGES_PATH,
                       headers={"Authorization": f"Bearer {attacker}"}).json()
    assert stolen["changes"] == []


def test_every_claim_is_checked_and_the_rest_of_the_batch_goes_in(central: Central) -> None:
    token = central.token(counter=7)
    other_counter = str(make_tracking_number(CENTRE, FRIDAY.date(), 8, 1))
    good_number = str(make_tracking_number(CENTRE, FRIDAY.date(), 7, 90))
    wrong_check = good_number[:-1] + ("0" if good_number[-1] != "0" else "1")
    attacks: dict[str, tuple[dict[str, Any], str]] = {
        "spoofed counter": (record_entry(counter=8, tracking_number=other_counter),
                            "this token belongs to counter 7 of LHR01"),
        "other counter's number": (record_entry(sequence=2, tracking_number=other_counter),
                                   "belongs to another centre or counter"),
        "wrong check character": (record_entry(tracking_number=wrong_check),
                                  "check character is wrong"),
        "another day's number": (record_entry(sequence=3, when=FRIDAY + timedelta(days=2)),
                                 ""),
        "negative fee": (record_entry(sequence=4, fee_total=-500), "fee_total must be"),
        "fee of 10^30": (record_entry(sequence=5, fee_total=10**30), "fee_total must be"),
        "fee below the tariff": (record_entry(sequence=6, fee_total=100, payment=record_payment(
            100).to_payload()), "not the tariff's fee for this application (500)"),
        "payment that does not match": (record_entry(
            sequence=7, payment=record_payment(1).to_payload()), "payment does not match"),
        "free but paid": (record_entry(sequence=8, fee_total=0), "cannot carry a payment"),
        "unknown service": (record_entry(sequence=9, service_code="free-money"),
                            "not a service"),
        "version 1 not submitted": (record_entry(sequence=10, status="delivered"), ""),
    }
    # "another day's number": the tracking number says Sunday, the record was made Friday.
    attacks["another day's number"][0]["created_at"] = FRIDAY.isoformat()
    attacks["another day's number"] = (attacks["another day's number"][0], "another day")
    attacks["version 1 not submitted"][0]["payload"]["status_change"]["to"] = "delivered"
    attacks["version 1 not submitted"] = (attacks["version 1 not submitted"][0],
                                          "version 1 of an application must be 'submitted'")
    honest = [record_entry(sequence=n) for n in (20, 21)]
    batch = [honest[0], *(entry for entry, _ in attacks.values()), honest[1]]
    results = verdicts(push(central, token, batch))
    assert results[0] == ("accepted", "") and results[-1] == ("accepted", "")
    for (name, (_, reason)), (result, said) in zip(attacks.items(), results[1:-1], strict=True):
        assert result == "rejected", name
        assert reason in said, (name, said)
    assert stored(central) == 2
    report = httpx.get(central.url + protocol.REPORT_PATH, params={"date": "2026-03-06"},
                       headers={"Authorization": f"Bearer {token}"}).json()
    assert report["total_fees_pkr"] == 2 * 500  # the negative fee lowered nothing


def test_versions_come_in_order_by_steps_the_workflow_allows(central: Central) -> None:
    token = central.token(counter=7)
    first = record_entry(sequence=1)
    assert verdicts(push(central, token, [first])) == [("accepted", "")]
    in_verification = next_version(first, "in-verification")
    verified = next_version(in_verification, "verified")
    jumps = [
        (next_version(first, "delivered"), "cannot go from 'submitted' to 'delivered'"),
        (next_version(first, "voided"), "needs a reason"),
        (verified, "version 2 of this record has not reached the server"),
        (next_version(first, "in-verification", fee_total=0, payment=None),
         "cannot change the record's fee_total"),
        (next_version(first, "in-verification", tracking_number=str(
            make_tracking_number(CENTRE, FRIDAY.date(), 7, 2))), "tracking_number"),
    ]
    for entry, reason in jumps:
        [(result, said)] = verdicts(push(central, token, [entry]))
        assert result == "rejected" and reason in said, said
    lying = next_version(in_verification, "verified")
    lying["payload"]["status_change"]["from"] = "rejected"  # type: ignore[index]
    lying["payload"]["status_change"]["to"] = "ready"  # type: ignore[index]
    lying["payload"]["status"] = "ready"  # type: ignore[index]
    # In one batch, in order: version 2 then 3 go in; a lie about where 4 comes from does not.
    results = verdicts(push(central, token, [in_verification, verified,
                                             {**lying, "version": 4, "payload": {
                                                 **lying["payload"], "version": 4,  # type: ignore[dict-item]
                                                 "status_change": {
                                                     **lying["payload"]["status_change"],  # type: ignore[index]
                                                     "version": 4}}}]))
    assert results[:2] == [("accepted", ""), ("accepted", "")]
    assert results[2][0] == "rejected" and "but version 3 is 'verified'" in results[2][1]


def test_a_tracking_number_belongs_to_one_record(central: Central) -> None:
    token = central.token(counter=7)
    first = record_entry(sequence=5)
    copy = record_entry(sequence=5)  # a new uuid with the same tracking number
    results = verdicts(push(central, token, [first, copy]))
    assert results[0] == ("accepted", "")
    assert results[1][0] == "rejected" and "already belongs to another record" in results[1][1]


def test_the_payload_is_read_as_the_declared_record_entry_by_entry(central: Central) -> None:
    """The server reads the same `ApplicationRecord` the counter writes: a payload missing a
    field of the record, or holding one of the wrong type, is refused naming that field."""
    token = central.token(counter=7)
    malformed = {
        "expected_on": (lambda p: p.pop("expected_on"), "expected_on must be a date"),
        "documents_received": (lambda p: p.update(documents_received="photos"),
                               "documents_received must be a list"),
        "payment.method": (lambda p: p["payment"].pop("method"), "payment.method must be text"),
        "finding.outcome": (lambda p: p.update(finding={"outcome": "maybe"}),
                            "finding.outcome 'maybe' is not one of: verified, rejected"),
        "status 10 kB": (lambda p: p.update(status="x" * 10_000), "status is not one of"),
    }
    batch = [record_entry(sequence=1)]
    for number, (change, _) in enumerate(malformed.values(), start=2):
        batch.append(record_entry(sequence=number))
        change(batch[-1]["payload"])
    batch.append(record_entry(sequence=9))
    results = verdicts(push(central, token, batch))
    assert results[0] == results[-1] == ("accepted", "")
    for (name, (_, reason)), (result, said) in zip(malformed.items(), results[1:-1],
                                                   strict=True):
        assert result == "rejected", name
        assert said.startswith("not an application record: ") and reason in said, name
        assert len(said) < 200, name  # a hostile value is never echoed back
    assert stored(central) == 2


HOSTILE: dict[str, Callable[[dict[str, Any]], None]] = {
    "version 2^63": lambda e: e.update(version=2**63),
    "version 2^64 everywhere": lambda e: (e.update(version=2**64),
                                         e["payload"].update(version=2**64)),
    "fee 10^30": lambda e: e["payload"].update(fee_total=10**30),
    "year 1": lambda e: e.update(created_at="0001-01-01T00:00:00+05:00"),
    "year 9999": lambda e: e.update(created_at="9999-12-31T23:59:59-05:00"),
    "lone surrogate in a name": lambda e: e["payload"].update(display_name="\ud800x"),
    "lone surrogate as the uuid": lambda e: e.update(uuid="\udc80" * 36),
    "deeply nested answers": lambda e: e["payload"].update(answers=_nested(400)),
    "counter true": lambda e: e["payload"].update(counter=True),
    "answers a list": lambda e: e["payload"].update(answers=[1, 2]),
    "multi-valued fee key": lambda e: e["payload"].update(
        service_code="driving-licence", answers={"transaction": "new", "categories": 5}),
    "tracking number of 10 kB": lambda e: e["payload"].update(tracking_number="L" * 10_000),
    "created_at a number": lambda e: e.update(created_at=1e308),
}


def _nested(depth: int) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize("attack", list(HOSTILE))
def test_hostile_values_are_refused_one_by_one_never_with_a_500(
        central: Central, attack: str) -> None:
    token = central.token(counter=7)
    bad = record_entry(sequence=50)
    HOSTILE[attack](bad)
    batch = [record_entry(sequence=1), bad, record_entry(sequence=2)]
    results = verdicts(push(central, token, batch))
    assert results[0] == ("accepted", "") and results[2] == ("accepted", "")
    assert results[1][0] == "rejected" and results[1][1]


@pytest.mark.parametrize(("body", "status"), [
    (b"[" * 100_000 + b"]" * 100_000, 400),  # deeper than any JSON parser recurses
    (b'{"batch_id": "\\ud800", "entries": []}', 400),
    (b'{"batch_id": "b", "entries": [NaN]}', 400),
    (b'{"batch_id": "b", "entries": [], "protocol": 2}', 400),
    (b'{"batch_id": "b", "entries": [], "audit": {"sequence": -1, "hash": "x"}}', 400),
    (b'\xff\xfe not utf-8', 400),
])
def test_a_body_that_is_no_push_document_is_a_400(central: Central, body: bytes,
                                                  status: int) -> None:
    response = httpx.post(central.url + protocol.PUSH_PATH, content=body, headers={
        "Authorization": f"Bearer {central.token()}"})
    assert response.status_code == status and response.json()["detail"]


@pytest.mark.parametrize(("path", "params"), [
    (protocol.CHANGES_PATH, {"since": 2**63}),
    (protocol.CHANGES_PATH, {"since": 10**30}),
    (protocol.RECONCILE_KEYS_PATH, {"date": "2026-03-06", "counter": 2**64}),
    (protocol.RECONCILE_PATH, {"date": "0000-01-01"}),
    (protocol.REPORT_PATH, {"date": "10000-01-01"}),
    (protocol.RECONCILE_PATH, {"date": "0"}),  # not read as a Unix time (1970-01-01)
    (protocol.REPORT_PATH, {"date": "1741219200"}),
    (protocol.RECONCILE_KEYS_PATH, {"date": "2026-3-6", "counter": 2}),
])
def test_out_of_range_query_values_are_a_422(central: Central, path: str,
                                             params: dict[str, Any]) -> None:
    response = httpx.get(central.url + path, params=params,
                         headers={"Authorization": f"Bearer {central.token()}"})
    assert response.status_code == 422


def test_the_largest_cursor_is_answered(central: Central) -> None:
    response = httpx.get(central.url + protocol.CHANGES_PATH, params={"since": 2**63 - 1},
                         headers={"Authorization": f"Bearer {central.token()}"})
    assert response.status_code == 200 and response.json()["changes"] == []


def test_each_token_has_its_own_rate_and_the_counter_waits_as_asked(central: Central) -> None:
    server = ServerThread(central.db, tariff=central.tariff,
                          rate_limit=RateLimit(per_second=0.5, burst=3)).start()
    try:
        busy, calm = central.token(counter=7), central.token(counter=8)
        answers = [push(central, busy, [], url=server.url).status_code for _ in range(4)]
        assert answers == [200, 200, 200, 429]
        refused = push(central, busy, [], url=server.url)
        assert refused.status_code == 429 and int(refused.headers["Retry-After"]) >= 1
        assert push(central, calm, [], url=server.url).status_code == 200
        transport = Transport(TransportConfig(server.url, busy, timeout_seconds=5))
        try:
            with pytest.raises(ServerBusy) as caught:
                transport.changes(0, 10)
        finally:
            transport.close()
        assert caught.value.retry_after is not None and caught.value.retry_after >= 1
    finally:
        server.stop()


def test_a_revoked_token_pushes_nothing(central: Central) -> None:
    token = central.token(counter=7)
    with central.db.write() as session:
        session.execute(tokens.Token.__table__.update().values(  # type: ignore[attr-defined]
            revoked_at=datetime.now(UTC)))
    assert push(central, token, [record_entry()]).status_code == 401
