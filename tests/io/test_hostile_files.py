"""Hostile files: every one ends in a clear error that names where, and nothing is written.

Each test (and each parameter) is one hostile case; `accepted` cases show what must still
work (unambiguous text dates, Windows-1252 CSVs).
"""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest
from sqlmodel import Session, select

from core.models import Attendance, Company, Event, FollowUp, Participant
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


def _refused(report, key: str) -> None:  # type: ignore[no-untyped-def]
    keys = [p.key for p in report.errors]
    assert key in keys, [str(p) for p in report.problems]
    assert not report.written


def _nothing_written(session: Session) -> None:
    for model in (Participant, Company, Event, Attendance, FollowUp):
        assert count(session, model) == 0


# --- wrong types and codes -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value", "key"),
    [
        ("birth_year", "nineteen", "io.err.int"),
        ("birth_year", 1999.5, "io.err.int"),
        ("entry_date", "tomorrow", "io.err.date_format"),
        ("entry_date", 46023, "io.err.date_number"),
        ("rural", "maybe", "io.err.bool"),
        ("gender", "female", "io.err.code"),
        ("entry_status", "employed, unemployed", "io.err.one_code"),
        ("programme", "XYZ-MSC", "io.err.unknown_programme"),
        ("target_group", "aliens", "io.err.unknown_target_group"),
        ("first_name", "x" * 101, "io.err.too_long"),
        ("email", "anna.example.com", "io.err.email"),
        ("code", "P 1", "io.err.key_chars"),
    ],
)
def test_wrong_values_name_row_and_column(
    do_import: Importer, session: Session, column: str, value: object, key: str
) -> None:
    values = {"code": "P-1", column: value}
    report = do_import(participants_book(participant("P-0"), participant(**values)))
    _refused(report, key)
    problem = next(p for p in report.errors if p.key == key)
    assert (problem.sheet, problem.row) == ("Participants", 3)
    assert problem.column  # the header as written
    assert problem.message("en") and problem.message("fi") != problem.message("en")
    _nothing_written(session)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("01/02/2026", "io.err.date_ambiguous"),
        ("1.2.26", "io.err.date_short_year"),
        ("31.2.2026", "io.err.date_invalid"),
        ("Jan 31 2026", "io.err.date_format"),
        ("2026-13-01", "io.err.date_invalid"),
    ],
)
def test_ambiguous_or_unreadable_text_dates_are_refused(
    do_import: Importer, session: Session, text: str, key: str
) -> None:
    _refused(do_import(participants_book(participant(entry_date=text))), key)
    _nothing_written(session)


@pytest.mark.parametrize(
    "text", ["2026-01-31", "31.1.2026", "31.01.2026", "31/01/2026", "2026-01-31 00:00:00"]
)
def test_unambiguous_text_dates_are_accepted(
    do_import: Importer, session: Session, text: str
) -> None:
    report = do_import(participants_book(participant(entry_date=text)))
    assert report.ok, [str(p) for p in report.problems]
    stored = session.exec(select(Participant)).one()
    assert stored.entry_date == date(2026, 1, 31)


# --- columns and sheets ---------------------------------------------------------------------


def test_missing_required_column(do_import: Importer, session: Session) -> None:
    head = headers("participants")
    gender = head.index("Gender")
    rows = [[v for i, v in enumerate(r) if i != gender] for r in (head, participant())]
    report = do_import(xlsx({"Participants": rows}))
    _refused(report, "io.err.missing_column")
    assert any(p.column == "Gender" for p in report.errors)
    _nothing_written(session)


def test_renamed_column_suggests_the_right_name(do_import: Importer, session: Session) -> None:
    head = headers("participants")
    head[head.index("Entry date")] = "Entry dat"
    report = do_import(xlsx({"Participants": [head, participant()]}))
    _refused(report, "io.err.unknown_column")
    unknown = next(p for p in report.errors if p.key == "io.err.unknown_column")
    assert unknown.column == "Entry dat" and unknown.values["hint"] == "Entry date"
    _nothing_written(session)


def test_repeated_column(do_import: Importer, session: Session) -> None:
    head = [*headers("participants"), "Sukupuoli"]
    _refused(
        do_import(xlsx({"Participants": [head, [*participant(), "man"]]})), "io.err.repeated_column"
    )
    _nothing_written(session)


def test_values_in_a_column_without_header(do_import: Importer, session: Session) -> None:
    report = do_import(participants_book([*participant(), None, None, None, None, "stray"]))
    _refused(report, "io.err.no_header")
    _nothing_written(session)


def test_empty_sheet(do_import: Importer, session: Session) -> None:
    _refused(do_import(xlsx({"Participants": []})), "io.err.empty_sheet")


def test_header_without_rows(do_import: Importer, session: Session) -> None:
    _refused(do_import(participants_book()), "io.err.no_rows")


def test_workbook_without_a_known_sheet(do_import: Importer, session: Session) -> None:
    report = do_import(xlsx({"Sheet1": [["a", "b"], [1, 2]]}))
    _refused(report, "io.err.no_known_sheet")


def test_two_sheets_of_the_same_kind(do_import: Importer, session: Session) -> None:
    rows = [headers("participants"), participant()]
    report = do_import(xlsx({"Participants": rows, "Osallistujat": rows}))
    _refused(report, "io.err.two_sheets")
    _nothing_written(session)


def test_merged_cells(do_import: Importer, session: Session) -> None:
    book = openpyxl.load_workbook(
        io.BytesIO(participants_book(participant("P-1"), participant("P-2")))
    )
    book["Participants"].merge_cells("B2:B3")
    buffer = io.BytesIO()
    book.save(buffer)
    report = do_import(buffer.getvalue())
    _refused(report, "io.err.merged")
    assert next(p for p in report.errors if p.key == "io.err.merged").values["cells"] == "B2:B3"
    _nothing_written(session)


def test_formulas_are_refused(do_import: Importer, session: Session) -> None:
    report = do_import(participants_book(participant(birth_year="=2026-25")))
    _refused(report, "io.err.formula")
    assert next(p for p in report.errors if p.key == "io.err.formula").column == "Birth year"
    _nothing_written(session)


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://evil.example","click")',
        "+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1",
    ],
)
def test_injection_strings_in_csv(do_import: Importer, session: Session, text: str) -> None:
    rows = [headers("participants"), participant(first_name=text)]
    report = do_import(csv_text(rows, ";").replace("\t=", "\t=").encode(), "participants.csv")
    assert not report.ok and not report.written
    assert {p.key for p in report.errors} & {"io.err.formula", "io.err.formula_text"}
    _nothing_written(session)


def test_control_characters_in_csv(do_import: Importer, session: Session) -> None:
    rows = [headers("participants"), participant(last_name="Bell\x07Escape\x1b")]
    _refused(do_import(csv_text(rows).encode(), "participants.csv"), "io.err.control_chars")
    _nothing_written(session)


def test_sql_injection_is_only_a_bad_code(do_import: Importer, session: Session) -> None:
    report = do_import(participants_book(participant("x'); DROP TABLE participant;--")))
    _refused(report, "io.err.key_chars")
    _nothing_written(session)  # the table is still there and empty


def test_duplicate_keys_in_a_file(do_import: Importer, session: Session) -> None:
    report = do_import(
        participants_book(participant("P-1"), participant("P-2"), participant("P-1"))
    )
    _refused(report, "io.err.duplicate_key")
    duplicate = next(p for p in report.errors if p.key == "io.err.duplicate_key")
    assert (duplicate.row, duplicate.values["first"]) == (4, 2)
    _nothing_written(session)


def test_one_bad_row_among_good_ones_writes_nothing(do_import: Importer, session: Session) -> None:
    good = [participant(f"P-{i}") for i in range(50)]
    report = do_import(participants_book(*good, participant("P-X", gender="?")))
    assert not report.ok and len(report.errors) == 1
    _nothing_written(session)


# --- ESF+ rules ----------------------------------------------------------------------------


def test_exit_before_entry(do_import: Importer, session: Session) -> None:
    report = do_import(participants_book(participant(exit_date="2025-08-01")))
    _refused(report, "io.err.exit_before_entry")
    assert report.errors[0].column == "Exit date"


def test_age_band_against_birth_year(do_import: Importer, session: Session) -> None:
    report = do_import(participants_book(participant(birth_year=1960, age_band="18-29")))
    _refused(report, "io.err.age_band")
    assert report.errors[0].column == "Age band"


@pytest.mark.parametrize(
    ("business_id", "key"),
    [("0201256-7", "io.err.business_id_check"), ("201256", "io.err.business_id_format")],
)
def test_business_id_format_and_check_digit(
    do_import: Importer, session: Session, business_id: str, key: str
) -> None:
    report = do_import(xlsx({"Companies": [headers("companies"), company(business_id)]}))
    _refused(report, key)
    assert count(session, Company) == 0


def test_attendance_of_an_unknown_event(do_import: Importer, session: Session) -> None:
    rows = [headers("attendance"), ["EV-404", "A-1", "alumni", None, None]]
    _refused(do_import(xlsx({"Attendance": rows})), "io.err.unknown_event")
    _nothing_written(session)


def test_follow_up_before_exit(do_import: Importer, session: Session) -> None:
    book = xlsx(
        {
            "Participants": [headers("participants"), participant(exit_date="2026-05-31")],
            "Follow-ups": [headers("follow_ups"), ["P-1", "28_days", "2026-05-01", "employed"]],
        }
    )
    _refused(do_import(book), "io.err.follow_up_before_exit")
    _nothing_written(session)


def test_ambiguous_amount(do_import: Importer, session: Session) -> None:
    rows = [headers("commitments"), ["0201256-6", 2026, "scholarship", 1, 0, "1,500"]]
    book = xlsx({"Companies": [headers("companies"), company()], "Commitments": rows})
    _refused(do_import(book), "io.err.decimal_ambiguous")
    assert count(session, Company) == 0


# --- files that are not what they claim ------------------------------------------------------


def test_empty_file(do_import: Importer, session: Session) -> None:
    _refused(do_import(b"", "empty.xlsx"), "io.err.empty_file")


def test_corrupt_workbook(do_import: Importer, session: Session) -> None:
    data = participants_book(participant())
    _refused(do_import(data[: len(data) // 2], "cut.xlsx"), "io.err.damaged")
    _nothing_written(session)


def test_password_protected_workbook(do_import: Importer, session: Session) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(participants_book(participant()))).encrypt("secret", encrypted)
    report = do_import(encrypted.getvalue(), "secret.xlsx")
    _refused(report, "io.err.encrypted")
    assert "password" in report.errors[0].message("en")
    _nothing_written(session)


def test_old_xls_format(do_import: Importer, session: Session) -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000 + "Workbook".encode("utf-16-le")
    _refused(do_import(data, "old.xls"), "io.err.old_excel")


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "report.xlsx"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.csv"),
        (b"just some words, not a table", "notes.xlsx"),
    ],
)
def test_not_excel_at_all(do_import: Importer, session: Session, data: bytes, name: str) -> None:
    _refused(do_import(data, name), "io.err.not_a_table")


def test_zip_that_is_not_a_workbook(do_import: Importer, session: Session) -> None:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    _refused(do_import(buffer.getvalue(), "letter.xlsx"), "io.err.not_a_table")


def test_csv_in_windows_1252_is_read(do_import: Importer, session: Session) -> None:
    text = csv_text([headers("participants"), participant(last_name="Mäkinen-Öberg")], ";")
    report = do_import(text.encode("cp1252"), "participants.csv")
    assert report.ok and report.encoding == "Windows-1252"
    assert session.exec(select(Participant)).one().last_name == "Mäkinen-Öberg"


@pytest.mark.parametrize(
    "encoding", ["utf-16-le", "cp1251"], ids=["utf16_without_bom", "cyrillic_cp1251"]
)
def test_csv_in_an_unrecognised_encoding(
    do_import: Importer, session: Session, encoding: str
) -> None:
    text = csv_text(
        [headers("participants"), participant(first_name="Дмитрий", last_name="Иванов")]
    )
    _refused(
        do_import(text.encode(encoding), "participants.csv"),
        "io.err.not_a_table" if encoding == "utf-16-le" else "io.err.encoding",
    )
    _nothing_written(session)


def test_csv_with_garbled_letters(do_import: Importer, session: Session) -> None:
    text = csv_text([headers("participants"), participant(last_name="MÃ¤kinen")])
    _refused(do_import(text.encode("utf-8"), "participants.csv"), "io.err.mojibake")
    _nothing_written(session)


def test_csv_whose_kind_cannot_be_told(do_import: Importer, session: Session) -> None:
    _refused(do_import(b"a;b\n1;2\n", "data.csv"), "io.err.csv_kind")


def test_hundred_thousand_rows_with_one_bad_row(do_import: Importer, session: Session) -> None:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Participants")
    sheet.append(headers("participants"))
    for i in range(99_999):
        sheet.append(participant(f"P-{i:06d}"))
    sheet.append(participant("P-LAST", entry_date="31.2.2026"))
    buffer = io.BytesIO()
    book.save(buffer)
    report = do_import(buffer.getvalue(), "big.xlsx")
    _refused(report, "io.err.date_invalid")
    assert report.errors[0].row == 100_001
    assert report.sheets[0].rows == 99_999
    assert count(session, Participant) == 0
