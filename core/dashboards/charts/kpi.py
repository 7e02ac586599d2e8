"""Pure functions that turn Silta's numbers into plotly figures (no Streamlit here)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from core.indicators.overview import Trajectory

# One palette for all charts: readable on a projector, distinguishable in grey scale.
ACTUAL = "#1f4e79"
PLANNED = "#7f7f7f"
TARGET = "#c0392b"
FORECAST = "#2e86c1"
BAND = "rgba(46, 134, 193, 0.18)"
FONT_SIZE = 15


def base_layout(fig: go.Figure, *, title: str = "", height: int = 420) -> go.Figure:
    fig.update_layout(
        title=title or None,
        height=height,
        font={"size": FONT_SIZE},
        margin={"l": 10, "r": 10, "t": 50 if title else 20, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        hovermode="x unified",
    )
    return fig


def trajectory_figure(
    trajectory: Trajectory, t: Callable[[str], str], *, title: str = "", height: int = 420
) -> go.Figure:
    """Actual cumulative count against the target, the planned line and the forecast band."""
    progress = trajectory.progress
    fig = go.Figure()
    if trajectory.forecast is not None:
        band = trajectory.forecast
        fig.add_trace(
            go.Scatter(
                x=band.months,
                y=band.high,
                mode="lines",
                line={"width": 0},
                showlegend=False,
                hoverinfo="skip",
            )
        )
        fig.add_trace(
            go.Scatter(
                x=band.months,
                y=band.low,
                mode="lines",
                line={"width": 0},
                fill="tonexty",
                fillcolor=BAND,
                name=t("chart.forecast_band"),
                hoverinfo="skip",
            )
        )
        last_day, last_value = trajectory.actual[-1]
        fig.add_trace(
            go.Scatter(
                x=[last_day, *band.months],
                y=[last_value, *band.expected],
                mode="lines",
                line={"color": FORECAST, "dash": "dot", "width": 2},
                name=t("chart.forecast"),
                hovertemplate="%{y:.0f}",
            )
        )
    fig.add_trace(
        go.Scatter(
            x=[d for d, _ in trajectory.planned],
            y=[v for _, v in trajectory.planned],
            mode="lines",
            line={"color": PLANNED, "dash": "dash", "width": 2},
            name=t("chart.planned"),
            hovertemplate="%{y:.0f}",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[d for d, _ in trajectory.actual],
            y=[v for _, v in trajectory.actual],
            mode="lines+markers",
            line={"color": ACTUAL, "width": 3},
            marker={"size": 5},
            name=t("chart.actual"),
            hovertemplate="%{y}",
        )
    )
    fig.add_hline(
        y=progress.target,
        line={"color": TARGET, "width": 2},
        annotation_text=f"{t('chart.target')} {progress.target}",
        annotation_position="top left",
    )
    _today_line(fig, progress.as_of, progress.period_start, progress.period_end, t("chart.today"))
    fig.update_yaxes(title=t("chart.cumulative"), rangemode="tozero")
    fig.update_xaxes(range=[progress.period_start, progress.period_end])
    return base_layout(fig, title=title, height=height)


def _today_line(fig: go.Figure, today: date, start: date, end: date, label: str) -> None:
    if start <= today <= end:
        fig.add_vline(x=today, line={"color": "#555", "width": 1, "dash": "dot"})
        fig.add_annotation(
            x=today,
            y=1,
            yref="paper",
            text=label,
            showarrow=False,
            yanchor="bottom",
            font={"size": FONT_SIZE - 3},
        )


def skill_heatmap(
    values: pd.DataFrame,
    display: pd.DataFrame,
    demand: pd.Series,
    demand_label: str,
    *,
    demand_text: pd.Series | None = None,
) -> go.Figure:
    """Skills (rows) × student groups, with the companies' demand as the last column.

    Hidden (suppressed) cells are blank, with their "<5" marker written in; colours are
    shares of each column's largest count, so small and large groups read alike.
    """
    numbers = values.astype("float64")
    scaled = numbers / numbers.max(axis=0).replace(0, 1)
    # Hidden demand (NaN) stays blank with its marker written in, like hidden student cells.
    demand_scaled = demand / max(float(demand.max(skipna=True) or 0.0), 1.0)
    z = scaled.assign(**{demand_label: demand_scaled}).to_numpy(dtype="float64")
    shown_demand = demand.astype(str) if demand_text is None else demand_text
    text = display.assign(**{demand_label: shown_demand}).to_numpy()
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[*map(str, values.columns), demand_label],
            y=list(values.index),
            text=text,
            texttemplate="%{text}",
            colorscale="Blues",
            showscale=False,
            hoverinfo="skip",
        )
    )
    fig.update_yaxes(autorange="reversed")
    height = 120 + 26 * len(values.index)
    return base_layout(fig, height=height)
