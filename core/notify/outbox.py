"""The outbox: a message is written in the same transaction as the event it tells about, then
sent by `send_due` (the app right after the change, `python -m core send-notifications` from
cron). Each event makes at most one message per reader (`event_key` is unique). A sender
claims a message before sending it (an atomic UPDATE), so two senders never send the same
one; a failed send is kept with its error and tried again later, with growing pauses, up to
`MAX_ATTEMPTS` times.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from typing import Protocol

from sqlalchemy import and_, or_, update
from sqlmodel import Session, col, select

from core.codes import MaxLength, NotificationKind
from core.db import session_scope
from core.models import Notification, utcnow
from core.text import without_controls

MAX_ATTEMPTS = 8
LEASE = timedelta(minutes=5)  # a claimed message is free again after this (a crashed sender)
MAX_ERROR = 500


class Sender(Protocol):
    """Something that delivers one e-mail or raises (`core.notify.smtp.SmtpSender`)."""

    def send(self, message: EmailMessage) -> None: ...


@dataclass(frozen=True)
class Outgoing:
    """One message to write to the outbox."""

    event_key: str
    kind: NotificationKind
    to_address: str
    lang: str
    subject: str
    body: str
    user_id: int | None = None


@dataclass
class SendReport:
    sent: int = 0
    failed: int = 0
    errors: list[str] | None = None


def retry_pause(attempts: int) -> timedelta:
    """2, 4, 8 … minutes after the 1st, 2nd, 3rd … failure, at most six hours."""
    return timedelta(minutes=min(2**attempts, 360))


def enqueue(session: Session, message: Outgoing) -> Notification | None:
    """Add `message` unless it has no address or its event was queued before (the caller
    commits it together with the event)."""
    address = without_controls(message.to_address).strip()
    if not address:
        return None
    known = select(Notification.id).where(Notification.event_key == message.event_key)
    if session.exec(known).first() is not None:
        return None
    row = Notification(
        event_key=message.event_key[:120],
        kind=message.kind.value,
        user_id=message.user_id,
        to_address=address[: MaxLength.EMAIL],
        lang=message.lang,
        # One line: a line break in a header would be refused at every send (or worse).
        subject=" ".join(without_controls(message.subject).split())[:300],
        body=message.body,
    )
    session.add(row)
    session.flush()
    return row


def due_ids(session: Session, now: datetime, limit: int = 100) -> list[int]:
    query = (
        select(Notification.id)
        .where(
            col(Notification.sent_at).is_(None),
            Notification.attempts < MAX_ATTEMPTS,
            col(Notification.next_attempt_at) <= now,
            or_(col(Notification.claimed_until).is_(None), col(Notification.claimed_until) < now),
        )
        .order_by(col(Notification.id))
        .limit(limit)
    )
    return [i for i in session.exec(query) if i is not None]


def _claim(session: Session, notification_id: int, now: datetime) -> bool:
    """Take the message for this sender; False when another sender has it or sent it."""
    claimed = session.execute(
        update(Notification)
        .where(
            and_(
                col(Notification.id) == notification_id,
                col(Notification.sent_at).is_(None),
                or_(
                    col(Notification.claimed_until).is_(None),
                    col(Notification.claimed_until) < now,
                ),
            )
        )
        .values(claimed_until=now + LEASE)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(claimed, "rowcount", 0))


def email_of(row: Notification, sender_address: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender_address
    message["To"] = row.to_address
    message["Subject"] = row.subject
    message["Content-Language"] = row.lang
    message.set_content(row.body)
    return message


def _send_one(notification_id: int, sender: Sender, sender_address: str, now: datetime) -> str:
    """Claim, send and record one message; returns "" when sent, else the error."""
    with session_scope() as session:
        if not _claim(session, notification_id, now):
            return "claimed"
        row = session.get(Notification, notification_id)
        assert row is not None
        message = email_of(row, sender_address)
    try:
        sender.send(message)
    except Exception as error:  # noqa: BLE001 - every failure is kept and retried
        problem = f"{type(error).__name__}: {error}"[:MAX_ERROR]
        with session_scope() as session:
            row = session.get(Notification, notification_id)
            assert row is not None
            row.attempts += 1
            row.last_error = without_controls(problem)
            row.next_attempt_at = utcnow() + retry_pause(row.attempts)
            row.claimed_until = None
            session.add(row)
        return problem
    with session_scope() as session:
        row = session.get(Notification, notification_id)
        assert row is not None
        row.sent_at, row.claimed_until, row.last_error = utcnow(), None, ""
        row.attempts += 1
        session.add(row)
    return ""


def send_due(
    sender: Sender,
    sender_address: str,
    *,
    now: Callable[[], datetime] = utcnow,
    limit: int = 100,
) -> SendReport:
    """Send every message that is due (each in its own transaction) and say how it went."""
    with session_scope() as session:
        ids = due_ids(session, now(), limit)
    report = SendReport(errors=[])
    for notification_id in ids:
        problem = _send_one(notification_id, sender, sender_address, now())
        if not problem:
            report.sent += 1
        elif problem != "claimed":
            report.failed += 1
            assert report.errors is not None
            report.errors.append(problem)
    return report


@dataclass(frozen=True)
class OutboxRow:
    """A message as the manager's list shows it (no body)."""

    id: int
    kind: NotificationKind
    to_address: str
    created_at: datetime
    sent_at: datetime | None
    attempts: int
    last_error: str


def outbox(session: Session, limit: int = 200) -> list[OutboxRow]:
    query = select(Notification).order_by(col(Notification.id).desc()).limit(limit)
    return [
        OutboxRow(
            r.id or 0,
            NotificationKind(r.kind),
            r.to_address,
            r.created_at,
            r.sent_at,
            r.attempts,
            r.last_error,
        )
        for r in session.exec(query)
    ]
