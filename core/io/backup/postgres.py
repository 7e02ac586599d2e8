"""PostgreSQL backups with the server's own `pg_dump` and `pg_restore` (same major version).

A dump reads one exported snapshot, the same one the manifest's row counts come from. A
restore is one transaction: `pg_restore` writes SQL that `psql --single-transaction` runs
after dropping what the schema held and before checking the restored row counts, so a
failure anywhere leaves the database as it was.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path
from typing import IO

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from core.io.backup.archive import BackupError, BackupManifest, Progress, quote
from core.io.backup.pgtools import Server, libpq, server, tool

LOCK_TIMEOUT = "30s"  # a restore waits this long for the app's open transactions, then stops
ROWS_PER_REPORT = 2000


def count_rows(connection: Connection, schema: str) -> dict[str, int]:
    """Rows per table of `schema`, Alembic's bookkeeping left out."""
    names = connection.execute(
        text(
            "SELECT tablename FROM pg_tables WHERE schemaname = :schema "
            "AND tablename <> 'alembic_version' ORDER BY tablename"
        ),
        {"schema": schema},
    ).scalars()
    return {
        name: int(
            connection.execute(
                text(f"SELECT count(*) FROM {quote(schema)}.{quote(name)}")  # noqa: S608 (quoted catalog names)
            ).scalar_one()
        )
        for name in list(names)
    }


def table_rows(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        schema = str(connection.execute(text("SELECT current_schema()")).scalar_one())
        return count_rows(connection, schema)


def _revision(connection: Connection, schema: str) -> str | None:
    exists = connection.execute(
        text("SELECT 1 FROM pg_tables WHERE schemaname = :s AND tablename = 'alembic_version'"),
        {"s": schema},
    ).first()
    if exists is None:
        return None
    query = f"SELECT version_num FROM {quote(schema)}.alembic_version"  # noqa: S608
    revision = connection.execute(text(query)).scalar()
    return str(revision) if revision else None


def dump(
    engine: Engine, payload: Path, progress: Progress | None
) -> tuple[str, dict[str, int], Server]:
    """`pg_dump` Silta's schema to `payload`; returns the revision and row counts it holds."""
    found = server(engine)
    pg_dump = tool("pg_dump", found.major)
    uri, env = libpq(engine.url)
    with (
        engine.connect().execution_options(
            isolation_level="REPEATABLE READ", postgresql_readonly=True
        ) as connection,
        connection.begin(),
    ):
        # First statement: the exported snapshot is this transaction's, so the counts
        # below and pg_dump's data are the same moment of the database.
        snapshot = str(connection.execute(text("SELECT pg_export_snapshot()")).scalar_one())
        revision = _revision(connection, found.schema)
        if revision is None:
            raise BackupError("the database holds no Silta schema (run `python -m core migrate`).")
        counts = count_rows(connection, found.schema)
        arguments = [
            pg_dump,
            "--format=custom",
            f"--schema={found.schema}",
            f"--snapshot={snapshot}",
            "--verbose",
            f"--file={payload}",
            f"--dbname={uri}",
        ]
        _run_dump(arguments, env, len(counts) + 1, progress)
    return revision, counts, found


def _run_dump(
    arguments: list[str], env: dict[str, str], tables: int, progress: Progress | None
) -> None:
    process = subprocess.Popen(
        arguments, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True
    )
    assert process.stderr is not None
    done, problems = 0, []
    for line in process.stderr:  # verbose: one "dumping contents of table" line per table
        if "dumping contents of table" in line:
            done += 1
            if progress is not None:
                progress("dumping", min(done, tables), tables)
        elif "error:" in line.lower():
            problems.append(line.strip())
    if process.wait() != 0:
        raise BackupError(f"pg_dump failed: {problems[0] if problems else process.returncode}")


def _clearing(connection: Connection, schema: str) -> list[str]:
    """DROP statements for everything `schema` holds, so the restore starts from nothing."""
    rows = connection.execute(
        text(
            """
            SELECT 1, format('DROP VIEW IF EXISTS %I.%I CASCADE;', schemaname, viewname)
              FROM pg_views WHERE schemaname = :schema
            UNION ALL
            SELECT 2, format('DROP TABLE IF EXISTS %I.%I CASCADE;', schemaname, tablename)
              FROM pg_tables WHERE schemaname = :schema
            UNION ALL
            SELECT 3, format('DROP SEQUENCE IF EXISTS %I.%I CASCADE;', schemaname, sequencename)
              FROM pg_sequences WHERE schemaname = :schema
            UNION ALL
            SELECT 4, format('DROP ROUTINE IF EXISTS %I.%I(%s) CASCADE;', n.nspname, p.proname,
                             pg_get_function_identity_arguments(p.oid))
              FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = :schema AND p.prokind IN ('f', 'p') AND NOT EXISTS (
                   SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
            UNION ALL
            SELECT 5, format('DROP TYPE IF EXISTS %I.%I CASCADE;', n.nspname, t.typname)
              FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
             WHERE n.nspname = :schema AND t.typtype IN ('e', 'd', 'r') AND NOT EXISTS (
                   SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')
            ORDER BY 1
            """
        ),
        {"schema": schema},
    )
    return [str(row[1]) for row in rows]


def _verification(manifest: BackupManifest, schema: str) -> str:
    """A DO block, run last in the restore's transaction, that fails it unless the schema
    holds exactly the backup's tables, row counts and revision. Table names, schema and
    revision are plain identifiers (checked when the manifest is read), counts integers."""
    expected = ", ".join(f"('{table}', {rows})" for table, rows in manifest.row_counts.items())
    return f"""DO $silta_check$
DECLARE expected record; found bigint;
BEGIN
  FOR expected IN SELECT * FROM (VALUES {expected or "(NULL, 0)"}) AS e(name, rows)
                  WHERE name IS NOT NULL LOOP
    EXECUTE format('SELECT count(*) FROM %I.%I', '{schema}', expected.name) INTO found;
    IF found <> expected.rows THEN
      RAISE EXCEPTION 'table % holds % rows, the backup %', expected.name, found, expected.rows;
    END IF;
  END LOOP;
  IF (SELECT count(*) FROM pg_tables WHERE schemaname = '{schema}'
      AND tablename <> 'alembic_version') <> {len(manifest.row_counts)} THEN
    RAISE EXCEPTION 'the restored schema holds other tables than the backup';
  END IF;
  IF (SELECT max(version_num) FROM {quote(schema)}.alembic_version)
     IS DISTINCT FROM '{manifest.schema_revision}' THEN
    RAISE EXCEPTION 'the restored schema revision is not the backup''s';
  END IF;
END $silta_check$;
"""  # noqa: S608 (identifiers and revision validated in archive._parse)


def restore(
    payload: Path, engine: Engine, manifest: BackupManifest, progress: Progress | None
) -> None:
    """Replace everything in the backup's schema with the backup, in one transaction."""
    found = server(engine)
    if manifest.server_major > found.major:
        raise BackupError(
            f"the backup comes from PostgreSQL {manifest.server_major}; this server runs "
            f"{found.major}: restore it into PostgreSQL {manifest.server_major} or newer."
        )
    pg_restore, psql = tool("pg_restore", found.major), tool("psql", found.major)
    schema = manifest.schema or found.schema
    with engine.connect() as connection:
        clearing = _clearing(connection, schema)
        exists = connection.execute(
            text("SELECT 1 FROM pg_namespace WHERE nspname = :s"), {"s": schema}
        ).first()
    uri, env = libpq(engine.url)
    listing = _restore_list(pg_restore, payload, schema, env)
    # Only when missing: creating a schema takes a right the database's owner may not have.
    create = [] if exists else [f"CREATE SCHEMA {quote(schema)};"]
    head = [f"SET lock_timeout = '{LOCK_TIMEOUT}';", *create]
    with tempfile.TemporaryFile() as restore_errors, tempfile.TemporaryFile() as psql_errors:
        source = subprocess.Popen(
            [pg_restore, "--no-owner", "--no-privileges", f"--use-list={listing}", "--file=-",
             str(payload)],
            stdout=subprocess.PIPE, stderr=restore_errors, env=env,
        )  # fmt: skip
        sink = subprocess.Popen(
            [psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", "--file=-",
             f"--dbname={uri}"],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=psql_errors, env=env,
        )  # fmt: skip
        assert source.stdout is not None and sink.stdin is not None
        try:
            sink.stdin.write("\n".join([*head, *clearing, ""]).encode())
            _pump(source.stdout, sink.stdin, manifest.rows, progress)
            if source.wait() != 0:
                # psql would commit what it got so far: make the transaction fail instead.
                sink.stdin.write(b"DO $$ BEGIN RAISE EXCEPTION 'pg_restore failed'; END $$;\n")
            else:
                sink.stdin.write(_verification(manifest, schema).encode())
            sink.stdin.close()
        except BrokenPipeError:
            source.kill()  # psql stopped at an error; its message says which
        source.wait()
        if sink.wait() != 0:
            raise BackupError(f"restore failed, nothing was changed: {_first_error(psql_errors)}")
        if source.returncode != 0:
            raise BackupError(f"pg_restore failed: {_first_error(restore_errors)}")


def _restore_list(pg_restore: str, payload: Path, schema: str, env: dict[str, str]) -> Path:
    """The archive's table of contents without the schema itself (and its comment): the
    schema is kept or created, as the database owner may be the only one allowed to."""
    listing = subprocess.run(
        [pg_restore, "--list", str(payload)], capture_output=True, text=True, env=env, check=False
    )
    if listing.returncode != 0:
        raise BackupError(f"pg_restore cannot read the backup: {listing.stderr.strip()}")
    own = re.compile(rf"^\d+; \d+ \d+ (SCHEMA - |COMMENT - SCHEMA ){re.escape(schema)} ")
    kept = [line for line in listing.stdout.splitlines() if not own.match(line)]
    path = payload.with_suffix(".list")
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return path


def _pump(source: IO[bytes], sink: IO[bytes], rows: int, progress: Progress | None) -> None:
    """Copy pg_restore's SQL into psql, counting COPY data lines (one per row) for the bar."""
    in_copy, done = False, 0
    for line in source:
        sink.write(line)
        if in_copy:
            if line == b"\\.\n":
                in_copy = False
            else:
                done += 1
                if progress is not None and done % ROWS_PER_REPORT == 0:
                    progress("loading", done, max(rows, done))
        elif line.startswith(b"COPY "):
            in_copy = True
    if progress is not None:
        progress("loading", max(rows, done), max(rows, done))


def _first_error(log: IO[bytes]) -> str:
    log.seek(0)
    lines = log.read().decode("utf-8", "replace").splitlines()
    for line in lines:
        if "ERROR:" in line:
            return line.split("ERROR:", 1)[1].strip()
        if "error:" in line:
            return line.split("error:", 1)[1].strip()
    return lines[0].strip() if lines else "no message"
