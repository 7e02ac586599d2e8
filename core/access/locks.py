"""Period locks: after a payment claim, data dated inside the claimed period cannot change.

The rule lives here once. `touched_dates` says which dates a change touches; a session
listener (`before_flush`, registered by `core.wiring`) refuses any flush that touches a date
inside an active lock, whatever page, import or script made it, and the refused attempt is
written to the audit trail.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from sqlalchemy import inspect
from sqlmodel import Session, SQLModel, col, select

from core.access import audit
from core.errors import DomainError
from core.models import (
    PARTICIPANT_PERSONAL_FIELDS,
    Attendance,
    Commitment,
    Event,
    FollowUp,
    Participant,
    PeriodLock,
    Project,
    ProjectCompany,
    SalaryCost,
    utcnow,
)

# Table → the date that places a row in a reporting period.
DATE_FIELDS = {
    "participant": "entry_date",
    "event": "event_date",
    "attendance": "event_date",
    "follow_up": "recorded_on",
    "commitment": "signed_on",
    "project_company": "joined_on",
    "salary_cost": "month",  # issue 17: a claimed month's salaries are what was claimed
}
# Participant fields that are not reported data: personal and contact details may always be
# corrected, and retention removes them even inside a locked period.
NOT_REPORTED = frozenset({*PARTICIPANT_PERSONAL_FIELDS, "updated_at", "created_at"})
LOCKED_MODELS = (
    Participant,
    Event,
    Attendance,
    FollowUp,
    Commitment,
    ProjectCompany,
    SalaryCost,
)
_REFUSED = "period_lock_refusals"


class PeriodLockedError(DomainError, ValueError):
    """A change that touches a locked period; the message names the lock."""

    def __init__(self, lock: PeriodLock, what: str, day: date) -> None:
        super().__init__(
            "locks.refused",
            label=lock.label,
            start=lock.start_date.isoformat(),
            end=lock.end_date.isoformat(),
            what=what,
            day=day.isoformat(),
        )
        self.lock_id = lock.id


class LockError(DomainError, ValueError):
    """A lock or unlock that cannot be done (no name, a backwards period, a lock gone)."""


def touched_dates(
    table: str, before: Mapping[str, Any] | None, after: Mapping[str, Any] | None
) -> set[date]:
    """The dates a create (before None), delete (after None) or update touches."""
    field = DATE_FIELDS.get(table)
    if field is None or (before is None and after is None):
        return set()
    sides = [side for side in (before, after) if side is not None]
    if before is None or after is None:
        changed = set(sides[0])
    else:
        changed = {k for k in after if k in before and before[k] != after[k]}
    dates: set[Any] = set()
    if table == "participant":
        if changed - NOT_REPORTED - {"exit_date"}:
            dates |= {side.get("entry_date") for side in sides}
        if "exit_date" in changed:
            dates |= {side.get("exit_date") for side in sides}
    elif changed:
        dates |= {side.get(field) for side in sides}
    return {d for d in dates if isinstance(d, date)}


def covering(locks: Iterable[PeriodLock], dates: Iterable[date]) -> tuple[PeriodLock, date] | None:
    """The first active lock that covers one of `dates`, with that date."""
    for day in sorted(dates):
        for lock in locks:
            if lock.start_date <= day <= lock.end_date:
                return lock, day
    return None


def active_locks(session: Session, project_id: int | None = None) -> list[PeriodLock]:
    query = select(PeriodLock).where(col(PeriodLock.unlocked_at).is_(None))
    if project_id is not None:
        query = query.where(PeriodLock.project_id == project_id)
    with session.no_autoflush:
        return list(session.exec(query.order_by(col(PeriodLock.start_date))))


def all_locks(session: Session, project: Project) -> list[PeriodLock]:
    query = select(PeriodLock).where(PeriodLock.project_id == project.id)
    return list(session.exec(query.order_by(col(PeriodLock.start_date), col(PeriodLock.id))))


def lock_period(
    session: Session, *, project: Project, label: str, start: date, end: date, note: str = ""
) -> PeriodLock:
    """Lock `start`–`end` (e.g. after a payment claim); audited."""
    if not label.strip():
        raise LockError("locks.label_required")
    if end < start:
        raise LockError("locks.end_before_start")
    assert project.id is not None
    lock = PeriodLock(
        project_id=project.id,
        label=label.strip(),
        start_date=start,
        end_date=end,
        note=note.strip(),
        locked_by=audit.current_actor.get(),
    )
    session.add(lock)
    session.flush()
    audit.record(
        session,
        action="lock",
        entity="period_lock",
        entity_key=lock.label,
        after=audit.snapshot(lock),
    )
    return lock


def unlock_period(session: Session, *, lock_id: int, reason: str) -> PeriodLock:
    """Open a locked period again; the reason is required and audited."""
    if not reason.strip():
        raise LockError("locks.reason_required")
    lock = session.get(PeriodLock, lock_id)
    if lock is None or lock.unlocked_at is not None:
        raise LockError("locks.not_active")
    before = audit.snapshot(lock)
    lock.unlocked_at = utcnow()
    lock.unlocked_by = audit.current_actor.get()
    lock.unlock_reason = reason.strip()
    session.add(lock)
    session.flush()
    audit.record(
        session,
        action="unlock",
        entity="period_lock",
        entity_key=lock.label,
        before=before,
        after=audit.snapshot(lock),
        detail=lock.unlock_reason,
    )
    return lock


# --- enforcement ---------------------------------------------------------------------------


def _values(obj: SQLModel, *, old: bool) -> dict[str, Any]:
    state = inspect(obj)
    values = {}
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        values[attr.key] = history.deleted[0] if old and history.deleted else getattr(obj, attr.key)
    return values


def _context(
    session: Session, objects: list[SQLModel]
) -> dict[tuple[str, int], tuple[int, date | None]]:
    """Project (and event date) of the participants and events that follow-ups and
    attendance rows point to, in two queries rather than one per row."""
    people = {o.participant_id for o in objects if isinstance(o, FollowUp)}
    events = {o.event_id for o in objects if isinstance(o, Attendance)}
    found: dict[tuple[str, int], tuple[int, date | None]] = {}
    if people:
        for person in session.exec(select(Participant).where(col(Participant.id).in_(people))):
            found[("participant", int(person.id or 0))] = (person.project_id, None)
    if events:
        for event in session.exec(select(Event).where(col(Event.id).in_(events))):
            found[("event", int(event.id or 0))] = (event.project_id, event.event_date)
    return found


def _describe(obj: SQLModel) -> str:
    table = obj.__tablename__
    key = getattr(obj, "code", None) or getattr(obj, "id", None) or ""
    return f"{table} {key}".strip()


def _first_violation(
    session: Session, locks: list[PeriodLock]
) -> tuple[PeriodLock, str, date] | None:
    changes = [
        (obj, state)
        for state, group in (
            ("new", session.new),
            ("dirty", session.dirty),
            ("deleted", session.deleted),
        )
        for obj in group
        if isinstance(obj, LOCKED_MODELS)
    ]
    context = _context(session, [obj for obj, _ in changes])
    for obj, state in changes:
        before = None if state == "new" else _values(obj, old=True)
        after = None if state == "deleted" else _values(obj, old=False)
        project_id = getattr(obj, "project_id", None)
        if isinstance(obj, FollowUp):
            project_id = context.get(("participant", obj.participant_id), (None, None))[0]
        elif isinstance(obj, Attendance):
            project_id, event_date = context.get(("event", obj.event_id), (None, None))
            for side in (before, after):
                if side is not None:
                    side["event_date"] = event_date
        table = obj.__tablename__
        mine = [lock for lock in locks if lock.project_id == project_id]
        hit = covering(mine, touched_dates(str(table), before, after))
        if hit is not None:
            return hit[0], _describe(obj), hit[1]
    return None


def refuse_locked_changes(session: Session, _context_: Any, _instances: Any) -> None:
    """Session `before_flush` (wired in `core.wiring`): refuse a flush touching a locked period."""
    if not any(
        isinstance(o, LOCKED_MODELS) for o in (*session.new, *session.dirty, *session.deleted)
    ):
        return
    locks = active_locks(session)
    if not locks:
        return
    with session.no_autoflush:
        violation = _first_violation(session, locks)
    if violation is not None:
        lock, what, day = violation
        error = PeriodLockedError(lock, what, day)
        session.info.setdefault(_REFUSED, []).append((audit.current_actor.get(), what, str(error)))
        raise error


def audit_refusals(session: Session) -> None:
    """Session `after_rollback`: record refused attempts once the failed transaction is gone
    (so the entry survives)."""
    refusals = session.info.pop(_REFUSED, [])
    if not refusals:
        return
    with Session(session.get_bind()) as trail:
        for username, what, message in refusals:
            audit.record(
                trail,
                action="lock_refused",
                username=username,
                entity="period_lock",
                entity_key=what,
                detail=message,
            )
        trail.commit()
