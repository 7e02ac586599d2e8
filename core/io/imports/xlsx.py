"""Fast, careful reading of .xlsx parts: cell values through calamine (Rust), and what
values alone hide (formulas, merged cells) from the sheet's XML."""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass
from typing import Any
from xml.etree import ElementTree

import python_calamine
from openpyxl.utils import column_index_from_string

_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+\d+(?::[A-Z]+\d+)?)"')
# A cell whose first child is a formula: <c r="B2" …><f …>text</f> or <f …/>.
_FORMULA = re.compile(
    rb'<(?:\w+:)?c\s+r="([A-Z]+)(\d+)"[^>]*>\s*<(?:\w+:)?f(?:\s[^>]*)?(?:/>|>([^<]*)<)'
)
CalamineError = python_calamine.CalamineError


@dataclass(frozen=True)
class SheetPart:
    path: str  # of its XML part inside the workbook archive
    hidden: bool  # hidden or "very hidden" (only a macro can show it)


def sheet_paths(archive: zipfile.ZipFile) -> dict[str, SheetPart]:
    """Sheet name → where its XML is and whether Excel hides it."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_NS_PKG}Relationship")}
    paths = {}
    for sheet in workbook.iter(f"{_NS_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_NS_REL}id"), "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        hidden = sheet.get("state", "visible") in {"hidden", "veryHidden"}
        paths[sheet.get("name", "")] = SheetPart(posixpath.normpath(path), hidden)
    return paths


def merged_ranges(xml: bytes) -> list[str]:
    return [ref.decode() for ref in _MERGE.findall(xml)]


def formula_cells(xml: bytes) -> list[tuple[int, int, str]]:
    """(row number, column position from 0, formula text) of every formula cell."""
    return [
        (
            int(row),
            column_index_from_string(letters.decode()) - 1,
            (text or b"").decode(errors="replace"),
        )
        for letters, row, text in _FORMULA.findall(xml)
    ]


def sheet_values(data: bytes, name: str) -> list[list[Any]]:
    """Every row of sheet `name` from row 1 and column A (empty cells are "")."""
    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    return [list(row) for row in book.get_sheet_by_name(name).to_python(skip_empty_area=False)]
