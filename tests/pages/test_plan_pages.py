"""The pages of the whole plan (issue 15) per role: the manager keeps activities, surveys and
badges; steering and SME users cannot open them (steering sees the counts on the Overview)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, select

from core.access.navigation import pages_for
from core.activities.records import ActivityInput, save_activity
from core.codes import Role
from core.models import Activity, Project
from tests.pages.conftest import REPO_ROOT, RunApp

PLAN_PAGES = [
    ("pages/activities.py", "Activities and deliverables", "Toimenpiteet ja tuotokset"),
]


@pytest.mark.parametrize(("page", "title", "title_fi"), PLAN_PAGES)
def test_manager_opens_each_plan_page_in_both_languages(
    app: RunApp, project: Project, page: str, title: str, title_fi: str
) -> None:
    assert app(page=page).title[0].value == title
    assert app(page=page, lang="fi").title[0].value == title_fi


@pytest.mark.parametrize("role", [Role.STEERING, Role.SME])
def test_other_roles_cannot_open_plan_pages(app: RunApp, project: Project, role: Role) -> None:
    allowed = {spec.path for spec in pages_for(role)}
    at = app(role=role.value)
    for page, title, _ in PLAN_PAGES:
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


def test_a_title_missing_is_named_in_finnish(app: RunApp, project: Project) -> None:
    at = app(page="pages/activities.py", lang="fi")
    at.button(key="FormSubmitter:activity_form-Tallenna toimenpide").click().run()
    assert not at.exception
    assert "Otsikko" in at.error[0].value


def test_mark_a_deliverable_done_and_attach_evidence(
    app: RunApp, project: Project, session: Session
) -> None:
    save_activity(session, project, ActivityInput("T2.4", "report", "Follow-up report",
                                                  date(2026, 1, 10), deliverable=True))  # fmt: skip
    session.commit()
    at = app(page="pages/activities.py")
    at.button(key="activity_mark_done").click().run()
    assert not at.exception
    session.expire_all()
    assert session.exec(select(Activity)).one().done_on is not None
    assert "activity_mark_done" not in [b.key for b in at.button]
