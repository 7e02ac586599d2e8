"""The work-package timeline: a Gantt chart with today's line, events and milestones."""

from __future__ import annotations

from datetime import date, datetime, time

import plotly.graph_objects as go

from core.codes import Indicator, term_key
from core.dashboards.charts.common import Translate, finish, no_data_figure
from core.dashboards.charts.kpi import ACTUAL, PLANNED, TARGET
from core.dashboards.charts.locale import date_ticks, day_label, localise
from core.dashboards.timeline import PROJECT_ROW, TimelineData
from core.i18n import label_key

BAR = "rgba(31, 78, 121, 0.25)"
MS_PER_DAY = 86_400_000
NAME_LENGTH = 38


def _short(text: str) -> str:
    return text if len(text) <= NAME_LENGTH else text[: NAME_LENGTH - 1].rstrip() + "…"


def timeline_figure(
    data: TimelineData, t: Translate, *, today: date, lang: str, title: str = ""
) -> go.Figure:
    """One row per work package from its start to its end; events as dots, milestones as
    diamonds, and a line at today."""
    packages = data.packages
    if packages.empty:
        return no_data_figure(t, title=title)
    names = {
        str(code): str(fi if lang == "fi" and fi else en)
        for code, en, fi in zip(packages.code, packages.name, packages.name_fi, strict=True)
    }
    rows = [str(c) for c in packages["code"]]
    if not data.milestones.empty and (data.milestones["work_package"] == PROJECT_ROW).any():
        rows.append(PROJECT_ROW)
    labels = {code: f"{code} {_short(names[code])}" for code in names}
    labels[PROJECT_ROW] = t("dash.timeline.project")
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            y=[labels[c] for c in packages["code"]],
            x=[
                (e - s).days * MS_PER_DAY + MS_PER_DAY
                for s, e in zip(packages.start, packages.end, strict=True)
            ],
            base=[datetime.combine(s, time()).isoformat() for s in packages.start],
            orientation="h",
            marker={"color": BAR, "line": {"color": ACTUAL, "width": 1}},
            name=t("dash.timeline.period"),
            customdata=[
                [names[c], day_label(s, t), day_label(e, t), n]
                for c, s, e, n in zip(
                    packages.code, packages.start, packages.end, packages.events, strict=True
                )
            ],
            hovertemplate="%{customdata[0]}<br>%{customdata[1]} – %{customdata[2]}<br>"
            + t("dash.events")
            + ": %{customdata[3]}<extra></extra>",
        )
    )
    _events(fig, data, labels, t)
    _activities(fig, data, labels, t)
    _milestones(fig, data, labels, t)
    fig.add_vline(
        x=datetime.combine(today, time()).timestamp() * 1000,
        line={"color": TARGET, "width": 2, "dash": "dot"},
    )
    fig.add_annotation(
        x=datetime.combine(today, time()).isoformat(),
        y=1,
        yref="paper",
        yanchor="bottom",
        text=f"{t('chart.today')} {day_label(today, t)}",
        showarrow=False,
        font={"color": TARGET},
    )
    fig.update_xaxes(type="date", **date_ticks(min(packages.start), max(packages.end), t))
    localise(fig, t)
    fig.update_yaxes(
        autorange="reversed", categoryorder="array", categoryarray=[labels[r] for r in rows]
    )
    fig.update_layout(barmode="overlay", hovermode="closest")
    return finish(fig, title=title, height=max(380, 60 * len(rows) + 140))


def _events(fig: go.Figure, data: TimelineData, labels: dict[str, str], t: Translate) -> None:
    events = data.events
    if events.empty:
        return
    fig.add_trace(
        go.Scatter(
            x=[datetime.combine(d, time()).isoformat() for d in events.event_date],
            y=[labels[c] for c in events.work_package],
            mode="markers",
            marker={"color": ACTUAL, "size": 11, "line": {"color": "white", "width": 1}},
            name=t("dash.events"),
            customdata=[
                [n, t(term_key("event_type", e)), day_label(d, t)]
                for n, e, d in zip(events.name, events.event_type, events.event_date, strict=True)
            ],
            hovertemplate="%{customdata[0]}<br>%{customdata[1]} · %{customdata[2]}<extra></extra>",
        )
    )


def _activities(fig: go.Figure, data: TimelineData, labels: dict[str, str], t: Translate) -> None:
    """Issue 15: interviews, pilots, reports… as squares on their package's row."""
    rows = data.activities
    if rows.empty:
        return
    fig.add_trace(
        go.Scatter(
            x=[datetime.combine(d, time()).isoformat() for d in rows.activity_date],
            y=[labels[c] for c in rows.work_package],
            mode="markers",
            marker={"symbol": "square", "color": PLANNED, "size": 10, "line": {"color": "white"}},
            name=t("indicator.activities"),
            customdata=[
                [t(term_key("activity_kind", k)), n, day_label(d, t)]
                for k, n, d in zip(rows.kind, rows.activities, rows.activity_date, strict=True)
            ],
            hovertemplate="%{customdata[0]} (%{customdata[1]}) · %{customdata[2]}<extra></extra>",
        )
    )


def _milestones(fig: go.Figure, data: TimelineData, labels: dict[str, str], t: Translate) -> None:
    milestones = data.milestones
    if milestones.empty:
        return
    fig.add_trace(
        go.Scatter(
            x=[datetime.combine(d, time()).isoformat() for d in milestones.due_date],
            y=[labels[c] for c in milestones.work_package],
            mode="markers",
            marker={
                "symbol": "diamond",
                "color": TARGET,
                "size": 16,
                "line": {"color": "white", "width": 1},
            },
            name=t("dash.timeline.milestone"),
            customdata=[
                [label or t(label_key(Indicator(indicator))), value, day_label(d, t)]
                for label, indicator, value, d in zip(
                    milestones.label,
                    milestones.indicator,
                    milestones.value,
                    milestones.due_date,
                    strict=True,
                )
            ],
            hovertemplate="%{customdata[0]}: %{customdata[1]}<br>%{customdata[2]}<extra></extra>",
        )
    )
