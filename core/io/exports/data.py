"""Exports for the manager: the data workbook (re-importable) and every table as it is stored."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select as sa_select
from sqlmodel import Session, SQLModel

from core.io.exports.workbook import add_instructions, add_kind_sheet, all_kinds, new_book, to_bytes
from core.io.exports.writer import Book
from core.io.imports.records import load_catalog, load_stored
from core.models import SECRET_FIELDS, Project

Progress = Callable[[str, float], None]


def _sort_key(key: tuple[Any, ...]) -> tuple[str, ...]:
    return tuple(str(part) for part in key)


def export_workbook(
    session: Session,
    project: Project,
    *,
    kind: str | None = None,
    lang: str = "en",
    progress: Progress | None = None,
) -> bytes:
    """Every record of the project in template layout: import it back and nothing changes."""
    kinds = all_kinds(kind)
    catalog = load_catalog(session, project)
    book, lists = new_book()
    for done, name in enumerate(kinds, start=1):
        stored = load_stored(session, project, name)
        rows = (stored[key].row for key in sorted(stored, key=_sort_key))
        add_kind_sheet(book, name, rows, lang=lang, lists=lists, catalog=catalog)
        if progress is not None:
            progress("export", done / len(kinds))
    add_instructions(book, kinds, lang=lang, catalog=catalog)
    return to_bytes(book, lists)


def export_all_tables(session: Session, *, progress: Progress | None = None) -> bytes:
    """Every table, every column as stored (password hashes left out), one sheet each."""
    book = Book()
    tables = SQLModel.metadata.sorted_tables
    for done, table in enumerate(tables, start=1):
        names = [c.name for c in table.columns if c.name not in SECRET_FIELDS]
        sheet = book.sheet(table.name)
        sheet.append(names)
        query = sa_select(*[table.c[n] for n in names]).order_by(*table.primary_key.columns)
        for row in session.connection().execute(query):
            sheet.append(row)  # JSON columns are written as their text
        if progress is not None:
            progress("export", done / len(tables))
    return book.to_bytes()


__all__ = ["export_all_tables", "export_workbook"]
