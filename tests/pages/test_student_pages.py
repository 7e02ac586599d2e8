"""The student's pages (issue 14): My profile, My consents, Contact requests; the SME's Our
contact requests; and that nobody sees another student's data or details not shared."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, select

from core.access.audit import acting_as
from core.access.consent import record_consent
from core.codes import AgreedKind, ConsentPurpose, ConsentSource, ContactStatus
from core.contacts.requests import request_contact
from core.models import (
    Company,
    CompetenceProfile,
    ContactRequest,
    Participant,
    Project,
    SkillMention,
    User,
)
from core.search.profiles import is_searchable
from tests.pages.conftest import RunApp, account_for
from tests.people import company, profile
from tests.search.helpers import add_profiles
from tests.security.helpers import page_text, submit
from ui import USER_KEY, session_entry

PROFILE, CONSENTS, REQUESTS = "pages/my_profile.py", "pages/my_consents.py", "pages/my_requests.py"
OURS, MANAGER_LIST = "pages/company_contacts.py", "pages/contact_requests.py"
SKILLS = "Python and embedded C. Call me on 040 1234567 or see github.com/ainok99"


def student_with_profile(session: Session, username: str = "student") -> CompetenceProfile:
    """The student account's participant, with a searchable, contactable profile."""
    signed = account_for("student", username)
    user = session.get(User, signed.user_id)
    assert user is not None and user.participant_id is not None
    owner = session.get(Participant, user.participant_id)
    code = f"SP-{username[:5].upper()}"
    card = profile(session, session.exec(select(Project)).one(), owner, code=code, skills=SKILLS)
    record_consent(
        session, participant_id=user.participant_id, purpose=ConsentPurpose.CONTACT,
        source=ConsentSource.FORM,
    )  # fmt: skip
    session.commit()
    return card


def ask(session: Session, card: CompetenceProfile, firm: Company) -> ContactRequest:
    with acting_as("sme"):
        request = request_contact(
            session, company_id=firm.id or 0, user_id=None, profile_code=card.code,
            query="embedded C", message="Visit our lab in Oulu",
        )  # fmt: skip
    session.commit()
    return request


def test_my_profile_shows_the_card_companies_see_and_what_was_taken_out(
    app: RunApp, project: Project, session: Session
) -> None:
    card = student_with_profile(session)
    at = app("student", page=PROFILE)
    assert at.title[0].value == "My competence profile"
    markdown = " ".join(m.value for m in at.markdown)
    assert card.code in markdown  # the same card an SME gets
    assert "Python and embedded C" in markdown
    assert "040 1234567" not in markdown and "ainok99" not in markdown
    removed = " ".join(str(v) for d in at.dataframe for v in d.value.to_numpy().ravel())
    assert "040 1234567" in removed and "Removed" in removed
    assert "Your profile is searchable by companies." in [c.value for c in at.caption]


@pytest.mark.model
def test_saving_my_profile_maps_it_to_esco_and_search_finds_it_at_once(
    app: RunApp, project: Project, session: Session
) -> None:
    from core.search.live import ensure_index, forget_loaded_indexes
    from core.search.service import search_profiles

    card = student_with_profile(session)
    add_profiles(session, project)  # others to compete with
    forget_loaded_indexes()
    ensure_index()
    query = "Zig compiler for Lattice FPGAs"
    assert search_profiles(query).hits[0].code != card.code
    at = app("student", page=PROFILE)
    at.text_area(key="my_profile_skills").set_value(
        "Zig compiler internals and bitstream generation for Lattice FPGAs"
    )
    at.text_input(key="my_profile_languages").set_value("fi, en, sv")
    at = submit(at, "Save profile")
    assert not at.exception and "search uses the new text at once" in at.success[0].value
    session.expire_all()
    saved = session.get(CompetenceProfile, card.id)
    assert saved is not None and saved.languages == "fi, en, sv"
    mentions = session.exec(
        select(SkillMention.evidence).where(SkillMention.source_id == card.id)
    ).all()
    assert mentions and all("040" not in m for m in mentions)
    assert mentions  # it had none before: mapped on saving
    assert all(m in saved.skills + "\n" + saved.interests for m in mentions)
    assert search_profiles(query).hits[0].code == card.code  # the index took it at once


def test_a_student_without_a_profile_is_told_how_to_start(app: RunApp, project: Project) -> None:
    at = app("student", page=PROFILE)
    assert "You have no profile yet" in at.info[0].value
    at = app("student", lang="fi", page=PROFILE)
    assert at.title[0].value == "Oma osaamisprofiili"


def test_withdrawing_search_consent_leaves_search_at_once_with_history(
    app: RunApp, project: Project, session: Session
) -> None:
    card = student_with_profile(session)
    at = app("student", page=CONSENTS)
    text = page_text(at)
    assert "Given on" in text and "legal obligation" in text
    assert not [b for b in at.button if b.key == "my_consents_esf_reporting"]  # information only
    at.button(key="my_consents_search").click()
    at.run()
    assert at.success[0].value == "Recorded."
    assert not is_searchable(session, card.code)
    history = at.dataframe[0].value
    assert history["State"].iloc[0] == "Withdrawn"
    assert history["By"].iloc[0] == "you"
    at.button(key="my_consents_search").click()  # and back
    at.run()
    session.expire_all()
    assert is_searchable(session, card.code)


def test_a_student_accepts_and_only_then_the_company_sees_the_details(
    app: RunApp, project: Project, session: Session
) -> None:
    card = student_with_profile(session)
    firm = company(session)
    request = ask(session, card, firm)
    ours = app("sme", page=OURS)
    assert card.code in page_text(ours) and "Waiting for the student" in page_text(ours)
    assert "stu-student@" not in page_text(ours) and "@student.example" not in page_text(ours)
    at = app("student", page=REQUESTS)
    text = page_text(at)
    assert "Kide Oy" in text and "Visit our lab in Oulu" in text and "embedded C" in text
    at.text_input(key=f"my_requests_{request.id}_phone").set_value("+358 40 765 4321")
    at.button(key=f"FormSubmitter:my_requests_{request.id}_answer-Accept").click()
    at.run()
    assert not at.exception and at.success[0].value == "Saved."
    ours = app("sme", page=OURS)
    text = page_text(ours).replace("\\", "")  # Markdown escapes
    assert "student@student.example" in text and "+358 40 765 4321" in text
    assert "Virtanen" not in text  # the name is not among what she shared
    ours.selectbox(key=f"company_contacts_{request.id}_to").set_value(ContactStatus.AGREED)
    ours.selectbox(key=f"company_contacts_{request.id}_kind").set_value(AgreedKind.INTERNSHIP)
    ours.button(key=f"FormSubmitter:company_contacts_{request.id}_step-Record").click()
    ours.run()
    assert "Agreed: internship" in page_text(ours)
    manager = app("manager", page=MANAGER_LIST)
    table = manager.dataframe[0].value
    assert list(table["Student"]) == ["Aino Virtanen"]
    assert list(table["E-mail"]) == ["student@student.example"]
    assert list(table["Status"]) == ["Agreed: internship"]
    asked = table["Asked on"].iloc[0]
    assert any(m in asked for m in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
                                    "Sep", "Oct", "Nov", "Dec"))  # fmt: skip
    outbox = manager.dataframe[1].value  # the e-mail outbox: the student's message waits
    assert list(outbox["To"]) == ["student@student.example"] and list(outbox["Sent"]) == [""]
    fi = app("manager", lang="fi", page=MANAGER_LIST)
    assert "." in fi.dataframe[0].value["Pyydetty"].iloc[0]  # 5.12.2026 …


def test_a_declined_request_shows_the_company_only_declined(
    app: RunApp, project: Project, session: Session
) -> None:
    card = student_with_profile(session)
    firm = company(session)
    request = ask(session, card, firm)
    at = app("student", page=REQUESTS)
    at.button(key=f"FormSubmitter:my_requests_{request.id}_answer-Decline").click()
    at.run()
    text = page_text(app("sme", page=OURS))
    assert "Declined" in text and "student@student.example" not in text
    assert "Looking for" in text and "What happened next?" not in text


def test_a_student_sees_no_other_students_request_whatever_they_try(
    app: RunApp, project: Project, session: Session
) -> None:
    student_with_profile(session)
    other = student_with_profile(session, "other")
    firm = company(session)
    theirs = ask(session, other, firm)
    at = app("student", page=REQUESTS)
    assert "No company has asked yet." in page_text(at)
    assert "Visit our lab" not in page_text(at)
    # A query string or another student's id in session state changes nothing: the account
    # is re-read from the sign-in token on every run.
    at.query_params["request"] = str(theirs.id)
    mine = at.session_state[USER_KEY]
    forged = {**mine, "user_id": account_for("student", "other").user_id, "username": "other"}
    at.session_state[USER_KEY] = forged
    at.run()
    assert not at.exception
    text = page_text(at)
    assert "Visit our lab" not in text and "No company has asked yet." in text
    for page in (PROFILE, CONSENTS):
        seen = page_text(app("student", page=page))
        assert other.code not in seen


@pytest.mark.once  # who may open a page: core/access/navigation, not the database
def test_other_roles_do_not_get_student_pages(app: RunApp, project: Project) -> None:
    for role in ("manager", "steering", "sme"):
        at = app(role)
        registered = {info.get("url_pathname") for info in at._registered_pages.values()}
        assert not registered & {"my-profile", "my-consents", "my-requests"}


def test_session_entry_for_a_student_names_no_participant(project: Project) -> None:
    entry = session_entry(account_for("student"), token="x")
    assert "participant_id" not in entry  # never trusted from the browser's session


def test_partnerships_shows_the_contact_funnel_under_the_disclosure_policy(
    app: RunApp, project: Project, session: Session
) -> None:
    from core.codes import Role
    from core.contacts.flow import Actor, Shared, answer, record_step

    card = student_with_profile(session)
    firm = company(session)
    request = ask(session, card, firm)
    manager = Actor(Role.MANAGER, "maija")
    answer(session, manager, request.id or 0, accept=True, shared=Shared("a@b.fi"))
    record_step(session, manager, request.id or 0, ContactStatus.AGREED, kind=AgreedKind.THESIS)
    session.commit()
    seen = app("manager", page="pages/partnerships.py")
    funnel = next(d.value for d in seen.dataframe if "Employed at 6 months" in d.value.index)
    assert list(funnel["Total"]) == ["1", "1", "1", "1", "0"]  # a thesis place, no job yet
    steering = app("steering", page="pages/partnerships.py")
    funnel = next(d.value for d in steering.dataframe if "Employed at 6 months" in d.value.index)
    assert "1" not in list(funnel["Total"])  # one request is a small group: hidden


def test_the_manager_creates_student_accounts_in_bulk(
    app: RunApp, project: Project, session: Session
) -> None:
    from tests.people import participant

    participant(session, project, "P-10", email="a10@student.oulu.fi")
    participant(session, project, "P-11", email="a11@student.oulu.fi")
    session.commit()
    at = app("manager", page="pages/users.py")
    at.text_area(key="users_students_codes").set_value("P-10\nP-11, P-99")
    at = submit(at, "Create student accounts")
    assert not at.exception and "2 accounts created" in at.success[0].value
    created, skipped = (d.value for d in at.dataframe[-2:])
    assert list(created["User name"]) == ["p-10", "p-11"]
    # No e-mail server here: the invitation links are shown once, to hand over.
    assert "could not be e-mailed" in at.warning[0].value
    assert all("/invite?t=" in link for link in created["Invitation link"])
    assert list(skipped["Code"]) == ["P-99"]
    assert list(skipped["Why"]) == ["No participant has this code."]
    users = session.exec(select(User).where(User.role == "student")).all()
    assert {u.email for u in users} == {"a10@student.oulu.fi", "a11@student.oulu.fi"}
    assert "student" not in at.selectbox(key="users_new_role").options  # only in bulk


@pytest.mark.parametrize(("lang", "shown", "picker"), [
    ("en", "Available from 1 Sep 2025", "DD/MM/YYYY"),
    ("fi", "Käytettävissä 1.9.2025 alkaen", "DD.MM.YYYY"),
])  # fmt: skip
def test_dates_read_in_the_ui_language_on_the_card_and_in_the_picker(
    app: RunApp, project: Project, session: Session, lang: str, shown: str, picker: str
) -> None:
    card = student_with_profile(session)
    card.available_from = date(2025, 9, 1)
    session.add(card)
    session.commit()
    at = app("student", lang=lang, page=PROFILE)
    markdown = " ".join([m.value for m in at.markdown] + [c.value for c in at.caption])
    assert shown in markdown and "2025-09-01" not in markdown
    assert at.date_input(key="my_profile_from").proto.format == picker


def test_no_page_draws_a_date_picker_but_through_ui_date_input() -> None:
    """Streamlit's own default shows YYYY/MM/DD whatever the language."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    direct = [
        str(path.relative_to(root))
        for folder in ("pages", "ui")
        for path in sorted((root / folder).glob("*.py"))
        if path.name != "state.py"
        and ".date_input(" in path.read_text().replace("ui.date_input(", "")
    ]
    assert direct == []
