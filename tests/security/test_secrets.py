"""Password hashes and secrets are never rendered, exported or logged."""

from __future__ import annotations

import logging
from io import BytesIO

import pytest
from openpyxl import load_workbook
from sqlmodel import Session, select
from streamlit.testing.v1 import AppTest

from core.access.audit_log import AuditFilter, audit_entries, audit_workbook
from core.access.navigation import PageSpec, pages_for
from core.codes import Role
from core.models import Project, User
from tests.pages.conftest import APP, RunApp, account_for
from tests.security.helpers import page_text, submit

CLIENT_SECRET = "client-secret-4f9a1c"
COOKIE_SECRET = "cookie-secret-77be02"


def _hashes(session: Session) -> list[str]:
    return [h for h in session.exec(select(User.password_hash)) if h]


# What a page renders: the hash is the same string on any server (and every page opens on
# PostgreSQL in security/test_roles).
@pytest.mark.once
@pytest.mark.parametrize("spec", pages_for(Role.MANAGER), ids=lambda s: s.url_path)
def test_no_page_shows_a_password_hash(
    app: RunApp, project: Project, session: Session, spec: PageSpec
) -> None:
    account_for("steering")
    account_for("sme")
    at = app("manager", page=spec.path)
    text = page_text(at)
    assert "$argon2" not in text
    assert not any(h[-20:] in text for h in _hashes(session))


def test_the_audit_export_holds_no_hash(session: Session, project: Project) -> None:
    account_for("manager")
    data = audit_workbook(audit_entries(session, AuditFilter()).entries)
    cells = " ".join(
        str(c.value) for row in load_workbook(BytesIO(data)).active.iter_rows() for c in row
    )
    assert "$argon2" not in cells and "user" in cells


def test_sso_secrets_never_reach_the_page(app: RunApp, project: Project) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["auth"] = {
        "redirect_uri": "http://localhost/oauth2callback",
        "cookie_secret": COOKIE_SECRET,
        "client_id": "silta",
        "client_secret": CLIENT_SECRET,
        "server_metadata_url": "https://login.example/.well-known/openid-configuration",
    }
    at.user = {"is_logged_in": False}
    text = page_text(at.run())
    assert CLIENT_SECRET not in text and COOKIE_SECRET not in text


def test_sign_in_and_password_change_log_no_secret(
    app: RunApp, project: Project, caplog: pytest.LogCaptureFixture
) -> None:
    account_for("manager")
    caplog.set_level(logging.DEBUG)
    at = app(role=None)
    at.text_input(key="login_username").set_value("manager")
    at.text_input(key="login_password").set_value("typed-secret-1")
    submit(at, "Sign in")
    at = app("manager", page="pages/account.py")
    at.text_input(key="account_current").set_value("demo")
    at.text_input(key="account_new").set_value("typed-secret-2-long")
    at.text_input(key="account_again").set_value("typed-secret-2-long")
    submit(at, "Change password")
    logged = caplog.text
    assert "typed-secret" not in logged and "$argon2" not in logged


def test_users_are_listed_without_hashes_or_secrets(
    app: RunApp, project: Project, session: Session
) -> None:
    at = app("manager", page="pages/users.py")
    table = at.dataframe[0].value
    assert not [c for c in table.columns if "hash" in c.lower() or "password" in c.lower()]
    assert "$argon2" not in table.to_string()
