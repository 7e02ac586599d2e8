"""In a real browser, signed out: a survey answered through its personal link, once (issue 15).

The answer page is the one page Silta shows without an account besides the sign-in page; it
shows the survey its token names and nothing else of Silta (no menu, no data)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlmodel import Session

from core.db import make_engine
from core.project.loading import get_project
from core.surveys.answers import create_links, create_survey
from core.surveys.questions import builtin_survey
from tests.browser.conftest import Server

pytestmark = pytest.mark.browser

NAV = '[data-testid="stSidebarNav"]'
TITLE = "Feedback on the cooperation offering (launch event)"


@pytest.fixture(scope="module")
def token(silta_server: Server) -> Iterator[str]:
    """A personal link made the way the Surveys page makes one (the token is shown once)."""
    engine = make_engine(silta_server.database_url)
    with Session(engine) as session:
        project = get_project(session)
        survey = create_survey(session, project, builtin_survey("launch_feedback", "BROWSER"))
        [(_, made)] = create_links(session, survey, personal=["P-BROWSER"])
        session.commit()
    engine.dispose()
    yield made


def _fresh(browser: Browser) -> Page:
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.set_default_timeout(60_000)
    return page


def test_answer_once_through_a_personal_link_signed_out(
    browser: Browser, silta_url: str, token: str
) -> None:
    page = _fresh(browser)
    page.goto(f"{silta_url}/answer?s={token}")
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
    assert page.locator(NAV).count() == 0  # no menu: nothing of Silta but this survey
    page.locator('[data-testid="stRadio"]').first.get_by_text("4", exact=True).click()
    page.get_by_label("What would make the offering more useful to you?").fill("More talks")
    page.get_by_role("button", name="Send answers").click()
    expect(page.get_by_text("Thank you! Your answers were saved.")).to_be_visible()
    page.context.close()

    again = _fresh(browser)  # another browser profile, the same link
    again.goto(f"{silta_url}/answer?s={token}")
    expect(again.get_by_text("This personal link has been used already")).to_be_visible()
    assert again.get_by_role("button", name="Send answers").count() == 0
    again.context.close()


def test_a_wrong_token_shows_only_that_the_link_is_not_valid(
    browser: Browser, silta_url: str
) -> None:
    page = _fresh(browser)
    page.goto(f"{silta_url}/answer?s=not-a-token")
    expect(page.get_by_text("This survey link is not valid")).to_be_visible()
    assert page.locator(NAV).count() == 0
    assert page.get_by_role("button", name="Send answers").count() == 0
    page.context.close()
