"""Company needs: who may record them, and what each role sees."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from core.codes import NeedSource, Role
from core.competence.esco_map import SkillMapper
from core.competence.needs import (
    Actor,
    NeedError,
    NeedRefused,
    add_need,
    delete_need,
    list_needs,
    need_matches,
    needs_from_commitments,
)
from core.models import Commitment, Company, CompanyNeed, Project, SkillMention
from core.search.live import ensure_index, forget_loaded_indexes
from core.search.service import search_profiles
from tests.search.helpers import add_profiles


def test_sme_user_records_needs_only_for_own_company(
    session: Session, project: Project, companies: list[Company], fake_mapper: SkillMapper
) -> None:
    own, other = companies
    sme = Actor(Role.SME, own.id, "sme-user")
    need = add_need(
        session,
        actor=sme,
        project=project,
        company_id=own.id or 0,
        text="  Python and  PostgreSQL ",
        source=NeedSource.INTERVIEW,
        mapper=fake_mapper,
    )
    session.commit()
    assert need.text == "Python and PostgreSQL" and need.created_by == "sme-user"
    with pytest.raises(NeedRefused):
        add_need(
            session,
            actor=sme,
            project=project,
            company_id=other.id or 0,
            text="Java",
            source=NeedSource.OTHER,
            mapper=fake_mapper,
        )
    with pytest.raises(NeedRefused):
        add_need(
            session,
            actor=Actor(Role.STEERING),
            project=project,
            company_id=own.id or 0,
            text="Java",
            source=NeedSource.OTHER,
            mapper=fake_mapper,
        )
    with pytest.raises(NeedRefused):
        delete_need(session, actor=Actor(Role.SME, other.id), need_id=need.id or 0)


def test_manager_sees_all_needs_sme_only_its_own(
    session: Session, project: Project, companies: list[Company], fake_mapper: SkillMapper
) -> None:
    manager = Actor(Role.MANAGER, username="pm")
    for company, text in zip(companies, ["Python developers", "VHDL and FPGA design"], strict=True):
        add_need(
            session,
            actor=manager,
            project=project,
            company_id=company.id or 0,
            text=text,
            source=NeedSource.THESIS_IDEA,
            mapper=fake_mapper,
        )
    session.commit()
    assert len(list_needs(session, actor=manager, project=project)) == 2
    mine = list_needs(session, actor=Actor(Role.SME, companies[1].id), project=project)
    assert [n.text for n in mine] == ["VHDL and FPGA design"]
    with pytest.raises(NeedRefused):
        list_needs(session, actor=Actor(Role.STEERING), project=project)


def test_bad_need_text_is_refused_and_nothing_is_written(
    session: Session, project: Project, companies: list[Company], fake_mapper: SkillMapper
) -> None:
    manager = Actor(Role.MANAGER)
    for text in ["   ", "x" * 2001]:
        with pytest.raises(ValueError):
            add_need(
                session,
                actor=manager,
                project=project,
                company_id=companies[0].id or 0,
                text=text,
                source=NeedSource.OTHER,
                mapper=fake_mapper,
            )
    assert session.exec(select(CompanyNeed)).all() == []


def test_needs_map_to_esco_and_deleting_removes_their_skills(
    session: Session, project: Project, companies: list[Company], mapper: SkillMapper
) -> None:
    manager = Actor(Role.MANAGER)
    need = add_need(
        session,
        actor=manager,
        project=project,
        company_id=companies[0].id or 0,
        text="We need a developer who knows Python and PostgreSQL.",
        source=NeedSource.INTERVIEW,
        mapper=mapper,
    )
    session.commit()
    labels = {
        v for view in list_needs(session, actor=manager, project=project) for v, _, _ in view.skills
    }
    assert {"Python (computer programming)", "PostgreSQL"} <= labels
    delete_need(session, actor=manager, need_id=need.id or 0)
    session.commit()
    assert session.exec(select(SkillMention)).all() == []


def test_commitment_topics_become_needs_once(
    session: Session, project: Project, companies: list[Company], fake_mapper: SkillMapper
) -> None:
    session.add(
        Commitment(
            project_id=project.id,
            company_id=companies[0].id,
            year=2026,
            kind="thesis_place",
            committed=1,
            topic="Thesis on 5G power profiling",
        )
    )
    session.commit()
    manager = Actor(Role.MANAGER)
    assert needs_from_commitments(session, actor=manager, project=project, mapper=fake_mapper) == 1
    assert needs_from_commitments(session, actor=manager, project=project, mapper=fake_mapper) == 0
    need = session.exec(select(CompanyNeed)).one()
    assert need.source == NeedSource.COMMITMENT.value


@pytest.mark.model
def test_a_needs_matches_are_the_search_engines_results_for_its_text(
    session: Session, project: Project, companies: list[Company], fake_mapper: SkillMapper
) -> None:
    forget_loaded_indexes()
    add_profiles(session, project)
    own, other = companies
    need = add_need(
        session,
        actor=Actor(Role.MANAGER),
        project=project,
        company_id=own.id or 0,
        text="Someone for embedded firmware on STM32 microcontrollers",
        source=NeedSource.INTERVIEW,
        mapper=fake_mapper,
    )
    session.commit()
    ensure_index()
    expected = search_profiles(need.text, per_page=5)
    for actor in (Actor(Role.MANAGER), Actor(Role.SME, own.id, "sme-user")):
        found = need_matches(session, actor=actor, need_id=need.id or 0)
        assert [(h.code, h.score) for h in found.hits] == [(h.code, h.score) for h in expected.hits]
        assert found.total == expected.total
    assert {found.hits[0].code, found.hits[1].code} == {"SP-ENEMB", "SP-FIEMB"}
    assert "SP-NOCON" not in [h.code for h in found.hits]
    for outsider in (Actor(Role.SME, other.id, "rival"), Actor(Role.STEERING)):
        with pytest.raises(NeedRefused):
            need_matches(session, actor=outsider, need_id=need.id or 0)


def test_refusals_are_said_in_english_and_finnish(
    session: Session, project: Project, companies: list[Company], fake_mapper: SkillMapper
) -> None:
    with pytest.raises(NeedError) as too_long:
        add_need(
            session,
            actor=Actor(Role.MANAGER),
            project=project,
            company_id=companies[0].id or 0,
            text="x" * 2001,
            source=NeedSource.OTHER,
            mapper=fake_mapper,
        )
    assert too_long.value.message("en") == "Keep the need under 2000 characters (2001 now)."
    assert too_long.value.message("fi") == "Kirjoita tarve alle 2000 merkillä (nyt 2001)."
    assert isinstance(too_long.value, ValueError)  # callers that catch ValueError still do
    with pytest.raises(NeedRefused) as refused:
        list_needs(session, actor=Actor(Role.STEERING), project=project)
    assert refused.value.message("fi").startswith("Yritysten tarpeet näkyvät vain")
