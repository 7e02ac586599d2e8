"""Cells that are safe to write into a workbook someone will open in Excel or LibreOffice."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

# A spreadsheet runs text starting with one of these as a formula (or DDE command); the
# full-width forms are folded to them by some programs.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
MAX_CELL_CHARS = 32_767  # Excel's limit per cell


def safe_text(text: str) -> str:
    """Text that shows as typed: no control characters, no formula, within Excel's limit."""
    text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)
    if text.startswith(FORMULA_START):
        text = "'" + text
    return text[:MAX_CELL_CHARS]


def safe_cell(value: Any) -> Any:
    """A value openpyxl stores as data, never as a formula."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)  # Excel has no time zones; callers say "UTC"
    if isinstance(value, date):
        return value
    if isinstance(value, Decimal):
        return float(value)
    return safe_text(str(value))
