"""Store the ESCO skills found in profiles, reports and needs; re-mapping replaces, never adds."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete
from sqlmodel import Session, col, select

from core.codes import MaxLength, MentionSource
from core.competence.esco_map import MappedSkill, SkillMapper
from core.competence.need_skills import sync_candidates
from core.competence.ranking import MAX_TOP, claimed, rank_texts
from core.models import CompanyNeed, CompetenceProfile, Project, Report, SkillMention

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SourceText:
    """One text to map: what it is, its row id, and the words."""

    kind: MentionSource
    source_id: int
    text: str


def profile_text(profile: CompetenceProfile) -> str:
    return "\n".join(part for part in (profile.skills, profile.interests) if part)


def store_mentions(
    session: Session, project_id: int, source: SourceText, skills: Sequence[MappedSkill]
) -> int:
    """Replace the stored mentions of one text with `skills` (idempotent); returns how many."""
    session.execute(
        delete(SkillMention).where(
            col(SkillMention.source_kind) == source.kind.value,
            col(SkillMention.source_id) == source.source_id,
        )
    )
    for skill in skills:
        session.add(
            SkillMention(
                project_id=project_id,
                source_kind=source.kind.value,
                source_id=source.source_id,
                uri=skill.uri,
                label=skill.label[: MaxLength.SKILL_LABEL],
                confidence=min(max(skill.confidence, 0.0), 1.0),
                evidence=skill.evidence[: MaxLength.SKILL_EVIDENCE],
            )
        )
    return len(skills)


def map_and_store(
    session: Session,
    project_id: int,
    sources: Sequence[SourceText],
    mapper: SkillMapper,
    progress: Progress | None = None,
) -> int:
    """Map many texts in one batch (repeated phrases embedded once) and store the results."""
    ranked = rank_texts(mapper, [s.text for s in sources], MAX_TOP, progress)
    stored = 0
    for source, candidates in zip(sources, ranked, strict=True):
        if source.kind is MentionSource.NEED:  # a need keeps its candidates and decisions
            skills = sync_candidates(session, source.source_id, source.text, candidates)
        else:
            skills = claimed(candidates)
        stored += store_mentions(session, project_id, source, skills)
    return stored


def project_sources(session: Session, project: Project) -> list[SourceText]:
    """Every profile, report and need of the project, as texts to map."""
    assert project.id is not None
    sources = [
        SourceText(MentionSource.PROFILE, p.id, profile_text(p))
        for p in session.exec(
            select(CompetenceProfile).where(CompetenceProfile.project_id == project.id)
        )
        if p.id is not None
    ]
    sources += [
        SourceText(MentionSource.REPORT, r.id, r.text)
        for r in session.exec(select(Report).where(Report.project_id == project.id))
        if r.id is not None
    ]
    sources += [
        SourceText(MentionSource.NEED, n.id, n.text)
        for n in session.exec(select(CompanyNeed).where(CompanyNeed.project_id == project.id))
        if n.id is not None
    ]
    return sources


def remap_project(
    session: Session, project: Project, mapper: SkillMapper, progress: Progress | None = None
) -> int:
    """Map every text of the project again (after a threshold or ESCO change); caller commits."""
    assert project.id is not None
    sources = project_sources(session, project)
    kept = {(s.kind.value, s.source_id) for s in sources}
    # Mentions whose text is gone (a deleted report or need) go too.
    for mention in session.exec(select(SkillMention).where(SkillMention.project_id == project.id)):
        if (mention.source_kind, mention.source_id) not in kept:
            session.delete(mention)
    return map_and_store(session, project.id, sources, mapper, progress)


def mentions_of(session: Session, kind: MentionSource, source_id: int) -> list[SkillMention]:
    """The stored skills of one text, most confident first."""
    return list(
        session.exec(
            select(SkillMention)
            .where(SkillMention.source_kind == kind.value, SkillMention.source_id == source_id)
            .order_by(col(SkillMention.confidence).desc(), col(SkillMention.label))
        )
    )


def skills_of_profiles(
    session: Session, profile_ids: Sequence[int]
) -> dict[int, list[tuple[str, float, str]]]:
    """ESCO skills per profile id as (label, confidence, evidence), most confident first.

    For profile cards and search explanations; the evidence is the profile's own words.
    """
    found: dict[int, list[tuple[str, float, str]]] = {}
    if not profile_ids:
        return found
    query = (
        select(SkillMention)
        .where(SkillMention.source_kind == MentionSource.PROFILE.value)
        .where(col(SkillMention.source_id).in_(list(profile_ids)))
        .order_by(col(SkillMention.confidence).desc(), col(SkillMention.label))
    )
    for mention in session.exec(query):
        found.setdefault(mention.source_id, []).append(
            (mention.label, mention.confidence, mention.evidence)
        )
    return found
