"""Turn planned row changes into ORM writes (so every write passes the session's hooks)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, SQLModel, select

from core.access.consent import sync_search_flags
from core.io.imports.records import AVAILABILITY_FIELDS, MODELS, REF_FIELDS, Stored, attendees
from core.io.imports.rows import AttendanceRow
from core.io.imports.validate import ValidRow
from core.models import (
    Attendance,
    Attendee,
    Company,
    CompetenceProfile,
    Event,
    Participant,
    Programme,
    Project,
    ProjectCompany,
    Spearhead,
    TargetGroup,
    WorkPackage,
    utcnow,
)

REF_MODELS: dict[str, tuple[type[SQLModel], str, bool]] = {
    # reference kind → (table, key column, scoped to the project)
    "target_group": (TargetGroup, "code", True),
    "programme": (Programme, "code", True),
    "spearhead": (Spearhead, "code", True),
    "work_package": (WorkPackage, "code", True),
    "event": (Event, "code", True),
    "participant": (Participant, "code", True),
    "company": (Company, "business_id", False),
}


@dataclass
class Action:
    """What one row does: create (stored is None) or update `changes` of a stored record."""

    row: ValidRow
    stored: Stored | None
    changes: dict[str, Any] = field(default_factory=dict)
    status: str = "created"  # created / updated / unchanged

    @property
    def write(self) -> bool:
        return self.status != "unchanged"


class Refs:
    """Code → id of referenced records, loaded when first needed, forgotten after writes."""

    def __init__(self, session: Session, project: Project) -> None:
        self.session, self.project = session, project
        self._maps: dict[str, dict[str, int]] = {}

    def id(self, ref: str, code: str | None) -> int | None:
        if code is None:
            return None
        if ref not in self._maps:
            model, key, scoped = REF_MODELS[ref]
            query = select(getattr(model, key), model.id)  # type: ignore[attr-defined]
            if scoped:
                query = query.where(model.project_id == self.project.id)  # type: ignore[attr-defined]
            self._maps[ref] = dict(self.session.exec(query).all())
        return self._maps[ref][code]

    def forget(self, ref: str) -> None:
        self._maps.pop(ref, None)


def to_orm(kind: str, values: dict[str, Any], refs: Refs) -> dict[str, Any]:
    """Row values (codes) as ORM field values (ids, flags)."""
    out: dict[str, Any] = {}
    for name, value in values.items():
        if name in REF_FIELDS[kind]:
            orm_name, ref = REF_FIELDS[kind][name]
            out[orm_name] = refs.id(ref, value)
        elif kind == "profiles" and name == "available_for":
            chosen = set(value.split(",")) if value else set()
            out.update({field: code in chosen for code, field in AVAILABILITY_FIELDS.items()})
        elif kind == "companies" and name == "joined_on":
            continue
        else:
            out[name] = value
    return out


Built = list[SQLModel | None]  # per action: its new record, made ahead (None: an update)


def build_new(project: Project, kind: str, actions: list[Action], refs: Refs) -> Built | None:
    """The records `actions` create, made before the write starts: making 10,000 ORM objects
    takes seconds, which on SQLite every other writer would spend waiting for the write lock.
    None when a row refers to a record this import has yet to write (built in the write)."""
    if kind == "attendance":
        return None
    try:
        return [
            None if action.stored is not None else _new(project, kind, action, refs)
            for action in actions
        ]
    except KeyError:  # a code of a record created by an earlier sheet of this file
        return None


def _new(project: Project, kind: str, action: Action, refs: Refs) -> SQLModel:
    model = MODELS[kind]
    values = to_orm(kind, action.changes, refs)
    if "project_id" in model.model_fields:
        values["project_id"] = project.id
    return model(**values)


def write_kind(
    session: Session,
    project: Project,
    kind: str,
    actions: list[Action],
    refs: Refs,
    built: Built | None = None,
) -> list[SQLModel]:
    """Apply one kind's actions and flush; returns the created or changed main records.
    `built` holds the new records made ahead by `build_new`, if they were."""
    if kind == "attendance":
        return _write_attendance(session, project, actions, refs)
    model = MODELS[kind]
    touched: list[SQLModel] = []
    for index, action in enumerate(actions):
        if action.stored is None:
            obj = built[index] if built is not None else None
            obj = obj if obj is not None else _new(project, kind, action, refs)
            session.add(obj)
        else:
            values = to_orm(kind, action.changes, refs)
            obj = action.stored.obj
            for name, value in values.items():
                setattr(obj, name, value)
            if values and "updated_at" in model.model_fields:
                obj.updated_at = utcnow()
        touched.append(obj)
    session.flush()
    if kind == "companies":
        _write_memberships(session, project, actions, touched)
    if kind == "profiles":
        # A profile never carries consent of its own: new or moved, it is searchable
        # exactly when its student's search consent is on record.
        sync_search_flags(session, [p for p in touched if isinstance(p, CompetenceProfile)])
    refs.forget(
        {"participants": "participant", "companies": "company", "events": "event"}.get(kind, "")
    )
    return touched


def _write_memberships(
    session: Session, project: Project, actions: list[Action], companies: list[SQLModel]
) -> None:
    """A company joins the project on `joined_on`; an empty cell keeps what is stored."""
    for action, company in zip(actions, companies, strict=True):
        joined_on = action.changes.get("joined_on")
        if joined_on is None:
            continue
        link = action.stored.link if action.stored is not None else None
        if isinstance(link, ProjectCompany):
            link.joined_on = joined_on
        else:
            assert project.id is not None and isinstance(company, Company) and company.id
            session.add(
                ProjectCompany(project_id=project.id, company_id=company.id, joined_on=joined_on)
            )
    session.flush()


def _write_attendance(
    session: Session, project: Project, actions: list[Action], refs: Refs
) -> list[SQLModel]:
    """Upsert the attendees first (one flush), then link them to the events."""
    people = {code: person for code, (person, _row) in attendees(session, project).items()}
    for action in actions:
        row = action.row.model
        assert isinstance(row, AttendanceRow)
        identity = {
            "target_group_id": refs.id("target_group", row.target_group),
            "participant_id": refs.id("participant", row.participant),
            "company_id": refs.id("company", row.business_id),
        }
        person = people.get(row.attendee)
        if person is None:
            person = Attendee.model_validate(
                {"project_id": project.id, "code": row.attendee, **identity}
            )
            session.add(person)
            people[row.attendee] = person
        for name, value in identity.items():
            if getattr(person, name) != value:
                setattr(person, name, value)
    session.flush()
    touched: list[SQLModel] = []
    for action in actions:
        row = action.row.model
        assert isinstance(row, AttendanceRow)
        if action.stored is None:
            link = Attendance.model_validate(
                {"event_id": refs.id("event", row.event), "attendee_id": people[row.attendee].id}
            )
            session.add(link)
            touched.append(link)
    session.flush()
    return touched
