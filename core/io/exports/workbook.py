"""Silta's kind sheets (headers, drop-downs, values) and the instructions sheet.

Templates and the data export share this, so an exported workbook is a filled-in template
that the importer reads back unchanged. Escaping is the writer's (`core.io.exports.writer`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from openpyxl.utils import get_column_letter, quote_sheetname

from core.i18n import label_key, translate
from core.io.exports.writer import BOLD, HEADER, REQUIRED_HEADER, TITLE, WRAPPED, Book, Sheet
from core.io.imports.cells import RefKind, Widget
from core.io.imports.sheets import Column, columns, sheet_name
from core.io.imports.validate import KINDS, Catalog

LISTS_SHEET = "_lists"
MAX_DATA_ROW = 100_000  # drop-downs cover this many rows
YES_NO = {"en": ("yes", "no"), "fi": ("kyllä", "ei")}


def cell_value(value: Any, lang: str = "en") -> Any:
    """A stored value as the template shows it: yes/no words, euros as numbers."""
    if isinstance(value, bool):
        return YES_NO.get(lang, YES_NO["en"])[0 if value else 1]
    if isinstance(value, Decimal):
        return float(value) if value == value.quantize(Decimal("0.01")) else str(value)
    return value


class Lists:
    """A hidden sheet holding the drop-down choices, one column per list."""

    def __init__(self, book: Book) -> None:
        self.sheet = book.sheet(LISTS_SHEET, hidden=True)
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
            "event_type",  # issue 15: the project's own codes
            "commitment_kind",
        }
    ):
        return sorted(catalog.codes.get(ref, {}).values())
    return []


def add_kind_sheet(
    book: Book,
    kind: str,
    rows: Iterable[Mapping[str, Any]],
    *,
    lang: str,
    lists: Lists,
    catalog: Catalog | None = None,
) -> int:
    """One sheet of `kind`: header row, drop-downs, then `rows`; returns the rows written."""
    cols = columns(kind)
    widths = [
        28 if c.cell.widget in {"text", "ref"} and c.name not in {"code"} else 18 for c in cols
    ]
    sheet = book.sheet(sheet_name(kind, lang), widths=widths, freeze="A2")
    for number, column in enumerate(cols, start=1):
        options = choices(column, catalog, lang)
        if options:
            message = translate("io.format.code", lang, choices=", ".join(options))
            sheet.drop_down(
                number, lists.range_for(options), message=message, last_row=MAX_DATA_ROW
            )
    sheet.append(
        [c.header(lang) for c in cols], [REQUIRED_HEADER if c.required else HEADER for c in cols]
    )
    for row in rows:
        sheet.append([cell_value(row.get(c.name), lang) for c in cols])
    return sheet.rows - 1


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


def add_instructions(book: Book, kinds: list[str], *, lang: str, catalog: Catalog | None) -> None:
    sheet: Sheet = book.sheet(
        translate("io.sheet.instructions", lang), index=0, widths=(16, 30, 30, 12, 90)
    )
    sheet.append([translate("io.instructions.title", lang)], TITLE)
    sheet.append([translate("io.instructions.intro", lang)], WRAPPED)
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
    sheet.append(heads, BOLD)
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


def new_book() -> tuple[Book, Lists]:
    """A workbook for kind sheets, with its hidden sheet of drop-down choices."""
    book = Book()
    return book, Lists(book)


def to_bytes(book: Book, lists: Lists) -> bytes:
    lists.close()
    return book.to_bytes()


def all_kinds(kind: str | None) -> list[str]:
    if kind in (None, "all"):
        return list(KINDS)
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; choose one of: all, {', '.join(KINDS)}")
    return [kind]
