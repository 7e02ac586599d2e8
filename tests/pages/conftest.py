"""AppTest helpers: run Silta's entry point signed in as a role, in a language, on a page."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import pytest
from sqlmodel import Session, col, select
from streamlit.testing.v1 import AppTest

from core.auth import SignedIn, hash_password
from core.codes import Role, SizeClass
from core.db import get_engine
from core.models import Company, User
from core.ui import USER_KEY, session_entry
from core.users import DEMO_COMPANY, DEMO_PASSWORD

REPO_ROOT = Path(__file__).resolve().parents[2]
APP = str(REPO_ROOT / "app.py")

RunApp = Callable[..., AppTest]


@lru_cache(maxsize=1)
def _demo_hash() -> str:
    # Hashing is deliberately slow; one hash serves every test user in this process.
    return hash_password(DEMO_PASSWORD)


def test_user(role: str, username: str | None = None) -> SignedIn:
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
            )
            db.add(user)
            db.commit()
        return SignedIn.of(user)


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
    at = AppTest.from_file(APP, default_timeout=60)
    if role is not None:
        at.session_state[USER_KEY] = session_entry(test_user(role, username))
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
