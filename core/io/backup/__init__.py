"""Backups that restore: one file per backup, made while the app runs, checked before use.

`backup_database` writes a zip with a manifest and the database: a SQLite copy made with the
online backup API, or a `pg_dump` archive from the server's own version; the activities'
evidence files kept beside the database go with it and come back with the restore.
`restore_database` refuses what is not a Silta backup, a damaged one, one from a newer schema,
or a target that already holds data (unless forced); it restores, checks the row counts
against the manifest and migrates an older schema to the current one.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError

from core.config import get_settings
from core.db import make_engine
from core.io.backup import postgres, sqlite
from core.io.backup.archive import (
    POSTGRESQL,
    SQLITE,
    STORED_NAME,
    BackupError,
    BackupManifest,
    Progress,
    extract_files,
    extract_payload,
    read_manifest,
    write_archive,
)
from core.schema import alembic_config, head_revision, upgrade_database

__all__ = [
    "BackupError",
    "BackupManifest",
    "RestoreResult",
    "backup_database",
    "database_label",
    "read_manifest",
    "restore_database",
]
DIALECT_NAMES = {SQLITE: "SQLite", POSTGRESQL: "PostgreSQL"}


@dataclass(frozen=True)
class RestoreResult:
    manifest: BackupManifest
    replaced_rows: int  # rows the target held before (only ever non-zero when forced)
    migrated_to: str | None  # the current revision, when the backup's schema was older


def database_label(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def _dialect(url: str) -> str:
    backend = make_url(url).get_backend_name()
    if backend not in DIALECT_NAMES:
        raise BackupError(f"backups cover SQLite and PostgreSQL, not {backend}.")
    return backend


@contextmanager
def _plain_errors() -> Iterator[None]:
    """Database and file errors as one line a user can act on, never a traceback."""
    try:
        yield
    except sqlite3.Error as error:
        raise BackupError(f"SQLite: {error}.") from None
    except SQLAlchemyError as error:
        cause = str(getattr(error, "orig", None) or error).strip().splitlines()
        raise BackupError(
            f"database error: {cause[0] if cause else type(error).__name__}"
        ) from None
    except OSError as error:
        raise BackupError(f"{error.filename or 'file'}: {error.strerror or error}.") from None


def _archive_path(destination: Path, dialect: str, now: datetime) -> Path:
    """A folder gets a dated file name; anything else is the file name itself."""
    if destination.is_dir():
        return destination / f"silta-{dialect}-{now:%Y%m%d-%H%M%S}.zip"
    return destination


def backup_database(
    destination: Path,
    *,
    url: str | None = None,
    overwrite: bool = False,
    progress: Progress | None = None,
) -> tuple[Path, BackupManifest]:
    """Back up the database at `url` (default: the configured one) to `destination`."""
    url = url or get_settings().database_url
    dialect = _dialect(url)
    now = datetime.now(UTC)
    path = _archive_path(destination, dialect, now)
    if path.exists() and not overwrite:
        raise BackupError(f"{path} already exists: choose another name, or add --force.")
    with _plain_errors():
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=path.parent, prefix=".silta-backup-") as folder:
            if dialect == SQLITE:
                payload = Path(folder) / "database.sqlite3"
                revision, counts = sqlite.dump(sqlite.sqlite_path(url), payload, progress)
                manifest = BackupManifest(SQLITE, revision, now, counts, payload.name)
            else:
                payload = Path(folder) / "database.pgdump"
                engine = make_engine(url)
                try:
                    revision, counts, server = postgres.dump(engine, payload, progress)
                finally:
                    engine.dispose()
                manifest = BackupManifest(
                    POSTGRESQL, revision, now, counts, payload.name,
                    server_version=server.version, schema=server.schema,
                )  # fmt: skip
            manifest = replace(manifest, source=database_label(url))
            # pg_dump's archive is compressed already; a SQLite file shrinks well.
            written = write_archive(
                path, manifest, payload, compress=dialect == SQLITE, files=_evidence(),
                progress=progress,
            )  # fmt: skip
    return path, written


def _evidence() -> list[Path]:
    """The evidence files kept beside the database (only names Silta gives them)."""
    folder = get_settings().evidence_dir
    if not folder.is_dir():
        return []
    return sorted(f for f in folder.iterdir() if f.is_file() and STORED_NAME.fullmatch(f.name))


def _move_files(staged: Path, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for file in staged.iterdir():
        shutil.move(file, folder / file.name)  # the scratch folder may be on another disk


def _check_revision(revision: str) -> None:
    scripts = ScriptDirectory.from_config(alembic_config())
    known = {script.revision for script in scripts.walk_revisions()}
    if revision not in known:
        raise BackupError(
            f"the backup's schema revision {revision} is unknown to this Silta (its schema is "
            f"at {head_revision()}): it comes from a newer Silta; upgrade Silta, then restore."
        )


def restore_database(
    archive: Path,
    *,
    url: str | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> RestoreResult:
    """Restore `archive` into the database at `url` (default: the configured one)."""
    manifest = read_manifest(archive)
    url = url or get_settings().database_url
    dialect = _dialect(url)
    if manifest.dialect != dialect:
        raise BackupError(
            f"{archive} is a {DIALECT_NAMES[manifest.dialect]} backup but the database is "
            f"{DIALECT_NAMES[dialect]}: restore it into a {DIALECT_NAMES[manifest.dialect]} "
            "database (DATABASE_URL)."
        )
    _check_revision(manifest.schema_revision)
    engine = make_engine(url)
    try:
        with _plain_errors():
            held = _held_rows(url, engine, force)
            if dialect == SQLITE:
                target = sqlite.sqlite_path(url)
                target.parent.mkdir(parents=True, exist_ok=True)
                scratch = str(target.parent)
            else:
                scratch = None
            with tempfile.TemporaryDirectory(dir=scratch, prefix=".silta-restore-") as folder:
                payload = Path(folder) / f"database.{'sqlite3' if dialect == SQLITE else 'pgdump'}"
                extract_payload(archive, manifest, payload, progress)
                # Files are checked before the database is touched, and moved in after it.
                staged = Path(folder) / "files"
                extract_files(archive, manifest, staged)
                if dialect == SQLITE:
                    sqlite.restore(payload, sqlite.sqlite_path(url), manifest, progress)
                else:
                    postgres.restore(payload, engine, manifest, progress)
                _move_files(staged, get_settings().evidence_dir)
            migrated = None
            if manifest.schema_revision != head_revision():
                migrated = upgrade_database(engine)
    finally:
        engine.dispose()
    return RestoreResult(manifest, held, migrated)


def _held_rows(url: str, engine: Engine, force: bool) -> int:
    """Rows the target holds now; refuses to go on over any of them unless forced."""
    if _dialect(url) == SQLITE:
        counts = sqlite.table_rows(sqlite.sqlite_path(url))
    else:
        counts = postgres.table_rows(engine)
    held = sum(counts.values())
    if held and not force:
        tables = sum(1 for rows in counts.values() if rows)
        raise BackupError(
            f"the database at {database_label(url)} is not empty ({held:,} rows in {tables} "
            "tables): a restore replaces everything in it; add --force to overwrite it."
        )
    return held
