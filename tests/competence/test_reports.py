"""Report import: files and Excel, linking to participants, all-or-nothing, manager-only text."""

from __future__ import annotations

import io

import pytest
from docx import Document
from openpyxl import Workbook
from sqlmodel import Session, select

from core.codes import MentionSource, ReportKind, Role
from core.competence.esco_map import SkillMapper
from core.competence.mentions import mentions_of, remap_project
from core.competence.reports import (
    ReportRefused,
    extract_text,
    read_report_files,
    read_report_sheet,
    report_text,
    store_reports,
)
from core.models import Project, Report, SkillMention
from tests.competence.conftest import MakeParticipant


def _docx(text: str) -> bytes:
    document = Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _pdf(text: str) -> bytes:
    """A one-page PDF with `text` in Helvetica (written by hand: no PDF writer is pinned)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_text_comes_out_of_txt_docx_and_pdf() -> None:
    assert extract_text("a.txt", b"Kehitin Python-sovelluksen.") == "Kehitin Python-sovelluksen."
    assert extract_text("a.txt", "Käytin SQL:ää".encode("cp1252")) == "Käytin SQL:ää"
    assert (
        extract_text("a.docx", _docx("I wrote unit tests in Java."))
        == "I wrote unit tests in Java."
    )
    assert "PostgreSQL" in extract_text("a.pdf", _pdf("I designed a PostgreSQL database."))


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.exe", b"MZ", "only .txt, .docx, .pdf"),
        ("a.pdf", b"not a pdf", "damaged"),
        ("a.docx", b"PK\x03\x04broken", "damaged"),
        ("a.txt", b"   \n  ", "no text"),
        ("a.txt", b"\xff\xfe" + "x".encode("utf-16-le") + b"\x00\xd8", "damaged"),
    ],
)
def test_unreadable_files_say_why(name: str, data: bytes, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        extract_text(name, data)


def test_import_links_maps_and_replaces_on_reimport(
    session: Session, project: Project, make_participant: MakeParticipant, fake_mapper: SkillMapper
) -> None:
    make_participant("P-000001")
    files = [("P-000001_internship.docx", _docx("I built a REST API with Python."))]
    result = store_reports(
        session, project, read_report_files(files, ReportKind.INTERNSHIP), fake_mapper
    )
    session.commit()
    assert (result.created, result.replaced) == (1, 0)
    report = session.exec(select(Report)).one()
    assert report.participant_id is not None and report.programme_id is not None
    again = store_reports(
        session, project, read_report_files(files, ReportKind.INTERNSHIP), fake_mapper
    )
    session.commit()
    assert (again.created, again.replaced) == (0, 1)
    assert len(session.exec(select(Report)).all()) == 1
    before = len(mentions_of(session, MentionSource.REPORT, report.id or 0))
    remap_project(session, project, fake_mapper)
    remap_project(session, project, fake_mapper)
    session.commit()
    assert len(session.exec(select(SkillMention)).all()) == before  # idempotent


def test_one_bad_file_means_nothing_is_written(
    session: Session, project: Project, make_participant: MakeParticipant, fake_mapper: SkillMapper
) -> None:
    make_participant("P-000001")
    files = [
        ("P-000001_a.txt", b"Python"),
        ("P-999999_b.txt", b"Java"),
        ("report.txt", b"Java"),
        ("P-000001_c.pdf", b"garbage"),
    ]
    result = store_reports(
        session, project, read_report_files(files, ReportKind.THESIS), fake_mapper
    )
    session.rollback()
    assert not result.ok
    messages = [p.message() for p in result.problems]
    assert any("P-999999" in m for m in messages)
    assert any("must start with the participant's code" in m for m in messages)
    assert any("P-000001_c.pdf" in m for m in messages)
    assert session.exec(select(Report)).all() == []


def test_excel_column_import_names_sheet_row_and_column(
    session: Session, project: Project, make_participant: MakeParticipant, fake_mapper: SkillMapper
) -> None:
    make_participant("P-000002")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Raportit"
    sheet.append(["Participant code", "Text"])
    sheet.append(["P-000002", "Suunnittelin tietokannan."])
    sheet.append(["P-000002", None])
    out = io.BytesIO()
    book.save(out)
    reading = read_report_sheet(out.getvalue(), "reports.xlsx", ReportKind.INTERNSHIP)
    assert [(p.sheet, p.row, p.column) for p in reading.problems] == [("Raportit", 3, "Text")]
    assert [i.participant_code for i in reading.inputs] == ["P-000002"]


def test_report_text_is_for_the_manager_only(
    session: Session, project: Project, make_participant: MakeParticipant, fake_mapper: SkillMapper
) -> None:
    make_participant("P-000003")
    files = [("P-000003.txt", b"Secret personal story and Python.")]
    store_reports(session, project, read_report_files(files, ReportKind.INTERNSHIP), fake_mapper)
    session.commit()
    report = session.exec(select(Report)).one()
    assert "Secret" in report_text(session, role=Role.MANAGER, report_id=report.id or 0)
    for role in (Role.STEERING, Role.SME):
        with pytest.raises(ReportRefused):
            report_text(session, role=role, report_id=report.id or 0)


def test_report_lists_and_evidence_are_empty_outside_the_manager_role(
    session: Session, project: Project, make_participant: MakeParticipant, fake_mapper: SkillMapper
) -> None:
    from core.competence.view import report_rows, skill_evidence

    make_participant("P-000004")
    files = [("P-000004.txt", b"Python and PostgreSQL")]
    store_reports(session, project, read_report_files(files, ReportKind.INTERNSHIP), fake_mapper)
    session.commit()
    label = session.exec(select(SkillMention)).first()
    assert label is not None
    assert len(report_rows(session, project, role=Role.MANAGER)) == 1
    assert skill_evidence(session, project, role=Role.MANAGER, label=label.label)
    for role in (Role.STEERING, Role.SME):
        assert report_rows(session, project, role=role) == []
        assert skill_evidence(session, project, role=role, label=label.label) == []
