"""Browser tests: start Silta the way README does (`make run`) and drive Debian's Chromium.

The app gets its own port, database and data folder; Chromium is never downloaded: Playwright
drives /usr/bin/chromium. Without Chromium these tests are skipped, unless
SILTA_REQUIRE_BROWSER=1 (set by .ci/run), where a missing browser is a failure.
"""

from __future__ import annotations

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


@pytest.fixture(scope="module")
def silta_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A running Silta on demo data, started with `make run` on a free port; each test
    module gets its own, freshly started server."""
    workdir = tmp_path_factory.mktemp("silta-app")
    port = _free_port()
    env = dict(os.environ)
    env.update(
        {
            "SILTA_DATA_DIR": str(workdir / "data"),
            "SILTA_INDEX_DIR": str(workdir / "data" / "index"),
            "SILTA_DEMO": "1",
        }
    )
    env.setdefault("SILTA_MODEL_DIR", str(REPO_ROOT / "data" / "models"))
    postgres = os.environ.get("SILTA_TEST_POSTGRES_URL")
    env["DATABASE_URL"] = (
        _fresh_postgres_database(postgres, f"silta_browser_{port}")
        if postgres
        else f"sqlite:///{workdir / 'silta.db'}"
    )
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
        yield Server(url, env["DATABASE_URL"])
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def _fresh_postgres_database(admin_url: str, name: str) -> str:
    from sqlalchemy import text

    from core.db import make_engine

    admin = make_engine(admin_url)
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return admin_url.rsplit("/", 1)[0] + f"/{name}"


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
