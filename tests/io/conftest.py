"""Helpers for import tests: build workbooks and CSVs in memory, count what was stored."""

from __future__ import annotations

import io
from typing import Any

import openpyxl
from sqlalchemy import func
from sqlmodel import Session, SQLModel, select

from core.io.imports.sheets import columns
from tests.conftest import Importer

__all__ = ["Importer"]

Rows = list[list[Any]]


def headers(kind: str, lang: str = "en") -> list[str]:
    return [c.header(lang) for c in columns(kind)]


def xlsx(sheets: dict[str, Rows]) -> bytes:
    """A workbook with one sheet per entry (rows include the header row)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_text(rows: Rows, delimiter: str = ",") -> str:
    return (
        "\n".join(delimiter.join("" if v is None else str(v) for v in row) for row in rows) + "\n"
    )


def participant(code: str = "P-1", **values: Any) -> list[Any]:
    row: dict[str, Any] = {
        "code": code,
        "target_group": "international_students",
        "programme": "CSE-MSC",
        "spearhead": None,
        "entry_status": "in_education",
        "gender": "woman",
        "age_band": "18-29",
        "isced": "5-8",
        "entry_date": "2025-09-01",
        "exit_date": None,
    }
    row.update(values)
    return [row.get(c.name) for c in columns("participants")]


def company(business_id: str = "0201256-6", **values: Any) -> list[Any]:
    row: dict[str, Any] = {"business_id": business_id, "name": "Acme Oy", "size_class": "micro"}
    row.update(values)
    return [row.get(c.name) for c in columns("companies")]


def participants_book(*rows: list[Any]) -> bytes:
    return xlsx({"Participants": [headers("participants"), *rows]})


def count(session: Session, model: type[SQLModel]) -> int:
    session.expire_all()
    return int(session.exec(select(func.count()).select_from(model)).one())
