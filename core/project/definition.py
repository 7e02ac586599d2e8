"""The readable project definition file (YAML) and its validation, before anything is written."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import Field, ValidationError, model_validator

from core.codes import MaxLength, TermFamily
from core.errors import DomainError
from core.project.budget_def import BudgetDef, ClaimPeriodDef
from core.project.fields import Period as _Period
from core.project.fields import Strict as _Strict
from core.project.fields import parse_date
from core.project.plan_def import BadgeDef, TargetDef, TermDef, check_target, term_codes

__all__ = ["ProjectDef", "ProjectDefinitionError", "TargetDef", "parse_date", "read_definition"]


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
    # The project's own code lists (issue 15); None: Silta's built-in list.
    event_types: list[TermDef] | None = None
    commitment_kinds: list[TermDef] | None = None
    survey_kinds: list[TermDef] | None = None
    activity_kinds: list[TermDef] | None = None
    memberships: list[TermDef] = Field(default_factory=list)
    badges: list[BadgeDef] = Field(default_factory=list)

    def term_lists(self) -> dict[TermFamily, list[TermDef] | list[BadgeDef] | None]:
        return {
            TermFamily.EVENT_TYPE: self.event_types,
            TermFamily.COMMITMENT_KIND: self.commitment_kinds,
            TermFamily.SURVEY_KIND: self.survey_kinds,
            TermFamily.ACTIVITY_KIND: self.activity_kinds,
            TermFamily.MEMBERSHIP: self.memberships,
            TermFamily.BADGE: self.badges,
        }

    @model_validator(mode="after")
    def _references(self) -> ProjectDef:
        for field in ("spearheads", "programmes", "target_groups", "work_packages"):
            _require_unique_codes(field, [item.code for item in getattr(self, field)])
        for family, terms in self.term_lists().items():
            if terms is not None:
                _require_unique_codes(_TERM_FIELDS[family], [term.code for term in terms])
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
        terms = {family: term_codes(self.term_lists(), family) for family in TermFamily}
        own_codes = {
            "target_group": {g.code for g in self.target_groups},
            "programme": {p.code for p in self.programmes},
            "spearhead": {s.code for s in self.spearheads},
        }
        packages = {wp.code for wp in self.work_packages}
        seen: set[tuple[Any, ...]] = set()
        for i, target in enumerate(self.targets):
            check_target(i, target, terms=terms, packages=packages, own_codes=own_codes)
            if target.key() in seen:
                raise ValueError(f"targets[{i}]: duplicate target for {target.indicator.value}")
            seen.add(target.key())
            start, end = target.window(self.start, self.end)
            if target.due is not None and not self.start <= target.due <= self.end:
                raise ValueError(
                    f"targets[{i}].due: {target.due} lies outside the project period "
                    f"{self.start}–{self.end}"
                )
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


_TERM_FIELDS = {
    TermFamily.EVENT_TYPE: "event_types",
    TermFamily.COMMITMENT_KIND: "commitment_kinds",
    TermFamily.SURVEY_KIND: "survey_kinds",
    TermFamily.ACTIVITY_KIND: "activity_kinds",
    TermFamily.MEMBERSHIP: "memberships",
    TermFamily.BADGE: "badges",
}


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
    definition = parse_definition(raw, source=str(path))
    _check_badge_images(definition, path)
    return definition


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SHIPPED_IMAGES = Path(__file__).resolve().parents[2] / "data/projects"


def _check_badge_images(definition: ProjectDef, path: Path) -> None:
    """A badge's image is a PNG next to the definition (or among the ones Silta ships); it is
    read now and kept in the database, so an Open Badges export needs no file."""
    for i, badge in enumerate(definition.badges):
        if not badge.image:
            continue
        for folder in (path.parent, SHIPPED_IMAGES):
            try:
                data = (folder / badge.image).read_bytes()
            except OSError:
                continue
            if data[:8] == PNG_SIGNATURE:
                badge.keep_image(data)
                break
        else:
            raise ProjectDefinitionError(
                "project.err.invalid",
                source=str(path),
                problems=f"badges[{i}].image: {badge.image!r} is not a PNG file next to "
                "the definition",
            )
