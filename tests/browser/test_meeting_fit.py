"""Meeting mode on a laptop (1440×900) and a projector (1920×1080), as the steering user: every
chart is whole on screen without scrolling (title, plot, x-axis), no chart is empty on demo
data, and every steering dashboard page draws its charts. Screenshots go to /tmp/shots."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from playwright.sync_api import Error as PlaywrightError

from core.dashboards.meeting.pack import PACK_KEYS
from core.i18n import translate
from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.once]  # layout: the same on any database server
SHARED_SERVER = True  # only reads the demo: one server for all such modules
SIZES = [(1440, 900), (1920, 1080)]
SHOTS = Path("/tmp/shots")
NEXT = {"en": "Next", "fi": "Seuraava"}
STEERING_PAGES = ["", "partnerships", "events", "results", "timeline", "competence_map"]

# Whether any trace of the plot has a visible value (a bar, a point, a heat-map cell) that is
# not a hidden marker, from what plotly computed to draw (its calcdata).
HAS_VALUES = """
(plot) => (plot.calcdata || []).some((points, i) => {
  const trace = plot._fullData[i];
  if (trace.name === 'hidden' || trace.visible !== true) return false;
  if (trace.type === 'heatmap')  // a table-like map: its numbers are its cell texts
    return Array.from(trace.text || []).some(row => Array.from(row).some(v => /^[0-9]/.test(v)));
  return points.some(p => Number.isFinite(p.s !== undefined ? p.s : p.y));
})
"""


def _open(
    browser: Browser, silta_url: str, size: tuple[int, int], address: str, lang: str = "en"
) -> Page:
    """Sign in as the steering user at `address`, in `lang` from the first page on (a link
    with ?lang=fi opens Silta in Finnish, the sign-in page included)."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    page.set_default_timeout(90_000)
    if lang == "en":
        sign_in(page, silta_url, "steering", address=address)
        return page
    joiner = "&" if "?" in address else "?"
    page.goto(f"{silta_url}/{address}{joiner}lang={lang}")
    page.get_by_role("textbox", name=translate("auth.username", lang)).fill("steering")
    page.get_by_role("textbox", name=translate("auth.password", lang)).fill("demo")
    page.get_by_role("button", name=translate("auth.sign_in", lang), exact=True).click()
    page.locator('[data-testid="stSidebarNav"]').wait_for()
    return page


def _plot_state(page: Page) -> tuple[dict[str, float], dict[str, int], bool]:
    """The chart's box, the viewport, and whether it shows a value; a rerun may replace the
    chart under our feet, so look again until it holds still."""
    for _ in range(20):
        page.wait_for_timeout(800)  # the rerun and plotly's relayout after the first draw
        chart = page.locator(".stPlotlyChart").first
        chart.locator(".main-svg").first.wait_for()
        box = chart.bounding_box()
        try:
            has_values = bool(chart.locator(".js-plotly-plot").first.evaluate(HAS_VALUES))
        except PlaywrightError:
            continue
        if box is not None:
            view = page.evaluate("({w: innerWidth, h: innerHeight, y: scrollY})")
            return box, view, has_values
    raise AssertionError("the meeting chart never held still")


def _step_to(page: Page, key: str, label: str) -> None:
    """Press Next until the URL names `key` (a press during a rerun can be lost)."""
    for _ in range(3):
        page.get_by_role("button", name=label).click()
        try:
            page.wait_for_function(
                f"location.search.includes('meeting_slide={key}')", timeout=20_000
            )
            return
        except PlaywrightError:
            continue
    raise AssertionError(f"Next never reached {key}")


@pytest.mark.parametrize("lang", ["en", "fi"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_meeting_chart_fits_the_screen(
    silta_url: str, browser: Browser, size: tuple[int, int], lang: str
) -> None:
    SHOTS.mkdir(exist_ok=True)
    page = _open(browser, silta_url, size, f"meeting?meeting_slide={PACK_KEYS[0]}", lang)
    problems = []
    for number, key in enumerate(PACK_KEYS):
        if number:
            _step_to(page, key, NEXT[lang])
        box, view, has_values = _plot_state(page)
        for _ in range(5):  # a chart still being replaced has no computed data yet
            if has_values:
                break
            box, view, has_values = _plot_state(page)
        page.screenshot(path=str(SHOTS / f"meeting-{key}-{lang}-{size[0]}x{size[1]}.png"))
        inside = (
            view["y"] == 0
            and box["y"] >= 0
            and box["x"] >= 0
            and box["y"] + box["height"] <= view["h"]
            and box["x"] + box["width"] <= view["w"]
        )
        if not inside:
            problems.append(f"{key}: cut off, plot {json.dumps(box)} in {view}")
        if not has_values:
            problems.append(f"{key}: no visible value")
    page.context.close()
    assert not problems, problems


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_steering_page_draws_charts(
    silta_url: str, browser: Browser, size: tuple[int, int]
) -> None:
    page = _open(browser, silta_url, size, "")
    for address in STEERING_PAGES:
        # Inside the running session, as a link in the app would (a reload signs out).
        page.evaluate(
            "path => { window.history.pushState({}, '', path);"
            " window.dispatchEvent(new PopStateEvent('popstate')); }",
            f"/{address}",
        )
        page.wait_for_timeout(3000)  # the old page's charts go, the new page's come
        plots = page.locator(".stPlotlyChart .js-plotly-plot")
        plots.first.locator(".main-svg").first.wait_for()
        empty = [i for i in range(plots.count()) if not plots.nth(i).evaluate(HAS_VALUES)]
        assert plots.count() and len(empty) < plots.count(), address
    page.context.close()
