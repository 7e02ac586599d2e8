"""The backup file: a zip holding `manifest.json`, the database payload and the files kept
beside the database (activities' evidence, under `files/`), all checked on read.

The manifest says what the payload is (SQLite file or `pg_dump` archive), which schema
revision it holds, when it was made and how many rows each table had, so a restore can
refuse a file that is not a Silta backup, is damaged, or is too new before it touches
the target database.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

FORMAT = "silta-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CHUNK = 1 << 20
IDENTIFIER = re.compile(r"[A-Za-z0-9_]{1,63}")
FILES = "files/"  # the evidence files' folder inside the zip
# A stored evidence file's name (random hex and a suffix): nothing else is written on restore.
STORED_NAME = re.compile(r"[a-f0-9]{32}\.[a-z]{3,4}")
SHA256 = re.compile(r"[a-f0-9]{64}")
SQLITE, POSTGRESQL = "sqlite", "postgresql"

Progress = Callable[[str, int, int], None]  # (step, done, total)


def quote(name: str) -> str:
    """An SQL identifier, quoted (table names come from a database catalog or a manifest)."""
    return '"' + name.replace('"', '""') + '"'


class BackupError(ValueError):
    """A backup or restore that cannot go ahead; the message is one line a user can act on."""


@dataclass(frozen=True)
class BackupManifest:
    """What a backup holds; `row_counts` are taken from the same snapshot as the payload."""

    dialect: str  # SQLITE or POSTGRESQL
    schema_revision: str  # the Alembic revision of the backed-up database
    created_at: datetime
    row_counts: dict[str, int]  # every table but alembic_version
    payload: str  # the payload's name inside the zip
    payload_bytes: int = 0
    payload_sha256: str = ""
    server_version: str = ""  # PostgreSQL: the server the dump came from, e.g. "15.18"
    schema: str = ""  # PostgreSQL: the schema holding the tables, e.g. "public"
    source: str = ""  # the database URL without its password
    files: dict[str, str] = field(default_factory=dict)  # evidence file name → sha256
    format: str = field(default=FORMAT)
    format_version: int = field(default=FORMAT_VERSION)

    @property
    def rows(self) -> int:
        return sum(self.row_counts.values())

    @property
    def server_major(self) -> int:
        return int(self.server_version.split(".")[0]) if self.server_version else 0

    def to_json(self) -> str:
        data = asdict(self)
        data["created_at"] = self.created_at.isoformat()
        return json.dumps(data, indent=2, sort_keys=True)


def _parse(data: Any, name: str) -> BackupManifest:
    """A manifest from decoded JSON; anything off is a BackupError naming the file."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupError(f"{name} is not a Silta backup (its manifest is not a Silta one).")
    version = data.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise BackupError(
            f"{name} was written in backup format {version}, newer than this Silta reads "
            f"({FORMAT_VERSION}): upgrade Silta to restore it."
        )
    try:
        counts = data["row_counts"]
        if not isinstance(counts, dict) or not all(
            isinstance(k, str) and type(v) is int and v >= 0 for k, v in counts.items()
        ):
            raise TypeError("row_counts")
        texts = ("dialect", "schema_revision", "payload", "payload_sha256", "server_version")
        for key in (*texts, "schema", "source"):
            if not isinstance(data.get(key, ""), str):
                raise TypeError(key)
        if data["dialect"] not in (SQLITE, POSTGRESQL):
            raise TypeError("dialect")
        # Names go into SQL on restore: only plain identifiers, as Silta's tables are.
        if not all(IDENTIFIER.fullmatch(n) for n in [*counts, data.get("schema") or "x"]):
            raise TypeError("table names")
        if not IDENTIFIER.fullmatch(data["schema_revision"]):
            raise TypeError("schema_revision")
        files = data.get("files", {})
        if not isinstance(files, dict) or not all(
            isinstance(k, str) and STORED_NAME.fullmatch(k) and isinstance(v, str)
            and SHA256.fullmatch(v)
            for k, v in files.items()
        ):  # fmt: skip
            raise TypeError("files")
        created = datetime.fromisoformat(data["created_at"])
        return BackupManifest(
            dialect=data["dialect"],
            schema_revision=data["schema_revision"],
            created_at=created if created.tzinfo else created.replace(tzinfo=UTC),
            row_counts=dict(counts),
            payload=data["payload"],
            payload_bytes=int(data.get("payload_bytes", 0)),
            payload_sha256=data.get("payload_sha256", ""),
            server_version=data.get("server_version", ""),
            schema=data.get("schema", ""),
            source=data.get("source", ""),
            files=dict(files),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise BackupError(f"{name} has a damaged manifest ({error}).") from None


def read_manifest(path: Path) -> BackupManifest:
    """The manifest of the backup at `path`, after checking the file is a Silta backup."""
    if path.is_dir():
        raise BackupError(f"{path} is a folder: give the backup file itself.")
    if not path.is_file():
        raise BackupError(f"{path} does not exist.")
    try:
        with zipfile.ZipFile(path) as archive:
            if MANIFEST not in archive.namelist():
                raise BackupError(f"{path} is not a Silta backup (it holds no {MANIFEST}).")
            data = json.loads(archive.read(MANIFEST).decode("utf-8"))
            manifest = _parse(data, str(path))
            names = set(archive.namelist())
            if manifest.payload not in names:
                raise BackupError(f"{path} is damaged: it lacks {manifest.payload}.")
            missing = [n for n in manifest.files if FILES + n not in names]
            if missing:
                raise BackupError(f"{path} is damaged: it lacks the file {missing[0]}.")
            return manifest
    except zipfile.BadZipFile:
        raise BackupError(f"{path} is not a Silta backup (not a backup archive).") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BackupError(f"{path} is not a Silta backup (unreadable manifest).") from None


def extract_payload(
    path: Path, manifest: BackupManifest, target: Path, progress: Progress | None = None
) -> Path:
    """Unpack the payload to `target`, refusing it if its checksum is not the manifest's."""
    digest = hashlib.sha256()
    done = 0
    try:
        with (
            zipfile.ZipFile(path) as archive,
            archive.open(manifest.payload) as source,
            target.open("wb") as out,
        ):
            while chunk := source.read(CHUNK):
                out.write(chunk)
                digest.update(chunk)
                done += len(chunk)
                if progress is not None:
                    progress("unpacking", done, max(manifest.payload_bytes, done))
    except (zipfile.BadZipFile, EOFError, zlib.error) as error:
        raise BackupError(f"{path} is damaged: {error}.") from None
    if digest.hexdigest() != manifest.payload_sha256 or done != manifest.payload_bytes:
        raise BackupError(f"{path} is damaged: its database part fails the checksum.")
    return target


def write_archive(
    path: Path,
    manifest: BackupManifest,
    payload: Path,
    *,
    compress: bool,
    files: list[Path] | None = None,
    progress: Progress | None = None,
) -> BackupManifest:
    """Write the backup to `path` through a temporary name, so a half-written file never
    carries the final name; returns the manifest with the payload's size and checksum and
    each of `files` (stored beside the database) with its own."""
    partial = path.with_name(f".{path.name}.partial")
    digest = hashlib.sha256()
    total = payload.stat().st_size
    done = 0
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    try:
        with zipfile.ZipFile(partial, "w", compression=method, compresslevel=6) as archive:
            entry = zipfile.ZipInfo(manifest.payload, manifest.created_at.timetuple()[:6])
            entry.compress_type = method
            with payload.open("rb") as source, archive.open(entry, "w") as out:
                while chunk := source.read(CHUNK):
                    out.write(chunk)
                    digest.update(chunk)
                    done += len(chunk)
                    if progress is not None:
                        progress("writing", done, total)
            kept = {}
            for file in files or []:
                data = file.read_bytes()
                archive.writestr(FILES + file.name, data, compress_type=zipfile.ZIP_STORED)
                kept[file.name] = hashlib.sha256(data).hexdigest()
            manifest = replace(
                manifest, payload_bytes=done, payload_sha256=digest.hexdigest(), files=kept
            )
            archive.writestr(MANIFEST, manifest.to_json(), compress_type=zipfile.ZIP_DEFLATED)
        with partial.open("rb") as written:
            os.fsync(written.fileno())
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return manifest


def extract_files(path: Path, manifest: BackupManifest, folder: Path) -> int:
    """Put the backup's evidence files into `folder` (each checked against its checksum first,
    then moved into place); returns how many."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with zipfile.ZipFile(path) as archive:
            for name, checksum in sorted(manifest.files.items()):
                data = archive.read(FILES + name)
                if hashlib.sha256(data).hexdigest() != checksum:
                    raise BackupError(f"{path} is damaged: the file {name} fails its checksum.")
                partial = folder / f".{name}.partial"
                partial.write_bytes(data)
                os.replace(partial, folder / name)
    except (zipfile.BadZipFile, KeyError, EOFError, zlib.error) as error:
        raise BackupError(f"{path} is damaged: {error}.") from None
    return len(manifest.files)
