"""Event numbers against the hand-made world: 4 events, 6 people, 10 attendances."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from core.codes import Role
from core.dashboards.events import event_data, events_by_month, reach_by_month
from core.dashboards.filters import Filters
from core.dashboards.views import event_view
from tests.dashboards.world import TODAY, World


def test_events_per_month_by_type_and_package(
    session: Session, world: World, whole: Filters
) -> None:
    events = events_by_month(session, world.project, whole)
    assert sorted(map(tuple, events[["month", "event_type", "work_package", "events"]].values)) == [
        ("2025-09", "coffee_with_alumni", "T2.3", 1),
        ("2025-09", "meetup", "T2.2", 1),
        ("2025-11", "workshop", "T2.2", 1),
        ("2026-02", "company_interview", "T1.1", 1),
    ]


def test_reach_against_attendance_per_month(session: Session, world: World, whole: Filters) -> None:
    reach = reach_by_month(session, world.project, whole, TODAY).set_index("month")
    assert reach.loc["2025-09"].tolist() == [7, 5]  # E1 (4) + E2 (3); A1 and A3 came twice
    assert reach.loc["2025-11"].tolist() == [2, 2]
    assert reach.loc["2026-02"].tolist() == [1, 1]
    assert reach.loc["2025-10"].tolist() == [0, 0]
    assert reach["attendances"].sum() == 10


def _view(session: Session, world: World, filters: Filters, role: Role = Role.MANAGER):  # type: ignore[no-untyped-def]
    return event_view(event_data(session, world.project, filters, TODAY), role)


def test_repeat_attendance_target_groups_and_funnel(
    session: Session, world: World, whole: Filters
) -> None:
    view = _view(session, world, whole)
    repeat = view.repeat.text["count"].to_dict()
    assert repeat == {
        "1": "3",
        "2": "2",
        "3": "1",
        "4-5": "0",
        "6-9": "0",
        "10+": "0",
        "total": "6",
    }
    groups = view.groups.text.to_dict("index")
    assert groups["international_students"] == {"people": "3", "attendances": "5"}
    assert groups["alumni"] == {"people": "2", "attendances": "3"}
    assert groups["company_partners"] == {"people": "1", "attendances": "2"}
    assert groups["total"] == {"people": "6", "attendances": "10"}
    # Attended 6 → participants A1 A2 A3 A6 → in work: P1 (6-month answer), P2 (6-month
    # answer, the later one), P3 (28-day answer); P4 has no answer.
    assert view.funnel.text["count"].tolist() == ["6", "4", "3"]
    assert view.places.text.at["places", "count"] == "4"  # internships 1 + 3, thesis 0
    assert view.unique_people == 6


def test_filters_narrow_the_people(session: Session, world: World) -> None:
    start, end = date(2025, 5, 1), date(2027, 12, 31)
    by_package = _view(session, world, Filters(start, end, work_packages=("T2.2",)))
    assert by_package.groups.text.at["total", "attendances"] == "6"  # E1 (4) + E3 (2)
    assert by_package.unique_people == 5
    alumni = _view(session, world, Filters(start, end, target_groups=("alumni",)))
    assert alumni.groups.text.at["total", "people"] == "2"
    assert alumni.groups.text.at["total", "attendances"] == "3"
    devices = _view(session, world, Filters(start, end, spearheads=("devices",)))
    assert devices.unique_people == 1  # only A2 (P2) has the devices spearhead
    autumn = _view(session, world, Filters(date(2025, 11, 1), date(2025, 12, 31)))
    assert autumn.funnel.text["count"].tolist() == ["2", "2", "1"]  # A1 (P1 in work), A6 (P4)


def test_steering_sees_small_groups_hidden(session: Session, world: World, whole: Filters) -> None:
    view = _view(session, world, whole, Role.STEERING)
    assert view.repeat.text["count"].to_dict() == {
        "1": "<5",
        "2": "<5",
        "3": "<5",
        "4-5": "0",
        "6-9": "0",
        "10+": "0",
        "total": "5",
    }  # fmt: skip  (6 people, rounded to 5)
    assert view.groups.hidden.loc["company_partners"].all()
    assert view.groups.text.at["total", "people"] == "5"  # 6, rounded
    assert view.funnel.text["count"].tolist() == ["5", "<5", "<5"]
    assert view.places.text.at["places", "count"] == ".."  # only two companies delivered them
    # Attendances add up to the shown total 10, so 7 goes with the 2 and the 1; monthly unique
    # people add up to nothing shown, so only the small months go.
    assert view.reach.text.loc["2025-09"].tolist() == ["..", "5"]
    assert view.reach.text.loc["2025-11"].tolist() == ["<5", "<5"]
