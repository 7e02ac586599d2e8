"""Reading one spreadsheet value: text, dates, numbers, yes/no, business IDs, codes.

Every function takes what Excel or a CSV gives (str, int, float, datetime, bool) and returns
the value, or raises `CellError` with a message a manager can act on.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from core.business_id import is_valid_business_id
from core.io.escape import unescape_text
from core.io.imports.problems import CellError
from core.text import clean_text, has_bidi_controls

FORMULA_START = ("=", "+", "@", "\t", "\r")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?)?")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})\.?")
_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_SHORT_YEAR = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2}")
TRUE_WORDS = frozenset({"yes", "y", "true", "x", "1", "kyllä", "kylla", "k", "on"})
FALSE_WORDS = frozenset({"no", "n", "false", "0", "ei", "e", "off"})
FIRST_YEAR, LAST_YEAR = 1900, 2100
MAX_EUROS = Decimal("1e10")  # Numeric(12, 2)
_TRAILING_ZEROS = re.compile(r"[.,]0+$")
_WHOLE = re.compile(r"[+-]?\d+")
_SEPARATORS = re.compile(r"[\s\-]+")


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def shown(value: Any) -> str:
    text = value.isoformat() if isinstance(value, date) else str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def to_text(value: Any, *, multiline: bool = False) -> str:
    """Trimmed text in NFC without zero-width characters; refuses control characters,
    bidirectional overrides and anything a spreadsheet would execute."""
    if isinstance(value, bool):
        raise CellError("io.err.text_expected", value=shown(value))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = clean_text(value.isoformat() if isinstance(value, date) else str(value))
    if has_bidi_controls(text):
        raise CellError("io.err.bidi_chars")
    text = text.strip() if multiline else " ".join(text.split())
    text = unescape_text(text)  # our own export's escape
    if text.startswith(FORMULA_START):
        raise CellError("io.err.formula_text", value=shown(text))
    if _CONTROL.search(text):
        raise CellError("io.err.control_chars")
    return text


def to_date(value: Any) -> date:
    """A date from a date cell or unambiguous text (2026-01-31, 31.1.2026, 31/01/2026)."""
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    elif isinstance(value, bool | int | float | Decimal):
        raise CellError("io.err.date_number", value=shown(value))
    else:
        day = _date_from_text(str(value).strip())
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise CellError("io.err.date_range", value=day.isoformat())
    return day


_MONTH = re.compile(r"(\d{4})-(\d{1,2})|(\d{1,2})[./](\d{4})")


def to_month(value: Any) -> date:
    """The first day of a month (issue 17: ledger months): 2026-03, 3/2026, 03.2026, a date."""
    text = value.strip() if isinstance(value, str) else ""
    match = _MONTH.fullmatch(text) if text else None
    if match is None:
        return to_date(value).replace(day=1)
    year, month = (int(match[1]), int(match[2])) if match[1] else (int(match[4]), int(match[3]))
    if not 1 <= month <= 12:
        raise CellError("io.err.date_invalid", value=text)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise CellError("io.err.date_range", value=text)
    return date(year, month, 1)


def _date_from_text(text: str) -> date:
    if match := _ISO.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DOTTED.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
    elif match := _SLASHED.fullmatch(text):
        first, second, year = (int(g) for g in match.groups())
        if first <= 12 and second <= 12 and first != second:
            raise CellError("io.err.date_ambiguous", value=text)
        day, month = (first, second) if first > 12 or first == second else (second, first)
    elif _SHORT_YEAR.fullmatch(text):
        raise CellError("io.err.date_short_year", value=text)
    else:
        raise CellError("io.err.date_format", value=shown(text))
    try:
        return date(year, month, day)
    except ValueError:
        raise CellError("io.err.date_invalid", value=text) from None


def to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    word = str(value).strip().casefold()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError("io.err.bool", value=shown(value))


def to_int(value: Any) -> int:
    if isinstance(value, bool):
        raise CellError("io.err.int", value=shown(value))
    if isinstance(value, int):
        return value
    if isinstance(value, float | Decimal):
        if value != int(value):
            raise CellError("io.err.int", value=shown(value))
        return int(value)
    if isinstance(value, date):
        raise CellError("io.err.int", value=shown(value))
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    text = _TRAILING_ZEROS.sub("", text)
    if not _WHOLE.fullmatch(text):
        raise CellError("io.err.int", value=shown(value))
    return int(text)


def to_decimal(value: Any) -> Decimal:
    """Euros: 1500, 1500.5, 1 500,50 (Finnish); "1,500" is refused as ambiguous."""
    if isinstance(value, bool | date):
        raise CellError("io.err.decimal", value=shown(value))
    if isinstance(value, int | float | Decimal):
        number = Decimal(str(value))
    else:
        text = re.sub(r"[\s\u00a0€]", "", str(value))
        if "," in text and "." in text:
            decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
            thousands = "." if decimal_mark == "," else ","
            text = text.replace(thousands, "").replace(decimal_mark, ".")
        elif re.fullmatch(r"\d{1,3},\d{3}", text):
            raise CellError("io.err.decimal_ambiguous", value=str(value).strip())
        else:
            text = text.replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise CellError("io.err.decimal", value=shown(value)) from None
    if not number.is_finite() or number.as_tuple().exponent < -2:  # type: ignore[operator]
        raise CellError("io.err.decimal_places", value=shown(value))
    if number < 0:
        raise CellError("io.err.min", value=shown(value), min=0)
    if number >= MAX_EUROS:
        raise CellError("io.err.too_big", value=shown(value))
    return number.quantize(Decimal("0.01"))


def to_business_id(value: Any) -> str:
    """`1234567-8` from that, `12345678`, `FI12345678`, or a number that lost its leading 0."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value != int(value):
            raise CellError("io.err.business_id_format", value=shown(value))
        value = f"{int(value):08d}"
    text = re.sub(r"\s", "", to_text(value)).upper().removeprefix("FI")
    if re.fullmatch(r"\d{8}", text):
        text = f"{text[:7]}-{text[7]}"
    if not re.fullmatch(r"\d{7}-\d", text):
        raise CellError("io.err.business_id_format", value=shown(value))
    if not is_valid_business_id(text):
        raise CellError("io.err.business_id_check", value=text)
    return text


def normalise_code(text: str) -> str:
    return _SEPARATORS.sub("_", str(text).strip().casefold())
