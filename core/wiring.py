"""Every session listener Silta relies on, registered in one place by `wire_sessions()`.

The rules that hold for every write live in session listeners, so no page, import or script can
forget them: the audit trail, period locks, the data version, and the profile and consent
changes the search index follows. `core.db` knows nothing of them; each entry point (app.py,
the command line, the test fixtures, the bench scripts) calls `wire_sessions()` once before
its first session. The listeners are registered on the `Session` class, so they hold for every
session of every engine.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlmodel import Session

from core import meta
from core.access import audit, consent, locks, retention_records
from core.io.imports import hooks

# (session event, listener), in the order they run within each event. Refusals come first in
# `before_flush`, so a refused flush moves no data version; the audit entries of a flush are
# written before profile changes are collected.
SESSION_LISTENERS: tuple[tuple[str, Callable[..., Any]], ...] = (
    ("before_flush", audit.refuse_audit_edits),
    ("before_flush", locks.refuse_locked_changes),
    ("before_flush", meta.bump_version_on_flush),
    ("after_flush", audit.audit_changes),
    ("after_flush", hooks.collect_changed_profiles),
    ("do_orm_execute", audit.audit_bulk_statements),
    ("after_commit", hooks.notify_changed_profiles),
    ("after_commit", meta.reset_version_flag),
    ("after_commit", consent.announce_grants),
    ("after_commit", retention_records.remove_files_after_commit),
    ("after_rollback", locks.audit_refusals),
    ("after_rollback", hooks.forget_changed_profiles),
    ("after_rollback", meta.reset_version_flag),
    ("after_rollback", retention_records.forget_files_after_rollback),
    ("after_rollback", consent.forget_grants),
)


_lock = threading.Lock()  # the app's first runs may arrive at once, each in its own thread


def wire_sessions() -> None:
    """Register every session listener; calling it again changes nothing.

    `ui.session()` calls it for every database session a page opens, so the usual case (all
    wired) is one check of the last listener, without the lock."""
    last_name, last_listener = SESSION_LISTENERS[-1]
    if event.contains(Session, last_name, last_listener):
        return
    with _lock:
        for name, listener in SESSION_LISTENERS:
            if not event.contains(Session, name, listener):
                event.listen(Session, name, listener)


def sessions_wired() -> bool:
    """Whether every listener is registered (tests and health checks ask)."""
    return all(event.contains(Session, name, listener) for name, listener in SESSION_LISTENERS)
