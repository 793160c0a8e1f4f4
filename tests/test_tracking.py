"""Tracking numbers: the check table is proved totally anti-symmetric, and every single mistyped
character and every swap of neighbours in random numbers is caught."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khidmat_desk.core import tracking
from khidmat_desk.core.tracking import (
    ALPHABET,
    TABLE,
    TrackingNumber,
    TrackingNumberError,
    check_character,
    looks_like_tracking_number,
    make_tracking_number,
    parse_tracking_number,
    tracking_number_text,
)

ORDER = range(36)

centres = st.text(ALPHABET, min_size=2, max_size=8)
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))
numbers = st.builds(make_tracking_number, centres, days, st.integers(1, 99), st.integers(1, 9999))


def compact(number: TrackingNumber) -> str:
    return str(number).replace("-", "")


def refused(text: str) -> bool:
    try:
        parse_tracking_number(text)
    except TrackingNumberError:
        return True
    return False


# ---------------------------------------------------------------------------------------------
# The table itself, exhaustively
# ---------------------------------------------------------------------------------------------


def test_every_row_and_column_is_a_permutation() -> None:
    assert len(ALPHABET) == 36 and len(set(ALPHABET)) == 36
    for x in ORDER:
        assert sorted(TABLE[x]) == list(ORDER)
        assert sorted(TABLE[y][x] for y in ORDER) == list(ORDER)


def test_the_table_is_totally_anti_symmetric() -> None:
    """(c*x)*y == (c*y)*x only when x == y, for every c, x, y: what catches every swap."""
    for c, x, y in itertools.product(ORDER, ORDER, ORDER):
        if x != y:
            assert TABLE[TABLE[c][x]][y] != TABLE[TABLE[c][y]][x], (c, x, y)


def test_the_table_is_also_weakly_anti_symmetric() -> None:
    for x, y in itertools.product(ORDER, ORDER):
        if x != y:
            assert TABLE[x][y] != TABLE[y][x], (x, y)


def test_the_table_is_the_product_of_gf4_and_gf9() -> None:
    """x*y = a*x + y componentwise, with a = w in GF(4) and a = 1 + i in GF(9)."""
    for x, y in itertools.product(ORDER, ORDER):
        high = tracking._mul4(2, x // 9) ^ (y // 9)
        low = tracking._add9(tracking._mul9(4, x % 9), y % 9)
        assert TABLE[x][y] == 9 * high + low
    # GF(4) and GF(9) really are fields: every non-zero element has an inverse.
    assert all(any(tracking._mul4(a, b) == 1 for b in range(4)) for a in range(1, 4))
    assert all(any(tracking._mul9(a, b) == 1 for b in range(9)) for a in range(1, 9))


def test_twin_and_jump_errors_are_caught_too() -> None:
    """aa->bb, abc->cba and aba->cbc change the running value wherever they happen."""
    for s, x, y in itertools.product(ORDER, ORDER, ORDER):
        if x == y:
            continue
        assert TABLE[TABLE[s][x]][x] != TABLE[TABLE[s][y]][y]
        for z in (0, 17, 35):
            assert TABLE[TABLE[TABLE[s][x]][z]][y] != TABLE[TABLE[TABLE[s][y]][z]][x]
            assert TABLE[TABLE[TABLE[s][x]][z]][x] != TABLE[TABLE[TABLE[s][y]][z]][y]


# ---------------------------------------------------------------------------------------------
# Numbers: making, printing, reading back
# ---------------------------------------------------------------------------------------------


def test_the_documented_example() -> None:
    number = make_tracking_number("lhr01", date(2026, 11, 23), 7, 42)
    assert str(number) == tracking.EXAMPLE == "LHR01-261123-07-0042-6"
    assert parse_tracking_number(tracking.EXAMPLE) == number


@given(numbers)
def test_canonical_form(number: TrackingNumber) -> None:
    text = str(number)
    centre, day, counter, sequence, check = text.split("-")
    assert (centre, day) == (number.centre, number.day.strftime("%y%m%d"))
    assert (int(counter), int(sequence)) == (number.counter, number.sequence)
    assert len(counter) == 2 and len(sequence) == 4
    assert check == check_character(text[:-2]) == check_character(compact(number)[:-1])


@given(numbers, st.data())
def test_any_case_spacing_and_dashes_read_back(number: TrackingNumber, data: st.DataObject) -> None:
    text = compact(number)
    pieces = []
    for ch in text:
        pieces.append(ch.lower() if data.draw(st.booleans()) else ch)
        pieces.append(data.draw(st.sampled_from(["", "", "-", " ", "--", " - "])))
    typed = " " + "".join(pieces)
    assert parse_tracking_number(typed) == number
    assert looks_like_tracking_number(typed)
    assert parse_tracking_number(text) == number
    assert parse_tracking_number(str(number).lower()) == number


@settings(max_examples=150, deadline=None)
@given(numbers)
def test_every_single_substitution_is_caught(number: TrackingNumber) -> None:
    text = compact(number)
    for position, original in enumerate(text):
        for replacement in ALPHABET:
            if replacement != original:
                typed = text[:position] + replacement + text[position + 1:]
                assert refused(typed), typed


@settings(max_examples=200)
@given(numbers)
def test_every_adjacent_swap_is_caught(number: TrackingNumber) -> None:
    text = compact(number)
    for i in range(len(text) - 1):
        if text[i] != text[i + 1]:
            assert refused(text[:i] + text[i + 1] + text[i] + text[i + 2:])


@settings(max_examples=200)
@given(numbers)
def test_swaps_across_a_dash_are_caught(number: TrackingNumber) -> None:
    text = str(number)
    for dash in (i for i, ch in enumerate(text) if ch == "-"):
        left, right = text[dash - 1], text[dash + 1]
        if left != right:
            swapped = text[:dash - 1] + right + "-" + left + text[dash + 2:]
            assert refused(swapped), swapped


@given(numbers)
def test_a_mistyped_character_is_reported_as_mistyped(number: TrackingNumber) -> None:
    text = str(number)
    wrong = ALPHABET[(ALPHABET.index(text[-1]) + 1) % 36]
    with pytest.raises(TrackingNumberError) as caught:
        parse_tracking_number(text[:-1] + wrong)
    assert caught.value.reason == "check"
    assert "a character was probably mistyped" in str(caught.value)
    assert looks_like_tracking_number(text[:-1] + wrong)


@given(st.text(max_size=40))
def test_anything_else_is_refused_with_a_tracking_number_error(text: str) -> None:
    try:
        number = parse_tracking_number(text)
    except TrackingNumberError as error:
        assert error.reason in ("format", "check")
        assert "tracking number" in str(error)
    else:  # 1 in 36 well-shaped strings checks out by chance; it must then be canonical
        assert parse_tracking_number(str(number)) == number


@pytest.mark.parametrize("text", [
    "", "   ", "35202-1234567-1", "0300-1234567", "+923001234567", "LEB-8979", "Muhammad Imran",
    "L-261123-07-0042-6", "LHR0123456-261123-07-0042-6", "LHR01_261123_07_0042_6", "Ｌ" * 20,
    "LHR01-261123-07-0042-6" * 10,
])
def test_format_errors(text: str) -> None:
    assert not looks_like_tracking_number(text)
    with pytest.raises(TrackingNumberError) as caught:
        parse_tracking_number(text)
    assert caught.value.reason == "format"
    assert tracking.EXAMPLE in str(caught.value)


@pytest.mark.parametrize("body", [
    "LHR01-260230-07-0042",  # no 30 February
    "LHR01-261323-07-0042",  # no thirteenth month
    "LHR01-261123-00-0042",  # counters start at 01
    "LHR01-261123-07-0000",  # sequences start at 0001
])
def test_impossible_parts_are_format_errors_even_with_a_good_check(body: str) -> None:
    with pytest.raises(TrackingNumberError) as caught:
        parse_tracking_number(f"{body}-{check_character(body)}")
    assert caught.value.reason == "format"


@pytest.mark.parametrize("centre, day, counter, sequence", [
    ("L", date(2026, 1, 1), 1, 1), ("LAHORE123", date(2026, 1, 1), 1, 1),
    ("LH-1", date(2026, 1, 1), 1, 1), ("LHR", date(1999, 12, 31), 1, 1),
    ("LHR", date(2100, 1, 1), 1, 1), ("LHR", date(2026, 1, 1), 0, 1),
    ("LHR", date(2026, 1, 1), 100, 1), ("LHR", date(2026, 1, 1), 1, 0),
    ("LHR", date(2026, 1, 1), 1, 10_000),
])
def test_make_refuses_parts_that_do_not_fit(centre: str, day: date, counter: int,
                                            sequence: int) -> None:
    with pytest.raises(ValueError) as made:
        make_tracking_number(centre, day, counter, sequence)
    with pytest.raises(ValueError) as spelled:
        tracking_number_text(centre, day, counter, sequence)
    assert str(spelled.value) == str(made.value)


@given(centres, days, st.integers(1, 99), st.integers(1, 9999), st.sampled_from(["", " "]))
def test_the_text_of_a_number_is_the_number_spelled(centre: str, day: date, counter: int,
                                                     sequence: int, pad: str) -> None:
    typed = f"{pad}{centre.lower()}{pad}"
    assert (tracking_number_text(typed, day, counter, sequence)
            == str(make_tracking_number(typed, day, counter, sequence)))


def test_check_character_refuses_foreign_characters() -> None:
    with pytest.raises(ValueError):
        check_character("LHR01/261123")


def test_a_missing_check_character_is_named() -> None:
    with pytest.raises(TrackingNumberError) as caught:
        parse_tracking_number("lhr01-261123-07-0042 ")
    assert caught.value.reason == "format"
    assert "check character at the end is missing" in str(caught.value)


@pytest.mark.parametrize("text", ["LHR01-261123-07-0042-6-6", "LHR01-2611237-0042-6"])
def test_misplaced_digits_are_refused(text: str) -> None:
    """Without dashes these read as another centre's number; the check character refuses them."""
    assert refused(text)
