"""Zip bombs: every workbook is measured before it is read, and refused quickly and cheaply.

The cases that started it: a 1.5 MB workbook unpacking to 1.5 GB was accepted (the command
line peaked at 3.2 GB), and a 4 MB one (4 GB unpacked) ended in a raw MemoryError. Bombs are
built here with zipfile: a sheet of one row repeated, which deflate packs ~1000 to 1.
Memory is measured in a fresh process (peak RSS before and after the import).
"""

from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from sqlmodel import Session

from core.config import REPO_ROOT, get_settings, load_settings
from core.models import Participant, Project
from tests.io.conftest import Importer, count, participant, participants_book

MB = 1024 * 1024
SHEET = "xl/worksheets/sheet1.xml"
ROW = (
    b'<row><c t="inlineStr"><is><t>P-1</t></is></c><c t="inlineStr"><is><t>'
    b"international_students</t></is></c></row>"
)
# Peak RSS may grow by at most this much while a bomb is refused (the file itself is < 2 MB).
RSS_BOUND_MB = 60


def _workbook_with_sheet(write_sheet: object, level: int = 9) -> bytes:
    """A real one-sheet workbook (Participants) whose sheet XML `write_sheet(part)` writes."""
    source, out = zipfile.ZipFile(io.BytesIO(participants_book(participant("P-1")))), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as target:
        for info in source.infolist():
            if info.filename == SHEET:
                with target.open(SHEET, "w", force_zip64=True) as part:
                    write_sheet(part)  # type: ignore[operator]
            else:
                target.writestr(info.filename, source.read(info.filename))
    return out.getvalue()


def bomb(unpacked_mb: int, level: int = 9) -> bytes:
    """A workbook whose sheet is the header row and then one row repeated to `unpacked_mb`
    (deflate level 1 packs it ~140 to 1 and fast, level 9 ~1000 to 1)."""
    chunk = ROW * (MB // len(ROW))

    def write(part: io.BufferedIOBase) -> None:
        part.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
        part.write(b'<sheetData><row><c t="inlineStr"><is><t>Participant code</t></is></c></row>')
        for _ in range(unpacked_mb):
            part.write(chunk)
        part.write(b"</sheetData></worksheet>")

    return _workbook_with_sheet(write, level)


def far_cell(ref: str) -> bytes:
    """A tiny workbook with a value in A1 and one in `ref` (a reader fills the grid between)."""

    def write(part: io.BufferedIOBase) -> None:
        part.write(
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c></row>'
            + f'<row r="{ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}"><c r="{ref}" '.encode()
            + b't="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>'
        )

    return _workbook_with_sheet(write)


def _measured(path: Path) -> dict[str, object]:
    """Import `path` in a fresh process: the report's errors, seconds, and peak RSS growth."""
    script = """
import json, resource, sys, time
from core.io.imports.importer import run_import
data = open(sys.argv[1], "rb").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
report = run_import(data, "bomb.xlsx")
seconds = time.perf_counter() - started
grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
print(json.dumps({"errors": [p.key for p in report.errors], "seconds": seconds, "mb": grown,
                  "messages": [p.message("en") for p in report.errors]}))
"""
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


def test_a_bomb_is_refused_quickly_in_bounded_memory(
    tmp_path: Path, project: Project, session: Session
) -> None:
    data = bomb(250, level=1)  # 250 MB of sheet XML in under 2 MB
    assert len(data) < 2 * MB
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(data)
    result = _measured(path)
    assert result["errors"] == ["io.err.zip_unpacked"]
    assert "MB; Silta opens workbooks of at most 200.0 MB" in str(result["messages"])
    assert float(result["seconds"]) < 5  # type: ignore[arg-type]
    assert float(result["mb"]) < RSS_BOUND_MB, result  # type: ignore[arg-type]
    assert count(session, Participant) == 0


def test_a_far_away_cell_is_refused_before_the_grid_is_built(
    tmp_path: Path, project: Project
) -> None:
    """A1 and XFD1048576: 17 billion cells for a reader, from a 5 KB file."""
    path = tmp_path / "far.xlsx"
    path.write_bytes(far_cell("XFD1048576"))
    assert path.stat().st_size < 10_000
    result = _measured(path)
    assert result["errors"] == ["io.err.sheet_too_wide"]
    assert "row 1048576, column XFD" in str(result["messages"])
    assert float(result["seconds"]) < 5  # type: ignore[arg-type]
    assert float(result["mb"]) < RSS_BOUND_MB, result  # type: ignore[arg-type]


def test_a_far_cell_within_the_limit_is_read(do_import: Importer) -> None:
    report = do_import(far_cell("Z1000"))  # 26,000 cells: fine (the rows just lack columns)
    assert "io.err.sheet_too_wide" not in [p.key for p in report.errors]


def test_a_highly_compressed_part_is_refused(do_import: Importer) -> None:
    report = do_import(bomb(50))  # under the size limit, but packed ~1000 to 1
    assert [p.key for p in report.errors] == ["io.err.zip_ratio"]
    assert report.errors[0].values["part"] == SHEET and report.errors[0].values["ratio"] > 100


def test_a_part_larger_than_its_directory_says_is_refused(do_import: Importer) -> None:
    """The sizes in the zip directory are the sender's word: one claiming 1 KB that inflates
    to 20 MB gets past the size and ratio checks, and must still not be read."""
    data = bytearray(bomb(20))
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(SHEET)
    assert info.file_size > 19 * MB
    # The central directory entry of the sheet: its uncompressed size is at offset 24.
    entry = data.find(b"PK\x01\x02")
    while data[entry + 46 : entry + 46 + len(SHEET)] != SHEET.encode():
        entry = data.find(b"PK\x01\x02", entry + 4)
    assert struct.unpack_from("<I", data, entry + 24)[0] == info.file_size
    struct.pack_into("<I", data, entry + 24, 1024)
    assert zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(SHEET).file_size == 1024
    report = do_import(bytes(data))
    assert [p.key for p in report.errors] == ["io.err.damaged"]


def test_too_many_parts(do_import: Importer) -> None:
    source, out = zipfile.ZipFile(io.BytesIO(participants_book(participant()))), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
        for number in range(10_001):
            target.writestr(f"xl/media/x{number}.bin", b"")
    report = do_import(out.getvalue())
    assert [p.key for p in report.errors] == ["io.err.zip_entries"]


def test_limits_are_settings(
    do_import: Importer, monkeypatch: pytest.MonkeyPatch, session: Session
) -> None:
    rows = [participant(f"P-{i:05d}", first_name="Aino-Maria" * 5) for i in range(3000)]
    book = participants_book(*rows)  # about 2 MB unpacked
    monkeypatch.setenv("SILTA_IMPORT_MAX_UNPACKED_MB", "1")
    get_settings.cache_clear()
    started = time.perf_counter()
    report = do_import(book)
    assert [p.key for p in report.errors] == ["io.err.zip_unpacked"]
    assert time.perf_counter() - started < 2
    monkeypatch.delenv("SILTA_IMPORT_MAX_UNPACKED_MB")
    get_settings.cache_clear()
    assert do_import(book).written
    assert count(session, Participant) == 3000
    with pytest.raises(ValueError, match="SILTA_IMPORT_MAX_RATIO"):
        load_settings({"SILTA_IMPORT_MAX_RATIO": "lots"})
