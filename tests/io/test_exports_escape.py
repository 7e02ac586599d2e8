"""Every Excel export escapes the same way: text that a spreadsheet would run as a formula
(=, +, -, @, tab, line breaks and the full-width ＝＋－＠) gets a leading apostrophe,
control characters are replaced, over-long cells are cut to Excel's limit, and the data
workbook still imports back to the same records."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date

import openpyxl
import pytest
from openpyxl.cell.cell import Cell
from sqlalchemy import delete
from sqlmodel import Session, select

from core.access.audit_log import AuditFilter, audit_entries, audit_workbook
from core.io.exports.data import export_all_tables, export_workbook
from core.io.exports.eura import eura_workbook
from core.io.exports.steering_pack import steering_pack
from core.io.exports.templates import template_workbook
from core.io.imports.records import load_stored
from core.models import (
    AuditLog,
    CompetenceProfile,
    Participant,
    Programme,
    Project,
    WorkPackage,
    utcnow,
)
from core.periods import half_years
from tests.io.conftest import Importer, headers, participant, xlsx

# Stated here, not imported, so the test says what a spreadsheet user needs.
STARTS = ["=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠"]
EXCEL_CELL_LIMIT = 32_767
AS_OF = date(2026, 6, 30)

Export = Callable[[Session, Project], bytes]
EXPORTS: dict[str, Export] = {
    "data workbook": lambda s, p: export_workbook(s, p),
    "data workbook (fi)": lambda s, p: export_workbook(s, p, lang="fi"),
    "all tables": lambda s, p: export_all_tables(s),
    "template": lambda s, p: template_workbook(session=s, project=p),
    "EURA": lambda s, p: eura_workbook(s, p, half_years(p.start_date, p.end_date)[2]),
    "steering pack": lambda s, p: steering_pack(s, p, AS_OF),
    "audit log": lambda s, p: audit_workbook(audit_entries(s, AuditFilter()).entries),
}


def _profile_row(code: str, skills: str, person: str = "P-1") -> list[object]:
    return [code, person, "CSE-MSC", None, 2, skills, "", "en", "internship", None, "yes", "en"]


def _store(do_import: Importer, session: Session, project: Project, text: str) -> None:
    """`text` wherever a project's own words reach an export: a participant's name, a profile,
    the project's name, a work package and a programme code (the drop-down lists), an audit
    entry. Written to the database directly: the importer would refuse some of them."""
    book = {
        "Participants": [headers("participants"), participant("P-1", entry_date="2026-02-01")],
        "Profiles": [headers("profiles"), _profile_row("PRF-1", "Python")],
    }
    assert do_import(xlsx(book)).ok
    person = session.exec(select(Participant)).one()
    person.first_name = text
    profile = session.exec(select(CompetenceProfile)).one()
    profile.interests = text
    project.name = project.name_fi = text
    package = session.exec(select(WorkPackage).order_by(WorkPackage.code)).first()
    assert package is not None
    package.code = text
    programme = session.exec(select(Programme).where(Programme.code == "TOL-BSC")).one()
    programme.code = text
    session.add_all([person, profile, project, package, programme])
    _note(session, text)
    session.commit()


def _note(session: Session, detail: str) -> None:
    # As an older version may have stored it: `audit.record` drops control characters now.
    session.add(AuditLog(at=utcnow(), username="manager", action="note", detail=detail))


def _cells(data: bytes) -> list[Cell]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [c for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None]


def _texts(data: bytes) -> list[str]:
    return [c.value for c in _cells(data) if isinstance(c.value, str)]


# Each start is stored and read back by the same queries; PostgreSQL gets one ASCII, one
# full-width and one control-character start per export, the rest run once (tests/conftest.py).
ON_EVERY_SERVER = {"=", "＝", "\r"}


@pytest.mark.parametrize(
    "start",
    [
        pytest.param(s, marks=() if s in ON_EVERY_SERVER else (pytest.mark.once,), id=repr(s))
        for s in STARTS
    ],
)
@pytest.mark.parametrize("name", list(EXPORTS))
def test_every_export_escapes_every_dangerous_start(
    do_import: Importer, session: Session, project: Project, name: str, start: str
) -> None:
    text = f"{start}1+1"
    _store(do_import, session, project, text)
    data = EXPORTS[name](session, project)
    cells = _cells(data)
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert "'" + text in texts  # shown as stored, behind the apostrophe
    assert not [t for t in texts if t.startswith(tuple(STARTS))]  # nowhere unescaped


@pytest.mark.parametrize("name", list(EXPORTS))
def test_every_export_replaces_control_characters_and_keeps_line_breaks(
    do_import: Importer, session: Session, project: Project, name: str
) -> None:
    _store(do_import, session, project, "Oulu\x1b\x07 up\nNorth")  # a code holds 20
    texts = _texts(EXPORTS[name](session, project))
    assert "Oulu\ufffd\ufffd up\nNorth" in texts
    assert not [t for t in texts if "\x1b" in t or "\x07" in t]


@pytest.mark.parametrize("name", ["data workbook", "all tables", "audit log"])
def test_a_cell_longer_than_excel_allows_is_cut_to_the_limit(
    do_import: Importer, session: Session, project: Project, name: str
) -> None:
    _store(do_import, session, project, "short")
    long = "＝" + "skills " * 6000  # 42,001 characters, and a formula at that
    profile = session.exec(select(CompetenceProfile)).one()
    profile.skills = long
    session.add(profile)
    _note(session, long)
    session.commit()
    texts = _texts(EXPORTS[name](session, project))
    assert ("'" + long)[:EXCEL_CELL_LIMIT] in texts
    assert max(len(t) for t in texts) == EXCEL_CELL_LIMIT


def test_the_data_workbook_imports_back_unchanged_whatever_the_text_starts_with(
    do_import: Importer, session: Session, project: Project
) -> None:
    # Text the importer accepts but every export escapes: it must come back without the
    # apostrophe, also in the multi-line profile texts.
    names = ["-Öberg", "＝SUM(1)", "＋358 40 123", "－x", "＠home", "'quoted", "-"]
    people = [
        participant(f"P-{i}", entry_date="2026-02-01", first_name=n, last_name=n)
        for i, n in enumerate(names, start=1)
    ]
    profiles = [
        _profile_row("PRF-1", "- Python\n- SQL"),
        _profile_row("PRF-2", "＠work: C++\n＝ embedded", "P-2"),
    ]
    book = {
        "Participants": [headers("participants"), *people],
        "Profiles": [headers("profiles"), *profiles],
    }
    assert do_import(xlsx(book)).ok
    before = {k: s.row for k, s in load_stored(session, project, "participants").items()}
    assert sorted(r["first_name"] for r in before.values()) == sorted(names)
    exported = export_workbook(session, project)
    assert "'＝SUM(1)" in _texts(exported) and "'- Python\n- SQL" in _texts(exported)

    report = do_import(exported, "export.xlsx")
    assert report.ok and [s.unchanged for s in report.sheets if s.rows] == [len(names), 2]
    session.exec(delete(CompetenceProfile))  # type: ignore[call-overload]
    session.exec(delete(Participant))  # type: ignore[call-overload]
    session.commit()
    report = do_import(exported, "export.xlsx")
    assert report.ok, [str(p) for p in report.problems]
    session.expire_all()
    after = {k: s.row for k, s in load_stored(session, project, "participants").items()}
    assert after == before
    skills = sorted(p.skills for p in session.exec(select(CompetenceProfile)))
    assert skills == ["- Python\n- SQL", "＠work: C++\n＝ embedded"]
