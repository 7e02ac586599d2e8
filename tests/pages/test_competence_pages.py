"""The competence pages per role, through AppTest on a real database (issue 7)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlmodel import Session, select
from streamlit.testing.v1 import AppTest

from core.access.navigation import pages_for
from core.codes import MentionSource, Role
from core.models import (
    Company,
    CompanyNeed,
    CompetenceProfile,
    Participant,
    Programme,
    Project,
    Report,
    SkillMention,
    TargetGroup,
)
from core.search.live import ensure_index, forget_loaded_indexes
from tests.pages.conftest import RunApp
from tests.search.helpers import add_profiles

CSE, ECE = (
    "Computer Science and Engineering (MSc)",
    "Electronics and Communications Engineering (MSc)",
)


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
            evidence=f"{label} here",
        )
    )


@pytest.fixture
def mapped(session: Session, project: Project) -> Company:
    """Six CSE students and two ECE students with Python; a company needing SQL; a report."""
    group = session.exec(select(TargetGroup)).first()
    assert group is not None
    for i in range(8):
        programme = session.exec(
            select(Programme).where(Programme.code == ("CSE-MSC" if i < 6 else "ECE-MSC"))
        ).one()
        person = Participant(
            project_id=project.id,
            code=f"P-{i}",
            target_group_id=group.id,
            programme_id=programme.id,
            spearhead_id=programme.spearhead_id,
            entry_status="in_education",
            gender="man",
            age_band="18-29",
            isced="5-8",
            entry_date=date(2026, 1, 1),
            first_name="Secretname",
        )
        session.add(person)
        session.flush()
        profile = CompetenceProfile(
            project_id=project.id,
            code=f"K{i}",
            participant_id=person.id,
            programme_id=programme.id,
            study_year=1,
            skills="Python",
        )
        session.add(profile)
        session.flush()
        _mention(session, project, MentionSource.PROFILE, profile.id or 0, "Python")
    report = Report(
        project_id=project.id,
        participant_id=person.id,
        kind="internship",
        file_name="P-7_report.txt",
        text="My private internship diary about Python.",
    )
    session.add(report)
    company = Company(business_id="0201256-6", name="Pohjoisen Koodi Oy", size_class="micro")
    other = Company(business_id="1572860-0", name="Kilpailija Oy", size_class="small")
    session.add_all([company, other])
    session.flush()
    for owner, text in [(company, "SQL developers"), (other, "Secret competitor plan")]:
        need = CompanyNeed(project_id=project.id, company_id=owner.id or 0, text=text)
        session.add(need)
        session.flush()
        _mention(session, project, MentionSource.NEED, need.id or 0, "SQL")
    session.flush()
    _mention(session, project, MentionSource.REPORT, report.id or 0, "Python")
    session.commit()
    return company


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [str(d.value) for d in at.dataframe] + [e.label for e in at.expander]
    return "\n".join(str(p) for p in parts)


def test_manager_sees_exact_counts_and_the_evidence(app: RunApp, mapped: Company) -> None:
    at = app("manager", page="pages/competence_map.py")
    assert at.title[0].value == "Skills supply and demand"
    heatmap = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    assert heatmap["text"][0][:3] == ["6", "2", "8"]
    assert "fewer than 5 people" not in _texts(at)
    evidence = at.dataframe[0].value
    assert len(evidence) == 9  # eight profiles and one report show Python
    assert set(evidence["Whose"]) == {f"K{i}" for i in range(8)} | {"P-7"}
    at.selectbox(key="competence_skill").set_value("SQL").run()
    evidence = at.dataframe[0].value
    assert set(evidence["Whose"]) == {"Pohjoisen Koodi Oy", "Kilpailija Oy"}


@pytest.mark.parametrize("role", ["steering", "sme"])
def test_steering_and_sme_see_suppressed_counts(app: RunApp, mapped: Company, role: str) -> None:
    at = app(role, page="pages/competence_map.py")
    text = _texts(at)
    assert "<5 = fewer than 5 people" in text
    spec = at.get("plotly_chart")[0].proto.spec
    heatmap = json.loads(spec)["data"][0]
    assert heatmap["y"] == ["Python", "SQL"]
    assert heatmap["x"][:2] == [CSE, ECE]
    # 6 shown would give away ECE's 2; the total 8 is rounded to the base.
    assert heatmap["text"][0][:3] == ["..", "<5", "10"]
    for table in at.dataframe:  # the gap tables: no count or gap that gives a small group away
        shown = table.value
        assert set(shown["Companies"]) <= {"<5", "0"}
        assert all(
            g == "<5"
            for g, c in zip(shown["Gap (share points)"], shown["Companies"], strict=True)
            if c == "<5"
        )
    assert "Secretname" not in spec
    assert not [s for s in at.selectbox if s.key == "competence_skill"]  # no evidence shown


@pytest.mark.once  # wording in Finnish: core/i18n.py, the same on any database server
def test_competence_map_in_finnish_without_data(app: RunApp, project: Project) -> None:
    at = app("manager", lang="fi", page="pages/competence_map.py")
    assert at.title[0].value == "Osaamisen tarjonta ja kysyntä"
    assert "map-competences" in at.info[0].value


def test_pages_per_role() -> None:
    paths = {role: {p.path for p in pages_for(role)} for role in Role}
    assert (
        "pages/competence_map.py" in paths[Role.STEERING]
        and "pages/competence_map.py" in paths[Role.SME]
    )
    assert "pages/reports.py" in paths[Role.MANAGER]
    assert "pages/reports.py" not in paths[Role.STEERING] | paths[Role.SME]
    assert "pages/company_needs.py" in paths[Role.SME]
    assert "pages/company_needs.py" not in paths[Role.STEERING]
    assert "pages/programme_descriptions.py" not in paths[Role.SME]


def _all_text(at: AppTest) -> str:
    blocks = [*at.markdown, *at.caption, *at.text, *at.info, *at.warning, *at.success]
    return "\n".join(str(b.value) for b in blocks) + "\n".join(str(d.value) for d in at.dataframe)


def test_sme_sees_only_its_own_needs(app: RunApp, mapped: Company) -> None:
    at = app("sme", page="pages/company_needs.py")  # the SME account belongs to `mapped`
    shown = _all_text(at)
    assert "SQL developers" in shown and "Pohjoisen Koodi Oy" in shown
    assert "Secret competitor plan" not in shown and "Kilpailija Oy" not in shown
    assert not [s for s in at.selectbox if s.key == "needs_company"]  # no company to choose


def test_manager_chooses_the_company_and_sees_all_needs(app: RunApp, mapped: Company) -> None:
    at = app("manager", page="pages/company_needs.py")
    shown = _all_text(at)
    assert "SQL developers" in shown and "Secret competitor plan" in shown
    assert at.selectbox(key="needs_company").options == ["Kilpailija Oy", "Pohjoisen Koodi Oy"]


def test_manager_reads_report_text_only_on_request(app: RunApp, mapped: Company) -> None:
    at = app("manager", page="pages/reports.py")
    assert "P-7 · Internship report · P-7_report.txt" in [e.label for e in at.expander]
    assert "private internship diary" not in _all_text(at)
    at.toggle[0].set_value(True).run()
    assert "private internship diary" in "\n".join(t.value for t in at.text)


def test_programme_description_with_downloads(app: RunApp, mapped: Company) -> None:
    at = app("manager", page="pages/programme_descriptions.py")
    body = "\n".join(m.value for m in at.markdown)
    assert "**Python**: 6 students (6 pieces of evidence)" in body
    assert len(at.get("download_button")) == 2
    at.selectbox(key="desc_programme").set_value("ECE-MSC").run()
    body = "\n".join(m.value for m in at.markdown)
    assert "Too few students" in body  # two ECE students: below the threshold, no claim


def test_sme_records_a_need_for_its_own_company(
    app: RunApp, mapped: Company, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.config import get_settings

    monkeypatch.setenv("SILTA_EMBEDDER", "hashing")  # page plumbing; mapping is tested apart
    get_settings.cache_clear()
    at = app("sme", page="pages/company_needs.py", username="sme-user")
    at.text_area(key="needs_text").set_value("Someone who knows Python and PostgreSQL")
    at.button[0].click().run()
    assert not at.exception and at.success, [e.value for e in at.error]
    session.expire_all()
    need = session.exec(select(CompanyNeed).where(CompanyNeed.text.startswith("Someone"))).one()
    assert need.company_id == mapped.id and need.created_by == "sme-user"


def test_a_refused_need_is_explained_in_the_ui_language(
    app: RunApp, mapped: Company, session: Session
) -> None:
    before = len(session.exec(select(CompanyNeed)).all())
    at = app("sme", lang="fi", page="pages/company_needs.py", username="sme-user")
    at.text_area(key="needs_text").set_value("   ")
    at.button[0].click().run()
    assert not at.exception
    assert [e.value for e in at.error] == ["Kuvaa tarve muutamalla sanalla; teksti on tyhjä."]
    assert len(session.exec(select(CompanyNeed)).all()) == before


@pytest.fixture
def need_and_profiles(session: Session, project: Project) -> CompanyNeed:
    """A company (the SME account's) needing FPGA skills, and the search tests' profiles."""
    forget_loaded_indexes()
    add_profiles(session, project)
    company = Company(business_id="0201256-6", name="Pohjoisen Koodi Oy", size_class="micro")
    session.add(company)
    session.flush()
    need = CompanyNeed(
        project_id=project.id, company_id=company.id or 0, text="VHDL and FPGA design"
    )
    session.add(need)
    session.commit()
    ensure_index()
    return need


@pytest.mark.model
@pytest.mark.parametrize("role", ["sme", "manager"])
def test_a_need_lists_matching_profiles_from_search(
    app: RunApp, need_and_profiles: CompanyNeed, role: str
) -> None:
    at = app(role, page="pages/company_needs.py")
    assert "SP-VHDL1" not in _all_text(at)  # shown only when asked for
    at.button(key=f"needs_match_{need_and_profiles.id}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    cards = [m.value for m in at.markdown if "SP-" in m.value and "·" in m.value]
    assert cards and cards[0].startswith("**1. SP-VHDL1**"), cards
    assert not any("SP-NOCON" in c for c in cards)  # no search consent, not listed
    shown = _all_text(at)
    assert "Secretname" not in shown and "@" not in shown
    assert any("**VHDL**" in m.value for m in at.markdown)  # explained as on the search page


# issue 16: a need's candidates are always shown and the SME confirms them on the page.
def test_sme_confirms_a_candidate_skill_of_its_need(
    app: RunApp, mapped: Company, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.config import get_settings
    from core.models import NeedSkill

    monkeypatch.setenv("SILTA_EMBEDDER", "hashing")  # page plumbing; mapping is tested apart
    get_settings.cache_clear()
    at = app("sme", lang="fi", page="pages/company_needs.py", username="sme-user")
    at.text_area(key="needs_text").set_value("Thesis on over-the-air updates")
    at.button[0].click().run()
    session.expire_all()
    need = session.exec(select(CompanyNeed).where(CompanyNeed.text.startswith("Thesis"))).one()
    rows = session.exec(select(NeedSkill).where(NeedSkill.need_id == need.id)).all()
    assert len(rows) == 5
    assert "Ehdotetut ESCO-osaamiset" in _all_text(at)
    assert [b.label for b in at.button].count("Vahvista") >= 1
    target = next(r for r in rows if not r.claimed)
    at.button(key=f"needs_{need.id}_{target.uri}_confirm").click().run()
    assert not at.exception, at.exception
    session.expire_all()
    decided = session.exec(select(NeedSkill).where(NeedSkill.uri == target.uri)).one()
    assert decided.decision == "confirmed" and decided.decided_by == "sme-user"
    assert [b for b in at.button if b.key == f"needs_{need.id}_{target.uri}_undo"]
