"""Each pack chart's numbers as a table, exactly as shown (hidden cells keep their markers):
the sheets of the steering-pack workbook."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd

from core.codes import EntryStatus, Gender, SizeClass, term_key
from core.dashboards.bundle import Views
from core.dashboards.charts.common import Translate
from core.dashboards.views import GENDERS, SIZES
from core.i18n import label_key
from core.privacy.rules import TOTAL
from core.privacy.shown import COUNT, Shown

Label = Callable[[str], str]


@dataclass(frozen=True)
class PackTable:
    """A table whose first column labels the rows, and the Excel chart that goes with it."""

    table: pd.DataFrame  # numbers, or the markers "<5" and ".."
    chart: str  # "line", "bar" or "stacked"
    totals: bool = False  # the last row (and, stacked, the last column) are totals


def _cell(text: object) -> object:
    """Numbers as numbers (Excel can chart them), markers as text."""
    if isinstance(text, str) and text.lstrip("-").isdigit():
        return int(text)
    return text


def from_shown(
    shown: Shown,
    *,
    header: str,
    rows: Sequence[str],
    row_label: Label,
    columns: Sequence[str],
    column_label: Label,
    t: Translate,
) -> pd.DataFrame:
    """`shown`'s display strings for `rows` × `columns`, labelled; totals keep their name."""

    def label(key: str, named: Label) -> str:
        return t("gender.total") if key == TOTAL else named(key)

    table = shown.text.loc[list(rows), list(columns)].map(_cell)
    table.columns = [label(c, column_label) for c in columns]
    table.insert(0, header, [label(r, row_label) for r in rows])
    return table.reset_index(drop=True)


def _inner(shown: Shown) -> list[str]:
    return [str(r) for r in shown.values.index if r != TOTAL]


def cumulative_table(
    bars: Shown, points: Sequence[tuple[str, int]], name: str, t: Translate
) -> PackTable:
    """Month, new per month, and the cumulative count where it may be shown."""
    months = _inner(bars)
    drawn = dict(points)
    table = from_shown(
        bars,
        header=t("chart.month"),
        rows=months,
        row_label=str,
        columns=[COUNT],
        column_label=lambda _: name,
        t=t,
    )
    table[t("chart.cumulative")] = [drawn.get(m) for m in months]
    return PackTable(table, "line")


def participants(v: Views, t: Translate) -> PackTable:
    progress = v.progress
    sheet = cumulative_table(progress.entries, progress.cumulative, t("dash.new_participants"), t)
    sheet.table[t("chart.planned")] = [
        round(progress.planned[m]) if m in progress.planned else None
        for m in _inner(progress.entries)
    ]
    return sheet


def by_status(v: Views, t: Translate) -> PackTable:
    shown = v.progress.by_status
    table = from_shown(
        shown,
        header=t("pack.status"),
        rows=[*_inner(shown), TOTAL],
        row_label=lambda s: t(label_key(EntryStatus(s))),
        columns=[*GENDERS, TOTAL],
        column_label=lambda g: t(label_key(Gender(g))),
        t=t,
    )
    return PackTable(table, "stacked", totals=True)


def companies(v: Views, t: Translate) -> PackTable:
    view = v.partnerships
    return cumulative_table(view.new_companies, view.cumulative, t("dash.new_companies"), t)


def company_sizes(v: Views, t: Translate) -> PackTable:
    mix = v.partnerships.mix
    columns = [s for s in SIZES if s in mix.values.columns]
    totals = Shown(
        mix.values.loc[[TOTAL], [*columns, TOTAL]].T.set_axis([COUNT], axis=1),
        mix.text.loc[[TOTAL], [*columns, TOTAL]].T.set_axis([COUNT], axis=1),
        mix.hidden.loc[[TOTAL], [*columns, TOTAL]].T.set_axis([COUNT], axis=1),
        mix.threshold,
        mix.suppressed,
    )
    table = from_shown(
        totals,
        header=t("pack.size_class"),
        rows=[*columns, TOTAL],
        row_label=lambda s: t(label_key(SizeClass(s))),
        columns=[COUNT],
        column_label=lambda _: t("pack.companies"),
        t=t,
    )
    return PackTable(table, "bar", totals=True)


def grouped(
    shown: Shown,
    *,
    header: str,
    row_label: Label,
    column_label: Label,
    t: Translate,
    columns: Sequence[str] | None = None,
    stacked: bool = False,
    totals: bool = True,
) -> PackTable:
    """A whole protected table: rows (with the total row) × columns (with the total column
    when `stacked`)."""
    inner = [str(c) for c in shown.values.columns if c != TOTAL]
    chosen = list(columns or inner)
    if stacked and TOTAL in shown.values.columns:
        chosen.append(TOTAL)
    rows = _inner(shown) + ([TOTAL] if totals and TOTAL in shown.values.index else [])
    table = from_shown(
        shown,
        header=header,
        rows=rows,
        row_label=row_label,
        columns=chosen,
        column_label=column_label,
        t=t,
    )
    return PackTable(table, "stacked" if stacked else "bar", totals=totals)


def repeat(v: Views, t: Translate) -> PackTable:
    return grouped(
        v.events.repeat,
        header=t("dash.events_attended"),
        row_label=str,
        column_label=lambda _: t("dash.people"),
        t=t,
        columns=[COUNT],
    )


def events_held(v: Views, t: Translate) -> PackTable:
    """Events per month and type (not people: nothing to hide)."""
    events = v.events.events
    if events.empty:
        return PackTable(pd.DataFrame({t("chart.month"): []}), "stacked")
    wide = events.pivot_table(index="month", columns="event_type", values="events", aggfunc="sum")
    wide = wide.fillna(0).astype(int)
    wide.columns = [t(term_key("event_type", c)) for c in wide.columns]
    return PackTable(wide.rename_axis(t("chart.month")).reset_index(), "stacked")


def timeline(v: Views, t: Translate) -> PackTable:
    packages = v.timeline.packages
    table = pd.DataFrame(
        {t("filters.work_package"): packages["code"], t("dash.events"): packages["events"]}
    )
    return PackTable(table, "bar")
