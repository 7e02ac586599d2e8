"""The row model of each kind: its columns in order, their types, and the rules of one row.

These declarations are the single source of the columns: templates, imports, exports and
forms all read them (headers come from `core.i18n`).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

from core.codes import (
    AgeBand,
    Availability,
    EntryStatus,
    FollowUpKind,
    FollowUpStatus,
    Gender,
    Isced,
    MaxLength,
    SizeClass,
)
from core.io.imports.cells import (
    BusinessId,
    Coded,
    CodeList,
    Day,
    Euros,
    Key,
    Languages,
    Month,
    Ref,
    Text,
    Whole,
    YesNo,
)
from core.io.imports.problems import CellError

FIRST_BIRTH_YEAR = 1900
AGE_RANGES = {
    AgeBand.UNDER_18.value: (0, 17),
    AgeBand.AGE_18_29.value: (18, 29),
    AgeBand.AGE_30_54.value: (30, 54),
    AgeBand.AGE_55_PLUS.value: (55, 150),
}
# Refs matched without regard to case (the project's own codes); others are exact keys.
AVAILABILITY_ALIASES = (
    ("harjoittelu", "internship"),
    ("opinnäytetyö", "thesis"),
    ("gradu", "thesis"),
    ("diplomityö", "thesis"),
    ("työ", "job"),
    ("työpaikka", "job"),
)


def _fail(key: str, **values: Any) -> PydanticCustomError:
    error = CellError(key, **values)
    return PydanticCustomError("silta", str(error), {"key": key, **values})


class RowModel(BaseModel):
    """One row of one kind; the field order is the column order of templates and exports."""

    model_config = ConfigDict(extra="forbid")
    KIND: ClassVar[str]
    KEY: ClassVar[tuple[str, ...]]

    def key(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.KEY)


def _check_order(first: date | None, later: date | None, column: str, key: str) -> None:
    if first is not None and later is not None and later < first:
        raise _fail(key, column=column, first=first.isoformat(), later=later.isoformat())


class ParticipantRow(RowModel):
    KIND = "participants"
    KEY = ("code",)

    code: Annotated[str, Key()]
    target_group: Annotated[str, Ref(ref="target_group")]
    programme: Annotated[str | None, Ref(ref="programme")] = None
    spearhead: Annotated[str | None, Ref(ref="spearhead")] = None
    entry_status: Annotated[str, Coded(enum=EntryStatus)]
    gender: Annotated[str, Coded(enum=Gender)]
    age_band: Annotated[str, Coded(enum=AgeBand)]
    isced: Annotated[str, Coded(enum=Isced)]
    entry_date: Annotated[date, Day()]
    exit_date: Annotated[date | None, Day()] = None
    birth_year: Annotated[int | None, Whole(low=FIRST_BIRTH_YEAR, high=2100)] = None
    third_country_national: Annotated[bool | None, YesNo()] = None
    foreign_background: Annotated[bool | None, YesNo()] = None
    disability: Annotated[bool | None, YesNo()] = None
    minority: Annotated[bool | None, YesNo()] = None
    homeless: Annotated[bool | None, YesNo()] = None
    rural: Annotated[bool | None, YesNo()] = None
    first_name: Annotated[str, Text(max_length=MaxLength.PERSON_NAME)] = ""
    last_name: Annotated[str, Text(max_length=MaxLength.PERSON_NAME)] = ""
    email: Annotated[str, Text(max_length=MaxLength.EMAIL)] = ""
    student_number: Annotated[str, Text(max_length=MaxLength.STUDENT_NUMBER)] = ""

    @model_validator(mode="after")
    def _rules(self, info: ValidationInfo) -> Self:
        _check_order(self.entry_date, self.exit_date, "exit_date", "io.err.exit_before_entry")
        if self.birth_year is not None:
            # At entry the participant is `oldest` or one year less (birthday not yet).
            low, high = AGE_RANGES[self.age_band]
            oldest = self.entry_date.year - self.birth_year
            if oldest < low or oldest - 1 > high:
                raise _fail(
                    "io.err.age_band",
                    column="age_band",
                    band=self.age_band,
                    birth_year=self.birth_year,
                    entry=self.entry_date.isoformat(),
                    first=max(self.entry_date.year - high - 1, FIRST_BIRTH_YEAR),
                    last=self.entry_date.year - low,
                )
        if self.email and ("@" not in self.email or " " in self.email):
            raise _fail("io.err.email", column="email", value=self.email)
        self.spearhead = _programme_spearhead(info, self.programme, self.spearhead)
        return self


def _programme_spearhead(
    info: ValidationInfo, programme: str | None, spearhead: str | None
) -> str | None:
    """The spearhead follows from the programme; a different one given by hand is an error."""
    catalog = info.context.get("catalog") if isinstance(info.context, dict) else None
    if programme is None or catalog is None:
        return spearhead
    expected = catalog.programme_spearhead.get(programme)
    if spearhead is not None and expected is not None and spearhead != expected:
        raise _fail(
            "io.err.programme_spearhead",
            column="spearhead",
            programme=programme,
            spearhead=expected,
        )
    return spearhead or expected


class CompanyRow(RowModel):
    KIND = "companies"
    KEY = ("business_id",)

    business_id: Annotated[str, BusinessId()]
    name: Annotated[str, Text(max_length=MaxLength.NAME), Field(min_length=1)]
    size_class: Annotated[str, Coded(enum=SizeClass)]
    sector: Annotated[str, Text(max_length=MaxLength.SECTOR)] = ""
    municipality: Annotated[str, Text(max_length=MaxLength.MUNICIPALITY)] = ""
    joined_on: Annotated[date | None, Day()] = None


class CommitmentRow(RowModel):
    KIND = "commitments"
    KEY = ("business_id", "year", "kind")

    business_id: Annotated[str, Ref(ref="company")]
    year: Annotated[int, Whole(low=2000, high=2100)]
    kind: Annotated[str, Ref(ref="commitment_kind")]  # the project's own kinds
    committed: Annotated[int, Whole(low=0)] = 0
    delivered: Annotated[int, Whole(low=0)] = 0
    amount_eur: Annotated[Decimal | None, Euros()] = None
    topic: Annotated[str, Text(max_length=MaxLength.TOPIC)] = ""
    signed_on: Annotated[date | None, Day()] = None


class EventRow(RowModel):
    KIND = "events"
    KEY = ("code",)

    code: Annotated[str, Key()]
    name: Annotated[str, Text(max_length=MaxLength.NAME), Field(min_length=1)]
    event_type: Annotated[str, Ref(ref="event_type")]  # the project's own types
    event_date: Annotated[date, Day()]
    work_package: Annotated[str, Ref(ref="work_package")]
    online: Annotated[bool, YesNo()] = False
    location: Annotated[str, Text(max_length=MaxLength.LOCATION)] = ""


class AttendanceRow(RowModel):
    KIND = "attendance"
    KEY = ("event", "attendee")

    event: Annotated[str, Ref(ref="event")]
    attendee: Annotated[str, Key()]
    target_group: Annotated[str, Ref(ref="target_group")]
    participant: Annotated[str | None, Ref(ref="participant")] = None
    business_id: Annotated[str | None, Ref(ref="company")] = None


class FollowUpRow(RowModel):
    KIND = "follow_ups"
    KEY = ("participant", "kind", "recorded_on")

    participant: Annotated[str, Ref(ref="participant")]
    kind: Annotated[str, Coded(enum=FollowUpKind)]
    recorded_on: Annotated[date, Day()]
    status: Annotated[str, Coded(enum=FollowUpStatus)]
    precarious_to_stable: Annotated[bool | None, YesNo()] = None
    underemployed_to_full: Annotated[bool | None, YesNo()] = None
    more_skilled_job: Annotated[bool | None, YesNo()] = None
    job_matches_education: Annotated[bool | None, YesNo()] = None
    job_in_ict: Annotated[bool | None, YesNo()] = None
    job_in_region: Annotated[bool | None, YesNo()] = None
    experience_score: Annotated[int | None, Whole(low=1, high=5)] = None
    intends_to_stay: Annotated[bool | None, YesNo()] = None


class ProfileRow(RowModel):
    KIND = "profiles"
    KEY = ("code",)

    code: Annotated[str, Key(max_length=MaxLength.PROFILE_CODE)]
    participant: Annotated[str | None, Ref(ref="participant")] = None
    programme: Annotated[str | None, Ref(ref="programme")] = None
    spearhead: Annotated[str | None, Ref(ref="spearhead")] = None
    study_year: Annotated[int, Whole(low=1, high=10)]
    skills: Annotated[str, Text(max_length=5000, multiline=True)] = ""
    interests: Annotated[str, Text(max_length=5000, multiline=True)] = ""
    languages: Annotated[str, Languages()] = ""
    available_for: Annotated[
        str,
        CodeList(allowed=tuple(a.value for a in Availability), aliases=AVAILABILITY_ALIASES),
    ] = ""
    available_from: Annotated[date | None, Day()] = None
    # What the consent record says (exports); a file's value is compared, never written.
    consent_search: Annotated[bool | None, YesNo(read_only=True)] = None
    text_language: Annotated[str, Coded(options=("en", "fi"))] = "en"

    @model_validator(mode="after")
    def _rules(self, info: ValidationInfo) -> Self:
        self.spearhead = _programme_spearhead(info, self.programme, self.spearhead)
        return self


# Issue 17: salary costs from the university's ledger export (or entered by hand).
class SalaryCostRow(RowModel):
    """One person's salary cost in one month and role; `person` is the ledger's employee key."""

    KIND = "salary_costs"
    KEY = ("month", "role", "person")

    month: Annotated[date, Month()]
    role: Annotated[str, Text(max_length=MaxLength.NAME), Field(min_length=1)]
    person: Annotated[str, Key()]
    amount_eur: Annotated[Decimal, Euros()]


ROW_MODELS: dict[str, type[RowModel]] = {
    model.KIND: model
    for model in (
        ParticipantRow,
        CompanyRow,
        EventRow,
        ProfileRow,
        CommitmentRow,
        AttendanceRow,
        FollowUpRow,
        SalaryCostRow,
    )
}
KINDS = list(ROW_MODELS)  # import order: what a kind refers to comes before it
