"""Event charts: events over time, reach against attendance, repeat attendance, target groups,
and the funnel from events to participation and work."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from core.codes import term_key
from core.dashboards.charts.common import (
    Translate,
    bar_chart,
    colours,
    finish,
    legend_for,
    no_data_figure,
    sparse_ticks,
)
from core.dashboards.charts.kpi import ACTUAL
from core.dashboards.charts.locale import localise, months_of
from core.dashboards.common import months
from core.dashboards.views import FUNNEL, REPEAT_BUCKETS, EventView, FunnelStage
from core.i18n import Labelled, label_key
from core.privacy.rules import TOTAL
from core.privacy.shown import COUNT, Shown


class ColourBy(Labelled, key_prefix="events.by"):
    """What the bars of events over time are coloured (stacked) by."""

    EVENT_TYPE = "event_type"
    WORK_PACKAGE = "work_package"


BY_TYPE, BY_PACKAGE = ColourBy.EVENT_TYPE.value, ColourBy.WORK_PACKAGE.value


class EventCount(Labelled, key_prefix="dash"):
    """What an event table counts: distinct people, or attendances (a person once per event)."""

    PEOPLE = "people"
    ATTENDANCES = "attendances"


def events_figure(events: pd.DataFrame, by: str, t: Translate, *, title: str = "") -> go.Figure:
    """Events held per month, stacked by event type or by work package (not people: no
    suppression)."""
    if events.empty:
        return no_data_figure(t, title=title)
    table = events.pivot_table(index="month", columns=by, values="events", aggfunc="sum")
    first, last = min(table.index), max(table.index)
    span = months(pd.Timestamp(first).date(), pd.Timestamp(last).date())
    table = table.reindex(span).fillna(0).astype(int)
    fig = go.Figure()
    shades = colours(sorted(table.columns))
    for key in sorted(table.columns):
        name = t(term_key("event_type", key)) if by == BY_TYPE else str(key)
        fig.add_trace(
            go.Bar(x=list(table.index), y=table[key], name=name, marker_color=shades[key])
        )
    fig.update_layout(barmode="stack", hovermode="x unified")
    localise(fig, t)
    fig.update_xaxes(type="category", tickangle=0, **sparse_ticks(list(table.index), months_of(t)))
    legend_for(fig, len(table.columns))
    fig.update_yaxes(
        title=t("dash.events"), rangemode="tozero", dtick=1 if table.sum(axis=1).max() < 8 else None
    )
    return finish(fig, title=title)


def reach_figure(view: EventView, t: Translate, *, title: str = "") -> go.Figure:
    """Per month: attendances against unique people (the gap is people who came back)."""
    reach = view.reach
    rows = [m for m in reach.values.index if m != TOTAL]
    if not rows or not (reach.values.fillna(1).to_numpy() > 0).any():
        return no_data_figure(t, title=title)
    fig = bar_chart(
        reach,
        rows=rows,
        columns=["attendances", "people"],
        row_label=months_of(t),
        column_label=lambda c: t(label_key(EventCount(c))),
        t=t,
        value_title=t("dash.count"),
        palette={"attendances": "#9ecae1", "people": ACTUAL},
    )
    return finish(fig, title=title)


def repeat_figure(view: EventView, t: Translate, *, title: str = "") -> go.Figure:
    """People by how many events they came to in the period."""
    if not view.unique_people and not view.repeat.any_hidden:
        return no_data_figure(t, title=title)
    fig = bar_chart(
        view.repeat,
        rows=[label for label, _, _ in REPEAT_BUCKETS],
        columns=[COUNT],
        row_label=str,
        column_label=lambda _: t("dash.people"),
        t=t,
        value_title=t("dash.people"),
    )
    fig.update_xaxes(title=t("dash.events_attended"))
    return finish(fig, title=title)


def groups_figure(
    view: EventView, names: Mapping[str, str], t: Translate, *, title: str = ""
) -> go.Figure:
    """Unique people and attendances by target group."""
    groups = [g for g in view.groups.values.index if g != TOTAL]
    if not groups:
        return no_data_figure(t, title=title)
    fig = bar_chart(
        view.groups,
        rows=groups,
        columns=["people", "attendances"],
        row_label=lambda g: names.get(g, g),
        column_label=lambda c: t(label_key(EventCount(c))),
        t=t,
        horizontal=True,
        palette={"people": ACTUAL, "attendances": "#9ecae1"},
    )
    return finish(fig, title=title, height=max(380, 70 * len(groups) + 120))


FUNNEL_STAGES = [*FUNNEL[:2], "places", FUNNEL[2]]


def funnel_stages(view: EventView) -> Shown:
    """The funnel's people stages with the places stage put in its place (third)."""
    funnel, places = view.funnel, view.places

    def stacked(attribute: str) -> pd.DataFrame:
        place = getattr(places, attribute)[[COUNT]].drop(index=TOTAL, errors="ignore")
        joined: pd.DataFrame = pd.concat([getattr(funnel, attribute), place])
        return joined.loc[FUNNEL_STAGES]

    return Shown(
        stacked("values"), stacked("text"), stacked("hidden"), funnel.threshold, funnel.suppressed
    )


def funnel_figure(view: EventView, t: Translate, *, title: str = "") -> go.Figure:
    """From event attendance to participation, internship or thesis places, and work."""
    if not (view.funnel.values.fillna(1)[COUNT] > 0).any():
        return no_data_figure(t, title=title)
    fig = bar_chart(
        funnel_stages(view),
        rows=FUNNEL_STAGES,
        columns=[COUNT],
        row_label=lambda s: t(label_key(FunnelStage(s))),
        column_label=lambda _: t("dash.count"),
        t=t,
        horizontal=True,
        palette={COUNT: ACTUAL},
    )
    # Places are not people: colour that bar apart so the funnel is not read as one cohort.
    fig.data[0].marker.color = [ACTUAL, ACTUAL, "#e69f00", ACTUAL]
    return finish(fig, title=title, height=420)
