"""Gap arithmetic against a hand-computed fixture, and suppression of the competence map."""

from __future__ import annotations

import pandas as pd
import pytest
from sqlmodel import Session, select

from core.codes import MentionSource, Role
from core.competence.supply import SkillFacts, gaps, supply_table
from core.competence.view import build_map
from core.models import Company, CompanyNeed, CompetenceProfile, Project, SkillMention
from tests.competence.conftest import MakeParticipant

# Four students, three companies (hand-computed below).
FACTS = SkillFacts(
    students=pd.DataFrame(
        {
            "student": ["s1", "s2", "s3", "s4"],
            "programme": ["CSE", "CSE", "ECE", "ECE"],
            "spearhead": ["Software", "Software", "Devices", "Devices"],
            "study_year": ["1", "2", "1", "1"],
        }
    ),
    supply=pd.DataFrame(
        {
            "student": ["s1", "s1", "s2", "s3", "s4", "s4"],
            "uri": ["u:py", "u:sql", "u:py", "u:pcb", "u:pcb", "u:py"],
            "label": ["Python", "SQL", "Python", "PCB", "PCB", "Python"],
            "mentions": [2, 1, 1, 1, 3, 1],
        }
    ),
    demand=pd.DataFrame(
        {
            "company_id": [1, 2, 3, 3],
            "uri": ["u:sql", "u:sql", "u:sql", "u:cloud"],
            "label": ["SQL", "SQL", "SQL", "Cloud"],
            "needs": [1, 1, 2, 1],
        }
    ),
)


def test_gaps_by_hand() -> None:
    found = {g.label: g for g in gaps(FACTS)}
    # SQL: 3 of 3 companies need it, 1 of 4 students shows it → 1 − 0.25 = +0.75.
    assert (found["SQL"].companies, found["SQL"].students) == (3, 1)
    assert found["SQL"].gap == pytest.approx(0.75)
    # Cloud: 1/3 of companies, no student → +0.333.
    assert found["Cloud"].gap == pytest.approx(1 / 3)
    # Python: no company, 3 of 4 students → −0.75; PCB: 2 of 4 → −0.5.
    assert found["Python"].gap == pytest.approx(-0.75)
    assert found["PCB"].gap == pytest.approx(-0.5)
    assert [g.label for g in gaps(FACTS)] == ["SQL", "Cloud", "PCB", "Python"]


def test_supply_by_programme_and_year_counts_distinct_students() -> None:
    by_programme = supply_table(FACTS, "programme")
    assert by_programme.loc["Python"].to_dict() == {"CSE": 2, "ECE": 1}
    assert by_programme.loc["PCB"].to_dict() == {"CSE": 0, "ECE": 2}
    assert supply_table(FACTS, "study_year").loc["Python"].to_dict() == {"1": 2, "2": 1}
    with pytest.raises(ValueError):
        supply_table(FACTS, "gender")


def _mention(
    session: Session, project: Project, kind: MentionSource, source_id: int, label: str
) -> None:
    session.add(
        SkillMention(
            project_id=project.id,
            source_kind=kind.value,
            source_id=source_id,
            uri=f"u:{label}",
            label=label,
            confidence=0.95,
            evidence=label,
        )
    )


@pytest.fixture
def small_groups(session: Session, project: Project, make_participant: MakeParticipant) -> None:
    """Six CSE students with Python (shown), two ECE students with Python (suppressed)."""
    for i in range(8):
        make_participant(f"P-{i}", "CSE-MSC" if i < 6 else "ECE-MSC", skills="Python")
    for profile in session.exec(select(CompetenceProfile)).all():
        _mention(session, project, MentionSource.PROFILE, profile.id or 0, "Python")
    company = Company(business_id="0201256-6", name="A Oy", size_class="micro")
    session.add(company)
    session.flush()
    need = CompanyNeed(project_id=project.id, company_id=company.id or 0, text="Python")
    session.add(need)
    session.flush()
    _mention(session, project, MentionSource.NEED, need.id or 0, "Python")
    session.commit()


@pytest.mark.parametrize("role", [Role.STEERING, Role.SME])
def test_small_groups_are_suppressed_for_steering_and_sme(
    session: Session, project: Project, small_groups: None, role: Role
) -> None:
    view = build_map(session, project, role=role, by="programme", lang="en")
    assert view is not None and view.suppressed
    row = view.display.loc["Python"]
    assert row["Computer Science and Engineering (MSc)"] == ".."  # 6 shown would reveal ECE's 2
    assert row["Electronics and Communications Engineering (MSc)"] == "<5"
    assert row["total"] == "10"  # 8, rounded to the base
    assert view.values.loc["Python"].isna().sum() == 2
    assert view.demand.isna().loc["Python"]  # one company needs it: hidden, never 1


def test_the_manager_sees_exact_counts(
    session: Session, project: Project, small_groups: None
) -> None:
    view = build_map(session, project, role=Role.MANAGER, by="programme", lang="en")
    assert view is not None and not view.suppressed
    row = view.display.loc["Python"]
    assert row["Electronics and Communications Engineering (MSc)"] == "2"
    assert row["total"] == "8"
    assert int(view.demand.loc["Python"]) == 1


@pytest.mark.parametrize("role", [Role.MANAGER, Role.STEERING])
def test_needs_before_any_student_skill_give_a_map_of_zeros(
    session: Session, project: Project, role: Role
) -> None:
    """Companies' needs are mapped, no student's skills yet: every role sees 0 students, not a
    crash (suppressing a table without columns used to fail for the steering group)."""
    company = Company(business_id="0201256-6", name="A Oy", size_class="micro")
    session.add(company)
    session.flush()
    need = CompanyNeed(project_id=project.id, company_id=company.id or 0, text="Python")
    session.add(need)
    session.flush()
    _mention(session, project, MentionSource.NEED, need.id or 0, "Python")
    session.commit()
    view = build_map(session, project, role=role, by="programme", lang="en")
    assert view is not None and view.suppressed is (role is not Role.MANAGER)
    assert view.display.to_dict() == {"total": {"Python": "0"}}
    assert view.values.loc["Python", "total"] == 0
    # One company needs it: the manager sees 1, the steering group a hidden count.
    if role is Role.MANAGER:
        assert int(view.demand.loc["Python"]) == 1
    else:
        assert view.demand.isna().loc["Python"] and view.demand_text.loc["Python"] == "<5"


def test_competence_areas_are_named_after_their_typical_skills() -> None:
    from core.competence.clusters import competence_areas

    software = [(f"a{i}", skill) for i in range(20) for skill in ("Python", "SQL", "Django")]
    devices = [(f"b{i}", skill) for i in range(16) for skill in ("PCB", "VHDL", "firmware")]
    shared = [(f"a{i}", "Git") for i in range(20)] + [(f"b{i}", "Git") for i in range(16)]
    rows = software + devices + shared
    facts = SkillFacts(
        students=pd.DataFrame(
            {
                "student": [f"a{i}" for i in range(20)] + [f"b{i}" for i in range(16)],
                "programme": ["CSE"] * 20 + ["ECE"] * 16,
                "spearhead": "x",
                "study_year": "1",
            }
        ),
        supply=pd.DataFrame(
            [(s, f"u:{k}", k, 1) for s, k in rows], columns=["student", "uri", "label", "mentions"]
        ),
        demand=pd.DataFrame(columns=["company_id", "uri", "label", "needs"]),
    )
    areas = competence_areas(facts)
    assert [(a.students, a.programmes) for a in areas] == [
        (20, (("CSE", 20),)),
        (16, (("ECE", 16),)),
    ]
    assert set(areas[0].name.split(" · ")) == {"Python", "SQL", "Django"}  # Git is everyone's
    assert set(areas[1].name.split(" · ")) == {"PCB", "VHDL", "firmware"}
    assert dict(areas[1].typical)["VHDL"] == 16
