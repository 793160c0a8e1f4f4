"""The search index: exact keys and name prefixes, rare and very common, newest first."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import insert

from khidmat_desk.auth.users import UserInfo
from khidmat_desk.core.records import name_phrases
from khidmat_desk.store import search
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import Application, ApplicationKey, table_of

GIVEN = ["imran", "ali", "usman", "ayesha", "fatima", "zubair", "bilal", "sana"]
FAMILY = ["khan", "butt", "chaudhry", "malik", "qureshi", "khanzada", "sheikh"]
T0 = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def index(db: Database, officer: UserInfo) -> dict[int, list[tuple[str, str]]]:
    """3,000 applications whose keys are written in bulk; returns the keys of each."""
    rng = random.Random(7)
    keys: dict[int, list[tuple[str, str]]] = {}
    apps, rows = [], []
    for number in range(1, 3001):
        # "muhammad" opens most names, as it does at a real counter: a very common prefix
        opening = "muhammad " if rng.random() < 0.8 else ""
        name = f"{opening}{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
        if number % 500 == 0:
            name = "zubair ahmed"
        own = [("name", phrase) for phrase in name_phrases(name)]
        own.append(("cnic", f"35202{number % 40:07d}1"))
        keys[number] = own
        apps.append({
            "id": number, "uuid": f"00000000-0000-7000-8000-{number:012d}",
            "tracking_number": f"T{number}", "centre_code": "LHR01", "counter": 1,
            "service_code": "police-verification", "status": "submitted", "answers": {},
            "version": 1, "applicant_id": None, "officer_id": officer.id, "token_no": None,
            "fee_total": 0, "expected_on": date(2026, 1, 1), "display_name": name,
            "created_at": T0 + timedelta(minutes=number),
            "updated_at": T0 + timedelta(minutes=number)})
        rows += [{"kind": k, "value": v, "application_id": number} for k, v in set(own)]
    with db.write() as session:
        session.execute(insert(table_of(Application)), apps)
        session.execute(insert(table_of(ApplicationKey)), rows)
    return keys


def expected(keys: dict[int, list[tuple[str, str]]], match: Callable[[str, str], bool],
             limit: int) -> list[int]:
    hits = [app for app, own in keys.items() if any(match(k, v) for k, v in own)]
    return sorted(hits, reverse=True)[:limit]


def name_starting(prefix: str) -> Callable[[str, str], bool]:
    return lambda kind, value: kind == "name" and value.startswith(prefix)


PREFIXES = ["muhammad", "muh", "m", "khan", "a", "zubair", "zubair ah", "muhammad imran k",
            "sheikh", "nobody"]


@pytest.mark.parametrize("window", [search._WALK_WINDOW, 500, 1])
def test_name_prefix_matches_brute_force(db: Database, index: dict[int, list[tuple[str, str]]],
                                         window: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # A small walk window makes common prefixes finish below it, with the sorted range.
    monkeypatch.setattr(search, "_WALK_WINDOW", window)
    with db.read() as session:
        for prefix in PREFIXES:
            for limit in (1, 50, 500):
                found = search.ids_by_name_prefix(session, prefix, limit=limit)
                wanted = expected(index, name_starting(prefix), limit)
                assert found == wanted, (prefix, limit)


def test_common_and_rare_prefixes_take_different_paths(
        db: Database, index: dict[int, list[tuple[str, str]]]) -> None:
    common = sum(1 for own in index.values() for k, v in own
                 if k == "name" and v.startswith("muhammad"))
    rare = sum(1 for own in index.values() for k, v in own
               if k == "name" and v.startswith("zubair"))
    assert common > search._PROBE >= rare  # both branches are exercised above


def test_exact_keys_newest_first(db: Database, index: dict[int, list[tuple[str, str]]]) -> None:
    cnic = "3520200000071"
    with db.read() as session:
        found = search.ids_by_key(session, "cnic", cnic, limit=10)
        assert search.ids_by_key(session, "cnic", "0000000000000", limit=10) == []
    assert found == expected(index, lambda k, v: (k, v) == ("cnic", cnic), 10)


def test_summaries_keep_the_order_asked_for(db: Database,
                                            index: dict[int, list[tuple[str, str]]]) -> None:
    with db.read() as session:
        rows = search.summary_rows(session, [30, 10, 20, 99999])
        assert search.id_by_tracking(session, "T20") == 20
        assert search.id_by_tracking(session, "T0") is None
    assert [row.tracking_number for row in rows] == ["T30", "T10", "T20"]


@given(st.text(st.characters(max_codepoint=127), max_size=40))
def test_an_ascii_name_folds_as_it_would_with_unicode_in_it(name: str) -> None:
    """ASCII names skip the Unicode folding; a tatweel (removed by that folding) added to the
    name takes the full path and must give the same phrases."""
    assert name_phrases(name) == name_phrases(name + "\u0640")
