"""The one Excel cell escaper: every value any export writes passes `safe_cell`, and the
importer undoes the escape with `unescape_text`, so an exported workbook reads back as stored."""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from decimal import Decimal
from numbers import Integral, Real
from typing import Any

import numpy as np
import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

# A spreadsheet runs text starting with one of these as a formula (or DDE command); the
# full-width forms are folded to them by some programs, and a leading line break hides what
# follows from whoever glances at the cell.
DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
ESCAPE = "'"  # shown as typed by every spreadsheet; the importer removes it again
MAX_CELL_CHARS = 32_767  # Excel's limit per cell; cut after escaping, so the escape stays
REPLACEMENT = "\ufffd"  # stands in for a control character a workbook cannot hold
_ILLEGAL: re.Pattern[str] = ILLEGAL_CHARACTERS_RE  # the characters openpyxl refuses to write


def _needs_escape(text: str) -> bool:
    # Apostrophes already in front of a dangerous start get one more, so that the importer
    # removing exactly one always gives back the text as stored ("'=x" -> "''=x" -> "'=x").
    return text.lstrip(ESCAPE).startswith(DANGEROUS_START)


def printable(text: str) -> str:
    """Text a workbook can hold at all: control characters make the file unreadable."""
    if text.isprintable():  # the usual case, and much faster than the pattern
        return text
    return _ILLEGAL.sub(REPLACEMENT, text)


def safe_text(text: str) -> str:
    """Text that shows as typed: no control characters, no formula, within Excel's limit."""
    text = printable(text)
    if _needs_escape(text):
        text = ESCAPE + text
    return text[:MAX_CELL_CHARS]


def unescape_text(text: str) -> str:
    """`safe_text`'s escape undone: the text as it was stored before export."""
    if text.startswith(ESCAPE) and _needs_escape(text[1:]):
        return text[1:]
    return text


def safe_cell(value: Any) -> Any:
    """A value openpyxl stores as data (a number, a date or text), never as a formula."""
    kind = type(value)  # the common kinds first: exports pass every cell through here
    if kind is str:
        return safe_text(value)
    if value is None or kind is int:
        return value
    if kind is float:
        return value if math.isfinite(value) else None  # Excel has no NaN or infinity
    return _other_cell(value)


def _other_cell(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()  # numpy scalars from pandas tables: int64 is not an int
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)  # Excel has no time zones; callers say "UTC"
    if isinstance(value, date):
        return value
    if isinstance(value, Integral):
        return int(value)
    if isinstance(value, Decimal | Real):
        number = float(value)
        return number if math.isfinite(number) else None  # Excel has no NaN or infinity
    if isinstance(value, str):
        return safe_text(str.__str__(value))  # an enum's value, not its name
    return safe_text(str(value))
