"""Browser tests: start Silta the way README does (`make run`) and drive Debian's Chromium.

Each server gets its own port and a copy of one demo database and data folder that `make setup`
prepared; Chromium is never downloaded: Playwright drives /usr/bin/chromium. Without Chromium
these tests are skipped, unless SILTA_REQUIRE_BROWSER=1 (set by .ci/run), where a missing
browser is a failure.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
START_TIMEOUT_S = 600  # the first start may build the model and the index


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_serving(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"`make run` exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(1)
    raise TimeoutError(f"Silta did not start within {START_TIMEOUT_S} s:\n{log.read_text()}")


@dataclass(frozen=True)
class Server:
    url: str
    database_url: str  # tests may change what the server reads (e.g. age a session)


@pytest.fixture(scope="module")
def silta_url(silta_server: Server) -> str:
    return silta_server.url


@dataclass(frozen=True)
class _Prepared:
    """What `make setup` left for the demo: a database and a data folder (search index)."""

    database_url: str
    data_dir: Path


def browser_template_name() -> str:
    """The run's prepared PostgreSQL database, named by the controlling pytest process."""
    run = os.getppid() if os.environ.get("PYTEST_XDIST_WORKER") else os.getpid()
    return f"silta_browser_template_{run}"


@pytest.fixture(scope="session")
def _prepared_demo(tmp_path_factory: pytest.TempPathFactory) -> _Prepared:
    """`make setup` on an empty database with SILTA_DEMO=1, once per test run (the first xdist
    worker to need it builds it, under a lock): the migration, demo world, ESCO mapping,
    accounts and search index that every server starts from.

    Each server then gets a copy and starts with `make run`, whose setup step finds the data
    in place (it runs for real, as a no-op) instead of building the same world again. On
    PostgreSQL the prepared database is a template that the run's last step drops with the
    test databases (tests/conftest.py, pytest_sessionfinish)."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # shared by the run's workers
    workdir = root / "silta-prepared"
    postgres = os.environ.get("SILTA_TEST_POSTGRES_URL")
    template = browser_template_name()
    database_url = (
        postgres.rsplit("/", 1)[0] + f"/{template}"
        if postgres
        else f"sqlite:///{workdir / 'silta.db'}"
    )
    prepared = _Prepared(database_url, workdir / "data")
    with (root / "silta-prepared.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (workdir / "ready").exists():
            return prepared
        shutil.rmtree(workdir, ignore_errors=True)
        workdir.mkdir()
        if postgres:
            _fresh_postgres_database(postgres, template)
        log = workdir / "make-setup.log"
        with log.open("wb") as out:
            done = subprocess.run(
                ["make", "setup"],
                cwd=REPO_ROOT,
                env=_app_env(prepared.data_dir, database_url),
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        if done.returncode != 0:
            raise RuntimeError(f"`make setup` exited with {done.returncode}:\n{log.read_text()}")
        (workdir / "ready").touch()
    return prepared


def _app_env(data_dir: Path, database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "SILTA_DATA_DIR": str(data_dir),
            "SILTA_INDEX_DIR": str(data_dir / "index"),
            "SILTA_DEMO": "1",
            "DATABASE_URL": database_url,
        }
    )
    env.setdefault("SILTA_MODEL_DIR", str(REPO_ROOT / "data" / "models"))
    return env


def _start_server(prepared: _Prepared, workdir: Path) -> Iterator[Server]:
    """A running Silta on a copy of the prepared demo, started with `make run` on a free port."""
    port = _free_port()
    postgres = os.environ.get("SILTA_TEST_POSTGRES_URL")
    name = f"silta_browser_{port}"
    if postgres:
        database_url = _fresh_postgres_database(postgres, name, template=prepared.database_url)
    else:
        shutil.copyfile(prepared.database_url.removeprefix("sqlite:///"), workdir / "silta.db")
        database_url = f"sqlite:///{workdir / 'silta.db'}"
    shutil.copytree(prepared.data_dir, workdir / "data")
    env = _app_env(workdir / "data", database_url)
    log = workdir / "make-run.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            ["make", "run", f"PORT={port}"],
            cwd=REPO_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_serving(url, process, log)
        yield Server(url, database_url)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        if postgres:
            _drop_postgres_database(postgres, name)


@pytest.fixture(scope="session")
def _shared_server(
    _prepared_demo: _Prepared, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    yield from _start_server(_prepared_demo, tmp_path_factory.mktemp("silta-app-shared"))


@pytest.fixture(scope="module")
def silta_server(
    request: pytest.FixtureRequest,
    _prepared_demo: _Prepared,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Server]:
    """A running Silta on demo data, started with `make run` on a free port. Each test module
    gets its own, freshly started server, except modules that set `SHARED_SERVER = True`:
    they only read and do not need to be a server's first visitor, so they share one per test
    process (under xdist all browser tests run in one process, see tests/conftest.py)."""
    if getattr(request.module, "SHARED_SERVER", False):
        yield request.getfixturevalue("_shared_server")
        return
    yield from _start_server(_prepared_demo, tmp_path_factory.mktemp("silta-app"))


def _fresh_postgres_database(admin_url: str, name: str, *, template: str = "") -> str:
    """An empty database `name` (or a copy of the database at URL `template`)."""
    from sqlalchemy import text

    from core.db import make_engine

    copy = f' TEMPLATE "{template.rsplit("/", 1)[1]}"' if template else ""
    admin = make_engine(admin_url)
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"{copy}'))
    admin.dispose()
    return admin_url.rsplit("/", 1)[0] + f"/{name}"


def _drop_postgres_database(admin_url: str, name: str) -> None:
    from sqlalchemy import text

    from core.db import make_engine

    admin = make_engine(admin_url)
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists() or shutil.which("make") is None:
        if os.environ.get("SILTA_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM} or make is missing but SILTA_REQUIRE_BROWSER=1")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    opened = context.new_page()
    opened.set_default_timeout(60_000)
    yield opened
    context.close()


def sign_in(
    page: Page, silta_url: str, username: str, password: str = "demo", *, address: str = ""
) -> None:
    """Open Silta at `address` (a page and its query string, as in a shared link) and sign in
    (the demo accounts manager, steering and sme use "demo")."""
    page.goto(f"{silta_url}/{address}")
    page.get_by_role("textbox", name="User name").fill(username)
    page.get_by_role("textbox", name="Password").fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.locator('[data-testid="stSidebarNav"]').wait_for()
