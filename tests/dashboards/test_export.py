"""The pack exported offline: PNGs that decode, a deck python-pptx opens again, a PDF."""

from __future__ import annotations

import io
import os
import zipfile

import pytest
from PIL import Image
from pptx import Presentation
from pypdf import PdfReader
from sqlmodel import Session

from core.config import get_settings
from core.dashboards.filters import Filters, filter_options
from core.dashboards.meeting.export import HEIGHT, WIDTH, ExportError, export_pack
from core.dashboards.meeting.pack import Cover, cover, dashboard_data, meeting_slides
from core.i18n import translate
from tests.dashboards.world import TODAY, World


def t(key: str, **values: object) -> str:
    return translate(key, "en", **values)


@pytest.fixture
def chromium() -> None:
    if not get_settings().chromium_path.exists():
        if os.environ.get("SILTA_REQUIRE_BROWSER") == "1":
            pytest.fail("Chromium is missing but SILTA_REQUIRE_BROWSER=1")
        pytest.skip("Chromium is not installed (apt-get install chromium)")


def _cover(session: Session, world: World, whole: Filters) -> Cover:
    options = filter_options(session, world.project)
    return cover(
        project=world.project.name, filters=whole, options=options, t=t, lang="en", today=TODAY
    )


def test_pack_exports_open_again(
    chromium: None, session: Session, world: World, whole: Filters
) -> None:
    slides = meeting_slides(dashboard_data(session, world.project, whole, TODAY), t, "en", TODAY)
    chosen = [s for s in slides if s.key in ("companies", "funnel", "timeline")]
    files = export_pack(chosen, _cover(session, world, whole))

    with zipfile.ZipFile(io.BytesIO(files.zip)) as archive:
        names = archive.namelist()
        assert names == ["01-companies.png", "02-funnel.png", "03-timeline.png"]
        for name in names:
            image = Image.open(io.BytesIO(archive.read(name)))
            image.load()
            assert image.size == (WIDTH, HEIGHT)

    # The deck: a title slide, then per chart an editable title and a native chart.
    deck = Presentation(io.BytesIO(files.pptx))
    assert len(deck.slides) == 1 + len(chosen)
    first = deck.slides[0]
    assert first.shapes.title.text == "Steering group pack"
    cover_text = first.placeholders[1].text_frame.text
    assert world.project.name in cover_text and "fewer than 5 people" in cover_text
    for page, shown in zip(list(deck.slides)[1:], chosen, strict=True):
        assert page.shapes.title.text == shown.title  # a text frame, not a picture
        charts = [shape.chart for shape in page.shapes if shape.has_chart]
        assert len(charts) == 1, shown.key
        assert not any(shape.shape_type == 13 for shape in page.shapes)  # no pictures
    funnel_chart = next(s.chart for s in deck.slides[2].shapes if s.has_chart)
    categories = list(funnel_chart.plots[0].categories)
    assert categories[0] == "Came to an event"
    values = list(funnel_chart.plots[0].series[0].values)
    notes = deck.slides[2].notes_slide.notes_text_frame.text
    assert notes.startswith("From events to work")
    # The numbers drawn are the numbers in the notes; a hidden cell is a gap in the chart.
    for value in values:
        if value is not None:
            assert f"\t{int(value)}" in notes
    if "<5" in notes or ".." in notes:
        assert None in values
        assert "Hidden for privacy" in notes

    # The PDF: a title page, then a page per chart, with text that can be extracted.
    pdf = PdfReader(io.BytesIO(files.pdf))
    assert len(pdf.pages) == 1 + len(chosen)
    title_page = pdf.pages[0].extract_text()
    assert "Steering group pack" in title_page and world.project.name in title_page
    assert "Disclosure rule" in title_page and "fewer than 5 people" in title_page
    assert "From events to work" in pdf.pages[2].extract_text()


def test_a_missing_browser_is_a_clear_error(
    session: Session, world: World, whole: Filters, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SILTA_CHROMIUM", "/nowhere/chromium")
    get_settings.cache_clear()
    slides = meeting_slides(dashboard_data(session, world.project, whole, TODAY), t, "en", TODAY)
    with pytest.raises(ExportError, match="Chromium was not found at /nowhere/chromium"):
        export_pack(slides[:1], _cover(session, world, whole))
    get_settings.cache_clear()
