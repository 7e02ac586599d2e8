"""Every target of the Oulu definition counts what it names (issue 15), and steering sees the
people-counting ones only as the disclosure policy allows."""

from __future__ import annotations

import uuid
from datetime import date

from sqlmodel import Session, select

from core.codes import Indicator, Role
from core.indicators.plan import PlanTarget, by_work_package, plan_targets, published_plan
from core.models import (
    Activity,
    BadgeAward,
    Commitment,
    Company,
    Event,
    Membership,
    Project,
    ProjectCompany,
    Survey,
    SurveyResponse,
    TargetGroup,
    WorkPackage,
)
from tests.people import participant

AS_OF = date(2026, 6, 30)


def _package(session: Session, code: str) -> int:
    wp = session.exec(select(WorkPackage).where(WorkPackage.code == code)).one()
    assert wp.id is not None
    return wp.id


def _find(items: list[PlanTarget], indicator: Indicator, kind: str | None = None) -> PlanTarget:
    return next(
        i
        for i in items
        if i.indicator is indicator and (kind is None or kind in (i.kind, i.event_type))
    )


def _world(session: Session, project: Project) -> None:
    assert project.id is not None
    pid, t11, t12 = project.id, _package(session, "T1.1"), _package(session, "T1.2")
    for i, (wp, day) in enumerate([(t11, date(2025, 10, 2)), (t12, date(2026, 3, 5))]):
        session.add(
            Event(
                project_id=pid,
                work_package_id=wp,
                code=f"W{i}",
                name="Workshop",
                event_type="workshop",
                event_date=day,
            )
        )
    for i in range(3):
        session.add(
            Activity(
                project_id=pid,
                work_package_id=t11,
                kind="interview",
                title=f"Interview {i}",
                activity_date=date(2025, 11, 1 + i),
                themes=["hr", "continuity"],
            )
        )
    session.add(
        Activity(
            project_id=pid,
            work_package_id=t12,
            kind="competence_mapping",
            title="Map",
            activity_date=date(2026, 2, 1),
            deliverable=True,
            done_on=date(2026, 5, 20),
        )
    )
    session.add(  # a deliverable not yet done does not count
        Activity(
            project_id=pid,
            work_package_id=_package(session, "T2.4"),
            kind="report",
            title="Follow-up report",
            activity_date=date(2026, 2, 1),
            deliverable=True,
        )
    )
    company = Company(business_id="1234567-1", name="Oy", size_class="micro")
    session.add(company)
    session.flush()
    session.add(ProjectCompany(project_id=pid, company_id=company.id, joined_on=date(2025, 9, 1)))
    session.add(
        Commitment(
            project_id=pid,
            company_id=company.id,
            year=2025,
            kind="internship_place",
            committed=5,
            delivered=4,
            signed_on=date(2025, 9, 15),
        )
    )
    survey = Survey(project_id=pid, code="LAUNCH", kind="launch_feedback", title="Launch")
    session.add(survey)
    session.flush()
    for _ in range(7):
        session.add(SurveyResponse(survey_id=survey.id, submitted_on=date(2025, 11, 20)))
    alumni = session.exec(select(TargetGroup).where(TargetGroup.code == "alumni")).one()
    for i in range(3):
        person = participant(session, project, f"P{i}", target_group_id=alumni.id)
        session.add(
            Membership(
                project_id=pid,
                participant_id=person.id,
                kind="ict_student_circle",
                start_date=date(2025, 9, 1),
            )
        )
        session.add(
            BadgeAward(
                project_id=pid,
                participant_id=person.id,
                badge_code="circle_member",
                uid=uuid.uuid4().hex,
                issued_on=date(2025, 12, 15),
            )
        )
    session.commit()


def test_every_kind_of_target_counts_what_it_names(session: Session, project: Project) -> None:
    _world(session, project)
    items = plan_targets(session, project, AS_OF)
    t11_workshops = next(
        i for i in items if i.event_type == "workshop" and i.work_package == "T1.1"
    )
    assert (t11_workshops.progress.actual, t11_workshops.progress.target) == (1, 2)
    assert _find(items, Indicator.ACTIVITIES, "interview").progress.actual == 3
    done = {i.kind: i.progress.actual for i in items if i.indicator is Indicator.DELIVERABLES_DONE}
    assert done == {"competence_mapping": 1, "model_description": 0, "report": 0}
    assert _find(items, Indicator.COMMITMENTS_DELIVERED).progress.actual == 4
    assert _find(items, Indicator.SURVEY_RESPONSES).progress.actual == 7
    assert _find(items, Indicator.MEMBERS, "ict_student_circle").progress.actual == 3
    assert _find(items, Indicator.MEMBERS, "alumni_programme").progress.actual == 0
    assert _find(items, Indicator.BADGES_ISSUED).progress.actual == 3
    alumni = next(i for i in items if i.condition == {"target_group": "alumni"})
    assert alumni.progress.actual == 3
    launch = _find(items, Indicator.EVENTS, "launch_event")
    assert launch.due == date(2025, 11, 30) and launch.progress.status.value == "behind"
    # Headline targets are the four cards; the rest group by work package, the project first.
    assert sum(i.headline for i in items) == 4
    groups = by_work_package(items)
    assert next(iter(groups)) == "" and {"T1.1", "T1.2", "T2.1", "T2.4"} <= set(groups)


def test_steering_sees_small_people_counts_hidden_and_events_as_they_are(
    session: Session, project: Project
) -> None:
    _world(session, project)
    shown = published_plan(plan_targets(session, project, AS_OF), Role.STEERING)
    members = _find(shown, Indicator.MEMBERS, "ict_student_circle")
    assert members.hidden and members.progress.actual == 0 and members.progress.percent is None
    responses = _find(shown, Indicator.SURVEY_RESPONSES)
    assert responses.actual_text == "5"  # 7 rounded to the nearest 5
    assert all(v % 5 == 0 for _, v in responses.actual)  # the drawn line is rounded too
    interviews = _find(shown, Indicator.ACTIVITIES, "interview")
    assert interviews.actual_text == "3"  # activities are not people: shown as they are
    manager = published_plan(plan_targets(session, project, AS_OF), Role.MANAGER)
    assert _find(manager, Indicator.MEMBERS, "ict_student_circle").actual_text == "3"
