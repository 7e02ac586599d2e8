"""Small facts stored with the data: the demo flag and a data version that moves on every write."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from core.models import AppMeta, AuditLog

DEMO = "demo"
DEMO_AS_OF = "demo_as_of"
DATA_VERSION = "data_version"


def get_meta(session: Session, key: str, default: str = "") -> str:
    row = session.get(AppMeta, key)
    return row.value if row is not None else default


def set_meta(session: Session, key: str, value: str) -> None:
    row = session.get(AppMeta, key) or AppMeta(key=key)
    row.value = value
    session.add(row)


def is_demo(session: Session) -> bool:
    return get_meta(session, DEMO) == "true"


def data_version(session: Session) -> int:
    """A counter that every committed data change moves; caches key on it."""
    return int(get_meta(session, DATA_VERSION, "0") or 0)


def bump_data_version(session: Session) -> None:
    # Read without autoflush: this runs while the session is flushing.
    with session.no_autoflush:
        set_meta(session, DATA_VERSION, str(data_version(session) + 1))


def _changes_data(session: Session) -> bool:
    touched = [*session.new, *session.dirty, *session.deleted]
    return any(not isinstance(obj, AppMeta | AuditLog) for obj in touched)


def bump_version_on_flush(session: Session, _context: Any, _instances: Any) -> None:
    """Session `before_flush` (wired in `core.wiring`): the first data change of a transaction
    moves the data version."""
    if _changes_data(session) and not session.info.get("data_version_bumped"):
        session.info["data_version_bumped"] = True
        bump_data_version(session)


def reset_version_flag(session: Session) -> None:
    """Session `after_commit` and `after_rollback`: the next transaction bumps again."""
    session.info.pop("data_version_bumped", None)
