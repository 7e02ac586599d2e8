"""Competence fixtures: the real mapper (built once per session) and a fast fake one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlmodel import Session, select

from core.competence.esco_map import SkillMapper
from core.models import Company, CompetenceProfile, Participant, Programme, Project, TargetGroup
from core.search.model.embedder import HashingEmbedder
from core.search.model.loading import get_embedder


@pytest.fixture(scope="session")
def mapper() -> SkillMapper:
    """The real multilingual model and cached ESCO vectors (embedded once, then from disk)."""
    return SkillMapper(get_embedder("onnx"))


@pytest.fixture(scope="session")
def fake_mapper() -> SkillMapper:
    """Character trigrams instead of a model: for plumbing tests, instant and deterministic."""
    return SkillMapper(HashingEmbedder())


MakeParticipant = Callable[..., Participant]


@pytest.fixture
def make_participant(session: Session, project: Project) -> MakeParticipant:
    """`make_participant("P-1", programme="CSE-MSC")` adds an entry record (and a profile)."""
    group = session.exec(select(TargetGroup)).first()
    assert group is not None

    def make(
        code: str, programme: str = "CSE-MSC", skills: str | None = None, year: int = 1
    ) -> Participant:
        found = session.exec(select(Programme).where(Programme.code == programme)).one()
        person = Participant(
            project_id=project.id,
            code=code,
            target_group_id=group.id,
            programme_id=found.id,
            spearhead_id=found.spearhead_id,
            entry_status="in_education",
            gender="woman",
            age_band="18-29",
            isced="5-8",
            entry_date=date(2026, 1, 10),
        )
        session.add(person)
        session.flush()
        if skills is not None:
            session.add(
                CompetenceProfile(
                    project_id=project.id,
                    code=f"K{code}",
                    participant_id=person.id,
                    programme_id=found.id,
                    spearhead_id=found.spearhead_id,
                    study_year=year,
                    skills=skills,
                )
            )
        session.commit()
        return person

    return make


@pytest.fixture
def companies(session: Session) -> list[Company]:
    made = [
        Company(business_id="0201256-6", name="Pohjoisen Koodi Oy", size_class="micro"),
        Company(business_id="1572860-0", name="Kaamos Devices Oy", size_class="small"),
    ]
    session.add_all(made)
    session.commit()
    return made
