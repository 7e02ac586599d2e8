"""What the demo generator needs to know of a project, and the seeded randomness it runs on."""

from __future__ import annotations

import calendar
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from sqlmodel import Session, select

from core.models import Programme, Project, Spearhead, TargetGroup, WorkPackage

T = TypeVar("T")

# The demo world is written for the Oulu ICT plan: these codes must exist in the project.
REQUIRED_WORK_PACKAGES = ("T1.1", "T1.2", "T2.1", "T2.2", "T2.3", "T3.1")
REQUIRED_TARGET_GROUPS = (
    "international_students",
    "finnish_students",
    "supervisors",
    "alumni",
    "company_partners",
    "recruiting_experts",
)


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


@dataclass(frozen=True)
class ProgrammePlan:
    code: str
    name: str
    spearhead: str
    level: str  # bachelor / master / doctoral
    language: str


@dataclass(frozen=True)
class DemoPlan:
    """The project as plain facts (no ORM objects), so the demo world can be built anywhere."""

    code: str
    period: Period
    work_packages: dict[str, Period]
    programmes: tuple[ProgrammePlan, ...]
    target_groups: tuple[str, ...]

    def programme(self, code: str) -> ProgrammePlan:
        return next(p for p in self.programmes if p.code == code)


def load_plan(session: Session, project: Project) -> DemoPlan:
    """Read the project's periods, programmes and groups; refuse a project the demo can't fill."""
    assert project.id is not None
    wps = session.exec(select(WorkPackage).where(WorkPackage.project_id == project.id)).all()
    groups = session.exec(select(TargetGroup).where(TargetGroup.project_id == project.id)).all()
    spearheads = {
        s.id: s.code
        for s in session.exec(select(Spearhead).where(Spearhead.project_id == project.id))
    }
    programmes = session.exec(select(Programme).where(Programme.project_id == project.id)).all()
    plan = DemoPlan(
        code=project.code,
        period=Period(project.start_date, project.end_date),
        work_packages={w.code: Period(w.start_date, w.end_date) for w in wps},
        programmes=tuple(
            ProgrammePlan(p.code, p.name, spearheads[p.spearhead_id], p.level, p.language)
            for p in sorted(programmes, key=lambda p: p.code)
        ),
        target_groups=tuple(sorted(g.code for g in groups)),
    )
    _require(plan)
    return plan


def _require(plan: DemoPlan) -> None:
    missing = [c for c in REQUIRED_WORK_PACKAGES if c not in plan.work_packages]
    missing += [c for c in REQUIRED_TARGET_GROUPS if c not in plan.target_groups]
    if missing:
        raise ValueError(
            f"Project {plan.code!r} lacks {', '.join(missing)}; the demo data is written for "
            "the Oulu ICT plan (data/projects/oulu-ict-2025.yaml)."
        )
    levels = {p.level for p in plan.programmes}
    if not {"master", "bachelor"} <= levels:
        raise ValueError(f"Project {plan.code!r} needs both bachelor and master programmes.")


def stream(seed: int, name: str) -> random.Random:
    """An independent random stream per part, so changing one part never shifts another.

    String seeds are hashed with SHA-512 by `random`, independent of PYTHONHASHSEED.
    """
    return random.Random(f"silta-demo:{seed}:{name}")


def pick(rng: random.Random, weighted: Sequence[tuple[T, float]]) -> T:
    """One item from (item, weight) pairs."""
    items = [item for item, _ in weighted]
    return rng.choices(items, weights=[w for _, w in weighted], k=1)[0]


def sample_weighted(
    rng: random.Random, items: Sequence[T], weights: Sequence[float], k: int
) -> list[T]:
    """k distinct items, each drawn with probability proportional to its weight (A-ES keys)."""
    if k <= 0 or not items:
        return []
    keyed = [(rng.random() ** (1.0 / w) if w > 0 else -1.0, i) for i, w in enumerate(weights)]
    keyed.sort(reverse=True)
    return [items[i] for key, i in keyed[:k] if key >= 0]


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def month_starts(start: date, end: date) -> list[date]:
    """First days of every month that overlaps start–end."""
    first = start.replace(day=1)
    months = []
    while first <= end:
        months.append(first)
        first = add_months(first, 1)
    return months


def weekday_near(day: date, *, preferred: Sequence[int] = (1, 2, 3)) -> date:
    """The closest day on or after `day` whose weekday is preferred (Mon=0): events run midweek."""
    for offset in range(7):
        candidate = day + timedelta(days=offset)
        if candidate.weekday() in preferred:
            return candidate
    return day


def clamp(day: date, period: Period) -> date:
    return max(period.start, min(day, period.end))


def academic_year(day: date) -> int:
    """The calendar year in which the academic year containing `day` began (August)."""
    return day.year if day.month >= 8 else day.year - 1
