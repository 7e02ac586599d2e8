"""`python -m core backup FILE` and `restore FILE` (registered in `core.cli.main`)."""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from pathlib import Path

from core.cli.base import command, count_bar, fail, say
from core.config import get_settings
from core.io.backup import BackupError, backup_database, database_label, restore_database
from core.io.backup.archive import Progress

# What each step of a backup or restore counts (core.io.backup reports (step, done, total)).
UNITS = {"copying": "page", "restoring": "page", "dumping": "table", "writing": "B",
         "unpacking": "B", "loading": "row"}  # fmt: skip


def progress_bars() -> Progress:
    """One tqdm bar per step, in that step's unit."""
    bars: dict[str, Callable[[int, int], None]] = {}

    def report(step: str, done: int, total: int) -> None:
        if step not in bars:
            unit = UNITS.get(step, "item")
            bars[step] = count_bar(step, unit, scale=unit == "B")
        bars[step](done, total)

    return report


def _backup_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the backup to write (.zip); a folder gets a dated name")
    parser.add_argument("--force", action="store_true", help="replace an existing file")


@command(
    "backup",
    "write a consistent backup of the database to FILE (safe while the app runs)",
    _backup_arguments,
)
def backup_command(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    destination = Path(args.file)
    if args.file.endswith(("/", os.sep)):
        destination.mkdir(parents=True, exist_ok=True)  # a folder: the backup gets a dated name
    try:
        path, manifest = backup_database(
            destination, overwrite=args.force, progress=progress_bars()
        )
    except BackupError as error:
        return fail(str(error))
    size = path.stat().st_size / 1e6
    say(
        f"Backed up {manifest.rows:,} rows in {len(manifest.row_counts)} tables (schema "
        f"{manifest.schema_revision}) to {path} ({size:.1f} MB) in "
        f"{time.perf_counter() - started:.1f} s."
    )
    return 0


def _restore_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="a backup written by `python -m core backup`")
    parser.add_argument(
        "--force", action="store_true", help="replace a database that already holds data"
    )


@command(
    "restore",
    "restore a backup into an empty database (--force: replace its data), migrate it to the "
    "current schema and bring the search index in line",
    _restore_arguments,
)
def restore_command(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    try:
        result = restore_database(Path(args.file), force=args.force, progress=progress_bars())
    except BackupError as error:
        return fail(str(error))
    manifest = result.manifest
    where = database_label(get_settings().database_url)
    say(
        f"Restored {manifest.rows:,} rows in {len(manifest.row_counts)} tables from "
        f"{args.file} (made {manifest.created_at:%Y-%m-%d %H:%M} UTC) into {where} in "
        f"{time.perf_counter() - started:.1f} s."
    )
    if result.replaced_rows:
        say(f"Replaced the {result.replaced_rows:,} rows the database held before.")
    if result.migrated_to:
        say(f"Schema migrated from {manifest.schema_revision} to {result.migrated_to}.")
    _refresh_search_index()
    return 0


def _refresh_search_index() -> None:
    """The saved index may describe other data with the same data version: check each
    profile against it (unchanged ones are not embedded again)."""
    from core.cli.search import tqdm_progress
    from core.search.live import refresh_index

    started = time.perf_counter()
    stats = refresh_index(progress=tqdm_progress())
    say(f"Search index checked in {time.perf_counter() - started:.1f} s: {stats}.")
