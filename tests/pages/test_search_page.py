"""The search page as an SME: results with reasons, nothing personal, contact requests that
reach the manager's page, and hostile queries."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from core.models import AuditLog, ContactRequest, Participant, Project
from core.search.live import ensure_index, forget_loaded_indexes
from tests.pages.conftest import RunApp
from tests.search.helpers import add_profiles
from tests.security.helpers import page_text

pytestmark = pytest.mark.model
SEARCH = "pages/search.py"


@pytest.fixture
def profiles(session: Session, project: Project) -> dict[str, int]:
    forget_loaded_indexes()
    ids = add_profiles(session, project)
    ensure_index()
    return ids


def search(app: RunApp, query: str, role: str = "sme", lang: str = "en"):  # type: ignore[no-untyped-def]
    at = app(role, lang=lang, page=SEARCH)
    at.text_input(key="search_query").set_value(query)
    return at.run()


@pytest.mark.demo(date(2026, 11, 1))
def test_demo_results_show_no_personal_field(
    app: RunApp, engine: Engine, project: Project, session: Session
) -> None:
    forget_loaded_indexes()
    ensure_index()
    at = search(app, "embedded Linux device drivers")
    assert not at.exception
    text = page_text(at)
    assert "SP-" in text and "Has your words" in text
    for person in session.exec(select(Participant)):
        for value in (
            person.email,
            person.student_number,
            f"{person.first_name} {person.last_name}",
        ):
            assert not value or len(value) <= 5 or value not in text, value


def test_results_explain_and_the_search_is_audited(
    app: RunApp, profiles: dict[str, int], session: Session
) -> None:
    at = search(app, "VHDL")
    markdown = " ".join(m.value for m in at.markdown)
    assert "SP-VHDL1" in markdown and "SP-NOCON" not in markdown
    assert "**VHDL**" in markdown  # the query word is marked in the skills
    assert any("Match score" in p.proto.text for p in at.get("progress"))
    logged = session.exec(select(AuditLog).where(AuditLog.action == "search")).all()
    assert [e.detail for e in logged] == ["VHDL"]


def test_contact_request_reaches_the_manager(
    app: RunApp, profiles: dict[str, int], session: Session
) -> None:
    at = search(app, "Kubernetes")
    at.text_area(key="search_msg_SP-KUBER").set_value("We run k8s in Oulu <b>now</b>")
    at.button(key="search_send_SP-KUBER").click()
    at.run()
    assert any("Request sent for SP-KUBER" in s.value for s in at.success)
    # Issue 14: the card says so at once (no button left to press again), and keeps saying so.
    assert "search_send_SP-KUBER" not in [b.key for b in at.button]
    assert "Contact requested" in " ".join(m.value for m in at.markdown)  # the card's badge
    at.run()
    assert "Contact requested" in " ".join(m.value for m in at.markdown)
    request = session.exec(select(ContactRequest)).one()
    assert request.profile_id == profiles["SP-KUBER"] and request.query == "Kubernetes"
    manager = app("manager", page="pages/contact_requests.py")
    table = manager.dataframe[0].value
    assert list(table["Profile"]) == ["SP-KUBER"]
    assert list(table["Status"]) == ["Waiting for the student"]
    assert list(table["E-mail"]) == ["aino.virtanen@student.oulu.fi"]
    manager.selectbox(key="contact_which").set_value(request.id)
    manager.run()
    manager.button(key="FormSubmitter:contact_requests_1_answer-Accept").click()
    manager.run()
    assert list(manager.dataframe[0].value["Status"]) == ["Accepted"]
    session.expire_all()
    answered = session.exec(select(ContactRequest)).one()
    assert answered.student_consent is True and answered.consent_recorded_at is not None
    assert answered.shared_email == "aino.virtanen@student.oulu.fi"


def test_shortlist_keeps_codes_for_the_session(app: RunApp, profiles: dict[str, int]) -> None:
    at = search(app, "Zephyr")
    at.button(key="search_add_SP-ENEMB").click()
    at.run()
    assert [h.value for h in at.sidebar.subheader] == ["Shortlist (1)"]
    assert "SP-ENEMB" in " ".join(m.value for m in at.sidebar.markdown)
    at.button(key="search_drop_SP-ENEMB").click()
    at.run()
    assert [h.value for h in at.sidebar.subheader] == ["Shortlist (0)"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("🚀🔥", "no words"),
        ("\x00\x1b", "The search is empty: type what you are looking for"),
        ("FPGA " * 2000, "first 500 characters"),
        ("<script>alert(1)</script> ' OR 1=1 --", ""),
    ],
)
def test_hostile_queries_get_a_clear_answer(
    app: RunApp, profiles: dict[str, int], query: str, message: str
) -> None:
    at = search(app, query)
    assert not at.exception
    shown = " ".join(x.value for x in [*at.warning, *at.info, *at.markdown])
    assert message in shown
    assert "<script>" not in " ".join(m.value for m in at.markdown)


def test_finnish_page(app: RunApp, profiles: dict[str, int]) -> None:
    at = search(app, "sulautettu ohjelmointi", lang="fi")
    assert at.title[0].value == "Etsi opiskelijoita osaamisen perusteella"
    assert "SP-ENEMB" in " ".join(m.value for m in at.markdown)
