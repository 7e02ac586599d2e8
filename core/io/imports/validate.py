"""The one row validation of Silta's data, shared by Excel/CSV import and the forms.

`validate_rows` turns raw values into row models (`core.io.imports.rows`) and problems, then checks
what needs several rows or the database: duplicate natural keys, references, follow-ups
after exit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import ValidationError

from core.io.imports.cells import RefKind
from core.io.imports.parse import normalise_code
from core.io.imports.problems import CellError, Problem
from core.io.imports.rows import KINDS, ROW_MODELS, AttendanceRow, FollowUpRow, RowModel
from core.io.imports.sheets import column_header

LOOSE_REFS = frozenset(
    {"target_group", "programme", "spearhead", "work_package", "event_type", "commitment_kind"}
)
UNKNOWN_REF_KEYS: dict[str, str] = {  # what each RefKind says when a code does not exist
    RefKind.TARGET_GROUP: "io.err.unknown_target_group",
    RefKind.PROGRAMME: "io.err.unknown_programme",
    RefKind.SPEARHEAD: "io.err.unknown_spearhead",
    RefKind.WORK_PACKAGE: "io.err.unknown_work_package",
    RefKind.EVENT: "io.err.unknown_event",
    RefKind.PARTICIPANT: "io.err.unknown_participant",
    RefKind.COMPANY: "io.err.unknown_company",
    RefKind.EVENT_TYPE: "io.err.unknown_event_type",
    RefKind.COMMITMENT_KIND: "io.err.unknown_commitment_kind",
}
__all__ = ["KINDS", "ROW_MODELS", "Catalog", "ValidRow", "Validated", "validate_rows"]


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
            raise CellError(UNKNOWN_REF_KEYS[ref], value=value, known=sample or "—")
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
        header = names.get(column) or column_header(kind, column) if column else ""
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


def _cross_row_problems(
    kind: str, rows: list[ValidRow], catalog: Catalog, sheet: str, names: Mapping[str, str]
) -> Iterable[Problem]:
    model = ROW_MODELS[kind]
    column = names.get(model.KEY[0]) or column_header(kind, model.KEY[0])
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
        column = names.get("recorded_on") or column_header("follow_ups", "recorded_on")
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
                column=names.get("attendee") or column_header("attendance", "attendee"),
            )
