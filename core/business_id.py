"""Finnish business ID (Y-tunnus, `1234567-8`): check digit, validation and construction."""

from __future__ import annotations

import re

WEIGHTS = (7, 9, 10, 5, 8, 4, 2)
_FORMAT = re.compile(r"\d{7}-\d")


def check_digit(seven_digits: str) -> int | None:
    """The check digit of seven digits, or None when no valid ID can end them (remainder 1)."""
    if len(seven_digits) != 7 or not seven_digits.isdigit():
        raise ValueError(f"expected seven digits, got {seven_digits!r}")
    remainder = sum(int(d) * w for d, w in zip(seven_digits, WEIGHTS, strict=True)) % 11
    if remainder == 0:
        return 0
    if remainder == 1:
        return None
    return 11 - remainder


def is_valid_business_id(text: str) -> bool:
    """True for `NNNNNNN-C` with the right check digit (surrounding spaces are ignored)."""
    text = text.strip()
    if not _FORMAT.fullmatch(text):
        return False
    return check_digit(text[:7]) == int(text[8])


def make_business_id(seven_digits: int | str) -> str:
    """`1234567-8` from the first seven digits; ints are zero-padded (an old 6-digit ID).

    Raises `ValueError` when the digits cannot be a business ID (weighted sum leaves 1).
    """
    digits = f"{seven_digits:07d}" if isinstance(seven_digits, int) else seven_digits.strip()
    if isinstance(seven_digits, int) and not 0 <= seven_digits <= 9_999_999:
        raise ValueError(f"expected at most seven digits, got {seven_digits}")
    check = check_digit(digits)
    if check is None:
        raise ValueError(f"{digits} cannot be a business ID: the weighted sum leaves remainder 1")
    return f"{digits}-{check}"
