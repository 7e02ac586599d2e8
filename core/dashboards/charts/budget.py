"""The budget chart (issue 17): % of each cost line used against % of the project's time gone."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import plotly.graph_objects as go

from core.budget.view import BudgetView
from core.dashboards.charts.common import finish, no_data_figure
from core.dashboards.charts.kpi import ACTUAL, PLANNED
from core.dashboards.charts.locale import number

Translate = Callable[..., str]


def budget_figure(view: BudgetView, t: Translate, lang: str) -> go.Figure:
    """One bar per cost line and the total: the share of its budget used; a line marks the
    share of the project's time gone, so a bar well past it is spending ahead of time."""
    status = view.status
    if not status.costs:
        return no_data_figure(t, title=t("budget.chart_title"))
    names = [s.line.name(lang) for s in status.costs] + [t("budget.total")]
    used = [100 * (s.used or 0.0) for s in status.costs] + [100 * status.share_used]
    fig = go.Figure(
        go.Bar(
            x=used,
            y=names,
            orientation="h",
            marker_color=ACTUAL,
            text=[f"{value:.0f} %" for value in used],
            textposition="outside",
            name=t("budget.used_pct"),
            hovertemplate="%{y}: %{x:.1f} %<extra></extra>",
        )
    )
    elapsed = 100 * status.share_time
    fig.add_vline(x=elapsed, line_color=PLANNED, line_dash="dash", line_width=3)
    fig.add_annotation(
        x=elapsed,
        y=1.02,
        yref="paper",
        text=t("budget.time_gone", percent=f"{elapsed:.0f}"),
        showarrow=False,
        font_color=PLANNED,
        yanchor="bottom",
    )
    fig.update_xaxes(range=[0, max(105.0, *used) * 1.1], ticksuffix=" %")
    fig.update_yaxes(autorange="reversed")
    return finish(fig, title=t("budget.chart_title"), height=320)


def euros(value: Decimal | float, t: Translate) -> str:
    """622369 -> "622,369 €" / "622 369 €" in the UI's language."""
    return f"{number(float(value), t)} €"
