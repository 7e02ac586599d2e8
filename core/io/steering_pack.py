"""The steering-group pack: a KPI table and one sheet per chart (its data and a native Excel
chart). Every count of people is suppressed with `core.privacy`, as anything steering sees."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pandas as pd
from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Font
from sqlalchemy import func
from sqlmodel import Session, col, select

from core.codes import EntryStatus, SizeClass
from core.eu_indicators import GENDERS, Window, output_counts, supported_companies
from core.i18n import translate
from core.io.workbook import escape
from core.models import Attendance, Attendee, Event, Project, TargetGroup
from core.overview import build_overview
from core.privacy import suppress_counts, suppress_table

Translate = Callable[..., str]


@dataclass(frozen=True)
class PackSheet:
    """One chart of the pack: a table whose first column labels the rows, and how to draw it."""

    title: str
    table: pd.DataFrame  # values: numbers, or the suppression marker ("<5")
    chart: str  # "line", "bar" or "stacked"
    totals: bool = False  # the last row (and, stacked, the last column) are totals


def _shown(values: pd.Series, threshold_marker: str, hidden: pd.Series) -> list[object]:
    return [
        threshold_marker if h else (None if pd.isna(v) else int(v))
        for v, h in zip(values, hidden, strict=True)
    ]


def trajectory_sheets(
    session: Session, project: Project, as_of: date, t: Translate
) -> list[PackSheet]:
    """Actual (suppressed) against planned, month by month, for each headline target."""
    sheets = []
    for indicator, trajectory in build_overview(session, project, as_of).trajectories.items():
        actual = dict(trajectory.actual)
        months = [d for d, _ in trajectory.planned if d <= as_of] or [as_of]
        counts = {
            d.isoformat(): actual.get(d, max((v for k, v in actual.items() if k <= d), default=0))
            for d in months
        }
        hidden = suppress_counts(counts, total=False)
        planned = dict(trajectory.planned)
        table = pd.DataFrame(
            {
                t("chart.month"): list(counts),
                t("chart.actual"): _shown(
                    hidden.counts["count"], hidden.marker, hidden.hidden["count"]
                ),
                t("chart.planned"): [round(planned.get(d, 0.0)) for d in months],
            }
        )
        sheets.append(PackSheet(t(f"indicator.{indicator.value}"), table, "line"))
    return sheets


def status_by_gender(
    session: Session, project: Project, as_of: date, t: Translate
) -> list[PackSheet]:
    counts = output_counts(session, project, Window(project.start_date, as_of))
    frame = pd.DataFrame(
        {
            g: {s.value: counts.get((f"status:{s.value}", g), 0) for s in EntryStatus}
            for g in GENDERS
        }
    )
    result = suppress_table(frame)
    shown = result.display()
    shown.index = [
        t(f"code.entry_status.{i}") if i != "total" else t("gender.total") for i in shown.index
    ]
    shown.columns = [t(f"gender.{c}") for c in shown.columns]
    table = shown.reset_index(names=t("pack.status"))
    return [PackSheet(t("pack.status_by_gender"), table.map(_number), "stacked", totals=True)]


def companies_by_size(
    session: Session, project: Project, as_of: date, t: Translate
) -> list[PackSheet]:
    counts = supported_companies(session, project, Window(project.start_date, as_of))
    hidden = suppress_counts({s.value: counts.get(s.value, 0) for s in SizeClass})
    table = pd.DataFrame(
        {
            t("pack.size_class"): [
                t("gender.total") if s == "total" else t(f"code.size_class.{s}")
                for s in hidden.counts.index
            ],
            t("pack.companies"): _shown(
                hidden.counts["count"], hidden.marker, hidden.hidden["count"]
            ),
        }
    )
    return [PackSheet(t("pack.companies_by_size"), table, "bar", totals=True)]


def event_reach(session: Session, project: Project, as_of: date, t: Translate) -> list[PackSheet]:
    """Unique people at the project's events by target group (attendees, not participants)."""
    query = (
        select(TargetGroup.code, func.count(func.distinct(Attendance.attendee_id)))
        .join(Attendee, col(Attendee.id) == col(Attendance.attendee_id))
        .join(TargetGroup, col(TargetGroup.id) == col(Attendee.target_group_id))
        .join(Event, col(Event.id) == col(Attendance.event_id))
        .where(Event.project_id == project.id, col(Event.event_date) <= as_of)
        .group_by(TargetGroup.code)
    )
    counts = {str(code): int(n) for code, n in session.exec(query)}
    if not counts:
        return []
    hidden = suppress_counts(counts)
    table = pd.DataFrame(
        {
            t("pack.target_group"): [
                t("gender.total") if g == "total" else g for g in hidden.counts.index
            ],
            t("pack.people"): _shown(hidden.counts["count"], hidden.marker, hidden.hidden["count"]),
        }
    )
    return [PackSheet(t("pack.event_reach"), table, "bar", totals=True)]


def _number(value: object) -> object:
    return int(value) if isinstance(value, str) and value.isdigit() else value


# The charts of the pack, in order; another part may append its own builder.
PACK_SHEETS: list[Callable[[Session, Project, date, Translate], list[PackSheet]]] = [
    trajectory_sheets,
    status_by_gender,
    companies_by_size,
    event_reach,
]


def _kpi_sheet(
    book: Workbook, session: Session, project: Project, as_of: date, t: Translate, lang: str
) -> None:
    sheet = book.active
    sheet.title = t("pack.kpi")[:31]
    sheet.append([escape(project.name_fi if lang == "fi" and project.name_fi else project.name)])
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
        ]
    )
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    overview = build_overview(session, project, as_of)
    for indicator, trajectory in overview.trajectories.items():
        progress = trajectory.progress
        hidden = suppress_counts({"actual": progress.actual}, total=False)
        small = bool(hidden.hidden["count"].iloc[0])
        sheet.append(
            [
                t(f"indicator.{indicator.value}"),
                progress.target,
                hidden.marker if small else progress.actual,
                None if small or progress.percent is None else round(progress.percent, 1),
                round(progress.planned),
                t(f"status.{progress.status.value}"),
            ]
        )
    sheet.append([])
    sheet.append(
        [t("pack.suppressed_note", marker=hidden.marker if overview.trajectories else "<5")]
    )
    for letter, width in zip("ABCDEF", (34, 10, 10, 8, 12, 16), strict=True):
        sheet.column_dimensions[letter].width = width


def _chart_sheet(book: Workbook, pack: PackSheet) -> None:
    sheet = book.create_sheet(pack.title[:31])
    sheet.append([escape(str(c)) for c in pack.table.columns])
    for row in pack.table.itertuples(index=False):
        sheet.append([escape(v) if isinstance(v, str) else v for v in row])
    rows, cols = len(pack.table), len(pack.table.columns)
    chart = LineChart() if pack.chart == "line" else BarChart()
    if isinstance(chart, BarChart):
        chart.type = "col"
        if pack.chart == "stacked":
            chart.grouping, chart.overlap = "stacked", 100
    if pack.totals:
        rows -= 1  # totals are in the table, not bars of their own
        cols -= 1 if pack.chart == "stacked" else 0
    chart.title = pack.title
    chart.height, chart.width = 10, 22
    data = Reference(sheet, min_col=2, max_col=cols, min_row=1, max_row=rows + 1)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=rows + 1))
    sheet.add_chart(chart, f"{chr(ord('A') + len(pack.table.columns) + 1)}2")
    sheet.column_dimensions["A"].width = 28


def steering_pack(session: Session, project: Project, as_of: date, *, lang: str = "en") -> bytes:
    """The pack as an .xlsx: KPI sheet first, then one sheet per chart."""

    def t(key: str, **values: object) -> str:
        return translate(key, lang, **values)

    book = Workbook()
    _kpi_sheet(book, session, project, as_of, t, lang)
    for build in PACK_SHEETS:
        for pack in build(session, project, as_of, t):
            _chart_sheet(book, pack)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
