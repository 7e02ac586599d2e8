"""What the overview page shows, assembled in one call: KPI cards, trajectories, recent changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from core.codes import Indicator
from core.indicators.kpi import (
    Forecast,
    Progress,
    cumulative_series,
    daily_counts,
    forecast,
    headline_target,
    milestones_of,
    planned_series,
    progress_against_target,
)
from core.models import Event, Participant, Project, ProjectCompany

HEADLINE = [
    Indicator.PARTICIPANTS,
    Indicator.PARTICIPANTS_IN_EDUCATION,
    Indicator.PARTICIPANTS_EMPLOYED,
    Indicator.COMPANIES,
]


@dataclass(frozen=True)
class Trajectory:
    progress: Progress
    actual: list[tuple[date, int]]
    planned: list[tuple[date, float]]
    forecast: Forecast | None


@dataclass(frozen=True)
class RecentChanges:
    since: date
    participants: int
    companies: int
    events: int
    exits: int


@dataclass(frozen=True)
class Overview:
    project_code: str
    as_of: date
    trajectories: dict[Indicator, Trajectory]
    recent: RecentChanges


def trajectory(
    session: Session, project: Project, indicator: Indicator, as_of: date
) -> Trajectory | None:
    target = headline_target(session, project, indicator)
    if target is None:
        return None
    progress = progress_against_target(session, project, target, as_of)
    counted_until = min(as_of, target.period_end)
    actual = cumulative_series(
        daily_counts(session, project, target), target.period_start, counted_until
    )
    planned = planned_series(
        target.value, target.period_start, target.period_end, milestones_of(session, target)
    )
    return Trajectory(progress, actual, planned, forecast(actual, target.period_end))


def recent_changes(
    session: Session, project: Project, as_of: date, days: int = 30
) -> RecentChanges:
    since = as_of - timedelta(days=days)

    def count(model: type, column: object, *where: object) -> int:
        query = select(func.count()).select_from(model).where(*where)  # type: ignore[arg-type]
        query = query.where(col(column) > since, col(column) <= as_of)
        return int(session.exec(query).one())

    return RecentChanges(
        since=since,
        participants=count(
            Participant, Participant.entry_date, Participant.project_id == project.id
        ),
        companies=count(
            ProjectCompany, ProjectCompany.joined_on, ProjectCompany.project_id == project.id
        ),
        events=count(Event, Event.event_date, Event.project_id == project.id),
        exits=count(Participant, Participant.exit_date, Participant.project_id == project.id),
    )


def build_overview(session: Session, project: Project, as_of: date) -> Overview:
    trajectories = {}
    for indicator in HEADLINE:
        found = trajectory(session, project, indicator, as_of)
        if found is not None:
            trajectories[indicator] = found
    return Overview(project.code, as_of, trajectories, recent_changes(session, project, as_of))
