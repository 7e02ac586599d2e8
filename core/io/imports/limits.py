"""How much a workbook may unpack to, measured before anything is read (zip bombs).

An .xlsx is a zip archive: 1.5 MB can unpack to 1.5 GB, and a few bytes of XML with one
value in A1 and one in XFD1048576 make a reader build a grid of seventeen billion cells.
So before any sheet is read: the archive's directory is checked (entries, unpacked size,
compression ratio), every part is inflated once through a small buffer to prove it holds
no more than the directory says, and each sheet's XML is checked for size and for the grid
it spans. The limits are settings (`SILTA_IMPORT_MAX_*`, see `core.config`).
"""

from __future__ import annotations

import functools
import re
import zipfile
from dataclasses import dataclass

from openpyxl.utils import column_index_from_string, get_column_letter

from core.config import Settings, get_settings
from core.io.imports.problems import Problem

MB = 1024 * 1024
# Parts smaller than this cannot make a bomb, whatever their ratio (styles compress 50x).
RATIO_FLOOR = MB
CHUNK = MB
# A row or cell start tag (any namespace prefix); "/" when it closes itself (no value).
_TAG = re.compile(rb"<(?:\w+:)?(row|c)\b([^>]*?)(/?)>")
_REF = re.compile(rb'\br="([A-Z]{0,3})(\d{1,7})"')
# For the quick bound, patterns that start with a literal (the regex engine skips ahead to
# it): a row or cell whose reference is not its first attribute; a column past Z.
_UNPLACED_CELL = re.compile(rb'<c(?=[\s/>])(?! r=")')
_UNPLACED_ROW = re.compile(rb'<row(?=[\s/>])(?! r=")')
_WIDE = re.compile(rb'r="([A-Z]{2,3})\d')


@dataclass(frozen=True)
class Limits:
    unpacked: int  # bytes, all parts together
    sheet: int  # bytes of one sheet's XML
    ratio: int  # unpacked / packed size of one part
    entries: int  # parts in the archive
    cells: int  # rows x columns of one sheet's grid

    @classmethod
    def of(cls, settings: Settings | None = None) -> Limits:
        s = settings or get_settings()
        return cls(
            unpacked=s.import_max_unpacked_mb * MB,
            sheet=s.import_max_sheet_mb * MB,
            ratio=s.import_max_ratio,
            entries=s.import_max_entries,
            cells=s.import_max_cells,
        )


def _mb(size: int) -> str:
    return f"{size / MB:,.1f}"


def check_archive(archive: zipfile.ZipFile, file_name: str, limits: Limits) -> Problem | None:
    """The first limit the archive breaks, or None; reads the directory, then streams.

    Raises zipfile.BadZipFile when a part unpacks to other than its stated size (zipfile
    stops at the stated size and then checks the CRC), which the reader calls damaged."""
    infos = archive.infolist()
    if len(infos) > limits.entries:
        return Problem(
            "io.err.zip_entries", {"file": file_name, "count": len(infos), "max": limits.entries}
        )
    total = sum(info.file_size for info in infos)
    if total > limits.unpacked:
        return Problem(
            "io.err.zip_unpacked",
            {"file": file_name, "size": _mb(total), "max": _mb(limits.unpacked)},
        )
    for info in infos:
        ratio = info.file_size // max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and ratio > limits.ratio:
            return Problem(
                "io.err.zip_ratio",
                {
                    "file": file_name,
                    "part": info.filename[:80],
                    "ratio": ratio,
                    "max": limits.ratio,
                },
            )
    # The directory is the sender's word; a part that inflates to more than it claims is
    # caught here, one buffer at a time, before any reader trusts it.
    for info in infos:
        with archive.open(info) as part:
            while part.read(CHUNK):
                pass
    return None


def check_sheet_size(info: zipfile.ZipInfo, sheet: str, limits: Limits) -> Problem | None:
    if info.file_size <= limits.sheet:
        return None
    return Problem(
        "io.err.sheet_too_big",
        {"size": _mb(info.file_size), "max": _mb(limits.sheet)},
        sheet=sheet,
    )


@functools.lru_cache(maxsize=4096)
def _column(letters: bytes) -> int:
    return int(column_index_from_string(letters.decode()))


def grid_size(xml: bytes) -> tuple[int, int]:
    """(last row, last column) holding a cell with content, placed as a reader places them:
    by their `r` reference, or one after the previous when it is left out."""
    last_row = last_column = 0
    row = column = 0
    for match in _TAG.finditer(xml):
        name, attributes, empty = match.groups()
        ref = _REF.search(attributes)
        if name == b"row":
            row = int(ref.group(2)) if ref else row + 1
            column = 0
            continue
        if ref is not None and ref.group(1):
            column, row = _column(ref.group(1)), int(ref.group(2))
        else:
            column += 1
        if not empty:
            last_row, last_column = max(last_row, row), max(last_column, column)
    return last_row, last_column


def _above(number: int) -> bytes:
    """A regex matching the decimal numbers greater than `number`."""
    digits = str(number)
    parts = [rf"\d{{{len(digits) + 1},}}"]
    for i, digit in enumerate(digits):
        if digit != "9":
            parts.append(rf"{digits[:i]}[{int(digit) + 1}-9]\d{{{len(digits) - i - 1}}}")
    return "|".join(parts).encode()


def _fits(xml: bytes, cells: int) -> bool:
    """A quick bound, scanned by the regex engine alone (literal-prefix patterns, about a
    second for 100,000 rows): True when every row and cell carries its reference (as Excel,
    LibreOffice and openpyxl write them) and none lies beyond the last row `cells` allows
    at the widest column referenced. False means "count one by one", not "too big"."""
    if any(xml.find(prefixed) >= 0 for prefixed in (b":row", b":c ", b":c>")):
        return False
    if _UNPLACED_CELL.search(xml) or _UNPLACED_ROW.search(xml):
        return False
    wide = set(_WIDE.findall(xml))  # two- and three-letter columns: usually none
    columns = max((_column(letters) for letters in wide), default=26)
    rows = max(cells // columns, 1)
    return re.search(b'r="[A-Z]{0,3}0*(?:' + _above(rows) + b')"', xml) is None


def check_grid(xml: bytes, sheet: str, limits: Limits) -> Problem | None:
    """Refuse a sheet whose grid (first cell to the last with content) has too many cells:
    readers build the whole grid, so one value far away costs memory for all between."""
    if _fits(xml, limits.cells):
        return None
    rows, columns = grid_size(xml)
    if rows * columns <= limits.cells:
        return None
    return Problem(
        "io.err.sheet_too_wide",
        {
            "rows": rows,
            "column": get_column_letter(min(columns, 18_278)),
            "cells": f"{rows * columns:,}",
            "max": f"{limits.cells:,}",
        },
        sheet=sheet,
    )
