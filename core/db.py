"""Engine factory and unit of work: SQLite (WAL, foreign keys, busy timeout) or PostgreSQL.

The session listeners every write relies on (audit trail, period locks, data version…) are not
registered here: each entry point calls `core.wiring.wire_sessions()` first.
"""

from __future__ import annotations

import atexit
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, create_engine

from core.config import get_settings

SQLITE_BUSY_TIMEOUT_MS = 10_000
# How long a write that a reader's page must not wait for (`write_soon`) waits for SQLite's
# write lock before the background writer takes it over.
SQLITE_WRITE_NOW_MS = 100
RETRY_EVERY_S = 0.5
log = logging.getLogger(__name__)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    """A new engine for `url`; SQLite files get their folder and the pragmas Silta relies on."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return create_engine(url, pool_pre_ping=True)


_engines: dict[str, Engine] = {}


def get_engine() -> Engine:
    """The process-wide engine for the configured database."""
    url = get_settings().database_url
    if url not in _engines:
        _engines[url] = make_engine(url)
    return _engines[url]


def reset_engines() -> None:
    """Dispose and forget cached engines (tests switch databases between cases)."""
    for engine in _engines.values():
        engine.dispose()
    _engines.clear()


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error, always close."""
    session = Session(engine or get_engine(), expire_on_commit=False)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


# --- Writes no page waits for --------------------------------------------------------------

Work = Callable[[Session], None]
_later: queue.Queue[tuple[Engine, Work]] = queue.Queue()
_writer: threading.Thread | None = None
_writer_lock = threading.Lock()


def write_soon(work: Work, engine: Engine | None = None) -> bool:
    """Run `work` in a unit of work of its own: now when the database takes it at once, else
    (SQLite, another connection holds the one write lock, e.g. a 10,000-row import) by a
    background writer that retries until the lock frees, so the page that asked does not wait.

    For small writes a reader's click makes on the side: a search's audit entry (built, with
    its time, before the call), a session's "last seen". True when written now. PostgreSQL
    does not make inserts wait for another transaction, so there it always writes now."""
    engine = engine or get_engine()
    if engine.dialect.name != "sqlite":
        with session_scope(engine) as session:
            work(session)
        return True
    with engine.connect() as connection:
        connection.exec_driver_sql(f"PRAGMA busy_timeout={SQLITE_WRITE_NOW_MS}")
        connection.commit()  # the session below then owns (and commits) its transaction
        try:
            with Session(bind=connection, expire_on_commit=False) as session:
                work(session)
                session.commit()
            return True
        except OperationalError as error:
            if not _locked(error):
                raise
        finally:
            connection.rollback()
            connection.exec_driver_sql(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
            connection.commit()
    _later.put((engine, work))
    _start_writer()
    return False


def wait_for_writes(timeout_s: float = 30.0) -> bool:
    """Wait until the background writer has written everything handed to it (tests, exit);
    False if it has not within `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    while _later.unfinished_tasks and time.monotonic() < deadline:
        time.sleep(0.05)
    return not _later.unfinished_tasks


def _locked(error: OperationalError) -> bool:
    text = str(error.orig).lower()
    return "locked" in text or "busy" in text


def _start_writer() -> None:
    global _writer
    with _writer_lock:
        if _writer is None or not _writer.is_alive():
            _writer = threading.Thread(target=_write_later, name="silta-writes", daemon=True)
            _writer.start()


def _write_later() -> None:
    while True:
        engine, work = _later.get()
        try:
            while True:
                try:
                    with session_scope(engine) as session:
                        work(session)
                    break
                except OperationalError as error:
                    if not _locked(error):
                        raise
                    time.sleep(RETRY_EVERY_S)  # the import still writes: its turn comes
        except Exception:  # one bad write must not stop the ones after it
            log.exception("a deferred write failed and was dropped")
        finally:
            _later.task_done()


atexit.register(wait_for_writes)  # a server that stops writes what it was handed
