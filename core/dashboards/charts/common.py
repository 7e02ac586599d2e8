"""Shared pieces of the dashboard charts: bars that show hidden cells honestly, notes, sizes.

A hidden (suppressed) cell is drawn as no bar with its marker ("<5" or "..") at the axis, and
the chart carries a note saying what the markers mean, so an export read alone is still clear.
Zero is a bar of height zero labelled "0".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from core.dashboards.charts.kpi import ACTUAL, FONT_SIZE, PLANNED, TARGET, base_layout
from core.dashboards.charts.locale import localise, months_of, number, number_text
from core.i18n import label_key
from core.privacy.aggregate import Merged
from core.privacy.shown import Shown

Translate = Callable[..., str]
Label = Callable[[str], str]

# Category colours: distinguishable on a projector and for the common colour-vision deficiencies
# (Okabe–Ito), the project's dark blue first.
PALETTE = [
    ACTUAL,
    "#e69f00",
    "#009e73",
    "#cc79a7",
    "#56b4e9",
    "#d55e00",
    "#f0e442",
    "#7f7f7f",
    "#0072b2",
    "#994f00",
    "#6a3d9a",
    "#b15928",
]
HIDDEN_COLOUR = "#b03a2e"
NOTE_COLOUR = "#555555"
MEETING_FONT = 24
MEETING_HEIGHT = 560
PLOT_HEIGHT = MEETING_HEIGHT - 200  # the plot area inside a meeting chart, roughly, in px
PLOT_WIDTH = 820  # … and its width on a 1440-px laptop beside the sidebar
MIN_LABEL = 13  # px: smaller labels are not drawn in meetings (the hover still has them)
DENSE_BARS = 24  # above this many bars, value labels stay small (and unscaled in meetings)
MANY_SERIES = 4  # above this many series, the legend goes to the right, one per line
MONTH_TICKS = 12  # at most this many month labels on an axis
MEETING_TICKS = 8  # … and in meeting mode's large type
DATE_TICKS = 5  # … and on a meeting's date axis, whose labels are long ("tammi 2026")
LONG_LABEL = 30  # characters: longer row names get smaller type in meetings


def sparse_ticks(rows: Sequence[str], label: Label) -> dict[str, list[str]]:
    """Tick values and texts for a category axis, every n-th row when there are many."""
    step = max(1, -(-len(rows) // MONTH_TICKS))
    kept = list(rows)[::step]
    return {"tickvals": kept, "ticktext": [label(r) for r in kept]}


def legend_for(fig: go.Figure, series: int) -> None:
    if series > MANY_SERIES:
        fig.update_layout(
            legend={"orientation": "v", "x": 1.02, "xanchor": "left", "y": 1, "yanchor": "top"}
        )


def colours(keys: Sequence[str]) -> dict[str, str]:
    return {key: PALETTE[i % len(PALETTE)] for i, key in enumerate(keys)}


def _bar(
    shown: Shown,
    rows: Sequence[str],
    column: str,
    name: str,
    colour: str,
    horizontal: bool,
    dense: bool,
    t: Translate,
) -> go.Bar:
    values = [None if pd.isna(v) else float(v) for v in shown.values.loc[list(rows), column]]
    text = [
        "" if shown.hidden.at[r, column] else number_text(str(shown.text.at[r, column]), t)
        for r in rows
    ]
    axis, length = ("y", "x") if horizontal else ("x", "y")
    return go.Bar(
        **{axis: list(rows), length: values},
        name=name,
        orientation="h" if horizontal else "v",
        marker_color=colour,
        offsetgroup=column,
        text=text,
        textposition="outside",
        textangle=0,
        textfont={"size": FONT_SIZE - 4} if dense else None,
        cliponaxis=False,
        hovertemplate="%{text}<extra>" + name + "</extra>",
    )


def _markers(shown: Shown, rows: Sequence[str], column: str, horizontal: bool) -> go.Scatter | None:
    hidden = [r for r in rows if shown.hidden.at[r, column]]
    if not hidden:
        return None
    axis, length = ("y", "x") if horizontal else ("x", "y")
    return go.Scatter(
        **{axis: hidden, length: [0] * len(hidden)},
        mode="text",
        name="hidden",
        text=[shown.text.at[r, column] for r in hidden],
        textposition="middle right" if horizontal else "top center",
        orientation="h" if horizontal else "v",
        textfont={"color": HIDDEN_COLOUR, "size": FONT_SIZE + 3},
        offsetgroup=column,
        showlegend=False,
        hoverinfo="skip",
    )


def bar_chart(
    shown: Shown,
    *,
    rows: Sequence[str],
    columns: Sequence[str],
    row_label: Label,
    column_label: Label,
    t: Translate,
    horizontal: bool = False,
    value_title: str = "",
    palette: Mapping[str, str] | None = None,
) -> go.Figure:
    """Grouped bars: `rows` along the category axis, one bar per column; hidden cells marked."""
    fig = go.Figure()
    shades = dict(palette or colours(list(columns)))
    dense = len(rows) * len(columns) > DENSE_BARS
    for column in columns:
        name = column_label(column)
        fig.add_trace(_bar(shown, rows, column, name, shades[column], horizontal, dense, t))
        marker = _markers(shown, rows, column, horizontal)
        if marker is not None:
            fig.add_trace(marker)
    category, value = (
        (fig.update_yaxes, fig.update_xaxes) if horizontal else (fig.update_xaxes, fig.update_yaxes)
    )
    category(**sparse_ticks(rows, row_label), type="category", tickangle=0)
    value(title=value_title, rangemode="tozero")
    if horizontal:
        fig.update_yaxes(autorange="reversed")
    fig.update_layout(
        barmode="group",
        scattermode="group",
        showlegend=len(columns) > 1,
        hovermode="closest",
        meta={"dense": dense, "bars": len(rows) * len(columns), "horizontal": horizontal},
    )
    localise(fig, t)
    legend_for(fig, len(columns))
    hidden_note(fig, [shown], t)
    return fig


def hidden_note(fig: go.Figure, shown: Sequence[Shown], t: Translate) -> go.Figure:
    """Say under the chart what hidden markers mean, when the chart has any, and in one line
    what was merged when a table is shown coarser than asked (core.privacy.aggregate)."""
    hiding = [s for s in shown if s.any_hidden]
    merged = [t(label_key(Merged(s.note))) for s in shown if s.note]
    if not hiding and not merged:
        return fig
    lines = merged[:1]
    if hiding:
        marker, below = hiding[0].marker, hiding[0].threshold - 1
        lines.append(t("dash.hidden_note", marker=marker, below=below))
        # Meeting mode writes its own one-line note from these.
        fig.update_layout(meta={**(fig.layout.meta or {}), "marker": marker, "below": below})
    note = "\n".join(lines)
    fig.add_annotation(
        text=note.replace("\n", "<br>"),
        name="hidden_note",
        xref="paper",
        yref="paper",
        x=0,
        y=-0.02,
        yanchor="top",
        xanchor="left",
        yshift=-40,
        showarrow=False,
        font={"size": FONT_SIZE - 3, "color": HIDDEN_COLOUR},
        align="left",
    )
    fig.update_layout(margin={"b": 110})
    return fig


def no_data_figure(t: Translate, *, title: str = "") -> go.Figure:
    """An empty chart that says there is nothing to show (never an empty axis that looks like 0)."""
    fig = go.Figure()
    fig.add_annotation(
        text=t("dash.no_data"), showarrow=False, font={"size": FONT_SIZE + 4}, x=0.5, y=0.5
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return base_layout(fig, title=title, height=300)


def finish(fig: go.Figure, *, title: str = "", height: int = 440) -> go.Figure:
    """The house layout, keeping the room a hidden-cell note needs below the plot."""
    bottom, legend = fig.layout.margin.b, fig.layout.legend.to_plotly_json()
    hover = fig.layout.hovermode or "closest"
    base_layout(fig, title=title, height=height)
    fig.update_layout(hovermode=hover)
    if bottom:
        fig.update_layout(margin={"b": bottom})
    if legend.get("orientation") == "v":
        fig.update_layout(legend=legend, margin={"r": 10})
    return fig


def for_meeting(fig: go.Figure, title: str, t: Translate) -> go.Figure:
    """The same figure, big: large type for a projector, the title on the chart and one short
    neutral line under it saying what hidden markers mean (the long note stays on the pages).

    The height fits a 1440×900 laptop under the meeting's controls, axis included."""
    big = go.Figure(fig)
    meta = dict(big.layout.meta or {})
    big.layout.annotations = [a for a in big.layout.annotations if a.name != "hidden_note"]
    symbols = [_fit_markers(trace, meta) for trace in big.select_traces({"name": "hidden"})]
    heading: dict[str, object] = {"text": title, "font": {"size": MEETING_FONT + 6}}
    if "marker" in meta:
        line = t("meeting.hidden_line", marker=meta["marker"], below=meta["below"])
        heading["subtitle"] = {
            "text": line + (t("meeting.hidden_symbol") if any(symbols) else ""),
            "font": {"size": MEETING_FONT - 6, "color": NOTE_COLOUR},
        }
    vertical_legend = big.layout.legend.orientation == "v"
    big.update_layout(
        title={**heading, "y": 0.985, "yanchor": "top", "x": 0.01, "xanchor": "left"},
        font={"size": MEETING_FONT},
        height=MEETING_HEIGHT,
        margin={"t": 125 if "marker" in meta else 95, "b": 20, "l": 20, "r": 20},
        legend={} if vertical_legend else {"y": 1.0, "yanchor": "bottom", "x": 0},
    )
    # Large tick labels need room: let every axis push the margins out as far as it needs.
    big.update_xaxes(automargin=True)
    big.update_yaxes(automargin=True)
    for axis in (big.layout.xaxis, big.layout.yaxis):
        ticks = axis.tickvals
        most = DATE_TICKS if axis.type == "date" else MEETING_TICKS
        if ticks is not None and len(ticks) > most:
            step = -(-len(ticks) // most)
            axis.tickvals, axis.ticktext = ticks[::step], axis.ticktext[::step]
        if axis.type == "date":
            axis.tickangle = 0  # a few level month labels read better than many on end
    names = [str(name) for name in big.layout.yaxis.categoryarray or ()]
    if names and max(map(len, names)) > LONG_LABEL:
        big.update_yaxes(tickfont_size=MEETING_FONT - 6)  # long row names leave the plot room
    for bar in big.select_traces({"type": "bar"}):
        _fit_labels(bar, meta)
    for annotation in big.layout.annotations:
        if annotation.font and annotation.font.size:
            annotation.font.size = MEETING_FONT - 4
    return big


def _fitting_size(texts: Sequence[object], meta: dict[str, object]) -> float:
    """The largest font (px) at which `texts` fit their bar's slot without touching the next."""
    bars = max(1, int(str(meta.get("bars", 1))))
    if meta.get("horizontal"):
        return PLOT_HEIGHT / bars * 0.8
    widest = max((len(str(text)) for text in texts), default=2)
    return PLOT_WIDTH / bars * 0.75 / (0.62 * max(widest, 1))


def _fit_labels(trace: go.Bar, meta: dict[str, object]) -> None:
    """Value labels as large as their slot allows; too dense to read, they go to the hover."""
    size = min(MEETING_FONT - 4, _fitting_size(trace.text or (), meta))
    if size >= MIN_LABEL:
        trace.textfont.size = round(size)
    else:
        trace.textposition = "none"


def _fit_markers(trace: go.Scatter, meta: dict[str, object]) -> bool:
    """One hidden marker per bar, never overlapping its neighbours: the text as large as the
    bar's slot allows, or, where even small text would not fit, a symbol with the marker in the
    hover (the line under the title says what the symbol means)."""
    size = _fitting_size(trace.text or (), meta)
    if size >= MIN_LABEL:
        trace.textfont.size = min(MEETING_FONT, round(size))
        return False
    trace.update(
        mode="markers",
        marker={"symbol": "diamond-open", "size": 10, "color": HIDDEN_COLOUR, "line_width": 2},
        hovertext=trace.text,
        hoverinfo="text",
    )
    return True


def cumulative_figure(
    bars: Shown,
    points: Sequence[tuple[str, int]],
    t: Translate,
    *,
    target: int | None,
    bar_name: str,
    axis_title: str,
    planned: Mapping[str, float] | None = None,
    title: str = "",
) -> go.Figure:
    """New per month (bars, left axis), the cumulative count (line, right axis), the planned
    line and the target. For steering, `points` leave out months that would reveal a hidden
    month, and the note says so."""
    months = [m for m in bars.values.index if m != "total"]
    if not months:
        return no_data_figure(t, title=title)
    fig = bar_chart(
        bars,
        rows=months,
        columns=["count"],
        row_label=months_of(t),
        column_label=lambda _: bar_name,
        t=t,
        value_title=axis_title,
        palette={"count": "#56b4e9"},
    )
    fig.data[0].showlegend = True
    ahead = {m: v for m, v in (planned or {}).items() if m >= months[0]}  # from the period on
    _cumulative_lines(fig, points, ahead, target, t)
    categories = sorted({*months, *ahead})
    fig.update_layout(meta={**fig.layout.meta, "bars": len(categories)})
    fig.update_xaxes(
        categoryorder="array", categoryarray=categories, **sparse_ticks(categories, months_of(t))
    )
    if bars.suppressed:
        for note in fig.select_annotations(selector={"name": "hidden_note"}):
            note.text += "<br>" + t("dash.cumulative_note")
    return finish(fig, title=title)


def _cumulative_lines(
    fig: go.Figure,
    points: Sequence[tuple[str, int]],
    planned: Mapping[str, float],
    target: int | None,
    t: Translate,
) -> None:
    """The planned line, the cumulative count and the target, on a right-hand axis."""
    if planned:
        fig.add_trace(
            go.Scatter(
                x=list(planned),
                y=list(planned.values()),
                mode="lines",
                line={"color": PLANNED, "dash": "dash", "width": 2},
                name=t("chart.planned"),
                yaxis="y2",
            )
        )
    fig.add_trace(
        go.Scatter(
            x=[m for m, _ in points],
            y=[v for _, v in points],
            mode="lines+markers",
            line={"color": ACTUAL, "width": 3},
            name=t("chart.cumulative"),
            yaxis="y2",
        )
    )
    top = max([v for _, v in points] + [target or 0, 1])
    fig.update_layout(
        yaxis2={
            "overlaying": "y",
            "side": "right",
            "range": [0, top * 1.1],
            "showgrid": False,
            "tickmode": "auto",
            "title": t("chart.cumulative"),
        },
        showlegend=True,
    )
    if target:
        fig.add_hline(
            y=target,
            yref="y2",
            line={"color": TARGET, "width": 2},
            annotation_text=f"{t('chart.target')} {number(target, t)}",
            annotation_position="top left",
        )
