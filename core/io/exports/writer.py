"""The one workbook writer: every export builds its .xlsx here, sheet by sheet and row by row.

Each value passes the one cell escaper (`core.io.escape.safe_cell`) in `Sheet.append`,
so no export can write a formula, a control character or an over-long cell, whatever it
puts in. Sheets are streamed (openpyxl's write-only mode): a large export never sits in
memory as cell objects, and widths and frozen panes are set before the first row, as
streaming requires.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart._chart import ChartBase
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.datavalidation import DataValidation

from core.io.escape import printable, safe_cell

MAX_TITLE_CHARS = 31  # Excel's limit for a sheet name
MAX_MESSAGE_CHARS = 255  # Excel's limit for a drop-down's error message


@dataclass(frozen=True)
class Style:
    """How a cell looks; what is None keeps the spreadsheet's default."""

    font: Font | None = None
    fill: PatternFill | None = None
    alignment: Alignment | None = None
    number_format: str | None = None


BOLD = Style(font=Font(bold=True))
TITLE = Style(font=Font(bold=True, size=14))
WRAPPED = Style(alignment=Alignment(wrap_text=True, vertical="top"))
HEADER = Style(font=Font(bold=True, color="FFFFFF"), fill=PatternFill("solid", fgColor="1F4E79"))
REQUIRED_HEADER = Style(
    font=Font(bold=True, color="FFFFFF"), fill=PatternFill("solid", fgColor="C0392B")
)

CellStyles = Style | Sequence[Style | None] | None


class Sheet:
    """One worksheet being written, top row first."""

    def __init__(self, sheet: WriteOnlyWorksheet) -> None:
        self.worksheet = sheet  # for chart references
        self.rows = 0

    def append(self, values: Iterable[Any], style: CellStyles = None) -> None:
        """One row; `style` is one style for every cell or one per cell (None: plain)."""
        if style is None:
            self.worksheet.append([safe_cell(v) for v in values])
        else:
            styles = repeat(style) if isinstance(style, Style) else style
            cells = [self._cell(safe_cell(v), s) for v, s in zip(values, styles, strict=False)]
            self.worksheet.append(cells)
        self.rows += 1

    def _cell(self, value: Any, style: Style | None) -> Any:
        if style is None:
            return value
        cell = WriteOnlyCell(self.worksheet, value=value)
        if style.font is not None:
            cell.font = style.font
        if style.fill is not None:
            cell.fill = style.fill
        if style.alignment is not None:
            cell.alignment = style.alignment
        if style.number_format is not None:
            cell.number_format = style.number_format
        return cell

    def table(self, frame: pd.DataFrame, header: Style | None = BOLD) -> None:
        """A pandas table: its column names as the header row, then its rows."""
        self.append([str(c) for c in frame.columns], header)
        for row in frame.itertuples(index=False):
            self.append(row)

    def drop_down(self, column: int, source: str, *, message: str, last_row: int) -> None:
        """Cells of `column` (1-based) below the header offer the list at `source`."""
        rule = DataValidation(type="list", formula1=source, allow_blank=True)
        rule.error = printable(message)[:MAX_MESSAGE_CHARS]  # the project's own codes are in it
        rule.showErrorMessage = True
        letter = get_column_letter(column)
        rule.add(f"{letter}2:{letter}{last_row}")
        self.worksheet.data_validations.append(rule)

    def chart(self, chart: ChartBase, anchor: str) -> None:
        self.worksheet.add_chart(chart, anchor)


class Book:
    """A workbook being written; `to_bytes` gives the .xlsx file."""

    def __init__(self) -> None:
        self._book = Workbook(write_only=True)

    def sheet(
        self,
        title: str,
        *,
        widths: Sequence[float] = (),
        freeze: str | None = None,
        index: int | None = None,
        hidden: bool = False,
    ) -> Sheet:
        """A new sheet; `widths` are of columns A, B, … and `freeze` the first unfrozen
        cell ("A2" keeps the header row in view)."""
        sheet: WriteOnlyWorksheet = self._book.create_sheet(title[:MAX_TITLE_CHARS], index)
        for number, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(number)].width = width
        if freeze is not None:
            sheet.freeze_panes = freeze
        if hidden:
            sheet.sheet_state = "hidden"
        return Sheet(sheet)

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self._book.save(buffer)
        return buffer.getvalue()
