"""Every dashboard's data for one filter choice, and what one role sees of it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from sqlmodel import Session

from core.budget.view import BudgetData, BudgetView, budget_data, budget_view
from core.codes import Role
from core.dashboards.events import EventData, event_data
from core.dashboards.filters import Filters, filter_options
from core.dashboards.partnerships import PartnershipData, partnership_data
from core.dashboards.progress import ProgressData, progress_data
from core.dashboards.results import ResultData, result_data
from core.dashboards.timeline import TimelineData, timeline_data
from core.dashboards.views import (
    EventView,
    PartnershipView,
    ProgressView,
    ResultView,
    event_view,
    partnership_view,
    progress_view,
    result_view,
)
from core.indicators.plan import PlanTarget, plan_targets, published_plan
from core.models import Project


@dataclass(frozen=True)
class DashboardData:
    """Raw aggregates of every dashboard for one filter choice (cache this, not the views)."""

    progress: ProgressData
    partnerships: PartnershipData
    events: EventData
    results: ResultData
    timeline: TimelineData
    spearheads: dict[str, tuple[str, str]] = field(default_factory=dict)  # code → (en, fi)
    target_groups: dict[str, tuple[str, str]] = field(default_factory=dict)
    budget: BudgetData | None = None  # issue 17: the money, as of the filters' end
    # issue 15: every target of the definition, raw (published per role in `views_for`).
    plan: list[PlanTarget] = field(default_factory=list)


def dashboard_data(
    session: Session, project: Project, filters: Filters, as_of: date
) -> DashboardData:
    options = filter_options(session, project)
    return DashboardData(
        progress_data(session, project, filters, as_of),
        partnership_data(session, project, filters, as_of),
        event_data(session, project, filters, as_of),
        result_data(session, project, filters),
        timeline_data(session, project, filters),
        {c.code: (c.name, c.name_fi or c.name) for c in options.spearheads},
        {c.code: (c.name, c.name_fi or c.name) for c in options.target_groups},
        budget_data(session, project, min(as_of, filters.end)),
        plan_targets(session, project, as_of),
    )


class Views:
    """What one role sees, each part computed on first use: meeting mode draws one chart at a
    time and should not pay for the slowest part of the pack to show the fastest."""

    def __init__(
        self,
        *,
        progress: Callable[[], ProgressView],
        partnerships: Callable[[], PartnershipView],
        events: Callable[[], EventView],
        results: Callable[[], ResultView],
        timeline: Callable[[], TimelineData],
        spearheads: dict[str, str],
        target_groups: dict[str, str],
        lang: str,
        today: date,
        budget: Callable[[], BudgetView | None] = lambda: None,
        plan: Callable[[], list[PlanTarget]] = list,
    ) -> None:
        self._progress, self._partnerships = progress, partnerships
        self._events, self._results = events, results
        self._timeline = timeline
        self.spearheads, self.target_groups = spearheads, target_groups
        self.lang, self.today = lang, today
        self._budget = budget
        self._plan = plan

    @cached_property
    def progress(self) -> ProgressView:
        return self._progress()

    @cached_property
    def partnerships(self) -> PartnershipView:
        return self._partnerships()

    @cached_property
    def events(self) -> EventView:
        return self._events()

    @cached_property
    def results(self) -> ResultView:
        return self._results()

    @cached_property
    def timeline(self) -> TimelineData:
        return self._timeline()

    @cached_property
    def budget(self) -> BudgetView | None:
        return self._budget()

    @cached_property
    def plan(self) -> list[PlanTarget]:
        return self._plan()


def views_for(data: DashboardData, role: Role, lang: str, today: date) -> Views:
    pick = 1 if lang == "fi" else 0
    return Views(
        progress=lambda: progress_view(data.progress, role),
        partnerships=lambda: partnership_view(data.partnerships, role),
        events=lambda: event_view(data.events, role),
        results=lambda: result_view(data.results, role),
        timeline=lambda: data.timeline,
        spearheads={code: names[pick] for code, names in data.spearheads.items()},
        target_groups={code: names[pick] for code, names in data.target_groups.items()},
        lang=lang,
        today=today,
        budget=lambda: None if data.budget is None else budget_view(data.budget, role),
        plan=lambda: published_plan(data.plan, role),
    )
