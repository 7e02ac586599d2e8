"""Finnish business ID check digits: real-format examples, bad input, construction."""

from __future__ import annotations

import pytest

from core.business_id import check_digit, is_valid_business_id, make_business_id


@pytest.mark.parametrize("text", ["0201256-6", "1097805-3", "0116297-6", " 0201256-6 "])
def test_valid_ids(text: str) -> None:
    assert is_valid_business_id(text)


@pytest.mark.parametrize(
    "text",
    [
        "0201256-5",  # wrong check digit
        "1097805-4",
        "0201256",  # no check digit
        "02012566",  # no hyphen
        "201256-6",  # six digits
        "0201256-66",
        "O201256-6",  # letter O for zero
        "0201256–6",  # en dash
        "",
        "abcdefg-h",
    ],
)
def test_invalid_ids(text: str) -> None:
    assert not is_valid_business_id(text)


def test_remainder_zero_gives_zero() -> None:
    # 0000000 sums to 0; 1000001 sums to 7 + 2 = 9 → 11 - 9 = 2.
    assert make_business_id("0000000") == "0000000-0"
    assert make_business_id(1000001) == "1000001-2"


def test_make_round_trips_and_pads() -> None:
    assert make_business_id("0201256") == "0201256-6"
    assert make_business_id(1097805) == "1097805-3"
    assert make_business_id(201256) == "0201256-6"
    for number in range(2_300_000, 2_300_200):
        if check_digit(f"{number:07d}") is None:
            continue
        assert is_valid_business_id(make_business_id(number))


def test_remainder_one_is_refused() -> None:
    # 1000000: 7 % 11 = 7 → fine; 0000006: 6 * 2 = 12 % 11 = 1 → no valid check digit.
    assert check_digit("0000006") is None
    with pytest.raises(ValueError, match="remainder 1"):
        make_business_id("0000006")


@pytest.mark.parametrize("bad", ["123456", "12345678", "12a4567", -1, 10_000_000])
def test_make_refuses_bad_digits(bad: int | str) -> None:
    with pytest.raises(ValueError):
        make_business_id(bad)
