"""Writing Silta workbooks: kind sheets (headers, drop-downs, values), instructions, escaping.

Templates and exports share this, so an exported workbook is a filled-in template that the
importer reads back unchanged.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.datavalidation import DataValidation

from core.i18n import label_key, translate
from core.io.imports.cells import RefKind, Widget
from core.io.imports.parse import EXPORT_ESCAPE_START
from core.io.imports.sheets import Column, columns, sheet_name
from core.io.imports.validate import KINDS, Catalog

LISTS_SHEET = "_lists"
MAX_DATA_ROW = 100_000  # drop-downs cover this many rows
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
REQUIRED_FILL = PatternFill("solid", fgColor="C0392B")
YES_NO = {"en": ("yes", "no"), "fi": ("kyllä", "ei")}


def escape(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(EXPORT_ESCAPE_START):
        return "'" + value
    return value


def cell_value(value: Any, lang: str = "en") -> Any:
    if isinstance(value, bool):
        return YES_NO.get(lang, YES_NO["en"])[0 if value else 1]
    if isinstance(value, Decimal):
        return float(value) if value == value.quantize(Decimal("0.01")) else str(value)
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    return escape(value)


class Lists:
    """A hidden sheet holding the drop-down choices, one column per list."""

    def __init__(self, book: Workbook) -> None:
        self.sheet: WriteOnlyWorksheet = book.create_sheet(LISTS_SHEET)
        self.sheet.sheet_state = "hidden"
        self.columns: list[list[str]] = []
        self.index: dict[tuple[str, ...], str] = {}

    def range_for(self, values: list[str]) -> str:
        key = tuple(values)
        if key not in self.index:
            self.columns.append(values)
            letter = get_column_letter(len(self.columns))
            self.index[key] = (
                f"{quote_sheetname(LISTS_SHEET)}!${letter}$1:${letter}${max(len(values), 1)}"
            )
        return self.index[key]

    def close(self) -> None:
        depth = max((len(c) for c in self.columns), default=0)
        for i in range(depth):
            self.sheet.append([c[i] if i < len(c) else None for c in self.columns])


def choices(column: Column, catalog: Catalog | None, lang: str) -> list[str]:
    """Drop-down choices: codes, yes/no, or the project's own codes for references."""
    if column.cell.widget == "bool":
        return list(YES_NO.get(lang, YES_NO["en"]))
    if column.cell.widget == "code":
        return column.cell.choices()
    ref = getattr(column.cell, "ref", "")
    if (
        column.cell.widget == "ref"
        and catalog is not None
        and ref
        in {
            "target_group",
            "programme",
            "spearhead",
            "work_package",
        }
    ):
        return sorted(catalog.codes.get(ref, {}).values())
    return []


def _header_cells(sheet: WriteOnlyWorksheet, cols: list[Column], lang: str) -> list[WriteOnlyCell]:
    cells = []
    for column in cols:
        cell = WriteOnlyCell(sheet, value=column.header(lang))
        cell.font = HEADER_FONT
        cell.fill = REQUIRED_FILL if column.required else HEADER_FILL
        cells.append(cell)
    return cells


def add_kind_sheet(
    book: Workbook,
    kind: str,
    rows: Iterable[Mapping[str, Any]],
    *,
    lang: str,
    lists: Lists,
    catalog: Catalog | None = None,
) -> int:
    """One sheet of `kind`: header row, drop-downs, then `rows`; returns the rows written."""
    cols = columns(kind)
    sheet: WriteOnlyWorksheet = book.create_sheet(sheet_name(kind, lang))
    sheet.freeze_panes = "A2"
    for i, column in enumerate(cols, start=1):
        wide = column.cell.widget in {"text", "ref"} and column.name not in {"code"}
        sheet.column_dimensions[get_column_letter(i)].width = 28 if wide else 18
        options = choices(column, catalog, lang)
        if options:
            rule = DataValidation(type="list", formula1=lists.range_for(options), allow_blank=True)
            rule.error = translate("io.format.code", lang, choices=", ".join(options))[:255]
            rule.showErrorMessage = True
            rule.add(f"{get_column_letter(i)}2:{get_column_letter(i)}{MAX_DATA_ROW}")
            sheet.data_validations.append(rule)
    sheet.append(_header_cells(sheet, cols, lang))
    written = 0
    for row in rows:
        sheet.append([_dated(sheet, cell_value(row.get(c.name), lang)) for c in cols])
        written += 1
    return written


def _dated(sheet: WriteOnlyWorksheet, value: Any) -> Any:
    if isinstance(value, date) and not isinstance(value, datetime):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    return value


def format_hint(column: Column, catalog: Catalog | None, lang: str) -> str:
    widget = Widget(column.cell.widget)
    if widget in {Widget.CODE, Widget.CODES}:
        return translate(label_key(widget), lang, choices=", ".join(column.cell.choices()))
    if widget is Widget.REF:
        ref = RefKind(getattr(column.cell, "ref", ""))
        known = choices(column, catalog, lang)
        what = translate(label_key(ref), lang)
        return translate("io.format.ref", lang, what=what) + (
            f" ({', '.join(known)})" if known else ""
        )
    return translate(label_key(widget), lang)


def add_instructions(
    book: Workbook, kinds: list[str], *, lang: str, catalog: Catalog | None
) -> None:
    sheet = book.create_sheet(translate("io.sheet.instructions", lang), 0)
    sheet.column_dimensions["A"].width = 16
    for letter in "BC":
        sheet.column_dimensions[letter].width = 30
    sheet.column_dimensions["D"].width = 12
    sheet.column_dimensions["E"].width = 90
    title = WriteOnlyCell(sheet, value=translate("io.instructions.title", lang))
    title.font = Font(bold=True, size=14)
    sheet.append([title])
    intro = WriteOnlyCell(sheet, value=translate("io.instructions.intro", lang))
    intro.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.append([intro])
    sheet.append([translate("io.instructions.reentry", lang)])
    sheet.append([])
    other = "fi" if lang == "en" else "en"
    heads = [
        translate("io.instructions.sheet", lang),
        translate("io.instructions.column", lang),
        translate("io.instructions.column_fi", lang),
        translate("io.instructions.needed", lang),
        translate("io.instructions.format", lang),
    ]
    sheet.append(_bold(sheet, heads))
    for kind in kinds:
        for column in columns(kind):
            needed = translate("io.required" if column.required else "io.optional", lang)
            sheet.append(
                [
                    sheet_name(kind, lang),
                    column.header(lang),
                    column.header(other),
                    needed,
                    format_hint(column, catalog, lang),
                ]
            )


def _bold(sheet: WriteOnlyWorksheet, values: list[str]) -> list[WriteOnlyCell]:
    cells = []
    for value in values:
        cell = WriteOnlyCell(sheet, value=value)
        cell.font = Font(bold=True)
        cells.append(cell)
    return cells


def new_book() -> tuple[Workbook, Lists]:
    book = Workbook(write_only=True)
    return book, Lists(book)


def to_bytes(book: Workbook, lists: Lists | None = None) -> bytes:
    if lists is not None:
        lists.close()
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def all_kinds(kind: str | None) -> list[str]:
    if kind in (None, "all"):
        return list(KINDS)
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; choose one of: all, {', '.join(KINDS)}")
    return [kind]
