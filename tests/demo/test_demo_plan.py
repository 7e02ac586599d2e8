"""The demo holds the plan's records (issue 15): the overview shows every target moving."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from core.codes import Indicator, Role
from core.indicators.plan import plan_targets, published_plan
from core.models import Activity, BadgeAward, Membership, Project, Survey, SurveyResponse

TODAY = date(2026, 11, 23)


@pytest.mark.demo(TODAY)
def test_the_demo_moves_every_kind_of_target(
    engine: Engine, session: Session, project: Project
) -> None:
    items = plan_targets(session, project, TODAY)
    workshops = {i.work_package: i.progress.actual for i in items if i.event_type == "workshop"}
    assert workshops["T1.1"] >= 1 and workshops["T1.2"] >= 1
    moving = {i.indicator for i in items if i.progress.actual > 0}
    assert {
        Indicator.ACTIVITIES,
        Indicator.DELIVERABLES_DONE,
        Indicator.COMMITMENTS_DELIVERED,
        Indicator.SURVEY_RESPONSES,
        Indicator.MEMBERS,
        Indicator.BADGES_ISSUED,
    } <= moving
    interviews = session.exec(select(Activity).where(Activity.kind == "interview")).all()
    assert interviews and all(3 <= len(a.themes) <= 5 and a.bottlenecks for a in interviews)
    kinds = {s.kind for s in session.exec(select(Survey))}
    assert {"launch_feedback", "student_experience", "sme_recruitment"} <= kinds
    first_years = session.exec(select(SurveyResponse).where(SurveyResponse.study_year == 1)).all()
    assert first_years  # the first year is asked about, as T3.1 stresses
    assert session.exec(select(Membership)).first() and session.exec(select(BadgeAward)).first()
    # Steering sees the same targets with people counts rounded.
    shown = published_plan(items, Role.STEERING)
    members = next(i for i in shown if i.kind == "ict_student_circle")
    assert members.hidden or int(members.actual_text) % 5 == 0
