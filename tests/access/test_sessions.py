"""Server-side sign-in sessions: start, resume, idle and absolute expiry, sign-out, switch-off."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from sqlmodel import Session, select

from core.access.auth import SignedIn
from core.access.sessions import (
    KEEP_ENDED,
    Resumed,
    end_session,
    purge_sessions,
    resume_session,
    start_session,
    touch_session,
)
from core.access.users import create_user
from core.codes import Role, SessionEnd
from core.models import AuditLog, User, UserSession, utcnow


@pytest.fixture
def signed(session: Session) -> SignedIn:
    made = create_user(session, username="maija", role=Role.STEERING, email="maija@oulu.fi")
    session.commit()
    return SignedIn.of(made)


def _row(session: Session) -> UserSession:
    return session.exec(select(UserSession)).one()


def _logouts(session: Session) -> list[str]:
    entries = session.exec(select(AuditLog).where(AuditLog.action == "logout")).all()
    return [f"{e.username}: {e.detail}" for e in entries]


def test_a_new_session_resumes_as_its_user(session: Session, signed: SignedIn) -> None:
    new = start_session(session, signed)
    session.commit()
    assert len(new.token) >= 43 and new.token != start_session(session, signed).token
    assert resume_session(session, new.token) == Resumed(signed, sso=False)


def test_only_the_tokens_sha256_is_stored(session: Session, signed: SignedIn) -> None:
    new = start_session(session, signed)
    session.commit()
    row = _row(session)
    assert row.token_hash == hashlib.sha256(new.token.encode()).hexdigest()
    assert new.token not in str(row.model_dump())
    assert resume_session(session, row.token_hash) is None  # the digest itself signs no one in


def test_an_unknown_or_absurd_token_signs_nobody_in(session: Session, signed: SignedIn) -> None:
    start_session(session, signed)
    session.commit()
    for token in ("", "x", "A" * 100_000, "\x00"):
        assert resume_session(session, token) is None


def test_the_session_limit_is_twelve_hours_from_the_start(
    session: Session, signed: SignedIn
) -> None:
    start = utcnow()
    new = start_session(session, signed, now=start)
    assert new.expires_at == start + timedelta(hours=12)
    # Used every 20 minutes all day: still over at the 12-hour mark.
    for minutes in range(20, 12 * 60, 20):
        assert isinstance(
            resume_session(session, new.token, now=start + timedelta(minutes=minutes)), Resumed
        )
    assert resume_session(session, new.token, now=start + timedelta(hours=12)) is SessionEnd.EXPIRED
    session.commit()
    assert _logouts(session) == ["maija: session limit"]


def test_idle_time_ends_a_session_once_and_is_audited(session: Session, signed: SignedIn) -> None:
    start = utcnow()
    new = start_session(session, signed, now=start)
    assert isinstance(
        resume_session(session, new.token, now=start + timedelta(minutes=29)), Resumed
    )
    later = start + timedelta(minutes=29 + 31)
    assert resume_session(session, new.token, now=later) is SessionEnd.EXPIRED
    # A stale cookie keeps saying why, but the ending is written down only once.
    assert (
        resume_session(session, new.token, now=later + timedelta(minutes=1)) is SessionEnd.EXPIRED
    )
    session.commit()
    assert _row(session).revoked_at is not None
    assert _logouts(session) == ["maija: idle timeout"]


def test_use_keeps_a_session_alive(session: Session, signed: SignedIn) -> None:
    start = utcnow()
    new = start_session(session, signed, now=start)
    for minutes in (25, 50, 75):
        result = resume_session(session, new.token, now=start + timedelta(minutes=minutes))
        assert isinstance(result, Resumed)
    assert _row(session).last_seen_at == start + timedelta(minutes=75)


def test_signing_out_revokes_the_token(session: Session, signed: SignedIn) -> None:
    new = start_session(session, signed)
    end_session(session, new.token)
    end_session(session, new.token)  # twice (two tabs): one audit entry
    session.commit()
    assert resume_session(session, new.token) is SessionEnd.SIGNED_OUT
    assert _row(session).end_reason == "signed_out"
    assert _logouts(session) == ["maija: "]


def test_switching_an_account_off_ends_its_sessions(session: Session, signed: SignedIn) -> None:
    new = start_session(session, signed)
    user = session.get(User, signed.user_id)
    assert user is not None
    user.is_active = False
    session.add(user)
    session.commit()
    assert resume_session(session, new.token) is SessionEnd.INACTIVE
    user.is_active = True  # switched on again: the ended session stays ended
    session.add(user)
    session.commit()
    assert resume_session(session, new.token) is SessionEnd.INACTIVE
    assert _logouts(session) == ["maija: account switched off"]


def test_role_and_company_are_read_from_the_database(session: Session, signed: SignedIn) -> None:
    new = start_session(session, signed, sso=True)
    user = session.get(User, signed.user_id)
    assert user is not None
    user.role = Role.MANAGER.value
    session.add(user)
    session.commit()
    result = resume_session(session, new.token)
    assert isinstance(result, Resumed) and result.sso
    assert result.signed.role is Role.MANAGER


def test_old_sessions_are_purged(session: Session, signed: SignedIn) -> None:
    long_ago = utcnow() - KEEP_ENDED - timedelta(days=1)
    ended = start_session(session, signed)
    end_session(session, ended.token, now=long_ago)
    old = start_session(session, signed, now=long_ago - timedelta(hours=12))
    recent = start_session(session, signed, now=utcnow() - timedelta(days=2))
    session.commit()
    assert purge_sessions(session) == 2
    session.commit()
    assert resume_session(session, old.token) is None
    assert resume_session(session, ended.token) is None
    assert resume_session(session, recent.token) is SessionEnd.EXPIRED  # kept to explain itself


def test_last_seen_can_be_left_to_the_caller(session: Session, signed: SignedIn) -> None:
    # The app resumes without writing and writes "last seen" on the side (core.db.write_soon),
    # so a click never waits behind an import for it; the idle clock still slides.
    new = start_session(session, signed)
    session.commit()
    start = _row(session).last_seen_at
    later = start + timedelta(minutes=20)
    resumed = resume_session(session, new.token, now=later, touch=False)
    assert isinstance(resumed, Resumed) and resumed.touch_due
    session.commit()
    session.refresh(_row(session))
    assert _row(session).last_seen_at == start  # nothing written by the resume itself
    touch_session(session, new.token, later)
    session.commit()
    again = resume_session(session, new.token, now=later + timedelta(minutes=20), touch=False)
    assert isinstance(again, Resumed)  # 40 minutes after the start, 20 after the touch
    assert not resume_session(session, new.token, now=later, touch=False).touch_due  # type: ignore[union-attr]
