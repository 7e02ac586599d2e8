"""What the Budget page, the meeting pack and the exports show of the money, per role.

`budget_data` reads once (cacheable); `budget_view` applies the disclosure rules for a role:
salary sums by role and by claim period through `core.privacy.money`, participant and company
counts through the one rule (the cost per participant divides by the count as published, so
the exact count cannot be worked back from it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pandas as pd
from sqlmodel import Session

from core.budget.figures import BudgetStatus, PlannedLine, budget_status, per_head
from core.budget.spending import (
    Reach,
    by_period,
    by_role,
    claim_periods,
    monthly_salaries,
    planned_lines,
    reach,
    salary_rows,
)
from core.codes import Role
from core.models import Project, SalaryCost
from core.privacy.money import MoneyCell, periods_for, roles_for, sees_salaries
from core.privacy.rules import rule_for

Translate = Callable[..., str]
CENT = Decimal("0.01")


@dataclass(frozen=True)
class BudgetData:
    """Everything read from the database for the budget, before any role's rules."""

    lines: list[PlannedLine]
    monthly: dict[date, Decimal]
    roles: list[MoneyCell]
    periods: list[MoneyCell]
    reach: Reach
    start: date
    end: date
    as_of: date
    month_role: dict[tuple[date, str], Decimal]


@dataclass(frozen=True)
class BudgetView:
    status: BudgetStatus
    roles: list[MoneyCell]  # [] when no breakdown by role is safe to show
    periods: list[MoneyCell]
    participants: int | None  # as published to the role
    companies: int | None
    per_participant: Decimal | None
    per_company: Decimal | None
    monthly: dict[date, Decimal]  # the manager's only ({} for others)
    month_role: dict[tuple[date, str], Decimal]  # the manager's only: one person's pay


def budget_data(session: Session, project: Project, as_of: date) -> BudgetData:
    """The plan, the salaries booked up to `as_of`'s month, and the reach by `as_of`."""
    first, last = project.start_date, min(as_of, project.end_date)
    rows = salary_rows(session, project, first, last)
    return BudgetData(
        lines=planned_lines(session, project),
        monthly=monthly_salaries(session, project, first, last),
        roles=by_role(rows),
        periods=by_period(rows, claim_periods(session, project)),
        reach=reach(session, project, first, last),
        start=project.start_date,
        end=project.end_date,
        as_of=as_of,
        month_role=_month_role(rows),
    )


def _month_role(rows: list[SalaryCost]) -> dict[tuple[date, str], Decimal]:
    sums: dict[tuple[date, str], Decimal] = {}
    for row in rows:
        key = (row.month, row.role)
        sums[key] = sums.get(key, Decimal(0)) + Decimal(row.amount_eur)
    return sums


def budget_view(data: BudgetData, role: Role | None) -> BudgetView:
    status = budget_status(
        data.lines, data.monthly, start=data.start, end=data.end, as_of=data.as_of
    )
    rule = rule_for(role)
    participants = rule.shown(data.reach.participants)
    companies = rule.shown(data.reach.companies)
    return BudgetView(
        status=status,
        roles=roles_for(role, data.roles),
        periods=periods_for(role, data.periods),
        participants=participants,
        companies=companies,
        per_participant=per_head(status.spent_total, participants),
        per_company=per_head(status.spent_total, companies),
        monthly=data.monthly if sees_salaries(role) else {},
        month_role=data.month_role if sees_salaries(role) else {},
    )


def _percent(share: float | None) -> float | None:
    return None if share is None else round(100 * share, 1)


def lines_table(view: BudgetView, t: Translate, lang: str) -> pd.DataFrame:
    """Cost lines, their total and the funding shares: budget, spent, % used, left."""
    status = view.status
    rows: list[list[object]] = [
        [s.line.name(lang), float(s.line.planned), float(s.spent), _percent(s.used), float(s.left)]
        for s in status.costs
    ]
    rows.append(
        [
            t("budget.total"),
            float(status.planned_total),
            float(status.spent_total),
            _percent(status.share_used),
            float(status.planned_total - status.spent_total),
        ]
    )
    rows += [
        [s.line.name(lang), float(s.line.planned), float(s.spent), _percent(s.used), float(s.left)]
        for s in status.funding
    ]
    columns = [
        t("budget.line"),
        t("budget.planned"),
        t("budget.spent"),
        t("budget.used_pct"),
        t("budget.left"),
    ]
    return pd.DataFrame(rows, columns=columns)


def roles_table(view: BudgetView, t: Translate) -> pd.DataFrame:
    """Salaries by role (small roles merged as the rule says)."""
    return pd.DataFrame(
        {
            t("budget.role"): [
                t("budget.other_roles") if c.merged else c.label for c in view.roles
            ],
            t("budget.spent"): [float(c.amount) for c in view.roles],
        }
    )


def periods_table(view: BudgetView, t: Translate) -> pd.DataFrame:
    """Salaries and the costs with the flat rate per claim period (merged where small)."""
    flat = _flat_rate(view.status)
    return pd.DataFrame(
        {
            t("budget.claim_period"): [c.label for c in view.periods],
            t("budget.salaries"): [float(c.amount) for c in view.periods],
            t("budget.with_flat_rate"): [
                float((c.amount * (1 + flat)).quantize(CENT)) for c in view.periods
            ],
        }
    )


def month_role_table(view: BudgetView, t: Translate) -> pd.DataFrame:
    """The manager's months × roles (a role held by one person shows that person's pay)."""
    if not view.month_role:
        return pd.DataFrame()
    frame = pd.Series({k: float(v) for k, v in view.month_role.items()}).unstack(fill_value=0)
    frame.index = [month.isoformat()[:7] for month in frame.index]
    frame[t("budget.total")] = frame.sum(axis=1)
    return frame.rename_axis(t("budget.month")).reset_index()


def _flat_rate(status: BudgetStatus) -> Decimal:
    """The rates charged on the salaries (40 % of salaries -> 0.40)."""
    salaries = {s.line.code for s in status.costs if s.line.is_salaries}
    rates = [
        s.line.percent
        for s in status.costs
        if s.line.percent is not None and s.line.base_code in salaries
    ]
    return sum(rates, Decimal(0)) / 100
