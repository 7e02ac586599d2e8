"""Backups that restore: a demo database backed up while another connection writes, restored
into an empty database and compared table by table; refusals that keep the target intact.

Runs on SQLite, and on PostgreSQL when SILTA_TEST_POSTGRES_URL is set (then every backup
goes through the server's own pg_dump and pg_restore).
"""

from __future__ import annotations

import json
import os
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import inspect, select, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel

from core.cli.main import main
from core.db import make_engine
from core.demo.seed import seed_demo
from core.io.backup import BackupError, backup_database, read_manifest, restore_database
from core.io.backup import sqlite as sqlite_backup
from core.io.backup.pgtools import tool
from core.models import Project
from core.schema import alembic_config, current_revision, head_revision
from tests.conftest import POSTGRES_URL

TODAY = date(2026, 9, 1)
OLDER_REVISION = "ae218d1c944d"  # before the competence tables (company_need, report, …)
NewDatabase = Callable[[str], str]


@pytest.fixture
def new_database(database_url: str, tmp_path: Path) -> Iterator[NewDatabase]:
    """`new_database(name)`: the URL of a database of this run's kind with no tables at all."""
    admin = make_engine(POSTGRES_URL) if POSTGRES_URL else None
    created: list[str] = []

    def make(name: str) -> str:
        if admin is None:
            return f"sqlite:///{tmp_path / f'{name}.db'}"
        database = f"silta_backup_{name}_{os.getpid()}_{os.environ.get('PYTEST_XDIST_WORKER', 'm')}"
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{database}"'))
        created.append(database)
        return POSTGRES_URL.rsplit("/", 1)[0] + f"/{database}"

    yield make
    if admin is not None:
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            for database in created:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()


def table_rows(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every Silta table, in primary-key order."""
    with engine.connect() as connection:
        return {
            table.name: [
                tuple(row)
                for row in connection.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in SQLModel.metadata.sorted_tables
        }


class TickWriter(threading.Thread):
    """A second connection that keeps committing pairs of app_meta rows (tick-N-a, tick-N-b):
    a consistent copy holds both rows of a tick or neither, and only a prefix of the ticks."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.engine = make_engine(url)
        self.committed = 0
        self.stopping = threading.Event()
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            while not self.stopping.is_set():
                n = self.committed
                with self.engine.begin() as connection:
                    connection.execute(
                        text("INSERT INTO app_meta (key, value) VALUES (:a, 'a'), (:b, 'b')"),
                        {"a": f"tick-{n:05d}-a", "b": f"tick-{n:05d}-b"},
                    )
                self.committed = n + 1
                time.sleep(0.002)
        except BaseException as error:  # noqa: BLE001 (reported by the test thread)
            self.error = error

    def wait_beyond(self, count: int) -> None:
        deadline = time.monotonic() + 20
        while self.committed <= count:
            assert self.error is None and time.monotonic() < deadline, self.error
            time.sleep(0.005)

    def finish(self) -> None:
        self.stopping.set()
        self.join(20)
        self.engine.dispose()
        assert self.error is None, self.error


def split_ticks(rows: dict[str, list[tuple[Any, ...]]]) -> list[str]:
    """Take the writer's rows out of app_meta; returns their keys."""
    ticks = [row[0] for row in rows["app_meta"] if str(row[0]).startswith("tick-")]
    rows["app_meta"] = [row for row in rows["app_meta"] if not str(row[0]).startswith("tick-")]
    return ticks


@pytest.mark.demo(TODAY)
def test_round_trip_while_another_connection_writes(
    database_url: str,
    engine: Engine,
    project: Project,
    new_database: NewDatabase,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sqlite_backup, "PAGES_PER_STEP", 8)  # many steps: writes land between
    writer = TickWriter(database_url)
    writer.start()
    writer.wait_beyond(3)
    during: dict[str, int] = {}

    def progress(step: str, done: int, total: int) -> None:
        # The first step of the copy (or of pg_dump's tables): let one more tick commit now.
        if step in ("copying", "dumping") and not during and done < total:
            during["tick"] = writer.committed
            writer.wait_beyond(writer.committed)

    try:
        path, manifest = backup_database(
            tmp_path / "silta.zip", url=database_url, progress=progress
        )
        writer.wait_beyond(writer.committed)  # and keep writing after the backup
    finally:
        writer.finish()
    assert during, "the backup finished before any write could land in the middle of it"

    target = new_database("restored")
    result = restore_database(path, url=target)
    assert result.replaced_rows == 0 and result.migrated_to is None

    restored_engine = make_engine(target)
    try:
        source, restored = table_rows(engine), table_rows(restored_engine)
    finally:
        restored_engine.dispose()
    source_ticks, restored_ticks = split_ticks(source), split_ticks(restored)
    # Whole transactions only, a prefix of them, none committed after the copy began.
    ticks = len(restored_ticks) // 2
    assert sorted(restored_ticks) == [f"tick-{n:05d}-{h}" for n in range(ticks) for h in "ab"]
    assert 3 <= ticks <= during["tick"] < len(source_ticks) // 2
    assert restored == source  # every other row of every table, as it was
    assert len(source["participant"]) > 200 and len(source["audit_log"]) > 500
    counted = {name: len(rows) for name, rows in restored.items()}
    counted["app_meta"] += len(restored_ticks)
    assert manifest.row_counts == counted
    assert set(manifest.row_counts) == {t.name for t in SQLModel.metadata.sorted_tables}


def test_restore_refuses_a_database_that_holds_data_unless_forced(
    database_url: str, engine: Engine, project: Project, tmp_path: Path
) -> None:
    path, _ = backup_database(tmp_path / "project.zip", url=database_url)
    seed_demo(engine=engine, today=TODAY)
    before = table_rows(engine)
    with pytest.raises(BackupError, match=r"not empty \(.*rows.*add --force"):
        restore_database(path, url=database_url)
    assert table_rows(engine) == before
    result = restore_database(path, url=database_url, force=True)
    assert result.replaced_rows == sum(len(rows) for rows in before.values())
    after = table_rows(engine)
    assert after["participant"] == [] and after["project"] == before["project"]


def test_a_failed_restore_leaves_the_database_as_it_was(
    database_url: str, engine: Engine, project: Project, tmp_path: Path
) -> None:
    """The manifest promises one row more than the backup holds: SQLite notices before
    writing, PostgreSQL at the end of its one transaction; either way nothing changes."""
    path, manifest = backup_database(tmp_path / "project.zip", url=database_url)
    counts = manifest.row_counts | {"project": manifest.row_counts["project"] + 1}
    bad = _rewrite(path, tmp_path / "bad.zip", row_counts=counts)
    seed_demo(engine=engine, today=TODAY)
    before = table_rows(engine)
    with pytest.raises(BackupError, match=r"does not match its manifest|project holds 1 rows"):
        restore_database(bad, url=database_url, force=True)
    assert table_rows(engine) == before


def _rewrite(source: Path, target: Path, **changes: Any) -> Path:
    """A copy of a backup with manifest fields changed (None: the field removed)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "manifest.json":
                manifest = json.loads(data) | changes
                data = json.dumps({k: v for k, v in manifest.items() if v is not None}).encode()
            new.writestr(item, data)
    return target


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"format": "other"}, "is not a Silta backup"),
        ({"format_version": 2}, "newer than this Silta reads"),
        ({"schema_revision": "ffffffffffff"}, "comes from a newer Silta"),
        ({"row_counts": {"participant; DROP": 1}}, "damaged manifest"),
        ({"payload_sha256": "0" * 64}, "fails the checksum"),
        ({"created_at": None}, "damaged manifest"),
        ({"dialect": "postgresql" if not POSTGRES_URL else "sqlite"}, "backup but the database"),
    ],
)
def test_restore_refuses_a_bad_manifest_before_touching_the_target(
    database_url: str,
    project: Project,
    new_database: NewDatabase,
    tmp_path: Path,
    changes: dict[str, Any],
    message: str,
) -> None:
    good, _ = backup_database(tmp_path / "good.zip", url=database_url)
    bad = _rewrite(good, tmp_path / "bad.zip", **changes)
    target = new_database("untouched")
    with pytest.raises(BackupError, match=message):
        restore_database(bad, url=target)
    assert current_revision(make_engine(target)) is None  # nothing was created there


def test_restore_refuses_files_that_are_not_backups(
    database_url: str, project: Project, new_database: NewDatabase, tmp_path: Path
) -> None:
    target = new_database("untouched")
    database_file = tmp_path / "silta.db"
    database_file.write_bytes(b"SQLite format 3\x00" + bytes(4096))
    no_manifest = tmp_path / "other.zip"
    with zipfile.ZipFile(no_manifest, "w") as archive:
        archive.writestr("database.sqlite3", b"x")
    for path, reason in [
        (database_file, "not a backup archive"),
        (no_manifest, "holds no manifest.json"),
        (tmp_path / "missing.zip", "does not exist"),
    ]:
        with pytest.raises(BackupError, match=reason):
            restore_database(path, url=target)
    assert current_revision(make_engine(target)) is None


def test_an_older_backup_is_migrated_after_the_restore(
    new_database: NewDatabase, tmp_path: Path
) -> None:
    old_url, target = new_database("old"), new_database("migrated")
    old = make_engine(old_url)
    config = alembic_config()
    with old.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, OLDER_REVISION)
        connection.execute(text("INSERT INTO app_meta (key, value) VALUES ('kept', 'yes')"))
    old.dispose()
    path, manifest = backup_database(tmp_path / "old.zip", url=old_url)
    assert manifest.schema_revision == OLDER_REVISION
    assert "company_need" not in manifest.row_counts

    result = restore_database(path, url=target)
    assert result.migrated_to == head_revision()
    restored = make_engine(target)
    try:
        assert current_revision(restored) == head_revision()
        rows = table_rows(restored)  # every table of the current models exists now
    finally:
        restored.dispose()
    assert rows["app_meta"] == [("kept", "yes")] and rows["company_need"] == []


def test_missing_tools_are_named_with_the_version_to_install() -> None:
    with pytest.raises(BackupError, match=r"pg_dump for PostgreSQL 99 .*postgresql-client-99"):
        tool("pg_dump", 99)


@pytest.mark.demo(TODAY)
def test_commands_back_up_restore_and_refresh_the_search_index(
    database_url: str,
    engine: Engine,
    project: Project,
    new_database: NewDatabase,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from core.config import get_settings
    from core.db import reset_engines, session_scope
    from core.search.live import forget_loaded_indexes, index_status
    from core.search.records import searchable_records
    from core.search.store import IndexManifest

    monkeypatch.setenv("SILTA_EMBEDDER", "hashing")  # plumbing: the index, not its quality
    get_settings.cache_clear()
    file = tmp_path / "backups" / "silta.zip"
    file.parent.mkdir()
    assert main(["backup", str(file)]) == 0
    out = capsys.readouterr().out
    assert "Backed up" in out and str(file) in out
    assert main(["backup", str(file)]) == 2
    assert (
        capsys.readouterr()
        .err.strip()
        .endswith("already exists: choose another name, or add --force.")
    )

    monkeypatch.setenv("DATABASE_URL", new_database("cli"))
    get_settings.cache_clear()
    reset_engines()
    forget_loaded_indexes()
    assert main(["restore", str(file)]) == 0
    out = capsys.readouterr().out
    rows = read_manifest(file).rows
    assert f"Restored {rows:,} rows" in out and "Search index checked" in out
    with session_scope() as session:
        searchable = len(list(searchable_records(session)))
        assert index_status(session).state == "ready"
    saved = IndexManifest.read(get_settings().index_dir)
    assert saved is not None and saved.profiles == searchable > 100

    assert main(["restore", str(file)]) == 2  # now it holds data
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: the database at") and "--force" in err and "\n" not in err
    bad = tmp_path / "notes.txt"
    bad.write_text("not a backup", encoding="utf-8")
    assert main(["restore", "--force", str(bad)]) == 2
    assert (
        capsys.readouterr().err.strip()
        == f"error: {bad} is not a Silta backup (not a backup archive)."
    )


@pytest.mark.demo(TODAY)
def test_restore_updates_an_index_whose_data_version_happens_to_match(
    database_url: str,
    engine: Engine,
    project: Project,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The index was built from other data carrying the backup's data version: a restore
    must not trust the version, and re-checks each profile (only the changed one moves)."""
    from sqlmodel import col
    from sqlmodel import select as select_models

    from core.config import get_settings
    from core.db import session_scope
    from core.meta import data_version
    from core.models import CompetenceProfile
    from core.search.live import IndexState, ensure_index, index_status

    monkeypatch.setenv("SILTA_EMBEDDER", "hashing")
    get_settings.cache_clear()
    file = tmp_path / "silta.zip"
    assert main(["backup", str(file)]) == 0
    with session_scope() as session:
        version = data_version(session)
        consenting = col(CompetenceProfile.consent_search).is_(True)
        profile = session.exec(select_models(CompetenceProfile).where(consenting)).first()
        assert profile is not None
        profile.skills = "Underwater basket weaving"
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE app_meta SET value = :v WHERE key = 'data_version'"), {"v": str(version)}
        )
    ensure_index()
    with session_scope() as session:
        assert index_status(session).state is IndexState.READY  # the version alone agrees
    capsys.readouterr()

    assert main(["restore", "--force", str(file)]) == 0
    assert "0 added, 1 updated, 0 removed" in capsys.readouterr().out


def test_evidence_files_go_into_the_backup_and_come_back_checked(
    database_url: str, session: Session, project: Project, new_database: NewDatabase, tmp_path: Path
) -> None:
    from core.activities.files import attach_file, files_dir, read_file
    from core.activities.records import ActivityInput, save_activity

    activity = save_activity(session, project, ActivityInput(
        work_package="T1.1", kind="interview", title="Interview", activity_date=TODAY,
    ))  # fmt: skip
    session.flush()
    memo = b"%PDF-1.4 interview memo"
    kept = attach_file(session, project, int(activity.id or 0), "memo.pdf", memo)
    session.commit()
    (files_dir() / "notes.txt").write_text("not Silta's")  # a stranger's file is not taken

    path, manifest = backup_database(tmp_path / "silta.zip", url=database_url)
    assert list(manifest.files) == [kept.stored_name]
    (files_dir() / kept.stored_name).unlink()

    restore_database(path, url=new_database("restored"))
    assert (files_dir() / kept.stored_name).read_bytes() == memo
    assert read_file(session, project, int(kept.id or 0)) == ("memo.pdf", memo)

    def rewritten(name: str, change: Callable[[dict[str, Any], dict[str, bytes]], None]) -> Path:
        with zipfile.ZipFile(path) as archive:
            data = json.loads(archive.read("manifest.json"))
            members = {n: archive.read(n) for n in archive.namelist() if n != "manifest.json"}
        change(data, members)
        bad = tmp_path / f"{name}.zip"
        with zipfile.ZipFile(bad, "w") as archive:
            archive.writestr("manifest.json", json.dumps(data))
            for member, content in members.items():
                archive.writestr(member, content)
        return bad

    def escape(data: dict[str, Any], members: dict[str, bytes]) -> None:
        data["files"] = {"../../evil.pdf": data["files"][kept.stored_name]}
        members["files/../../evil.pdf"] = memo

    with pytest.raises(BackupError, match="damaged manifest \\(files\\)"):
        restore_database(rewritten("escape", escape), url=new_database("escape"))

    def swap(data: dict[str, Any], members: dict[str, bytes]) -> None:
        members[f"files/{kept.stored_name}"] = b"%PDF-1.4 forged"

    untouched = new_database("swap")
    with pytest.raises(BackupError, match=f"the file {kept.stored_name} fails its checksum"):
        restore_database(rewritten("swap", swap), url=untouched, force=True)
    assert (files_dir() / kept.stored_name).read_bytes() == memo
    checked = make_engine(untouched)
    try:  # refused before the database was touched
        assert inspect(checked).get_table_names() == []
    finally:
        checked.dispose()
    assert not (tmp_path.parent / "evil.pdf").exists()
