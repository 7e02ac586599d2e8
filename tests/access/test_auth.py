"""Signing in: password checks, lockout after repeated failures, re-checks, SSO identities."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session, select

from core.access import auth
from core.access.auth import (
    LoginRefused,
    Refusal,
    SignedIn,
    authenticate,
    hash_password,
    refusal_message_key,
    still_signed_in,
    user_for_identity,
    verify_password,
)
from core.access.users import create_user
from core.codes import Role
from core.i18n import translate
from core.models import AuditLog, User, utcnow

PASSWORD = "correct horse battery"


@pytest.fixture
def user(session: Session) -> User:
    made = create_user(session, username="Maija", role=Role.MANAGER, password=PASSWORD)
    session.commit()
    return made


def test_hashes_are_argon2_and_salted() -> None:
    first, second = hash_password(PASSWORD), hash_password(PASSWORD)
    assert first.startswith("$argon2id$") and first != second
    assert verify_password(first, PASSWORD) and not verify_password(first, "wrong")
    assert not verify_password("", "") and not verify_password("not a hash", PASSWORD)


def test_right_password_signs_in_case_insensitive_name(session: Session, user: User) -> None:
    result = authenticate(session, "  MAIJA ", PASSWORD)
    assert result == SignedIn(user.id or 0, "maija", Role.MANAGER, None, "")
    assert user.last_login_at is not None


def test_wrong_password_and_unknown_name_read_the_same(session: Session, user: User) -> None:
    assert authenticate(session, "maija", "nope") == LoginRefused(Refusal.BAD_CREDENTIALS)
    assert authenticate(session, "nobody", "nope") == LoginRefused(Refusal.BAD_CREDENTIALS)
    session.commit()
    refused = session.exec(select(AuditLog).where(AuditLog.action == "login_refused")).all()
    # The unknown name is not written down: it may be a password typed in the wrong field.
    assert sorted(e.username for e in refused) == ["(unknown)", "maija"]


def test_five_failures_lock_the_account_with_the_time_it_opens(
    session: Session, user: User
) -> None:
    now = utcnow()
    results = [authenticate(session, "maija", f"bad {i}", now=now) for i in range(5)]
    assert all(r == LoginRefused(Refusal.BAD_CREDENTIALS) for r in results[:4])
    locked = results[4]
    assert isinstance(locked, LoginRefused) and locked.reason is Refusal.LOCKED
    assert locked.locked_until == now + timedelta(minutes=15)
    # Even the right password is refused while locked (the reason is for the audit only).
    again = authenticate(session, "maija", PASSWORD, now=now + timedelta(minutes=1))
    assert again == LoginRefused(Refusal.LOCKED, now + timedelta(minutes=15))
    later = authenticate(session, "maija", PASSWORD, now=now + timedelta(minutes=16))
    assert isinstance(later, SignedIn)


def test_lockout_settings_are_configurable(
    session: Session, user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.config import get_settings

    monkeypatch.setenv("SILTA_LOGIN_MAX_FAILURES", "2")
    monkeypatch.setenv("SILTA_LOGIN_LOCKOUT_MINUTES", "60")
    get_settings.cache_clear()
    now = utcnow()
    authenticate(session, "maija", "bad", now=now)
    locked = authenticate(session, "maija", "bad", now=now)
    assert locked == LoginRefused(Refusal.LOCKED, now + timedelta(minutes=60))


def test_a_switched_off_account_cannot_sign_in(session: Session, user: User) -> None:
    user.is_active = False
    session.add(user)
    session.commit()
    assert authenticate(session, "maija", PASSWORD) == LoginRefused(Refusal.INACTIVE)
    assert authenticate(session, "maija", "bad") == LoginRefused(Refusal.BAD_CREDENTIALS)


def test_oversized_input_is_refused_without_hashing_it(session: Session, user: User) -> None:
    assert authenticate(session, "maija", "x" * 100_000) == LoginRefused(Refusal.BAD_CREDENTIALS)
    assert authenticate(session, "m" * 100_000, PASSWORD) == LoginRefused(Refusal.BAD_CREDENTIALS)


def test_a_running_session_follows_the_database(session: Session, user: User) -> None:
    signed = SignedIn.of(user)
    assert still_signed_in(session, signed) == signed
    user.role = Role.STEERING.value
    session.add(user)
    session.commit()
    refreshed = still_signed_in(session, signed)
    assert refreshed is not None and refreshed.role is Role.STEERING
    user.is_active = False
    session.add(user)
    session.commit()
    assert still_signed_in(session, signed) is None


def test_a_lockout_does_not_throw_out_a_running_session(session: Session, user: User) -> None:
    signed = SignedIn.of(user)
    user.locked_until = utcnow() + timedelta(minutes=10)
    session.add(user)
    session.commit()
    assert still_signed_in(session, signed) == signed


def test_sso_maps_by_email_once_then_by_subject(session: Session) -> None:
    create_user(session, username="liisa", role=Role.STEERING, email="Liisa@Oulu.fi")
    session.commit()
    first = user_for_identity(session, subject="sub-123", email="liisa@oulu.fi")
    assert first is not None and first.role is Role.STEERING
    session.commit()
    # The provider may change the address; the bound subject still finds the account.
    again = user_for_identity(session, subject="sub-123", email="liisa.new@oulu.fi")
    assert again is not None and again.username == "liisa"
    assert user_for_identity(session, subject="sub-999", email="stranger@x.fi") is None
    # Another identity cannot take over a bound account through its e-mail.
    assert user_for_identity(session, subject="sub-666", email="liisa@oulu.fi") is None


def test_locked_unknown_and_wrong_read_the_same_in_both_languages(
    session: Session, user: User
) -> None:
    now = utcnow()
    wrong = authenticate(session, "maija", "bad", now=now)
    unknown = authenticate(session, "nobody-here", "bad", now=now)
    for i in range(5):
        authenticate(session, "maija", f"bad {i}", now=now)
    locked = authenticate(session, "maija", PASSWORD, now=now)
    assert isinstance(locked, LoginRefused) and locked.reason is Refusal.LOCKED
    refusals = [r for r in (wrong, unknown, locked) if isinstance(r, LoginRefused)]
    assert len(refusals) == 3
    for lang in ("en", "fi"):
        texts = {translate(refusal_message_key(r), lang) for r in refusals}
        assert len(texts) == 1, texts
        assert "lock" in next(iter(texts)).lower() or "lukit" in next(iter(texts))
    assert translate("auth.refused", "en").startswith("Wrong user name or password, or the")
    # The manager still sees the lockout: the account row and the audit trail name it.
    session.commit()
    session.refresh(user)
    assert user.locked_until is not None and user.locked_until > now
    details = session.exec(select(AuditLog.detail).where(AuditLog.username == "maija")).all()
    assert "locked" in details


def test_unknown_names_cost_the_same_work_as_existing_ones(
    session: Session, user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Time on a shared machine is noise; the work is not. Every refusal (unknown name, wrong
    # password, locked account) runs exactly one real argon2 verification with the same cost
    # parameters, so none answers measurably faster than another.
    checked: list[str] = []
    real = auth.verify_password

    def counting(password_hash: str, password: str) -> bool:
        checked.append(password_hash.rsplit("$", 2)[0])  # algorithm, version and cost
        return real(password_hash, password)

    monkeypatch.setattr(auth, "verify_password", counting)
    work = {}
    for name, attempt in [
        ("unknown", lambda: authenticate(session, "nobody-here", "bad")),
        ("wrong", lambda: authenticate(session, "maija", "bad")),
    ]:
        checked.clear()
        assert isinstance(attempt(), LoginRefused)
        work[name] = list(checked)
    for _ in range(5):
        authenticate(session, "maija", "bad")
    session.commit()
    assert user.locked_until is not None  # the failures above locked the account
    checked.clear()
    assert isinstance(authenticate(session, "maija", PASSWORD), LoginRefused)
    work["locked"] = list(checked)
    assert [len(w) for w in work.values()] == [1, 1, 1], work
    assert len({w[0] for w in work.values()}) == 1, work  # the same argon2 parameters


def test_an_account_without_a_password_never_matches_the_decoy(session: Session) -> None:
    create_user(session, username="sso-only", role=Role.STEERING, email="s@oulu.fi")
    session.commit()
    decoy = "no such user; this only makes unknown names as slow as known ones"
    assert authenticate(session, "sso-only", decoy) == LoginRefused(Refusal.BAD_CREDENTIALS)
