"""Signing in: argon2 password checks, throttling with lockout, and single-sign-on identities.

Nothing here touches Streamlit. `authenticate` returns who signed in (`SignedIn`: ids and
names only, safe to keep in session state) or why not (`LoginRefused`); it never raises for a
wrong password, so the caller's transaction commits the failed-attempt counter.

A refusal must not tell which user names exist: an unknown name, a wrong password and a locked
account get the same words (`refusal_message_key`) and cost the same single argon2
verification. The reason (a lockout included) goes to the audit trail and the users page only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, col, select

from core.access import audit
from core.codes import Role
from core.config import get_settings
from core.models import User, utcnow
from core.text import has_controls, without_controls

# Longer input is refused before hashing: hashing 100 kB per attempt would be a cheap DoS.
MAX_PASSWORD_CHARS = 1024
MAX_USERNAME_CHARS = 80


@lru_cache(maxsize=1)
def hasher() -> PasswordHasher:
    """argon2id with the library's defaults (RFC 9106 low-memory profile)."""
    return PasswordHasher()


def hash_password(password: str) -> str:
    return hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True when `password` matches; an empty or malformed hash never matches."""
    if not password_hash or len(password) > MAX_PASSWORD_CHARS:
        return False
    try:
        return hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@lru_cache(maxsize=1)
def _decoy_hash() -> str:
    return hash_password("no such user; this only makes unknown names as slow as known ones")


def normalise_username(username: str) -> str:
    return username.strip().lower()


@dataclass(frozen=True)
class SignedIn:
    """Who is using the app: plain values only, never an ORM object."""

    user_id: int
    username: str
    role: Role
    company_id: int | None = None
    display_name: str = ""

    @classmethod
    def of(cls, user: User) -> SignedIn:
        assert user.id is not None
        return cls(user.id, user.username, Role(user.role), user.company_id, user.display_name)

    @property
    def label(self) -> str:
        return self.display_name or self.username


class Refusal(StrEnum):
    BAD_CREDENTIALS = "bad_credentials"  # unknown name or wrong password: never says which
    LOCKED = "locked"
    INACTIVE = "inactive"


@dataclass(frozen=True)
class LoginRefused:
    reason: Refusal
    locked_until: datetime | None = None

    def minutes_locked(self, now: datetime | None = None) -> int:
        """Whole minutes until the lock ends, at least 1 (what the sign-in page says)."""
        if self.locked_until is None:
            return 0
        seconds = (self.locked_until - (now or utcnow())).total_seconds()
        return max(1, math.ceil(seconds / 60))


def find_user(session: Session, username: str) -> User | None:
    name = normalise_username(username)
    if not name or len(name) > MAX_USERNAME_CHARS or has_controls(name):
        return None  # no account has such a name (and PostgreSQL refuses NUL in a query)
    return session.exec(select(User).where(User.username == name)).first()


def authenticate(
    session: Session, username: str, password: str, *, now: datetime | None = None
) -> SignedIn | LoginRefused:
    """Check a local sign-in; failed attempts count towards a lockout (caller commits)."""
    now = now or utcnow()
    user = find_user(session, username)
    # Exactly one argon2 verification on every path (unknown name, locked account, wrong or
    # right password), so the time taken does not tell an existing name from an unknown one.
    stored = user.password_hash if user is not None and user.password_hash else _decoy_hash()
    checked = verify_password(stored, password[:MAX_PASSWORD_CHARS])
    matches = checked and user is not None and bool(user.password_hash)
    if user is None or len(password) > MAX_PASSWORD_CHARS:
        _audit_refusal(session, None, Refusal.BAD_CREDENTIALS)
        return LoginRefused(Refusal.BAD_CREDENTIALS)
    if user.locked_until is not None and user.locked_until > now:
        # Even the right password waits for the lock: guessing goes nowhere until it ends.
        _audit_refusal(session, user, Refusal.LOCKED)
        return LoginRefused(Refusal.LOCKED, user.locked_until)
    if not matches:
        return _count_failure(session, user, now)
    if not user.is_active:
        _audit_refusal(session, user, Refusal.INACTIVE)
        return LoginRefused(Refusal.INACTIVE)
    if hasher().check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.failed_logins, user.locked_until, user.last_login_at = 0, None, now
    session.add(user)
    audit.record(session, action="login", username=user.username, company_id=user.company_id)
    return SignedIn.of(user)


def refusal_message_key(refused: LoginRefused) -> str:
    """The i18n key shown to whoever tried to sign in.

    A lockout reads exactly like a wrong password or an unknown name: saying "locked" would
    confirm that the name exists. Only someone who typed the right password of a switched-off
    account learns that it is switched off.
    """
    return "auth.inactive" if refused.reason is Refusal.INACTIVE else "auth.refused"


def _count_failure(session: Session, user: User, now: datetime) -> LoginRefused:
    settings = get_settings()
    user.failed_logins += 1
    refusal = LoginRefused(Refusal.BAD_CREDENTIALS)
    if user.failed_logins >= settings.login_max_failures:
        user.failed_logins = 0
        user.locked_until = now + timedelta(minutes=settings.login_lockout_minutes)
        refusal = LoginRefused(Refusal.LOCKED, user.locked_until)
    session.add(user)
    _audit_refusal(session, user, refusal.reason)
    return refusal


def _audit_refusal(session: Session, user: User | None, reason: Refusal) -> None:
    # An unknown name is not written down: people type their password into the name field.
    audit.record(
        session,
        action="login_refused",
        username=user.username if user is not None else "(unknown)",
        detail=reason.value,
    )


def record_logout(session: Session, signed: SignedIn, *, expired: bool = False) -> None:
    audit.record(
        session,
        action="logout",
        username=signed.username,
        company_id=signed.company_id,
        detail="idle timeout" if expired else "",
    )


def still_signed_in(session: Session, signed: SignedIn) -> SignedIn | None:
    """The user as the database now has them (role changes apply at once); None if gone.

    A lockout does not end a running session: anyone could otherwise throw a signed-in user
    out by typing wrong passwords for their name.
    """
    user = session.get(User, signed.user_id)
    if user is None or not user.is_active or user.username != signed.username:
        return None
    return SignedIn.of(user)


def user_for_identity(session: Session, *, subject: str, email: str) -> SignedIn | None:
    """The active user an OIDC identity maps to: by subject, else by e-mail (then bound)."""
    subject = without_controls(subject).strip()
    email = without_controls(email).strip().lower()
    user = None
    if subject:
        user = session.exec(select(User).where(User.sso_subject == subject)).first()
    if user is None and email:
        query = select(User).where(User.email == email, col(User.sso_subject).is_(None))
        user = session.exec(query).first()
        if user is not None and subject:
            # Bind on first use, so a later change of e-mail at the provider keeps access.
            user.sso_subject = subject
            session.add(user)
    if user is None or not user.is_active:
        return None
    user.last_login_at = utcnow()
    session.add(user)
    audit.record(
        session, action="login", username=user.username, company_id=user.company_id, detail="sso"
    )
    return SignedIn.of(user)
