"""Follow-up results against the hand-made world (the last answer in each window wins)."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from core.codes import Role
from core.dashboards.filters import Filters
from core.dashboards.results import result_data
from core.dashboards.views import result_view
from tests.dashboards.world import World, assert_no_small_group_shown


def _manager(session: Session, world: World, filters: Filters):  # type: ignore[no-untyped-def]
    return result_view(result_data(session, world.project, filters), Role.MANAGER)


def test_eu_results_by_gender(session: Session, world: World, whole: Filters) -> None:
    view = _manager(session, world, whole)
    immediate = view.immediate.text
    # P1 first searched, then was employed: the later answer counts. P2 in education, P3 employed.
    assert immediate.loc["employed"].tolist() == ["1", "1", "0", "2"]  # woman, man, nb, total
    assert immediate.loc["in_education"].tolist() == ["1", "0", "0", "1"]
    assert immediate.loc["job_searching"].tolist() == ["0", "0", "0", "0"]
    assert immediate.at["total", "total"] == "3"
    six = view.six_months.text
    assert six.loc["employed"].tolist() == ["1", "1", "0", "2"]
    assert six.loc["job_searching"].tolist() == ["0", "1", "0", "1"]  # P5
    improved = view.improved.text
    assert improved.loc["yes"].tolist() == ["1", "0", "0", "1"]  # P2: precarious → stable
    assert improved.loc["unknown"].tolist() == ["0", "2", "0", "2"]  # P1, P5: not answered


def test_ladder_retention_intent(session: Session, world: World, whole: Filters) -> None:
    view = _manager(session, world, whole)
    ladder = view.ladder.text
    assert ladder.loc["in_region"].tolist() == ["0", "1", "1"]  # devices, software, total: P1
    assert ladder.loc["employed"].tolist() == ["1", "0", "1"]  # P2 (job not matching education)
    assert ladder.loc["not_employed"].tolist() == ["1", "0", "1"]  # P5
    assert ladder.at["total", "total"] == "3"
    retention = view.retention.text
    assert retention.loc["in_region"].tolist() == ["0", "1", "1"]
    assert retention.loc["elsewhere"].tolist() == ["1", "0", "1"]
    intent = view.intent.text
    assert intent.loc["stays"].tolist() == ["0", "2", "2"]  # P1 (6 months), P3 (28 days)
    assert intent.loc["leaves"].tolist() == ["1", "0", "1"]  # P2
    assert view.scores.text["count"].to_dict() == {"devices": "3.0", "software": "4.5"}


def test_period_counts_those_who_left_in_it(session: Session, world: World) -> None:
    view = _manager(session, world, Filters(date(2026, 4, 1), date(2026, 12, 31)))
    assert view.immediate.text.at["total", "total"] == "1"  # P3 only
    assert view.immediate.text.at["employed", "woman"] == "1"
    devices = _manager(
        session, world, Filters(date(2025, 5, 1), date(2027, 12, 31), spearheads=("devices",))
    )
    assert devices.six_months.text.at["total", "total"] == "2"  # P2, P5


def test_steering_sees_the_results_suppressed(
    session: Session, world: World, whole: Filters
) -> None:
    view = result_view(result_data(session, world.project, whole), Role.STEERING)
    # Employed (2) and in education (1) are each too small: one "other" row (3), still hidden.
    assert "employed" not in view.immediate.text.index
    assert view.immediate.hidden.at["other", "woman"]
    assert view.ladder.hidden.at["in_region", "software"]
    assert view.scores.text["count"].tolist() == ["<5", "<5"]  # means of fewer than 5 people
    for shown in (view.immediate, view.six_months, view.improved, view.ladder, view.retention):
        assert_no_small_group_shown(shown)
    assert_no_small_group_shown(view.intent)
