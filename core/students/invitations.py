"""Invitation links (issue 14): a new student sets their own password through a link.

Each invitation is a random token; the database keeps only its sha256 (a copied table lets
nobody in). A link works once, until `settings.invitation_days` have passed, and only while it
is the account's newest: sending a new one revokes the old. Using it is one atomic UPDATE
(`used_at IS NULL AND revoked_at IS NULL AND expires_at > now`), so two tabs racing with the
same link set one password, not two. An unknown, used, revoked or expired token all get the
same answer (`InvitationError("invite.err.invalid")`): the page tells nobody which it was.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, update
from sqlmodel import Session, col, select

from core.access import audit
from core.access.auth import hash_password
from core.access.sessions import token_digest
from core.access.users import check_password
from core.codes import Role
from core.config import get_settings
from core.errors import DomainError
from core.models import User, UserInvitation, utcnow
from core.notify import events

TOKEN_BYTES = 32
MAX_TOKEN_CHARS = 200
INVITE_PATH = "invite"


class InvitationError(DomainError, ValueError):
    """An invitation that cannot be used or sent; `key` names the UI text."""


@dataclass(frozen=True)
class Issued:
    """A new invitation: the token exists only here (for the e-mail, or shown once)."""

    invitation_id: int
    user_id: int
    token: str

    @property
    def link(self) -> str:
        return invitation_link(self.token)


def invitation_link(token: str) -> str:
    """The address of the invitation page; relative when `settings.app_url` is unset."""
    return f"{get_settings().app_url}/{INVITE_PATH}?t={token}"


def issue(session: Session, user: User, *, now: datetime | None = None) -> Issued:
    """A new invitation for `user`; any earlier one still open stops working."""
    now = now or utcnow()
    assert user.id is not None
    for old in session.exec(
        select(UserInvitation).where(
            UserInvitation.user_id == user.id,
            col(UserInvitation.used_at).is_(None),
            col(UserInvitation.revoked_at).is_(None),
        )
    ):
        old.revoked_at = now
        session.add(old)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    row = UserInvitation(
        token_hash=token_digest(token),
        user_id=user.id,
        created_at=now,
        expires_at=now + timedelta(days=get_settings().invitation_days),
    )
    session.add(row)
    session.flush()  # audited (the hash is a secret field: the trail never shows it)
    assert row.id is not None
    return Issued(row.id, user.id, token)


def _open_row(session: Session, token: str, now: datetime) -> UserInvitation | None:
    """The invitation `token` names, if it can still be used (one indexed lookup)."""
    if not token or len(token) > MAX_TOKEN_CHARS:
        return None
    row = session.exec(
        select(UserInvitation).where(UserInvitation.token_hash == token_digest(token))
    ).first()
    if row is None or row.used_at is not None or row.revoked_at is not None:
        return None
    # Compared in SQL elsewhere; here the stored value may come back without its zone.
    expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=now.tzinfo)
    return row if expires > now else None


def account_name(session: Session, token: str, *, now: datetime | None = None) -> str:
    """The user name the invitation is for; refused like every other bad token."""
    row = _open_row(session, token, now or utcnow())
    user = session.get(User, row.user_id) if row is not None else None
    if user is None or not user.is_active:
        raise InvitationError("invite.err.invalid")
    return user.username


def accept(session: Session, token: str, password: str, *, now: datetime | None = None) -> str:
    """Set the account's password through the invitation and spend it; returns the user name.
    The password policy is the one of every account (`core.access.users.check_password`)."""
    now = now or utcnow()
    row = _open_row(session, token, now)
    user = session.get(User, row.user_id) if row is not None else None
    if row is None or user is None or not user.is_active:
        raise InvitationError("invite.err.invalid")
    check_password(password, username=user.username)  # before the token is spent
    spent = session.execute(
        update(UserInvitation)
        .where(
            and_(
                col(UserInvitation.id) == row.id,
                col(UserInvitation.used_at).is_(None),
                col(UserInvitation.revoked_at).is_(None),
                col(UserInvitation.expires_at) > now,
            )
        )
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    if not getattr(spent, "rowcount", 0):
        raise InvitationError("invite.err.invalid")  # another tab used it a moment ago
    user.password_hash = hash_password(password)
    user.password_changed_at = now
    user.failed_logins, user.locked_until = 0, None
    session.add(user)
    audit.record(
        session,
        action="invitation_used",
        username=user.username,
        entity="user",
        entity_key=str(user.id),
        detail="password set through an invitation link",
    )
    return user.username


def may_reinvite(user: User) -> bool:
    """A new link only for an active student who has not set a password yet."""
    return user.role == Role.STUDENT.value and user.is_active and not user.password_hash


def reinvite(session: Session, user_id: int, *, now: datetime | None = None) -> Issued:
    """A fresh invitation (the old link stops working) and its e-mail, for a student who has
    not set a password yet."""
    user = session.get(User, user_id)
    if user is None or not may_reinvite(user):
        raise InvitationError("invite.err.not_invitable")
    issued = issue(session, user, now=now)
    events.student_invited(session, user, link=issued.link, invitation_id=issued.invitation_id)
    return issued
