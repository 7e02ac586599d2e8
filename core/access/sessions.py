"""Server-side sign-in sessions: a random token in the browser's cookie, its sha256 here.

The browser holds only the token. Who it stands for (user, role, company) is read from the
database on every use, so a role change applies at once and switching an account off ends its
sessions. A session ends when its user signs out, after `session_idle_minutes` without use,
after `session_max_hours` whatever the use, or when the account is switched off; the row keeps
when and why, so a stale cookie can still tell its user why they have to sign in again.
Nothing here touches Streamlit; the caller commits.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlmodel import Session, col, select

from core.access import audit
from core.access.auth import SignedIn
from core.codes import SessionEnd
from core.config import get_settings
from core.models import User, UserSession, utcnow

TOKEN_BYTES = 32  # 256 random bits, URL-safe text of 43 characters
# Writing "last seen" on every click would make each rerun a write; a minute is precise enough.
TOUCH_EVERY = timedelta(seconds=60)
# Ended rows are kept a while (a stale cookie still explains itself), then deleted.
KEEP_ENDED = timedelta(days=30)

_AUDIT_DETAIL = {SessionEnd.SIGNED_OUT: "", SessionEnd.INACTIVE: "account switched off"}


@dataclass(frozen=True)
class NewSession:
    token: str  # goes to the browser's cookie; only its digest is stored
    expires_at: datetime  # the absolute end: the cookie need not outlive it


@dataclass(frozen=True)
class Resumed:
    signed: SignedIn
    sso: bool
    touch_due: bool = False  # "last seen" is to be written (by the caller: see resume_session)


def token_digest(token: str) -> str:
    """What the database keeps of a token: a stolen copy of the table signs nobody in."""
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(
    session: Session, signed: SignedIn, *, sso: bool = False, now: datetime | None = None
) -> NewSession:
    """A new session for `signed` (who has just signed in)."""
    now = now or utcnow()
    token = secrets.token_urlsafe(TOKEN_BYTES)
    expires_at = now + timedelta(hours=get_settings().session_max_hours)
    row = UserSession(
        token_hash=token_digest(token),
        user_id=signed.user_id,
        sso=sso,
        created_at=now,
        last_seen_at=now,
        expires_at=expires_at,
    )
    session.add(row)
    purge_sessions(session, now=now)
    return NewSession(token, expires_at)


def _expired(row: UserSession, now: datetime) -> str | None:
    """Why the live session `row` is over at `now`, or None while it lasts."""
    idle = timedelta(minutes=get_settings().session_idle_minutes)
    if now >= row.expires_at:
        return "session limit"
    if now - row.last_seen_at > idle:
        return "idle timeout"
    return None


def resume_session(
    session: Session, token: str, *, now: datetime | None = None, touch: bool = True
) -> Resumed | SessionEnd | None:
    """Who `token` signs in now, or why its session is over (None: no such session).

    A session found over is ended here, once, with its audit entry. "Last seen" (at most once
    a minute) is written in `session`, or with `touch=False` left to the caller, who is told
    by `Resumed.touch_due` (the app writes it with `core.db.write_soon`: a click never waits
    for it behind an import)."""
    now = now or utcnow()
    if not token or len(token) > 200:
        return None
    row = session.exec(
        select(UserSession).where(UserSession.token_hash == token_digest(token))
    ).first()
    if row is None:
        return None
    if row.end_reason is not None:
        return SessionEnd(row.end_reason)
    user = session.get(User, row.user_id)
    if user is None or not user.is_active:
        _end(session, row, SessionEnd.INACTIVE, user, now)
        return SessionEnd.INACTIVE
    why = _expired(row, now)
    if why is not None:
        _end(session, row, SessionEnd.EXPIRED, user, now, detail=why)
        return SessionEnd.EXPIRED
    due = now - row.last_seen_at >= TOUCH_EVERY
    if due and touch:
        row.last_seen_at = now
        session.add(row)
    return Resumed(SignedIn.of(user), row.sso, touch_due=due and not touch)


def touch_session(session: Session, token: str, now: datetime) -> None:
    """Write that the session behind `token` was seen at `now` (if still open and older)."""
    row = session.exec(
        select(UserSession).where(UserSession.token_hash == token_digest(token))
    ).first()
    if row is not None and row.end_reason is None and row.last_seen_at < now:
        row.last_seen_at = now
        session.add(row)


def end_session(session: Session, token: str, *, now: datetime | None = None) -> None:
    """Sign out: the session behind `token` ends now (nothing happens if it already had)."""
    row = session.exec(
        select(UserSession).where(UserSession.token_hash == token_digest(token))
    ).first()
    if row is not None and row.end_reason is None:
        user = session.get(User, row.user_id)
        _end(session, row, SessionEnd.SIGNED_OUT, user, now or utcnow())


def _end(
    session: Session,
    row: UserSession,
    reason: SessionEnd,
    user: User | None,
    now: datetime,
    *,
    detail: str | None = None,
) -> None:
    row.revoked_at, row.end_reason = now, reason.value
    session.add(row)
    if user is not None:
        audit.record(
            session,
            action="logout",
            username=user.username,
            company_id=user.company_id,
            detail=_AUDIT_DETAIL.get(reason, "") if detail is None else detail,
        )


def purge_sessions(session: Session, *, now: datetime | None = None) -> int:
    """Delete sessions that ended, or could last no longer, `KEEP_ENDED` ago."""
    cutoff = (now or utcnow()) - KEEP_ENDED
    result = session.execute(
        delete(UserSession).where(
            (col(UserSession.expires_at) < cutoff) | (col(UserSession.revoked_at) < cutoff)
        )
    )
    return int(getattr(result, "rowcount", 0) or 0)
