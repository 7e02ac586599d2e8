"""Small builders for tests that need participants, profiles and companies."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from core.access.consent import record_consent
from core.codes import ConsentPurpose, ConsentSource
from core.models import Company, CompetenceProfile, Participant, Programme, Project, TargetGroup


def participant(
    session: Session, project: Project, code: str = "P-1", **fields: object
) -> Participant:
    group = session.exec(select(TargetGroup)).first()
    assert group is not None and project.id is not None
    values: dict[str, object] = {
        "project_id": project.id,
        "code": code,
        "target_group_id": group.id,
        "entry_status": "in_education",
        "gender": "woman",
        "age_band": "18-29",
        "isced": "5-8",
        "entry_date": date(2025, 9, 1),
        "first_name": "Aino",
        "last_name": "Virtanen",
        "email": "aino.virtanen@student.oulu.fi",
        "student_number": "2512345",
        "birth_year": 2001,
    }
    values.update(fields)
    row = Participant(**values)
    session.add(row)
    session.flush()
    return row


def profile(
    session: Session,
    project: Project,
    owner: Participant | None,
    code: str = "K7Q2MX",
    *,
    with_record: bool = True,
    **fields: object,
) -> CompetenceProfile:
    """A profile; a consenting one (the default) gets its owner's search consent record
    unless `with_record` is False (a flag set without one, as old imports did)."""
    programme = session.exec(select(Programme)).first()
    assert project.id is not None
    values: dict[str, object] = {
        "project_id": project.id,
        "code": code,
        "participant_id": owner.id if owner else None,
        "programme_id": programme.id if programme else None,
        "spearhead_id": programme.spearhead_id if programme else None,
        "study_year": 2,
        "skills": "Python, embedded C, 5G testing",
        "interests": "IoT and edge computing",
        "languages": "en, fi",
        "available_internship": True,
        "consent_search": True,
    }
    values.update(fields)
    row = CompetenceProfile(**values)
    session.add(row)
    session.flush()
    if with_record and row.consent_search and owner is not None and owner.id is not None:
        # Search consent exists only as a consent record: a flag alone is not searchable.
        record_consent(
            session,
            participant_id=owner.id,
            purpose=ConsentPurpose.SEARCH,
            source=ConsentSource.FORM,
        )
    return row


def company(session: Session, business_id: str = "0201256-6", name: str = "Kide Oy") -> Company:
    row = Company(business_id=business_id, name=name, size_class="micro")
    session.add(row)
    session.flush()
    return row
