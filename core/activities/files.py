"""Evidence files of an activity, kept beside the database under the data directory.

The stored name is random (never the uploaded name, which only labels the download); the
size and the kind of file are checked before anything is written."""

from __future__ import annotations

import secrets
from pathlib import Path

from sqlmodel import Session, col, select

from core.access import audit
from core.activities.records import ActivityError
from core.config import get_settings
from core.models import Activity, ActivityFile, Project

MAX_FILE_MB = 10
ALLOWED = {
    ".pdf": b"%PDF",
    ".docx": b"PK\x03\x04",
    ".xlsx": b"PK\x03\x04",
    ".pptx": b"PK\x03\x04",
    ".png": b"\x89PNG",
    ".jpg": b"\xff\xd8\xff",
    ".jpeg": b"\xff\xd8\xff",
}


def files_dir() -> Path:
    return get_settings().evidence_dir


def attach_file(
    session: Session, project: Project, activity_id: int, file_name: str, data: bytes
) -> ActivityFile:
    """Keep `data` as evidence of the activity; refuses big files and unexpected kinds."""
    activity = session.get(Activity, activity_id)
    if activity is None or activity.project_id != project.id:
        raise ActivityError("activity.err.missing")
    suffix = Path(file_name).suffix.lower()
    if suffix not in ALLOWED:
        raise ActivityError("activity.err.file_kind", kinds=", ".join(sorted(ALLOWED)))
    if len(data) > MAX_FILE_MB * 1024 * 1024:
        raise ActivityError("activity.err.file_size", limit=MAX_FILE_MB)
    if not data.startswith(ALLOWED[suffix]):
        raise ActivityError("activity.err.file_content", name=Path(file_name).name[:80])
    stored = secrets.token_hex(16) + suffix
    folder = files_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / stored).write_bytes(data)
    row = ActivityFile(
        activity_id=activity_id,
        file_name=Path(file_name).name[:255],
        stored_name=stored,
        size_bytes=len(data),
        uploaded_by=audit.current_actor.get(),
    )
    session.add(row)
    session.flush()
    return row


def files_of(session: Session, activity_id: int) -> list[ActivityFile]:
    query = select(ActivityFile).where(ActivityFile.activity_id == activity_id)
    return list(session.exec(query.order_by(col(ActivityFile.id))))


def read_file(session: Session, project: Project, file_id: int) -> tuple[str, bytes]:
    """The uploaded name and the bytes of one evidence file of `project`."""
    row = session.get(ActivityFile, file_id)
    activity = session.get(Activity, row.activity_id) if row else None
    if row is None or activity is None or activity.project_id != project.id:
        raise ActivityError("activity.err.missing")
    try:
        return row.file_name, (files_dir() / row.stored_name).read_bytes()
    except OSError as error:
        raise ActivityError("activity.err.file_gone", name=row.file_name) from error


def remove_stored(names: list[str]) -> None:
    """Delete files whose rows are gone (after the deleting transaction committed)."""
    for name in names:
        (files_dir() / Path(name).name).unlink(missing_ok=True)
