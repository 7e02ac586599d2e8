"""Competence commands: map-skills, map-competences, import-reports, competence-report."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

from sqlmodel import Session, select

from core.cli.base import command, count_bar, fail, say
from core.codes import ReportKind, Role
from core.db import session_scope
from core.models import Programme, Project

Progress = Callable[[int, int], None]


def _project(session: Session) -> Project:
    from core.project.loading import get_project

    return get_project(session)


@command(
    "build-esco",
    "embed the ESCO skill labels and descriptions once for the offline mapping (cached)",
)
def build_esco(_args: argparse.Namespace) -> int:
    from core.competence.esco_passages import passage_vectors
    from core.competence.esco_vectors import term_vectors
    from core.search.model.loading import get_embedder

    embedder = get_embedder()
    vectors = term_vectors(embedder, progress=count_bar("ESCO labels", "phrase"))
    passages = passage_vectors(embedder, progress=count_bar("ESCO descriptions", "skill"))
    say(f"ESCO skills ready: {len(vectors)} labels, {len(passages)} descriptions.")
    return 0


def _map_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="UTF-8 text file, one text per line")
    parser.add_argument(
        "--top", type=int, default=5, help="candidate skills per line (1-50, default 5)"
    )


@command(
    "map-skills",
    "print each line's ranked candidate ESCO skills as JSON lines (claimed ones flagged)",
    _map_arguments,
)
def map_skills(args: argparse.Namespace) -> int:
    from core.competence.esco_map import get_mapper
    from core.competence.ranking import MAX_TOP, rank_texts

    if not 1 <= args.top <= MAX_TOP:
        return fail(f"--top must be between 1 and {MAX_TOP}, not {args.top}")
    try:
        lines = Path(args.file).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        return fail(f"cannot read {args.file}: {error}")
    found = rank_texts(
        get_mapper(),
        lines,
        args.top,
        progress=count_bar("phrases", "phrase") if len(lines) > 50 else None,
    )
    for number, candidates in enumerate(found, start=1):
        # Ranked best first; `confidence` is the calibrated probability that the skill is
        # right, `claimed` whether the app would store it (core.competence.ranking).
        record = {
            "line": number,
            "skills": [
                {
                    "uri": c.uri,
                    "label": c.label,
                    "confidence": c.confidence,
                    "claimed": c.claimed,
                    "score": c.score,
                    "evidence": c.evidence,
                }
                for c in candidates
            ],
        }
        print(json.dumps(record, ensure_ascii=False), flush=True)
    return 0


@command("map-competences", "map every profile, report and company need to ESCO again")
def map_competences(_args: argparse.Namespace) -> int:
    from core.competence.esco_map import get_mapper
    from core.competence.mentions import remap_project

    mapper = get_mapper()
    with session_scope() as session:
        stored = remap_project(
            session, _project(session), mapper, progress=count_bar("phrases", "phrase")
        )
    say(f"Stored {stored} ESCO skill mentions.")
    return 0


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help="a folder of .txt/.docx/.pdf files, or an .xlsx/.csv file")
    parser.add_argument("--kind", choices=[k.value for k in ReportKind], default="internship")


@command(
    "import-reports", "import report texts, link them to participants, map them", _import_arguments
)
def import_reports(args: argparse.Namespace) -> int:
    from core.competence.esco_map import get_mapper
    from core.competence.reports import (
        SUFFIXES,
        read_report_files,
        read_report_sheet,
        store_reports,
    )

    path, kind = Path(args.path), ReportKind(args.kind)
    if path.is_dir():
        files = [
            (p.name, p.read_bytes())
            for p in sorted(path.iterdir())
            if p.suffix.casefold() in SUFFIXES
        ]
        reading = read_report_files(files, kind)
    elif path.is_file():
        reading = read_report_sheet(path.read_bytes(), path.name, kind)
    else:
        return fail(f"{path} is neither a folder nor a file")
    with session_scope() as session:
        result = store_reports(
            session, _project(session), reading, get_mapper(), count_bar("phrases", "phrase")
        )
        if not result.ok:
            session.rollback()
            return fail("nothing was imported:\n" + "\n".join(f"  {p}" for p in result.problems))
    say(f"{result.created} new, {result.replaced} replaced; {result.skills} skill mentions.")
    return 0


def _report_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("programme", help="programme code (e.g. CSE-MSC) or name")
    parser.add_argument("--lang", choices=["en", "fi"], default="en")
    parser.add_argument("--out", required=True, help="output file: .md or .docx")


@command("competence-report", "write a programme's competence description", _report_arguments)
def competence_report(args: argparse.Namespace) -> int:
    from core.competence.programme_text import describe_programme, to_docx, to_markdown
    from core.competence.supply import load_facts

    out = Path(args.out)
    if out.suffix.casefold() not in {".md", ".docx"}:
        return fail("--out must end in .md or .docx")
    with session_scope() as session:
        project = _project(session)
        wanted = args.programme.strip().casefold()
        programme = next(
            (
                p
                for p in session.exec(select(Programme).where(Programme.project_id == project.id))
                if wanted in {p.code.casefold(), p.name.casefold(), p.name_fi.casefold()}
            ),
            None,
        )
        if programme is None:
            return fail(f"no programme {args.programme!r} in project {project.code}")
        name = programme.name_fi if args.lang == "fi" and programme.name_fi else programme.name
        description = describe_programme(load_facts(session, project, args.lang), name, args.lang)
    if out.suffix.casefold() == ".md":
        out.write_text(to_markdown(description), encoding="utf-8")
    else:
        out.write_bytes(to_docx(description))
    say(f"Wrote {out} ({description.students} students, {len(description.top)} skills).")
    return 0


def seed_competences(progress: Progress | None = None) -> int:
    """After demo seeding: needs from commitment topics, then map every text (setup uses it)."""
    from core.competence.esco_map import get_mapper
    from core.competence.mentions import remap_project
    from core.competence.needs import Actor, needs_from_commitments

    mapper = get_mapper()
    with session_scope() as session:
        project = _project(session)
        needs_from_commitments(
            session, actor=Actor(Role.MANAGER, username="setup"), project=project, mapper=mapper
        )
        return remap_project(session, project, mapper, progress)
