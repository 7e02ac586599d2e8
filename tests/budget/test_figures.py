"""Budget figures against hand-computed ones: flat rate, shares, % used against % of time,
the forecast, cost per participant; and the salary disclosure rule."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from core.budget.figures import (
    PlannedLine,
    budget_status,
    months_between,
    per_head,
    share_of_time,
)
from core.codes import Role
from core.privacy.money import MoneyCell, periods_for, roles_for

D = Decimal
LINES = [
    PlannedLine("salaries", "Salaries", "Palkat", "cost", D(444549), is_salaries=True),
    PlannedLine("flat", "Flat rate", "Flat rate", "cost", D(177820), D(40), "salaries"),
    PlannedLine("eu_state", "EU and state", "EU ja valtio", "funding", D(497895), D(80)),
    PlannedLine("own", "Own", "Oma", "funding", D(124474), D(20)),
]
START, END = date(2025, 5, 1), date(2027, 12, 31)  # 975 days


def _months(*amounts: int) -> dict[date, Decimal]:
    """Consecutive months from May 2025."""
    months = [date(2025 + (4 + i) // 12, (4 + i) % 12 + 1, 1) for i in range(len(amounts))]
    return dict(zip(months, (D(a) for a in amounts), strict=True))


def test_flat_rate_and_shares_follow_the_salaries_paid() -> None:
    status = budget_status(LINES, _months(10000, 12000, 13000), start=START, end=END,
                           as_of=date(2025, 7, 31))  # fmt: skip
    spent = {s.line.code: s.spent for s in status.costs + status.funding}
    # Salaries 35,000; flat rate 40 % = 14,000; costs 49,000; EU+state 80 % = 39,200; own 9,800.
    assert spent == {
        "salaries": D(35000),
        "flat": D(14000),
        "eu_state": D(39200),
        "own": D(9800),
    }
    assert status.spent_total == D(49000)
    # 49,000 / 622,369 = 7.873 %; May–July is 92 of the project's 975 days = 9.436 %.
    assert status.share_used == pytest.approx(0.07873, abs=1e-5)
    assert status.share_time == pytest.approx(92 / 975)
    assert status.costs[0].used == pytest.approx(35000 / 444549)


def test_time_share_is_zero_before_and_one_after() -> None:
    assert share_of_time(START, END, date(2025, 4, 1)) == 0
    assert share_of_time(START, END, date(2025, 5, 1)) == pytest.approx(1 / 975)
    assert share_of_time(START, END, date(2028, 3, 1)) == 1


def test_forecast_carries_the_recent_average_to_the_end() -> None:
    # Eight months, May–Dec 2025: the last six average (12+13+14+14+15+16)k / 6 = 14,000.
    monthly = _months(10000, 11000, 12000, 13000, 14000, 14000, 15000, 16000)
    status = budget_status(LINES, monthly, start=START, end=END, as_of=date(2026, 1, 5))
    forecast = status.forecast
    assert forecast is not None
    assert (forecast.months_averaged, forecast.monthly_salaries) == (6, D(14000))
    assert forecast.months_left == 24  # Jan 2026 – Dec 2027
    # Salaries: 105,000 paid + 24 × 14,000 = 441,000; with 40 %: 617,400 (99.2 % of plan).
    assert forecast.salaries_at_end == D(441000)
    assert forecast.total_at_end == D(617400)
    assert forecast.share_of_plan == pytest.approx(617400 / 622369)


def test_no_forecast_from_two_months() -> None:
    status = budget_status(LINES, _months(10000, 11000), start=START, end=END,
                           as_of=date(2025, 7, 1))  # fmt: skip
    assert status.forecast is None


def test_cost_per_participant_and_company() -> None:
    assert per_head(D(49000), 35) == D(1400)
    assert per_head(D(49000), 3) == D(16333)  # 16,333.33 to the euro
    assert per_head(D(49000), None) is None and per_head(D(49000), 0) is None
    assert months_between(date(2025, 3, 1), date(2025, 5, 31)) == 3


def _cell(label: str, amount: int, *people: str) -> MoneyCell:
    return MoneyCell(label, D(amount), frozenset(people))


def test_steering_sees_no_role_of_one_or_two_people() -> None:
    roles = [
        _cell("Manager", 50000, "a"),
        _cell("Coordinator", 40000, "b"),
        _cell("Researcher", 30000, "c", "d"),
        _cell("Assistant", 9000, "e", "f", "g"),
    ]
    assert roles_for(Role.MANAGER, roles) == roles
    shown = roles_for(Role.STEERING, roles)
    assert [(c.label, c.amount, c.merged) for c in shown] == [
        ("Assistant", D(9000), False),
        ("", D(120000), True),  # manager, coordinator and researchers: four people
    ]
    # Without the assistants, "other roles" would be everyone: no breakdown at all.
    assert roles_for(Role.STEERING, roles[:3]) == []
    # Two small roles of one person each: merged they are two people, still too few.
    two = [roles[3], _cell("Manager", 50000, "a"), _cell("Coordinator", 40000, "b")]
    assert roles_for(Role.STEERING, two) == []


def test_small_periods_merge_with_the_next() -> None:
    periods = [_cell("2025-2", 20000, "a", "b"), _cell("2026-1", 60000, "a", "b", "c"),
               _cell("2026-2", 30000, "a")]  # fmt: skip
    shown = periods_for(Role.STEERING, periods)
    # 2025-2 (two people) joins 2026-1; the last one (one person) joins the one before.
    assert [(c.label, c.amount) for c in shown] == [("2025-2 – 2026-2", D(110000))]
    assert periods_for(Role.MANAGER, periods) == periods


def test_the_manager_sees_months_by_role_and_steering_does_not() -> None:
    from core.budget.spending import Reach
    from core.budget.view import BudgetData, budget_view, month_role_table
    from core.i18n import translate

    data = BudgetData(
        lines=LINES,
        monthly=_months(10000),
        roles=[],
        periods=[],
        reach=Reach(42, 3),
        start=START,
        end=END,
        as_of=date(2025, 6, 1),
        month_role={
            (date(2025, 5, 1), "Manager"): D(6000),
            (date(2025, 5, 1), "Coordinator"): D(4000),
        },
    )
    table = month_role_table(
        budget_view(data, Role.MANAGER), lambda k, **v: translate(k, "en", **v)
    )
    assert table.to_dict("records") == [
        {"Month": "2025-05", "Coordinator": 4000.0, "Manager": 6000.0, "Costs in total": 10000.0}
    ]
    steering = budget_view(data, Role.STEERING)
    assert steering.month_role == {} and steering.monthly == {}
    # 14,000 € spent (10,000 + 40 %): steering divides by the published counts (42 rounded to
    # 40; 3 companies hidden), so the exact count cannot be worked back; the manager's are exact.
    assert (steering.participants, steering.per_participant) == (40, D(350))
    assert (steering.companies, steering.per_company) == (None, None)
    manager = budget_view(data, Role.MANAGER)
    assert (manager.per_participant, manager.per_company) == (D(333), D(4667))
