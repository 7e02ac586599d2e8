"""Run an import's writes inside a savepoint, so a check and an import never disagree.

A check (`--check`, the Import page's preview) runs exactly the writes the import runs and
then rolls them back; a rule only the database knows (a unique column, a lock) is thus found
by both, and is reported as a problem with its sheet, row and column: the failing rows are
found by writing halves of the sheet in nested savepoints (a few flushes per failing row).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from core.access.locks import PeriodLockedError
from core.io.imports.planner import SheetPlan
from core.io.imports.problems import Problem
from core.io.imports.records import REF_FIELDS
from core.io.imports.sheets import column_header
from core.io.imports.writer import Action, Built, Refs, build_new, write_kind
from core.models import Project

Progress = Callable[[str, float], None]
REFUSALS = (DBAPIError, PeriodLockedError)
MAX_LOCATED = 50  # failing rows reported per sheet; the first ones show what is wrong
# The column a database names: SQLite "UNIQUE constraint failed: table.column",
# PostgreSQL "Key (column)=(value) already exists" or "column "x" of relation".
_COLUMN = re.compile(r"failed: \w+\.(\w+)|Key \((\w+)\)=|column \"(\w+)\"")


def write_plans(
    plans: list[SheetPlan],
    *,
    session: Session,
    project: Project,
    progress: Progress | None = None,
    refs: Refs | None = None,
    built: list[Built | None] | None = None,
) -> None:
    refs = refs or Refs(session, project)
    for done, plan in enumerate(plans, start=1):
        actions = [a for a in plan.actions if a.write]
        ahead = built[done - 1] if built is not None else None
        write_kind(session, project, plan.kind, actions, refs, ahead)
        if progress is not None:
            progress("write", done / len(plans))


def _begin(session: Session) -> None:
    """Make sure a real transaction is open before the first savepoint. Python's sqlite3
    starts one only at the first write, so a SAVEPOINT issued before it would itself open
    the transaction, and releasing it would commit everything (even a check's writes).
    IMMEDIATE takes the write lock at once (waiting the busy timeout): a deferred transaction
    that reads first and writes later fails at once, "database is locked", whenever another
    connection (a search's audit entry) wrote in between, as the load bench saw under load."""
    connection = session.connection()
    raw: Any = connection.connection.dbapi_connection
    if connection.dialect.name == "sqlite" and not raw.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def write_in_savepoint(
    plans: list[SheetPlan],
    *,
    session: Session,
    project: Project,
    keep: bool,
    progress: Progress | None = None,
    inspect: Callable[[Session], None] | None = None,
) -> list[Problem]:
    """Write `plans`; keep the writes when `keep` and the database took them all, else roll
    them back. Returns what the database refused (nothing written then), by row. `inspect`
    reads the written state before it is kept or rolled back (a check's previews)."""
    refs = Refs(session, project)
    built = [build_new(project, p.kind, [a for a in p.actions if a.write], refs) for p in plans]
    _begin(session)
    savepoint = session.begin_nested()
    try:
        write_plans(
            plans, session=session, project=project, progress=progress, refs=refs, built=built
        )
    except REFUSALS as refused:
        savepoint.rollback()  # once, active or not: a failed flush leaves it to be rolled back
        return _locate(plans, session, project) or [_problem(refused)]
    if inspect is not None:
        session.flush()
        inspect(session)
    if keep:
        savepoint.commit()
    else:
        savepoint.rollback()
    return []


def _locate(plans: list[SheetPlan], session: Session, project: Project) -> list[Problem]:
    """Write the plans again, sheet by sheet, and in the first sheet the database refuses,
    find the rows it refuses; everything is rolled back."""
    outer = session.begin_nested()
    try:
        for plan in plans:
            actions = [a for a in plan.actions if a.write]
            failed = _failing(plan, actions, session, project, Refs(session, project))
            if failed:
                return [_problem(error, plan, action) for action, error in failed]
        return []
    finally:
        outer.rollback()


def _failing(
    plan: SheetPlan, actions: list[Action], session: Session, project: Project, refs: Refs
) -> list[tuple[Action, Exception]]:
    """The actions the database refuses, found by halving; the ones it takes are kept
    (inside the caller's savepoint) so later halves meet them, as in the real write."""
    if not actions:
        return []
    savepoint = session.begin_nested()
    try:
        write_kind(session, project, plan.kind, actions, refs)
    except REFUSALS as refused:
        savepoint.rollback()
        if len(actions) == 1:
            return [(actions[0], refused)]
        middle = len(actions) // 2
        # Fresh reference maps: the rolled-back writes may have been read into them.
        first = _failing(plan, actions[:middle], session, project, Refs(session, project))
        if len(first) >= MAX_LOCATED:
            return first
        rest = _failing(plan, actions[middle:], session, project, Refs(session, project))
        return (first + rest)[:MAX_LOCATED]
    savepoint.commit()
    return []


def _problem(
    error: Exception, plan: SheetPlan | None = None, action: Action | None = None
) -> Problem:
    where: dict[str, Any] = {}
    if plan is not None and action is not None:
        where = {"sheet": plan.sheet, "row": action.row.row, "column": _header(plan, error)}
    if isinstance(error, PeriodLockedError):
        return Problem(error.key, error.values, **where)
    assert isinstance(error, DBAPIError)
    detail = str(error.orig).splitlines()[0][:200] if error.orig else str(error)[:200]
    return Problem(
        "io.err.database_row" if where else "io.err.database", {"detail": detail}, **where
    )


def _header(plan: SheetPlan, error: Exception) -> str:
    """The header of the column the database names, when it names one the sheet has."""
    if not isinstance(error, DBAPIError):
        return ""
    match = _COLUMN.search(str(error.orig))
    name = next((group for group in match.groups() if group), "") if match else ""
    fields = {orm: field for field, (orm, _ref) in REF_FIELDS[plan.kind].items()}
    field = fields.get(name, name)
    if not field or not _is_column(plan.kind, field):
        return ""
    return plan.headers.get(field) or column_header(plan.kind, field)


def _is_column(kind: str, name: str) -> bool:
    from core.io.imports.rows import ROW_MODELS

    return name in ROW_MODELS[kind].model_fields
