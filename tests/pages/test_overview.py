"""The overview page, run through Streamlit's AppTest on a real database."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import Session, select

from core.models import Participant, Project, TargetGroup
from tests.pages.conftest import RunApp


def test_overview_cards_show_the_targets(app: RunApp, project: Project, session: Session) -> None:
    group = session.exec(select(TargetGroup)).first()
    assert group is not None
    today = date.today()
    for i, status in enumerate(["in_education", "in_education", "employed"]):
        session.add(
            Participant(
                project_id=project.id,
                code=f"P{i}",
                target_group_id=group.id,
                entry_status=status,
                gender="man",
                age_band="18-29",
                isced="5-8",
                entry_date=today - timedelta(days=10 + i),
            )
        )
    session.commit()
    at = app()
    metrics = {m.label: (m.value, m.delta) for m in at.metric}
    assert metrics["Participants"][0] == "3"
    assert "of 610" in metrics["Participants"][1]
    assert "of 418" in metrics["In education"][1]
    assert "of 192" in metrics["Employed"][1]
    assert "of 50" in metrics["Companies"][1]
    assert metrics["New participants"][0] == "3"
    assert len(at.get("plotly_chart")) == 2  # the headline line and one target of the plan


@pytest.mark.once  # wording in Finnish: core/i18n.py, the same on any database server
def test_overview_in_finnish(app: RunApp, project: Project) -> None:
    at = app(lang="fi")
    labels = [m.label for m in at.metric]
    assert "Osallistujat" in labels and "Koulutuksessa olevat" in labels
    assert at.title[0].value == "Eteneminen suhteessa tavoitteisiin"


def test_overview_without_a_project_explains_what_to_do(app: RunApp) -> None:
    at = app()
    assert "python -m core setup" in at.info[0].value


def test_eu_indicators_only_for_the_manager(app: RunApp, project: Project) -> None:
    assert any("EU common indicators" in e.label for e in app("manager").expander)
    assert not any("EU common indicators" in e.label for e in app("steering").expander)


def test_every_other_target_by_work_package_for_each_role(app: RunApp, project: Project) -> None:
    """Issue 15: after the headline cards, each work package's targets with pace."""
    for role in ("manager", "steering"):
        at = app(role)
        assert "Every target of the plan" in [s.value for s in at.subheader]
        packages = [m.value for m in at.markdown if m.value.startswith("**")]
        assert any(p.startswith("**T1.1") for p in packages)
        assert any(p.startswith("**T1.2") for p in packages)
        names = [
            name
            for frame in at.dataframe
            if "Target of the plan" in frame.value.columns
            for name in frame.value["Target of the plan"]
        ]
        assert names.count("Events · Workshop") == 2  # two workshops each in T1.1 and T1.2
        assert any("Launch event of the cooperation programme" in n for n in names)
        assert "Participants" not in names  # a headline card, not repeated below


@pytest.mark.once  # wording in Finnish: core/i18n.py, the same on any database server
def test_plan_section_in_finnish(app: RunApp, project: Project) -> None:
    at = app("steering", lang="fi")
    assert "Kaikki suunnitelman tavoitteet" in [s.value for s in at.subheader]
    names = [
        n
        for f in at.dataframe
        if "Suunnitelman tavoite" in f.value.columns
        for n in f.value["Suunnitelman tavoite"]
    ]
    assert "Tapahtumat · Työpaja" in names
