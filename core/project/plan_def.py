"""The countable promises of a project definition: its own code lists and its targets (issue 15).

A definition may declare `event_types`, `commitment_kinds`, `survey_kinds`, `activity_kinds`,
`memberships` and `badges`; the first four default to Silta's built-in codes, so an older file
keeps loading. Every target names what it counts, and the checks here say which field is wrong.
"""

from __future__ import annotations

import datetime as dt
from datetime import date
from typing import Any

from pydantic import Field, PrivateAttr, field_validator, model_validator

from core.codes import (
    DEFAULT_TERMS,
    EntryStatus,
    Gender,
    Indicator,
    MaxLength,
    SizeClass,
    TargetPeriod,
    TermFamily,
    values,
)
from core.project.fields import Strict as _Strict
from core.project.fields import parse_date

TERM_CODE = r"^[a-z0-9][a-z0-9_]*$"
TERM_CODE_LENGTH = 30  # event types are stored in a 30-character column

# What each indicator counts "of a kind": the definition list its `kind` comes from.
KIND_FAMILY: dict[Indicator, TermFamily] = {
    Indicator.COMMITMENTS_DELIVERED: TermFamily.COMMITMENT_KIND,
    Indicator.SURVEY_RESPONSES: TermFamily.SURVEY_KIND,
    Indicator.ACTIVITIES: TermFamily.ACTIVITY_KIND,
    Indicator.DELIVERABLES_DONE: TermFamily.ACTIVITY_KIND,
    Indicator.BADGES_ISSUED: TermFamily.BADGE,
    Indicator.MEMBERS: TermFamily.MEMBERSHIP,
}
# Which indicators a work package narrows (the others belong to the whole project).
BY_WORK_PACKAGE = frozenset({Indicator.EVENTS, Indicator.ACTIVITIES, Indicator.DELIVERABLES_DONE})
PEOPLE = frozenset(
    {Indicator.PARTICIPANTS, Indicator.PARTICIPANTS_IN_EDUCATION, Indicator.PARTICIPANTS_EMPLOYED}
)
# The conditions a participants or companies target may set (`where:`), and their codes
# (None: the project's own list, checked against the definition).
PEOPLE_CONDITIONS: dict[str, tuple[str, ...] | None] = {
    "target_group": None,
    "programme": None,
    "spearhead": None,
    "entry_status": tuple(values(EntryStatus)),
    "gender": tuple(values(Gender)),
}
COMPANY_CONDITIONS: dict[str, tuple[str, ...] | None] = {
    "size_class": tuple(values(SizeClass)),
    "municipality": (),  # free text
    "sector": (),
}


class TermDef(_Strict):
    """One code of a project list, with its English and Finnish names."""

    code: str = Field(min_length=1, max_length=TERM_CODE_LENGTH, pattern=TERM_CODE)
    name: str = Field(min_length=1, max_length=MaxLength.NAME)
    name_fi: str = Field(default="", max_length=MaxLength.NAME)


class BadgeDef(TermDef):
    """A digital badge the project issues: what earns it, and its image (PNG)."""

    criteria: str = Field(min_length=1)
    criteria_fi: str = ""
    image: str = ""  # a PNG file, relative to the definition file
    _image_png: bytes = PrivateAttr(default=b"")  # its bytes, once the file is read

    @property
    def image_png(self) -> bytes:
        return self._image_png

    def keep_image(self, data: bytes) -> None:
        self._image_png = data


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
    due: date | None = None  # a cumulative target due before the project ends
    work_package: str | None = None
    event_type: str | None = None
    kind: str | None = None
    where: dict[str, str] = Field(default_factory=dict)
    label: str = Field(default="", max_length=200)
    label_fi: str = Field(default="", max_length=200)
    milestones: list[MilestoneDef] = Field(default_factory=list)

    @field_validator("due", mode="before")
    @classmethod
    def _due(cls, value: Any) -> date | None:
        return None if value is None else parse_date(value, end=True)

    @model_validator(mode="after")
    def _period_fields(self) -> TargetDef:
        if self.period is TargetPeriod.CUMULATIVE and (self.year or self.half):
            raise ValueError("a cumulative target takes no year or half")
        if self.period is not TargetPeriod.CUMULATIVE and self.year is None:
            raise ValueError(f"a {self.period.value} target needs a year")
        if self.period is TargetPeriod.HALF_YEAR and self.half is None:
            raise ValueError("a half_year target needs half: 1 or 2")
        if self.due is not None and self.period is not TargetPeriod.CUMULATIVE:
            raise ValueError("due is for a cumulative target; a yearly one ends with its year")
        return self

    def window(self, project_start: date, project_end: date) -> tuple[date, date]:
        """The dates this target counts between."""
        if self.period is TargetPeriod.CUMULATIVE or self.year is None:
            return project_start, min(self.due or project_end, project_end)
        if self.period is TargetPeriod.YEAR:
            return date(self.year, 1, 1), date(self.year, 12, 31)
        if self.half == 1:
            return date(self.year, 1, 1), date(self.year, 6, 30)
        return date(self.year, 7, 1), date(self.year, 12, 31)

    def key(self) -> tuple[Any, ...]:
        """What makes two targets the same target."""
        return (
            self.indicator,
            self.period,
            self.year,
            self.half,
            self.due,
            self.work_package,
            self.event_type,
            self.kind,
            tuple(sorted(self.where.items())),
        )


def term_codes(
    lists: dict[TermFamily, list[TermDef] | list[BadgeDef] | None], family: TermFamily
) -> set[str]:
    """The codes of `family` the definition allows (its own list, or the built-in one)."""
    declared = lists.get(family)
    return {t.code for t in declared} if declared is not None else set(DEFAULT_TERMS[family])


def check_target(
    i: int,
    target: TargetDef,
    *,
    terms: dict[TermFamily, set[str]],
    packages: set[str],
    own_codes: dict[str, set[str]],
) -> None:
    """Raise a ValueError naming the field (`targets[i].kind: …`) when `target` cannot count."""
    where = f"targets[{i}]"
    name = target.indicator.value
    if target.work_package is not None:
        if target.indicator not in BY_WORK_PACKAGE:
            raise ValueError(f"{where}.work_package: {name} is not counted per work package")
        if target.work_package not in packages:
            raise ValueError(
                f"{where}.work_package: unknown work package {target.work_package!r}"
                f" (known: {', '.join(sorted(packages))})"
            )
    if target.event_type is not None:
        if target.indicator is not Indicator.EVENTS:
            raise ValueError(f"{where}.event_type: only an events target has an event type")
        _known(f"{where}.event_type", target.event_type, terms[TermFamily.EVENT_TYPE])
    family = KIND_FAMILY.get(target.indicator)
    if target.kind is not None:
        if family is None:
            raise ValueError(f"{where}.kind: {name} has no kinds")
        _known(f"{where}.kind", target.kind, terms[family])
    if target.indicator is Indicator.BADGES_ISSUED and not terms[TermFamily.BADGE]:
        raise ValueError(f"{where}.indicator: badges_issued needs badges in the definition")
    _check_where(where, target, own_codes)


def _check_where(where: str, target: TargetDef, own_codes: dict[str, set[str]]) -> None:
    if not target.where:
        return
    if target.indicator in PEOPLE:
        allowed = PEOPLE_CONDITIONS
    elif target.indicator is Indicator.COMPANIES:
        allowed = COMPANY_CONDITIONS
    else:
        raise ValueError(f"{where}.where: only participants and companies targets take a condition")
    for field, value in target.where.items():
        if field not in allowed:
            raise ValueError(
                f"{where}.where.{field}: not a condition of {target.indicator.value}"
                f" (known: {', '.join(allowed)})"
            )
        codes = allowed[field]
        known = own_codes.get(field, set()) if codes is None else set(codes)
        if known:
            _known(f"{where}.where.{field}", value, known)


def _known(field: str, value: str, known: set[str]) -> None:
    if value not in known:
        raise ValueError(f"{field}: unknown code {value!r} (known: {', '.join(sorted(known))})")
