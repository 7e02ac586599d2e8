"""Empty Excel templates: one sheet per kind, headers, drop-downs and an instructions sheet."""

from __future__ import annotations

from sqlmodel import Session

from core.io.exports.workbook import add_instructions, add_kind_sheet, all_kinds, new_book, to_bytes
from core.io.imports.records import load_catalog
from core.models import Project


def template_workbook(
    kind: str | None = None,
    *,
    lang: str = "en",
    session: Session | None = None,
    project: Project | None = None,
) -> bytes:
    """An .xlsx template for `kind` (None or "all": every kind). With a project, the
    drop-downs also list its target groups, programmes, spearheads and work packages."""
    kinds = all_kinds(kind)
    catalog = (
        load_catalog(session, project) if session is not None and project is not None else None
    )
    book, lists = new_book()
    for name in kinds:
        add_kind_sheet(book, name, [], lang=lang, lists=lists, catalog=catalog)
    add_instructions(book, kinds, lang=lang, catalog=catalog)
    return to_bytes(book, lists)
