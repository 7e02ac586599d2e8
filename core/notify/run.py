"""What `python -m core send-notifications` does, callable from tests: queue this week's
manager digest (`core.notify.digest`), then send everything that is due."""

from __future__ import annotations

from datetime import date

from core.db import session_scope
from core.notify.digest import queue_digests
from core.notify.outbox import SendReport
from core.notify.smtp import send_notifications


def queue_and_send(today: date | None = None) -> tuple[int, SendReport | None]:
    """(digests queued, what was sent; None when SMTP is not configured). The digests are
    queued whatever the SMTP settings: the outbox keeps them until the server is set."""
    with session_scope() as session:
        queued = queue_digests(session, today or date.today())
    return queued, send_notifications()
