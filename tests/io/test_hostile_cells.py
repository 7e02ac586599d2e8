"""Hostile cells and sheets: duplicate codes, hidden sheets, invisible characters, a 1 MB
cell, an impossible age. Each is refused with its sheet and row, or cleaned, never a crash."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from pathlib import Path

import openpyxl
import pytest
from sqlmodel import Session, select

from core.cli.main import main
from core.models import Company, Participant, Project
from tests.io.conftest import (
    Importer,
    company,
    count,
    csv_text,
    headers,
    participant,
    participants_book,
    xlsx,
)


def _errors(report) -> list[tuple[str, str, int | None, str]]:  # type: ignore[no-untyped-def]
    return [(p.key, p.sheet, p.row, p.column) for p in report.errors]


# --- a duplicate code -------------------------------------------------------------------------


def test_a_duplicate_code_names_both_rows_in_both_languages(
    tmp_path: Path,
    project: Project,
    do_import: Importer,
    session: Session,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Once `translate() got multiple values for argument 'key'`, and a traceback."""
    book = participants_book(participant("P-900027"), participant("P-2"), participant("P-900027"))
    report = do_import(book)
    assert _errors(report) == [("io.err.duplicate_key", "Participants", 4, "Participant code")]
    assert report.errors[0].message("en") == (
        "P-900027 appears already on row 2; each record once per file."
    )
    assert "P-900027" in report.errors[0].message("fi") and "2" in report.errors[0].message("fi")
    assert str(report.errors[0]).startswith("Participants, row 4, Participant code: P-900027")
    data = tmp_path / "twice.xlsx"
    data.write_bytes(book)
    assert main(["import", str(data), "--lang", "fi"]) == 2
    assert "rivillä 2" in capsys.readouterr().out
    assert count(session, Participant) == 0


# --- hidden sheets ----------------------------------------------------------------------------


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_a_hidden_sheet_is_refused_by_name(
    do_import: Importer, session: Session, state: str
) -> None:
    book = openpyxl.load_workbook(
        io.BytesIO(
            xlsx(
                {
                    "Participants": [headers("participants"), participant("P-1")],
                    "Companies": [headers("companies"), company()],
                }
            )
        )
    )
    book["Companies"].sheet_state = state
    buffer = io.BytesIO()
    book.save(buffer)
    report = do_import(buffer.getvalue())
    assert _errors(report) == [("io.err.hidden_sheet", "Companies", None, "")]
    assert "Unhide" in report.errors[0].message("en")
    assert count(session, Participant) == 0 and count(session, Company) == 0


def test_a_hidden_sheet_of_an_unknown_kind_is_only_skipped(
    do_import: Importer, session: Session
) -> None:
    book = openpyxl.load_workbook(
        io.BytesIO(xlsx({"Participants": [headers("participants"), participant("P-1")]}))
    )
    book.create_sheet("Notes").sheet_state = "hidden"
    buffer = io.BytesIO()
    book.save(buffer)
    report = do_import(buffer.getvalue())
    assert report.written and [p.key for p in report.warnings] == ["io.warn.sheet_ignored"]


# --- invisible characters ---------------------------------------------------------------------


def test_zero_width_characters_are_removed_and_text_is_composed(
    do_import: Importer, session: Session
) -> None:
    decomposed = unicodedata.normalize("NFD", "Mäkinen")
    row = participant(
        "P-1\u200b",
        first_name="\ufeffAi\u200cno\u2060",
        last_name=decomposed + "\u200d",
        email="aino@\u200boulu.fi",
    )
    assert do_import(participants_book(row)).written
    stored = session.exec(select(Participant)).one()
    assert (stored.code, stored.first_name, stored.last_name, stored.email) == (
        "P-1",
        "Aino",
        "Mäkinen",
        "aino@oulu.fi",
    )
    assert len(stored.last_name) == 7  # "ä" is one character, not "a" + a combining mark
    # The same code with a zero-width space is the same record, not a look-alike twin.
    again = do_import(participants_book(participant("\u200bP-1")))
    assert again.counts()["Participants"]["created"] == 0


@pytest.mark.parametrize("char", [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))])
def test_bidi_controls_are_refused_with_the_row(
    do_import: Importer, session: Session, char: str
) -> None:
    book = participants_book(participant("P-1"), participant("P-2", last_name=f"{char}nenitrA"))
    report = do_import(book)
    assert _errors(report) == [("io.err.bidi_chars", "Participants", 3, "Last name")]
    assert count(session, Participant) == 0


def test_bidi_controls_in_a_csv_code_are_refused(do_import: Importer, session: Session) -> None:
    text = csv_text([headers("participants"), participant("P-\u202e1")])
    report = do_import(text.encode("utf-8"), "participants.csv")
    assert _errors(report) == [("io.err.bidi_chars", "participants.csv", 2, "Participant code")]


# --- a 1 MB cell ------------------------------------------------------------------------------


def _with_long_name(length: int) -> bytes:
    """A workbook whose first name holds `length` characters (openpyxl would cut it to
    32,767 when saving, so the text goes into the sheet XML directly, as other tools do)."""
    plain = participants_book(participant("P-1", first_name="PLACEHOLDER"))
    source, out = zipfile.ZipFile(io.BytesIO(plain)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                data = data.replace(b"PLACEHOLDER", b"x" * length)
            target.writestr(info.filename, data)
    return out.getvalue()


def test_a_one_megabyte_cell_reports_its_real_length(do_import: Importer, session: Session) -> None:
    report = do_import(_with_long_name(1_000_000))
    assert _errors(report) == [("io.err.too_long", "Participants", 2, "First name")]
    assert report.errors[0].message("en") == (
        "The text is 1000000 characters long; at most 100 fit."
    )
    assert count(session, Participant) == 0


def test_a_one_megabyte_csv_cell_is_a_long_text_not_a_broken_file(
    do_import: Importer, session: Session
) -> None:
    text = csv_text([headers("participants"), participant("P-1", first_name="x" * 1_000_000)])
    report = do_import(text.encode("utf-8"), "participants.csv")
    assert _errors(report) == [("io.err.too_long", "participants.csv", 2, "First name")]
    assert "1000000" in report.errors[0].message("en")


def test_a_cell_filled_to_the_spreadsheet_limit_was_probably_cut(
    do_import: Importer, session: Session
) -> None:
    report = do_import(_with_long_name(32_767))
    assert [p.key for p in report.errors] == ["io.err.too_long_cut"]
    assert "probably cut" in report.errors[0].message("en")


# --- an impossible age ------------------------------------------------------------------------


def test_an_impossible_age_gives_the_valid_birth_years(
    do_import: Importer, session: Session
) -> None:
    """Born 2100, entering in 2000: once "age 0–-100 at entry"."""
    book = participants_book(
        participant("P-1", birth_year=2100, entry_date="2000-09-01", age_band="18-29")
    )
    report = do_import(book)
    assert _errors(report) == [("io.err.age_band", "Participants", 2, "Age band")]
    message = report.errors[0].message("en")
    assert message == (
        "Age band 18-29 does not fit birth year 2100: entering on 2000-09-01, someone in that "
        "band was born in 1970–1982."
    )
    assert "1970–1982" in report.errors[0].message("fi")
    assert "–-" not in message
