"""The one row validation of Silta's data, shared by Excel/CSV import and the forms.

A row model per kind declares its columns (type, cell parser, reference); `validate_rows`
turns raw values into models and problems, then checks what needs several rows or the
database: duplicate natural keys, references, follow-ups after exit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

from core.codes import (
    AgeBand,
    Availability,
    CommitmentKind,
    EntryStatus,
    EventType,
    FollowUpKind,
    FollowUpStatus,
    Gender,
    Isced,
    SizeClass,
)
from core.io.cells import (
    BusinessId,
    Coded,
    CodeList,
    Day,
    Euros,
    Key,
    Languages,
    Ref,
    Text,
    Whole,
    YesNo,
    normalise_code,
)
from core.io.problems import CellError, Problem, Severity

AGE_RANGES = {
    AgeBand.UNDER_18.value: (0, 17),
    AgeBand.AGE_18_29.value: (18, 29),
    AgeBand.AGE_30_54.value: (30, 54),
    AgeBand.AGE_55_PLUS.value: (55, 150),
}
# Refs matched without regard to case (the project's own codes); others are exact keys.
LOOSE_REFS = frozenset({"target_group", "programme", "spearhead", "work_package"})
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
    birth_year: Annotated[int | None, Whole(low=1900, high=2100)] = None
    third_country_national: Annotated[bool | None, YesNo()] = None
    foreign_background: Annotated[bool | None, YesNo()] = None
    disability: Annotated[bool | None, YesNo()] = None
    minority: Annotated[bool | None, YesNo()] = None
    homeless: Annotated[bool | None, YesNo()] = None
    rural: Annotated[bool | None, YesNo()] = None
    first_name: Annotated[str, Text(max_length=100)] = ""
    last_name: Annotated[str, Text(max_length=100)] = ""
    email: Annotated[str, Text(max_length=254)] = ""
    student_number: Annotated[str, Text(max_length=20)] = ""

    @model_validator(mode="after")
    def _rules(self, info: ValidationInfo) -> Self:
        _check_order(self.entry_date, self.exit_date, "exit_date", "io.err.exit_before_entry")
        if self.birth_year is not None:
            low, high = AGE_RANGES[self.age_band]
            oldest = self.entry_date.year - self.birth_year
            if oldest < low or oldest - 1 > high:
                raise _fail(
                    "io.err.age_band",
                    column="age_band",
                    band=self.age_band,
                    birth_year=self.birth_year,
                    age=f"{max(oldest - 1, 0)}–{oldest}",
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
    name: Annotated[str, Text(max_length=200), Field(min_length=1)]
    size_class: Annotated[str, Coded(enum=SizeClass)]
    sector: Annotated[str, Text(max_length=120)] = ""
    municipality: Annotated[str, Text(max_length=80)] = ""
    joined_on: Annotated[date | None, Day()] = None


class CommitmentRow(RowModel):
    KIND = "commitments"
    KEY = ("business_id", "year", "kind")

    business_id: Annotated[str, Ref(ref="company")]
    year: Annotated[int, Whole(low=2000, high=2100)]
    kind: Annotated[str, Coded(enum=CommitmentKind)]
    committed: Annotated[int, Whole(low=0)] = 0
    delivered: Annotated[int, Whole(low=0)] = 0
    amount_eur: Annotated[Decimal | None, Euros()] = None
    topic: Annotated[str, Text(max_length=500)] = ""
    signed_on: Annotated[date | None, Day()] = None


class EventRow(RowModel):
    KIND = "events"
    KEY = ("code",)

    code: Annotated[str, Key()]
    name: Annotated[str, Text(max_length=200), Field(min_length=1)]
    event_type: Annotated[str, Coded(enum=EventType)]
    event_date: Annotated[date, Day()]
    work_package: Annotated[str, Ref(ref="work_package")]
    online: Annotated[bool, YesNo()] = False
    location: Annotated[str, Text(max_length=120)] = ""


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

    code: Annotated[str, Key(max_length=20)]
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
    consent_search: Annotated[bool, YesNo()] = False
    text_language: Annotated[str, Coded(options=("en", "fi"))] = "en"

    @model_validator(mode="after")
    def _rules(self, info: ValidationInfo) -> Self:
        self.spearhead = _programme_spearhead(info, self.programme, self.spearhead)
        return self


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
    )
}
KINDS = list(ROW_MODELS)  # import order: what a kind refers to comes before it


@dataclass
class Catalog:
    """What rows may refer to: the project's codes, and keys in the database or the file."""

    project_id: int
    codes: dict[str, dict[str, str]] = field(default_factory=dict)  # ref → {match: code}
    programme_spearhead: dict[str, str] = field(default_factory=dict)
    participant_exits: dict[str, date | None] = field(default_factory=dict)

    def add(self, ref: str, keys: Iterable[str]) -> None:
        known = self.codes.setdefault(ref, {})
        for key in keys:
            known[self._match(ref, key)] = key

    def _match(self, ref: str, value: str) -> str:
        return normalise_code(value) if ref in LOOSE_REFS else value

    def resolve(self, ref: str, value: str) -> str:
        """The stored code for `value`, or a CellError naming what exists."""
        known = self.codes.get(ref, {})
        found = known.get(self._match(ref, value))
        if found is None:
            sample = ", ".join(sorted(known.values())[:12]) if ref in LOOSE_REFS else ""
            raise CellError(f"io.err.unknown_{ref}", value=value, known=sample or "—")
        return found


def _blank_defaults(model: type[RowModel]) -> dict[str, Any]:
    """Fields whose empty cell means their default (a count of 0, "no"), not "missing"."""
    return {
        name: info.default
        for name, info in model.model_fields.items()
        if not info.is_required() and info.default is not None and info.default != ""
    }


BLANK_DEFAULTS = {kind: _blank_defaults(model) for kind, model in ROW_MODELS.items()}


@dataclass(frozen=True)
class ValidRow:
    row: int  # the row number the user sees
    model: RowModel
    given: frozenset[str]  # the columns the file or form supplied (others keep stored values)


@dataclass
class Validated:
    rows: list[ValidRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def validate_rows(
    kind: str,
    raw_rows: Iterable[tuple[int, Mapping[str, Any]]],
    catalog: Catalog,
    *,
    sheet: str = "",
    headers: Mapping[str, str] | None = None,
) -> Validated:
    """Validate raw rows (row number, {field: cell}) of one kind against the catalog."""
    model = ROW_MODELS[kind]
    defaults = BLANK_DEFAULTS[kind]
    context = {"resolve": catalog.resolve, "catalog": catalog}
    names = headers or {}
    result = Validated()
    for number, raw in raw_rows:
        data = {k: (defaults[k] if k in defaults and _is_blank(v) else v) for k, v in raw.items()}
        try:
            parsed = model.model_validate(data, context=context)
        except ValidationError as error:
            for problem in _problems(error, kind, number, sheet, names):
                result.problems.append(problem)
            continue
        result.rows.append(ValidRow(number, parsed, frozenset(raw)))
    result.problems.extend(_cross_row_problems(kind, result.rows, catalog, sheet, names))
    return result


def _problems(
    error: ValidationError, kind: str, row: int, sheet: str, names: Mapping[str, str]
) -> Iterable[Problem]:
    for item in error.errors(include_url=False):
        ctx = dict(item.get("ctx") or {})
        column = str(item["loc"][0]) if item["loc"] else str(ctx.pop("column", ""))
        if item["type"] == "silta":
            key = str(ctx.pop("key"))
            ctx.pop("column", None)
        else:
            key, ctx = _builtin_message(item["type"], item.get("input"), ctx, str(item["msg"]))
        header = names.get(column) or header_for(kind, column) if column else ""
        yield Problem(key, ctx, sheet=sheet, row=row, column=header)


def _builtin_message(
    kind: str, value: Any, ctx: dict[str, Any], detail: str
) -> tuple[str, dict[str, Any]]:
    if _is_blank(value) or kind in ("missing", "string_too_short"):
        return "io.err.required", {}
    if kind in ("greater_than_equal", "greater_than"):
        return "io.err.min", {"value": value, "min": ctx.get("ge", ctx.get("gt"))}
    if kind in ("less_than_equal", "less_than"):
        return "io.err.max", {"value": value, "max": ctx.get("le", ctx.get("lt"))}
    if kind.startswith("decimal_"):
        return "io.err.too_big", {"value": value}
    return "io.err.invalid", {"detail": detail}


def header_for(kind: str, field_name: str, lang: str = "en") -> str:
    from core.io.sheets import column_header

    return column_header(kind, field_name, lang)


def _cross_row_problems(
    kind: str, rows: list[ValidRow], catalog: Catalog, sheet: str, names: Mapping[str, str]
) -> Iterable[Problem]:
    model = ROW_MODELS[kind]
    column = names.get(model.KEY[0]) or header_for(kind, model.KEY[0])
    first_seen: dict[tuple[Any, ...], int] = {}
    for valid in rows:
        key = valid.model.key()
        if key in first_seen:
            shown = " / ".join(str(part) for part in key)
            yield Problem(
                "io.err.duplicate_key",
                {"key": shown, "first": first_seen[key]},
                sheet=sheet,
                row=valid.row,
                column=column,
            )
        else:
            first_seen[key] = valid.row
    if kind == "follow_ups":
        yield from _follow_ups_after_exit(rows, catalog, sheet, names)
    if kind == "attendance":
        yield from _one_attendee_one_identity(rows, sheet, names)


def _follow_ups_after_exit(
    rows: list[ValidRow], catalog: Catalog, sheet: str, names: Mapping[str, str]
) -> Iterable[Problem]:
    for valid in rows:
        answer = valid.model
        assert isinstance(answer, FollowUpRow)
        exit_date = catalog.participant_exits.get(answer.participant)
        column = names.get("recorded_on") or header_for("follow_ups", "recorded_on")
        if exit_date is None:
            yield Problem(
                "io.err.follow_up_no_exit",
                {"participant": answer.participant},
                sheet=sheet,
                row=valid.row,
                column=column,
            )
        elif answer.recorded_on < exit_date:
            yield Problem(
                "io.err.follow_up_before_exit",
                {"recorded_on": answer.recorded_on.isoformat(), "exit": exit_date.isoformat()},
                sheet=sheet,
                row=valid.row,
                column=column,
            )


def _one_attendee_one_identity(
    rows: list[ValidRow], sheet: str, names: Mapping[str, str]
) -> Iterable[Problem]:
    """An attendee is one person: the same group, participant and company on every row."""
    seen: dict[str, tuple[int, tuple[Any, ...]]] = {}
    for valid in rows:
        row = valid.model
        assert isinstance(row, AttendanceRow)
        identity = (row.target_group, row.participant, row.business_id)
        first = seen.setdefault(row.attendee, (valid.row, identity))
        if first[1] != identity:
            yield Problem(
                "io.err.attendee_conflict",
                {"attendee": row.attendee, "first": first[0]},
                sheet=sheet,
                row=valid.row,
                column=names.get("attendee") or header_for("attendance", "attendee"),
            )


def warning(problem: Problem) -> Problem:
    return Problem(
        problem.key, problem.values, problem.sheet, problem.row, problem.column, Severity.WARNING
    )
