"""What the overview page shows, assembled in one call: KPI cards, trajectories, recent changes.

Every count of people or companies is published as `role` may see it (core.privacy): the
manager sees raw numbers, everyone else small counts hidden and the rest rounded, the line
drawn only through points that reveal no small month, and every percentage, status and
forecast worked out from those published numbers, never from the raw ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from core.codes import Indicator, Role
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
from core.indicators.plan import HEADLINE as PLAN_HEADLINE
from core.indicators.plan import PlanTarget, plan_targets, published_plan
from core.indicators.published import published_line, published_progress
from core.models import Event, Participant, Project, ProjectCompany
from core.privacy.rules import rule_for

HEADLINE = list(PLAN_HEADLINE)


@dataclass(frozen=True)
class Trajectory:
    progress: Progress  # as published: actual rounded (0 when hidden), percent and status from it
    actual: list[tuple[date, int]]  # the published points of the cumulative line
    planned: list[tuple[date, float]]
    forecast: Forecast | None
    actual_text: str = ""  # the card's number: "12", "10" or "<5"

    @property
    def hidden(self) -> bool:
        """The actual count is too small to show (its card reads the marker)."""
        return not self.actual_text.isdigit()


@dataclass(frozen=True)
class RecentChanges:
    since: date
    participants: int | None  # None: hidden (too few to show)
    companies: int | None
    events: int  # events are not people: shown as they are
    exits: int | None
    marker: str = ""

    def text(self, name: str) -> str:
        value = getattr(self, name)
        return self.marker if value is None else str(value)


@dataclass(frozen=True)
class Overview:
    project_code: str
    as_of: date
    trajectories: dict[Indicator, Trajectory]
    recent: RecentChanges
    # issue 15: every target of the definition (the headline ones included), as published.
    plan: list[PlanTarget] = field(default_factory=list)


def trajectory(
    session: Session, project: Project, indicator: Indicator, as_of: date, *, role: Role
) -> Trajectory | None:
    target = headline_target(session, project, indicator)
    if target is None:
        return None
    rule = rule_for(role)
    raw = progress_against_target(session, project, target, as_of)
    counted_until = min(as_of, target.period_end)
    actual = published_line(
        role,
        cumulative_series(
            daily_counts(session, project, target), target.period_start, counted_until
        ),
    )
    planned = planned_series(
        target.value, target.period_start, target.period_end, milestones_of(session, target)
    )
    progress = published_progress(rule, raw)
    return Trajectory(
        progress,
        actual,
        planned,
        forecast(actual, target.period_end),
        rule.count_text(raw.actual),
    )


def recent_changes(
    session: Session, project: Project, as_of: date, days: int = 30, *, role: Role
) -> RecentChanges:
    since = as_of - timedelta(days=days)

    def count(model: type, column: object, *where: object) -> int:
        query = select(func.count()).select_from(model).where(*where)  # type: ignore[arg-type]
        query = query.where(col(column) > since, col(column) <= as_of)
        return int(session.exec(query).one())

    rule = rule_for(role)
    return RecentChanges(
        since=since,
        participants=rule.shown(
            count(Participant, Participant.entry_date, Participant.project_id == project.id)
        ),
        companies=rule.shown(
            count(ProjectCompany, ProjectCompany.joined_on, ProjectCompany.project_id == project.id)
        ),
        events=count(Event, Event.event_date, Event.project_id == project.id),
        exits=rule.shown(
            count(Participant, Participant.exit_date, Participant.project_id == project.id)
        ),
        marker=rule.marker,
    )


def build_overview(session: Session, project: Project, as_of: date, *, role: Role) -> Overview:
    """The overview as `role` may see it (raw only for the manager)."""
    trajectories = {}
    for indicator in HEADLINE:
        found = trajectory(session, project, indicator, as_of, role=role)
        if found is not None:
            trajectories[indicator] = found
    recent = recent_changes(session, project, as_of, role=role)
    plan = published_plan(plan_targets(session, project, as_of), role)
    return Overview(project.code, as_of, trajectories, recent, plan)
