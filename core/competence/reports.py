"""Internship and thesis reports: read .txt/.docx/.pdf or an Excel column, link, map to ESCO.

Report text is personal: only the manager role reads it (`report_text` refuses anyone else);
other roles see at most counts and the ESCO skills found.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath

from sqlmodel import Session, select

from core.codes import MentionSource, ReportKind, Role
from core.competence.esco_map import SkillMapper
from core.competence.mentions import SourceText, map_and_store
from core.errors import DomainError
from core.io.imports.problems import Problem
from core.io.imports.reader import FileRefused, decode_text, read_book
from core.models import Participant, Project, Report

Progress = Callable[[int, int], None]
SUFFIXES = (".txt", ".docx", ".pdf")
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_TEXT_CHARS = 200_000
# The participant code starts the file name: "P-000123_internship.pdf", "P-000123 raportti.docx".
_CODE = re.compile(r"^([A-Za-z0-9-]+?)(?:[_ .]|$)")
CODE_HEADERS = {"participant", "participant code", "code", "osallistuja", "osallistujan koodi"}
TEXT_HEADERS = {"text", "report", "report text", "teksti", "raportti", "raportin teksti"}


class ReportRefused(DomainError, PermissionError):
    """Report text is for the manager role only."""


@dataclass(frozen=True)
class ReportInput:
    """One report ready to store: whose, what kind, where from, and its text."""

    participant_code: str
    kind: ReportKind
    file_name: str
    text: str


@dataclass
class ReportImport:
    """What an import did, or (with problems) why it wrote nothing."""

    inputs: list[ReportInput] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    created: int = 0
    replaced: int = 0
    skills: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def extract_text(file_name: str, data: bytes) -> str:
    """The plain text of a .txt, .docx or .pdf file; ValueError says why when it cannot."""
    suffix = PurePath(file_name).suffix.casefold()
    if suffix not in SUFFIXES:
        raise ValueError(f"{file_name}: only {', '.join(SUFFIXES)} files can be read")
    if len(data) > MAX_FILE_BYTES:
        raise ValueError(f"{file_name}: larger than {MAX_FILE_BYTES // 2**20} MB")
    try:
        if suffix == ".txt":
            text = decode_text(data, file_name)[0]
        elif suffix == ".docx":
            text = _docx_text(data)
        else:
            text = _pdf_text(data)
    except FileRefused as refused:
        raise ValueError(f"{file_name}: {refused.problem.message()}") from None
    except Exception as error:
        raise ValueError(f"{file_name}: the file is damaged or not a {suffix} file") from error
    text = "\n".join(line.strip() for line in text.replace("\x00", "").splitlines())
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    if not text:
        raise ValueError(f"{file_name}: no text found (a scanned PDF needs OCR first)")
    return text[:MAX_TEXT_CHARS]


def _docx_text(data: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(lines)


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        raise ValueError("encrypted")
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def code_from_file_name(file_name: str) -> str | None:
    match = _CODE.match(PurePath(file_name).name)
    # A code has a number in it; "report.txt" names no one.
    return match.group(1) if match and any(c.isdigit() for c in match.group(1)) else None


def read_report_files(files: Sequence[tuple[str, bytes]], kind: ReportKind) -> ReportImport:
    """Read uploaded files; each file name starts with the participant's code."""
    result = ReportImport()
    for name, data in files:
        code = code_from_file_name(name)
        if code is None:
            result.problems.append(Problem("competence.err.no_code", {"file": name}))
            continue
        try:
            text = extract_text(name, data)
        except ValueError as error:
            result.problems.append(Problem("competence.err.unreadable", {"reason": str(error)}))
            continue
        result.inputs.append(ReportInput(code, kind, PurePath(name).name, text))
    return result


def read_report_sheet(data: bytes, file_name: str, kind: ReportKind) -> ReportImport:
    """Read reports from one sheet: a participant-code column and a text column."""
    result = ReportImport()
    try:
        book = read_book(data, file_name, kind="report")
    except FileRefused as refused:
        result.problems.append(refused.problem)
        return result
    result.problems += book.problems
    for sheet in book.sheets:
        headers = [str(h or "").strip().casefold() for h in sheet.headers]
        code_at = next((i for i, h in enumerate(headers) if h in CODE_HEADERS), None)
        text_at = next((i for i, h in enumerate(headers) if h in TEXT_HEADERS), None)
        if code_at is None or text_at is None:
            result.problems.append(Problem("competence.err.columns", {}, sheet=sheet.name))
            continue
        for row, cells in sheet.rows:
            code = str(cells[code_at] or "").strip() if code_at < len(cells) else ""
            text = str(cells[text_at] or "").strip() if text_at < len(cells) else ""
            if not code or not text:
                column = str(sheet.headers[code_at if not code else text_at])
                result.problems.append(
                    Problem("competence.err.empty", {}, sheet=sheet.name, row=row, column=column)
                )
            else:
                name = f"{sheet.name}!{row}"
                result.inputs.append(ReportInput(code, kind, name, text[:MAX_TEXT_CHARS]))
    return result


def store_reports(
    session: Session,
    project: Project,
    reading: ReportImport,
    mapper: SkillMapper,
    progress: Progress | None = None,
) -> ReportImport:
    """Link reports to participants, store them and map them; nothing is written on any error.

    A report with the same participant, kind and file name replaces the stored one.
    """
    assert project.id is not None
    codes = {i.participant_code for i in reading.inputs}
    found = {
        p.code: p
        for p in session.exec(select(Participant).where(Participant.project_id == project.id))
        if p.code in codes
    }
    for unknown in sorted(codes - set(found)):
        reading.problems.append(Problem("competence.err.unknown_code", {"code": unknown}))
    if reading.problems or not reading.inputs:
        return reading
    stored: list[Report] = []
    for item in reading.inputs:
        participant = found[item.participant_code]
        report = session.exec(
            select(Report).where(
                Report.project_id == project.id,
                Report.participant_id == participant.id,
                Report.kind == item.kind.value,
                Report.file_name == item.file_name,
            )
        ).first()
        if report is None:
            report = Report(
                project_id=project.id,
                participant_id=participant.id,
                kind=item.kind.value,
                file_name=item.file_name,
                text=item.text,
            )
            reading.created += 1
        else:
            report.text = item.text
            reading.replaced += 1
        report.programme_id = participant.programme_id
        session.add(report)
        stored.append(report)
    session.flush()
    sources = [SourceText(MentionSource.REPORT, r.id, r.text) for r in stored if r.id is not None]
    reading.skills = map_and_store(session, project.id, sources, mapper, progress)
    return reading


def report_text(session: Session, *, role: Role, report_id: int) -> str:
    """The full text of a report, for the manager role only."""
    if role is not Role.MANAGER:
        raise ReportRefused("reports.err.manager_only")
    report = session.get(Report, report_id)
    if report is None:
        raise ValueError(f"no report with id {report_id}")
    return report.text
