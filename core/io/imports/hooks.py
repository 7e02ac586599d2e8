"""Tell other parts of Silta which competence profiles changed, once the change is committed.

Every committed create, update or delete of a `CompetenceProfile`, by import, form or any
other code, reaches the listeners as a set of profile ids (a deleted id no longer exists).
The search index subscribes with `@on_profiles_changed`; the session listeners that collect
and announce the ids are registered by `core.wiring.wire_sessions()`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

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


def collect_changed_profiles(session: Session, _context: Any) -> None:
    """Session `after_flush` (wired in `core.wiring`): remember which profiles changed."""
    touched = (*session.new, *session.dirty, *session.deleted)
    ids = {o.id for o in touched if isinstance(o, CompetenceProfile) and o.id is not None}
    if ids:
        session.info.setdefault(_PENDING, set()).update(ids)


def forget_changed_profiles(session: Session) -> None:
    """Session `after_rollback`: rolled-back changes are never announced."""
    session.info.pop(_PENDING, None)


def notify_changed_profiles(session: Session) -> None:
    """Session `after_commit`: tell the listeners which profiles changed."""
    ids = frozenset(session.info.pop(_PENDING, set()))
    if not ids:
        return
    for listener in list(_listeners):
        try:
            listener(ids)
        except Exception:
            log.exception("profile listener %r failed for %d profiles", listener, len(ids))
