"""AppTest helpers: run Silta's entry point as a given role, language and page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

REPO_ROOT = Path(__file__).resolve().parents[2]
APP = str(REPO_ROOT / "app.py")

RunApp = Callable[..., AppTest]


def run_app(role: str = "manager", lang: str = "en", page: str | None = None) -> AppTest:
    """Run the app as `role`; `page` (e.g. "pages/overview.py") switches to that page."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["role"] = role
    at.session_state["lang"] = lang
    at.run()
    if page is not None:
        at.switch_page(str(REPO_ROOT / page))
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def app(database_url: str) -> RunApp:
    """`app(role=…, lang=…, page=…)` runs Silta on this test's database."""
    return run_app
