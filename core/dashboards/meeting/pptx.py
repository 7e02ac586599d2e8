"""The steering pack as a PPTX deck a presenter can edit: a title slide, then one slide per chart
with its title as slide text, a native chart of the shown numbers (hidden cells are gaps) and
the numbers and the privacy note in the speaker notes."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.presentation import Presentation as Deck
from pptx.slide import Slide as PptxSlide
from pptx.util import Inches, Pt

from core.dashboards.meeting.pack import Cover, Slide
from core.dashboards.meeting.tables import PackTable

CHART_TYPES = {
    "line": XL_CHART_TYPE.LINE_MARKERS,
    "bar": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "stacked": XL_CHART_TYPE.COLUMN_STACKED,
}


def _value(cell: object) -> float | None:
    """A number, or None (a gap) for a hidden marker or an empty cell."""
    if isinstance(cell, bool) or not isinstance(cell, int | float):
        return None
    return None if math.isnan(cell) else float(cell)


def chart_data(pack: PackTable) -> CategoryChartData | None:
    """The table's numbers as chart data (totals are in the notes, not bars); None if empty."""
    table = pack.table
    rows, columns = len(table), list(table.columns[1:])
    if pack.totals:
        rows -= 1
        if pack.chart == "stacked" and len(columns) > 1:
            columns = columns[:-1]
    if rows <= 0 or not columns:
        return None
    data = CategoryChartData(number_format="#,##0")  # type: ignore[no-untyped-call]
    data.categories = [str(label) for label in table.iloc[:rows, 0]]
    for column in columns:
        values = [_value(v) for v in table[column].iloc[:rows]]
        data.add_series(str(column), values)  # type: ignore[no-untyped-call]
    return data


def _notes(slide: Slide) -> str:
    table = slide.table.table
    lines = [slide.title, ""]
    lines.append("\t".join(str(c) for c in table.columns))
    for row in table.itertuples(index=False):
        lines.append("\t".join(_cell(v) for v in row))
    if slide.note:
        lines += ["", slide.note]
    return "\n".join(lines)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _cell(value: object) -> str:
    """A notes cell: whole numbers without a ".0", empty cells empty."""
    if _blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _text(page: PptxSlide, text: str, top: float, size: int, height: float = 0.5) -> None:
    box = page.shapes.add_textbox(Inches(0.6), Inches(top), Inches(12.1), Inches(height))
    box.text_frame.word_wrap = True
    box.text_frame.text = text
    box.text_frame.paragraphs[0].runs[0].font.size = Pt(size)


def _chart_slide(deck: Deck, slide: Slide, no_data: str) -> None:
    page = deck.slides.add_slide(deck.slide_layouts[5])  # "Title Only": an editable title
    page.shapes.title.text = slide.title
    page.shapes.title.text_frame.paragraphs[0].runs[0].font.size = Pt(32)
    page.shapes.title.top, page.shapes.title.height = Inches(0.3), Inches(1.0)
    data = chart_data(slide.table)
    if data is None:
        _text(page, no_data, 3.2, 24)
    else:
        frame = page.shapes.add_chart(
            CHART_TYPES[slide.table.chart], Inches(0.5), Inches(1.4), Inches(12.3), Inches(5.4),
            data,
        )  # fmt: skip
        chart = frame.chart
        chart.font.size = Pt(16)
        chart.has_legend = len(list(data.categories)) > 0 and len(chart.series) > 1
        if chart.has_legend:
            chart.legend.position = XL_LEGEND_POSITION.TOP
            chart.legend.include_in_layout = False
    if slide.note:
        _text(page, slide.note, 6.85, 14)
    page.notes_slide.notes_text_frame.text = _notes(slide)


def pptx_deck(slides: Sequence[Slide], cover: Cover) -> bytes:
    """A 16:9 deck: the title slide (project, date, filters, disclosure rule), then the charts."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    first = deck.slides.add_slide(deck.slide_layouts[0])
    first.shapes.title.text = cover.title
    first.placeholders[1].text = "\n".join(cover.lines)
    for paragraph in first.placeholders[1].text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(20)
    for slide in slides:
        _chart_slide(deck, slide, cover.no_data)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()
