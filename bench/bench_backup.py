"""Time a backup and a restore of the demo database on SQLite (and PostgreSQL if given).

    .venv/bin/python bench/bench_backup.py [--postgres postgresql://postgres@127.0.0.1:5432/postgres]
        [--repeat 5] [--today 2026-12-04]

The demo world is seeded into scratch databases (a temporary SQLite file; with --postgres two
databases created on that server and dropped at the end). Times are the core functions alone
(no Python start-up, no search index check), median of --repeat runs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text

from core.db import make_engine, session_scope
from core.demo.seed import seed_demo
from core.io.backup import backup_database, restore_database
from core.project.definition import read_definition
from core.project.loading import DEFAULT_PROJECT_FILE, load_project
from core.schema import upgrade_database


def seeded(url: str, today: date) -> None:
    engine = make_engine(url)
    upgrade_database(engine)
    with session_scope(engine) as session:
        load_project(read_definition(DEFAULT_PROJECT_FILE), session=session)
    seed_demo(engine=engine, today=today)
    engine.dispose()


def measure(label: str, source: str, target: str, folder: Path, repeat: int) -> None:
    backups, restores = [], []
    for run in range(repeat):
        started = time.perf_counter()
        path, manifest = backup_database(folder / f"{label}-{run}.zip", url=source)
        backups.append(time.perf_counter() - started)
        started = time.perf_counter()
        restore_database(path, url=target, force=True)
        restores.append(time.perf_counter() - started)
    size = path.stat().st_size / 1e6
    print(
        f"{label:<11} {manifest.rows:>7,} rows  {size:5.2f} MB  "
        f"backup {statistics.median(backups):5.2f} s  restore {statistics.median(restores):5.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", help="an admin URL of a PostgreSQL server to use")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--today", default="2026-12-04")
    args = parser.parse_args()
    today = date.fromisoformat(args.today)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        source = f"sqlite:///{folder / 'source.db'}"
        seeded(source, today)
        measure("SQLite", source, f"sqlite:///{folder / 'target.db'}", folder, args.repeat)
        if args.postgres:
            admin = make_engine(args.postgres)
            names = ["silta_bench_backup_source", "silta_bench_backup_target"]
            with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
                for name in names:
                    c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                    c.execute(text(f'CREATE DATABASE "{name}"'))
            base = args.postgres.rsplit("/", 1)[0]
            try:
                seeded(f"{base}/{names[0]}", today)
                measure(
                    "PostgreSQL", f"{base}/{names[0]}", f"{base}/{names[1]}", folder, args.repeat
                )
            finally:
                with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
                    for name in names:
                        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()


if __name__ == "__main__":
    main()
