"""Indicator arithmetic against hand-computed expectations."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, select

from core.codes import Indicator, Role
from core.indicators.kpi import (
    Status,
    cumulative_series,
    forecast,
    headline_target,
    month_ends,
    pace_status,
    planned_value,
    progress_against_target,
)
from core.indicators.overview import build_overview
from core.models import (
    Company,
    Event,
    Participant,
    Project,
    ProjectCompany,
    TargetGroup,
    WorkPackage,
)

START, END = date(2025, 5, 1), date(2027, 12, 31)


def add_participants(session: Session, project: Project, entries: list[tuple[date, str]]) -> None:
    group = session.exec(select(TargetGroup).where(TargetGroup.project_id == project.id)).first()
    assert group is not None and group.id is not None and project.id is not None
    for i, (day, status) in enumerate(entries):
        session.add(
            Participant(
                project_id=project.id,
                code=f"P-{i:05}",
                target_group_id=group.id,
                entry_status=status,
                gender="woman",
                age_band="18-29",
                isced="5-8",
                entry_date=day,
            )
        )
    session.commit()


def test_planned_value_is_linear_without_milestones() -> None:
    assert planned_value(610, START, END, date(2025, 4, 30)) == 0.0
    assert planned_value(610, START, END, START) == 0.0
    assert planned_value(610, START, END, END) == 610.0
    assert planned_value(610, START, END, date(2030, 1, 1)) == 610.0
    # 2026-09-01 is 488 of the 974 days from start to end.
    assert planned_value(610, START, END, date(2026, 9, 1)) == pytest.approx(610 * 488 / 974)


def test_planned_value_follows_milestones() -> None:
    milestones = [(date(2025, 12, 31), 100), (date(2026, 12, 31), 400)]
    assert planned_value(610, START, END, date(2025, 12, 31), milestones) == 100
    # 1 July 2026 is 182 of the 365 days of 2026: 100 + 300 × 182 / 365.
    assert planned_value(610, START, END, date(2026, 7, 1), milestones) == pytest.approx(
        100 + 300 * 182 / 365
    )
    assert planned_value(610, START, END, date(2027, 12, 31), milestones) == 610


@pytest.mark.parametrize(
    ("actual", "planned", "target", "as_of", "expected"),
    [
        (95, 100.0, 610, date(2026, 1, 1), Status.ON_TRACK),
        (94, 100.0, 610, date(2026, 1, 1), Status.AT_RISK),
        (80, 100.0, 610, date(2026, 1, 1), Status.AT_RISK),
        (79, 100.0, 610, date(2026, 1, 1), Status.BEHIND),
        (0, 0.0, 610, date(2025, 1, 1), Status.NOT_STARTED),
        (0, 0.0, 610, START, Status.ON_TRACK),
        (0, 0.0, 0, date(2026, 1, 1), Status.NO_TARGET),
        (610, 610.0, 610, date(2028, 6, 1), Status.ON_TRACK),
        (500, 610.0, 610, date(2028, 6, 1), Status.BEHIND),
    ],
)
def test_pace_status(
    actual: int, planned: float, target: int, as_of: date, expected: Status
) -> None:
    assert pace_status(actual, planned, target, as_of, START, END) is expected


def test_cumulative_series_at_month_ends_and_today() -> None:
    daily = [(date(2025, 5, 3), 2), (date(2025, 6, 30), 1), (date(2025, 7, 10), 4)]
    assert cumulative_series(daily, START, date(2025, 7, 5)) == [
        (date(2025, 5, 31), 2),
        (date(2025, 6, 30), 3),
        (date(2025, 7, 5), 3),
    ]
    assert cumulative_series(daily, START, date(2025, 4, 1)) == []
    assert cumulative_series([], START, date(2025, 6, 30)) == [
        (date(2025, 5, 31), 0),
        (date(2025, 6, 30), 0),
    ]


def test_month_ends_cross_the_year() -> None:
    assert month_ends(date(2025, 11, 15), date(2026, 2, 1)) == [
        date(2025, 11, 30),
        date(2025, 12, 31),
        date(2026, 1, 31),
        date(2026, 2, 28),
    ]


def test_forecast_carries_recent_pace_with_a_band() -> None:
    # Ten a month for six months, then today mid-month: expected +10 a month from today.
    series = [
        (m, 10 * (i + 1)) for i, m in enumerate(month_ends(date(2025, 5, 1), date(2025, 10, 1)))
    ]
    series.append((date(2025, 11, 15), 65))
    result = forecast(series, date(2026, 1, 31))
    assert result is not None
    assert result.months == [date(2025, 11, 30), date(2025, 12, 31), date(2026, 1, 31)]
    # No variation in the steps → no band.
    assert result.low == result.expected == result.high
    assert result.at_end == pytest.approx(65 + 10 * 77 / 30.44)
    assert "Linear trend" in result.method


def test_forecast_band_widens_and_never_drops_below_today() -> None:
    steps = [0, 20, 0, 20, 0, 20]
    values, total = [], 0
    for step in steps:
        total += step
        values.append(total)
    series = list(zip(month_ends(date(2025, 5, 1), date(2025, 10, 1)), values, strict=True))
    result = forecast(series, date(2026, 6, 30))
    assert result is not None
    widths = [h - lo for h, lo in zip(result.high, result.low, strict=True)]
    assert widths == sorted(widths) and widths[-1] > widths[0]
    assert min(result.low) >= 60


def test_forecast_needs_three_months() -> None:
    assert forecast([(date(2025, 5, 31), 3), (date(2025, 6, 30), 5)], END) is None


def test_progress_without_data(session: Session, project: Project) -> None:
    target = headline_target(session, project, Indicator.PARTICIPANTS)
    assert target is not None
    progress = progress_against_target(session, project, target, date(2026, 9, 1))
    assert (progress.actual, progress.target, progress.percent) == (0, 610, 0.0)
    assert progress.status is Status.BEHIND
    before = progress_against_target(session, project, target, date(2025, 1, 1))
    assert before.status is Status.NOT_STARTED and before.planned == 0


def test_progress_counts_by_status_and_ignores_later_entries(
    session: Session, project: Project
) -> None:
    add_participants(
        session,
        project,
        [
            (date(2025, 5, 10), "in_education"),
            (date(2025, 9, 1), "in_education"),
            (date(2025, 9, 2), "employed"),
            (date(2026, 3, 1), "unemployed"),
            (date(2026, 10, 1), "employed"),
        ],
    )
    as_of = date(2026, 3, 1)
    results = {}
    for indicator in (
        Indicator.PARTICIPANTS,
        Indicator.PARTICIPANTS_IN_EDUCATION,
        Indicator.PARTICIPANTS_EMPLOYED,
    ):
        target = headline_target(session, project, indicator)
        assert target is not None
        results[indicator] = progress_against_target(session, project, target, as_of).actual
    assert results == {
        Indicator.PARTICIPANTS: 4,
        Indicator.PARTICIPANTS_IN_EDUCATION: 2,
        Indicator.PARTICIPANTS_EMPLOYED: 1,
    }


def test_progress_after_the_end_counts_only_the_period(session: Session, project: Project) -> None:
    add_participants(
        session, project, [(date(2027, 12, 31), "employed"), (date(2028, 1, 2), "employed")]
    )
    target = headline_target(session, project, Indicator.PARTICIPANTS_EMPLOYED)
    assert target is not None
    progress = progress_against_target(session, project, target, date(2028, 3, 1))
    assert (progress.actual, progress.planned, progress.status) == (1, 192.0, Status.BEHIND)
    assert progress.percent == pytest.approx(100 / 192)


def test_event_target_of_one_work_package(session: Session, project: Project) -> None:
    t11 = session.exec(select(WorkPackage).where(WorkPackage.code == "T1.1")).one()
    t12 = session.exec(select(WorkPackage).where(WorkPackage.code == "T1.2")).one()
    for i, (wp, kind) in enumerate(
        [(t11, "workshop"), (t11, "company_interview"), (t12, "workshop")]
    ):
        session.add(
            Event(
                project_id=project.id,
                work_package_id=wp.id,
                code=f"E{i}",
                name="x",
                event_type=kind,
                event_date=date(2025, 10, 1),
            )
        )
    session.commit()
    from core.indicators.kpi import targets_of

    by_wp = {t.work_package_id: t for t in targets_of(session, project) if t.indicator == "events"}
    progress = progress_against_target(session, project, by_wp[t11.id], date(2026, 1, 1))
    assert (progress.actual, progress.target) == (1, 2)


def test_overview_gathers_cards_and_recent_changes(session: Session, project: Project) -> None:
    add_participants(
        session, project, [(date(2026, 10, 1), "employed"), (date(2026, 11, 10), "in_education")]
    )
    company = Company(business_id="0201256-6", name="Demo Oy", size_class="micro")
    session.add(company)
    session.commit()
    session.add(
        ProjectCompany(project_id=project.id, company_id=company.id, joined_on=date(2026, 11, 1))
    )
    session.commit()
    overview = build_overview(session, project, date(2026, 11, 23), role=Role.MANAGER)
    assert set(overview.trajectories) == {
        Indicator.PARTICIPANTS,
        Indicator.PARTICIPANTS_IN_EDUCATION,
        Indicator.PARTICIPANTS_EMPLOYED,
        Indicator.COMPANIES,
    }
    assert overview.trajectories[Indicator.PARTICIPANTS].progress.actual == 2
    assert overview.trajectories[Indicator.COMPANIES].progress.actual == 1
    assert (overview.recent.participants, overview.recent.companies) == (1, 1)
    assert overview.trajectories[Indicator.PARTICIPANTS].actual[-1] == (date(2026, 11, 23), 2)
