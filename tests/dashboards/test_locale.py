"""Charts speak the UI's language: Finnish dates, month names, decimal comma, thin spaces."""

from __future__ import annotations

from datetime import date

import plotly.graph_objects as go
from sqlmodel import Session

from core.dashboards.charts.locale import date_ticks, day_label, month_label, number
from core.dashboards.filters import Filters
from core.dashboards.meeting.pack import dashboard_data, meeting_slides
from core.i18n import translate
from tests.dashboards.world import TODAY, World


def fi(key: str, **values: object) -> str:
    return translate(key, "fi", **values)


def en(key: str, **values: object) -> str:
    return translate(key, "en", **values)


def test_formats_follow_the_language() -> None:
    assert day_label(date(2026, 12, 1), fi) == "1.12.2026"
    assert day_label(date(2026, 12, 1), en) == "1 Dec 2026"
    assert month_label("2026-01", fi) == "tammi 2026"
    assert month_label("2026-01", en) == "Jan 2026"
    assert number(1234.5, fi, decimals=1) == "1\u202f234,5"
    assert number(1234.5, en, decimals=1) == "1,234.5"
    ticks = date_ticks(date(2025, 5, 1), date(2027, 12, 31), fi)
    assert len(ticks["tickvals"]) <= 8 and all(" 20" in text for text in ticks["ticktext"])


def _month_texts(fig: go.Figure) -> list[str]:
    return [str(x) for axis in (fig.layout.xaxis, fig.layout.yaxis) for x in axis.ticktext or ()]


def test_finnish_charts_use_finnish_numbers_and_months(
    session: Session, world: World, whole: Filters
) -> None:
    data = dashboard_data(session, world.project, whole, TODAY)
    slides = {s.key: s for s in meeting_slides(data, fi, "fi", TODAY)}
    participants = slides["participants"].figure
    assert participants.layout.separators == ",\u202f"  # decimal comma, thin-space thousands
    months = _month_texts(participants)
    assert months and all(text.split()[0] in _FINNISH_MONTHS for text in months), months
    timeline = slides["timeline"].figure
    assert timeline.layout.separators == ",\u202f"
    assert all(text.split()[0] in _FINNISH_MONTHS for text in _month_texts(timeline))
    hover = [row[1] for row in timeline.data[0].customdata]
    assert all(_is_finnish_date(day) for day in hover), hover
    today = [a.text for a in timeline.layout.annotations if a.text.startswith("Tänään")]
    assert today == [f"{fi('chart.today')} {TODAY.day}.{TODAY.month}.{TODAY.year}"]
    english = {s.key: s for s in meeting_slides(data, en, "en", TODAY)}
    assert english["participants"].figure.layout.separators == ".,"
    assert _month_texts(english["participants"].figure)[0].split()[0] in _ENGLISH_MONTHS


_FINNISH_MONTHS = {translate(f"locale.month.{m}", "fi") for m in range(1, 13)}
_ENGLISH_MONTHS = {translate(f"locale.month.{m}", "en") for m in range(1, 13)}


def _is_finnish_date(text: str) -> bool:
    day, month, year = text.split(".")
    return day.isdigit() and month.isdigit() and len(year) == 4
