"""Survey charts: one bar chart per question of published counts (issue 15)."""

from __future__ import annotations

import plotly.graph_objects as go

from core.dashboards.charts.common import Translate, bar_chart, finish, no_data_figure
from core.privacy.shown import COUNT, Shown
from core.surveys.questions import SCALE, QuestionType
from core.surveys.results import QuestionResult


def question_figure(result: QuestionResult, t: Translate, lang: str) -> go.Figure:
    """How many chose each option (or scale point), as published; hidden cells marked."""
    shown = result.counts
    question = result.question
    if shown is None:
        return no_data_figure(t)
    keys = (
        list(SCALE) if question.type is QuestionType.SCALE else [o.code for o in question.options]
    )
    fig = bar_chart(
        shown,
        rows=keys,
        columns=[COUNT],
        row_label=lambda k: question.option_label(k, lang),
        column_label=lambda _: t("survey.col.responses"),
        t=t,
        horizontal=question.type is not QuestionType.SCALE,
    )
    return finish(fig, height=max(260, 60 + 40 * len(keys)))


def year_figure(means: Shown, t: Translate) -> go.Figure:
    """T3.1: mean experience by year of study (hidden years marked)."""
    fig = bar_chart(
        means,
        rows=list(means.values.index),
        columns=[COUNT],
        row_label=lambda y: y,
        column_label=lambda _: t("survey.t31.mean"),
        t=t,
        value_title=t("survey.t31.mean"),
    )
    fig.update_xaxes(title=t("survey.year"))
    fig.update_yaxes(range=[0, 5])
    return finish(fig, height=320)
