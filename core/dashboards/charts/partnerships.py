"""Partnership charts: commitments committed vs delivered, scholarship euros, new companies
against the target, and the company mix."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from core.codes import SizeClass, term_key
from core.dashboards.charts.common import (
    Translate,
    bar_chart,
    cumulative_figure,
    finish,
    hidden_note,
    no_data_figure,
)
from core.dashboards.charts.kpi import ACTUAL, base_layout
from core.dashboards.charts.locale import localise, number, number_text
from core.dashboards.partnerships import SCHOLARSHIP
from core.dashboards.views import OTHER_PLACES, SIZES, PartnershipView
from core.i18n import Labelled, label_key
from core.privacy.rules import TOTAL
from core.privacy.shown import Shown


class Measure(Labelled, key_prefix="dash"):
    """The two sides of the commitments ledger."""

    COMMITTED = "committed"
    DELIVERED = "delivered"


MEASURES = tuple(measure.value for measure in Measure)


def _years(shown: Shown) -> list[str]:
    return [c for c in shown.values.columns if c != TOTAL]


def _kinds(shown: Shown) -> list[str]:
    return [k for k in shown.values.index if k != TOTAL]


def commitment_totals(view: PartnershipView) -> Shown:
    """Committed and delivered per kind over the period's years (the ledger's total column)."""
    # One year in the period: that year's column is the total (there is no total column).
    column = TOTAL if TOTAL in view.committed.values.columns else _years(view.committed)[0]
    both = pd.concat(
        [view.committed.values[column], view.delivered.values[column]], axis=1
    ).set_axis(list(MEASURES), axis=1)
    text = pd.concat([view.committed.text[column], view.delivered.text[column]], axis=1).set_axis(
        list(MEASURES), axis=1
    )
    hidden = pd.concat(
        [view.committed.hidden[column], view.delivered.hidden[column]], axis=1
    ).set_axis(list(MEASURES), axis=1)
    return Shown(both, text, hidden, view.committed.threshold, view.committed.suppressed)


def commitments_figure(view: PartnershipView, t: Translate, *, title: str = "") -> go.Figure:
    """Places (and scholarships) committed against delivered, per kind, over the period's years."""
    kinds = _kinds(view.committed)
    if not kinds:
        return no_data_figure(t, title=title)
    fig = bar_chart(
        commitment_totals(view),
        rows=kinds,
        columns=MEASURES,
        row_label=lambda k: t(term_key("commitment_kind", k)),
        column_label=lambda m: t(label_key(Measure(m))),
        t=t,
        value_title=t("dash.count"),
        palette={"committed": "#9ecae1", "delivered": ACTUAL},
    )
    return finish(fig, title=title)


def scholarship_euros(view: PartnershipView) -> Shown | None:
    """Committed scholarship euros per year, or None when there are none in the period."""
    euros, key = view.euros, SCHOLARSHIP
    years = _years(euros)
    if key not in euros.values.index or not years:
        return None
    return Shown(
        euros.values.loc[[key], years].T,
        euros.text.loc[[key], years].T,
        euros.hidden.loc[[key], years].T,
        euros.threshold,
        euros.suppressed,
    )


def scholarships_figure(view: PartnershipView, t: Translate, *, title: str = "") -> go.Figure:
    """Committed scholarship euros per year (hidden where fewer companies than the threshold)."""
    row = scholarship_euros(view)
    if row is None:
        return no_data_figure(t, title=title)
    key = SCHOLARSHIP
    fig = bar_chart(
        Shown(
            row.values,
            row.text.map(lambda text: _euro_text(text, t)),
            row.hidden,
            row.threshold,
            row.suppressed,
        ),
        rows=_years(view.euros),
        columns=[key],
        row_label=str,
        column_label=lambda _: t("dash.euros"),
        t=t,
        value_title="€",
        palette={key: "#009e73"},
    )
    return finish(fig, title=title)


def _euro_text(text: str, t: Translate) -> str:
    return f"{number(int(text), t)} €" if text.isdigit() else text


def _place(key: str, t: Translate, threshold: int) -> str:
    if key == TOTAL:
        return t("gender.total")
    return t("dash.other_municipalities", threshold=threshold) if key == OTHER_PLACES else key


def company_sizes_figure(view: PartnershipView, t: Translate, *, title: str = "") -> go.Figure:
    """Companies by size class: the totals row of the company mix, protected with it."""
    mix = view.mix
    sizes = [s for s in SIZES if s in mix.values.columns]
    if TOTAL not in mix.values.index or not sizes:
        return no_data_figure(t, title=title)

    def row(frame: pd.DataFrame) -> pd.DataFrame:
        return frame.loc[[TOTAL], sizes].T.set_axis(["count"], axis=1)

    shown = Shown(row(mix.values), row(mix.text), row(mix.hidden), mix.threshold, mix.suppressed)
    fig = bar_chart(
        shown,
        rows=sizes,
        columns=["count"],
        row_label=lambda s: t(label_key(SizeClass(s))),
        column_label=lambda _: t("dash.companies"),
        t=t,
        value_title=t("dash.companies"),
    )
    return finish(fig, title=title)


def new_companies_figure(view: PartnershipView, t: Translate, *, title: str = "") -> go.Figure:
    """New companies per month (bars), cumulative count (line) and the companies target."""
    return cumulative_figure(
        view.new_companies,
        view.cumulative,
        t,
        target=view.target,
        bar_name=t("dash.new_companies"),
        axis_title=t("dash.companies"),
        title=title,
    )


def company_mix_figure(view: PartnershipView, t: Translate, *, title: str = "") -> go.Figure:
    """Companies by municipality (rows) and size class (colours), as a table-like heat map;
    size classes merged into the total column when the mix would be mostly hidden."""
    mix = view.places
    places = [m for m in mix.values.index if m != TOTAL]
    if not places:
        return no_data_figure(t, title=title)
    sizes = [s for s in SIZES if s in mix.values.columns and (mix.values[s].fillna(1) > 0).any()]
    columns = [*sizes, TOTAL]
    rows = [*places, TOTAL]
    shade = mix.values.loc[rows, columns].copy()
    shade.loc[TOTAL] = float("nan")  # totals stay white: the colour is for the cells
    if sizes:
        shade[TOTAL] = float("nan")
    # Hidden cells and totals in the palest shade: a map of nothing but gaps (the steering view
    # of a small project) would otherwise draw no cells and none of their markers at all.
    shade = shade.fillna(0.0)
    fig = go.Figure(
        go.Heatmap(
            z=shade.to_numpy(),
            x=[t("gender.total") if c == TOTAL else t(label_key(SizeClass(c))) for c in columns],
            y=[_place(r, t, mix.threshold) for r in rows],
            text=[
                [number_text(str(c), t) for c in row] for row in mix.text.loc[rows, columns].values
            ],
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
    localise(fig, t)
    height = max(320, 40 * len(rows) + 120)
    return finish(base_layout(fig), title=title, height=height)
