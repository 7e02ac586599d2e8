"""Import behaviour a manager relies on: templates, both languages, idempotence, re-entry,
audit, exports that import back to the same data, forms through the same path."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import openpyxl
from sqlalchemy import delete
from sqlmodel import Session, select

from core.io.exports.data import export_all_tables, export_workbook
from core.io.exports.templates import template_workbook
from core.io.imports.editing import delete_records, save_rows
from core.io.imports.records import load_stored
from core.io.imports.validate import KINDS
from core.meta import data_version
from core.models import (
    Attendance,
    Attendee,
    AuditLog,
    Commitment,
    Company,
    CompetenceProfile,
    Event,
    FollowUp,
    Participant,
    Project,
    ProjectCompany,
)
from tests.io.conftest import (
    Importer,
    company,
    count,
    headers,
    participant,
    participants_book,
    xlsx,
)


def rich_book(lang: str = "en") -> bytes:
    """Every kind, with the awkward values: Finnish letters, text that needs escaping,
    decimals, empty optional cells, a company that is not (yet) a member."""
    return xlsx(
        {
            "Participants": [
                headers("participants", lang),
                participant(
                    "P-1",
                    exit_date="2026-05-31",
                    birth_year=2000,
                    rural="yes",
                    first_name="Äijä",
                    last_name="-Öberg",
                    email="a@example.com",
                ),
                participant(
                    "P-2",
                    programme="ECE-MSC",
                    gender="man",
                    entry_status="employed",
                    third_country_national="no",
                ),
                participant("P-3", gender="non_binary", exit_date="30.6.2026"),
            ],
            "Companies": [
                headers("companies", lang),
                company("0201256-6", joined_on="2025-09-01", sector="ICT", municipality="Oulu"),
                company("1572860-0", name="Beta Ab", size_class="small"),
            ],
            "Events": [
                headers("events", lang),
                ["EV-1", "Launch", "launch_event", "2025-10-15", "T2.1", "no", "Oulu"],
            ],
            "Profiles": [
                headers("profiles", lang),
                [
                    "PRF-1",
                    "P-1",
                    "CSE-MSC",
                    None,
                    2,
                    "Python, ML\nRust",
                    "robots",
                    "en, fi",
                    "internship, thesis",
                    "2026-01-01",
                    "yes",
                    "en",
                ],
            ],
            "Commitments": [
                headers("commitments", lang),
                ["0201256-6", 2026, "internship_place", 2, None, "1500,50", "AI", "2025-09-02"],
            ],
            "Attendance": [
                headers("attendance", lang),
                ["EV-1", "A-1", "international_students", "P-1", None],
                ["EV-1", "A-2", "company_partners", None, "0201256-6"],
            ],
            "Follow-ups": [
                headers("follow_ups", lang),
                [
                    "P-1",
                    "28_days",
                    "2026-06-20",
                    "employed",
                    None,
                    None,
                    None,
                    True,
                    True,
                    False,
                    4,
                    "yes",
                ],
            ],
        }
    )


def test_template_has_every_sheet_dropdowns_and_instructions(
    session: Session, project: Project
) -> None:
    for lang, instructions, first in (
        ("en", "Instructions", "Participants"),
        ("fi", "Ohjeet", "Osallistujat"),
    ):
        book = openpyxl.load_workbook(
            io.BytesIO(template_workbook(lang=lang, session=session, project=project))
        )
        assert book.sheetnames[0] == instructions and first in book.sheetnames
        sheet = book[first]
        assert [c.value for c in sheet[1]] == headers("participants", lang)
        rules = {
            str(r.sqref).split(":")[0]: r.formula1 for r in sheet.data_validations.dataValidation
        }
        assert "E2" in rules and "B2" in rules  # status codes, target groups of the project
        lists = book["_lists"]
        assert lists.sheet_state == "hidden"
        values = {c.value for row in lists.iter_rows() for c in row}
        assert {"in_education", "employed", "international_students", "T2.1"} <= values


def test_template_for_one_kind(session: Session, project: Project) -> None:
    book = openpyxl.load_workbook(io.BytesIO(template_workbook("profiles")))
    assert [n for n in book.sheetnames if not n.startswith("_")] == ["Instructions", "Profiles"]
    assert [c.value for c in book["Profiles"][1]][:4] == [
        "Profile code",
        "Participant code",
        "Programme",
        "Spearhead",
    ]


def test_everything_imports_in_either_language(do_import: Importer, session: Session) -> None:
    for lang in ("en", "fi"):
        report = do_import(rich_book(lang))
        assert report.ok, [str(p) for p in report.problems]
    assert count(session, Participant) == 3 and count(session, Attendance) == 2
    profile = session.exec(select(CompetenceProfile)).one()
    assert (profile.available_internship, profile.available_thesis, profile.available_job) == (
        True,
        True,
        False,
    )
    assert profile.languages == "en,fi" and profile.spearhead_id is not None
    assert session.exec(select(Commitment)).one().amount_eur == 1500.50
    assert count(session, ProjectCompany) == 1  # Beta Ab is known but not a member


def test_importing_twice_changes_nothing(do_import: Importer, session: Session) -> None:
    first = do_import(rich_book())
    assert all(s.created == s.rows for s in first.sheets)
    version = data_version(session)
    second = do_import(rich_book("fi"))
    assert second.ok and all(s.unchanged == s.rows and s.rows > 0 for s in second.sheets)
    session.expire_all()
    assert data_version(session) == version


def test_one_audit_entry_per_import_with_counts(do_import: Importer, session: Session) -> None:
    do_import(rich_book(), "spring.xlsx")
    entries = session.exec(select(AuditLog).where(AuditLog.action == "import")).all()
    assert len(entries) == 1
    assert entries[0].entity_key == "spring.xlsx"
    assert entries[0].after == {
        "sheets": {
            s: {"created": n, "updated": 0, "unchanged": 0}
            for s, n in [
                ("Participants", 3),
                ("Companies", 2),
                ("Events", 1),
                ("Profiles", 1),
                ("Commitments", 1),
                ("Attendance", 2),
                ("Follow-ups", 1),
            ]
        }
    }


def test_re_entry_keeps_the_first_entry_data(do_import: Importer, session: Session) -> None:
    do_import(
        participants_book(participant("P-1", entry_date="2025-09-01", entry_status="in_education"))
    )
    report = do_import(
        participants_book(
            participant(
                "P-1", entry_date="2026-02-01", entry_status="employed", exit_date="2026-06-30"
            )
        )
    )
    assert report.ok and report.sheets[0].updated == 1
    kept = report.warnings[0]
    assert kept.key == "io.warn.entry_kept" and kept.row == 2
    assert "Entry date" in kept.values["columns"] and "status" in kept.values["columns"]
    person = session.exec(select(Participant)).one()
    session.refresh(person)
    assert (person.entry_date, person.entry_status, person.exit_date) == (
        date(2025, 9, 1),
        "in_education",
        date(2026, 6, 30),
    )


def test_a_missing_column_keeps_the_stored_value_an_empty_cell_clears_it(
    do_import: Importer, session: Session
) -> None:
    do_import(participants_book(participant("P-1", exit_date="2026-05-31", email="a@example.com")))
    head = headers("participants")
    keep = [i for i, h in enumerate(head) if h != "Email"]
    rows = [[r[i] for i in keep] for r in (head, participant("P-1", exit_date=None))]
    assert do_import(xlsx({"Participants": rows})).sheets[0].updated == 1
    person = session.exec(select(Participant)).one()
    session.refresh(person)
    assert (person.exit_date, person.email) == (None, "a@example.com")


def _contents(data: bytes) -> dict[str, list[tuple[Any, ...]]]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {
        name: [tuple(c.value for c in row) for row in book[name].iter_rows()]
        for name in book.sheetnames
    }


def _wipe(session: Session) -> None:
    for model in (
        Attendance,
        Attendee,
        FollowUp,
        Commitment,
        ProjectCompany,
        CompetenceProfile,
        Event,
        Participant,
        Company,
    ):
        session.exec(delete(model))  # type: ignore[call-overload]
    session.commit()


def test_export_then_import_gives_the_same_database(
    do_import: Importer, session: Session, project: Project
) -> None:
    do_import(rich_book())
    before = {
        kind: {k: s.row for k, s in load_stored(session, project, kind).items()} for kind in KINDS
    }
    exported = export_workbook(session, project)
    assert do_import(exported, "export.xlsx").sheets[0].unchanged == 3  # same database: no change
    _wipe(session)
    report = do_import(exported, "export.xlsx")
    assert report.ok and all(s.created == s.rows for s in report.sheets), [
        str(p) for p in report.problems
    ]
    session.expire_all()
    after = {
        kind: {k: s.row for k, s in load_stored(session, project, kind).items()} for kind in KINDS
    }
    assert after == before
    assert _contents(export_workbook(session, project)) == _contents(exported)


def test_exports_escape_text_that_would_run_as_a_formula(
    do_import: Importer, session: Session, project: Project
) -> None:
    do_import(rich_book())
    person = session.exec(select(Participant).where(Participant.code == "P-2")).one()
    person.first_name = '=HYPERLINK("http://evil.example")'
    session.add(person)
    session.commit()
    for data in (export_workbook(session, project), export_all_tables(session)):
        book = openpyxl.load_workbook(io.BytesIO(data))
        cells = [
            c
            for sheet in book
            for row in sheet.iter_rows()
            for c in row
            if isinstance(c.value, str)
        ]
        assert not [c for c in cells if c.data_type == "f"]
        assert any(c.value == '\'=HYPERLINK("http://evil.example")' for c in cells)
        assert any(c.value == "'-Öberg" for c in cells)
    tables = openpyxl.load_workbook(io.BytesIO(export_all_tables(session)))
    assert "password_hash" not in [c.value for c in tables["user"][1]]


def test_forms_correct_entry_data_and_delete(
    do_import: Importer, session: Session, project: Project
) -> None:
    do_import(rich_book())
    row = dict(load_stored(session, project, "participants")[("P-2",)].row, entry_date="2025-10-01")
    report = save_rows(session, project, "participants", [(1, row)])
    session.commit()
    assert report.ok and report.sheets[0].updated == 1 and not report.warnings
    bad = save_rows(session, project, "participants", [(1, dict(row, gender="x"))])
    assert not bad.ok and bad.errors[0].key == "io.err.code" and bad.errors[0].row == 1
    session.rollback()
    assert delete_records(session, project, "participants", [("P-1",)]) == 1
    session.commit()
    assert count(session, Participant) == 2 and count(session, FollowUp) == 0
