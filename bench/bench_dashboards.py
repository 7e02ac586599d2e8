"""Render every dashboard page with AppTest on demo data and on a large data set; print a table.

    .venv/bin/python bench/bench_dashboards.py                      # SQLite in a temporary folder
    .venv/bin/python bench/bench_dashboards.py postgresql://postgres@127.0.0.1:55432/silta_bench
    .venv/bin/python bench/bench_dashboards.py --large-only          # skip the demo data set
    .venv/bin/python bench/bench_dashboards.py --demo-only           # only the demo data set

The PostgreSQL URL names a scratch database server: two databases (URL name + "_demo" and
"_large") are dropped and created there. The large set is 100,000 participants and 1,000,000
attendance rows (bench/large_world.py). A page's time is `switch_page` + `run` as AppTest
measures it: "cold" after clearing Streamlit's caches (what the first viewer after a data change
waits), "warm" when the same view is opened again. Bars: ≤ 1 s on demo data, ≤ 3 s on the large
set. Each figure is the median of RUNS renders.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import streamlit as st  # noqa: E402
from sqlmodel import Session, select  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from bench.large_world import generate  # noqa: E402
from core.access.auth import SignedIn  # noqa: E402
from core.access.users import ensure_demo_users  # noqa: E402
from core.config import get_settings  # noqa: E402
from core.db import make_engine, reset_engines  # noqa: E402
from core.demo.seed import seed_demo  # noqa: E402
from core.models import User  # noqa: E402
from core.project.loading import DEFAULT_PROJECT_FILE, load_project_file  # noqa: E402
from core.schema import upgrade_database  # noqa: E402
from core.wiring import wire_sessions  # noqa: E402
from ui import USER_KEY, session_entry  # noqa: E402

# (page, meeting slide): the meeting opens on its first chart; "reach" is its heaviest.
PAGES = [
    ("partnerships", None),
    ("events", None),
    ("results", None),
    ("timeline", None),
    ("meeting", None),
    ("meeting", "reach"),
]
ROLES = ["manager", "steering"]
BARS = {"demo": 1.0, "large": 3.0}
RUNS = 3


def fresh_database(url: str | None, name: str, folder: Path) -> str:
    """A migrated database with the Oulu project loaded and nothing else; its URL."""
    if url is None:
        target = f"sqlite:///{folder / f'{name}.db'}"
    else:
        base = url.rsplit("/", 1)[0]
        database = f"{url.rsplit('/', 1)[1]}_{name}"
        admin = make_engine(f"{base}/postgres")
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{database}"'))
        admin.dispose()
        target = f"{base}/{database}"
    engine = make_engine(target)
    upgrade_database(engine)
    load_project_file(DEFAULT_PROJECT_FILE, engine=engine)
    engine.dispose()
    return target


def analyze(engine: Engine) -> None:
    """PostgreSQL's planner statistics, which autovacuum gathers within a minute of a bulk load
    in real use. SQLite keeps none unless asked, and Silta never asks, so neither does this."""
    if engine.dialect.name != "postgresql":
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("ANALYZE"))


def use(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    get_settings.cache_clear()
    reset_engines()


def signed_in(role: str) -> dict[str, object]:
    """The session entry the sign-in page leaves for the demo account of `role`."""
    with Session(make_engine(os.environ["DATABASE_URL"])) as db:
        ensure_demo_users(db)
        db.commit()
        user = db.exec(select(User).where(User.username == role)).one()
        return session_entry(SignedIn.of(user))


def render(page: str, slide: str | None, role: str, *, cold: bool) -> float:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    at.session_state[USER_KEY] = signed_in(role)
    if slide is not None:
        at.session_state["meeting_slide"] = slide
    at.run()
    if cold:
        st.cache_data.clear()
    start = time.perf_counter()
    at.switch_page(str(REPO / "pages" / f"{page}.py"))
    at.run()
    seconds = time.perf_counter() - start
    if at.exception:
        raise RuntimeError(f"{page} as {role}: {[e.value for e in at.exception]}")
    return seconds


def measure(dataset: str, backend: str) -> list[tuple[str, str, str, str, float, float]]:
    render("timeline", None, "manager", cold=True)  # imports, first connections: not counted
    rows = []
    for page, slide in PAGES:
        name = page if slide is None else f"{page}:{slide}"
        for role in ROLES:
            cold = statistics.median(render(page, slide, role, cold=True) for _ in range(RUNS))
            warm = statistics.median(render(page, slide, role, cold=False) for _ in range(RUNS))
            rows.append((backend, dataset, name, role, cold, warm))
            print(f"  {name:<15} {role:<9} cold {cold:5.2f} s  warm {warm:5.2f} s", flush=True)
    return rows


def main() -> None:
    wire_sessions()
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    url = args[0] if args else None
    backend = "postgresql" if url else "sqlite"
    as_of = date.today()
    results = []
    with tempfile.TemporaryDirectory() as folder:
        if "--large-only" not in sys.argv:
            demo = fresh_database(url, "demo", Path(folder))
            seed_demo(engine=make_engine(demo), today=as_of)
            use(demo)
            print(f"demo data on {backend}:", flush=True)
            results += measure("demo", backend)
        if "--demo-only" in sys.argv:
            print_table(results)
            return
        large = fresh_database(url, "large", Path(folder))
        engine = make_engine(large)
        start = time.perf_counter()
        counts = generate(engine, get_settings().project_code, as_of)
        print(f"large set on {backend}: {counts}, 1,000,000 attendance rows, "
              f"written in {time.perf_counter() - start:.0f} s", flush=True)  # fmt: skip
        analyze(engine)
        engine.dispose()
        use(large)
        results += measure("large", backend)
        reset_engines()
    print_table(results)


def print_table(rows: list[tuple[str, str, str, str, float, float]]) -> None:
    load = os.getloadavg()[0]
    print(f"\nPage render with AppTest (median of {RUNS}; load average {load:.1f} on "
          f"{os.cpu_count()} cores)")  # fmt: skip
    print(f"{'backend':<11}{'data':<7}{'page':<16}{'role':<10}{'cold s':>8}{'warm s':>8}  bar")
    for backend, dataset, page, role, cold, warm in rows:
        bar = BARS[dataset]
        verdict = "ok" if cold <= bar else "OVER"
        print(
            f"{backend:<11}{dataset:<7}{page:<16}{role:<10}{cold:>8.2f}{warm:>8.2f}"
            f"  ≤ {bar:.0f} s {verdict}"
        )


if __name__ == "__main__":
    main()
