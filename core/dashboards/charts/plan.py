"""Every target of the plan in words, as a table and as a chart of progress against the planned
pace (issue 15). Pure functions over already published numbers (core.indicators.plan)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from core.codes import term_key
from core.dashboards.charts.common import Translate, finish, no_data_figure
from core.dashboards.charts.kpi import ACTUAL, PLANNED
from core.dashboards.charts.locale import day_label
from core.i18n import label_key
from core.indicators.overview import Trajectory
from core.indicators.plan import PlanTarget
from core.project.plan_def import KIND_FAMILY


def target_name(item: PlanTarget, t: Translate, lang: str) -> str:
    """The target in words: its own name, or what it counts ("Events · Workshop · 2026")."""
    own = item.label[1] if lang == "fi" else item.label[0]
    parts = [own] if own else [t(label_key(item.indicator))]
    if not own:
        if item.event_type:
            parts.append(t(term_key("event_type", item.event_type)))
        family = KIND_FAMILY.get(item.indicator)
        if item.kind and family is not None:
            parts.append(t(term_key(family, item.kind)))
        parts += [value for _, value in sorted(item.condition.items())]
    if item.period_label:
        parts.append(item.period_label)
    if item.due is not None:
        parts.append(t("plan.due", day=day_label(item.due, t)))
    return " · ".join(parts)


def package_title(code: str, names: tuple[str, str], t: Translate, lang: str) -> str:
    if not code:
        return t("plan.whole_project")
    name = names[1] if lang == "fi" else names[0]
    return f"{code} {name}".strip()


def plan_table(items: list[PlanTarget], t: Translate, lang: str) -> pd.DataFrame:
    """One row per target: name, work package, actual (as published), target, % done, the
    planned value by now and the pace status."""
    rows = []
    for item in items:
        progress = item.progress
        rows.append(
            {
                t("plan.col.target"): target_name(item, t, lang),
                t("plan.col.package"): item.work_package or "—",
                t("chart.actual"): int(item.actual_text) if not item.hidden else item.actual_text,
                t("chart.target"): progress.target,
                "%": None if progress.percent is None else round(progress.percent, 1),
                t("chart.planned"): round(progress.planned),
                t("pack.status"): t(label_key(progress.status)),
            }
        )
    columns = [
        t("plan.col.target"),
        t("plan.col.package"),
        t("chart.actual"),
        t("chart.target"),
        "%",
        t("chart.planned"),
        t("pack.status"),
    ]
    return pd.DataFrame(rows, columns=columns)


def plan_figure(items: list[PlanTarget], t: Translate, lang: str, *, title: str = "") -> go.Figure:
    """Per target, how much of it is done (bar) and how much the plan expected by now (mark),
    both as a share of the target, so small and large targets fit one axis."""
    shown = [i for i in items if i.progress.target > 0]
    if not shown:
        return no_data_figure(t, title=title)
    names = [target_name(i, t, lang) for i in shown]
    done = [min(100.0 * i.progress.actual / i.progress.target, 150.0) for i in shown]
    planned = [min(100.0 * i.progress.planned / i.progress.target, 150.0) for i in shown]
    texts = [
        f"{i.actual_text} / {i.progress.target}" if not i.hidden else i.actual_text for i in shown
    ]
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            y=names,
            x=done,
            orientation="h",
            marker_color=ACTUAL,
            name=t("plan.done_share"),
            text=texts,
            textposition="auto",
            hovertemplate="%{x:.0f} %<extra></extra>",
        )
    )
    fig.add_trace(
        go.Scatter(
            y=names,
            x=planned,
            mode="markers",
            marker={"symbol": "line-ns-open", "size": 22, "color": PLANNED, "line": {"width": 3}},
            name=t("plan.planned_share"),
            hovertemplate="%{x:.0f} %<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(ticksuffix=" %", range=[0, max(110.0, *done, *planned)])
    return finish(fig, title=title, height=max(300, 60 + 42 * len(shown)))


def as_trajectory(item: PlanTarget) -> Trajectory:
    """A target of the plan drawn as the headline trajectories are."""
    return Trajectory(item.progress, item.actual, item.planned, item.forecast, item.actual_text)
