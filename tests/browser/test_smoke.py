"""Smoke test in a real browser: `make run` serves the overview with the project's targets."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser
SHARED_SERVER = True  # only reads the demo: one server for all such modules


def test_overview_shows_progress_against_610(silta_url: str, page: Page) -> None:
    sign_in(page, silta_url, "manager")
    page.get_by_text("Progress against targets").wait_for()
    body = page.locator("body")
    body.get_by_text(re.compile(r"of 610")).first.wait_for()
    for target in ("of 418", "of 192", "of 50"):
        assert body.get_by_text(target).count() >= 1
    assert body.get_by_text("Demo data").count() >= 1


def test_overview_in_finnish_by_url(silta_url: str, page: Page) -> None:
    page.goto(f"{silta_url}/?lang=fi")
    page.get_by_text("Kirjaudu Siltaan").wait_for()
    page.get_by_role("textbox", name="Käyttäjätunnus").fill("steering")
    page.get_by_role("textbox", name="Salasana").fill("demo")
    page.get_by_role("button", name="Kirjaudu", exact=True).click()
    page.get_by_text("Eteneminen suhteessa tavoitteisiin").wait_for()
