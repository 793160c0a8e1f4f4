"""What the demo spells faster than the general functions must be what those functions spell."""

from __future__ import annotations

import json
import random
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from khidmat_desk.app.demo import spell, story
from khidmat_desk.app.demo.plan import uuid7_at
from khidmat_desk.core import clock
from khidmat_desk.store.audit import canonical_json

VALUES: list[Any] = [
    "plain", "\u0627\u062d\u0645\u062f \"quoted\" \\ back\nslash\t\u0000", "", 0, -7, 10**30,
    1.5, -0.0, 1e300, float("nan"), float("inf"), None, True, False, [], {},
    [1, "a", None, [2.25, {"z": 1, "a": "\u0634"}]],
    {"b": [1, 2], "a": None, "\u0646\u0627\u0645": {"y": True, "x": "\u0635\u0627\u0641"}},
]


@pytest.mark.parametrize("value", VALUES, ids=range(len(VALUES)))
def test_reused_encoders_spell_as_the_standard_ones(value: Any) -> None:
    assert spell.dumps(value) == json.dumps(value)
    assert spell.canonical(value) == canonical_json(value)


def test_reused_encoders_refuse_what_json_refuses() -> None:
    with pytest.raises(TypeError):
        spell.dumps({"when": datetime(2026, 1, 1, tzinfo=UTC)})


@pytest.mark.parametrize("zone", ["Asia/Karachi", "America/New_York", "Europe/London",
                                  "Australia/Lord_Howe"])
def test_local_moments_become_utc_as_the_clock_makes_them(zone: str) -> None:
    """Offsets remembered per hour give the clock's own answer, also in the hours a zone moves
    its clocks (skipped and repeated wall times included; conftest puts the zone back)."""
    clock.set_centre_zone(zone)
    rng = random.Random(zone)
    start = datetime(2024, 1, 1)
    moments = [start + timedelta(days=day, minutes=minute)
               for day in range(366) for minute in range(0, 24 * 60, 13)]
    moments += [start + timedelta(seconds=rng.randrange(366 * 86400),
                                  microseconds=rng.randrange(10**6)) for _ in range(20_000)]
    for local in moments:
        made = story._aware(local)
        assert made == clock.from_wall(local) and made.utcoffset() == timedelta(0), local


def test_record_ids_are_version_7_uuids_in_time_order() -> None:
    rng = random.Random(1)
    moment = datetime(2025, 10, 21, 3, 1, 37, 536272, tzinfo=UTC)
    made = [uuid7_at(moment + timedelta(milliseconds=n), rng) for n in range(2000)]
    parsed = [uuid.UUID(text) for text in made]
    assert [str(u) for u in parsed] == made
    assert all(u.version == 7 and u.variant == uuid.RFC_4122 for u in parsed)
    assert made == sorted(made)
    assert parsed[0].int >> 80 == int(moment.timestamp() * 1000)
