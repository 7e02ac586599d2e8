"""A company need always shows its candidate skills; the company confirms or removes them,
and the decisions are stored, count as demand, and survive re-mapping (issue 16)."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from core.codes import MentionSource, NeedSource, Role
from core.competence.esco_map import SkillMapper
from core.competence.mentions import mentions_of, remap_project
from core.competence.needs import Actor, NeedError, NeedRefused, add_need, decide_skill, list_needs
from core.models import AuditLog, Company, NeedSkill, Project


@pytest.mark.model
def test_a_vague_need_shows_candidates_and_the_company_decides(
    session: Session, project: Project, companies: list[Company], mapper: SkillMapper
) -> None:
    own, other = companies
    sme = Actor(Role.SME, own.id, "sme-user")
    need = add_need(
        session,
        actor=sme,
        project=project,
        company_id=own.id or 0,
        text="Thesis on secure over-the-air updates for Cortex-M devices",
        source=NeedSource.THESIS_IDEA,
        mapper=mapper,
    )
    session.commit()
    assert need.id is not None
    view = list_needs(session, actor=sme, project=project, lang="fi")[0]
    assert len(view.candidates) == 5  # shown even though the mapper claims none of them
    assert all(0 <= c.confidence <= 1 for c in view.candidates)
    first, second = view.candidates[0], view.candidates[1]
    assert not first.claimed and not first.counted
    assert mentions_of(session, MentionSource.NEED, need.id) == []

    decide_skill(session, actor=sme, need_id=need.id, uri=first.uri, decision="confirmed")
    decide_skill(session, actor=sme, need_id=need.id, uri=second.uri, decision="removed")
    session.commit()
    assert [m.uri for m in mentions_of(session, MentionSource.NEED, need.id)] == [first.uri]
    stored = {r.uri: r for r in session.exec(select(NeedSkill).where(NeedSkill.need_id == need.id))}
    assert stored[first.uri].decision == "confirmed" and stored[first.uri].decided_by == "sme-user"
    assert stored[first.uri].decided_at is not None
    assert session.exec(select(AuditLog).where(AuditLog.action == "skill_confirmed")).first()

    # Re-mapping keeps the decisions (they are the company's labelled data).
    remap_project(session, project, mapper)
    session.commit()
    again = list_needs(session, actor=sme, project=project)[0].candidates
    decided = {c.uri: c.decision for c in again if c.decision}
    assert decided == {first.uri: "confirmed", second.uri: "removed"}
    assert [m.uri for m in mentions_of(session, MentionSource.NEED, need.id)] == [first.uri]

    decide_skill(session, actor=sme, need_id=need.id, uri=first.uri, decision="")
    assert mentions_of(session, MentionSource.NEED, need.id) == []
    with pytest.raises(NeedRefused):
        decide_skill(
            session, actor=Actor(Role.SME, other.id), need_id=need.id, uri=first.uri,
            decision="confirmed",
        )  # fmt: skip
    with pytest.raises(NeedError):
        decide_skill(session, actor=sme, need_id=need.id, uri="u:nope", decision="confirmed")
