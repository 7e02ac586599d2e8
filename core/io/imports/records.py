"""Stored records in the shape of import rows (codes, not ids), and writing rows back.

`load_stored(kind)` reads what the database holds for a kind keyed by natural key, with the
same column names as the row models; the importer compares rows with it, and the exports
write it out. `write_rows` turns validated rows into ORM changes through the session.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_
from sqlalchemy.orm import aliased
from sqlmodel import Session, SQLModel, col, select

from core.access.consent import search_consents
from core.codes import Availability, TermFamily
from core.io.imports.validate import Catalog
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
    Project,
    ProjectCompany,
    SalaryCost,
    Spearhead,
    TargetGroup,
    WorkPackage,
)
from core.project.terms import codes_of

AVAILABILITY_FIELDS = {a.value: f"available_{a.value}" for a in Availability}
# Row columns that point at other records: column → (ORM field, reference kind).
REF_FIELDS: dict[str, dict[str, tuple[str, str]]] = {
    "participants": {
        "target_group": ("target_group_id", "target_group"),
        "programme": ("programme_id", "programme"),
        "spearhead": ("spearhead_id", "spearhead"),
    },
    "companies": {},
    "events": {"work_package": ("work_package_id", "work_package")},
    "profiles": {
        "participant": ("participant_id", "participant"),
        "programme": ("programme_id", "programme"),
        "spearhead": ("spearhead_id", "spearhead"),
    },
    "commitments": {"business_id": ("company_id", "company")},
    "attendance": {},
    "follow_ups": {"participant": ("participant_id", "participant")},
    "salary_costs": {},
}
MODELS: dict[str, type[SQLModel]] = {
    "participants": Participant,
    "companies": Company,
    "events": Event,
    "profiles": CompetenceProfile,
    "commitments": Commitment,
    "attendance": Attendance,
    "follow_ups": FollowUp,
    "salary_costs": SalaryCost,
}


@dataclass
class Stored:
    """One stored record: the ORM object(s) and its values as a row of its kind."""

    obj: SQLModel
    row: dict[str, Any]
    link: SQLModel | None = None  # a company's ProjectCompany, an attendance's Attendee


def _fields(obj: SQLModel, names: Iterable[str]) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in names}


def _participants(session: Session, project: Project) -> dict[tuple[Any, ...], Stored]:
    group, prog, spear = aliased(TargetGroup), aliased(Programme), aliased(Spearhead)
    query = (
        select(Participant, group.code, prog.code, spear.code)
        .join(group, col(group.id) == col(Participant.target_group_id))
        .outerjoin(prog, col(prog.id) == col(Participant.programme_id))
        .outerjoin(spear, col(spear.id) == col(Participant.spearhead_id))
        .where(Participant.project_id == project.id)
    )
    plain = [n for n in _row_names("participants") if n not in REF_FIELDS["participants"]]
    result = {}
    for person, group_code, programme, spearhead in session.exec(query):
        row = _fields(person, plain)
        row.update(target_group=group_code, programme=programme, spearhead=spearhead)
        result[(person.code,)] = Stored(person, row)
    return result


def _companies(session: Session, project: Project) -> dict[tuple[Any, ...], Stored]:
    query = select(Company, ProjectCompany).outerjoin(
        ProjectCompany,
        and_(
            col(ProjectCompany.company_id) == col(Company.id),
            col(ProjectCompany.project_id) == project.id,
        ),
    )
    plain = [n for n in _row_names("companies") if n != "joined_on"]
    result = {}
    for company, link in session.exec(query):
        row = _fields(company, plain)
        row["joined_on"] = link.joined_on if link is not None else None
        result[(company.business_id,)] = Stored(company, row, link)
    return result


def _events(session: Session, project: Project) -> dict[tuple[Any, ...], Stored]:
    query = (
        select(Event, WorkPackage.code)
        .join(WorkPackage, col(WorkPackage.id) == col(Event.work_package_id))
        .where(Event.project_id == project.id)
    )
    plain = [n for n in _row_names("events") if n != "work_package"]
    result = {}
    for event, package in session.exec(query):
        row = _fields(event, plain)
        row["work_package"] = package
        result[(event.code,)] = Stored(event, row)
    return result


def _profiles(session: Session, project: Project) -> dict[tuple[Any, ...], Stored]:
    prog, spear = aliased(Programme), aliased(Spearhead)
    query = (
        select(CompetenceProfile, Participant.code, prog.code, spear.code)
        .outerjoin(Participant, col(Participant.id) == col(CompetenceProfile.participant_id))
        .outerjoin(prog, col(prog.id) == col(CompetenceProfile.programme_id))
        .outerjoin(spear, col(spear.id) == col(CompetenceProfile.spearhead_id))
        .where(CompetenceProfile.project_id == project.id)
    )
    special = {"participant", "programme", "spearhead", "available_for", "consent_search"}
    plain = [n for n in _row_names("profiles") if n not in special]
    assert project.id is not None
    consents = search_consents(session, project.id)
    result = {}
    for profile, person, programme, spearhead in session.exec(query):
        row = _fields(profile, plain)
        row.update(participant=person, programme=programme, spearhead=spearhead)
        # Searchable as search decides it: the flag and a granted consent record.
        row["consent_search"] = profile.consent_search and consents.get(person or "") is True
        row["available_for"] = ",".join(
            code for code, name in AVAILABILITY_FIELDS.items() if getattr(profile, name)
        )
        result[(profile.code,)] = Stored(profile, row)
    return result


def _commitments(session: Session, project: Project) -> dict[tuple[Any, ...], Stored]:
    query = (
        select(Commitment, Company.business_id)
        .join(Company, col(Company.id) == col(Commitment.company_id))
        .where(Commitment.project_id == project.id)
    )
    plain = [n for n in _row_names("commitments") if n != "business_id"]
    result = {}
    for commitment, business_id in session.exec(query):
        row = _fields(commitment, plain)
        row["business_id"] = business_id
        result[(business_id, commitment.year, commitment.kind)] = Stored(commitment, row)
    return result


def attendees(session: Session, project: Project) -> dict[str, tuple[Attendee, dict[str, Any]]]:
    """Attendee code → (attendee, its group, participant and company as codes)."""
    query = (
        select(Attendee, TargetGroup.code, Participant.code, Company.business_id)
        .join(TargetGroup, col(TargetGroup.id) == col(Attendee.target_group_id))
        .outerjoin(Participant, col(Participant.id) == col(Attendee.participant_id))
        .outerjoin(Company, col(Company.id) == col(Attendee.company_id))
        .where(Attendee.project_id == project.id)
    )
    return {
        person.code: (
            person,
            {"target_group": group, "participant": participant, "business_id": business_id},
        )
        for person, group, participant, business_id in session.exec(query)
    }


def _attendance(session: Session, project: Project) -> dict[tuple[Any, ...], Stored]:
    people = {a.id: (a, row) for a, row in attendees(session, project).values()}
    query = (
        select(Attendance, Event.code)
        .join(Event, col(Event.id) == col(Attendance.event_id))
        .where(Event.project_id == project.id)
    )
    result = {}
    for attendance, event_code in session.exec(query):
        person, identity = people[attendance.attendee_id]
        row = {"event": event_code, "attendee": person.code, **identity}
        result[(event_code, person.code)] = Stored(attendance, row, person)
    return result


def _follow_ups(session: Session, project: Project) -> dict[tuple[Any, ...], Stored]:
    query = (
        select(FollowUp, Participant.code)
        .join(Participant, col(Participant.id) == col(FollowUp.participant_id))
        .where(Participant.project_id == project.id)
    )
    plain = [n for n in _row_names("follow_ups") if n != "participant"]
    result = {}
    for answer, person in session.exec(query):
        row = _fields(answer, plain)
        row["participant"] = person
        result[(person, answer.kind, answer.recorded_on)] = Stored(answer, row)
    return result


def _salary_costs(session: Session, project: Project) -> dict[tuple[Any, ...], Stored]:
    """Issue 17: the ledger's salary rows, by month, role and person."""
    query = select(SalaryCost).where(SalaryCost.project_id == project.id)
    names = _row_names("salary_costs")
    return {(c.month, c.role, c.person): Stored(c, _fields(c, names)) for c in session.exec(query)}


LOADERS: dict[str, Callable[[Session, Project], dict[tuple[Any, ...], Stored]]] = {
    "participants": _participants,
    "companies": _companies,
    "events": _events,
    "profiles": _profiles,
    "commitments": _commitments,
    "attendance": _attendance,
    "follow_ups": _follow_ups,
    "salary_costs": _salary_costs,
}


def _row_names(kind: str) -> list[str]:
    from core.io.imports.rows import ROW_MODELS

    return list(ROW_MODELS[kind].model_fields)


def load_stored(session: Session, project: Project, kind: str) -> dict[tuple[Any, ...], Stored]:
    """Every stored record of `kind` in `project`, by natural key, as import-shaped rows."""
    return LOADERS[kind](session, project)


def load_catalog(session: Session, project: Project) -> Catalog:
    """The codes rows may refer to, from the database (the importer adds the file's own keys)."""
    assert project.id is not None
    catalog = Catalog(project.id)
    for ref, model in (
        ("target_group", TargetGroup),
        ("programme", Programme),
        ("spearhead", Spearhead),
        ("work_package", WorkPackage),
        ("event", Event),
    ):
        query = select(model.code).where(model.project_id == project.id)
        catalog.add(ref, session.exec(query))
    catalog.add("company", session.exec(select(Company.business_id)))
    catalog.add("event_type", codes_of(session, project, TermFamily.EVENT_TYPE))
    catalog.add("commitment_kind", codes_of(session, project, TermFamily.COMMITMENT_KIND))
    exits = session.exec(
        select(Participant.code, col(Participant.exit_date)).where(
            Participant.project_id == project.id
        )
    )
    catalog.participant_exits = dict(exits.all())
    catalog.add("participant", catalog.participant_exits)
    pairs = session.exec(
        select(Programme.code, Spearhead.code)
        .join(Spearhead, col(Spearhead.id) == col(Programme.spearhead_id))
        .where(Programme.project_id == project.id)
    )
    catalog.programme_spearhead = dict(pairs.all())
    return catalog
