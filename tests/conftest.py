"""Shared fixtures: a fresh, migrated database per test, on SQLite or on a real PostgreSQL.

Set `SILTA_TEST_POSTGRES_URL` (e.g. postgresql://postgres@127.0.0.1:5432/postgres) to run the
suite on PostgreSQL: each run and xdist worker gets its own database, migrated once and dropped
at the end, and every test starts from empty tables; tests that use no database (and no
browser) are skipped there, as the SQLite run already ran them. Without it each test gets its
own SQLite file, copied from one migrated template.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel

from core.config import get_settings
from core.db import make_engine, reset_engines
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


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On PostgreSQL, run only what touches a database: the rest ran the same on SQLite."""
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


@pytest.fixture
def database_url(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """A migrated, empty database that `get_engine()` and the app use for this test."""
    if POSTGRES_URL:
        url = request.getfixturevalue("_postgres_url")
        engine = make_engine(url)
        _truncate_all(engine)
        engine.dispose()
    else:
        template = request.getfixturevalue("_sqlite_template")
        path = tmp_path / "silta.db"
        shutil.copyfile(template, path)
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
def engine(database_url: str) -> Iterator[Engine]:
    from core.db import get_engine

    yield get_engine()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as session:
        yield session


@pytest.fixture
def project(session: Session) -> Project:
    """The Oulu project, loaded from its definition file."""
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
