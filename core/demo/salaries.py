"""Demo salary costs and EURA forms (issue 17): what the university's ledger would book.

A believable project team, deterministic for a seed: a project manager and a coordinator full
time, two project researchers part time and three research assistants during terms. Amounts
include the employer's side costs; June carries the holiday bonus. Only months that ended before
`today` are booked, as a ledger books a month after it closes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, col, select

from core.models import EuraForm, Participant, Project, SalaryCost

HOLIDAY_MONTH, HOLIDAY_BONUS = 6, Decimal("1.25")
TERM_MONTHS = frozenset({1, 2, 3, 4, 5, 9, 10, 11, 12})
# Share of participants whose own EURA form is marked done a month after entry or exit: a
# few are always missing, which is what the pre-claim check is for.
FORMS_DONE = 0.96


@dataclass(frozen=True)
class Staff:
    role: str
    person: str
    monthly: Decimal
    start: date
    terms_only: bool = False


TEAM = (
    Staff("Project manager", "HR-10231", Decimal(5200), date(2025, 5, 1)),
    Staff("Project coordinator", "HR-10877", Decimal(3900), date(2025, 5, 1)),
    Staff("Project researcher", "HR-11402", Decimal(1900), date(2025, 8, 1)),
    Staff("Project researcher", "HR-11519", Decimal(1900), date(2025, 9, 1)),
    Staff("Research assistant", "HR-12044", Decimal(480), date(2025, 9, 1), terms_only=True),
    Staff("Research assistant", "HR-12107", Decimal(480), date(2025, 9, 1), terms_only=True),
    Staff("Research assistant", "HR-12230", Decimal(480), date(2026, 1, 1), terms_only=True),
)


def _months(start: date, end: date) -> list[date]:
    months, month = [], start.replace(day=1)
    while month <= end:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def salary_rows(project: Project, today: date, *, seed: int) -> list[dict[str, Any]]:
    """Every booked salary row of the demo team up to the last month that ended before today."""
    rng = random.Random(f"salaries-{seed}")
    last = min(today.replace(day=1) - timedelta(days=1), project.end_date)
    rows: list[dict[str, Any]] = []
    for month in _months(project.start_date, last):
        for staff in TEAM:
            if month < staff.start or (staff.terms_only and month.month not in TERM_MONTHS):
                continue
            amount = staff.monthly * Decimal(rng.uniform(0.97, 1.03))
            if month.month == HOLIDAY_MONTH:
                amount *= HOLIDAY_BONUS
            rows.append(
                {
                    "project_id": project.id,
                    "month": month,
                    "role": staff.role,
                    "person": staff.person,
                    "amount_eur": amount.quantize(Decimal("0.01")),
                }
            )
    return rows


def eura_form_rows(
    session: Session, project: Project, today: date, *, seed: int
) -> list[dict[str, Any]]:
    """Start forms for participants who entered a month ago or more, end forms for exits."""
    rng = random.Random(f"eura-{seed}")
    query = (
        select(Participant)
        .where(Participant.project_id == project.id)
        .order_by(col(Participant.code))
    )
    rows: list[dict[str, Any]] = []
    for person in session.exec(query):
        for kind, day in (("start", person.entry_date), ("end", person.exit_date)):
            if day is None:
                continue
            done = day + timedelta(days=rng.randint(3, 40))
            if done <= today and rng.random() < FORMS_DONE:
                rows.append(
                    {
                        "participant_id": person.id,
                        "kind": kind,
                        "done_on": done,
                        "recorded_by": "demo",
                    }
                )
    return rows


def write_money(session: Session, project: Project, today: date, *, seed: int) -> int:
    """Write the demo salaries and EURA forms; returns the number of salary rows."""
    salaries = salary_rows(project, today, seed=seed)
    if salaries:
        session.execute(insert(SalaryCost), salaries)
    forms = eura_form_rows(session, project, today, seed=seed)
    if forms:
        session.execute(insert(EuraForm), forms)
    return len(salaries)
