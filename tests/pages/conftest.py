"""AppTest helpers: run Silta's entry point signed in as a role, in a language, on a page.

AppTest starts every run like a server that has never served a page: with a `pages/` folder
next to `app.py`, Streamlit then runs in its old multipage mode and opens page files directly,
without `app.py`. A running server leaves that mode on its first `st.navigation` call, so
these helpers run the app as a running server does (`as_running_server`); the security tests
also try the first-request mode on purpose (`as_fresh_server`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import streamlit as st
import streamlit.testing.v1.app_test as app_test_module
from sqlmodel import Session, col, select
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from core.access.auth import SignedIn, hash_password
from core.access.users import DEMO_COMPANY, DEMO_PASSWORD
from core.codes import Role, SizeClass
from core.db import get_engine
from core.models import Company, Participant, Project, User
from ui import USER_KEY, session_entry

REPO_ROOT = Path(__file__).resolve().parents[2]
APP = str(REPO_ROOT / "app.py")

RunApp = Callable[..., AppTest]


class _RunningServerPagesManager(PagesManager):
    """Pages as on a server whose router has run once: only `st.navigation` decides."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        PagesManager.uses_pages_directory = False


def as_running_server() -> None:
    app_test_module.PagesManager = _RunningServerPagesManager  # type: ignore[misc]


@contextmanager
def as_fresh_server() -> Iterator[None]:
    """Runs inside behave like the first request to a newly started server."""
    app_test_module.PagesManager = PagesManager  # type: ignore[misc]
    try:
        yield
    finally:
        as_running_server()


as_running_server()


@lru_cache(maxsize=1)
def _demo_hash() -> str:
    # Hashing is deliberately slow; one hash serves every test user in this process.
    return hash_password(DEMO_PASSWORD)


def account_for(role: str, username: str | None = None) -> SignedIn:
    """The account `username` (default: the role's name) with password "demo", made if missing.

    An `sme` user belongs to the first company in the database, or to a generated demo
    company when there is none.
    """
    name = username or role
    with Session(get_engine(), expire_on_commit=False) as db:
        user = db.exec(select(User).where(User.username == name)).first()
        if user is None:
            company_id = _a_company(db) if role == Role.SME else None
            user = User(
                username=name,
                role=role,
                company_id=company_id,
                password_hash=_demo_hash(),
                display_name=f"Test {role}",
                participant_id=_a_participant(db, name) if role == Role.STUDENT else None,
            )
            db.add(user)
            db.commit()
        return SignedIn.of(user)


def _a_participant(db: Session, username: str) -> int:
    """A student account's own participant (issue 14): the one coded like the account, made
    (with no profile) when missing."""
    from tests.people import participant

    project = db.exec(select(Project)).first()
    assert project is not None, "a student account needs a loaded project"
    code = f"STU-{username}".upper()
    found = db.exec(select(Participant).where(Participant.code == code)).first()
    person = found or participant(db, project, code, email=f"{username}@student.example")
    assert person.id is not None
    return person.id


def _a_company(db: Session) -> int:
    company = db.exec(select(Company).order_by(col(Company.id))).first()
    if company is None:
        business_id, name = DEMO_COMPANY
        company = Company(business_id=business_id, name=name, size_class=SizeClass.MICRO.value)
        db.add(company)
        db.flush()
    assert company.id is not None
    return company.id


def run_app(
    role: str | None = "manager",
    lang: str = "en",
    page: str | None = None,
    username: str | None = None,
) -> AppTest:
    """Run the app signed in as `role` (None: nobody); `page` (e.g. "pages/overview.py")
    switches to that page. The session is set up exactly as the sign-in page leaves it."""
    # Cached query results are keyed on (database URL, data version); on PostgreSQL every test
    # reuses one URL and truncation restarts the version, so an old result could match.
    st.cache_data.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    if role is not None:
        at.session_state[USER_KEY] = session_entry(account_for(role, username))
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
