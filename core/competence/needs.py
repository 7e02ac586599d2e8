"""Company needs in plain words: who may record which, and their mapping to ESCO skills.

Access is decided here, not on the page: the manager may record a need for any company, an
SME user only for their own company, and nobody else at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from core.access import audit
from core.codes import MentionSource, NeedSource, Role
from core.competence.esco_map import SkillMapper
from core.competence.mentions import SourceText, mentions_of, store_mentions
from core.competence.need_skills import (
    CandidateView,
    candidate_views,
    drop_candidates,
    need_skills_of,
    record_decision,
    sync_candidates,
)
from core.competence.ranking import MAX_TOP, rank_texts
from core.errors import DomainError
from core.models import Company, CompanyNeed, Project, SkillMention
from core.search.service import SearchPage, search_profiles

MAX_NEED_CHARS = 2000


class NeedRefused(DomainError, PermissionError):
    """The actor may not read or change this company's needs."""


class NeedError(DomainError, ValueError):
    """A need that cannot be recorded as given (empty, too long, an unknown company or need)."""


@dataclass(frozen=True)
class Actor:
    """Who acts: plain values (a role, and an SME user's own company)."""

    role: Role
    company_id: int | None = None
    username: str = ""


def _check_company(actor: Actor, company_id: int) -> None:
    if actor.role is Role.MANAGER:
        return
    if actor.role is Role.SME and actor.company_id is not None and actor.company_id == company_id:
        return
    raise NeedRefused("needs.err.not_allowed")


def _clean_text(text: str) -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise NeedError("needs.err.empty")
    if len(cleaned) > MAX_NEED_CHARS:
        raise NeedError("needs.err.too_long", limit=MAX_NEED_CHARS, count=len(cleaned))
    return cleaned


def add_need(
    session: Session,
    *,
    actor: Actor,
    project: Project,
    company_id: int,
    text: str,
    source: NeedSource,
    mapper: SkillMapper,
) -> CompanyNeed:
    """Record a need and map it to ESCO at once; the caller commits."""
    _check_company(actor, company_id)
    if session.get(Company, company_id) is None:
        raise NeedError("needs.err.no_company", id=company_id)
    assert project.id is not None
    need = CompanyNeed(
        project_id=project.id,
        company_id=company_id,
        text=_clean_text(text),
        source=NeedSource(source).value,
        created_by=actor.username,
    )
    session.add(need)
    session.flush()
    assert need.id is not None
    candidates = rank_texts(mapper, [need.text], MAX_TOP)[0]
    skills = sync_candidates(session, need.id, need.text, candidates)
    store_mentions(session, project.id, SourceText(MentionSource.NEED, need.id, need.text), skills)
    audit.record(
        session,
        action="create",
        entity="company_need",
        entity_key=str(need.id),
        after=audit.snapshot(need),
    )
    return need


def delete_need(session: Session, *, actor: Actor, need_id: int) -> None:
    need = session.get(CompanyNeed, need_id)
    if need is None:
        raise NeedError("needs.err.no_need", id=need_id)
    _check_company(actor, need.company_id)
    for mention in mentions_of(session, MentionSource.NEED, need_id):
        session.delete(mention)
    drop_candidates(session, need_id)
    audit.record(
        session,
        action="delete",
        entity="company_need",
        entity_key=str(need_id),
        before=audit.snapshot(need),
    )
    session.delete(need)


def need_matches(
    session: Session, *, actor: Actor, need_id: int, page: int = 0, per_page: int = 5
) -> SearchPage:
    """The profiles that match one need: the search engine's own ranking of the need's text
    (not a second ranker), for whoever may read that need; consent is checked by the search."""
    need = session.get(CompanyNeed, need_id)
    if need is None:
        raise NeedError("needs.err.no_need", id=need_id)
    _check_company(actor, need.company_id)
    return search_profiles(need.text, page=page, per_page=per_page)


@dataclass(frozen=True)
class NeedView:
    """A need as a page shows it, with its ESCO skills (label, confidence, evidence)."""

    id: int
    company_id: int
    company: str
    text: str
    source: str
    created_at: str
    skills: tuple[tuple[str, float, str], ...]
    # issue 16: the ranked candidates, each claimed, confirmed or removed, in `lang`.
    candidates: tuple[CandidateView, ...] = ()


def list_needs(
    session: Session, *, actor: Actor, project: Project, lang: str = "en"
) -> list[NeedView]:
    """All needs for the manager; an SME user sees only their own company's."""
    query = (
        select(CompanyNeed, Company)
        .join(Company, col(Company.id) == col(CompanyNeed.company_id))
        .where(CompanyNeed.project_id == project.id)
        .order_by(col(CompanyNeed.created_at).desc(), col(CompanyNeed.id).desc())
    )
    if actor.role is Role.SME:
        query = query.where(CompanyNeed.company_id == (actor.company_id or -1))
    elif actor.role is not Role.MANAGER:
        raise NeedRefused("needs.err.not_for_role")
    rows = list(session.exec(query))
    ids = [need.id for need, _ in rows if need.id is not None]
    skills = _skills_by_need(session, ids)
    candidates = candidate_views(session, ids, lang)
    return [
        NeedView(
            id=need.id or 0,
            company_id=need.company_id,
            company=company.name,
            text=need.text,
            source=need.source,
            created_at=need.created_at.date().isoformat(),
            skills=tuple(skills.get(need.id or 0, [])),
            candidates=tuple(candidates.get(need.id or 0, [])),
        )
        for need, company in rows
    ]


def company_names(*, session: Session) -> dict[int, str]:
    """Company id → name, by name: the companies a need can be recorded for."""
    companies = session.exec(select(Company).order_by(col(Company.name)))
    return {c.id: c.name for c in companies if c.id is not None}


def need_skills(*, session: Session, need_id: int) -> list[tuple[str, float, str]]:
    """The ESCO skills found in one need (label, confidence, evidence), surest first."""
    return _skills_by_need(session, [need_id]).get(need_id, [])


def _skills_by_need(session: Session, ids: list[int]) -> dict[int, list[tuple[str, float, str]]]:
    found: dict[int, list[tuple[str, float, str]]] = {}
    if not ids:
        return found
    query = (
        select(SkillMention)
        .where(SkillMention.source_kind == MentionSource.NEED.value)
        .where(col(SkillMention.source_id).in_(ids))
        .order_by(col(SkillMention.confidence).desc())
    )
    for mention in session.exec(query):
        found.setdefault(mention.source_id, []).append(
            (mention.label, mention.confidence, mention.evidence)
        )
    return found


def needs_from_commitments(
    session: Session, *, actor: Actor, project: Project, mapper: SkillMapper
) -> int:
    """Record each commitment topic as a need of its company, once; returns how many were new."""
    from core.models import Commitment

    if actor.role is not Role.MANAGER:
        raise NeedRefused("needs.err.manager_only")
    existing = {
        (n.company_id, n.text)
        for n in session.exec(select(CompanyNeed).where(CompanyNeed.project_id == project.id))
    }
    added = 0
    query = select(Commitment).where(Commitment.project_id == project.id, Commitment.topic != "")
    for commitment in session.exec(query.order_by(col(Commitment.id))):
        text = " ".join(commitment.topic.split())
        if (commitment.company_id, text) in existing:
            continue
        existing.add((commitment.company_id, text))
        add_need(
            session,
            actor=actor,
            project=project,
            company_id=commitment.company_id,
            text=text,
            source=NeedSource.COMMITMENT,
            mapper=mapper,
        )
        added += 1
    return added


# issue 16: the company confirms or removes a need's candidate skills.
def decide_skill(session: Session, *, actor: Actor, need_id: int, uri: str, decision: str) -> None:
    """Confirm ("confirmed"), remove ("removed") or undo ("") one candidate skill of a need,
    for whoever may change the need's company; the need's stored skills follow at once."""
    need = session.get(CompanyNeed, need_id)
    if need is None:
        raise NeedError("needs.err.no_need", id=need_id)
    _check_company(actor, need.company_id)
    row = record_decision(session, need_id, uri, decision, actor.username)
    if row is None:
        raise NeedError("needs.err.no_candidate")
    store_mentions(
        session,
        need.project_id,
        SourceText(MentionSource.NEED, need_id, need.text),
        need_skills_of(session, need_id, need.text),
    )
    audit.record(
        session,
        action=f"skill_{decision or 'undo'}",
        entity="company_need",
        entity_key=str(need_id),
        after={"uri": uri, "label": row.label, "decision": decision},
    )
