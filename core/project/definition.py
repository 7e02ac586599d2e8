"""The readable project definition file (YAML) and its validation, before anything is written."""

from __future__ import annotations

import datetime as dt
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import Field, ValidationError, field_validator, model_validator

from core.codes import EventType, Indicator, MaxLength, TargetPeriod
from core.errors import DomainError
from core.project.budget_def import BudgetDef, ClaimPeriodDef
from core.project.fields import Period as _Period
from core.project.fields import Strict as _Strict
from core.project.fields import parse_date


class ProjectDefinitionError(DomainError, ValueError):
    """A definition file that cannot be loaded; the message names the file and the field."""


class NamedDef(_Strict):
    code: str = Field(min_length=1, max_length=MaxLength.CODE)
    name: str = Field(min_length=1)
    name_fi: str = ""


class SpearheadDef(NamedDef):
    fields: str = ""


class ProgrammeDef(NamedDef):
    spearhead: str
    level: str = ""
    language: str = "en"


class WorkPackageDef(NamedDef, _Period):
    code: str = Field(min_length=1, max_length=MaxLength.WORK_PACKAGE_CODE)


class MilestoneDef(_Strict):
    date: dt.date
    value: int = Field(ge=0)
    label: str = ""

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value: Any) -> dt.date:
        return parse_date(value, end=True)


class TargetDef(_Strict):
    indicator: Indicator
    value: int = Field(ge=0)
    period: TargetPeriod = TargetPeriod.CUMULATIVE
    year: int | None = Field(default=None, ge=2000, le=2100)
    half: int | None = Field(default=None, ge=1, le=2)
    work_package: str | None = None
    event_type: EventType | None = None
    milestones: list[MilestoneDef] = Field(default_factory=list)

    @model_validator(mode="after")
    def _period_fields(self) -> TargetDef:
        if self.period is TargetPeriod.CUMULATIVE and (self.year or self.half):
            raise ValueError("a cumulative target takes no year or half")
        if self.period is not TargetPeriod.CUMULATIVE and self.year is None:
            raise ValueError(f"a {self.period.value} target needs a year")
        if self.period is TargetPeriod.HALF_YEAR and self.half is None:
            raise ValueError("a half_year target needs half: 1 or 2")
        return self

    def window(self, project_start: date, project_end: date) -> tuple[date, date]:
        """The dates this target counts between."""
        if self.period is TargetPeriod.CUMULATIVE or self.year is None:
            return project_start, project_end
        if self.period is TargetPeriod.YEAR:
            return date(self.year, 1, 1), date(self.year, 12, 31)
        if self.half == 1:
            return date(self.year, 1, 1), date(self.year, 6, 30)
        return date(self.year, 7, 1), date(self.year, 12, 31)


class ProjectDef(NamedDef, _Period):
    """A whole project: what it promised, when, in which work packages, for whom."""

    code: str = Field(min_length=1, max_length=MaxLength.CODE)
    region: str = ""
    description: str = ""
    budget: BudgetDef = BudgetDef()
    # Issue 17: the funder's payment-claim periods and the last payment (retention counts
    # from it: Regulation (EU) 2021/1060 Art. 82); the date is an estimate until it is known.
    payment_claims: list[ClaimPeriodDef] = Field(default_factory=list)
    last_payment_date: date | None = None
    spearheads: list[SpearheadDef] = Field(min_length=1)
    programmes: list[ProgrammeDef] = Field(default_factory=list)
    target_groups: list[NamedDef] = Field(min_length=1)
    work_packages: list[WorkPackageDef] = Field(min_length=1)
    targets: list[TargetDef] = Field(min_length=1)

    @model_validator(mode="after")
    def _references(self) -> ProjectDef:
        for field in ("spearheads", "programmes", "target_groups", "work_packages"):
            _require_unique_codes(field, [item.code for item in getattr(self, field)])
        lines = self.budget.costs + self.budget.funding
        _require_unique_codes("budget", [line.code for line in lines])
        spearheads = {s.code for s in self.spearheads}
        for i, programme in enumerate(self.programmes):
            if programme.spearhead not in spearheads:
                raise ValueError(
                    f"programmes[{i}].spearhead: unknown spearhead {programme.spearhead!r}"
                    f" (known: {', '.join(sorted(spearheads))})"
                )
        for i, wp in enumerate(self.work_packages):
            if wp.start < self.start or wp.end > self.end:
                raise ValueError(
                    f"work_packages[{i}] ({wp.code}): {wp.start}–{wp.end} lies outside the "
                    f"project period {self.start}–{self.end}"
                )
        self._check_targets()
        self._check_claims()
        return self

    def _check_claims(self) -> None:
        _require_unique_codes("payment_claims", [c.code for c in self.payment_claims])
        previous: ClaimPeriodDef | None = None
        for i, claim in enumerate(self.payment_claims):
            if claim.start < self.start or claim.end > self.end:
                raise ValueError(
                    f"payment_claims[{i}] ({claim.code}): {claim.start}–{claim.end} lies outside "
                    f"the project period {self.start}–{self.end}"
                )
            if previous is not None and claim.start <= previous.end:
                raise ValueError(
                    f"payment_claims[{i}] ({claim.code}): starts {claim.start}, before the "
                    f"previous claim period ({previous.code}) ends {previous.end}"
                )
            previous = claim
        if self.last_payment_date is not None and self.last_payment_date < self.end:
            raise ValueError(
                f"last_payment_date: {self.last_payment_date} is before the project ends "
                f"({self.end}); the last payment follows the final claim"
            )

    def _check_targets(self) -> None:
        packages = {wp.code for wp in self.work_packages}
        seen: set[tuple[Any, ...]] = set()
        for i, target in enumerate(self.targets):
            if target.work_package is not None and target.work_package not in packages:
                raise ValueError(
                    f"targets[{i}].work_package: unknown work package {target.work_package!r}"
                    f" (known: {', '.join(sorted(packages))})"
                )
            key = (
                target.indicator,
                target.period,
                target.year,
                target.half,
                target.work_package,
                target.event_type,
            )
            if key in seen:
                raise ValueError(f"targets[{i}]: duplicate target for {target.indicator.value}")
            seen.add(key)
            start, end = target.window(self.start, self.end)
            for j, milestone in enumerate(target.milestones):
                if not start <= milestone.date <= end:
                    raise ValueError(
                        f"targets[{i}].milestones[{j}].date: {milestone.date} lies outside "
                        f"{start}–{end}"
                    )
                if milestone.value > target.value:
                    raise ValueError(
                        f"targets[{i}].milestones[{j}].value: {milestone.value} exceeds the "
                        f"target {target.value}"
                    )


def _require_unique_codes(field: str, codes: list[str]) -> None:
    seen: set[str] = set()
    for i, code in enumerate(codes):
        if code in seen:
            raise ValueError(f"{field}[{i}].code: duplicate code {code!r}")
        seen.add(code)


def _problems(error: ValidationError) -> str:
    """Every bad field as `where: what`, in the validator's (English) words."""
    problems = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"])
        message = str(item["msg"]).removeprefix("Value error, ")
        problems.append(f"{where}: {message}" if where else message)
    return "; ".join(problems)


def parse_definition(raw: Any, *, source: str = "definition") -> ProjectDef:
    """Validate a parsed YAML document; raise `ProjectDefinitionError` naming every bad field."""
    if not isinstance(raw, dict):
        raise ProjectDefinitionError("project.err.not_mapping", source=source)
    try:
        return ProjectDef.model_validate(raw)
    except ValidationError as error:
        raise ProjectDefinitionError(
            "project.err.invalid", source=source, problems=_problems(error)
        ) from error


def read_definition(path: Path) -> ProjectDef:
    """Read and validate a definition file."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise ProjectDefinitionError("project.err.no_file", path=str(path)) from error
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise ProjectDefinitionError(
            "project.err.not_yaml", path=str(path), detail=" ".join(str(error).split())
        ) from error
    return parse_definition(raw, source=str(path))
