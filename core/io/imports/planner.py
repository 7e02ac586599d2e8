"""Plan an import: validate each sheet, compare every row with what is stored, and say what
would be created, updated or left unchanged, before anything is written.

ESF+ rules that need the database live here: re-entry keeps the first entry data, locked
periods refuse changes, an attendee is one participant.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session

from core.access.locks import NOT_REPORTED, active_locks, covering, touched_dates
from core.io.imports.problems import Problem, Severity
from core.io.imports.profiles import profile_problems
from core.io.imports.records import Stored, attendees, load_stored
from core.io.imports.rows import ParticipantRow
from core.io.imports.sheets import column_header, columns
from core.io.imports.validate import KINDS, Catalog, ValidRow, validate_rows
from core.io.imports.writer import Action
from core.models import PeriodLock, Project

Progress = Callable[[str, float], None]
# What a re-entry keeps from the first entry: everything reported at entry.
ENTRY_FIELDS = frozenset(ParticipantRow.model_fields) - {"code", "exit_date"} - NOT_REPORTED
TABLES = {
    "participants": "participant",
    "events": "event",
    "attendance": "attendance",
    "follow_ups": "follow_up",
    "commitments": "commitment",
    "companies": "project_company",
}
# The spearhead follows the programme, so a new programme may move it.
FOLLOWS = {"programme": "spearhead"}


@dataclass
class SheetInput:
    kind: str
    sheet: str
    rows: list[tuple[int, dict[str, Any]]]
    headers: dict[str, str] = field(default_factory=dict)  # field → header as written


@dataclass
class SheetPlan:
    kind: str
    sheet: str
    actions: list[Action] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)  # field → header as written

    def _count(self, status: str) -> int:
        return sum(1 for a in self.actions if a.status == status)

    @property
    def created(self) -> int:
        return self._count("created")

    @property
    def updated(self) -> int:
        return self._count("updated")

    @property
    def unchanged(self) -> int:
        return self._count("unchanged")


@dataclass
class _State:
    catalog: Catalog
    locks: list[PeriodLock]
    event_dates: dict[str, date] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


# Columns a file or form shows but never writes (`Cell.read_only`).
READ_ONLY = {kind: frozenset(c.name for c in columns(kind) if c.cell.read_only) for kind in KINDS}


def plan_sheets(
    inputs: list[SheetInput],
    catalog: Catalog,
    *,
    session: Session,
    project: Project,
    edit: bool = False,
    progress: Progress | None = None,
) -> tuple[list[SheetPlan], list[Problem]]:
    state = _State(catalog, active_locks(session, project.id))
    plans = []
    for done, sheet in enumerate(inputs, start=1):
        validated = validate_rows(
            sheet.kind, sheet.rows, catalog, sheet=sheet.sheet, headers=sheet.headers
        )
        state.problems.extend(validated.problems)
        stored = load_stored(session, project, sheet.kind)
        _learn(sheet.kind, validated.rows, stored, state)
        plan = SheetPlan(sheet.kind, sheet.sheet, headers=sheet.headers)
        for row in validated.rows:
            plan.actions.append(_action(sheet, row, stored.get(row.model.key()), state, edit))
        if sheet.kind == "attendance":
            state.problems.extend(_shared_participants(session, project, sheet, validated.rows))
        if sheet.kind == "profiles":
            state.problems.extend(
                profile_problems(session, project, sheet.sheet, sheet.headers, plan.actions, stored)
            )
        plans.append(plan)
        if progress is not None:
            progress("check", done / len(inputs))
    return plans, state.problems


def _learn(
    kind: str, rows: list[ValidRow], stored: dict[tuple[Any, ...], Stored], state: _State
) -> None:
    """What later sheets need from this one: exit dates (follow-ups), event dates (locks)."""
    if kind == "participants":
        for valid in rows:
            row = valid.model
            assert isinstance(row, ParticipantRow)
            if "exit_date" in valid.given or row.code not in state.catalog.participant_exits:
                state.catalog.participant_exits[row.code] = row.exit_date
    if kind == "events":
        state.event_dates.update({key[0]: s.row["event_date"] for key, s in stored.items()})
        state.event_dates.update({v.model.key()[0]: v.model.event_date for v in rows})  # type: ignore[attr-defined]


def _action(
    sheet: SheetInput, valid: ValidRow, stored: Stored | None, state: _State, edit: bool
) -> Action:
    values = {k: v for k, v in valid.model.model_dump().items() if k not in READ_ONLY[sheet.kind]}
    if stored is None:
        action = Action(valid, None, values, "created")
    else:
        given = set(valid.given) | {FOLLOWS[f] for f in valid.given if f in FOLLOWS}
        changes = {f: values[f] for f in given if f in values and stored.row.get(f) != values[f]}
        if sheet.kind == "companies" and changes.get("joined_on", 0) is None:
            del changes["joined_on"]  # an empty cell never ends a membership
        if sheet.kind == "participants" and not edit:
            _keep_first_entry(sheet, valid, changes, state)
        action = Action(valid, stored, changes, "updated" if changes else "unchanged")
    if action.write and state.locks:
        _check_locks(sheet, action, state)
    return action


def _keep_first_entry(
    sheet: SheetInput, valid: ValidRow, changes: dict[str, Any], state: _State
) -> None:
    kept = sorted(set(changes) & ENTRY_FIELDS)
    if not kept:
        return
    for name in kept:
        del changes[name]
    headers = ", ".join(sheet.headers.get(n) or column_header(sheet.kind, n) for n in kept)
    state.problems.append(
        Problem(
            "io.warn.entry_kept",
            {"code": valid.model.key()[0], "columns": headers},
            sheet=sheet.sheet,
            row=valid.row,
            severity=Severity.WARNING,
        )
    )


def _check_locks(sheet: SheetInput, action: Action, state: _State) -> None:
    table = TABLES.get(sheet.kind)
    if table is None:
        return
    before = dict(action.stored.row) if action.stored is not None else None
    after = {**(before or {}), **action.changes}
    if sheet.kind == "companies":
        before = {"joined_on": before["joined_on"]} if before is not None else None
        after = {"joined_on": after.get("joined_on")}
    if sheet.kind == "attendance":
        day = state.event_dates.get(after["event"])
        before = {"event": after["event"], "event_date": day} if before is not None else None
        after = {"event": after["event"], "event_date": day}
    hit = covering(state.locks, touched_dates(table, before, after))
    if hit is not None:
        lock, day = hit
        state.problems.append(
            Problem(
                "io.err.locked",
                {
                    "label": lock.label,
                    "start": lock.start_date.isoformat(),
                    "end": lock.end_date.isoformat(),
                    "day": day.isoformat(),
                },
                sheet=sheet.sheet,
                row=action.row.row,
            )
        )


def _shared_participants(
    session: Session, project: Project, sheet: SheetInput, rows: list[ValidRow]
) -> list[Problem]:
    """A participant is one attendee: two attendee codes cannot point to the same person."""
    owner = {
        row["participant"]: code
        for code, (_p, row) in attendees(session, project).items()
        if row["participant"]
    }
    problems = []
    for valid in rows:
        person, code = valid.model.participant, valid.model.attendee  # type: ignore[attr-defined]
        if person is None:
            continue
        if owner.setdefault(person, code) != code:
            problems.append(
                Problem(
                    "io.err.participant_two_attendees",
                    {"participant": person, "attendee": owner[person]},
                    sheet=sheet.sheet,
                    row=valid.row,
                    column=sheet.headers.get("participant")
                    or column_header("attendance", "participant"),
                )
            )
    return problems
