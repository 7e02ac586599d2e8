"""The shared dashboard filters (period, work package, spearhead, target group) as data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, true
from sqlmodel import Session, col, select

from core.i18n import Labelled
from core.models import Project, Spearhead, TargetGroup, WorkPackage


class FilterName(Labelled, key_prefix="filters"):
    """The filters; pages say which of them change what they show."""

    PERIOD = "period"
    WORK_PACKAGE = "work_package"
    SPEARHEAD = "spearhead"
    TARGET_GROUP = "target_group"


PERIOD, WORK_PACKAGE, SPEARHEAD, TARGET_GROUP = (name.value for name in FilterName)
ALL_FILTERS = (PERIOD, WORK_PACKAGE, SPEARHEAD, TARGET_GROUP)


@dataclass(frozen=True)
class Filters:
    """What a dashboard shows: a period and, optionally, some codes (empty means all)."""

    start: date
    end: date
    work_packages: tuple[str, ...] = ()
    spearheads: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"the period ends ({self.end}) before it starts ({self.start})")

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(range(self.start.year, self.end.year + 1))

    @classmethod
    def whole(cls, project: Project) -> Filters:
        """Everything of `project`, over its whole period."""
        return cls(project.start_date, project.end_date)


@dataclass(frozen=True)
class Choice:
    """A code someone can pick and its names in English and Finnish."""

    code: str
    name: str
    name_fi: str = ""

    def label(self, lang: str) -> str:
        return self.name_fi if lang == "fi" and self.name_fi else self.name


@dataclass(frozen=True)
class FilterOptions:
    """What the filter bar offers for one project."""

    start: date
    end: date
    work_packages: tuple[Choice, ...] = field(default=())
    spearheads: tuple[Choice, ...] = field(default=())
    target_groups: tuple[Choice, ...] = field(default=())


def filter_options(session: Session, project: Project) -> FilterOptions:
    """The project's period, work packages, spearheads and target groups, in code order."""

    def choices(model: Any) -> tuple[Choice, ...]:
        rows = session.exec(
            select(model).where(model.project_id == project.id).order_by(col(model.code))
        )
        return tuple(Choice(row.code, row.name, row.name_fi) for row in rows)

    return FilterOptions(
        project.start_date,
        project.end_date,
        choices(WorkPackage),
        choices(Spearhead),
        choices(TargetGroup),
    )


def within(column: Any, start: date, end: date) -> ColumnElement[bool]:
    """`column` (a date) lies in the closed period start … end."""
    return and_(col(column) >= start, col(column) <= end)


def one_of(column: Any, codes: tuple[str, ...]) -> ColumnElement[bool]:
    """`column` holds one of `codes`; no codes means no condition."""
    return col(column).in_(codes) if codes else true()
