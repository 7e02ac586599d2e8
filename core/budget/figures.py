"""Budget figures from the plan and the salaries actually paid: pure arithmetic, no database.

The flat rate is its percent of the salaries actually paid, and each funding share its percent
of the costs actually incurred, so the figures follow the ledger rather than the plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from core.project.budget_def import rate_of

ZERO = Decimal(0)
# The forecast averages at most this many of the last booked months, and needs at least
# FORECAST_MIN_MONTHS of them: one or two months say little about a pace.
FORECAST_MONTHS = 6
FORECAST_MIN_MONTHS = 3


@dataclass(frozen=True)
class PlannedLine:
    code: str
    label: str
    label_fi: str
    kind: str  # "cost" or "funding"
    planned: Decimal
    percent: Decimal | None = None
    base_code: str | None = None
    is_salaries: bool = False

    def name(self, lang: str) -> str:
        return self.label_fi if lang == "fi" and self.label_fi else self.label


@dataclass(frozen=True)
class LineStatus:
    line: PlannedLine
    spent: Decimal

    @property
    def used(self) -> float | None:
        """The share of the line's budget used (None for an empty line)."""
        return float(self.spent / self.line.planned) if self.line.planned else None

    @property
    def left(self) -> Decimal:
        return self.line.planned - self.spent


@dataclass(frozen=True)
class BudgetForecast:
    """Costs at the project's end if salaries go on at the average of the last booked months."""

    months_averaged: int
    monthly_salaries: Decimal
    months_left: int
    salaries_at_end: Decimal
    total_at_end: Decimal
    planned_total: Decimal

    @property
    def share_of_plan(self) -> float:
        return float(self.total_at_end / self.planned_total) if self.planned_total else 0.0


@dataclass(frozen=True)
class BudgetStatus:
    as_of: date
    costs: list[LineStatus]
    funding: list[LineStatus]
    planned_total: Decimal
    spent_total: Decimal
    share_time: float
    last_month: date | None
    forecast: BudgetForecast | None

    @property
    def share_used(self) -> float:
        return float(self.spent_total / self.planned_total) if self.planned_total else 0.0


def months_between(first: date, last: date) -> int:
    """Months from `first`'s month to `last`'s month, both counted (March–May = 3)."""
    return max(0, (last.year - first.year) * 12 + last.month - first.month + 1)


def share_of_time(start: date, end: date, as_of: date) -> float:
    """The share of the project's days gone by the end of `as_of` (0 before, 1 after)."""
    days = (end - start).days + 1
    gone = (min(max(as_of, start - _ONE_DAY), end) - start).days + 1
    return max(0, gone) / days


def spent_costs(lines: list[PlannedLine], salaries: Decimal) -> dict[str, Decimal]:
    """Each cost line's spending: the salaries line the ledger's sum, a rate line its percent
    of its base's spending; other fixed lines have no source yet and show nothing spent."""
    fixed = {line.code: (salaries if line.is_salaries else ZERO) for line in lines}
    return {
        line.code: rate_of(line.percent, fixed.get(line.base_code or "", ZERO))
        if line.percent is not None
        else fixed[line.code]
        for line in lines
        if line.kind == "cost"
    }


def funding_shares(lines: list[PlannedLine], total: Decimal) -> dict[str, Decimal]:
    """Each funding line's part of `total`: its percent, else its planned proportion."""
    planned_total = sum((line.planned for line in lines if line.kind == "cost"), ZERO)
    result = {}
    for line in lines:
        if line.kind != "funding":
            continue
        if line.percent is not None:
            result[line.code] = rate_of(line.percent, total)
        elif planned_total:
            result[line.code] = (total * line.planned / planned_total).quantize(Decimal("0.01"))
        else:
            result[line.code] = ZERO
    return result


def budget_status(
    lines: list[PlannedLine],
    monthly_salaries: dict[date, Decimal],
    *,
    start: date,
    end: date,
    as_of: date,
) -> BudgetStatus:
    """Spent against planned per line and in total, time elapsed, and the forecast."""
    salaries = sum(monthly_salaries.values(), ZERO)
    spent = spent_costs(lines, salaries)
    spent_total = sum(spent.values(), ZERO)
    shares = funding_shares(lines, spent_total)
    planned_total = sum((line.planned for line in lines if line.kind == "cost"), ZERO)
    costs = [LineStatus(line, spent[line.code]) for line in lines if line.kind == "cost"]
    funding = [LineStatus(line, shares[line.code]) for line in lines if line.kind == "funding"]
    last = max(monthly_salaries) if monthly_salaries else None
    return BudgetStatus(
        as_of=as_of,
        costs=costs,
        funding=funding,
        planned_total=planned_total,
        spent_total=spent_total,
        share_time=share_of_time(start, end, as_of),
        last_month=last,
        forecast=forecast(lines, monthly_salaries, end=end, planned_total=planned_total),
    )


def forecast(
    lines: list[PlannedLine],
    monthly_salaries: dict[date, Decimal],
    *,
    end: date,
    planned_total: Decimal,
) -> BudgetForecast | None:
    """The method: the average salary cost of the last (up to 6) booked months, carried over
    every month from the one after the last booked month to the project's last month; the
    flat rate follows from the salaries as in the plan."""
    booked = sorted(monthly_salaries)
    if len(booked) < FORECAST_MIN_MONTHS:
        return None
    recent = booked[-FORECAST_MONTHS:]
    average = (sum((monthly_salaries[m] for m in recent), ZERO) / len(recent)).quantize(
        Decimal("0.01")
    )
    left = max(0, months_between(booked[-1], end) - 1)
    salaries_at_end = sum(monthly_salaries.values(), ZERO) + average * left
    total_at_end = sum(spent_costs(lines, salaries_at_end).values(), ZERO)
    return BudgetForecast(len(recent), average, left, salaries_at_end, total_at_end, planned_total)


def per_head(total: Decimal, count: int | None) -> Decimal | None:
    """Cost per participant or company: None when the count is hidden or zero."""
    if not count:
        return None
    return (total / count).quantize(Decimal(1))


_ONE_DAY = date(2000, 1, 2) - date(2000, 1, 1)
