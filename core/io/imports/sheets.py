"""The kinds of data a workbook holds: sheet names and columns, with English and Finnish headers.

Columns come from the row models in `core.io.imports.validate` (one declaration per kind);
headers and sheet names come from the translation table, so templates, imports, exports and
forms all use the same words. A file may use either language, or the field names themselves.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from core.i18n import LANGUAGES, TEXTS, Labelled, label_key, translate
from core.io.imports.cells import Cell
from core.io.imports.problems import Problem
from core.io.imports.rows import KINDS, ROW_MODELS

INSTRUCTIONS_SHEET = "instructions"


class SheetKind(Labelled, key_prefix="io.sheet"):
    """Every kind of sheet a workbook may hold (the import kinds, then the instructions)."""

    PARTICIPANTS = "participants"
    COMPANIES = "companies"
    EVENTS = "events"
    PROFILES = "profiles"
    COMMITMENTS = "commitments"
    ATTENDANCE = "attendance"
    FOLLOW_UPS = "follow_ups"
    SALARY_COSTS = "salary_costs"  # issue 17
    INSTRUCTIONS = INSTRUCTIONS_SHEET


def column_key(kind: str, name: str) -> str:
    """The text key of a column's header: the kind's own when core.i18n has one
    (`io.col.events.code`), else the one every kind shares (`io.col.code`)."""
    own = f"io.col.{kind}.{name}"
    return own if own in TEXTS else f"io.col.{name}"


@dataclass(frozen=True)
class Column:
    kind: str
    name: str  # the field name in the row model
    cell: Cell
    required: bool

    def header(self, lang: str = "en") -> str:
        return column_header(self.kind, self.name, lang)


def columns(kind: str) -> list[Column]:
    """The columns of `kind` in template order."""
    result = []
    for name, info in ROW_MODELS[kind].model_fields.items():
        cell = next((m for m in info.metadata if isinstance(m, Cell)), Cell())
        result.append(Column(kind, name, cell, info.is_required()))
    return result


def column_header(kind: str, name: str, lang: str = "en") -> str:
    return translate(column_key(kind, name), lang)


def sheet_name(kind: str, lang: str = "en") -> str:
    return translate(label_key(SheetKind(kind)), lang)


def _norm(text: str) -> str:
    text = re.sub(r"\s*\*$", "", str(text)).casefold()
    return re.sub(r"[\s_\-]+", " ", text).strip()


def kind_for_sheet(name: str) -> str | None:
    """The kind a sheet holds, by its English or Finnish name or the kind itself."""
    wanted = _norm(name)
    for kind in KINDS:
        names = {_norm(kind), *(_norm(sheet_name(kind, lang)) for lang in LANGUAGES)}
        if wanted in names:
            return kind
    return None


def is_instructions_sheet(name: str) -> bool:
    wanted = _norm(name)
    return wanted in {_norm(translate("io.sheet.instructions", lang)) for lang in LANGUAGES}


def _header_lookup(kind: str) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for column in columns(kind):
        lookup[_norm(column.name)] = column.name
        for lang in LANGUAGES:
            lookup[_norm(column.header(lang))] = column.name
    return lookup


@dataclass(frozen=True)
class HeaderMap:
    fields: dict[int, str]  # cell position → field name
    written: dict[str, str]  # field name → header as written in the file


def match_headers(
    kind: str, headers: Sequence[object], sheet: str, row: int
) -> tuple[HeaderMap, list[Problem]]:
    """Map a header row to fields: unknown, repeated or missing required columns are errors."""
    lookup = _header_lookup(kind)
    fields: dict[int, str] = {}
    written: dict[str, str] = {}
    problems: list[Problem] = []
    for position, raw in enumerate(headers):
        text = "" if raw is None else str(raw).strip()
        if not text:
            continue
        name = lookup.get(_norm(text))
        if name is None:
            close = difflib.get_close_matches(_norm(text), list(lookup), n=1, cutoff=0.6)
            hint = column_header(kind, lookup[close[0]]) if close else "—"
            problems.append(
                Problem("io.err.unknown_column", {"hint": hint}, sheet=sheet, row=row, column=text)
            )
        elif name in written:
            problems.append(
                Problem(
                    "io.err.repeated_column",
                    {"first": written[name]},
                    sheet=sheet,
                    row=row,
                    column=text,
                )
            )
        else:
            fields[position] = name
            written[name] = text
    for column in columns(kind):
        if column.required and column.name not in written:
            problems.append(
                Problem(
                    "io.err.missing_column",
                    {"english": column.header("en"), "finnish": column.header("fi")},
                    sheet=sheet,
                    row=row,
                    column=column.header("en"),
                )
            )
    return HeaderMap(fields, written), problems
