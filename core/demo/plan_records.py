"""The demo's activities, surveys, memberships and badges (issue 15), drawn from the demo world.

Everything here follows from the world (its interviews, launch event, students, circle members)
and a seeded stream, and only what happened by `today` is written, so an earlier day's demo is
still a prefix of a later one's.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlmodel import Session

from core.codes import EventType, InterviewTheme
from core.demo.people import Person
from core.demo.plan import stream
from core.demo.world import DemoWorld
from core.demo.write import Writer, stamp
from core.models import (
    Activity,
    BadgeAward,
    Membership,
    Project,
    Survey,
    SurveyLink,
    SurveyResponse,
)
from core.surveys.questions import builtin_survey

THEMES = [t.value for t in InterviewTheme]
BOTTLENECKS = (
    "Supervising a student takes more of a small team's time than expected.",
    "The internship agreement and insurance questions feel heavy for a first-time employer.",
    "Finding a thesis topic that fits both the company's needs and the programme takes long.",
    "English-speaking students need Finnish for customer work; the company cannot offer it.",
    "Tools and access rights for a short internship are hard to arrange quickly.",
    "The company does not know when students are free to start.",
)
# (work package, kind, title, day, deliverable done on): the plan's pilots, focus groups and
# published results, on days spread over the work packages' periods.
PLANNED: tuple[tuple[str, str, str, date, date | None], ...] = (
    (
        "T1.1",
        "pilot",
        "Pilot: a one-page internship agreement for micro companies",
        date(2026, 2, 16),
        None,
    ),
    ("T1.1", "pilot", "Pilot: two micro companies sharing one supervisor", date(2026, 9, 14), None),
    (
        "T1.2",
        "focus_group",
        "Focus group: software students on their competences",
        date(2025, 11, 19),
        None,
    ),
    (
        "T1.2",
        "focus_group",
        "Focus group: supervisors on internship goals",
        date(2026, 4, 15),
        None,
    ),
    (
        "T1.2",
        "focus_group",
        "Focus group: device students and company mentors",
        date(2026, 11, 11),
        None,
    ),
    (
        "T1.2",
        "competence_mapping",
        "Map of students' competences and companies' needs",
        date(2026, 1, 20),
        date(2026, 6, 12),
    ),
    (
        "T2.1",
        "model_description",
        "Description of the piloted cooperation models",
        date(2026, 10, 1),
        date(2027, 3, 31),
    ),
    (
        "T2.4",
        "report",
        "Report on the follow-up of qualitative employment",
        date(2027, 1, 15),
        date(2027, 11, 30),
    ),
)


@dataclass
class PlanWriter:
    """Writes the plan's records for the demo; `ids` are the written participants and
    companies by world key."""

    session: Session
    world: DemoWorld
    today: date
    project: Project
    packages: dict[str, int]
    participant_ids: dict[int, int]
    company_ids: dict[int, int]
    event_days: dict[str, date]
    counts: Counter[str]

    def write(self) -> None:
        self.activities()
        self.surveys()
        self.memberships_and_badges()

    def _add(self, row: Any) -> None:
        self.session.add(row)
        self.counts[type(row).__tablename__] += 1

    def activities(self) -> None:
        rng = stream(self.world.seed, "plan-activities")
        assert self.project.id is not None
        for event in self.world.events:
            if event.event_type != EventType.COMPANY_INTERVIEW or event.day > self.today:
                continue
            company = self.company_ids.get(event.company or -1)
            themes = sorted(rng.sample(THEMES, rng.randint(3, 5)), key=THEMES.index)
            found = rng.sample(BOTTLENECKS, rng.randint(1, 2))
            self._add(
                Activity(
                    project_id=self.project.id,
                    work_package_id=self.packages["T1.1"],
                    kind="interview",
                    title=event.name,
                    activity_date=event.day,
                    company_ids=[company] if company else [],
                    people=rng.randint(1, 3),
                    themes=themes,
                    bottlenecks="\n".join(found),
                    created_by="demo",
                    created_at=stamp(event.day, 17 * 60),
                )
            )
        for package, kind, title, day, done in PLANNED:
            if day > self.today:
                continue
            self._add(
                Activity(
                    project_id=self.project.id,
                    work_package_id=self.packages[package],
                    kind=kind,
                    title=title,
                    activity_date=day,
                    deliverable=done is not None,
                    done_on=done if done is not None and done <= self.today else None,
                    people=rng.randint(6, 14) if kind == "focus_group" else None,
                    created_by="demo",
                    created_at=stamp(day, 17 * 60),
                )
            )

    def _survey(self, kind: str, code: str, day: date) -> Survey:
        definition = builtin_survey(kind, code)
        assert self.project.id is not None
        survey = Survey(
            project_id=self.project.id,
            code=code,
            kind=kind,
            title=definition.title,
            title_fi=definition.title_fi,
            questions=[q.model_dump(mode="json") for q in definition.questions],
            created_at=stamp(day, 8 * 60),
        )
        self.session.add(survey)
        self.session.flush()
        self.counts["survey"] += 1
        return survey

    def _answer(
        self,
        survey: Survey,
        day: date,
        answers: dict[str, Any],
        who: str,
        personal: bool,
        year: int | None = None,
    ) -> None:
        assert survey.id is not None
        digest = hashlib.sha256(f"demo:{survey.code}:{who}".encode()).hexdigest()
        link = SurveyLink(
            survey_id=survey.id,
            token_hash=digest,
            personal=personal,
            participant_code=who if personal else "",
            used_at=stamp(day, 12 * 60) if answers and personal else None,
            created_at=survey.created_at,
        )
        self.session.add(link)
        self.session.flush()
        if answers:
            self._add(
                SurveyResponse(
                    survey_id=survey.id,
                    link_id=link.id,
                    submitted_on=day,
                    answers=answers,
                    participant_code=who if personal else "",
                    study_year=year,
                )
            )

    def surveys(self) -> None:
        rng = stream(self.world.seed, "plan-surveys")
        launch = self.event_days.get("launch_event")
        if launch is not None and launch <= self.today:
            survey = self._survey("launch_feedback", "LAUNCH-FEEDBACK", launch)
            for n in range(rng.randint(34, 46)):
                day = launch + timedelta(days=rng.randint(0, 9))
                answers = (
                    {}
                    if day > self.today
                    else {
                        "attractive": rng.choice([3, 4, 4, 4, 5, 5]),
                        "usable": rng.choice([2, 3, 4, 4, 5]),
                        "interest": sorted(
                            rng.sample(
                                ["internship", "thesis", "scholarship", "expert_talk", "mentoring"],
                                rng.randint(1, 3),
                            )
                        ),
                    }
                )
                self._answer(survey, day, answers, f"launch-{n}", personal=False)
        self._students(rng)
        self._companies(rng)

    def _students(self, rng: Any) -> None:
        students = [p for p in self.world.people if p.category == "student" and p.participant]
        for year in (2025, 2026, 2027):
            day = date(year, 11, 15)
            if day > self.today:
                return
            survey = self._survey("student_experience", f"EXPERIENCE-{year}", day)
            for person in students:
                if not person.active_on(day) or person.key not in self.participant_ids:
                    continue
                study_year = min((day - person.start).days // 365 + 1, 4)
                answered = rng.random() < 0.42
                base = 4 if study_year > 1 else 3
                answers = (
                    {}
                    if not answered
                    else {
                        "study_year": str(study_year),
                        "experience": max(1, min(5, base + rng.choice([-1, 0, 0, 1]))),
                        "support": max(1, min(5, base + rng.choice([-1, 0, 1]))),
                        "interaction": rng.choice([2, 3, 3, 4, 5]),
                        "intends_to_stay": rng.choice(
                            ["yes", "yes", "maybe", "no"]
                            if study_year > 1
                            else ["yes", "maybe", "maybe", "no"]
                        ),
                    }
                )
                submitted = day + timedelta(days=rng.randint(0, 12))
                if submitted > self.today:
                    answers = {}
                self._answer(
                    survey,
                    submitted,
                    answers,
                    f"P-{person.key}",
                    personal=True,
                    year=study_year if answers else None,
                )

    def _companies(self, rng: Any) -> None:
        day = date(2026, 5, 4)
        if day > self.today:
            return
        survey = self._survey("sme_recruitment", "SME-RECRUITMENT-2026", day)
        for key in sorted(self.company_ids)[:40]:
            answered = rng.random() < 0.55 and day + timedelta(days=14) <= self.today
            answers = (
                {}
                if not answered
                else {
                    "positive": rng.choice([3, 4, 4, 5, 5]),
                    "light": rng.choice([2, 3, 3, 4, 5]),
                    "again": rng.choice(["yes", "yes", "maybe", "no"]),
                    "effort": sorted(
                        rng.sample(
                            ["finding", "agreement", "supervision", "paperwork", "language"],
                            rng.randint(1, 2),
                        )
                    ),
                }
            )
            self._answer(
                survey, day + timedelta(days=rng.randint(0, 14)), answers, f"C-{key}", personal=True
            )

    def memberships_and_badges(self) -> None:
        rng = stream(self.world.seed, "plan-members")
        assert self.project.id is not None
        for person in self.world.people:
            pid = self.participant_ids.get(person.key)
            if pid is None:
                continue
            if person.circle and person.category == "student":
                self._circle(person, pid, rng)
            if person.category == "alumni" and person.start <= self.today:
                self._add(
                    Membership(
                        project_id=self.project.id,
                        participant_id=pid,
                        kind="alumni_programme",
                        start_date=person.start,
                    )
                )

    def _circle(self, person: Person, pid: int, rng: Any) -> None:
        assert self.project.id is not None
        start = max(person.start, date(2025, 9, 1))
        if start > self.today:
            return
        end = start + timedelta(days=rng.choice([240, 300, 365, 600]))
        self._add(
            Membership(
                project_id=self.project.id,
                participant_id=pid,
                kind="ict_student_circle",
                start_date=start,
                end_date=end if end <= self.today else None,
            )
        )
        earned = start + timedelta(days=120)  # one term in the circle
        if earned <= self.today:
            self._add(
                BadgeAward(
                    project_id=self.project.id,
                    participant_id=pid,
                    badge_code="circle_member",
                    uid=_uid(self.world.seed, person.key, "member"),
                    issued_on=earned,
                    evidence="A term in the ICT Student Circle",
                    issued_by="demo",
                )
            )
        organised = start + timedelta(days=200)
        if rng.random() < 0.3 and organised <= self.today:
            self._add(
                BadgeAward(
                    project_id=self.project.id,
                    participant_id=pid,
                    badge_code="circle_organiser",
                    uid=_uid(self.world.seed, person.key, "organiser"),
                    issued_on=organised,
                    evidence="Led a themed event",
                    issued_by="demo",
                )
            )


def write_plan_records(writer: Writer) -> None:
    """The seeding step "plan-records": after the world's people, companies and events."""
    project = writer.session.get(Project, writer.project_id)
    assert project is not None
    days: dict[str, date] = {}
    for event in writer.world.events:
        days.setdefault(event.event_type, event.day)
    PlanWriter(
        session=writer.session,
        world=writer.world,
        today=writer.today,
        project=project,
        packages=writer.ids["work_package"],
        participant_ids=writer.participant_ids,
        company_ids=writer.company_ids,
        event_days=days,
        counts=writer.counts,
    ).write()
    writer.session.flush()


def _uid(seed: int, key: int, badge: str) -> str:
    """A demo award's public id: fixed by the seed and the person's key in the demo world
    (not a database id, which differs between databases): the same seed, the same ids."""
    return hashlib.sha256(f"{seed}:{key}:{badge}".encode()).hexdigest()[:32]
