"""In a real browser: the sign-in session on a freshly started server, across reloads, sign-out
and expiry, with nothing fetched from outside 127.0.0.1.

This module gets its own server, so its first test is the first visitor that server ever has
(the moment Streamlit would treat `pages/` as an old-style multipage folder).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from sqlmodel import Session, col, select

from core.db import make_engine
from core.models import UserSession, utcnow
from tests.browser.conftest import Server, sign_in

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/shots")
COOKIE = "silta_session"
# The sidebar menu of a signed-in user; also what Streamlit's old multipage mode draws.
NAV = '[data-testid="stSidebarNav"]'
# File names of pages/ that no address of Silta has: only the old multipage mode sends them.
FILE_NAMES = [b"data_import", b"period_locks", b"no_access", b"programme_descriptions"]
EXPIRED = "You were signed out after a while without activity"
# Counts every time a sidebar menu appears in the page, however briefly.
WATCH_NAV = f"""
window.__navSeen = 0;
new MutationObserver(() => {{
  if (document.querySelector('{NAV}')) window.__navSeen += 1;
}}).observe(document, {{subtree: true, childList: true}});
"""


@pytest.fixture
def context(browser: Browser, silta_url: str) -> Iterator[BrowserContext]:
    """A browser profile of its own whose every request must stay on 127.0.0.1."""
    opened = browser.new_context(viewport={"width": 1440, "height": 900})
    requests: list[str] = []
    opened.on("request", lambda request: requests.append(request.url))
    yield opened
    opened.close()
    outside = [url for url in requests if urlparse(url).hostname not in ("127.0.0.1", None)]
    assert requests and outside == []


@pytest.fixture
def page(context: BrowserContext) -> Page:
    opened = context.new_page()
    opened.set_default_timeout(60_000)
    return opened


def _session_cookie(context: BrowserContext, *, present: bool = True) -> dict[str, Any] | None:
    """The session cookie, once the browser has (or no longer has) it."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        found = [c for c in context.cookies() if c["name"] == COOKIE]
        if bool(found) == present:
            return dict(found[0]) if found else None
        time.sleep(0.2)
    raise AssertionError(f"the session cookie is {'missing' if present else 'still there'}")


def _signed_in_title(page: Page, title: str) -> None:
    page.get_by_role("heading", level=1).filter(has_text=title).wait_for()
    page.locator(NAV).wait_for()


def test_the_first_visitor_of_a_fresh_server_signs_in_at_once(page: Page, silta_url: str) -> None:
    frames: list[bytes] = []
    page.on(
        "websocket",
        lambda ws: ws.on(
            "framereceived", lambda f: frames.append(f if isinstance(f, bytes) else f.encode())
        ),
    )
    page.add_init_script(WATCH_NAV)
    started = time.monotonic()
    page.goto(silta_url)
    username = page.get_by_role("textbox", name="User name")
    username.wait_for()
    print(f"\nsign-in form after {time.monotonic() - started:.1f} s on a fresh server")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "sign_in.png"))
    # What is typed at once is kept: the form is not redrawn under the typing.
    username.fill("manager")
    page.get_by_role("textbox", name="Password").fill("demo")
    assert page.evaluate("window.__navSeen") == 0
    sent = b"".join(frames)
    assert [name for name in FILE_NAMES if name in sent] == []
    page.get_by_role("button", name="Sign in", exact=True).click()
    _signed_in_title(page, "Progress against targets")


def test_a_reload_keeps_the_user_signed_in(
    page: Page, context: BrowserContext, silta_url: str
) -> None:
    sign_in(page, silta_url, "manager")
    cookie = _session_cookie(context)
    assert cookie is not None
    assert cookie["sameSite"] == "Strict" and cookie["path"] == "/"
    hours = (cookie["expires"] - time.time()) / 3600
    assert 11.5 < hours <= 12
    assert "demo" not in cookie["value"] and "manager" not in cookie["value"]
    page.reload()
    _signed_in_title(page, "Progress against targets")
    page.wait_for_timeout(1000)  # charts drawn
    page.screenshot(path=str(SHOTS / "overview_after_reload.png"))
    page.goto(f"{silta_url}/events")
    page.reload()
    _signed_in_title(page, "Events")
    expect(page).to_have_url(re.compile(r"/events$"))
    assert page.get_by_text("Sign in to Silta").count() == 0


def test_sign_out_ends_the_session_for_good(
    page: Page, context: BrowserContext, silta_url: str
) -> None:
    sign_in(page, silta_url, "steering")
    cookie = _session_cookie(context)
    assert cookie is not None
    page.locator(NAV).get_by_role("link", name="Sign out").click()
    page.get_by_text("Sign in to Silta").wait_for()
    _session_cookie(context, present=False)
    page.reload()
    page.get_by_text("Sign in to Silta").wait_for()
    # The old value is worthless now: the server revoked it, whoever kept a copy.
    context.add_cookies([{k: cookie[k] for k in ("name", "value", "domain", "path")}])
    page.goto(f"{silta_url}/overview")
    page.get_by_text("Sign in to Silta").wait_for()
    page.wait_for_timeout(1500)
    assert page.locator(NAV).count() == 0
    assert page.get_by_text(EXPIRED).count() == 0


def test_an_expired_session_asks_to_sign_in_again(
    page: Page, context: BrowserContext, silta_server: Server
) -> None:
    sign_in(page, silta_server.url, "manager")
    _session_cookie(context)
    engine = make_engine(silta_server.database_url)
    with Session(engine) as db:
        for row in db.exec(select(UserSession).where(col(UserSession.end_reason).is_(None))):
            row.last_seen_at = utcnow() - timedelta(minutes=31)
            db.add(row)
        db.commit()
    engine.dispose()
    page.reload()
    page.get_by_text(EXPIRED).wait_for()
    page.get_by_text("Sign in to Silta").wait_for()
    assert page.locator(NAV).count() == 0
    _session_cookie(context, present=False)


def test_the_login_address_has_no_page_not_found(page: Page, silta_url: str) -> None:
    page.goto(f"{silta_url}/login")
    page.get_by_role("textbox", name="User name").wait_for()
    page.wait_for_timeout(2000)  # a "Page not found" dialog would be up by now
    assert page.get_by_text("Page not found").count() == 0
    # Error details are off for users (config.toml); Silta's own messages still show.
    page.get_by_role("textbox", name="User name").fill("manager")
    page.get_by_role("textbox", name="Password").fill("wrong")
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.get_by_text("Wrong user name or password, or the account is locked").wait_for()
    page.get_by_role("textbox", name="User name").fill("manager")
    page.get_by_role("textbox", name="Password").fill("demo")
    page.get_by_role("button", name="Sign in", exact=True).click()
    # Signed in on /login: the landing page, again without a "Page not found".
    _signed_in_title(page, "Progress against targets")
    page.wait_for_timeout(1000)
    assert page.get_by_text("Page not found").count() == 0
    # The landing page's own address (a bookmark of /overview) opens it, not "Page not found".
    page.goto(f"{silta_url}/overview")
    _signed_in_title(page, "Progress against targets")
    page.wait_for_timeout(2000)
    assert page.get_by_text("Page not found").count() == 0
