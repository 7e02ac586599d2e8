"""Partnership charts: commitments committed vs delivered, scholarship euros, new companies
against the target, and the company mix."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from core.charts import ACTUAL, TARGET, base_layout
from core.charts_dash import (
    Translate,
    bar_chart,
    finish,
    hidden_note,
    month_name,
    no_data_figure,
)
from core.dashboards.protect import TOTAL_KEY, Shown
from core.dashboards.views import SIZES, PartnershipView

MEASURES = ("committed", "delivered")


def _years(shown: Shown) -> list[str]:
    return [c for c in shown.values.columns if c != TOTAL_KEY]


def _kinds(shown: Shown) -> list[str]:
    return [k for k in shown.values.index if k != TOTAL_KEY]


def commitments_figure(view: PartnershipView, t: Translate, *, title: str = "") -> go.Figure:
    """Places (and scholarships) committed against delivered, per kind, over the period's years."""
    kinds = _kinds(view.committed)
    if not kinds:
        return no_data_figure(t, title=title)
    both = pd.concat(
        [view.committed.values[TOTAL_KEY], view.delivered.values[TOTAL_KEY]], axis=1
    ).set_axis(list(MEASURES), axis=1)
    text = pd.concat(
        [view.committed.text[TOTAL_KEY], view.delivered.text[TOTAL_KEY]], axis=1
    ).set_axis(list(MEASURES), axis=1)
    hidden = pd.concat(
        [view.committed.hidden[TOTAL_KEY], view.delivered.hidden[TOTAL_KEY]], axis=1
    ).set_axis(list(MEASURES), axis=1)
    shown = Shown(both, text, hidden, view.committed.threshold, view.committed.suppressed)
    fig = bar_chart(
        shown,
        rows=kinds,
        columns=MEASURES,
        row_label=lambda k: t(f"code.commitment_kind.{k}"),
        column_label=lambda m: t(f"dash.{m}"),
        t=t,
        value_title=t("dash.count"),
        palette={"committed": "#9ecae1", "delivered": ACTUAL},
    )
    return finish(fig, title=title)


def scholarships_figure(view: PartnershipView, t: Translate, *, title: str = "") -> go.Figure:
    """Committed scholarship euros per year (hidden where fewer companies than the threshold)."""
    euros = view.euros
    key = "scholarship"
    years = _years(euros)
    if key not in euros.values.index or not years:
        return no_data_figure(t, title=title)
    row = Shown(
        euros.values.loc[[key], years].T,
        euros.text.loc[[key], years].T.map(_euro_text),
        euros.hidden.loc[[key], years].T,
        euros.threshold,
        euros.suppressed,
    )
    fig = bar_chart(
        row,
        rows=years,
        columns=[key],
        row_label=str,
        column_label=lambda _: t("dash.euros"),
        t=t,
        value_title="€",
        palette={key: "#009e73"},
    )
    return finish(fig, title=title)


def _euro_text(text: str) -> str:
    return f"{int(text):,} €".replace(",", " ") if text.isdigit() else text


def new_companies_figure(view: PartnershipView, t: Translate, *, title: str = "") -> go.Figure:
    """New companies per month (bars), cumulative count (line) and the companies target."""
    bars = view.new_companies
    months = [m for m in bars.values.index if m != TOTAL_KEY]
    if not months:
        return no_data_figure(t, title=title)
    fig = bar_chart(
        bars,
        rows=months,
        columns=["count"],
        row_label=month_name,
        column_label=lambda _: t("dash.new_companies"),
        t=t,
        value_title=t("dash.companies"),
        palette={"count": "#56b4e9"},
    )
    fig.data[0].showlegend = True
    fig.add_trace(
        go.Scatter(
            x=[m for m, _ in view.cumulative],
            y=[v for _, v in view.cumulative],
            mode="lines+markers",
            line={"color": ACTUAL, "width": 3},
            name=t("chart.cumulative"),
            yaxis="y2",
        )
    )
    top = max([v for _, v in view.cumulative] + [view.target or 0, 1])
    fig.update_layout(
        yaxis2={
            "overlaying": "y",
            "side": "right",
            "range": [0, top * 1.1],
            "showgrid": False,
            "tickmode": "auto",
            "title": t("chart.cumulative"),
        },
        showlegend=True,
    )
    if view.target:
        fig.add_hline(
            y=view.target,
            yref="y2",
            line={"color": TARGET, "width": 2},
            annotation_text=f"{t('chart.target')} {view.target}",
            annotation_position="top left",
        )
    if bars.suppressed:
        for note in fig.select_annotations(selector={"name": "hidden_note"}):
            note.text += "<br>" + t("dash.cumulative_note")
    return finish(fig, title=title)


def company_mix_figure(view: PartnershipView, t: Translate, *, title: str = "") -> go.Figure:
    """Companies by municipality (rows) and size class (colours), as a table-like heat map."""
    mix = view.mix
    places = [m for m in mix.values.index if m != TOTAL_KEY]
    if not places:
        return no_data_figure(t, title=title)
    sizes = [s for s in SIZES if s in mix.values.columns and (mix.values[s].fillna(1) > 0).any()]
    columns = [*sizes, TOTAL_KEY]
    rows = [*places, TOTAL_KEY]
    shade = mix.values.loc[rows, columns].copy()
    shade.loc[TOTAL_KEY] = float("nan")  # totals stay white: the colour is for the cells
    shade[TOTAL_KEY] = float("nan")
    fig = go.Figure(
        go.Heatmap(
            z=shade.to_numpy(),
            x=[t("gender.total") if c == TOTAL_KEY else t(f"code.size_class.{c}") for c in columns],
            y=[t("gender.total") if r == TOTAL_KEY else r for r in rows],
            text=mix.text.loc[rows, columns].to_numpy(),
            texttemplate="%{text}",
            colorscale=[[0, "#f7fbff"], [1, "#6baed6"]],
            showscale=False,
            hovertemplate="%{y} · %{x}: %{text}<extra></extra>",
            xgap=2,
            ygap=2,
        )
    )
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(side="top", type="category")
    hidden_note(fig, [mix], t)
    height = max(320, 40 * len(rows) + 120)
    return finish(base_layout(fig), title=title, height=height)
