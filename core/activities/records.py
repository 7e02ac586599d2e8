"""Record, change and list a work package's activities; mark a deliverable done.

An activity is the evidence the plan asks for: a company interview with its themes and the
bottlenecks it found, a pilot, a focus group, a published report. Its kind is one of the
project's activity kinds (the definition's `activity_kinds`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd
from sqlalchemy import func
from sqlmodel import Session, col, select

from core.access import audit
from core.codes import InterviewTheme, MaxLength, TermFamily, values
from core.dashboards.common import frame, rows_of
from core.errors import DomainError
from core.models import Activity, ActivityFile, Company, Project, WorkPackage
from core.project.terms import codes_of

THEMES = tuple(values(InterviewTheme))


class ActivityError(DomainError, ValueError):
    """An activity that cannot be saved, with the field at fault."""


@dataclass(frozen=True)
class ActivityInput:
    """What the manager enters (codes, not ids, so a form and a test read the same)."""

    work_package: str
    kind: str
    title: str
    activity_date: date
    deliverable: bool = False
    done_on: date | None = None
    companies: tuple[str, ...] = ()  # business ids
    participant_codes: str = ""
    people: int | None = None
    themes: tuple[str, ...] = ()
    bottlenecks: str = ""
    notes: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def save_activity(
    session: Session, project: Project, data: ActivityInput, *, activity_id: int | None = None
) -> Activity:
    """Create (or update `activity_id`) after checking every field; nothing is written on error."""
    wp = session.exec(
        select(WorkPackage).where(
            WorkPackage.project_id == project.id, WorkPackage.code == data.work_package
        )
    ).first()
    if wp is None or wp.id is None:
        raise ActivityError("activity.err.work_package", value=data.work_package)
    kinds = codes_of(session, project, TermFamily.ACTIVITY_KIND)
    if data.kind not in kinds:
        raise ActivityError("activity.err.kind", value=data.kind, known=", ".join(kinds))
    title = data.title.strip()
    if not title or len(title) > MaxLength.NAME:
        raise ActivityError("activity.err.title", limit=MaxLength.NAME)
    if not project.start_date <= data.activity_date <= project.end_date:
        raise ActivityError(
            "activity.err.date",
            start=project.start_date.isoformat(),
            end=project.end_date.isoformat(),
        )
    if data.done_on is not None and not data.deliverable:
        raise ActivityError("activity.err.done_not_deliverable")
    unknown = [theme for theme in data.themes if theme not in THEMES]
    if unknown:
        raise ActivityError("activity.err.theme", value=", ".join(unknown))
    if data.people is not None and data.people < 0:
        raise ActivityError("activity.err.people")
    row = session.get(Activity, activity_id) if activity_id is not None else None
    if activity_id is not None and (row is None or row.project_id != project.id):
        raise ActivityError("activity.err.missing")
    assert project.id is not None
    if row is None:
        row = Activity(
            project_id=project.id,
            work_package_id=wp.id,
            kind=data.kind,
            title=title,
            activity_date=data.activity_date,
            created_by=audit.current_actor.get(),
        )
    row.work_package_id, row.kind, row.title = wp.id, data.kind, title
    row.activity_date, row.deliverable = data.activity_date, data.deliverable
    row.done_on = data.done_on
    row.company_ids = _company_ids(session, data.companies)
    row.participant_codes = data.participant_codes.strip()[: MaxLength.TOPIC]
    row.people, row.themes = data.people, list(data.themes)
    row.bottlenecks, row.notes = data.bottlenecks.strip(), data.notes.strip()
    session.add(row)
    session.flush()
    return row


def _company_ids(session: Session, business_ids: tuple[str, ...]) -> list[int]:
    if not business_ids:
        return []
    found = dict(
        session.exec(
            select(Company.business_id, Company.id).where(
                col(Company.business_id).in_(business_ids)
            )
        ).all()
    )
    missing = [b for b in business_ids if b not in found]
    if missing:
        raise ActivityError("activity.err.company", value=", ".join(missing))
    return [int(found[b] or 0) for b in business_ids]


def mark_done(session: Session, project: Project, activity_id: int, day: date) -> Activity:
    """A deliverable is done (published) from `day`: from then it counts toward its target."""
    row = session.get(Activity, activity_id)
    if row is None or row.project_id != project.id:
        raise ActivityError("activity.err.missing")
    if not row.deliverable:
        raise ActivityError("activity.err.done_not_deliverable")
    if day < row.activity_date:
        raise ActivityError("activity.err.done_before", day=row.activity_date.isoformat())
    row.done_on = day
    session.add(row)
    session.flush()
    return row


def delete_activity(session: Session, project: Project, activity_id: int) -> list[str]:
    """Remove an activity; returns the stored names of its files (to delete from disk)."""
    row = session.get(Activity, activity_id)
    if row is None or row.project_id != project.id:
        raise ActivityError("activity.err.missing")
    files = session.exec(select(ActivityFile).where(ActivityFile.activity_id == activity_id)).all()
    stored = [f.stored_name for f in files]
    for f in files:
        session.delete(f)
    session.delete(row)
    session.flush()
    return stored


def activity_table(
    session: Session, project: Project, work_package: str | None = None
) -> pd.DataFrame:
    """Every activity (manager only: titles, themes and notes may name companies and people)."""
    files = (
        select(col(ActivityFile.activity_id).label("aid"), func.count().label("n"))
        .group_by(col(ActivityFile.activity_id))
        .subquery()
    )
    query = (
        rows_of(
            Activity.id,
            WorkPackage.code,
            Activity.activity_date,
            Activity.kind,
            Activity.title,
            Activity.deliverable,
            Activity.done_on,
            Activity.themes,
            Activity.bottlenecks,
            Activity.people,
            func.coalesce(files.c.n, 0),
        )
        .join(WorkPackage, col(WorkPackage.id) == col(Activity.work_package_id))
        .outerjoin(files, files.c.aid == col(Activity.id))
        .where(Activity.project_id == project.id)
        .order_by(col(Activity.activity_date).desc(), col(Activity.id).desc())
    )
    if work_package:
        query = query.where(WorkPackage.code == work_package)
    columns = ["id", "work_package", "date", "kind", "title", "deliverable", "done_on", "themes",
               "bottlenecks", "people", "files"]  # fmt: skip
    return frame(session, query, columns)


def activity_counts(session: Session, project: Project) -> pd.DataFrame:
    """How many activities of each kind each work package holds (what steering may see)."""
    query = (
        select(WorkPackage.code, Activity.kind, func.count(), func.count(col(Activity.done_on)))
        .join(WorkPackage, col(WorkPackage.id) == col(Activity.work_package_id))
        .where(Activity.project_id == project.id)
        .group_by(WorkPackage.code, Activity.kind)
        .order_by(WorkPackage.code, Activity.kind)
    )
    return pd.DataFrame(
        session.exec(query).all(), columns=["work_package", "kind", "activities", "done"]
    )


def theme_counts(session: Session, project: Project) -> dict[str, int]:
    """How many interviews touched each of the five themes."""
    counts = dict.fromkeys(THEMES, 0)
    for themes in session.exec(select(Activity.themes).where(Activity.project_id == project.id)):
        for theme in themes or []:
            if theme in counts:
                counts[theme] += 1
    return counts


def activity_choices(session: Session, project: Project) -> dict[str, dict[str, str]]:
    """What the form offers: work packages, the project's activity kinds, companies."""
    packages = session.exec(
        select(WorkPackage.code, WorkPackage.name)
        .where(WorkPackage.project_id == project.id)
        .order_by(WorkPackage.code)
    ).all()
    companies = session.exec(select(Company.business_id, Company.name).order_by(Company.name)).all()
    return {
        "work_packages": {code: f"{code} {name}" for code, name in packages},
        "kinds": {code: code for code in codes_of(session, project, TermFamily.ACTIVITY_KIND)},
        "companies": {bid: f"{name} ({bid})" for bid, name in companies},
    }
