"""On the demo world, the steering group sees something in every chart that used to be empty:
breakdowns too small to show apart are merged, and the chart says so in one line."""

from __future__ import annotations

import math
from datetime import date

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from core.codes import Role
from core.dashboards.filters import Filters
from core.dashboards.meeting.pack import PACK, Views, dashboard_data, views_for
from core.i18n import translate
from core.models import Project

TODAY = date(2026, 11, 23)
pytestmark = pytest.mark.demo(TODAY)  # the database starts with this demo world
MERGED = ("merged", "one total")  # the start of every note's English text


@pytest.fixture
def steering(engine: Engine, project: Project) -> Views:
    with Session(engine) as session:
        loaded = session.get(Project, project.id)
        assert loaded is not None
        data = dashboard_data(session, loaded, Filters.whole(loaded), TODAY)
    return views_for(data, Role.STEERING, "en", TODAY)


def _shown_values(figure: object) -> list[float]:
    """Positive bar lengths, and heat-map cells (not totals) that read a number above 0."""
    found: list[float] = []
    for trace in figure.data:  # type: ignore[attr-defined]
        if trace.type == "bar":
            lengths = trace.x if trace.orientation == "h" else trace.y
            found += [float(v) for v in lengths if v is not None and math.isfinite(v) and v > 0]
        elif trace.type == "heatmap":
            for i, row in enumerate(trace.y):
                for j in range(len(trace.x)):
                    text = str(trace.text[i][j])
                    if row != "Total" and text.isdigit() and int(text) > 0:
                        found.append(float(text))
    return found


@pytest.mark.parametrize("key", ["company_mix", "immediate", "six_months", "ladder", "retention"])
def test_a_chart_too_fine_to_show_is_drawn_coarser_with_a_note(steering: Views, key: str) -> None:
    def t(text_key: str, **values: object) -> str:
        return translate(text_key, "en", **values)

    chart = next(c for c in PACK if c.key == key)
    figure = chart.draw(steering, t)
    assert _shown_values(figure), f"{key}: nothing shown"
    notes = [a.text for a in figure.layout.annotations if a.name == "hidden_note"]
    assert notes and any(word in notes[0] for word in MERGED), notes
    sheet = chart.tabulate(steering, t).table  # the Excel pack shows the same coarser table
    assert sheet.map(lambda v: isinstance(v, int) and v > 0).to_numpy().any()
