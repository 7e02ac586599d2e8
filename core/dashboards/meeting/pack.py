"""The steering pack: the one list of charts that meeting mode shows and its exports contain."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from core.codes import (
    EntryStatus,
    FollowUpStatus,
    Gender,
    Role,
    SizeClass,
    term_key,
)
from core.dashboards.bundle import DashboardData, Views, dashboard_data, views_for
from core.dashboards.charts.common import Translate, cumulative_figure, for_meeting
from core.dashboards.charts.events import (
    BY_TYPE,
    EventCount,
    events_figure,
    funnel_figure,
    funnel_stages,
    groups_figure,
    reach_figure,
    repeat_figure,
)
from core.dashboards.charts.locale import day_label, month_label
from core.dashboards.charts.partnerships import (
    Measure,
    commitment_totals,
    commitments_figure,
    company_mix_figure,
    company_sizes_figure,
    new_companies_figure,
    scholarship_euros,
    scholarships_figure,
)
from core.dashboards.charts.plan import plan_figure, plan_table
from core.dashboards.charts.results import by_gender_figure, by_spearhead_figure, row_label
from core.dashboards.charts.timeline import timeline_figure
from core.dashboards.filters import Choice, FilterOptions, Filters
from core.dashboards.meeting import tables
from core.dashboards.meeting.budget import budget_chart, budget_table
from core.dashboards.meeting.tables import PackTable, grouped
from core.dashboards.results import Intent, Place, Rung
from core.dashboards.views import OTHER_PLACES, EventView, FunnelStage, PartnershipView
from core.i18n import Labelled, label_key
from core.privacy.rules import rule_for

Draw = Callable[[Views, Translate], go.Figure]
Tabulate = Callable[[Views, Translate], PackTable]
Words = Callable[[Translate], str]  # a title in the language of the translator it is given


@dataclass(frozen=True)
class PackChart:
    """One chart of the steering pack: drawn in meeting mode and in the image exports, and
    tabulated as a sheet of the Excel pack."""

    key: str  # stable: it names the PNG file and the meeting's position in the URL
    title: Words
    sheet: Words  # a short title (Excel sheet names stop at 31 characters)
    draw: Draw
    tabulate: Tabulate


def _spearheads(which: str, codes: type[Labelled], all_rows: bool = False) -> tuple[Draw, Tabulate]:
    def draw(v: Views, t: Translate) -> go.Figure:
        shown = getattr(v.results, which)
        return by_spearhead_figure(shown, codes, v.spearheads, t, all_rows=all_rows)

    def tabulate(v: Views, t: Translate) -> PackTable:
        return grouped(
            getattr(v.results, which),
            header="",
            row_label=row_label(codes, t),
            column_label=lambda code: v.spearheads.get(code, t("dash.no_spearhead")),
            t=t,
            stacked=True,
        )

    return draw, tabulate


def _genders(which: str) -> tuple[Draw, Tabulate]:
    def draw(v: Views, t: Translate) -> go.Figure:
        return by_gender_figure(getattr(v.results, which), FollowUpStatus, t)

    def tabulate(v: Views, t: Translate) -> PackTable:
        return grouped(
            getattr(v.results, which),
            header=t("pack.status"),
            row_label=row_label(FollowUpStatus, t),
            column_label=lambda g: t(label_key(Gender(g))),
            t=t,
            stacked=True,
        )

    return draw, tabulate


def _participants(v: Views, t: Translate) -> go.Figure:
    progress = v.progress
    return cumulative_figure(
        progress.entries,
        progress.cumulative,
        t,
        target=progress.target,
        planned=progress.planned,
        bar_name=t("dash.new_participants"),
        axis_title=t("indicator.participants"),
    )


def _by_status(v: Views, t: Translate) -> go.Figure:
    return by_gender_figure(v.progress.by_status, EntryStatus, t)


def _events_held(v: Views, t: Translate) -> go.Figure:
    return events_figure(v.events.events, BY_TYPE, t)


def _of_partnerships(draw: Callable[[PartnershipView, Translate], go.Figure]) -> Draw:
    return lambda v, t: draw(v.partnerships, t)


def _of_events(draw: Callable[[EventView, Translate], go.Figure]) -> Draw:
    return lambda v, t: draw(v.events, t)


def _commitments(v: Views, t: Translate) -> PackTable:
    return grouped(
        commitment_totals(v.partnerships),
        header=t("dash.column.kind"),
        row_label=lambda k: t(term_key("commitment_kind", k)),
        column_label=lambda m: t(label_key(Measure(m))),
        t=t,
        totals=False,
    )


def _scholarships(v: Views, t: Translate) -> PackTable:
    euros = scholarship_euros(v.partnerships)
    if euros is None:
        return PackTable(pd.DataFrame({t("dash.column.year"): []}), "bar")
    return grouped(
        euros, header=t("dash.column.year"), row_label=str, column_label=lambda _: "€", t=t,
        totals=False,
    )  # fmt: skip


def _mix(v: Views, t: Translate) -> PackTable:
    return grouped(
        v.partnerships.places,
        header=t("dash.column.municipality"),
        row_label=lambda place: (
            t("dash.other_municipalities", threshold=v.partnerships.places.threshold)
            if place == OTHER_PLACES
            else place
        ),
        column_label=lambda s: t(label_key(SizeClass(s))),
        t=t,
        stacked=True,
    )


def _reach(v: Views, t: Translate) -> PackTable:
    return grouped(
        v.events.reach,
        header=t("chart.month"),
        row_label=str,
        column_label=lambda c: t(label_key(EventCount(c))),
        t=t,
        totals=False,
    )


def _groups(v: Views, t: Translate) -> PackTable:
    return grouped(
        v.events.groups,
        header=t("pack.target_group"),
        row_label=lambda g: v.target_groups.get(g, g),
        column_label=lambda c: t(label_key(EventCount(c))),
        t=t,
    )


def _funnel(v: Views, t: Translate) -> PackTable:
    return grouped(
        funnel_stages(v.events),
        header="",
        row_label=lambda s: t(label_key(FunnelStage(s))),
        column_label=lambda _: t("dash.count"),
        t=t,
        totals=False,
    )


# issue 15: every target of the definition, as the steering group sees it.
def _plan_figure(v: Views, t: Translate) -> go.Figure:
    return plan_figure(v.plan, t, v.lang)


def _plan_table(v: Views, t: Translate) -> PackTable:
    table = plan_table(v.plan, t, v.lang)
    keep = [t("plan.col.target"), t("chart.actual"), t("chart.planned"), t("chart.target")]
    return PackTable(table[keep], "bar")


def _chart(key: str, title: Words, sheet: Words, draw: Draw, tabulate: Tabulate) -> PackChart:
    return PackChart(key, title, sheet, draw, tabulate)


# The pack, in meeting order: the one list the meeting, the image exports and the Excel pack
# (core.io.exports.steering_pack) draw from. Pages draw the same figures with the same functions.
PACK: list[PackChart] = [
    _chart("participants", lambda t: t("progress.participants"),
           lambda t: t("indicator.participants"), _participants, tables.participants),
    _chart("participants_by_status", lambda t: t("pack.status_by_gender"),
           lambda t: t("pack.status_by_gender"), _by_status, tables.by_status),
    _chart("companies", lambda t: t("partnerships.new_companies"),
           lambda t: t("indicator.companies"), _of_partnerships(new_companies_figure),
           tables.companies),
    _chart("company_sizes", lambda t: t("pack.companies_by_size"),
           lambda t: t("pack.companies_by_size"), _of_partnerships(company_sizes_figure),
           tables.company_sizes),
    _chart("company_mix", lambda t: t("partnerships.mix"), lambda t: t("pack.sheet.mix"),
           _of_partnerships(company_mix_figure), _mix),
    _chart("commitments", lambda t: t("partnerships.commitments"),
           lambda t: t("pack.sheet.commitments"), _of_partnerships(commitments_figure),
           _commitments),
    _chart("scholarships", lambda t: t("partnerships.scholarships"),
           lambda t: t("pack.sheet.scholarships"), _of_partnerships(scholarships_figure),
           _scholarships),
    _chart("events", lambda t: t("events.over_time"), lambda t: t("pack.sheet.events"),
           _events_held, tables.events_held),
    _chart("reach", lambda t: t("events.reach"), lambda t: t("pack.sheet.reach"),
           _of_events(reach_figure), _reach),
    _chart("repeat", lambda t: t("events.repeat"), lambda t: t("pack.sheet.repeat"),
           _of_events(repeat_figure), tables.repeat),
    _chart("target_groups", lambda t: t("events.groups"), lambda t: t("pack.event_reach"),
           lambda v, t: groups_figure(v.events, v.target_groups, t), _groups),
    _chart("funnel", lambda t: t("events.funnel"), lambda t: t("pack.sheet.funnel"),
           _of_events(funnel_figure), _funnel),
    _chart("immediate", lambda t: t("results.immediate"), lambda t: t("pack.sheet.immediate"),
           *_genders("immediate")),
    _chart("six_months", lambda t: t("results.six_months"),
           lambda t: t("pack.sheet.six_months"), *_genders("six_months")),
    _chart("ladder", lambda t: t("results.ladder"), lambda t: t("pack.sheet.ladder"),
           *_spearheads("ladder", Rung, all_rows=True)),
    _chart("retention", lambda t: t("results.retention"), lambda t: t("pack.sheet.retention"),
           *_spearheads("retention", Place)),
    _chart("intent", lambda t: t("results.intent"), lambda t: t("pack.sheet.intent"),
           *_spearheads("intent", Intent, all_rows=True)),
    _chart("plan", lambda t: t("pack.plan"), lambda t: t("pack.sheet.plan"), _plan_figure,
           _plan_table),
    _chart("timeline", lambda t: t("timeline.title"), lambda t: t("pack.sheet.timeline"),
           lambda v, t: timeline_figure(v.timeline, t, today=v.today, lang=v.lang),
           tables.timeline),
    # Issue 17
    _chart("budget", lambda t: t("budget.chart_title"), lambda t: t("page.budget"),
           budget_chart, budget_table),
]  # fmt: skip
PACK_KEYS = [chart.key for chart in PACK]


def pack_sheets(views: Views, t: Translate) -> list[tuple[str, PackTable]]:
    """Every chart of the pack as (sheet title, table): what the Excel pack writes."""
    return [(chart.sheet(t), chart.tabulate(views, t)) for chart in PACK]


@dataclass(frozen=True)
class Slide:
    key: str
    title: str
    figure: go.Figure
    table: PackTable  # the numbers drawn, for an editable chart and the speaker notes
    note: str = ""  # the one-line privacy note, when the chart hides anything


@dataclass(frozen=True)
class Cover:
    """The title slide and title page of an exported pack."""

    title: str
    lines: tuple[str, ...]  # project, date, filters, disclosure rule
    no_data: str  # what a chart without numbers says


MONTH = re.compile(r"^\d{4}-\d{2}$")


def slide(chart: PackChart, views: Views, t: Translate) -> Slide:
    """One chart of the pack, drawn big for a projector, with its numbers."""
    title = chart.title(t)
    figure = for_meeting(chart.draw(views, t), title, t)
    subtitle = figure.layout.title.subtitle.text or ""
    pack = chart.tabulate(views, t)
    table = pack.table.copy()
    if len(table.columns):
        first = table.columns[0]
        table[first] = [
            month_label(v, t) if isinstance(v, str) and MONTH.match(v) else v for v in table[first]
        ]
    return Slide(chart.key, title, figure, replace(pack, table=table), subtitle)


def cover(
    *, project: str, filters: Filters, options: FilterOptions, t: Translate, lang: str, today: date
) -> Cover:
    """Project, date, the filters in words and the disclosure rule, in the UI's language."""
    rule = rule_for(Role.STEERING)

    def chosen(codes: tuple[str, ...], choices: tuple[Choice, ...]) -> str:
        names = {c.code: c.label(lang) for c in choices}
        return ", ".join(names.get(code, code) for code in codes) or t("filters.none_chosen")

    period = t(
        "meeting.cover_period", start=day_label(filters.start, t), end=day_label(filters.end, t)
    )
    lines = (
        project,
        t("meeting.cover_day", day=day_label(today, t)),
        period,
        f"{t('filters.work_package')}: {chosen(filters.work_packages, options.work_packages)}",
        f"{t('filters.spearhead')}: {chosen(filters.spearheads, options.spearheads)}",
        f"{t('filters.target_group')}: {chosen(filters.target_groups, options.target_groups)}",
        t("meeting.cover_rule", threshold=rule.threshold, marker=rule.marker),
    )
    return Cover(t("meeting.deck_title"), lines, t("dash.no_data"))


def meeting_slides(data: DashboardData, t: Translate, lang: str, today: date) -> list[Slide]:
    """The whole pack as the steering group sees it: every count suppressed, whoever asks."""
    views = views_for(data, Role.STEERING, lang, today)
    return [slide(chart, views, t) for chart in PACK]


__all__ = [
    "PACK",
    "PACK_KEYS",
    "Cover",
    "DashboardData",
    "PackChart",
    "Slide",
    "Views",
    "cover",
    "dashboard_data",
    "meeting_slides",
    "pack_sheets",
    "slide",
    "views_for",
]
