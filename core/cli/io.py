"""Command-line access to templates, imports and exports (registered in `core.cli.main`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from core.cli.base import command, fail, progress_printer, say
from core.db import session_scope
from core.io.imports.importer import ImportReport, run_import
from core.io.imports.validate import KINDS
from core.project.loading import get_project
from core.schema import upgrade_database


def _template_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=["all", *KINDS], help="which sheet(s) the template holds")
    parser.add_argument("file", help="where to write the .xlsx template")
    parser.add_argument("--lang", choices=["en", "fi"], default="en", help="header language")


@command(
    "template", "write an Excel template for one kind (or all) of records", _template_arguments
)
def template_command(args: argparse.Namespace) -> int:
    from core.io.exports.templates import template_workbook

    upgrade_database()
    with session_scope() as session:
        try:
            project = get_project(session)
        except LookupError:
            project = None
        data = template_workbook(args.kind, lang=args.lang, session=session, project=project)
    Path(args.file).write_bytes(data)
    say(f"Template for {args.kind} written to {args.file}.")
    return 0


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="an .xlsx workbook (from a template or an export) or a .csv")
    parser.add_argument("--kind", choices=KINDS, help="what a CSV (or a one-sheet workbook) holds")
    parser.add_argument("--check", action="store_true", help="preview only: write nothing")
    parser.add_argument("--lang", choices=["en", "fi"], default="en", help="message language")


def _print_report(report: ImportReport, lang: str, check: bool) -> int:
    for problem in report.problems:
        where = problem.where()
        say(f"{problem.severity.value}: {where + ': ' if where else ''}{problem.message(lang)}")
    if report.encoding and report.encoding != "UTF-8":
        say(f"Read as {report.encoding}.")
    if not report.ok:
        return fail(f"{len(report.errors)} problem(s) in {report.file_name}. Nothing was written.")
    for sheet in report.sheets:
        counts = f"{sheet.created} created, {sheet.updated} updated, {sheet.unchanged} unchanged"
        say(f"{sheet.sheet}: {counts}")
    say("Checked only: nothing was written." if check else "Imported.")
    return 0


def _import(args: argparse.Namespace, kind: str | None) -> int:
    path = Path(args.file)
    if not path.is_file():
        return fail(f"{path} does not exist.")
    upgrade_database()
    report = run_import(
        path.read_bytes(), path.name, kind=kind, write=not args.check, progress=progress_printer()
    )
    return _print_report(report, args.lang, args.check)


@command(
    "import", "import an Excel or CSV file (all or nothing, upsert by code)", _import_arguments
)
def import_command(args: argparse.Namespace) -> int:
    return _import(args, args.kind)


def _profiles_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="an .xlsx with a 'profiles' sheet, or a .csv")
    parser.add_argument("--check", action="store_true", help="preview only: write nothing")
    parser.add_argument("--lang", choices=["en", "fi"], default="en", help="message language")


@command(
    "import-profiles",
    "import competence profiles (same as: import FILE --kind profiles)",
    _profiles_arguments,
)
def import_profiles_command(args: argparse.Namespace) -> int:
    return _import(args, "profiles")


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="where to write the .xlsx")
    parser.add_argument("--kind", choices=["all", *KINDS], default="all")
    parser.add_argument("--lang", choices=["en", "fi"], default="en", help="header language")
    parser.add_argument("--tables", action="store_true", help="every table as stored instead")


@command("export", "export the project's data as a re-importable workbook", _export_arguments)
def export_command(args: argparse.Namespace) -> int:
    from core.io.exports.data import export_all_tables, export_workbook

    upgrade_database()
    with session_scope() as session:
        if args.tables:
            data = export_all_tables(session)
        else:
            data = export_workbook(session, get_project(session), kind=args.kind, lang=args.lang)
    Path(args.file).write_bytes(data)
    say(f"Exported to {args.file}.")
    return 0
