"""The protocol's pure parts: server addresses, batches, replies, backoff, Retry-After."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khidmat_desk.sync import protocol
from khidmat_desk.sync.backoff import Backoff, parse_retry_after
from khidmat_desk.sync.errors import BadReply, InsecureServerUrl

T0 = datetime(2026, 3, 6, 5, 0, tzinfo=UTC)


@pytest.mark.parametrize("url", ["https://sync.punjabpolice.gov.pk", "https://10.1.2.3:8443/",
                                 "http://127.0.0.1:8080", "http://localhost", "http://[::1]:9"])
def test_accepted_server_addresses(url: str) -> None:
    assert protocol.check_server_url(url) == url.rstrip("/")


@pytest.mark.parametrize(("url", "words"), [
    ("http://sync.punjabpolice.gov.pk", "HTTPS"), ("http://192.168.1.10:8080", "HTTPS"),
    ("ftp://sync.example.pk", "not a server address"), ("sync.example.pk", "not a server"),
    ("https://sync.example.pk/?token=1", "query"),
    # typed wrong: a space, a name no resolver takes, a port out of range
    ("https://sync.exam ple.pk", "not a server address"),
    ("https://sync.example.pk\t/v", "not a server address"),
    ("https://a" + "b" * 5000 + ".pk", "not a server address"),
    ("https://sync..example.pk", "not a server address"),
    ("https://sync.example.pk:99999", "not a server address")])
def test_refused_server_addresses(url: str, words: str) -> None:
    with pytest.raises(InsecureServerUrl, match=words) as refused:
        protocol.check_server_url(url)
    assert len(str(refused.value)) < 300  # a pasted page is not said back whole


def test_an_entry_spliced_from_stored_text_equals_one_encoded_whole() -> None:
    payload = {"uuid": "u", "name": "محمد علی", "n": [1, 2]}
    whole = json.loads(protocol.encode_entry("u", 2, "application", payload, T0))
    spliced = json.loads(protocol.encode_stored_entry("u", 2, "application",
                                                      json.dumps(payload), T0))
    assert whole == spliced == {"uuid": "u", "version": 2, "kind": "application",
                                "payload": payload,
                                "created_at": "2026-03-06T05:00:00.000000+00:00"}


@given(st.lists(st.integers(min_value=1, max_value=5000), min_size=1, max_size=60),
       st.integers(min_value=1, max_value=50), st.integers(min_value=1, max_value=20000))
def test_a_batch_respects_its_bounds_and_always_moves(sizes: list[int], max_entries: int,
                                                      max_bytes: int) -> None:
    encoded = [b"x" * size for size in sizes]
    count = protocol.take_batch(encoded, max_entries=max_entries, max_bytes=max_bytes)
    assert 1 <= count <= min(len(encoded), max_entries)
    if count > 1:
        assert sum(sizes[:count]) + count <= max_bytes


SENT = {("a", 1, "application"), ("b", 1, "application"), ("c", 2, "application")}


def _reply(batch_id: str, *results: dict[str, object]) -> bytes:
    return json.dumps({"batch_id": batch_id, "results": list(results)}).encode()


def test_a_reply_counts_only_for_the_entries_sent() -> None:
    outcome = protocol.parse_push_reply(_reply(
        "b1", {"uuid": "a", "version": 1, "kind": "application", "result": "accepted"},
        {"uuid": "b", "version": 1, "kind": "application", "result": "duplicate"},
        {"uuid": "c", "version": 2, "kind": "application", "result": "rejected",
         "reason": "bad"},
        {"uuid": "z", "version": 1, "kind": "application", "result": "accepted"},
        {"uuid": "a", "version": 9, "kind": "application", "result": "accepted"},
        {"broken": True}), "b1", SENT)
    assert outcome.accepted == (("a", 1, "application"),)
    assert outcome.duplicates == (("b", 1, "application"),)
    assert outcome.rejected == {("c", 2, "application"): "bad"}


@pytest.mark.parametrize("body", [b"", b"\x00\xff", b"[]", b'{"results": []}',
                                  b'{"batch_id": "b1", "results": {}}',
                                  _reply("another-batch")])
def test_an_unreadable_or_stale_reply_acknowledges_nothing(body: bytes) -> None:
    with pytest.raises(BadReply):
        protocol.parse_push_reply(body, "b1", SENT)


def test_digest_depends_on_the_set_not_the_order() -> None:
    assert protocol.version_digest([("a", 1), ("b", 2)]) == \
        protocol.version_digest([("b", 2), ("a", 1)])
    assert protocol.version_digest([("a", 1)]) != protocol.version_digest([("a", 2)])


def test_lines_spelt_by_the_database_digest_as_the_pairs_do() -> None:
    pairs = [("b", 9), ("a", 10), ("b", 10), ("a", 9), ("a", 1)]
    lines = [f"{uuid}:{version}" for uuid, version in reversed(pairs)]
    assert protocol.version_lines_digest(lines) == protocol.version_digest(pairs)
    assert lines == ["a:1", "a:10", "a:9", "b:10", "b:9"]  # sorted as text, in place


def test_backoff_grows_is_capped_and_jittered() -> None:
    backoff = Backoff(base_seconds=2, cap_seconds=60, rng=random.Random(7))
    assert backoff.delay(0) == 0
    delays = [backoff.delay(n) for n in range(1, 12)]
    assert all(1 <= d <= 2 for d in delays[:1])
    assert all(30 <= d <= 60 for d in delays[6:])
    many = {round(backoff.delay(5), 3) for _ in range(20)}
    assert len(many) > 10, "thirty counters must not retry in the same instant"


def test_retry_after_wins_over_a_shorter_backoff() -> None:
    backoff = Backoff(base_seconds=0.01, cap_seconds=0.05)
    assert backoff.delay(1, retry_after=30) == 30
    assert backoff.delay(1, retry_after=10**9) == backoff.max_retry_after_seconds


def test_retry_after_as_seconds_or_a_date_measured_on_the_server_clock() -> None:
    assert parse_retry_after("120") == 120
    assert parse_retry_after("Fri, 06 Mar 2026 05:02:00 GMT",
                             server_date="Fri, 06 Mar 2026 05:00:30 GMT") == 90
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None
