"""The one cell escaper on its own: what it writes for each kind of value, and that the
importer's undo gives back exactly the text that was stored."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from decimal import Decimal

import numpy as np
import openpyxl
import pandas as pd
import pytest

from core.io.escape import safe_cell, safe_text, unescape_text
from core.io.exports.writer import Book
from core.io.imports.parse import to_text
from core.io.imports.problems import CellError

STORED = [
    "plain",
    "-Öberg",
    "＝SUM(1)",
    "＠home",
    "'quoted",
    "'-already escaped once",
    "''＋twice",
    "'",
    "",
    "- Python\n- SQL",
    "=1+1",
    "\nhidden",
]


@pytest.mark.parametrize("text", STORED)
def test_the_importer_undoes_exactly_the_escape(text: str) -> None:
    assert unescape_text(safe_text(text)) == text


@pytest.mark.parametrize("text", ["-Öberg", "＝SUM(1)", "'-already escaped once", "＋358 40"])
def test_text_read_back_from_an_export_is_the_text_stored(text: str) -> None:
    assert to_text(safe_text(text)) == text


def test_the_importer_still_refuses_a_formula_behind_the_escape() -> None:
    with pytest.raises(CellError) as refused:
        to_text(safe_text("=HYPERLINK(1)"))
    assert refused.value.key == "io.err.formula_text"


def test_numbers_dates_and_missing_values_stay_what_they_are() -> None:
    # Numbers from pandas tables must stay numbers, or Excel cannot chart them.
    assert safe_cell(np.int64(7)) == 7 and type(safe_cell(np.int64(7))) is int
    assert type(safe_cell(np.float64(2.5))) is float
    assert safe_cell(Decimal("1500.50")) == 1500.5
    assert safe_cell(True) is True and safe_cell(np.bool_(False)) is False
    # Excel has no NaN, infinity or time zone: a NaN cell makes Excel call the file damaged.
    for missing in (None, float("nan"), np.float64("nan"), float("inf"), pd.NaT, pd.NA):
        assert safe_cell(missing) is None
    aware = datetime(2026, 1, 2, 3, 4, tzinfo=UTC)
    assert safe_cell(aware) == datetime(2026, 1, 2, 3, 4)
    assert safe_cell(date(2026, 1, 2)) == date(2026, 1, 2)
    assert safe_cell({"a": "=b"}) == "{'a': '=b'}"


def test_a_pandas_table_is_written_with_numbers_as_numbers() -> None:
    book = Book()
    frame = pd.DataFrame({"Month": ["2026-01", "=evil"], "Count": [3, np.nan]})
    book.sheet("counts", widths=(20,), freeze="A2").table(frame)
    sheet = openpyxl.load_workbook(io.BytesIO(book.to_bytes()))["counts"]
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["Month", "Count"],
        ["2026-01", 3],
        ["'=evil", None],
    ]
    assert sheet["A1"].font.b and sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width == 20
