"""The work-package timeline: periods, events per package and milestones."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from core.dashboards.filters import Filters
from core.dashboards.timeline import PROJECT_ROW, timeline_data
from tests.dashboards.world import World


def test_packages_events_and_milestones(session: Session, world: World, whole: Filters) -> None:
    data = timeline_data(session, world.project, whole)
    packages = data.packages.set_index("code")
    assert list(packages.index) == ["T1.1", "T1.2", "T2.1", "T2.2", "T2.3", "T2.4", "T3.1"]
    assert packages.at["T1.1", "start"] == date(2025, 8, 1)
    assert packages.at["T1.1", "end"] == date(2026, 12, 31)
    assert packages["events"].to_dict() == {
        "T1.1": 1, "T1.2": 0, "T2.1": 0, "T2.2": 2, "T2.3": 1, "T2.4": 0, "T3.1": 0
    }  # fmt: skip
    assert sorted(data.events["work_package"]) == ["T1.1", "T2.2", "T2.2", "T2.3"]
    milestones = {(m.work_package, m.value, m.label) for m in data.milestones.itertuples()}
    assert milestones == {(PROJECT_ROW, 300, "Half way"), ("T1.1", 1, "")}


def test_package_filter_keeps_their_rows_and_the_project_row(
    session: Session, world: World
) -> None:
    data = timeline_data(
        session, world.project, Filters(date(2025, 5, 1), date(2027, 12, 31), ("T2.2",))
    )
    assert data.packages["code"].tolist() == ["T2.2"]
    assert data.events["work_package"].tolist() == ["T2.2", "T2.2"]
    assert data.milestones["work_package"].tolist() == [PROJECT_ROW]
