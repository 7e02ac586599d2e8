"""The contact funnel chart (issue 14): request → accepted → agreed → delivered → employed at
6 months, one bar per spearhead or company size class, or the total."""

from __future__ import annotations

from collections.abc import Mapping

import plotly.graph_objects as go

from core.codes import SizeClass
from core.contacts.funnel import NO_SPEARHEAD, FunnelBy, FunnelStage
from core.dashboards.charts.common import Label, Translate, bar_chart, finish, no_data_figure
from core.i18n import label_key
from core.privacy.rules import TOTAL
from core.privacy.shown import Shown


def group_label(by: FunnelBy, spearheads: Mapping[str, str], t: Translate) -> Label:
    """Column labels of a funnel broken down `by`: spearhead names, size classes, "Total"."""

    def label(code: str) -> str:
        if code == TOTAL:
            return t("gender.total")
        if by is FunnelBy.SIZE:
            return t(label_key(SizeClass(code)))
        return t("dash.no_spearhead") if code == NO_SPEARHEAD else spearheads.get(code, code)

    return label


def stage_label(t: Translate) -> Label:
    return lambda stage: t(label_key(FunnelStage(stage)))


def _groups(shown: Shown) -> list[str]:
    """Groups worth a bar: any with someone (a hidden cell counts); the total alone when the
    groups were merged or none has anyone."""
    values = shown.values
    groups = [
        c
        for c in values.columns
        if c != TOTAL and (values[c].isna().any() or bool((values[c] > 0).any()))
    ]
    return groups or [TOTAL]


def contact_funnel_figure(
    shown: Shown, by: FunnelBy, spearheads: Mapping[str, str], t: Translate, *, title: str = ""
) -> go.Figure:
    """The funnel's stages along the axis, one bar per group; hidden cells drawn as hidden."""
    if not shown.any_hidden and not bool((shown.values.fillna(0).to_numpy() > 0).any()):
        return no_data_figure(t, title=title)
    fig = bar_chart(
        shown,
        rows=list(shown.values.index),
        columns=_groups(shown),
        row_label=stage_label(t),
        column_label=group_label(by, spearheads, t),
        t=t,
        value_title=t("funnel.count"),
    )
    return finish(fig, title=title)
