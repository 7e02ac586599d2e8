"""The invitation page (issue 14), open without signing in: a new student sees their account's
name, chooses a password and signs in with it; a spent, replaced, expired or unknown link
gets one sentence and nothing else; someone signed in (any role) is told to sign out first."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session, select
from streamlit.testing.v1 import AppTest

from core.access.auth import SignedIn, authenticate
from core.models import Project, User, UserInvitation
from core.students.accounts import create_student_accounts
from tests.pages.conftest import RunApp
from tests.people import participant
from tests.security.helpers import open_url, page_text

PASSWORD = "kesä-2026-silta"
INVALID = (
    "This invitation link does not work: it has been used, replaced by a newer one, or it has "
    "expired. Ask the project for a new link."
)
SUBMIT = "FormSubmitter:invite_form-Set my password"


def _invited(session: Session, project: Project, code: str = "P-30") -> str:
    participant(session, project, code, email=f"{code.lower()}@student.oulu.fi")
    report = create_student_accounts(session, project.id or 0, [code])
    session.commit()
    return report.created[0].link.split("t=", 1)[1]


def _open(app: RunApp, token: str | None, lang: str = "en") -> AppTest:
    at = app(role=None, lang=lang)
    if token is not None:
        at.query_params["t"] = token
    return open_url(at, "invite")


def _set(at: AppTest, new: str, again: str | None = None) -> AppTest:
    at.text_input(key="invite_new").input(new)
    at.text_input(key="invite_again").input(new if again is None else again)
    at.button(key=SUBMIT).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _signs_in(session: Session, username: str, password: str) -> bool:
    session.expire_all()
    return isinstance(authenticate(session, username, password), SignedIn)


def test_a_new_student_chooses_a_password_and_signs_in(
    app: RunApp, project: Project, session: Session
) -> None:
    token = _invited(session, project)
    at = _open(app, token)
    assert [t.value for t in at.title] == ["Choose your password"]
    assert "Your Silta account: p-30" in page_text(at)
    at = _set(at, "short")  # the password policy of every account
    assert "at least 10 characters" in at.error[0].value
    at = _set(at, PASSWORD, "something-else-entirely")
    assert at.error[0].value == "The passwords differ; nothing was set."
    assert not _signs_in(session, "p-30", PASSWORD)
    at = _set(at, PASSWORD)
    assert at.success[0].value == "Your password is set. Sign in as p-30."
    assert not at.get("form") and "t" not in at.query_params  # the token leaves the address
    assert _signs_in(session, "p-30", PASSWORD)
    at.button(key="invite_sign_in").click().run()
    assert [t.value for t in at.title] == ["Sign in to Silta"]
    again = _open(app, token)  # the same link a second time
    assert [e.value for e in again.error] == [INVALID] and not again.get("form")


def test_every_bad_link_gets_the_same_sentence_in_the_users_language(
    app: RunApp, project: Project, session: Session
) -> None:
    expired = _invited(session, project, "P-31")
    row = session.exec(select(UserInvitation)).one()
    row.expires_at = row.created_at - timedelta(seconds=1)
    session.add(row)
    replaced = _invited(session, project, "P-32")
    user = session.exec(select(User).where(User.username == "p-32")).one()
    from core.students.invitations import reinvite

    reinvite(session, user.id or 0)
    session.commit()
    for token in (expired, replaced, "not-a-token", None):
        at = _open(app, token)
        assert [e.value for e in at.error] == [INVALID], token
        assert not at.get("form") and "p-3" not in page_text(at)  # no account name
    finnish = _open(app, "not-a-token", lang="fi")
    assert finnish.error[0].value.startswith("Tämä kutsulinkki ei toimi")


@pytest.mark.parametrize("role", ["manager", "steering", "sme", "student"])
def test_someone_signed_in_is_told_to_sign_out_first(
    app: RunApp, project: Project, session: Session, role: str
) -> None:
    token = _invited(session, project)
    at = app(role=role)
    at.query_params["t"] = token
    at = open_url(at, "invite")
    assert not at.exception
    assert [t.value for t in at.title] == ["Choose your password"]
    assert "You are signed in already" in at.info[0].value
    assert not at.get("form") and "p-30" not in page_text(at)
    session.expire_all()
    assert session.exec(select(UserInvitation)).one().used_at is None  # still the student's


def test_the_manager_sends_a_new_link_and_the_old_one_stops_working(
    app: RunApp, project: Project, session: Session
) -> None:
    old = _invited(session, project)
    user = session.exec(select(User).where(User.username == "p-30")).one()
    at = app("manager", page="pages/users.py")
    at.selectbox(key="users_chosen").set_value(user.id).run()
    at.button(key="users_reinvite").click().run()
    assert not at.exception
    shown = at.warning[-1].value  # no e-mail server in these tests: the link is shown once
    assert "Hand this new invitation link to the student" in shown and "/invite?t=" in shown
    new = shown.split("t=", 1)[1].split()[0]
    assert [e.value for e in _open(app, old).error] == [INVALID]
    assert _set(_open(app, new), PASSWORD).success
    assert _signs_in(session, "p-30", PASSWORD)
    at = app("manager", page="pages/users.py")
    at.selectbox(key="users_chosen").set_value(user.id).run()
    assert not [b for b in at.button if b.key == "users_reinvite"]  # has a password now
