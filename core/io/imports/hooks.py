"""Tell other parts of Silta which competence profiles changed, once the change is committed.

Every committed create, update or delete of a `CompetenceProfile`, by import, form or any
other code, reaches the listeners as a set of profile ids (a deleted id no longer exists).
The search index subscribes with `@on_profiles_changed`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlmodel import Session

from core.models import CompetenceProfile

ProfilesListener = Callable[[frozenset[int]], None]
_listeners: list[ProfilesListener] = []
_PENDING = "changed_profile_ids"
log = logging.getLogger(__name__)


def on_profiles_changed(listener: ProfilesListener) -> ProfilesListener:
    """Register `listener(profile_ids)`; it runs after each commit that changed profiles."""
    if listener not in _listeners:
        _listeners.append(listener)
    return listener


def remove_listener(listener: ProfilesListener) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


@event.listens_for(Session, "after_flush")
def _collect(session: Session, _context: Any) -> None:
    touched = (*session.new, *session.dirty, *session.deleted)
    ids = {o.id for o in touched if isinstance(o, CompetenceProfile) and o.id is not None}
    if ids:
        session.info.setdefault(_PENDING, set()).update(ids)


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_PENDING, None)


@event.listens_for(Session, "after_commit")
def _notify(session: Session) -> None:
    ids = frozenset(session.info.pop(_PENDING, set()))
    if not ids:
        return
    for listener in list(_listeners):
        try:
            listener(ids)
        except Exception:
            log.exception("profile listener %r failed for %d profiles", listener, len(ids))
