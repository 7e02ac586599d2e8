"""Load: >= 20 simultaneous browser sessions against one `make run` server on demo data.

    .venv/bin/python bench/bench_load.py                  # 180 s, 14 SME + 6 steering + manager
    .venv/bin/python bench/bench_load.py --seconds 60 --sme 14 --steering 6
    .venv/bin/python bench/bench_load.py --seconds 30 --sme 3 --steering 1 --import-rows 500 \
        --min-sessions 1                                  # smoke form

The server is started as `make run` is (tests/browser/conftest.py: own port, database and data
folder, demo data) on 127.0.0.1 only. One Chromium (Debian's /usr/bin/chromium) holds one
context per user. Users sign in one after another (--stagger apart: argon2 costs a core each)
and open their page through the sidebar; sign-in and opening are reported on their own. The
measured window (--seconds) starts when every user has signed in and opened its page (or
failed to); then every user loops until the time is up, each action bounded by --timeout:
  - SME users search (rotating queries) and page through the results (Next, Next);
  - steering users step through the meeting pack's charts (Next);
  - the manager imports Participants workbooks of --import-rows rows (10,000; built from the
    import sheet's own column definitions, fresh codes each round): the preview, the import.
An action's time runs from the click or key press to its result on screen: the text that only
the new result shows (e.g. "Page 2 of 9", "3 / 12 · …", "… was imported.") with no element
of the page still stale; a search runs from pressing Enter to result cards that differ from
the previous query's (count, first card and its score) with nothing stale.
Printed: p50/p95 per action, errors (with any error reference the page
showed), the server's peak RSS, the load average, and rows lost (participants the database holds
against what the finished imports reported).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import Browser, Page, async_playwright, expect

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bench_import import workbook  # noqa: E402

from core.dashboards.meeting.pack import PACK  # noqa: E402
from core.i18n import translate  # noqa: E402
from tests.browser.conftest import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_FLAGS,
    _free_port,
    _wait_until_serving,
)

QUERIES = (
    "embedded Linux device drivers",
    "sulautettu ohjelmointi mikrokontrollereille",
    "React front end with TypeScript",
    "koneoppiminen ja data-analytiikka",
    "cloud infrastructure and DevOps",
    "signaalinkäsittely ja 5G",
)
IMPORT_ROWS = 10_000  # default of --import-rows
CODE_PREFIX = "LOAD"
IMPORT_LINK = translate("page.data_import", "en")
REFERENCE = re.compile(r"reference ([0-9a-f]{8})|viite ([0-9a-f]{8})")
# The search's pager says "Page n of m" once the new page is on screen and nothing is stale;
# a query with one page of results has no pager (then page 1 is whatever is shown).
ON_PAGE = """(n) => {
    if (document.querySelector('[data-stale="true"]')) return false;
    const pager = [...document.querySelectorAll('[data-testid="stCaptionContainer"]')]
        .map((e) => e.innerText.trim()).find((t) => /^Page \\d+ of \\d+$/.test(t));
    return pager ? pager.startsWith(`Page ${n} of`) : n === 1;
}"""
NOTHING_STALE = """() => !document.querySelector('[data-stale="true"]')"""
# What the result list shows: its count line, the first card's code and match score. A new
# query's answer differs from the previous one's (another count, card or score), so waiting for
# a different signature waits for the new cards, not for the old ones still on screen.
RESULTS = """() => {
    const main = document.querySelector('[data-testid="stMain"]') || document.body;
    const text = main.innerText;
    const at = text.search(/profiles match, best first|No profile matches/);
    return at < 0 ? '' : text.slice(Math.max(0, at - 12), at + 300);
}"""
NEW_RESULTS = """(before) => {
    if (document.querySelector('[data-stale="true"]')) return false;
    const now = (RESULTS)();
    if (!now || now === before) return false;
    return (ON_PAGE)(1);
}""".replace("RESULTS", RESULTS).replace("ON_PAGE", ON_PAGE)
UPLOADER = '[data-testid="stFileUploaderDropzoneInput"]'
FILE_CHIP = '[data-testid="stFileChipName"]'
FILE_REMOVE = '[data-testid="stFileChipDeleteBtn"]'


DIAGNOSTICS: Path | None = None  # screenshots of each action's first failure, the server log


@dataclass
class Start:
    """The common start: released when every user has signed in and opened its page (or failed
    to), so the measured window holds only the work, not the sign-in queue."""

    users: int
    seconds: float
    ready: int = 0
    released: asyncio.Event = field(default_factory=asyncio.Event)
    at: float = 0.0
    deadline: float = 0.0

    async def arrive(self) -> float:
        """Count this user in, wait for the others; the window's deadline."""
        self.ready += 1
        if self.ready >= self.users and not self.released.is_set():
            self.at = time.monotonic()
            self.deadline = self.at + self.seconds
            print(f"All {self.users} users in; measuring {self.seconds:.0f} s.", flush=True)
            self.released.set()
        await self.released.wait()
        return self.deadline


@dataclass
class Stats:
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    imported_rounds: list[int] = field(default_factory=list)
    ramp_up: float = 0.0  # from the first sign-in to the last user on its page

    async def timed(self, page: Page, action: str, steps: object) -> bool:
        """Run `steps` (a coroutine); its time goes under `action`, a failure into errors."""
        start = time.monotonic()
        try:
            await steps  # type: ignore[misc]
        except Exception as error:  # noqa: BLE001 - a bench counts failures, it does not stop
            self.errors[action].append(await _describe(page, error))
            if len(self.errors[action]) == 1 and DIAGNOSTICS is not None:
                shot = DIAGNOSTICS / f"{re.sub(r'[^a-z]+', '-', action)}.png"
                with contextlib.suppress(Exception):
                    await page.screenshot(path=str(shot), full_page=True)
            return False
        self.times[action].append(time.monotonic() - start)
        return True


async def _describe(page: Page, error: Exception) -> str:
    try:
        body = await page.locator("body").inner_text(timeout=5_000)
    except Exception:  # noqa: BLE001 - the page itself may be gone
        body = ""
    if match := REFERENCE.search(body):
        return f"error shown with reference {match.group(1) or match.group(2)}"
    return f"{type(error).__name__}: {str(error).splitlines()[0][:120]}"


async def page_count(page: Page) -> int:
    text = await page.locator("body").inner_text()
    found = re.search(r"Page \d+ of (\d+)", text)
    return int(found.group(1)) if found else 1


async def settled(page: Page, timeout_ms: float) -> None:
    await page.wait_for_function(NOTHING_STALE, timeout=timeout_ms)


async def sign_in(
    page: Page, url: str, username: str, stats: Stats, timeout_ms: float, delay: float
) -> bool:
    await asyncio.sleep(delay)  # staggered: simultaneous argon2 checks queue on the cores

    async def steps() -> None:
        await page.goto(url)
        await page.get_by_role("textbox", name="User name").fill(username)
        await page.get_by_role("textbox", name="Password").fill("demo")
        await page.get_by_role("button", name="Sign in", exact=True).click()
        await page.locator('[data-testid="stSidebarNav"]').wait_for(timeout=timeout_ms)

    return await stats.timed(page, "sign in", steps())


async def sme_user(
    browser: Browser, url: str, number: int, start: Start, stats: Stats, timeout_ms: float,
    delay: float,
) -> None:  # fmt: skip
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    page.set_default_timeout(timeout_ms)
    if not await sign_in(page, url, "sme", stats, timeout_ms, delay):
        await start.arrive()
        await context.close()
        return
    box = page.get_by_role("textbox", name="What skills do you need?")

    async def open_search() -> None:
        # In-app navigation (the sidebar link), as a user does: no full page load.
        await page.get_by_role("link", name="Find students").click()
        await box.wait_for()

    if not await stats.timed(page, "open search page", open_search()):
        await start.arrive()
        await context.close()
        return
    deadline = await start.arrive()
    round_ = number
    while time.monotonic() < deadline:
        query = QUERIES[round_ % len(QUERIES)]
        round_ += 1

        await box.fill(query)  # typing is the user's, not the server's time
        before = await page.evaluate(RESULTS)

        async def search(before: str = before) -> None:
            await box.press("Enter")
            await page.wait_for_function(NEW_RESULTS, arg=before, timeout=timeout_ms)

        if not await stats.timed(page, "search", search()):
            await page.get_by_role("link", name="Find students").click()
            continue
        pages = await page_count(page)
        for next_page in range(2, min(pages, 3) + 1):
            if time.monotonic() >= deadline:
                break

            async def forward(next_page: int = next_page) -> None:
                await page.get_by_role("button", name="Next", exact=True).click()
                await page.wait_for_function(ON_PAGE, arg=next_page, timeout=timeout_ms)

            if not await stats.timed(page, "search next page", forward()):
                break
    await context.close()


async def steering_user(
    browser: Browser, url: str, start: Start, stats: Stats, timeout_ms: float, delay: float
) -> None:
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    page.set_default_timeout(timeout_ms)
    if not await sign_in(page, url, "steering", stats, timeout_ms, delay):
        await start.arrive()
        await context.close()
        return
    total = len(PACK)
    position = page.get_by_role("combobox", name=f"Chart (of {total})")

    async def open_meeting() -> None:
        await page.get_by_role("link", name="Steering meeting").click()
        await position.wait_for()
        await page.locator(".stPlotlyChart").first.wait_for()

    if not await stats.timed(page, "open meeting page", open_meeting()):
        await start.arrive()
        await context.close()
        return
    deadline = await start.arrive()
    current = 1
    while time.monotonic() < deadline and total:
        current = current % total + 1

        async def step(slide: int = current) -> None:
            await page.get_by_role("button", name="Next", exact=True).click()
            await expect(position).to_have_value(
                re.compile(rf"^{slide} / {total} "), timeout=timeout_ms
            )
            await page.locator(".stPlotlyChart").first.wait_for()
            await settled(page, timeout_ms)

        if not await stats.timed(page, "meeting next chart", step()):
            await page.get_by_role("link", name="Steering meeting").click()
            current = 1
    await context.close()


def participants_workbook(round_: int, rows: int) -> bytes:
    """A Participants sheet with codes no other round uses (bench_import's generator)."""
    return workbook(rows, code=f"{CODE_PREFIX}{round_}-{{i:05d}}", name=f"{round_}.{{i}}")


async def first_problem(page: Page) -> str:
    """The first row of the preview's problem table (e.g. the database refused a row)."""
    with contextlib.suppress(Exception):
        table = page.locator('[data-testid="stDataFrame"], [data-testid="stTable"]').first
        body = await table.inner_text(timeout=5_000)
        return " ".join(body.split())[:160]
    return "(problem table not readable)"


async def manager(
    browser: Browser, url: str, folder: Path, start: Start, stats: Stats, timeout_ms: float,
    rows: int,
) -> None:  # fmt: skip
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    page.set_default_timeout(timeout_ms)
    if not await sign_in(page, url, "manager", stats, timeout_ms, 0.0):
        await start.arrive()
        await context.close()
        return
    uploader = page.locator(UPLOADER)
    checked = page.get_by_role("button", name="Import now")
    refused = page.get_by_text(re.compile(r"problem\(s\) to fix"))

    async def open_import() -> None:
        await page.get_by_role("link", name=IMPORT_LINK).click()
        await uploader.wait_for(state="attached")
        await settled(page, timeout_ms)

    if not await stats.timed(page, "open import page", open_import()):
        await start.arrive()
        await context.close()
        return
    round_ = 1
    path = folder / f"load-{round_}.xlsx"
    path.write_bytes(await asyncio.to_thread(participants_workbook, round_, rows))
    deadline = await start.arrive()
    label = f"({rows:,} rows)"
    while time.monotonic() < deadline:
        # The uploader keeps the last file: remove it first, so that the preview waited for
        # below is the new file's and not the previous round's still on screen.
        if await page.locator(FILE_REMOVE).count():
            await page.locator(FILE_REMOVE).first.click()
            await page.locator(FILE_CHIP).wait_for(state="detached")
            await checked.wait_for(state="detached")
            await settled(page, timeout_ms)

        async def preview(path: Path = path) -> None:
            await uploader.set_input_files(str(path))
            # The chip shortens long names on screen; its title holds the whole name.
            await page.locator(f'{FILE_CHIP}[title="{path.name}"]').wait_for()
            await checked.or_(refused).first.wait_for()
            await settled(page, timeout_ms)
            if await refused.count():
                raise RuntimeError(f"the preview refused the file: {await first_problem(page)}")

        if await stats.timed(page, f"import preview {label}", preview()):

            async def write(name: str = path.name) -> None:
                await checked.click()
                await page.get_by_text(f"{name} was imported.").wait_for()
                await settled(page, timeout_ms)

            if await stats.timed(page, f"import write {label}", write()):
                stats.imported_rounds.append(round_)
        else:  # back to a fresh Import page; a failure here is counted, the loop goes on
            await stats.timed(page, "open import page", open_import())
        round_ += 1
        path = folder / f"load-{round_}.xlsx"
        path.write_bytes(await asyncio.to_thread(participants_workbook, round_, rows))
    await context.close()


@dataclass
class Machine:
    """The server's memory and the machine's load, sampled while the users work."""

    pid: int
    peak_rss_kb: int = 0
    peak_load: float = 0.0
    loads: list[float] = field(default_factory=list)

    async def watch(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            self.peak_rss_kb = max(self.peak_rss_kb, tree_rss_kb(self.pid))
            load = os.getloadavg()[0]
            self.loads.append(load)
            self.peak_load = max(self.peak_load, load)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=1.0)


def _children() -> dict[int, list[int]]:
    children: dict[int, list[int]] = defaultdict(list)
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children[ppid].append(int(entry.name))
    return children


def _status_kb(pid: int, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{key}:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_kb(root: int) -> int:
    """RSS of `root` and all its descendants (make → python -m ui.serve); psutil if present."""
    try:
        import psutil
    except ImportError:
        children, total, todo = _children(), 0, [root]
        while todo:
            pid = todo.pop()
            total += _status_kb(pid, "VmRSS")
            todo.extend(children.get(pid, []))
        return total
    process = psutil.Process(root)
    members = [process, *process.children(recursive=True)]
    return sum(p.memory_info().rss for p in members if p.is_running()) // 1024


def server_hwm_kb(root: int) -> int:
    """The largest high-water mark among the server's processes (the serving Python)."""
    children, best, todo = _children(), 0, [root]
    while todo:
        pid = todo.pop()
        best = max(best, _status_kb(pid, "VmHWM"))
        todo.extend(children.get(pid, []))
    return best


def start_server(workdir: Path, model_dir: str) -> tuple[subprocess.Popen[bytes], str, str, Path]:
    port = _free_port()
    database_url = f"sqlite:///{workdir / 'silta.db'}"
    env = dict(os.environ)
    env.update(
        {
            "SILTA_DATA_DIR": str(workdir / "data"),
            "SILTA_INDEX_DIR": str(workdir / "data" / "index"),
            "SILTA_MODEL_DIR": model_dir,
            "SILTA_DEMO": "1",
            "DATABASE_URL": database_url,
        }
    )
    log = workdir / "make-run.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            ["make", "run", f"PORT={port}", "ADDRESS=127.0.0.1"],
            cwd=REPO_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    _wait_until_serving(url, process, log)
    return process, url, database_url, workdir / "data"


def stop_server(process: subprocess.Popen[bytes]) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def rows_in_database(database_url: str) -> int:
    from sqlalchemy import func
    from sqlmodel import Session, col, select

    from core.db import make_engine
    from core.models import Participant

    engine = make_engine(database_url)
    with Session(engine) as session:
        query = select(func.count()).where(col(Participant.code).startswith(CODE_PREFIX))
        count = int(session.exec(query).one())
    engine.dispose()
    return count


def errors_in_audit(database_url: str) -> list[str]:
    from sqlmodel import Session, select

    from core.db import make_engine
    from core.models import AuditLog

    engine = make_engine(database_url)
    with Session(engine) as session:
        entries = session.exec(select(AuditLog).where(AuditLog.action == "error")).all()
        found = [f"{e.entity_key} {e.entity} {e.detail}" for e in entries]
    engine.dispose()
    return found


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def drive(args: argparse.Namespace, url: str, folder: Path, stats: Stats) -> float:
    timeout_ms = args.timeout * 1000
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        began = time.monotonic()
        start = Start(users=1 + args.sme + args.steering, seconds=args.seconds)
        users = [manager(browser, url, folder, start, stats, timeout_ms, args.import_rows)]
        users += [
            sme_user(browser, url, n, start, stats, timeout_ms, (1 + n) * args.stagger)
            for n in range(args.sme)
        ]
        users += [
            steering_user(browser, url, start, stats, timeout_ms, (1 + args.sme + n) * args.stagger)
            for n in range(args.steering)
        ]
        for crash in await asyncio.gather(*users, return_exceptions=True):
            if isinstance(crash, BaseException):
                stats.errors["user loop"].append(f"{type(crash).__name__}: {crash}"[:200])
        ended = time.monotonic()
        await browser.close()
    stats.ramp_up = (start.at or ended) - began
    return ended - (start.at or ended)


async def run(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="silta-load-") as tmp:
        workdir = Path(tmp)
        print(f"Starting the server (make run) in {workdir} …", flush=True)
        began = time.monotonic()
        process, url, database_url, data_dir = start_server(workdir, args.model_dir)
        print(f"Serving {url} after {time.monotonic() - began:.0f} s.", flush=True)
        machine = Machine(process.pid)
        stop = asyncio.Event()
        watcher = asyncio.create_task(machine.watch(stop))
        load_before = os.getloadavg()
        stats = Stats()
        try:
            elapsed = await drive(args, url, workdir, stats)
        finally:
            stop.set()
            await watcher
            hwm = server_hwm_kb(process.pid)
            stop_server(process)
        report(args, stats, machine, hwm, load_before, elapsed, database_url, data_dir)
        if DIAGNOSTICS is not None:
            for kept in (data_dir / "logs" / "silta.log", workdir / "make-run.log"):
                if kept.exists():
                    shutil.copy(kept, DIAGNOSTICS / kept.name)
            print(f"screenshots of first failures and the logs: {DIAGNOSTICS}")


def report(
    args: argparse.Namespace,
    stats: Stats,
    machine: Machine,
    hwm_kb: int,
    load_before: tuple[float, float, float],
    elapsed: float,
    database_url: str,
    data_dir: Path,
) -> None:
    users = 1 + args.sme + args.steering
    print(f"\n{users} simultaneous sessions ({args.sme} SME, {args.steering} steering, 1 manager)")
    print(
        f"all signed in and on their pages after {stats.ramp_up:.0f} s (sign-ins "
        f"{args.stagger:g} s apart); then measured {elapsed:.0f} s (asked {args.seconds} s; "
        "actions under way finish)\n"
    )
    print(f"{'action':32} {'n':>5} {'p50 s':>8} {'p95 s':>8} {'max s':>8} {'errors':>7}")
    for action in sorted(set(stats.times) | set(stats.errors)):
        times = stats.times.get(action, [])
        p50 = f"{statistics.median(times):8.2f}" if times else f"{'-':>8}"
        p95 = f"{percentile(times, 0.95):8.2f}" if times else f"{'-':>8}"
        top = f"{max(times):8.2f}" if times else f"{'-':>8}"
        print(f"{action:32} {len(times):5d} {p50} {p95} {top} {len(stats.errors[action]):7d}")
    for action, failures in stats.errors.items():
        for failure in sorted(set(failures)):
            print(f"  error in {action}: {failure} (x{failures.count(failure)})")
    expected = args.import_rows * len(stats.imported_rounds)
    held = rows_in_database(database_url)
    print(f"\nimports finished: {len(stats.imported_rounds)} x {args.import_rows:,} rows")
    print(f"rows lost: {expected - held} (expected {expected:,}, the database holds {held:,})")
    logged = errors_in_audit(database_url)
    print(f"error references in the audit trail: {len(logged)}")
    for entry in logged[:10]:
        print(f"  {entry}")
    log = data_dir / "logs" / "silta.log"
    if log.exists():
        print(f"  ({log.stat().st_size} bytes in {log.name})")
    print(f"server peak RSS: {machine.peak_rss_kb / 1024:.0f} MiB (sampled, whole process tree)")
    print(f"serving process high-water mark: {hwm_kb / 1024:.0f} MiB (VmHWM)")
    mean = statistics.fmean(machine.loads) if machine.loads else 0.0
    print(
        f"load average (1 min): {load_before[0]:.1f} before, {mean:.1f} mean, "
        f"{machine.peak_load:.1f} peak on {os.cpu_count()} CPUs (browser and server share them)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=180, help="how long users work (180)")
    parser.add_argument("--sme", type=int, default=14, help="SME users searching (14)")
    parser.add_argument("--steering", type=int, default=6, help="steering users (6)")
    parser.add_argument("--timeout", type=int, default=120, help="per action, seconds (120)")
    parser.add_argument(
        "--import-rows", type=int, default=IMPORT_ROWS, help="rows per imported file (10,000)"
    )
    parser.add_argument(
        "--stagger", type=float, default=0.5, help="seconds between users' sign-ins (0.5)"
    )
    parser.add_argument(
        "--min-sessions", type=int, default=20, help="refuse fewer sessions (20; 1 for a smoke run)"
    )
    parser.add_argument(
        "--model-dir",
        default=os.environ.get("SILTA_MODEL_DIR", str(REPO_ROOT / "data" / "models")),
        help="the built embedding model (default data/models)",
    )
    args = parser.parse_args()
    global DIAGNOSTICS
    DIAGNOSTICS = Path(tempfile.mkdtemp(prefix="silta-load-diagnostics-"))
    if 1 + args.sme + args.steering < args.min_sessions:
        parser.error(
            f"at least {args.min_sessions} sessions: --sme + --steering + 1 manager "
            "(--min-sessions 1 for a smoke run)"
        )
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
