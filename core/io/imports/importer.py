"""Import: read a file, list every problem before anything is written, then write all or nothing.

Rows are upserted by natural key, so importing the same file twice changes nothing. Forms
save through `save_rows`, the same path with the same validation. A check (`write=False`)
runs the same writes and rolls them back, so it finds what the import would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from core.access import audit
from core.access.locks import PeriodLockedError
from core.db import session_scope
from core.i18n import Labelled
from core.io.imports.cells import Key
from core.io.imports.parse import is_empty, to_business_id
from core.io.imports.planner import SheetInput, SheetPlan, plan_sheets
from core.io.imports.problems import CellError, Problem, Severity
from core.io.imports.reader import FileRefused, RawBook, RawSheet, read_book
from core.io.imports.records import load_catalog
from core.io.imports.redaction import ImportRedaction, profile_redactions
from core.io.imports.savepoint import write_in_savepoint
from core.io.imports.sheets import match_headers
from core.io.imports.validate import KINDS
from core.models import Project
from core.project.loading import get_project

Progress = Callable[[str, float], None]  # (an ImportStep's value, the fraction done)


class ImportStep(Labelled, key_prefix="import.step"):
    """What an import is doing, for its progress bar."""

    READ = "read"
    CHECK = "check"
    WRITE = "write"
    DONE = "done"


@dataclass
class SheetReport:
    kind: str
    sheet: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class ImportReport:
    """What an import found and did: problems by sheet/row/column, counts per sheet."""

    file_name: str
    sheets: list[SheetReport] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    encoding: str = ""
    written: bool = False
    # A check's preview of what companies will not see of the profile texts (issue 12).
    redactions: list[ImportRedaction] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors

    def counts(self) -> dict[str, dict[str, int]]:
        return {
            s.sheet: {"created": s.created, "updated": s.updated, "unchanged": s.unchanged}
            for s in self.sheets
        }

    def summary(self) -> str:
        return "; ".join(
            f"{s.sheet}: {s.created} created, {s.updated} updated, {s.unchanged} unchanged"
            for s in self.sheets
        )


def _inputs(book: RawBook) -> tuple[list[SheetInput], list[Problem]]:
    """Map each sheet's header row to fields and its rows to {field: cell}."""
    inputs: list[SheetInput] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for sheet in book.sheets:
        if sheet.kind in seen:
            problems.append(
                Problem("io.err.two_sheets", {"first": seen[sheet.kind]}, sheet=sheet.name)
            )
            continue
        seen[sheet.kind] = sheet.name
        header, found = match_headers(sheet.kind, sheet.headers, sheet.name, sheet.header_row)
        problems.extend(found)
        problems.extend(_cells_without_header(sheet, set(header.fields)))
        rows = [
            (
                number,
                {name: cells[i] if i < len(cells) else None for i, name in header.fields.items()},
            )
            for number, cells in sheet.rows
        ]
        inputs.append(SheetInput(sheet.kind, sheet.name, rows, header.written))
    return inputs, problems


def _cells_without_header(sheet: RawSheet, mapped: set[int]) -> Iterable[Problem]:
    from openpyxl.utils import get_column_letter

    reported: set[int] = set()
    for number, cells in sheet.rows:
        for position, value in enumerate(cells):
            if position in mapped or position in reported or is_empty(value):
                continue
            header = sheet.headers[position] if position < len(sheet.headers) else None
            if header is None or str(header).strip() == "":
                reported.add(position)
                yield Problem(
                    "io.err.no_header",
                    {"letter": get_column_letter(position + 1)},
                    sheet=sheet.name,
                    row=number,
                    column=get_column_letter(position + 1),
                )


def _file_keys(inputs: list[SheetInput]) -> dict[str, set[str]]:
    """Keys the file itself defines, so other sheets may refer to rows not yet stored."""
    wanted = {
        "participants": ("participant", "code"),
        "events": ("event", "code"),
        "companies": ("company", "business_id"),
    }
    keys: dict[str, set[str]] = {}
    for sheet in inputs:
        if sheet.kind not in wanted:
            continue
        ref, name = wanted[sheet.kind]
        parse = to_business_id if ref == "company" else Key().parse
        for _number, raw in sheet.rows:
            try:
                keys.setdefault(ref, set()).add(parse(raw.get(name)))
            except (CellError, TypeError, ValueError):
                continue  # the row's own validation reports it
    return keys


def check_inputs(
    inputs: list[SheetInput],
    *,
    session: Session,
    project: Project,
    edit: bool = False,
    progress: Progress | None = None,
) -> tuple[list[SheetPlan], list[Problem]]:
    """Validate and plan every sheet against the database; writes nothing."""
    catalog = load_catalog(session, project)
    for ref, keys in _file_keys(inputs).items():
        catalog.add(ref, keys)
    ordered = sorted(inputs, key=lambda s: KINDS.index(s.kind))
    return plan_sheets(
        ordered, catalog, session=session, project=project, edit=edit, progress=progress
    )


def _reports(plans: list[SheetPlan]) -> list[SheetReport]:
    return [
        SheetReport(p.kind, p.sheet, len(p.actions), p.created, p.updated, p.unchanged)
        for p in plans
    ]


def import_into(
    book_or_inputs: RawBook | list[SheetInput],
    *,
    session: Session,
    project: Project,
    file_name: str,
    write: bool = True,
    edit: bool = False,
    action: str = "import",
    progress: Progress | None = None,
) -> ImportReport:
    """Check, and when nothing is wrong and `write`, write into `session` (caller commits).

    `edit` is a form correcting a record (entry data may change); `action` names the
    audit entry ("import" for files, "form" for forms)."""
    report = ImportReport(file_name)
    if isinstance(book_or_inputs, RawBook):
        report.encoding = book_or_inputs.encoding
        report.problems.extend(book_or_inputs.problems)
        inputs, problems = _inputs(book_or_inputs)
        report.problems.extend(problems)
        if book_or_inputs.sheets and not any(sheet.rows for sheet in inputs):
            # A sheet with only its header is fine beside others (a template's unused
            # sheets); a file with no record at all is a mistake.
            first = book_or_inputs.sheets[0]
            report.problems.append(
                Problem("io.err.no_rows", {}, sheet=first.name, row=first.header_row)
            )
    else:
        inputs = book_or_inputs
    plans, problems = check_inputs(
        inputs, session=session, project=project, edit=edit, progress=_scaled(progress, 0, 0.4)
    )
    report.problems.extend(problems)
    report.sheets = _reports(plans)
    if not report.ok:
        return report

    # A check writes too, in a savepoint it then rolls back: what the database alone refuses
    # is found by the check as by the import, with its row.
    def preview(written: Session) -> None:
        report.redactions = profile_redactions(written, plans)

    report.problems.extend(
        write_in_savepoint(
            plans,
            session=session,
            project=project,
            keep=write,
            progress=_scaled(progress, 0.4, 1.0),
            inspect=None if write else preview,
        )
    )
    if not report.ok or not write:
        return report
    audit.record(
        session,
        action=action,
        entity="import",
        entity_key=file_name,  # `audit.record` cuts it to the column
        after={"sheets": report.counts()},
        detail=report.summary(),
    )
    report.written = True
    return report


def run_import(
    data: bytes,
    file_name: str,
    *,
    kind: str | None = None,
    write: bool = True,
    engine: Engine | None = None,
    project_code: str | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Read `data` and import it in one transaction; on any error nothing is written."""
    try:
        book = read_book(data, file_name, kind=kind, progress=_scaled(progress, 0.0, 0.4))
    except FileRefused as refused:
        if progress is not None:
            progress("done", 1.0)
        return ImportReport(file_name, problems=[refused.problem])
    report = ImportReport(file_name)
    try:
        with session_scope(engine) as session:
            project = get_project(session, project_code)
            report = import_into(
                book,
                session=session,
                project=project,
                file_name=file_name,
                write=write,
                progress=_scaled(progress, 0.4, 1.0),
            )
            if not report.written:
                session.rollback()
    except PeriodLockedError as refused:
        report.written = False
        report.problems.append(Problem(refused.key, refused.values))
    except DBAPIError as error:
        # A rule only the database knows (e.g. two profiles for one participant): the
        # transaction is rolled back, so nothing is written; say so rather than crash.
        report.written = False
        detail = str(error.orig).splitlines()[0][:200] if error.orig else str(error)[:200]
        report.problems.append(Problem("io.err.database", {"detail": detail}))
    finally:
        if progress is not None:
            progress("done", 1.0)
    return report


def _scaled(progress: Progress | None, start: float, end: float) -> Progress | None:
    if progress is None:
        return None
    return lambda step, fraction: progress(step, start + (end - start) * fraction)
