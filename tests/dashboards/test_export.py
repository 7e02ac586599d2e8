"""The pack exported offline: PNGs that decode, a deck python-pptx opens again, a PDF."""

from __future__ import annotations

import io
import os
import zipfile

import pytest
from PIL import Image
from pptx import Presentation
from sqlmodel import Session

from core.config import get_settings
from core.dashboards.export import HEIGHT, WIDTH, ExportError, export_pack
from core.dashboards.filters import Filters
from core.dashboards.pack import dashboard_data, meeting_slides
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


def test_pack_exports_open_again(
    chromium: None, session: Session, world: World, whole: Filters
) -> None:
    slides = meeting_slides(dashboard_data(session, world.project, whole, TODAY), t, "en", TODAY)
    chosen = [s for s in slides if s.key in ("companies", "funnel", "timeline")]
    files = export_pack(chosen, title="Pack", subtitle="Today")

    with zipfile.ZipFile(io.BytesIO(files.zip)) as archive:
        names = archive.namelist()
        assert names == ["01-companies.png", "02-funnel.png", "03-timeline.png"]
        for name in names:
            image = Image.open(io.BytesIO(archive.read(name)))
            image.load()
            assert image.size == (WIDTH, HEIGHT)
    deck = Presentation(io.BytesIO(files.pptx))
    assert len(deck.slides) == 1 + len(chosen)
    assert deck.slides[0].shapes.title.text == "Pack"
    assert deck.slides[2].notes_slide.notes_text_frame.text == "From events to work"
    assert files.pdf.startswith(b"%PDF") and files.pdf.count(b"/Type /Page\n") == len(chosen)


def test_a_missing_browser_is_a_clear_error(
    session: Session, world: World, whole: Filters, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SILTA_CHROMIUM", "/nowhere/chromium")
    get_settings.cache_clear()
    slides = meeting_slides(dashboard_data(session, world.project, whole, TODAY), t, "en", TODAY)
    with pytest.raises(ExportError, match="Chromium was not found at /nowhere/chromium"):
        export_pack(slides[:1], title="Pack", subtitle="Today")
    get_settings.cache_clear()
