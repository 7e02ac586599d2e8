"""The manager's access pages: audit log, consents, users."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from core.access import audit
from core.access.auth import verify_password
from core.codes import Role
from core.models import CompetenceProfile, Consent, Project, User
from tests.pages.conftest import RunApp, account_for
from tests.people import participant, profile
from tests.security.helpers import submit


def test_audit_page_lists_and_filters(app: RunApp, project: Project, session: Session) -> None:
    with audit.acting_as("maija"):
        audit.record(session, action="note", detail="first thing")
        audit.record(session, action="note", detail="second thing")
    session.commit()
    at = app("manager", page="pages/audit.py")
    table = at.dataframe[0].value
    assert {"User", "Action", "Detail", "Time (UTC)"} <= set(table.columns)
    assert {"first thing", "second thing"} <= set(table["Detail"])
    at.text_input(key="audit_text").set_value("SECOND")
    at.run()
    assert list(at.dataframe[0].value["Detail"]) == ["second thing"]
    at.selectbox(key="audit_user").set_value("maija")
    at.run()
    assert "Showing 1 of 1" in " ".join(c.value for c in at.caption)
    assert at.get("download_button")[0].label == "Export to Excel"


@pytest.mark.once  # wording in Finnish: core/i18n.py, the same on any database server
def test_audit_page_in_finnish(app: RunApp, project: Project) -> None:
    at = app("manager", lang="fi", page="pages/audit.py")
    assert at.title[0].value == "Tapahtumaloki"


def test_consent_withdrawal_on_the_page_hides_the_profile(
    app: RunApp, project: Project, session: Session
) -> None:
    person = participant(session, project, "P-77")
    profile(session, project, person, code="CARD77")
    session.commit()
    at = app("manager", page="pages/consent.py")
    at.text_input(key="consent_code").set_value("P-77")
    at.run()
    states = at.dataframe[0].value
    assert list(states["Purpose"]) == [
        "Searchable profile",
        "Contact by companies",
        "ESF+ reporting",
    ]
    assert "Profile CARD77 is searchable." in [c.value for c in at.caption]
    at.radio(key="consent_grant").set_value(False)
    at = submit(at, "Record")
    assert not at.exception and at.success[0].value == "Recorded."
    session.expire_all()
    assert session.exec(select(CompetenceProfile.consent_search)).one() is False
    row = session.exec(select(Consent)).one()
    assert (row.granted, row.recorded_by) == (False, "manager")


def test_users_page_creates_and_switches_off(
    app: RunApp, project: Project, session: Session
) -> None:
    at = app("manager", page="pages/users.py")
    at.text_input(key="users_new_username").set_value("pekka")
    at.selectbox(key="users_new_role").set_value(Role.STEERING)
    at.text_input(key="users_new_password").set_value("pekka's passphrase")
    at = submit(at, "Create a user")
    assert not at.exception and at.success[0].value == "User created."
    pekka = session.exec(select(User).where(User.username == "pekka")).one()
    assert verify_password(pekka.password_hash, "pekka's passphrase")
    at.selectbox(key="users_chosen").set_value(pekka.id)
    at.run()
    at.button(key="users_toggle").click()
    at.run()
    session.refresh(pekka)
    assert pekka.is_active is False


def test_users_page_refuses_a_short_password(app: RunApp, project: Project) -> None:
    at = app("manager", page="pages/users.py")
    at.text_input(key="users_new_username").set_value("pekka")
    at.text_input(key="users_new_password").set_value("short")
    at = submit(at, "Create a user")
    assert at.error[0].value == "The password must have at least 10 characters."


def test_the_manager_cannot_switch_themselves_off(
    app: RunApp, project: Project, session: Session
) -> None:
    me = account_for("manager")
    at = app("manager", page="pages/users.py")
    at.selectbox(key="users_chosen").set_value(me.user_id)
    at.run()
    at.button(key="users_toggle").click()
    at.run()
    assert at.error[0].value == "You cannot switch off your own account."


@pytest.mark.once  # wording in Finnish: core/i18n.py, the same on any database server
@pytest.mark.parametrize(
    "page", ["pages/audit.py", "pages/consent.py", "pages/users.py", "pages/account.py"]
)
def test_access_pages_speak_finnish(app: RunApp, project: Project, page: str) -> None:
    at = app("manager", lang="fi", page=page)
    assert not at.exception
    english = {"Audit log", "Consents", "Users", "My account"}
    assert at.title[0].value not in english
