"""The central server fuzzed from its own OpenAPI description, on a real loopback server.

Schemathesis turns /openapi.json into Hypothesis strategies: requests that fit the schema and
requests that break it. Whatever comes, the server never answers 5xx and only with a status
code the description declares; a request that fits the schema is served (200) and one that
breaks it is refused (4xx). A second
test takes a valid record and puts hostile values in its fields one at a time: each such entry
is judged alone, and the valid entries around it always go in.

Runs are bounded (a few hundred requests, some seconds per backend) so the suite stays quick; raise
KHIDMAT_FUZZ_EXAMPLES for a longer hunt.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    positive_data_acceptance,
    response_schema_conformance,
    status_code_conformance,
)
from sync_helpers import Central, record_entry

from khidmat_central.limits import RateLimit
from khidmat_central.server import ServerThread
from khidmat_desk.sync import protocol

#: Schemathesis's checks; its negative_data_rejection is left out because it does not count
#: 413 (more than 2,000 entries) as a refusal: the 4xx assertion above covers it.
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance, positive_data_acceptance]
EXAMPLES = int(os.environ.get("KHIDMAT_FUZZ_EXAMPLES", "100"))
FUZZ_SETTINGS = settings(max_examples=EXAMPLES, deadline=None, database=None,
                         suppress_health_check=list(HealthCheck))


@pytest.fixture
def fuzzed(central: Central) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """A server with a rate limit out of the way, a counter token, and the API description."""
    server = ServerThread(central.db, tariff=central.tariff,
                          rate_limit=RateLimit(per_second=10_000, burst=100_000)).start()
    try:
        spec = httpx.get(server.url + "/openapi.json").json()
        yield server.url, central.token(), spec
    finally:
        server.stop()


def _declared(spec: dict[str, Any], method: str, path: str) -> set[int]:
    return {int(code) for code in spec["paths"][path][method.lower()]["responses"]}


def _run(url: str, token: str, spec: dict[str, Any], mode: GenerationMode) -> dict[int, int]:
    schema = schemathesis.openapi.from_dict(spec)
    seen: dict[int, int] = {}

    @FUZZ_SETTINGS
    @given(case=schema.as_strategy(generation_mode=mode))
    def one_request(case: schemathesis.Case) -> None:
        # A query value of [] is sent as nothing at all: that request is not the one generated.
        assume(not any(value == [] for value in (case.query or {}).values()))
        response = case.call(base_url=url, headers={"Authorization": f"Bearer {token}"})
        status = response.status_code
        seen[status] = seen.get(status, 0) + 1
        where = f"{case.method} {case.formatted_path} {case.query} {case.body!r:.300}"
        assert status < 500, f"{status} for {where}: {response.text[:300]}"
        assert status in _declared(spec, case.method, case.path), \
            f"undeclared {status} for {where}"
        generated = case.meta.generation.mode if case.meta is not None else mode
        if generated == GenerationMode.NEGATIVE:
            assert 400 <= status < 500, f"schema-violating request answered {status}: {where}"
        else:  # a request the description allows is served
            assert status == 200, f"{status} for a request that fits the schema: {where}"
        # And Schemathesis's own judgement, including the reply's body against its schema.
        case.validate_response(response, checks=CHECKS)

    one_request()
    return seen


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_the_api_answers_every_request_it_describes_without_a_server_error(
        fuzzed: tuple[str, str, dict[str, Any]], mode: GenerationMode,
        capsys: pytest.CaptureFixture[str]) -> None:
    url, token, spec = fuzzed
    seen = _run(url, token, spec, mode)
    with capsys.disabled():
        print(f"\n{mode.value}: {sum(seen.values())} requests, status codes {sorted(seen)}")
    assert sum(seen.values()) >= EXAMPLES


_HOSTILE_SCALARS = st.one_of(
    st.none(), st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=50),
    st.text(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1, max_size=3),
    st.sampled_from(["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00",
                     "2026-03-06T05:00:00", "LHR01-260306-07-0001-7", "‮", "\x00"]))
_HOSTILE = st.recursive(_HOSTILE_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=8)
_FIELDS = ["uuid", "version", "kind", "created_at", "payload.uuid", "payload.version",
           "payload.centre_code", "payload.counter", "payload.tracking_number",
           "payload.service_code", "payload.status", "payload.fee_total", "payload.answers",
           "payload.payment", "payload.status_change", "payload.display_name",
           "payload.status_change.from", "payload.payment.amount_pkr"]


def test_hostile_values_in_any_field_refuse_only_their_own_entry(
        central: Central, capsys: pytest.CaptureFixture[str]) -> None:
    token = central.token()
    sequence = iter(range(1, 10_000))
    tally = {"accepted": 0, "rejected": 0}

    @settings(FUZZ_SETTINGS, max_examples=max(1, EXAMPLES * 3 // 5))
    @given(field=st.sampled_from(_FIELDS), value=_HOSTILE)
    def one_batch(field: str, value: Any) -> None:
        hostile = record_entry(sequence=next(sequence))
        target: Any = hostile
        *parents, name = field.split(".")
        for parent in parents:
            target = target[parent] if isinstance(target.get(parent), dict) else {}
        target[name] = value
        batch = [record_entry(sequence=next(sequence)), hostile,
                 record_entry(sequence=next(sequence))]
        body = json.dumps({"batch_id": "fuzz", "entries": batch}).encode("utf-8",
                                                                          "surrogatepass")
        response = httpx.post(central.url + protocol.PUSH_PATH, content=body, headers={
            "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        assert response.status_code == 200, response.text[:300]
        results = response.json()["results"]
        assert [results[0]["result"], results[2]["result"]] == ["accepted", "accepted"]
        assert results[1]["result"] in ("accepted", "rejected")
        assert results[1]["result"] == "accepted" or results[1]["reason"]
        tally[results[1]["result"]] += 1

    one_batch()
    with capsys.disabled():
        print(f"\nhostile field values: {tally['rejected']} entries refused, "
              f"{tally['accepted']} harmless ones taken, every neighbour taken")
    assert tally["rejected"] > 0
