"""Meeting mode in a real browser: step through the pack, then export it and open the files."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Page, expect
from pptx import Presentation

from core.dashboards.meeting.pack import PACK, PACK_KEYS
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser
SHARED_SERVER = True  # only reads the demo: one server for all such modules
EXPORT_TIMEOUT_MS = 240_000  # Chromium draws every chart of the pack


def test_meeting_mode_walks_and_exports(silta_url: str, page: Page, tmp_path: Path) -> None:
    sign_in(page, silta_url, "steering")
    page.get_by_role("link", name="Steering meeting").click()
    page.locator(".stPlotlyChart").first.wait_for()
    position = page.get_by_role("combobox", name=f"Chart (of {len(PACK)})")
    expect(position).to_have_value(re.compile(rf"^1 / {len(PACK)} · New participants"))
    next_button = page.get_by_role("button", name="Next")
    next_button.click()
    expect(page).to_have_url(re.compile(rf"meeting_slide={PACK_KEYS[1]}"))
    next_button.click()
    expect(page).to_have_url(re.compile(rf"meeting_slide={PACK_KEYS[2]}"))
    page.get_by_role("button", name="Previous").click()
    expect(page).to_have_url(re.compile(rf"meeting_slide={PACK_KEYS[1]}"))
    page.locator(".stPlotlyChart").first.wait_for()

    # A link opens the same chart: at once in this browser (its session cookie signs it in),
    # and after the sign-in it asks for in a browser that has no session.
    number = PACK_KEYS.index("funnel") + 1
    funnel = re.compile(rf"^{number} / {len(PACK)} · From events to work")
    page.goto(f"{silta_url}/meeting?meeting_slide=funnel")
    expect(position).to_have_value(funnel)
    page.context.clear_cookies()
    sign_in(page, silta_url, "steering", address="meeting?meeting_slide=funnel")
    expect(page).to_have_url(re.compile(r"/meeting\?meeting_slide=funnel"))
    expect(position).to_have_value(funnel)

    page.get_by_text("Export the pack").click()
    page.get_by_role("button", name="Prepare PPTX, PDF and PNG files").click()
    slides = page.get_by_role("button", name="Slides (.pptx)")
    slides.wait_for(timeout=EXPORT_TIMEOUT_MS)
    with page.expect_download() as pptx:
        slides.click()
    deck = Presentation(str(pptx.value.path()))
    assert len(deck.slides) == 1 + len(PACK)
    with page.expect_download() as pngs:
        page.get_by_role("button", name="PNG images (.zip)").click()
    with zipfile.ZipFile(str(pngs.value.path())) as archive:
        names = archive.namelist()
        assert len(names) == len(PACK) and names[0] == "01-participants.png"
        Image.open(io.BytesIO(archive.read(names[-1]))).load()
