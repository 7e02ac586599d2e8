"""Time `seed_demo` (median of 3, fresh database each run) and print what it wrote.

    .venv/bin/python bench/bench_demo.py                      # SQLite in a temporary folder
    .venv/bin/python bench/bench_demo.py postgresql://u:p@host/db   # a scratch PostgreSQL
The PostgreSQL database named in the URL is dropped and created again for every run.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, func, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.db import make_engine
from core.demo.seed import DemoSummary, seed_demo
from core.project.loading import DEFAULT_PROJECT_FILE, load_project_file
from core.schema import upgrade_database
from core.wiring import wire_sessions

AS_OF = date(2026, 11, 23)
RUNS = 3


def fresh_engine(url: str | None, run: int, folder: Path) -> Engine:
    """A migrated database with the Oulu project loaded and nothing else."""
    if url is None:
        engine = make_engine(f"sqlite:///{folder / f'bench-{run}.db'}")
    else:
        base, name = url.rsplit("/", 1)
        admin = make_engine(f"{base}/postgres")
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        engine = make_engine(url)
    upgrade_database(engine)
    load_project_file(DEFAULT_PROJECT_FILE, engine=engine)
    return engine


def row_counts(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        return {
            table.name: int(session.exec(select(func.count()).select_from(table)).one())
            for table in SQLModel.metadata.sorted_tables
        }


def main() -> None:
    wire_sessions()
    url = sys.argv[1] if len(sys.argv) > 1 else None
    seconds: list[float] = []
    summary: DemoSummary | None = None
    with tempfile.TemporaryDirectory() as folder:
        for run in range(RUNS):
            engine = fresh_engine(url, run, Path(folder))
            start = time.perf_counter()
            summary = seed_demo(engine=engine, today=AS_OF)
            seconds.append(time.perf_counter() - start)
            counts = row_counts(engine)
            engine.dispose()
    assert summary is not None
    backend = "postgresql" if url else "sqlite"
    print(f"seed_demo on {backend}: median {statistics.median(seconds):.2f} s "
          f"(runs: {', '.join(f'{s:.2f}' for s in seconds)}; bar ≤ 10 s)")  # fmt: skip
    print(summary)
    print("Rows per table:")
    for name, count in counts.items():
        print(f"  {name:<20} {count:>6}")


if __name__ == "__main__":
    main()
