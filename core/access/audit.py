"""The audit trail: every change is recorded automatically at flush, and every SME search.

A session listener (`after_flush`, registered by `core.wiring`) writes one entry per created,
updated or deleted ORM row, with the acting user (`current_actor`), time, and before/after
values, so no page or import can forget it. ORM bulk statements
(`session.execute(update(Model)…)`) get one summary entry. Personal fields
(`core.models.PERSONAL_FIELDS`) are written as a marker, never their value: the trail shows
*that* a name or e-mail changed, and retention never has to edit it. Secrets are left out
entirely. The database refuses UPDATE and DELETE on `audit_log` (see the migration).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, insert, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.orm import ORMExecuteState
from sqlmodel import Session, SQLModel

from core.codes import MaxLength
from core.db import write_soon
from core.models import PERSONAL_FIELDS, SECRET_FIELDS, AuditLog, utcnow
from core.text import scrub, without_controls

# Bookkeeping that would only add noise (sign-ins have their own entries).
QUIET_FIELDS: dict[str, frozenset[str]] = {
    "user": frozenset({"failed_logins", "locked_until", "last_login_at"}),
}
# Sign-in sessions: sign-in and sign-out have their own entries; every click would be noise.
# The e-mail outbox (issue 14) is bookkeeping too: the event it tells about is audited.
NOT_AUDITED = frozenset({"audit_log", "app_meta", "user_session", "notification"})
PERSONAL = "[personal data]"
SECRET = "[secret]"
MAX_DETAIL_CHARS = 4000

# Who is acting: the signed-in user in the app, "cli:<command>" on the command line.
current_actor: ContextVar[str] = ContextVar("current_actor", default="system")
# The acting user's company, for SME users; None otherwise.
current_company: ContextVar[int | None] = ContextVar("current_company", default=None)


class AuditLogIsAppendOnly(RuntimeError):
    """Raised when code tries to change or delete an audit entry through the ORM."""


@contextmanager
def acting_as(username: str, company_id: int | None = None) -> Iterator[None]:
    """Attribute every audit entry made inside the block to `username` (and its company)."""
    token = current_actor.set(username)
    company_token = current_company.set(company_id)
    try:
        yield
    finally:
        current_company.reset(company_token)
        current_actor.reset(token)


def _json_safe(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def masked(table: str, name: str, value: Any) -> Any:
    """What the trail may keep of one field: the value, or a marker for personal data."""
    if name in SECRET_FIELDS:
        return SECRET
    if name in PERSONAL_FIELDS.get(table, ()):
        return None if value is None or value == "" else PERSONAL
    return _json_safe(value)


def snapshot(row: SQLModel | None) -> dict[str, Any] | None:
    """A JSON-safe copy of a row's fields for before/after values: secrets out, personal masked."""
    if row is None:
        return None
    table = str(getattr(row, "__tablename__", ""))
    return {
        name: masked(table, name, value)
        for name, value in row.model_dump().items()
        if name not in SECRET_FIELDS
    }


def _entry(
    action: str,
    *,
    username: str | None = None,
    company_id: int | None = None,
    entity: str = "",
    entity_key: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    detail: str = "",
) -> dict[str, Any]:
    # Control characters are dropped: PostgreSQL refuses NUL, and a log is read in terminals.
    return {
        "at": utcnow(),
        "username": without_controls(username if username is not None else current_actor.get())[
            : MaxLength.USERNAME
        ],
        "company_id": company_id if company_id is not None else current_company.get(),
        "action": without_controls(action)[: MaxLength.AUDIT_ACTION],
        "entity": without_controls(entity)[: MaxLength.AUDIT_ENTITY],
        "entity_key": without_controls(entity_key)[: MaxLength.AUDIT_KEY],
        "before": scrub(before),
        "after": scrub(after),
        "detail": without_controls(detail)[:MAX_DETAIL_CHARS],
    }


def record(
    session: Session,
    *,
    action: str,
    username: str | None = None,
    company_id: int | None = None,
    entity: str = "",
    entity_key: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    detail: str = "",
) -> AuditLog:
    """Add one entry that is not a row change (a sign-in, an import, an export…)."""
    entry = AuditLog(
        **_entry(
            action,
            username=username,
            company_id=company_id,
            entity=entity,
            entity_key=entity_key,
            before=before,
            after=after,
            detail=detail,
        )
    )
    session.add(entry)
    return entry


def record_search(
    *,
    username: str,
    company_id: int | None,
    query: str,
    filters: dict[str, Any] | None = None,
    results: int | None = None,
    engine: Engine | None = None,
) -> bool:
    """Log one profile search (who, which company, what was asked), dated now, in a unit of
    work of its own: at once, or just after when an import holds SQLite's write lock
    (`core.db.write_soon`), so the results never wait for their log. True if written now."""
    after: dict[str, Any] = {"filters": {k: _json_safe(v) for k, v in (filters or {}).items()}}
    if results is not None:
        after["results"] = results
    entry = AuditLog(
        **_entry(
            "search",
            username=username,
            company_id=company_id,
            entity="competence_profile",
            after=after,
            detail=query,
        )
    )

    def add(session: Session) -> None:
        session.add(entry)

    return write_soon(add, engine)


# --- Automatic capture of ORM changes --------------------------------------------------------


def _table(obj: object) -> str | None:
    table = getattr(obj, "__tablename__", None)
    return None if table is None or table in NOT_AUDITED else str(table)


def _key(obj: object) -> str:
    # The primary key from the row itself: new rows have no identity key yet in after_flush.
    parts = inspect(obj).mapper.primary_key_from_instance(obj)
    return "/".join("" if part is None else str(part) for part in parts)


def _columns(obj: object) -> list[str]:
    return [attr.key for attr in inspect(obj).mapper.column_attrs]


def _all_values(table: str, obj: object) -> dict[str, Any]:
    return {
        name: masked(table, name, getattr(obj, name, None))
        for name in _columns(obj)
        if name not in SECRET_FIELDS
    }


def _changed_values(table: str, obj: object) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(obj)
    quiet = QUIET_FIELDS.get(table, frozenset())
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for name in _columns(obj):
        history = state.attrs[name].history
        if not history.added or name in quiet:
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0]
        if old == new:
            continue
        before[name] = masked(table, name, old)
        after[name] = masked(table, name, new)
    return before, after


def _audit_table() -> Table:
    return SQLModel.metadata.tables["audit_log"]


def refuse_audit_edits(session: Session, _context: Any, _instances: Any) -> None:
    """Session `before_flush` (wired in `core.wiring`): audit entries are never changed."""
    for obj in (*session.dirty, *session.deleted):
        if isinstance(obj, AuditLog) and (obj in session.deleted or session.is_modified(obj)):
            raise AuditLogIsAppendOnly("audit log entries cannot be changed or deleted")


def audit_changes(session: Session, _context: Any) -> None:
    """Session `after_flush`: one entry per created, updated or deleted row."""
    entries = []
    for obj in session.new:
        if (table := _table(obj)) is not None:
            entries.append(
                _entry("create", entity=table, entity_key=_key(obj), after=_all_values(table, obj))
            )
    for obj in session.dirty:
        if (table := _table(obj)) is not None and session.is_modified(obj):
            before, after = _changed_values(table, obj)
            if after:
                entries.append(
                    _entry("update", entity=table, entity_key=_key(obj), before=before, after=after)
                )
    for obj in session.deleted:
        if (table := _table(obj)) is not None:
            entries.append(
                _entry("delete", entity=table, entity_key=_key(obj), before=_all_values(table, obj))
            )
    if entries:
        session.connection().execute(insert(_audit_table()), entries)


def audit_bulk_statements(state: ORMExecuteState) -> None:
    """Session `do_orm_execute`: one summary entry per ORM bulk statement."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    mapper = state.bind_mapper
    table = None if mapper is None else _table(mapper.class_)
    if mapper is not None and mapper.class_ is AuditLog and not state.is_insert:
        raise AuditLogIsAppendOnly("audit log entries cannot be changed or deleted")
    if table is None:
        return
    action = (
        "bulk_create" if state.is_insert else "bulk_update" if state.is_update else "bulk_delete"
    )
    rows = state.parameters if isinstance(state.parameters, list) else None
    detail = f"{len(rows)} rows" if rows is not None else str(state.statement)
    entry = _entry(action, entity=table, entity_key="*", detail=detail)
    state.session.connection().execute(insert(_audit_table()), [entry])
