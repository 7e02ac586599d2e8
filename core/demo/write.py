"""Write the demo world into the database as it stands on one day (rows dated up to today)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar

from sqlalchemy import insert
from sqlmodel import Session, select

from core.access.consent import record_demo_consents
from core.demo.people import Person
from core.demo.world import DemoWorld
from core.models import (
    Attendance,
    Attendee,
    Commitment,
    Company,
    CompetenceProfile,
    Event,
    FollowUp,
    Participant,
    Programme,
    ProjectCompany,
    Spearhead,
    TargetGroup,
    WorkPackage,
)

# Optional answer columns of a follow-up; every row names all of them (executemany needs it).
ANSWERS = (
    "precarious_to_stable",
    "underemployed_to_full",
    "more_skilled_job",
    "job_matches_education",
    "job_in_ict",
    "job_in_region",
    "experience_score",
    "intends_to_stay",
)


Coded = TypeVar("Coded", Programme, Spearhead, TargetGroup, WorkPackage)


def _codes(session: Session, model: type[Coded], project_id: int) -> dict[str, int]:
    rows = session.exec(select(model).where(model.project_id == project_id))
    return {row.code: row.id for row in rows if row.id is not None}


def stamp(day: date, minutes: int = 0) -> datetime:
    """A fixed time on `day` (UTC): demo timestamps come from dates, never from the clock."""
    return datetime.combine(day, time(0), tzinfo=UTC) + timedelta(minutes=minutes)


@dataclass
class Writer:
    """Writes one table after another, remembering the database ids of what it wrote."""

    session: Session
    world: DemoWorld
    today: date
    project_id: int
    counts: Counter[str] = field(default_factory=Counter)
    company_ids: dict[int, int] = field(default_factory=dict)
    participant_ids: dict[int, int] = field(default_factory=dict)
    event_ids: dict[int, int] = field(default_factory=dict)
    ids: dict[str, dict[str, int]] = field(default_factory=dict)

    def load_codes(self) -> None:
        """Ids of the project's programmes, spearheads, groups and work packages by code."""
        session, pid = self.session, self.project_id
        self.ids = {
            "programme": _codes(session, Programme, pid),
            "spearhead": _codes(session, Spearhead, pid),
            "target_group": _codes(session, TargetGroup, pid),
            "work_package": _codes(session, WorkPackage, pid),
        }

    def _bulk(self, model: type[Any], rows: list[dict[str, Any]]) -> None:
        if rows:
            self.session.execute(insert(model), rows)
        self.counts[model.__tablename__] += len(rows)

    def companies(self) -> None:
        joined = [c for c in self.world.companies if c.joined_on <= self.today]
        rows = [
            Company(
                business_id=c.business_id,
                name=c.name,
                size_class=c.size_class,
                sector=c.sector.name,
                municipality=c.municipality,
                created_at=stamp(c.joined_on, 10 * 60 + c.key),
            )
            for c in joined
        ]
        self.session.add_all(rows)
        self.session.flush()
        self.company_ids = {c.key: row.id for c, row in zip(joined, rows, strict=True) if row.id}
        self.counts["company"] += len(rows)
        links = [
            {"project_id": self.project_id, "company_id": self.company_ids[c.key],
             "joined_on": c.joined_on}
            for c in joined
        ]  # fmt: skip
        self._bulk(ProjectCompany, links)

    def commitments(self) -> None:
        rows = [
            {
                "project_id": self.project_id,
                "company_id": self.company_ids[c.company],
                "year": c.year,
                "kind": c.kind,
                "committed": c.committed,
                "delivered": c.delivered_by(self.today),
                "amount_eur": c.amount_eur,
                "topic": c.topic,
                "signed_on": c.signed_on,
            }
            for c in self.world.commitments
            if c.signed_on <= self.today and c.company in self.company_ids
        ]
        self._bulk(Commitment, rows)

    def participants(self) -> None:
        everyone = sorted(
            (p for p in self.world.people if p.participant), key=lambda p: (p.start, p.key)
        )
        entered = [
            (f"P-{number:06d}", p)
            for number, p in enumerate(everyone, start=1)
            if p.start <= self.today
        ]
        rows = [self._participant(code, p) for code, p in entered]
        self.session.add_all(rows)
        self.session.flush()
        for (_, person), row in zip(entered, rows, strict=True):
            assert row.id is not None
            self.participant_ids[person.key] = row.id
        self.counts["participant"] += len(rows)
        self.counts.update(f"status:{row.entry_status}" for row in rows)
        self.counts["exited"] += sum(1 for row in rows if row.exit_date is not None)

    def _participant(self, code: str, p: Person) -> Participant:
        exit_date = p.end if p.end is not None and p.end <= self.today else None
        created = stamp(p.start, p.minutes)
        path = p.path if p.category in ("student", "alumni", "supervisor") else None
        return Participant(
            project_id=self.project_id,
            code=code,
            target_group_id=self.ids["target_group"][p.group],
            programme_id=self.ids["programme"][path.programme] if path else None,
            spearhead_id=self.ids["spearhead"].get(p.spearhead or ""),
            entry_status=p.status,
            gender=p.identity.gender,
            age_band=p.identity.age_band,
            isced=p.identity.isced,
            entry_date=p.start,
            exit_date=exit_date,
            first_name=p.identity.first_name,
            last_name=p.identity.last_name,
            email=p.email,
            student_number=p.student_number,
            birth_year=p.identity.birth_year,
            created_at=created,
            updated_at=stamp(exit_date, p.minutes) if exit_date else created,
            **p.flags,
        )

    def events(self) -> None:
        held = [(i, e) for i, e in enumerate(self.world.events) if e.day <= self.today]
        rows = [
            Event(
                project_id=self.project_id,
                work_package_id=self.ids["work_package"][e.work_package],
                code=e.code,
                name=e.name,
                event_type=e.event_type,
                event_date=e.day,
                online=e.online,
                location=e.location,
            )
            for _, e in held
        ]
        self.session.add_all(rows)
        self.session.flush()
        self.event_ids = {i: row.id for (i, _), row in zip(held, rows, strict=True) if row.id}
        self.counts["event"] += len(rows)

    def attendance(self) -> None:
        """Attendees coded in the order they first came, so earlier days keep their codes."""
        first_seen: dict[int, int] = {}
        for event, person in self.world.attendance:
            first_seen.setdefault(person, event)
        order = sorted(first_seen, key=lambda key: (first_seen[key], key))
        codes = {key: f"A-{number:05d}" for number, key in enumerate(order, start=1)}
        present = [key for key in order if first_seen[key] in self.event_ids]
        rows = [self._attendee(codes[key], self.world.people[key]) for key in present]
        self.session.add_all(rows)
        self.session.flush()
        attendee_ids = {key: row.id for key, row in zip(present, rows, strict=True)}
        self.counts["attendee"] += len(rows)
        pairs = [
            {"event_id": self.event_ids[event], "attendee_id": attendee_ids[person]}
            for event, person in self.world.attendance
            if event in self.event_ids
        ]
        self._bulk(Attendance, pairs)

    def _attendee(self, code: str, person: Person) -> Attendee:
        return Attendee(
            project_id=self.project_id,
            code=code,
            target_group_id=self.ids["target_group"][person.group],
            participant_id=self.participant_ids.get(person.key),
            company_id=self.company_ids.get(person.company) if person.company is not None else None,
        )

    def profiles(self) -> None:
        written = [p for p in self.world.profiles if p.created <= self.today]
        rows = []
        for spec in written:
            person = self.world.people[spec.person]
            assert person.path is not None and person.end is not None
            owner = self.participant_ids.get(person.key)
            rows.append(
                CompetenceProfile(
                    project_id=self.project_id,
                    code=spec.code,
                    participant_id=owner,
                    programme_id=self.ids["programme"][spec.programme],
                    spearhead_id=self.ids["spearhead"][spec.spearhead],
                    study_year=person.path.study_year(min(self.today, person.end)),
                    skills=spec.skills,
                    interests=spec.interests,
                    languages=spec.languages,
                    text_language=spec.text_language,
                    available_internship=spec.internship,
                    available_thesis=spec.thesis,
                    available_job=spec.job,
                    available_from=spec.available_from,
                    # Consent is recorded per participant (`consents`): a student who
                    # is not an ESF+ participant has no record, so is not searchable.
                    consent_search=spec.consent and owner is not None,
                    updated_at=stamp(spec.created, spec.minutes),
                )
            )
        self.session.add_all(rows)
        self.session.flush()
        self.counts["competence_profile"] += len(rows)
        self.counts["profiles_finnish"] += sum(1 for r in rows if r.text_language == "fi")
        self.counts["profiles_searchable"] += sum(1 for r in rows if r.consent_search)

    def consents(self) -> None:
        """The evidence behind the demo's searchable profiles: search consent exists only
        as consent records, so every searchable profile's student gets one (with the
        contact consent and, for everyone, the ESF+ notice)."""
        self.counts["consent"] += record_demo_consents(self.session)

    def follow_ups(self) -> None:
        rows = [
            {
                "participant_id": self.participant_ids[f.person],
                "kind": f.kind,
                "recorded_on": f.recorded_on,
                "status": f.status,
                **dict.fromkeys(ANSWERS),
                **f.answers,
            }
            for f in self.world.follow_ups
            if f.recorded_on <= self.today and f.person in self.participant_ids
        ]
        self._bulk(FollowUp, rows)
