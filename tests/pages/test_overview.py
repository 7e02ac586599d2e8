"""The overview page, run through Streamlit's AppTest on a real database."""

from __future__ import annotations

from datetime import date, timedelta

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
    assert len(at.get("plotly_chart")) == 1


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
