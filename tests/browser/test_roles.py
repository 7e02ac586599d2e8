"""In a real browser: each demo role signs in, gets its menu, and cannot open others' pages.

The first test asks a freshly started server for a manager page before anything else: that is
when Streamlit would serve a file of `pages/` directly; the page's own guard must show nothing
of it and hand the request to the router, which asks for a sign-in on the same address.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser

MENUS = {
    "manager": ["Overview", "Audit log", "Consents", "Users", "My account", "Sign out"],
    "steering": ["Overview", "My account", "Sign out"],
    "sme": ["My account", "Sign out"],
}
MANAGER_ONLY = ["Audit log", "Consents", "Users"]


def _menu(page: Page) -> list[str]:
    links = page.locator('[data-testid="stSidebarNav"] a')
    links.first.wait_for()
    # Each link reads "<icon name>\n\n<title>": keep the title.
    return [text.strip().splitlines()[-1].strip() for text in links.all_inner_texts()]


def _open_in_app(page: Page, path: str) -> None:
    """Go to `path` inside the running session, as a link in the app would."""
    page.evaluate(
        "path => { window.history.pushState({}, '', path);"
        " window.dispatchEvent(new PopStateEvent('popstate')); }",
        path,
    )


def test_first_request_to_a_fresh_server_asks_for_a_sign_in_then_opens_the_link(
    silta_url: str, page: Page
) -> None:
    page.goto(f"{silta_url}/audit")
    page.get_by_text("Sign in to Silta").wait_for()
    page.wait_for_timeout(2000)  # let every script run finish
    body = page.locator("body").inner_text()
    assert "Every change, sign-in" not in body and "Export to Excel" not in body
    assert "Page not found" not in body
    page.get_by_role("textbox", name="User name").fill("manager")
    page.get_by_role("textbox", name="Password").fill("demo")
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.get_by_text("Every change, sign-in").first.wait_for()
    expect(page).to_have_url(re.compile(r"/audit$"))


def test_a_link_to_a_page_of_another_role_opens_the_own_start_page(
    silta_url: str, page: Page
) -> None:
    sign_in(page, silta_url, "steering", address="audit")
    page.wait_for_timeout(3000)
    body = page.locator("body").inner_text()
    assert "Every change, sign-in" not in body and "Export to Excel" not in body
    assert "Signed in as" in body


def test_signing_in_shows_the_demo_accounts(silta_url: str, page: Page) -> None:
    page.goto(silta_url)
    page.get_by_text("Demo accounts").wait_for()
    for name in MENUS:
        expect(page.get_by_text(re.compile(rf"{name}\s*/\s*demo"))).to_have_count(1)


@pytest.mark.parametrize("role", list(MENUS))
def test_each_role_gets_its_menu_and_no_other_pages(silta_url: str, page: Page, role: str) -> None:
    sign_in(page, silta_url, role)
    menu = _menu(page)
    for title in MENUS[role]:
        assert title in menu, menu
    if role != "manager":
        assert not set(MANAGER_ONLY) & set(menu), menu
        _open_in_app(page, "/audit")
        page.wait_for_timeout(3000)
        body = page.locator("body").inner_text()
        assert "Every change, sign-in" not in body and "Export to Excel" not in body
        assert "Signed in as" in body  # still signed in, on a page of their own
    page.get_by_role("link", name="Sign out").click()
    page.get_by_text("Sign in to Silta").wait_for()


def test_a_wrong_password_is_refused(silta_url: str, page: Page) -> None:
    page.goto(silta_url)
    page.get_by_role("textbox", name="User name").fill("manager")
    page.get_by_role("textbox", name="Password").fill("not the password")
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.get_by_text("Wrong user name or password, or the account is locked").wait_for()


def test_a_typed_url_keeps_the_user_and_shows_nothing_of_another_roles_page(
    silta_url: str, page: Page
) -> None:
    sign_in(page, silta_url, "sme")
    page.goto(f"{silta_url}/users")  # a new Streamlit session: the cookie signs it in
    page.locator('[data-testid="stSidebarNav"]').wait_for()
    page.wait_for_timeout(2000)
    body = page.locator("body").inner_text()
    assert "Signed in as" in body and "Create a user" not in body
