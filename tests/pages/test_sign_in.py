"""Signing in and out through the real app: landing pages, refusals, lockout, expiry, SSO."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session, select
from streamlit.testing.v1 import AppTest

from core.access.auth import verify_password
from core.access.sessions import token_digest
from core.codes import Role
from core.db import get_engine
from core.meta import DEMO, set_meta
from core.models import AuditLog, Project, User, UserSession, utcnow
from tests.pages.conftest import REPO_ROOT, RunApp, account_for
from tests.security.helpers import submit
from ui import USER_KEY


def sign_in(at: AppTest, username: str, password: str) -> AppTest:
    at.text_input(key="login_username").set_value(username)
    at.text_input(key="login_password").set_value(password)
    return submit(at, "Sign in")


def test_the_right_password_opens_the_roles_landing_page(app: RunApp, project: Project) -> None:
    account_for("steering")
    at = sign_in(app(role=None), "steering", "demo")
    assert not at.exception
    # Nothing to click until the browser has kept the session's cookie (its answer reruns the
    # page and would overtake a click made meanwhile)…
    assert [c.value for c in at.caption] == ["Signing in…"] and not at.title
    at.session_state["auth_cookie_set"] = True  # … which the cookie frame then confirms
    at.run()
    assert [t.value for t in at.title] == ["Progress against targets"]
    assert at.session_state[USER_KEY]["role"] == "steering"
    assert "Signed in as Test steering (steering group)" in at.sidebar.caption[0].value
    assert "login_password" not in at.session_state  # nothing typed is kept


REFUSED = (
    "Wrong user name or password, or the account is locked for a while. Try again later or "
    "ask the project manager."
)


def test_a_wrong_password_says_so_without_saying_which_part(app: RunApp, project: Project) -> None:
    account_for("manager")
    for name in ("manager", "nobody"):
        at = sign_in(app(role=None), name, "wrong")
        assert [e.value for e in at.error] == [REFUSED]
        assert USER_KEY not in at.session_state


def test_a_lockout_reads_like_an_unknown_name(
    app: RunApp, project: Project, session: Session
) -> None:
    account_for("manager")
    at = app(role=None)
    for _ in range(5):
        at = sign_in(at, "manager", "wrong")
    assert [e.value for e in at.error] == [REFUSED]
    at = sign_in(at, "manager", "demo")  # the right password waits for the lock too
    assert [e.value for e in at.error] == [REFUSED] and USER_KEY not in at.session_state
    for _ in range(6):
        at = sign_in(at, "nobody", "wrong")
    assert [e.value for e in at.error] == [REFUSED]
    user = session.exec(select(User).where(User.username == "manager")).one()
    assert user.locked_until is not None  # the manager still sees the lock on the users page


@pytest.mark.once  # wording in Finnish: core/i18n.py, the same on any database server
def test_the_refusal_in_finnish_does_not_mention_a_lock_time(app: RunApp, project: Project) -> None:
    account_for("manager")
    messages = []
    for name in ("manager", "manager", "manager", "manager", "manager", "manager", "nobody"):
        at = app(role=None, lang="fi")
        at.text_input(key="login_username").set_value(name)
        at.text_input(key="login_password").set_value("wrong")
        at = submit(at, "Kirjaudu")
        messages.append(at.error[0].value)
    assert len(set(messages)) == 1
    assert messages[0].startswith("Väärä käyttäjätunnus tai salasana, tai tili on hetken")
    assert "klo" not in messages[0]


def test_demo_accounts_are_shown_only_in_a_demo_database(
    app: RunApp, project: Project, session: Session
) -> None:
    assert "Demo accounts" not in str([m.value for m in app(role=None).markdown])
    set_meta(session, DEMO, "true")
    session.commit()
    shown = " ".join(m.value for m in app(role=None).markdown)
    assert "Demo accounts" in shown and "`sme` / `demo`" in shown


def test_an_empty_database_says_how_to_make_the_first_manager(app: RunApp) -> None:
    at = app(role=None)
    assert "python -m core create-user NAME --role manager" in at.warning[0].value


def test_an_idle_session_ends_with_an_explanation(
    app: RunApp, project: Project, session: Session
) -> None:
    at = app("manager")
    row = _server_session(session, at)
    row.last_seen_at = utcnow() - timedelta(minutes=31)
    session.add(row)
    session.commit()
    at.run()
    assert [t.value for t in at.title] == ["Sign in to Silta"]
    assert "signed out after a while" in at.info[0].value
    session.refresh(row)
    assert row.end_reason == "expired"
    assert at.session_state["auth_cookie_delete"] is True  # the browser forgets the cookie


def test_signing_in_starts_a_server_side_session(app: RunApp, project: Project) -> None:
    account_for("manager")
    at = sign_in(app(role=None), "manager", "demo")
    token = at.session_state[USER_KEY]["token"]
    with Session(get_engine()) as db:
        row = db.exec(select(UserSession)).one()
    assert row.token_hash == token_digest(token) and row.end_reason is None
    # The browser is handed the token (and only it) to keep in its cookie.
    assert at.session_state["auth_cookie_write"]["token"] == token
    assert "demo" not in str(at.session_state[USER_KEY])


def test_sign_out_forgets_everything_but_the_language(
    app: RunApp, project: Project, session: Session
) -> None:
    at = app("manager", lang="fi")
    row = _server_session(session, at)
    at.switch_page(str(REPO_ROOT / "pages/logout.py"))
    at.run()
    assert [t.value for t in at.title] == ["Kirjaudu Siltaan"]
    assert set(at.session_state) & {USER_KEY, "overview_indicator"} == set()
    assert at.session_state["lang"] == "fi"
    session.refresh(row)
    assert row.end_reason == "signed_out" and row.revoked_at is not None
    assert at.session_state["auth_cookie_delete"] is True
    logged = session.exec(select(AuditLog).where(AuditLog.action == "logout")).all()
    assert [e.username for e in logged] == ["manager"]


def _server_session(session: Session, at: AppTest) -> UserSession:
    token = at.session_state[USER_KEY]["token"]
    query = select(UserSession).where(UserSession.token_hash == token_digest(token))
    return session.exec(query).one()


def test_a_role_change_or_switch_off_applies_on_the_next_click(
    app: RunApp, project: Project, session: Session
) -> None:
    at = app("steering")
    user = session.exec(select(User).where(User.username == "steering")).one()
    user.role = "manager"
    session.add(user)
    session.commit()
    at.run()
    assert at.session_state[USER_KEY]["role"] == "manager"
    user.is_active = False
    session.add(user)
    session.commit()
    at.run()
    assert [t.value for t in at.title] == ["Sign in to Silta"]
    assert "signed out after a while" not in str([i.value for i in at.info])


def test_sso_identity_with_an_account_signs_in(app: RunApp, project: Project) -> None:
    from core.access.users import create_user

    with Session(get_engine()) as db:
        create_user(db, username="liisa", role=Role.STEERING, email="liisa@oulu.fi")
        db.commit()
    at = _sso_app({"is_logged_in": True, "email": "liisa@oulu.fi", "sub": "abc"})
    assert not at.exception
    assert at.session_state[USER_KEY]["username"] == "liisa"
    assert at.session_state[USER_KEY]["sso"] is True


def test_sso_identity_without_an_account_is_told_whom_to_ask(app: RunApp, project: Project) -> None:
    at = _sso_app({"is_logged_in": True, "email": "[x](javascript:1)@evil.fi", "sub": "zz"})
    assert not at.exception
    assert [t.value for t in at.title] == ["No access to Silta yet"]
    assert "Ask the project manager for access" in at.warning[0].value
    assert at.text[0].value == "[x](javascript:1)@evil.fi"  # shown as plain text only
    assert USER_KEY not in at.session_state


@pytest.mark.once  # buttons drawn from settings, not from the database
def test_sso_buttons_appear_when_configured(app: RunApp, project: Project) -> None:
    at = _sso_app({"is_logged_in": False})
    assert any(b.label == "Sign in with single sign-on" for b in at.button)


def _sso_app(user: dict[str, object]) -> AppTest:
    from tests.pages.conftest import APP

    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["auth"] = {
        "redirect_uri": "http://localhost/oauth2callback",
        "cookie_secret": "not-a-real-secret-value",
        "client_id": "silta",
        "client_secret": "top-secret-client-value",
        "server_metadata_url": "https://login.example/.well-known/openid-configuration",
    }
    at.user = user
    return at.run()


def test_changing_ones_own_password(app: RunApp, project: Project, session: Session) -> None:
    at = app("manager", page="pages/account.py")
    at.text_input(key="account_current").set_value("wrong")
    at.text_input(key="account_new").set_value("a brand new passphrase")
    at.text_input(key="account_again").set_value("a brand new passphrase")
    at = submit(at, "Change password")
    assert "not right" in at.error[0].value
    at.text_input(key="account_current").set_value("demo")
    at.text_input(key="account_new").set_value("a brand new passphrase")
    at.text_input(key="account_again").set_value("a brand new passphrase")
    at = submit(at, "Change password")
    assert at.success[0].value == "Password changed."
    user = session.exec(select(User).where(User.username == "manager")).one()
    session.refresh(user)
    assert verify_password(user.password_hash, "a brand new passphrase")
    logged = session.exec(select(AuditLog).where(AuditLog.entity == "user")).all()
    assert logged[-1].username == "manager" and "$argon2" not in str(logged[-1].after)


@pytest.mark.once  # wording in Finnish: core/i18n.py, the same on any database server
@pytest.mark.parametrize("lang", ["en", "fi"])
def test_sign_in_page_in_both_languages(app: RunApp, lang: str) -> None:
    at = app(role=None, lang=lang)
    expected = {"en": "Sign in to Silta", "fi": "Kirjaudu Siltaan"}[lang]
    assert at.title[0].value == expected
