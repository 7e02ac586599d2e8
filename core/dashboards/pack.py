"""The steering pack: the one list of charts that meeting mode shows and its exports contain."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import plotly.graph_objects as go
from sqlmodel import Session

from core.charts_dash import Translate, for_meeting
from core.charts_events import (
    BY_TYPE,
    events_figure,
    funnel_figure,
    groups_figure,
    reach_figure,
    repeat_figure,
)
from core.charts_partnerships import (
    commitments_figure,
    company_mix_figure,
    new_companies_figure,
    scholarships_figure,
)
from core.charts_results import by_gender_figure, by_spearhead_figure
from core.charts_timeline import timeline_figure
from core.codes import Role
from core.dashboards.events import EventData, event_data
from core.dashboards.filters import Filters, filter_options
from core.dashboards.partnerships import PartnershipData, partnership_data
from core.dashboards.results import ResultData, result_data
from core.dashboards.timeline import TimelineData, timeline_data
from core.dashboards.views import (
    EventView,
    PartnershipView,
    ResultView,
    event_view,
    partnership_view,
    result_view,
)
from core.models import Project


@dataclass(frozen=True)
class DashboardData:
    """Raw aggregates of every dashboard for one filter choice (cache this, not the views)."""

    partnerships: PartnershipData
    events: EventData
    results: ResultData
    timeline: TimelineData
    spearheads: dict[str, tuple[str, str]] = field(default_factory=dict)  # code → (en, fi)
    target_groups: dict[str, tuple[str, str]] = field(default_factory=dict)


def dashboard_data(
    session: Session, project: Project, filters: Filters, as_of: date
) -> DashboardData:
    options = filter_options(session, project)
    return DashboardData(
        partnership_data(session, project, filters, as_of),
        event_data(session, project, filters, as_of),
        result_data(session, project, filters),
        timeline_data(session, project, filters),
        {c.code: (c.name, c.name_fi or c.name) for c in options.spearheads},
        {c.code: (c.name, c.name_fi or c.name) for c in options.target_groups},
    )


class Views:
    """What one role sees, each part computed on first use: meeting mode draws one chart at a
    time and should not pay for the slowest part of the pack to show the fastest."""

    def __init__(
        self,
        *,
        partnerships: Callable[[], PartnershipView],
        events: Callable[[], EventView],
        results: Callable[[], ResultView],
        timeline: Callable[[], TimelineData],
        spearheads: dict[str, str],
        target_groups: dict[str, str],
        lang: str,
        today: date,
    ) -> None:
        self._partnerships, self._events, self._results = partnerships, events, results
        self._timeline = timeline
        self.spearheads, self.target_groups = spearheads, target_groups
        self.lang, self.today = lang, today

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


def views_for(data: DashboardData, role: Role, lang: str, today: date) -> Views:
    pick = 1 if lang == "fi" else 0
    return Views(
        partnerships=lambda: partnership_view(data.partnerships, role),
        events=lambda: event_view(data.events, role),
        results=lambda: result_view(data.results, role),
        timeline=lambda: data.timeline,
        spearheads={code: names[pick] for code, names in data.spearheads.items()},
        target_groups={code: names[pick] for code, names in data.target_groups.items()},
        lang=lang,
        today=today,
    )


Draw = Callable[[Views, Translate], go.Figure]


@dataclass(frozen=True)
class PackChart:
    key: str  # stable: it names the PNG file and the meeting's position in the URL
    title_key: str
    draw: Draw


def _ladder(v: Views, t: Translate) -> go.Figure:
    return by_spearhead_figure(v.results.ladder, "dash.ladder", v.spearheads, t, all_rows=True)


def _retention(v: Views, t: Translate) -> go.Figure:
    return by_spearhead_figure(v.results.retention, "dash.retention", v.spearheads, t)


def _intent(v: Views, t: Translate) -> go.Figure:
    return by_spearhead_figure(v.results.intent, "dash.intent", v.spearheads, t, all_rows=True)


def _status(which: str) -> Draw:
    return lambda v, t: by_gender_figure(getattr(v.results, which), "code.follow_up_status", t)


def _events_held(v: Views, t: Translate) -> go.Figure:
    return events_figure(v.events.events, BY_TYPE, t)


def _of_partnerships(draw: Callable[[PartnershipView, Translate], go.Figure]) -> Draw:
    return lambda v, t: draw(v.partnerships, t)


def _of_events(draw: Callable[[EventView, Translate], go.Figure]) -> Draw:
    return lambda v, t: draw(v.events, t)


# The pack, in meeting order. Pages draw the same figures with the same functions.
PACK: list[PackChart] = [
    PackChart("companies", "partnerships.new_companies", _of_partnerships(new_companies_figure)),
    PackChart("commitments", "partnerships.commitments", _of_partnerships(commitments_figure)),
    PackChart("scholarships", "partnerships.scholarships", _of_partnerships(scholarships_figure)),
    PackChart("company_mix", "partnerships.mix", _of_partnerships(company_mix_figure)),
    PackChart(
        "events", "events.over_time", lambda v, t: events_figure(v.events.events, BY_TYPE, t)
    ),
    PackChart("reach", "events.reach", _of_events(reach_figure)),
    PackChart("repeat", "events.repeat", _of_events(repeat_figure)),
    PackChart(
        "target_groups", "events.groups", lambda v, t: groups_figure(v.events, v.target_groups, t)
    ),
    PackChart("funnel", "events.funnel", _of_events(funnel_figure)),
    PackChart("immediate", "results.immediate", _status("immediate")),
    PackChart("six_months", "results.six_months", _status("six_months")),
    PackChart("ladder", "results.ladder", _ladder),
    PackChart("retention", "results.retention", _retention),
    PackChart("intent", "results.intent", _intent),
    PackChart(
        "timeline",
        "timeline.title",
        lambda v, t: timeline_figure(v.timeline, t, today=v.today, lang=v.lang),
    ),
]
PACK_KEYS = [chart.key for chart in PACK]


@dataclass(frozen=True)
class Slide:
    key: str
    title: str
    figure: go.Figure


def slide(chart: PackChart, views: Views, t: Translate) -> Slide:
    """One chart of the pack, drawn big for a projector."""
    title = t(chart.title_key)
    return Slide(chart.key, title, for_meeting(chart.draw(views, t), title))


def meeting_slides(data: DashboardData, t: Translate, lang: str, today: date) -> list[Slide]:
    """The whole pack as the steering group sees it: every count suppressed, whoever asks."""
    views = views_for(data, Role.STEERING, lang, today)
    return [slide(chart, views, t) for chart in PACK]
