"""The pages of the whole plan (issue 15) per role: the manager keeps activities, surveys and
badges; steering and SME users cannot open them (steering sees the counts on the Overview)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, select

from core.access.navigation import pages_for
from core.activities.records import ActivityInput, save_activity
from core.codes import Role
from core.models import Activity, BadgeAward, Project, Survey
from core.surveys.answers import create_links, create_survey, submit
from core.surveys.questions import builtin_survey
from tests.pages.conftest import REPO_ROOT, RunApp
from tests.people import participant
from tests.security.helpers import open_url

PLAN_PAGES = [
    ("pages/activities.py", "Activities and deliverables", "Toimenpiteet ja tuotokset"),
    ("pages/surveys.py", "Surveys", "Kyselyt"),
    ("pages/badges.py", "Memberships and badges", "Jäsenyydet ja osaamismerkit"),
]
MANAGER_ONLY = [p for p in PLAN_PAGES if p[0] != "pages/surveys.py"]


@pytest.mark.parametrize(("page", "title", "title_fi"), PLAN_PAGES)
def test_manager_opens_each_plan_page_in_both_languages(
    app: RunApp, project: Project, page: str, title: str, title_fi: str
) -> None:
    assert app(page=page).title[0].value == title
    assert app(page=page, lang="fi").title[0].value == title_fi


@pytest.mark.once  # who may open a page: core/access/navigation, not the database
@pytest.mark.parametrize("role", [Role.STEERING, Role.SME])
def test_other_roles_cannot_open_plan_pages(app: RunApp, project: Project, role: Role) -> None:
    allowed = {spec.path for spec in pages_for(role)}
    at = app(role=role.value)
    for page, title, _ in MANAGER_ONLY if role is Role.STEERING else PLAN_PAGES:
        assert page not in allowed
        assert all(t.value != title for t in at.title)
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(str(REPO_ROOT / page))


def test_record_an_interview_from_the_page(app: RunApp, project: Project, session: Session) -> None:
    at = app(page="pages/activities.py")
    assert at.selectbox(key="activity_wp").value == "T1.1"  # the first package and kind
    assert at.selectbox(key="activity_kind").value == "interview"
    at.text_input(key="activity_name").input("Interview at a games studio")
    at.multiselect(key="activity_themes").select("hr").select("continuity")
    at.text_area(key="activity_bottlenecks").input("No one has time to supervise")
    at.button(key="FormSubmitter:activity_form-Save activity").click().run()
    assert not at.exception
    assert "Saved: Interview at a games studio" in at.success[0].value
    row = session.exec(select(Activity)).one()
    assert (row.kind, row.themes) == ("interview", ["hr", "continuity"])
    assert "Human resources" in at.dataframe[0].value["Interview themes covered"].iloc[0]


@pytest.mark.once  # a form's error in Finnish, refused before any query
def test_a_title_missing_is_named_in_finnish(app: RunApp, project: Project) -> None:
    at = app(page="pages/activities.py", lang="fi")
    at.button(key="FormSubmitter:activity_form-Tallenna toimenpide").click().run()
    assert not at.exception
    assert "Otsikko" in at.error[0].value


def test_mark_a_deliverable_done_and_attach_evidence(
    app: RunApp, project: Project, session: Session
) -> None:
    save_activity(
        session,
        project,
        ActivityInput("T2.4", "report", "Follow-up report", date(2026, 1, 10), deliverable=True),
    )
    session.commit()
    at = app(page="pages/activities.py")
    at.button(key="activity_mark_done").click().run()
    assert not at.exception
    session.expire_all()
    assert session.exec(select(Activity)).one().done_on is not None
    assert "activity_mark_done" not in [b.key for b in at.button]


def test_create_a_builtin_survey_and_make_links(
    app: RunApp, project: Project, session: Session
) -> None:
    at = app(page="pages/surveys.py")
    at.selectbox(key="survey_start").set_value("sme_recruitment")
    at.text_input(key="survey_code").input("SME-2026")
    at.button(key="FormSubmitter:survey_form-Create survey").click().run()
    assert not at.exception
    assert "Survey SME-2026 created." in [s.value for s in at.success]
    survey = session.exec(select(Survey)).one()
    assert survey.kind == "sme_recruitment" and len(survey.questions) == 5
    at.text_area(key="survey_link_codes").input("P-1\nP-2")
    at.button(key="FormSubmitter:survey_links_form-Make links").click().run()
    assert "not shown again" in at.warning[0].value
    links = at.dataframe[-1].value  # the links just made
    assert len(links) == 2 and all("/answer?s=" in url for url in links["URL"])


def _survey_link(session: Session, project: Project) -> str:
    survey = create_survey(session, project, builtin_survey("launch_feedback", "LAUNCH"))
    [(_, token)] = create_links(session, survey, personal=["P-1"])
    session.commit()
    return token


def test_answer_a_survey_signed_out_once(app: RunApp, project: Project, session: Session) -> None:
    token = _survey_link(session, project)
    at = app(role=None)
    at.query_params["s"] = token
    at = open_url(at, "answer")
    assert [t.value for t in at.title] == ["Feedback on the cooperation offering (launch event)"]
    at.radio(key="answer_attractive").set_value("5")
    at.button(key="FormSubmitter:answer_form-Send answers").click().run()
    assert not at.exception
    assert "Thank you" in at.success[0].value
    again = open_url(app(role=None), "answer")
    assert [e.value for e in again.error][:1] == [
        "This survey link is not valid. Please check the address you were sent."
    ]  # no token: nothing but that sentence
    used = app(role=None, lang="fi")
    used.query_params["s"] = token
    used = open_url(used, "answer")
    assert "kerran" in used.info[0].value  # the personal link was used: no second answer
    assert not used.get("form")


def test_a_wrong_token_shows_nothing_of_silta(app: RunApp, project: Project) -> None:
    at = app(role=None)
    at.query_params["s"] = "guess"
    at = open_url(at, "answer")
    assert [t.value for t in at.title] == ["Silta"]
    assert not at.dataframe and not at.metric and not at.get("form")


def test_steering_reads_survey_results_suppressed_without_open_answers(
    app: RunApp, project: Project, session: Session
) -> None:
    survey = create_survey(session, project, builtin_survey("launch_feedback", "LAUNCH"))
    [(_, token)] = create_links(session, survey, anonymous=True)
    for score in ("5", "5", "4"):
        submit(session, token, {"attractive": score, "improve": "Call me: Aino"}, date(2026, 1, 5))
    session.commit()
    steering = app(role="steering", page="pages/surveys.py")
    assert not steering.exception and steering.title[0].value == "Surveys"
    assert not steering.get("form") and not steering.get("tabs")  # no links, no import
    captions = " ".join(c.value for c in steering.caption)
    assert "Responses <5" in captions
    assert not any("Aino" in t.value for t in steering.get("text"))
    manager = app(page="pages/surveys.py")
    assert any("Aino" in t.value for t in manager.get("text"))


def test_issue_a_badge_and_download_its_open_badges_files(
    app: RunApp, project: Project, session: Session
) -> None:
    participant(session, project, "P-5", email="p5@student.oulu.fi")
    session.commit()
    at = app(page="pages/badges.py")
    at.text_input(key="badge_member_code").input("P-5")
    at.button(key="FormSubmitter:badge_member_form-Add member").click().run()
    assert not at.exception and not at.error
    at.text_input(key="badge_issue_code").input("P-5")
    at.button(key="FormSubmitter:badge_issue_form-Issue badge").click().run()
    assert not at.exception and not at.error
    award = session.exec(select(BadgeAward)).one()
    assert award.badge_code == "circle_member"
    assert {"badge_json", "badge_png"} <= {b.key for b in at.get("download_button")}
    bad = app(page="pages/badges.py", lang="fi")
    bad.text_input(key="badge_issue_code").input("P-404")
    bad.button(key="FormSubmitter:badge_issue_form-Myönnä merkki").click().run()
    assert "Osallistujatunnus" in bad.error[0].value
