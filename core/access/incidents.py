"""Unexpected errors: one log with the traceback, one short reference the user can quote.

A user never sees a traceback. Whatever failed unexpectedly (a page run, a command) is written
to `<data dir>/logs/silta.log` with its traceback under a short reference such as `3f9a1c07`,
and an audit entry "error" carries the same reference, so the manager finds it on the audit
page and the log line with `grep 3f9a1c07 silta.log`. The audit entry names only where it
happened and the exception's type: an exception's message may hold personal data, and the
audit trail is kept for years.
"""

from __future__ import annotations

import logging
import secrets
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path

from core.config import get_settings

LOGGER_NAME = "silta"
LOG_FILE_NAME = "silta.log"
LOG_MAX_BYTES = 5 * 1024 * 1024
LOG_BACKUPS = 5

_lock = threading.Lock()


def log_file() -> Path:
    return get_settings().data_dir / "logs" / LOG_FILE_NAME


def logger() -> logging.Logger:
    """Silta's logger, writing to the rotating log file under the data dir (set up once per
    log file: tests and servers with another data dir get their own)."""
    log = logging.getLogger(LOGGER_NAME)
    path = log_file()
    with _lock:
        ours = [h for h in log.handlers if isinstance(h, RotatingFileHandler)]
        if not any(Path(h.baseFilename) == path for h in ours):
            for handler in ours:  # the data dir changed (tests): follow it
                log.removeHandler(handler)
                handler.close()
            path.parent.mkdir(parents=True, exist_ok=True)
            handler = RotatingFileHandler(
                path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
            )
            handler.setFormatter(
                logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s")
            )
            log.addHandler(handler)
            log.setLevel(logging.INFO)
    return log


def new_reference() -> str:
    """Eight hex characters: short enough to read over the phone, unique enough for a log."""
    return secrets.token_hex(4)


def report_unexpected(error: BaseException, where: str) -> str:
    """Log `error` with its traceback and record an audit entry; return the reference."""
    reference = new_reference()
    logger().error("unexpected error ref=%s in %s", reference, where, exc_info=error)
    _audit(reference, where, type(error).__name__)
    return reference


def _audit(reference: str, where: str, kind: str) -> None:
    # Imported here: the audit trail needs the database, the log file must not.
    from core.access.audit import record
    from core.db import session_scope

    try:
        with session_scope() as session:
            record(
                session,
                action="error",
                entity=where,
                entity_key=reference,
                detail=f"{kind} (see logs/{LOG_FILE_NAME}, ref {reference})",
            )
    except Exception:  # noqa: BLE001 - the database may be what failed; the log has it
        logger().exception("could not record error ref=%s in the audit trail", reference)
