"""SQLite backups through the online backup API: a consistent copy while the app writes."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Literal

from sqlalchemy.engine import make_url

from core.db import SQLITE_BUSY_TIMEOUT_MS
from core.io.backup.archive import BackupError, BackupManifest, Progress, quote

PAGES_PER_STEP = 512  # 2 MiB a step with 4 KiB pages: a moving bar without slowing the copy


def sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        raise BackupError("an in-memory SQLite database cannot be backed up or restored.")
    return Path(database)


def count_rows(connection: sqlite3.Connection) -> dict[str, int]:
    """Rows per table: every table but SQLite's own and Alembic's bookkeeping."""
    names = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> 'alembic_version' "
            "ORDER BY name"
        )
    ]
    return {
        name: int(connection.execute(f"SELECT count(*) FROM {quote(name)}").fetchone()[0])  # noqa: S608 (quoted name from sqlite_master)
        for name in names
    }


def schema_revision(connection: sqlite3.Connection) -> str | None:
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        return None
    return str(row[0]) if row else None


@contextmanager
def _connect(path: Path, *, manual: bool = False) -> Iterator[sqlite3.Connection]:
    """A plain connection, always closed; `manual`: we issue BEGIN ourselves."""
    timeout = SQLITE_BUSY_TIMEOUT_MS / 1000
    isolation: Literal["DEFERRED"] | None = None if manual else "DEFERRED"
    with closing(sqlite3.connect(path, timeout=timeout, isolation_level=isolation)) as c:
        yield c


def table_rows(path: Path) -> dict[str, int]:
    """Rows per table in the database at `path` ({} when there is no file yet)."""
    if not path.exists():
        return {}
    with _connect(path) as connection:
        return count_rows(connection)


def dump(path: Path, payload: Path, progress: Progress | None) -> tuple[str, dict[str, int]]:
    """Copy the database at `path` to `payload`; returns its schema revision and row counts."""
    if not path.is_file():
        raise BackupError(f"there is no database at {path}.")
    with _connect(path, manual=True) as source, _connect(payload) as copy:
        # A read transaction pins one snapshot: in WAL mode the app keeps writing meanwhile,
        # and the stepped copy never restarts because this connection's view cannot change.
        source.execute("BEGIN")
        revision = schema_revision(source)
        if revision is None:
            raise BackupError(f"{path} holds no Silta schema (run `python -m core migrate`).")
        source.backup(copy, pages=PAGES_PER_STEP, progress=_pages(progress, "copying"))
        source.execute("COMMIT")
        # One self-contained file in the archive, whatever mode the source ran in.
        copy.execute("PRAGMA journal_mode=DELETE")
        return revision, count_rows(copy)


def restore(payload: Path, path: Path, manifest: BackupManifest, progress: Progress | None) -> None:
    """Replace the database at `path` with `payload`, in one write transaction on `path`."""
    with _connect(payload) as source:
        # Checked before the target is touched: the payload must be what the manifest says.
        if schema_revision(source) != manifest.schema_revision:
            raise BackupError("the backup's database does not match its manifest (revision).")
        if count_rows(source) != manifest.row_counts:
            raise BackupError("the backup's database does not match its manifest (row counts).")
        path.parent.mkdir(parents=True, exist_ok=True)
        with _connect(path) as target:
            source.backup(target, pages=PAGES_PER_STEP, progress=_pages(progress, "restoring"))


def _pages(progress: Progress | None, step: str) -> Callable[[int, int, int], None]:
    """The backup API's (status, remaining, total) in pages as (step, done, total)."""

    def report(_status: int, remaining: int, total: int) -> None:
        if progress is not None:
            progress(step, total - remaining, total)

    return report
