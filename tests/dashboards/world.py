"""A small hand-made project world whose every dashboard number is worked out by hand below.

Companies (joined):   Alpha, Bravo, Charlie, Delta, Echo: micro, Oulu, 2025-10
                      Foxtrot: small, Oulu, 2026-01; Golf, Hotel: micro, Kempele, 2026-02 / 03
Commitments:          Alpha 2026 internship 2/1, scholarship 1/1 (3000 €)
                      Bravo 2026 internship 3/3, 2025 thesis 1/0; Charlie 2026 scholarship 2/0
                      (5000 €)
Events:               E1 2025-09-10 T2.2 meetup, E2 2025-09-20 T2.3 coffee with alumni,
                      E3 2025-11-05 T2.2 workshop, E4 2026-02-01 T1.1 company interview
Attendees:            A1 international (P1), A2 international (P2), A3 alumni (P3),
                      A4 alumni, A5 company partner (Alpha), A6 international (P4)
Attendance:           E1: A1 A2 A3 A4; E2: A1 A3 A5; E3: A1 A6; E4: A5
Participants:         P1 man software, left 2026-01-31; P2 woman devices, left 2026-03-31;
                      P3 woman software, left 2026-05-31; P4 non-binary software, still in;
                      P5 man devices, left 2026-02-28 (never at an event)
Follow-ups:           P1 28 d: job searching (02-20) then employed (02-27); 6 m (07-31):
                      employed, matches, ICT, region, stays, score 5
                      P2 28 d (04-25): in education; 6 m (10-01): employed, ICT, not matching,
                      not in region, precarious → stable, leaves, score 3
                      P3 28 d (06-20): employed, stays, score 4
                      P5 6 m (08-30): job searching
Milestones:           participants target: 300 by 2026-06-30 ("Half way");
                      the T1.1 workshop target: 1 by 2026-06-30
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlmodel import Session, select

from core.models import (
    Attendance,
    Attendee,
    Commitment,
    Company,
    Event,
    FollowUp,
    Milestone,
    Participant,
    Project,
    ProjectCompany,
    Spearhead,
    Target,
    TargetGroup,
    WorkPackage,
)
from core.privacy.shown import Shown

TODAY = date(2026, 11, 23)


@dataclass(frozen=True)
class World:
    project: Project
    companies: dict[str, str]  # name → business ID


def _ids(session: Session, model: type, project: Project) -> dict[str, int]:
    rows = session.exec(select(model).where(model.project_id == project.id))  # type: ignore[attr-defined]
    return {row.code: row.id for row in rows}


COMPANIES = [
    ("Alpha Oy", "micro", "Oulu", date(2025, 10, 3)),
    ("Bravo Oy", "micro", "Oulu", date(2025, 10, 9)),
    ("Charlie Oy", "micro", "Oulu", date(2025, 10, 15)),
    ("Delta Oy", "micro", "Oulu", date(2025, 10, 21)),
    ("Echo Oy", "micro", "Oulu", date(2025, 10, 27)),
    ("Foxtrot Oy", "small", "Oulu", date(2026, 1, 12)),
    ("Golf Oy", "micro", "Kempele", date(2026, 2, 2)),
    ("Hotel Oy", "micro", "Kempele", date(2026, 3, 3)),
]
BUSINESS_IDS = ["0000001-9", "0000002-7", "0000003-5", "0000004-3", "0000005-1", "0000007-8",
                "0000008-6", "0000009-4"]  # fmt: skip


def assert_no_small_group_shown(shown: Shown) -> None:
    """Every shown cell is 0 or at least 5; every hidden cell is missing (never a number)."""
    visible = shown.values.where(~shown.hidden)
    assert not ((visible > 0) & (visible < 5)).to_numpy().any(), shown.text
    assert shown.values.where(shown.hidden).isna().to_numpy().all()
    assert shown.text.where(shown.hidden).isin(["<5", ".."]).where(shown.hidden, True).all().all()


def build_world(session: Session, project: Project) -> World:
    companies = _companies(session, project)
    people = _participants(session, project)
    _events(session, project, people, companies)
    _follow_ups(session, people)
    _milestones(session, project)
    session.commit()
    names = {name: business for (name, *_), business in zip(COMPANIES, BUSINESS_IDS, strict=True)}
    return World(project, names)


def _companies(session: Session, project: Project) -> dict[str, int]:
    ids = {}
    for (name, size, town, joined), business in zip(COMPANIES, BUSINESS_IDS, strict=True):
        company = Company(business_id=business, name=name, size_class=size, municipality=town)
        session.add(company)
        session.flush()
        session.add(ProjectCompany(project_id=project.id, company_id=company.id, joined_on=joined))
        ids[name] = company.id
    for name, year, kind, committed, delivered, euros in [
        ("Alpha Oy", 2026, "internship_place", 2, 1, None),
        ("Alpha Oy", 2026, "scholarship", 1, 1, 3000),
        ("Bravo Oy", 2026, "internship_place", 3, 3, None),
        ("Bravo Oy", 2025, "thesis_place", 1, 0, None),
        ("Charlie Oy", 2026, "scholarship", 2, 0, 5000),
    ]:
        session.add(
            Commitment(
                project_id=project.id,
                company_id=ids[name],
                year=year,
                kind=kind,
                committed=committed,
                delivered=delivered,
                amount_eur=None if euros is None else Decimal(euros),
            )
        )
    return ids


def _participants(session: Session, project: Project) -> dict[str, Participant]:
    groups = _ids(session, TargetGroup, project)
    spearheads = _ids(session, Spearhead, project)
    people = {}
    for code, gender, spearhead, exit_day in [
        ("P1", "man", "software", date(2026, 1, 31)),
        ("P2", "woman", "devices", date(2026, 3, 31)),
        ("P3", "woman", "software", date(2026, 5, 31)),
        ("P4", "non_binary", "software", None),
        ("P5", "man", "devices", date(2026, 2, 28)),
    ]:
        person = Participant(
            project_id=project.id,
            code=code,
            target_group_id=groups["international_students"],
            spearhead_id=spearheads[spearhead],
            entry_status="in_education",
            gender=gender,
            age_band="18-29",
            isced="5-8",
            entry_date=date(2025, 9, 1),
            exit_date=exit_day,
        )
        session.add(person)
        people[code] = person
    session.flush()
    return people


def _events(
    session: Session, project: Project, people: dict[str, Participant], companies: dict[str, int]
) -> None:
    packages = _ids(session, WorkPackage, project)
    groups = _ids(session, TargetGroup, project)
    events = {}
    for code, day, package, kind in [
        ("E1", date(2025, 9, 10), "T2.2", "meetup"),
        ("E2", date(2025, 9, 20), "T2.3", "coffee_with_alumni"),
        ("E3", date(2025, 11, 5), "T2.2", "workshop"),
        ("E4", date(2026, 2, 1), "T1.1", "company_interview"),
    ]:
        event = Event(
            project_id=project.id,
            work_package_id=packages[package],
            code=code,
            name=f"Event {code}",
            event_type=kind,
            event_date=day,
        )
        session.add(event)
        events[code] = event
    attendees = {}
    for code, group, person, company in [
        ("A1", "international_students", "P1", None),
        ("A2", "international_students", "P2", None),
        ("A3", "alumni", "P3", None),
        ("A4", "alumni", None, None),
        ("A5", "company_partners", None, "Alpha Oy"),
        ("A6", "international_students", "P4", None),
    ]:
        attendee = Attendee(
            project_id=project.id,
            code=code,
            target_group_id=groups[group],
            participant_id=None if person is None else people[person].id,
            company_id=None if company is None else companies[company],
        )
        session.add(attendee)
        attendees[code] = attendee
    session.flush()
    for event, who in [
        ("E1", "A1 A2 A3 A4"),
        ("E2", "A1 A3 A5"),
        ("E3", "A1 A6"),
        ("E4", "A5"),
    ]:
        for code in who.split():
            session.add(Attendance(event_id=events[event].id, attendee_id=attendees[code].id))


def _follow_ups(session: Session, people: dict[str, Participant]) -> None:
    answers: list[tuple[str, str, date, str, dict[str, object]]] = [
        ("P1", "28_days", date(2026, 2, 20), "job_searching", {}),
        ("P1", "28_days", date(2026, 2, 27), "employed", {}),
        (
            "P1",
            "6_months",
            date(2026, 7, 31),
            "employed",
            {
                "job_matches_education": True,
                "job_in_ict": True,
                "job_in_region": True,
                "intends_to_stay": True,
                "experience_score": 5,
            },
        ),
        ("P2", "28_days", date(2026, 4, 25), "in_education", {}),
        (
            "P2",
            "6_months",
            date(2026, 10, 1),
            "employed",
            {
                "job_matches_education": False,
                "job_in_ict": True,
                "job_in_region": False,
                "precarious_to_stable": True,
                "intends_to_stay": False,
                "experience_score": 3,
            },
        ),
        (
            "P3",
            "28_days",
            date(2026, 6, 20),
            "employed",
            {"intends_to_stay": True, "experience_score": 4},
        ),
        ("P5", "6_months", date(2026, 8, 30), "job_searching", {}),
    ]
    for code, kind, day, status, extra in answers:
        session.add(
            FollowUp(
                participant_id=people[code].id, kind=kind, recorded_on=day, status=status, **extra
            )
        )


def _milestones(session: Session, project: Project) -> None:
    targets = session.exec(select(Target).where(Target.project_id == project.id)).all()
    participants = next(t for t in targets if t.indicator == "participants")
    workshops = next(t for t in targets if t.work_package_id is not None)
    session.add(
        Milestone(
            target_id=participants.id, due_date=date(2026, 6, 30), value=300, label="Half way"
        )
    )
    session.add(Milestone(target_id=workshops.id, due_date=date(2026, 6, 30), value=1))
