"""Load a project definition into the database (all or nothing) and look projects up."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, col, select

from core.config import REPO_ROOT, get_settings
from core.db import session_scope
from core.models import (
    BudgetLine,
    ClaimPeriod,
    Event,
    Milestone,
    Programme,
    Project,
    Spearhead,
    Target,
    TargetGroup,
    WorkPackage,
)
from core.project.definition import ProjectDef, ProjectDefinitionError, read_definition
from core.project.terms import replace_terms

Child = TypeVar("Child", WorkPackage, Spearhead, TargetGroup, Programme)

DEFAULT_PROJECT_FILE = REPO_ROOT / "data/projects/oulu-ict-2025.yaml"


def load_project_file(path: Path, *, engine: Engine | None = None) -> Project:
    """Validate `path` and write it in one transaction; nothing is written on any error."""
    definition = read_definition(path)
    with session_scope(engine) as session:
        return load_project(definition, session=session)


def load_project(definition: ProjectDef, *, session: Session) -> Project:
    """Create or update the project `definition` describes (children upserted by code)."""
    project = session.exec(select(Project).where(Project.code == definition.code)).first()
    if project is None:
        project = Project(
            code=definition.code,
            name=definition.name,
            start_date=definition.start,
            end_date=definition.end,
        )
    project.name, project.name_fi = definition.name, definition.name_fi
    project.region, project.description = definition.region, definition.description
    project.start_date, project.end_date = definition.start, definition.end
    project.last_payment_date = definition.last_payment_date
    session.add(project)
    session.flush()
    assert project.id is not None
    pid = project.id

    spearheads = _sync(
        session,
        Spearhead,
        pid,
        {
            s.code: {"name": s.name, "name_fi": s.name_fi, "fields": s.fields}
            for s in definition.spearheads
        },
    )
    _sync(
        session,
        TargetGroup,
        pid,
        {g.code: {"name": g.name, "name_fi": g.name_fi} for g in definition.target_groups},
    )
    packages = _sync(
        session,
        WorkPackage,
        pid,
        {
            w.code: {"name": w.name, "name_fi": w.name_fi, "start_date": w.start, "end_date": w.end}
            for w in definition.work_packages
        },
    )
    _sync(
        session,
        Programme,
        pid,
        {
            p.code: {
                "name": p.name,
                "name_fi": p.name_fi,
                "level": p.level,
                "language": p.language,
                "spearhead_id": spearheads[p.spearhead].id,
            }
            for p in definition.programmes
        },
    )
    _replace_budget(session, pid, definition)
    _sync_claims(session, pid, definition)
    replace_terms(session, pid, definition)
    _replace_targets(session, pid, definition, packages)
    session.flush()
    return project


def _sync(
    session: Session, model: type[Child], project_id: int, wanted: dict[str, dict[str, Any]]
) -> dict[str, Child]:
    """Upsert children by code; remove the ones the file dropped, unless data still uses them."""
    rows = session.exec(select(model).where(model.project_id == project_id))
    existing = {row.code: row for row in rows}
    for code, row in existing.items():
        if code not in wanted:
            _delete_unused(session, row)
    result: dict[str, Child] = {}
    for code, fields in wanted.items():
        row = existing.get(code) or model(project_id=project_id, code=code, **fields)
        for name, value in fields.items():
            setattr(row, name, value)
        session.add(row)
        result[code] = row
    session.flush()
    return result


def _delete_unused(session: Session, row: SQLModel) -> None:
    if isinstance(row, WorkPackage):
        used = session.exec(
            select(func.count()).select_from(Event).where(Event.work_package_id == row.id)
        ).one()
        if used:
            raise ProjectDefinitionError("project.err.package_in_use", code=row.code, events=used)
    session.delete(row)
    session.flush()


def _replace_budget(session: Session, project_id: int, definition: ProjectDef) -> None:
    for old in session.exec(select(BudgetLine).where(BudgetLine.project_id == project_id)):
        session.delete(old)
    session.flush()
    amounts = definition.budget.amounts()
    for kind, lines in (("cost", definition.budget.costs), ("funding", definition.budget.funding)):
        for line in lines:
            session.add(
                BudgetLine(
                    project_id=project_id,
                    code=line.code,
                    label=line.label,
                    label_fi=line.label_fi,
                    kind=kind,
                    amount_eur=amounts[line.code],
                    percent=line.percent,
                    base_code=line.base,
                    is_salaries=kind == "cost" and line.code == definition.budget.salary_line,
                )
            )


def _sync_claims(session: Session, project_id: int, definition: ProjectDef) -> None:
    """Claim periods by code; a submitted claim's period cannot change or go (issue 17)."""
    existing = {
        c.code: c
        for c in session.exec(select(ClaimPeriod).where(ClaimPeriod.project_id == project_id))
    }
    wanted = {c.code: c for c in definition.payment_claims}
    for code, row in existing.items():
        claim = wanted.get(code)
        moved = claim is None or (claim.start, claim.end) != (row.start_date, row.end_date)
        if moved and row.submitted_at is not None:
            raise ProjectDefinitionError("project.err.claim_submitted", code=code)
        if claim is None:
            session.delete(row)
    for code, claim in wanted.items():
        row = existing.get(code) or ClaimPeriod(
            project_id=project_id, code=code, start_date=claim.start, end_date=claim.end
        )
        row.start_date, row.end_date = claim.start, claim.end
        session.add(row)
    session.flush()


def _replace_targets(
    session: Session, project_id: int, definition: ProjectDef, packages: dict[str, WorkPackage]
) -> None:
    for target in session.exec(select(Target).where(Target.project_id == project_id)):
        session.delete(target)
    session.flush()
    for item in definition.targets:
        start, end = item.window(definition.start, definition.end)
        target = Target(
            project_id=project_id,
            indicator=item.indicator.value,
            value=item.value,
            period=item.period.value,
            period_start=start,
            period_end=end,
            work_package_id=packages[item.work_package].id if item.work_package else None,
            event_type=item.event_type,
            kind=item.kind,
            condition=dict(item.where) or None,
            label=item.label,
            label_fi=item.label_fi,
        )
        session.add(target)
        session.flush()
        assert target.id is not None
        for milestone in item.milestones:
            session.add(
                Milestone(
                    target_id=target.id,
                    due_date=milestone.date,
                    value=milestone.value,
                    label=milestone.label,
                )
            )


def get_project(session: Session, code: str | None = None) -> Project:
    """The configured project (or `code`); a clear error when it has not been loaded."""
    code = code or get_settings().project_code
    project = session.exec(select(Project).where(Project.code == code)).first()
    if project is None:
        raise LookupError(
            f"Project {code!r} is not in the database; run `python -m core load-project FILE`."
        )
    return project


def list_projects(session: Session) -> list[Project]:
    return list(session.exec(select(Project).order_by(col(Project.start_date))))
