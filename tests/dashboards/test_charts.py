"""The figures draw the numbers they are given: bars, hidden markers, notes, lines."""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go
import pytest
from sqlmodel import Session

from core.codes import Role
from core.dashboards.charts.events import funnel_figure, reach_figure
from core.dashboards.charts.partnerships import (
    commitments_figure,
    company_mix_figure,
    new_companies_figure,
)
from core.dashboards.charts.results import by_spearhead_figure
from core.dashboards.charts.timeline import timeline_figure
from core.dashboards.filters import Filters
from core.dashboards.meeting.pack import PACK, dashboard_data, meeting_slides, views_for
from core.dashboards.results import Rung
from core.i18n import translate
from tests.dashboards.world import TODAY, World


def t(key: str, **values: object) -> str:
    return translate(key, "en", **values)


@pytest.fixture
def views(session: Session, world: World, whole: Filters) -> dict[Role, Any]:
    data = dashboard_data(session, world.project, whole, TODAY)
    return {role: views_for(data, role, "en", TODAY) for role in (Role.MANAGER, Role.STEERING)}


def _bars(fig: go.Figure) -> dict[str, list[Any]]:
    return {trace.name: list(trace.y if trace.orientation != "h" else trace.x)
            for trace in fig.data if trace.type == "bar"}  # fmt: skip


def _markers(fig: go.Figure) -> list[str]:
    return [
        text
        for trace in fig.data
        if trace.type == "scatter" and trace.mode == "text"
        for text in trace.text
    ]


def _notes(fig: go.Figure) -> list[str]:
    return [a.text for a in fig.layout.annotations if a.name == "hidden_note"]


def test_commitments_bars_are_the_ledger(views: dict[Role, Any]) -> None:
    fig = commitments_figure(views[Role.MANAGER].partnerships, t)
    assert _bars(fig) == {"Committed": [3.0, 5.0, 1.0], "Delivered": [1.0, 4.0, 0.0]}
    assert list(fig.data[0].x) == ["scholarship", "internship_place", "thesis_place"]
    assert _markers(fig) == [] and _notes(fig) == []


def test_hidden_bars_are_missing_marked_and_explained(views: dict[Role, Any]) -> None:
    fig = commitments_figure(views[Role.STEERING].partnerships, t)
    assert all(v is None for values in _bars(fig).values() for v in values)
    assert set(_markers(fig)) <= {"<5", ".."} and _markers(fig)
    assert "<5 = 1–4 people" in _notes(fig)[0]


def test_new_companies_against_the_target(views: dict[Role, Any]) -> None:
    fig = new_companies_figure(views[Role.MANAGER].partnerships, t)
    line = next(trace for trace in fig.data if trace.name == "Cumulative count")
    assert list(line.y)[-1] == 8
    assert any(shape.y0 == 50 for shape in fig.layout.shapes)  # the 50-company target


def test_company_mix_cells_show_numbers_and_markers(views: dict[Role, Any]) -> None:
    manager = company_mix_figure(views[Role.MANAGER].partnerships, t)
    assert "5" in [cell for row in manager.data[0].text for cell in row]
    steering = company_mix_figure(views[Role.STEERING].partnerships, t)
    cells = [cell for row in steering.data[0].text for cell in row]
    assert "<5" in cells and "1" not in cells and "2" not in cells


def test_event_charts(views: dict[Role, Any]) -> None:
    funnel = funnel_figure(views[Role.MANAGER].events, t)
    assert _bars(funnel) == {"Count": [6.0, 4.0, 4.0, 3.0]}
    reach = reach_figure(views[Role.MANAGER].events, t)
    bars = _bars(reach)
    assert sum(bars["Attendances"]) == 10 and max(bars["Unique people"]) == 5


def test_ladder_by_spearhead(views: dict[Role, Any]) -> None:
    view = views[Role.MANAGER]
    fig = by_spearhead_figure(view.results.ladder, Rung, view.spearheads, t, all_rows=True)
    assert _bars(fig) == {
        "Devices": [1.0, 1.0, 0.0, 0.0, 0.0],
        "Software": [0.0, 0.0, 0.0, 0.0, 1.0],
    }


def test_timeline_draws_packages_events_milestones_and_today(views: dict[Role, Any]) -> None:
    fig = timeline_figure(views[Role.MANAGER].timeline, t, today=TODAY, lang="en")
    periods, events, milestones = fig.data
    assert len(periods.y) == 7 and len(events.x) == 4 and len(milestones.x) == 2
    (today,) = [shape.x0 for shape in fig.layout.shapes]
    assert pd.Timestamp(today, unit="ms") == pd.Timestamp(TODAY)


def test_meeting_slides_are_the_pack_big_and_suppressed(
    session: Session, world: World, whole: Filters
) -> None:
    slides = meeting_slides(dashboard_data(session, world.project, whole, TODAY), t, "en", TODAY)
    assert [s.key for s in slides] == [chart.key for chart in PACK]
    assert all(s.figure.layout.font.size >= 24 for s in slides)
    assert slides[0].figure.layout.title.text == "New participants per month against the target"
    commitments = next(s for s in slides if s.key == "commitments")
    # The steering view, whoever asks; the note sits under the title in meeting mode.
    assert "<5 = 1–4 people" in commitments.figure.layout.title.subtitle.text


def test_meeting_hidden_markers_fit_their_bars(
    session: Session, world: World, whole: Filters
) -> None:
    """One marker per bar, never wider than the bar's slot; one short neutral note line."""
    from core.dashboards.charts.common import HIDDEN_COLOUR, PLOT_HEIGHT, PLOT_WIDTH

    slides = meeting_slides(dashboard_data(session, world.project, whole, TODAY), t, "en", TODAY)
    for slide in slides:
        meta = slide.figure.layout.meta or {}
        subtitle = slide.figure.layout.title.subtitle
        if subtitle.text:
            assert "<br>" not in subtitle.text and len(subtitle.text) < 110
            assert subtitle.font.color != HIDDEN_COLOUR  # neutral, not alarm red
        assert not [a for a in slide.figure.layout.annotations if a.name == "hidden_note"]
        for trace in slide.figure.select_traces({"name": "hidden"}):
            if trace.mode == "markers":
                continue  # a symbol, its marker in the hover
            bars = int(meta["bars"])
            widest = max(len(str(x)) for x in trace.text)
            if meta.get("horizontal"):
                assert trace.textfont.size <= PLOT_HEIGHT / bars, slide.key
            else:
                assert trace.textfont.size * 0.62 * widest <= PLOT_WIDTH / bars, slide.key
