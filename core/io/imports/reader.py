"""Read an uploaded file (Excel .xlsx or CSV) into raw sheets, refusing what it cannot trust.

Nothing here knows about the database: it finds the header row, the data rows with the row
numbers the user sees, and problems with the file itself (encrypted, damaged, merged cells,
formulas, hidden sheets, wrong text encoding, too many rows, too much to unpack).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import PurePath
from typing import Any
from xml.etree.ElementTree import ParseError

from openpyxl.utils.exceptions import InvalidFileException

from core.errors import DomainError
from core.io.imports.limits import Limits, check_archive, check_grid, check_sheet_size
from core.io.imports.parse import is_empty
from core.io.imports.problems import Problem
from core.io.imports.sheets import is_instructions_sheet, kind_for_sheet
from core.io.imports.xlsx import (
    CalamineError,
    SheetPart,
    formula_cells,
    merged_ranges,
    sheet_paths,
    sheet_values,
)

Progress = Callable[[str, float], None]
MAX_ROWS = 200_000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
PLAIN = (str, int, float, bool, datetime, date, time, Decimal)
# Non-ASCII characters expected in this project's text: Nordic and common Western letters.
EXPECTED_NON_ASCII = set("äöåÄÖÅéÉèÈáÁàÀüÜíÍóÓúÚñÑçÇøØæÆß€£§°´–—‘’“”…·ëïôâêîûšžŠŽ")
READ_ERRORS = (
    zipfile.BadZipFile,
    KeyError,
    ValueError,
    OSError,
    TypeError,
    IndexError,
    AttributeError,
    ParseError,
    InvalidFileException,
    EOFError,
    CalamineError,
    NotImplementedError,  # a compression method zipfile does not know
    RuntimeError,  # an encrypted zip entry
)


class FileRefused(DomainError, ValueError):
    """The whole file cannot be read; `problem` says why and what to do."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.key, **problem.values)
        self.problem = problem


@dataclass
class RawSheet:
    name: str  # as written in the file
    kind: str
    header_row: int
    headers: list[Any]
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)


@dataclass
class RawBook:
    file_name: str
    sheets: list[RawSheet] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    encoding: str = ""  # the text encoding a CSV was read with


def read_book(
    data: bytes, file_name: str, *, kind: str | None = None, progress: Progress | None = None
) -> RawBook:
    """Read `data`; raises FileRefused when the file as a whole is unusable."""
    if not data:
        raise FileRefused(Problem("io.err.empty_file", {"file": file_name}))
    if data.startswith(OLE_MAGIC):
        key = "io.err.encrypted" if ENCRYPTED_STREAM in data else "io.err.old_excel"
        raise FileRefused(Problem(key, {"file": file_name}))
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(data, file_name, kind, progress)
    suffix = PurePath(file_name).suffix.casefold()
    if suffix in {".xlsx", ".xlsm", ".xls", ".ods"} or _looks_binary(data):
        raise FileRefused(Problem("io.err.not_a_table", {"file": file_name}))
    return _read_csv(data, file_name, kind)


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    return head.startswith((b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff")) or (
        b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff"))
    )


def _read_xlsx(data: bytes, file_name: str, kind: str | None, progress: Progress | None) -> RawBook:
    limits = Limits.of()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        if "xl/workbook.xml" not in archive.namelist():
            raise FileRefused(Problem("io.err.not_a_table", {"file": file_name}))
        if (too_big := check_archive(archive, file_name, limits)) is not None:
            raise FileRefused(too_big)
        parts = sheet_paths(archive)
        book = RawBook(file_name)
        chosen = _choose_sheets(list(parts), kind, book)
        for done, (name, sheet_kind) in enumerate(chosen, start=1):
            sheet = _read_sheet(data, archive, parts[name], name, sheet_kind, book, limits)
            if sheet is not None:
                book.sheets.append(sheet)
            if progress is not None:
                progress("read", done / len(chosen))
    except FileRefused:
        raise
    except READ_ERRORS:
        raise FileRefused(Problem("io.err.damaged", {"file": file_name})) from None
    return book


def _read_sheet(
    data: bytes,
    archive: zipfile.ZipFile,
    part: SheetPart,
    name: str,
    kind: str,
    book: RawBook,
    limits: Limits,
) -> RawSheet | None:
    """One sheet, or None with the reason in `book.problems` (checked before it is read)."""
    if part.hidden:
        # What the manager cannot see must not be imported behind their back.
        book.problems.append(Problem("io.err.hidden_sheet", {}, sheet=name))
        return None
    if (too_big := check_sheet_size(archive.getinfo(part.path), name, limits)) is not None:
        book.problems.append(too_big)
        return None
    xml = archive.read(part.path)
    if (too_wide := check_grid(xml, name, limits)) is not None:
        book.problems.append(too_wide)
        return None
    for ref in merged_ranges(xml)[:20]:
        book.problems.append(Problem("io.err.merged", {"cells": ref}, sheet=name))
    formulas = formula_cells(xml)
    del xml  # the reader below builds its own copy; do not hold both
    rows = sheet_values(data, name)
    _mark_formulas(rows, formulas, name, book)
    return _read_rows(iter(rows), name, kind, book)


def _mark_formulas(
    rows: list[list[Any]], formulas: list[tuple[int, int, str]], sheet: str, book: RawBook
) -> None:
    """Formulas are refused: the import takes what the manager sees, typed in as values."""
    header = next((r for r in rows if any(not is_empty(v) for v in r)), [])
    for number, position, text in formulas:
        name = header[position] if position < len(header) else ""
        column = str(name) if not is_empty(name) else _column_letter(position)
        book.problems.append(
            Problem(
                "io.err.formula", {"value": "=" + text[:40]}, sheet=sheet, row=number, column=column
            )
        )
        if number - 1 < len(rows) and position < len(rows[number - 1]):
            rows[number - 1][position] = None


def _choose_sheets(names: list[str], kind: str | None, book: RawBook) -> list[tuple[str, str]]:
    """Which sheets to read, as what (a one-kind import takes its sheet, or the only one)."""
    # Sheets starting with "_" are Silta's own helpers (the hidden drop-down lists).
    found = [(name, kind_for_sheet(name)) for name in names if not name.startswith("_")]
    known = [(name, k) for name, k in found if k is not None and (kind is None or k == kind)]
    if kind is not None and not known:
        data_sheets = [n for n, _ in found if not is_instructions_sheet(n)]
        if len(data_sheets) == 1:
            return [(data_sheets[0], kind)]
    for name, k in found:
        if k is None and not is_instructions_sheet(name):
            book.problems.append(_warn("io.warn.sheet_ignored", name))
    if not known:
        raise FileRefused(Problem("io.err.no_known_sheet", {"file": book.file_name}))
    return [(name, k) for name, k in known if k is not None]


def _warn(key: str, sheet: str) -> Problem:
    from core.io.imports.problems import Severity

    return Problem(key, {}, sheet=sheet, severity=Severity.WARNING)


def _read_rows(rows: Any, sheet: str, kind: str, book: RawBook) -> RawSheet | None:
    """Find the header row (the first non-empty one) and keep the non-empty rows below it."""
    raw: RawSheet | None = None
    for number, values in enumerate(rows, start=1):
        cells = list(values)
        if all(is_empty(v) for v in cells):
            continue
        if raw is None:
            raw = RawSheet(sheet, kind, number, cells)
            continue
        if len(raw.rows) >= MAX_ROWS:
            book.problems.append(Problem("io.err.too_many_rows", {"max": MAX_ROWS}, sheet=sheet))
            break
        raw.rows.append((number, cells))
    if raw is None:
        book.problems.append(Problem("io.err.empty_sheet", {}, sheet=sheet))
        return None
    _report_formulas(raw, book)
    return raw


def _report_formulas(raw: RawSheet, book: RawBook) -> None:
    """Formulas are refused: the import takes what the manager sees, as values."""
    for number, cells in raw.rows:
        for position, value in enumerate(cells):
            formula = isinstance(value, str) and value.startswith("=") and len(value) > 1
            if formula or not (value is None or isinstance(value, PLAIN)):
                header = raw.headers[position] if position < len(raw.headers) else ""
                book.problems.append(
                    Problem(
                        "io.err.formula",
                        {"value": str(value)[:40]},
                        sheet=raw.name,
                        row=number,
                        column=str(header or _column_letter(position)),
                    )
                )
                cells[position] = None


def _column_letter(position: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(position + 1))


def decode_text(data: bytes, file_name: str) -> tuple[str, str]:
    """The text of a CSV and the encoding used: UTF-8 (with or without BOM), UTF-16 with BOM,
    or Windows-1252 (what Excel saves as "CSV" on Finnish Windows); anything else is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16"
    try:
        text = data.decode("utf-8-sig")
        encoding = "UTF-8"
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode("cp1252"), "Windows-1252"
        except UnicodeDecodeError:
            raise FileRefused(Problem("io.err.encoding", {"file": file_name})) from None
        # Western text has a few accented letters among ASCII; another alphabet read as
        # Windows-1252 gives whole words of them, or letters Finnish text never has.
        unexpected = [c for c in text if ord(c) > 127 and c not in EXPECTED_NON_ASCII]
        if re.search(r"[^\x00-\x7f]{4,}", text) or len(unexpected) > 2:
            raise FileRefused(Problem("io.err.encoding", {"file": file_name})) from None
    if re.search("Ã[\u0080-\u00bf]|Ã¤|Ã¶|Ã¥|Ã„|Ã–|â‚¬", text):
        raise FileRefused(Problem("io.err.mojibake", {"file": file_name}))
    if "\x00" in text:
        raise FileRefused(Problem("io.err.encoding", {"file": file_name}))
    return text, encoding


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def _read_csv(data: bytes, file_name: str, kind: str | None) -> RawBook:
    text, encoding = decode_text(data, file_name)
    book = RawBook(file_name, encoding=encoding)
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    # The csv module refuses fields over 128 KiB as if the file were broken; a long cell
    # is a problem of its row (the column says how long it may be), so allow any field the
    # text can hold. The limit is process-wide and only ever raised.
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first))
    try:
        rows = list(reader)
    except csv.Error:
        raise FileRefused(Problem("io.err.damaged_csv", {"file": file_name})) from None
    chosen = kind or kind_for_sheet(PurePath(file_name).stem) or _guess_kind(rows)
    if chosen is None:
        raise FileRefused(Problem("io.err.csv_kind", {"file": file_name}))
    sheet = _read_rows(iter(rows), PurePath(file_name).name, chosen, book)
    if sheet is not None:
        book.sheets.append(sheet)
    return book


def _guess_kind(rows: list[list[str]]) -> str | None:
    """The one kind whose required columns all appear in the header row, if exactly one does."""
    from core.io.imports.sheets import match_headers
    from core.io.imports.validate import KINDS

    header = next((r for r in rows if any(c.strip() for c in r)), [])
    fits = [k for k in KINDS if not match_headers(k, header, "", 1)[1]]
    return fits[0] if len(fits) == 1 else None
