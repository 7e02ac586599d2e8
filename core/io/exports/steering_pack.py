"""The steering-group pack as a workbook: a KPI table, then one sheet per chart of the pack
(its numbers and a native Excel chart). The charts are `core.dashboards.meeting.pack.PACK`, the same
list meeting mode shows and exports as images, and every count is protected as the steering
group sees it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from openpyxl.chart import BarChart, LineChart, Reference
from sqlmodel import Session

from core.codes import Role
from core.dashboards.charts.plan import plan_table
from core.dashboards.filters import Filters
from core.dashboards.meeting.pack import dashboard_data, pack_sheets, views_for
from core.dashboards.meeting.tables import PackTable
from core.i18n import label_key, translate
from core.indicators.overview import build_overview
from core.indicators.plan import plan_targets, published_plan
from core.io.exports.writer import BOLD, Book
from core.models import Project
from core.privacy.rules import rule_for

Translate = Callable[..., str]


def _kpi_sheet(
    book: Book, session: Session, project: Project, as_of: date, t: Translate, lang: str
) -> None:
    sheet = book.sheet(t("pack.kpi"), widths=(34, 10, 10, 8, 12, 16))
    sheet.append([project.name_fi if lang == "fi" and project.name_fi else project.name])
    sheet.append([t("overview.as_of", day=as_of.isoformat())])
    sheet.append([])
    sheet.append(
        [
            t("eu.indicator"),
            t("chart.target"),
            t("chart.actual"),
            "%",
            t("chart.planned"),
            t("pack.status"),
        ],
        BOLD,
    )
    # The same published numbers as the Overview shows steering (rounded, small ones hidden).
    overview = build_overview(session, project, as_of, role=Role.STEERING)
    rule = rule_for(Role.STEERING)
    for indicator, trajectory in overview.trajectories.items():
        progress = trajectory.progress
        sheet.append(
            [
                t(label_key(indicator)),
                progress.target,
                int(trajectory.actual_text) if not trajectory.hidden else trajectory.actual_text,
                None if progress.percent is None else round(progress.percent, 1),
                round(progress.planned),
                t(label_key(progress.status)),
            ]
        )
    # issue 15: then every other target of the definition, by work package.
    sheet.append([])
    sheet.append([t("pack.plan")], BOLD)
    plan = published_plan(plan_targets(session, project, as_of), Role.STEERING)
    table = plan_table([item for item in plan if not item.headline], t, lang)
    sheet.append(list(table.columns), BOLD)
    for row in table.itertuples(index=False):
        sheet.append(list(row))
    sheet.append([])
    sheet.append([t("pack.suppressed_note", marker=rule.marker)])


def _chart_sheet(book: Book, title: str, pack: PackTable) -> None:
    sheet = book.sheet(title, widths=(28,))
    sheet.table(pack.table, header=None)
    rows, cols = len(pack.table), len(pack.table.columns)
    if rows == 0 or cols < 2:
        return  # nothing to chart: the sheet says so by being empty
    chart = LineChart() if pack.chart == "line" else BarChart()
    if isinstance(chart, BarChart):
        chart.type = "col"
        if pack.chart == "stacked":
            chart.grouping, chart.overlap = "stacked", 100
    if pack.totals:
        rows -= 1  # totals are in the table, not bars of their own
        cols -= 1 if pack.chart == "stacked" else 0
    chart.title = title
    chart.height, chart.width = 10, 22
    data = Reference(sheet.worksheet, min_col=2, max_col=cols, min_row=1, max_row=rows + 1)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet.worksheet, min_col=1, min_row=2, max_row=rows + 1))
    sheet.chart(chart, f"{chr(ord('A') + len(pack.table.columns) + 1)}2")


def steering_pack(session: Session, project: Project, as_of: date, *, lang: str = "en") -> bytes:
    """The pack as an .xlsx: KPI sheet first, then one sheet per chart."""

    def t(key: str, **values: object) -> str:
        return translate(key, lang, **values)

    book = Book()
    _kpi_sheet(book, session, project, as_of, t, lang)
    # The pack covers the project from its start to `as_of`, everyone, as steering sees it.
    end = min(max(as_of, project.start_date), project.end_date)
    data = dashboard_data(session, project, Filters(project.start_date, end), as_of)
    for title, table in pack_sheets(views_for(data, Role.STEERING, lang, as_of), t):
        _chart_sheet(book, title, table)
    return book.to_bytes()
