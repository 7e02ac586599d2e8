"""The budget as stored and the salaries paid, read from the database (issue 17)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, col, select

from core.budget.figures import PlannedLine
from core.models import BudgetLine, ClaimPeriod, Participant, Project, ProjectCompany, SalaryCost
from core.privacy.money import MoneyCell


@dataclass(frozen=True)
class Reach:
    participants: int
    companies: int


def planned_lines(session: Session, project: Project) -> list[PlannedLine]:
    query = (
        select(BudgetLine)
        .where(BudgetLine.project_id == project.id)
        .order_by(col(BudgetLine.kind).desc(), col(BudgetLine.id))
    )
    return [
        PlannedLine(
            code=line.code,
            label=line.label,
            label_fi=line.label_fi,
            kind=line.kind,
            planned=Decimal(line.amount_eur),
            percent=None if line.percent is None else Decimal(line.percent),
            base_code=line.base_code,
            is_salaries=line.is_salaries,
        )
        for line in session.exec(query)
    ]


def _in(project: Project, first: date, last: date) -> list[ColumnElement[bool]]:
    return [
        col(SalaryCost.project_id) == project.id,
        col(SalaryCost.month) >= first.replace(day=1),
        col(SalaryCost.month) <= last,
    ]


def monthly_salaries(
    session: Session, project: Project, first: date, last: date
) -> dict[date, Decimal]:
    """Month → the salaries booked in it, for the months from `first`'s to `last`."""
    query = (
        select(col(SalaryCost.month), func.sum(col(SalaryCost.amount_eur)))
        .where(*_in(project, first, last))
        .group_by(col(SalaryCost.month))
    )
    return {month: Decimal(total) for month, total in session.exec(query)}


def salary_rows(session: Session, project: Project, first: date, last: date) -> list[SalaryCost]:
    """The ledger's rows (manager only: one row is one person's salary)."""
    query = (
        select(SalaryCost)
        .where(*_in(project, first, last))
        .order_by(col(SalaryCost.month), col(SalaryCost.role), col(SalaryCost.person))
    )
    return list(session.exec(query))


def by_role(rows: list[SalaryCost]) -> list[MoneyCell]:
    amounts: dict[str, Decimal] = defaultdict(Decimal)
    people: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        amounts[row.role] += Decimal(row.amount_eur)
        people[row.role].add(row.person)
    return [MoneyCell(role, amounts[role], frozenset(people[role])) for role in sorted(amounts)]


def claim_periods(session: Session, project: Project) -> list[ClaimPeriod]:
    query = (
        select(ClaimPeriod)
        .where(ClaimPeriod.project_id == project.id)
        .order_by(col(ClaimPeriod.start_date))
    )
    return list(session.exec(query))


def by_period(rows: list[SalaryCost], periods: list[ClaimPeriod]) -> list[MoneyCell]:
    cells = []
    for period in periods:
        inside = [r for r in rows if period.start_date <= r.month <= period.end_date]
        if inside:
            cells.append(
                MoneyCell(
                    period.code,
                    sum((Decimal(r.amount_eur) for r in inside), Decimal(0)),
                    frozenset(r.person for r in inside),
                )
            )
    return cells


def reach(session: Session, project: Project, first: date, last: date) -> Reach:
    """Participants who entered and companies that joined between `first` and `last`."""
    people = select(func.count()).where(
        Participant.project_id == project.id,
        col(Participant.entry_date) >= first,
        col(Participant.entry_date) <= last,
    )
    companies = select(func.count()).where(
        ProjectCompany.project_id == project.id,
        col(ProjectCompany.joined_on) >= first,
        col(ProjectCompany.joined_on) <= last,
    )
    return Reach(int(session.exec(people).one()), int(session.exec(companies).one()))
