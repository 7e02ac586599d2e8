"""Import throughput: rows/s for 10,000 and 100,000 participant rows (xlsx), write and re-import.

    .venv/bin/python bench/bench_import.py            # SQLite in a temporary folder
    DATABASE_URL=postgresql://… .venv/bin/python bench/bench_import.py   # also PostgreSQL

Each size runs on an empty database: first import (all created), then the same file again
(all unchanged). Times include reading the workbook, validation, planning and writing.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.config import get_settings
from core.db import reset_engines
from core.io.imports.importer import run_import
from core.io.imports.sheets import columns
from core.wiring import wire_sessions

SIZES = [10_000, 100_000]


def workbook(rows: int, *, code: str = "P-{i:07d}", name: str = "{i}") -> bytes:
    """A Participants sheet as the template has it (headers from the import's own column
    definitions): `code` and `name` are patterns of the row number `i`."""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Participants")
    names = [c.name for c in columns("participants")]
    sheet.append([c.header() for c in columns("participants")])
    for i in range(rows):
        row = {
            "code": code.format(i=i),
            "target_group": "international_students",
            "programme": ["CSE-MSC", "ECE-MSC", "SE-MSC"][i % 3],
            "entry_status": ["in_education", "employed"][i % 2],
            "gender": ["woman", "man", "non_binary"][i % 3],
            "age_band": "18-29",
            "isced": "5-8",
            "entry_date": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "first_name": f"First{name.format(i=i)}",
            "last_name": f"Last{name.format(i=i)}",
            "email": f"p{name.format(i=i)}@example.com",
        }
        sheet.append([row.get(n) for n in names])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def fresh_database(url: str | None, folder: Path, size: int) -> str:
    from sqlalchemy import text

    from core.db import get_engine
    from core.project.loading import DEFAULT_PROJECT_FILE, load_project_file
    from core.schema import upgrade_database

    url = url or f"sqlite:///{folder / f'bench_{size}.db'}"
    os.environ["DATABASE_URL"] = url
    get_settings.cache_clear()
    reset_engines()
    upgrade_database()
    if url.startswith("postgres"):
        tables = "participant, attendee, competence_profile, follow_up, audit_log"
        with get_engine().begin() as connection:
            connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    load_project_file(DEFAULT_PROJECT_FILE)
    return url


def measure(label: str, url: str | None, folder: Path) -> None:
    for size in SIZES:
        data = workbook(size)
        fresh_database(url, folder, size)
        for attempt in ("first import", "same file again"):
            start = time.perf_counter()
            report = run_import(data, "bench.xlsx")
            seconds = time.perf_counter() - start
            assert report.ok, report.problems[:3]
            print(
                f"{label:10} {size:>7,} rows  {attempt:16} {seconds:6.2f} s  "
                f"{size / seconds:8,.0f} rows/s  ({report.summary()})",
                flush=True,
            )


def main() -> None:
    wire_sessions()
    os.environ.setdefault("SILTA_DEMO", "0")
    postgres = os.environ.get("DATABASE_URL", "")
    with tempfile.TemporaryDirectory() as folder:
        measure("SQLite", None, Path(folder))
        if postgres.startswith("postgres"):
            measure("PostgreSQL", postgres, Path(folder))


if __name__ == "__main__":
    main()
