"""The audit trail: every change and every SME search is recorded; nothing here edits it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlmodel import Session, SQLModel

from core.models import AuditLog

# Never copied into the trail, whatever the entity.
SECRET_FIELDS = frozenset({"password_hash", "password"})

# Who is acting: the signed-in user in the app, "cli:<command>" on the command line.
current_actor: ContextVar[str] = ContextVar("current_actor", default="system")


@contextmanager
def acting_as(username: str) -> Iterator[None]:
    """Attribute every audit entry made inside the block to `username`."""
    token = current_actor.set(username)
    try:
        yield
    finally:
        current_actor.reset(token)


def snapshot(row: SQLModel | None) -> dict[str, Any] | None:
    """A JSON-safe copy of a row's fields, secrets left out (for before/after values)."""
    if row is None:
        return None
    return {
        name: _json_safe(value)
        for name, value in row.model_dump().items()
        if name not in SECRET_FIELDS
    }


def _json_safe(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def record(
    session: Session,
    *,
    action: str,
    username: str | None = None,
    entity: str = "",
    entity_key: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    detail: str = "",
) -> AuditLog:
    """Add one audit entry to `session`; it commits (or rolls back) with the change it records."""
    entry = AuditLog(
        username=username if username is not None else current_actor.get(),
        action=action,
        entity=entity,
        entity_key=entity_key,
        before=before,
        after=after,
        detail=detail,
    )
    session.add(entry)
    return entry
