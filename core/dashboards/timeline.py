"""The work-package timeline: each package's period, its events and the project's milestones."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import func
from sqlmodel import Session, col

from core.dashboards.common import frame, rows_of
from core.dashboards.filters import Filters, one_of, within
from core.models import Activity, Event, Milestone, Project, Target, WorkPackage

PROJECT_ROW = "project"  # milestones of project-wide targets sit on their own row


@dataclass(frozen=True)
class TimelineData:
    packages: pd.DataFrame  # code, name, name_fi, start, end, events
    events: pd.DataFrame  # work_package, event_date, event_type, name, events (per day and type)
    milestones: pd.DataFrame  # work_package (or "project"), due_date, label, indicator, value
    # issue 15: work_package, activity_date, kind, activities (per day and kind; no titles,
    # which may name companies: steering sees this chart too)
    activities: pd.DataFrame = field(default_factory=pd.DataFrame)


def work_packages(session: Session, project: Project, filters: Filters) -> pd.DataFrame:
    """The chosen work packages with their periods and how many events each held in the period."""
    held = (
        rows_of(col(Event.work_package_id).label("wp"), func.count().label("n"))
        .where(Event.project_id == project.id, within(Event.event_date, filters.start, filters.end))
        .group_by(col(Event.work_package_id))
        .subquery()
    )
    query = (
        rows_of(
            WorkPackage.code,
            WorkPackage.name,
            WorkPackage.name_fi,
            WorkPackage.start_date,
            WorkPackage.end_date,
            func.coalesce(held.c.n, 0),
        )
        .outerjoin(held, held.c.wp == col(WorkPackage.id))
        .where(
            WorkPackage.project_id == project.id, one_of(WorkPackage.code, filters.work_packages)
        )
        .order_by(WorkPackage.code)
    )
    return frame(session, query, ["code", "name", "name_fi", "start", "end", "events"])


def package_events(session: Session, project: Project, filters: Filters) -> pd.DataFrame:
    """Events in the period on each chosen package's row (one marker per day, type and name)."""
    query = (
        rows_of(WorkPackage.code, Event.event_date, Event.event_type, Event.name, func.count())
        .join(WorkPackage, col(WorkPackage.id) == col(Event.work_package_id))
        .where(
            Event.project_id == project.id,
            within(Event.event_date, filters.start, filters.end),
            one_of(WorkPackage.code, filters.work_packages),
        )
        .group_by(WorkPackage.code, col(Event.event_date), Event.event_type, Event.name)
        .order_by(col(Event.event_date))
    )
    return frame(session, query, ["work_package", "event_date", "event_type", "name", "events"])


def milestones(session: Session, project: Project, filters: Filters) -> pd.DataFrame:
    """Milestones of the project's targets: on their package's row, or the project's row."""
    query = (
        rows_of(
            func.coalesce(WorkPackage.code, PROJECT_ROW),
            Milestone.due_date,
            Milestone.label,
            Target.indicator,
            Milestone.value,
        )
        .select_from(Milestone)
        .join(Target, col(Target.id) == col(Milestone.target_id))
        .outerjoin(WorkPackage, col(WorkPackage.id) == col(Target.work_package_id))
        .where(Target.project_id == project.id)
        .order_by(col(Milestone.due_date))
    )
    rows = frame(session, query, ["work_package", "due_date", "label", "indicator", "value"])
    if filters.work_packages:
        keep = rows["work_package"].isin([*filters.work_packages, PROJECT_ROW])
        rows = rows[keep].reset_index(drop=True)
    return rows


def package_activities(session: Session, project: Project, filters: Filters) -> pd.DataFrame:
    """Activities and deliverables in the period on their package's row (kind and count only)."""
    query = (
        rows_of(WorkPackage.code, Activity.activity_date, Activity.kind, func.count())
        .join(WorkPackage, col(WorkPackage.id) == col(Activity.work_package_id))
        .where(
            Activity.project_id == project.id,
            within(Activity.activity_date, filters.start, filters.end),
            one_of(WorkPackage.code, filters.work_packages),
        )
        .group_by(WorkPackage.code, col(Activity.activity_date), Activity.kind)
        .order_by(col(Activity.activity_date))
    )
    return frame(session, query, ["work_package", "activity_date", "kind", "activities"])


def timeline_data(session: Session, project: Project, filters: Filters) -> TimelineData:
    return TimelineData(
        work_packages(session, project, filters),
        package_events(session, project, filters),
        milestones(session, project, filters),
        package_activities(session, project, filters),
    )
