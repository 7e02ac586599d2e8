"""Shared fixtures: a fresh, migrated database per test, on SQLite or on a real PostgreSQL.

Set `SILTA_TEST_POSTGRES_URL` (e.g. postgresql://postgres@127.0.0.1:5432/postgres) to run the
suite on PostgreSQL: each run and xdist worker gets its own database, migrated once and dropped
at the end, and every test starts from empty tables. Without it each test gets its own SQLite
file, copied from one migrated template. A test marked `@pytest.mark.demo(day)` starts instead
from a copy of the project with the demo world of `day`, seeded once per process by the real
`seed_demo` on the same server (a file copy on SQLite, `CREATE DATABASE … TEMPLATE` on
PostgreSQL); tests of seeding itself still call `seed_demo`.

What the PostgreSQL pass runs (the rule; the SQLite pass runs everything):
- It exists to catch database-server differences: SQL dialect, constraints, types and text
  storage (NUL, long and non-ASCII text, LIKE wildcards), determinism of ids and ordering,
  transactions and concurrency. So it runs every test that uses a database (the
  `database_url` fixture, directly or through engine/session/project/app) and the browser
  tests (the app set up and served on that server), except tests marked `once`.
- `once` marks a test whose outcome cannot depend on the server: wording and Finnish pages
  (core/i18n.py), who may open which page and where a forbidden address leads
  (core/access/navigation and the page guards), what a page renders from a string the server
  stored like any other (HTML/script/formula payloads, password hashes), URL parameters,
  browser layout (screen fit), property tests of pure arithmetic.
- Never `once`: tests of core queries, imports, exports (one case per export at least),
  migrations, concurrency, retention, backup, privacy on real data; and each page keeps at
  least one AppTest on PostgreSQL (security/test_roles opens every page as the manager, or as
  the one role allowed there).
- Tests that use no database and no browser are skipped there, as the SQLite run ran them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, select

from core.config import get_settings
from core.db import make_engine, reset_engines
from core.demo.seed import DemoSummary, seed_demo
from core.io.imports.importer import ImportReport, run_import
from core.models import Project
from core.project.definition import read_definition
from core.project.loading import DEFAULT_PROJECT_FILE, load_project
from core.schema import upgrade_database
from core.wiring import wire_sessions

# The listeners every session relies on (audit, period locks, data version…), as app.py and
# the command line register them.
wire_sessions()

POSTGRES_URL = os.environ.get("SILTA_TEST_POSTGRES_URL", "")
# The built embedding model is shared by all tests; only data and index move per test.
MODEL_DIR = str(get_settings().model_dir)


def pytest_report_header() -> str:
    return f"silta database: {'postgresql' if POSTGRES_URL else 'sqlite'}"


def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """Under `-n`, all browser tests form one unit of work for one worker: it prepares the
    demo app once and starts each server once (tests/browser/conftest.py), while the other
    worker runs everything else test by test. (xdist_group marks would say the same, but
    pytest-xdist 3.8 cannot rename pytest 9's node ids, so they have no effect.)"""
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class BrowserTestsTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return "tests/browser" if nodeid.startswith("tests/browser/") else nodeid

    return BrowserTestsTogether(config, log)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On PostgreSQL, run only what may differ by database server (the rule above)."""
    if not POSTGRES_URL:
        return
    same = pytest.mark.skip(reason="uses no database; the SQLite run covers it")
    once = pytest.mark.skip(reason="the same on any database server; the SQLite run covers it")
    for item in items:
        uses_database = "database_url" in getattr(item, "fixturenames", ())
        if item.get_closest_marker("once") is not None:
            item.add_marker(once)
        elif not uses_database and item.get_closest_marker("browser") is None:
            item.add_marker(same)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """The controlling process drops the browser tests' prepared PostgreSQL database."""
    if not POSTGRES_URL or os.environ.get("PYTEST_XDIST_WORKER"):
        return
    from tests.browser.conftest import browser_template_name

    _admin_execute(f'DROP DATABASE IF EXISTS "{browser_template_name()}" WITH (FORCE)')


def _worker() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "main")


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade_database(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def _postgres_url() -> Iterator[str]:
    admin = make_engine(POSTGRES_URL)
    # Unique per run and worker, so parallel runs on one server never share a database.
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID", "")[:8] or str(os.getpid())
    name = f"silta_test_{run}_{_worker()}"
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = POSTGRES_URL.rsplit("/", 1)[0] + f"/{name}"
    engine = make_engine(url)
    upgrade_database(engine)
    engine.dispose()
    yield url
    from core.db import reset_engines as _dispose_cached

    _dispose_cached()
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _truncate_all(engine: Engine) -> None:
    tables = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


def _admin_execute(*statements: str) -> None:
    admin = make_engine(POSTGRES_URL)
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        for statement in statements:
            connection.execute(text(statement))
    admin.dispose()


@dataclass(frozen=True)
class DemoTemplate:
    """A database holding the project and the demo world seeded on `day` (never used directly:
    tests get a copy), with what `seed_demo` reported."""

    url: str
    summary: DemoSummary


class _DemoTemplates:
    """The demo world of each day, seeded once per test process with `seed_demo` on this
    run's database server, for tests marked `@pytest.mark.demo(day)`."""

    def __init__(self, folder: Path, empty: Path | None, postgres_url: str) -> None:
        self.folder, self.empty, self.postgres_url = folder, empty, postgres_url
        self.made: dict[date, DemoTemplate] = {}

    def get(self, day: date) -> DemoTemplate:
        if day not in self.made:
            if self.postgres_url:
                name = f"{self.postgres_url.rsplit('/', 1)[1]}_demo_{day:%Y%m%d}"
                _admin_execute(
                    f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"'
                )
                url = self.postgres_url.rsplit("/", 1)[0] + f"/{name}"
            else:
                assert self.empty is not None
                path = self.folder / f"demo-{day:%Y%m%d}.db"
                shutil.copyfile(self.empty, path)
                url = f"sqlite:///{path}"
            # Settings name the template while it is seeded, so nothing that listens to
            # commits (the search index) can reach another test's database or folder.
            with pytest.MonkeyPatch.context() as env:
                env.setenv("DATABASE_URL", url)
                env.setenv("SILTA_DATA_DIR", str(self.folder / f"data-{day:%Y%m%d}"))
                env.setenv("SILTA_INDEX_DIR", str(self.folder / f"data-{day:%Y%m%d}" / "index"))
                get_settings.cache_clear()
                reset_engines()
                engine = make_engine(url)
                if self.postgres_url:
                    upgrade_database(engine)
                with Session(engine) as session:
                    load_project(read_definition(DEFAULT_PROJECT_FILE), session=session)
                    session.commit()
                summary = seed_demo(engine=engine, today=day)
                engine.dispose()
                reset_engines()
            get_settings.cache_clear()
            self.made[day] = DemoTemplate(url, summary)
        return self.made[day]

    def drop(self) -> None:
        if self.postgres_url:
            names = [t.url.rsplit("/", 1)[1] for t in self.made.values()]
            _admin_execute(*(f'DROP DATABASE IF EXISTS "{n}" WITH (FORCE)' for n in names))


@pytest.fixture(scope="session")
def _demo_templates(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[_DemoTemplates]:
    folder = tmp_path_factory.mktemp("demo")
    if POSTGRES_URL:
        templates = _DemoTemplates(folder, None, request.getfixturevalue("_postgres_url"))
    else:
        templates = _DemoTemplates(folder, request.getfixturevalue("_sqlite_template"), "")
    yield templates
    templates.drop()


def _demo_day(request: pytest.FixtureRequest) -> date | None:
    marker = request.node.get_closest_marker("demo")
    return None if marker is None else marker.args[0]


@pytest.fixture
def database_url(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """A migrated database that `get_engine()` and the app use for this test: empty, or for a
    test marked `@pytest.mark.demo(day)` a copy of the project with the demo world of `day`."""
    day = _demo_day(request)
    demo = request.getfixturevalue("_demo_templates").get(day) if day else None
    reset_engines()
    if POSTGRES_URL:
        url = request.getfixturevalue("_postgres_url")
        if demo is not None:  # a copy made by the server, as fast as a truncation
            name, template = url.rsplit("/", 1)[1], demo.url.rsplit("/", 1)[1]
            _admin_execute(
                f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
                f'CREATE DATABASE "{name}" TEMPLATE "{template}"',
            )
        else:
            engine = make_engine(url)
            _truncate_all(engine)
            engine.dispose()
    else:
        path = tmp_path / "silta.db"
        if demo is not None:
            shutil.copyfile(demo.url.removeprefix("sqlite:///"), path)
        else:
            shutil.copyfile(request.getfixturevalue("_sqlite_template"), path)
        url = f"sqlite:///{path}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SILTA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SILTA_MODEL_DIR", MODEL_DIR)
    monkeypatch.setenv("SILTA_INDEX_DIR", str(tmp_path / "data" / "index"))
    get_settings.cache_clear()
    reset_engines()
    yield url
    reset_engines()
    get_settings.cache_clear()


@pytest.fixture
def demo_summary(request: pytest.FixtureRequest, database_url: str) -> DemoSummary:
    """What `seed_demo` reported for the demo world a `@pytest.mark.demo(day)` test starts on."""
    day = _demo_day(request)
    assert day is not None, "demo_summary needs @pytest.mark.demo(day)"
    templates: _DemoTemplates = request.getfixturevalue("_demo_templates")
    return templates.get(day).summary


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    from core.db import get_engine

    yield get_engine()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as session:
        yield session


@pytest.fixture
def project(request: pytest.FixtureRequest, session: Session) -> Project:
    """The Oulu project, loaded from its definition file (already there in a demo world)."""
    if _demo_day(request) is not None:
        found = session.exec(select(Project)).one()
        session.commit()  # end the read, as loading does: no lock outlives the fixture
        return found
    loaded = load_project(read_definition(DEFAULT_PROJECT_FILE), session=session)
    session.commit()
    return loaded


Importer = Callable[..., ImportReport]


@pytest.fixture
def do_import(project: Project) -> Importer:
    """`do_import(data, name="f.xlsx", kind=None, write=True)`: an import into this test's
    database, through the same path as the page and the CLI."""

    def run(
        data: bytes, name: str = "file.xlsx", kind: str | None = None, write: bool = True
    ) -> ImportReport:
        return run_import(data, name, kind=kind, write=write)

    return run
