"""Follow-up charts: EU results by gender, the qualitative-employment ladder, retention in the
region and intent to stay, by spearhead."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import plotly.graph_objects as go

from core.codes import FollowUpStatus, Gender
from core.dashboards.charts.common import Label, Translate, bar_chart, finish, no_data_figure
from core.dashboards.views import GENDERS, OTHER_STATUSES
from core.i18n import Labelled, label_key
from core.privacy.aggregate import ALL
from core.privacy.rules import TOTAL
from core.privacy.shown import Shown

GENDER_COLOURS = {"woman": "#cc79a7", "man": "#0072b2", "non_binary": "#e69f00", TOTAL: "#56b4e9"}


def row_label(codes: type[Labelled], t: Translate) -> Label:
    """Labels for rows that are codes of `codes`; for follow-up statuses, the row of rare
    statuses shown together (outside the manager's view) says so."""

    def label(code: str) -> str:
        if code == ALL:  # everyone together (core.privacy.aggregate)
            return t("gender.total")
        if codes is FollowUpStatus and code == OTHER_STATUSES:
            return t("code.follow_up_status.other")
        return t(label_key(codes(code)))

    return label


def _answered(shown: Shown) -> bool:
    """Anyone in the table at all (a hidden total still means someone answered)."""
    inner = shown.values.drop(index=TOTAL, errors="ignore")
    return shown.any_hidden or bool((inner.fillna(0).to_numpy() > 0).any())


def _rows(shown: Shown, keep_zero: Sequence[str] = ()) -> list[str]:
    """Rows worth a bar: anything not all zero (a hidden cell counts), plus `keep_zero`."""
    inner = shown.values.drop(index=TOTAL, errors="ignore")
    return [
        r
        for r in inner.index
        if r in keep_zero or inner.loc[r].isna().any() or (inner.loc[r] > 0).any()
    ]


def by_gender_figure(
    shown: Shown,
    codes: type[Labelled],
    t: Translate,
    *,
    title: str = "",
    keep_zero: Sequence[str] = (),
) -> go.Figure:
    """Statuses (or answers: the rows are `codes`) of those who left, one bar per gender."""
    if not _answered(shown):
        return no_data_figure(t, title=title)
    # Genders merged (core.privacy.aggregate) leave only the total column.
    genders = [g for g in GENDERS if g in shown.values.columns] or [TOTAL]
    rows = _rows(shown, keep_zero)
    fig = bar_chart(
        shown,
        rows=rows,
        columns=genders,
        row_label=row_label(codes, t),
        column_label=lambda g: t("gender.total") if g == TOTAL else t(label_key(Gender(g))),
        t=t,
        horizontal=True,
        value_title=t("dash.people"),
        palette=GENDER_COLOURS,
    )
    return finish(fig, title=title, height=_height(len(rows) * len(genders)))


def by_spearhead_figure(
    shown: Shown,
    codes: type[Labelled],
    names: Mapping[str, str],
    t: Translate,
    *,
    title: str = "",
    all_rows: bool = False,
) -> go.Figure:
    """Rows of `shown` (ladder rungs, places, answers: `codes`) with one bar per spearhead."""
    if not _answered(shown):
        return no_data_figure(t, title=title)
    # Spearheads merged (core.privacy.aggregate) leave only the total column.
    spearheads = [c for c in shown.values.columns if c != TOTAL] or [TOTAL]
    rows = [r for r in shown.values.index if r != TOTAL] if all_rows else _rows(shown)
    fig = bar_chart(
        shown,
        rows=rows,
        columns=spearheads,
        row_label=row_label(codes, t),
        column_label=lambda s: (
            t("gender.total") if s == TOTAL else names.get(s, t("dash.no_spearhead"))
        ),
        t=t,
        horizontal=True,
        value_title=t("dash.people"),
    )
    return finish(fig, title=title, height=_height(len(rows) * len(spearheads)))


def _height(bars: int) -> int:
    return max(360, 26 * bars + 200)
